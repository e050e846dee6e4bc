"""Event arguments (#13): the second look at modality (`stages.events.modality`), the place
and the date of an event. Sentences written for these tests (not taken from any article)."""

from __future__ import annotations

from typing import Any

import pytest

import kroniek
from kroniek.stages.events import happened
from kroniek.stages.events.modality import masked_text


def _events(text: str, *, published: str = "2019-04-10") -> list[Any]:
    return kroniek.analyze(text, published=published, lang="nl").events


def _modalities(text: str, word: str, **kw: Any) -> list[str]:
    return [e.modality for e in _events(text, **kw) if e.trigger.text == word]


@pytest.mark.parametrize(("text", "word"), [
    # a cue inside a quotation the event is not in: what was said, not how it is told
    ("De man riep zaterdag tijdens een demonstratie in Utrecht 'Als je de minister wilt raken, "
     "doe het dan nu'.", "demonstratie"),
    # a singular noun read as a plural by its last letter
    ("Tijdens de vredesmars scandeerde een groep betogers leuzen tegen de regering in Rotterdam.",
     "vredesmars"),
    # a plural in an undated sentence that its clause locates in a town
    ("Na de uitspraak braken rellen uit in Eindhoven.", "rellen"),
])
def test_happened_despite_a_cue_that_is_not_about_it(text: str, word: str) -> None:
    mods = _modalities(text, word)
    assert mods and all(m in ("asserted", "claimed") for m in mods), (word, mods)


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Als de rebellen de stad aanvallen, vluchten de inwoners.", "aanvallen", "hypothetical"),
    ("In dat land wordt elke week gedemonstreerd tegen de regering.", "gedemonstreerd", "habitual"),
    ("De rebellen dreigden de hoofdstad aan te vallen.", "vallen", "hypothetical"),
    ("Hij ontkende dat zijn eenheid het dorp had beschoten.", "beschoten", "negated"),
])
def test_cues_that_are_about_it_still_count(text: str, word: str, expected: str) -> None:
    events = [e for e in _events(text) if word in e.trigger.text]
    assert events and not any(happened(e) for e in events), (word, [e.modality for e in events])
    assert events[0].modality == expected


def test_an_event_still_to_come() -> None:
    assert _modalities("Het is wachten op de volgende aanslag, zegt de minister van Justitie.",
                       "aanslag") == ["future"]


def test_a_compass_word_alone_is_no_foreign_region() -> None:
    doc = kroniek.analyze("Tientallen scooterrijders reden toeterend door West en demonstreerden tegen "
                          "de nieuwe regels.", published="2019-04-10", lang="nl")
    assert not any(p.country_code == "CM" for p in doc.places)


def test_a_noun_dated_before_publication_happened() -> None:
    text = ("De rechter zal zich dinsdag buigen over de zaak als de activiste zich moet verantwoorden "
            "voor haar leuzen tijdens een demonstratie twee weken geleden in Utrecht.")
    assert _modalities(text, "demonstratie") == ["asserted"]


def test_masked_text_keeps_offsets_and_blanks_only_what_says_nothing() -> None:
    doc = kroniek.analyze("Volgens je moeder heeft zij tijdens een protest 'men moet vechten' geroepen.",
                          published="2019-04-10", lang="nl")
    at = doc.text.index("protest")
    masked = masked_text(doc, at, at + len("protest"))
    assert len(masked) == len(doc.text)
    assert "men moet vechten" not in masked and "protest" in masked
    assert " je " not in masked  # "je moeder": no generic "you"


# -- place ----------------------------------------------------------------------------------


def _place_of(text: str, word: str) -> Any:
    doc = kroniek.analyze(text, published="2019-04-10", lang="nl")
    places = {p.id: p for p in doc.places}
    found = [e for e in doc.events if e.trigger.text == word]
    assert found, word
    return places.get(found[0].place or "")


@pytest.mark.parametrize(("text", "word", "name"), [
    # a district of a city: the city (the gazetteer does not know the district)
    ("Een moskee in Rotterdam-Feijenoord is zaterdag beschoten met een vuurwapen.", "beschoten", "Rotterdam"),
    # a place the recogniser ran together with the name after it
    ("De vrouw die vorige maand tijdens een demonstratie in Amsterdam Baudet met de dood bedreigde, "
     "is opgepakt.", "demonstratie", "Amsterdam"),
    # a place that an adjective of its country opens, tagged as one organisation
    ("In verband met de aanslag in het Nieuw-Zeelandse Christchurch is in Oostenrijk een woning "
     "doorzocht.", "aanslag", "Christchurch"),
    # a city's adjective in the event's own sentence before a place of the sentence before
    ("De zanger woonde lang op Aruba. Na zijn dood braken rellen uit in de Haagse Schilderswijk.",
     "rellen", "The Hague"),
])
def test_event_place(text: str, word: str, name: str) -> None:
    place = _place_of(text, word)
    assert place is not None and place.name == name, (word, place)


def test_no_place_from_a_question_word_or_an_organisations_seat() -> None:
    assert _place_of("Hoe het protest verliep, is onduidelijk.", "protest") is None
    place = _place_of("De Hongkongse organisatie China Labour Bulletin telde vorig jaar 1700 "
                      "arbeidersprotesten.", "arbeidersprotesten")
    assert place is None or place.name != "Hong Kong"


def test_a_building_is_no_place_and_a_region_stays_whole() -> None:
    doc = kroniek.analyze("Bewoners van de Brinktoren in Amsterdam-Noord hoorden een knal. "
                          "Boeren in Noord-Limburg protesteerden.", published="2019-04-10", lang="nl")
    names = [p.name for p in doc.places]
    assert "Overijssel" not in names and "Amsterdam" in names
    assert "Limburg" in names and "Noord" not in names


def test_a_city_and_its_region_are_one_place() -> None:
    doc = kroniek.analyze("Zijn arrestatie, afgelopen zaterdag, in een resort in Palm Beach, Florida, "
                          "leidde tot speculaties over spionage.", published="2019-04-04", lang="nl")
    assert len([e for e in doc.events if e.trigger.text == "arrestatie"]) == 1
    doc = kroniek.analyze("Er werd zaterdag gedemonstreerd in Amsterdam, Utrecht en Den Haag.",
                          published="2019-04-04", lang="nl")
    assert len(doc.events) == 3  # a list of places is one event each


# -- date -----------------------------------------------------------------------------------


def test_nine_eleven_is_a_date() -> None:
    events = _events("Sinds de aanslagen van 9/11 is de beveiliging op vliegvelden streng.")
    assert events and (events[0].time.from_, events[0].time.to) == ("2001-09-11", "2001-09-11")
    assert events[0].background


# -- actors ---------------------------------------------------------------------------------


def test_acled_names_the_netherlands_with_the() -> None:
    events = _events("De politie heeft zaterdag in Rotterdam twaalf demonstranten gearresteerd.")
    arrests = [e for e in events if e.sub_type == "Arrests"]
    assert arrests and arrests[0].actor1 is not None
    assert arrests[0].actor1.name == "Police Forces of the Netherlands"


def test_a_story_year_does_not_carry_into_the_present() -> None:
    text = ("In 2004 sprak hij voor het eerst in de Kamer over de dreiging. Hij kreeg daarna "
            "bewaking. Nu interrumpeerde hij het moment stilte voor de slachtoffers van de aanslag "
            "in Utrecht.")
    events = [e for e in _events(text) if e.trigger.text == "aanslag"]
    assert events and events[0].time.from_ and not events[0].time.from_.startswith("2004")
    assert not events[0].background


def test_a_lone_small_town_does_not_pull_a_city_abroad() -> None:
    # "Minerva" read as a small town in Ohio must not vote Amsterdam to Amsterdam, Ohio.
    text = ("Honderden mensen liepen zondag in Amsterdam mee in een mars tegen haat. "
            "Vorig jaar trok de mars in Amsterdam veel minder mensen. "
            "Sprekers noemden de aanslag in Christchurch. "
            "Op een spandoek was een uil van Minerva geschilderd.")
    doc = kroniek.analyze(text, published="2019-03-25", lang="nl")
    assert [p.country_code for p in doc.places if p.text == "Amsterdam"] == ["NL", "NL"]


def test_a_time_after_since_does_not_date_the_event_before_it() -> None:
    # "sinds drie weken geleden" opens the period the demonstration is measured against.
    text = ("Duizenden mensen gingen vrijdag in Tunis de straat op. "
            "Het was de grootste demonstratie sinds drie weken geleden de onrust begon.")
    # "de grootste demonstratie" is the Friday protest again: whichever mention carries the
    # event, none is dated to the day the unrest began.
    events = _events(text, published="2019-03-09")
    assert events and all(e.time.from_ and e.time.to and e.time.from_ <= "2019-03-08" <= e.time.to
                          for e in events), [(e.trigger.text, e.time.from_, e.time.to) for e in events]
    alone = _events("Vrijdag was er in Tunis de grootste demonstratie sinds drie weken geleden "
                    "de onrust begon.", published="2019-03-09")
    demo = [e for e in alone if e.trigger.text == "demonstratie"]
    assert demo and all(e.time.from_ == "2019-03-08" for e in demo), \
        [(e.time.from_, e.time.to) for e in demo]


def test_a_definite_noun_under_a_present_modal_is_still_to_come() -> None:
    text = ("Het nieuws van de week. De dichter schreef een lied dat gezongen kan worden "
            "bij de demonstratie in Den Haag.")
    assert _modalities(text, "demonstratie") == ["future"]


@pytest.mark.parametrize(("text", "word"), [
    # a period frame governs the trigger past the commas that end its clause window
    ("Er was een tijd dat de milities alle boeren die weigerden te betalen, en hun zonen, "
     "vermoordden.", "vermoordden"),
    # a count over a stretch of time: a tally, not one arrest
    ("In het noorden zijn de afgelopen drie jaar ruim tweehonderd journalisten door de politie "
     "gearresteerd.", "gearresteerd"),
])
def test_what_went_on_for_a_while_did_not_happen_once(text: str, word: str) -> None:
    assert _modalities(text, word, published="2019-04-10") == ["habitual"]


def test_a_count_of_one_day_still_happened() -> None:
    # a count without a span of time is one incident
    mods = _modalities("In het noorden zijn dinsdag ruim tweehonderd journalisten door de politie "
                       "gearresteerd.", "gearresteerd")
    assert mods and all(m in ("asserted", "claimed") for m in mods), mods


@pytest.mark.parametrize(("text", "word"), [
    # an attributive participle: the announcement of the clause it stands in is not about it
    ("De familie van de in 2017 door een extremist vermoorde journalist had aangekondigd een klacht "
     "in te dienen.", "vermoorde"),
    # a relative clause in the past tense: the hedge of the main clause is not about it
    ("De politie zegt dat de demonstrant die gisteren in Minsk werd gearresteerd, mogelijk wordt "
     "vrijgelaten.", "gearresteerd"),
])
def test_what_describes_a_person_is_presupposed(text: str, word: str) -> None:
    assert _modalities(text, word) == ["asserted"]


def test_a_negated_attribute_stays_negated() -> None:
    # what attaches to the trigger itself still counts
    text = "De politie wil weten wie de nooit aangehouden demonstrant is."
    mods = _modalities(text, "aangehouden")
    assert mods and all(m not in ("asserted", "claimed") for m in mods), mods


@pytest.mark.parametrize(("text", "word"), [
    # a bare plural the tagger took for a verb: a kind of event, not one
    ("Het land is te druk met binnenlandse politiek en aanslagen.", "aanslagen"),
    # frequency: "weleens", "per jaar"
    ("Het gaat om honderden demonstranten per jaar die worden gearresteerd.", "gearresteerd"),
])
def test_kinds_and_rates_are_habitual(text: str, word: str) -> None:
    assert _modalities(text, word) == ["habitual"]


def test_a_number_word_past_twelve_dates_an_event_ago() -> None:
    doc = kroniek.analyze("Het protest werd dertig jaar geleden bloedig neergeslagen.", published="2019-04-10",
                          lang="nl")
    assert [(t.text, (t.value.from_ or "")[:2]) for t in doc.times] == [("dertig jaar geleden", "19")]


@pytest.mark.parametrize(("text", "word", "expected"), [
    # a call with an infinitive of purpose: the GUIDE's hypothetical
    ("De politie doet aangifte wanneer iemand op sociale media oproept om de minister te vermoorden.",
     "vermoorden", "hypothetical"),
    # a purpose without a call is still an intention to come
    ("De rebellen trokken naar het noorden om de stad te veroveren.", "veroveren", "future"),
])
def test_a_call_for_it_is_hypothetical(text: str, word: str, expected: str) -> None:
    assert _modalities(text, word) == [expected]


def test_an_undated_definite_noun_takes_the_date_told_elsewhere() -> None:
    # "de beschieting van Kidal" is the shelling the next sentence dates, not one of this week
    text = ("Vier rebellen worden gelinkt aan de beschieting van Kidal. Rebellen beschoten Kidal in juni "
            "vorig jaar met mortieren.")
    events = [e for e in _events(text) if e.trigger.text == "beschieting"]
    assert events and all((e.time.from_, e.time.to) == ("2018-06-01", "2018-06-30") for e in events), \
        [(e.time.from_, e.time.to) for e in events]
