"""Speaker name forms (`kroniek.stages.names.Names`, `kroniek.stages.speakers.Resolver`):
words glued before a name, initials, organisations cut at "voor"/"van", lower-case
institutions and organisation nouns. Invented sentences."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline
from kroniek.stages.phrases import Mention, lexicon
from kroniek.stages.speakers import Resolver

TEXT = (
    "Het dagblad Morgenpost schreef er dinsdag over. "
    "Zwollenaar Karel Verbeek woont aan de dijk. Verbeek bleef kritisch. "
    "Misdaadverslaggever Jan K. de Groot was erbij. Volgens De Groot is het te laat. "
    "Ook Europarlementariër voor de Partij voor de Vrijheid Anna Kuipers reageerde. "
    "De Oeigoer Rahim Tursun (40) woont in Utrecht. Tursun wil de krant in. "
    "Telegraaf Bij De Telegraaf is de toon scherp. "
    "Dat schrijft het Nationaal Museum van Wereldculturen in een verklaring. "
    "De gemeente Zwolle laat weten dat de brug dicht blijft. De gemeente wil geld. "
    "Justitie eist twee jaar cel. Volgens justitie is het bewijs sterk. "
    "Van Tursun weten de autoriteiten niets. Ook Louis van Gaal sprak. Van Gaal zweeg daarna."
)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    pipe = build_pipeline(disable=("times", "places", "quotes", "claims", "events"))
    doc = pipe(Doc(text=TEXT, lang="nl"))
    return Resolver(doc, lexicon("nl"))


def test_a_word_glued_before_a_person_is_not_part_of_the_full_name(resolver: Resolver) -> None:
    # The recogniser calls "Karel Verbeek" the person, not "Zwollenaar Karel Verbeek".
    assert "Karel Verbeek" in {e.text for e in resolver.doc.entities if e.label == "PER"}
    assert resolver.full_name("Verbeek") == "Karel Verbeek"
    assert resolver.tidy_name("Zwollenaar Karel Verbeek") == "Karel Verbeek"


def test_an_initial_stays_with_the_first_name(resolver: Resolver) -> None:
    assert resolver.full_name("De Groot") == "Jan K. de Groot"


def test_a_party_name_after_de_is_no_part_of_the_person(resolver: Resolver) -> None:
    assert resolver.clean_name("Vrijheid Anna Kuipers", after_van=False) == "Vrijheid Anna Kuipers"
    assert resolver.full_name("Kuipers") == "Anna Kuipers"


def test_a_noun_after_an_article_is_no_first_name(resolver: Resolver) -> None:
    assert resolver.clean_name("De Oeigoer Rahim Tursun") == "Rahim Tursun"


def test_function_words_left_after_the_cut_are_dropped(resolver: Resolver) -> None:
    assert resolver.clean_name("Telegraaf Bij De Telegraaf") == "Telegraaf"


def test_an_organisation_keeps_what_follows_van(resolver: Resolver) -> None:
    assert resolver.clean_name("Nationaal Museum van Wereldculturen") == (
        "Nationaal Museum van Wereldculturen")


def test_an_organisation_noun_finds_the_one_name_the_article_gives_it(resolver: Resolver) -> None:
    assert resolver.full_name("gemeente") == "gemeente Zwolle"


def test_a_lower_case_institution_opening_a_sentence_is_a_name(resolver: Resolver) -> None:
    assert resolver.tidy_name("Justitie") == "Justitie"


def test_a_mention_cut_before_voor_gets_the_organisations_full_name() -> None:
    pipe = build_pipeline(disable=("times", "places", "quotes", "claims", "events"))
    text = "Volgens het Centraal Bureau voor de Statistiek daalde de werkloosheid."
    r = Resolver(pipe(Doc(text=text, lang="nl")), lexicon("nl"))
    at = text.index("het Centraal Bureau")
    got = r.speaker(Mention(at, at + len("het Centraal Bureau"), "het Centraal Bureau"))
    if any(e.label == "ORG" and e.text == "Centraal Bureau voor de Statistiek"
           for e in r.doc.entities):
        assert got.name == "Centraal Bureau voor de Statistiek"
    else:
        assert got.name == "Centraal Bureau"


def test_a_possessive_ending_is_no_part_of_the_name(resolver: Resolver) -> None:
    assert resolver.tidy_name("Tursun'") == "Rahim Tursun"
    assert resolver.tidy_name("Christie's") == "Christie's"  # never written without it


def test_van_opening_a_sentence_before_a_surname_is_a_preposition(resolver: Resolver) -> None:
    assert resolver.tidy_name("Van Tursun") == "Rahim Tursun"
    assert resolver.tidy_name("Van Gaal") == "Van Gaal"


def test_english_name_forms_stay_as_they_were() -> None:
    pipe = build_pipeline(disable=("times", "places", "quotes", "claims", "events"))
    text = "Secretary of State John F. Kerry said so. Donald Trump's aides disagreed."
    r = Resolver(pipe(Doc(text=text, lang="en")), lexicon("en"))
    assert r.tidy_name("Donald Trump's") == "Donald Trump's"


def test_de_gemeente_speaks_for_the_gemeente_the_article_names(resolver: Resolver) -> None:
    text = resolver.doc.text
    at = text.index("De gemeente wil")
    got = resolver.speaker(Mention(at, at + len("De gemeente"), "De gemeente"))
    assert got.name == "gemeente Zwolle"

