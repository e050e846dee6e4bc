"""Claims (`kroniek.claims.v1`): source, source type, side, evidence and factuality."""

from __future__ import annotations

from typing import Any

import pytest

from kroniek.doc import Claim, Doc
from kroniek.pipeline import Pipeline, build_pipeline
from kroniek.stages.claims import factuality, source_for_phrase


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "events"))


def claims(nlp: Pipeline, text: str, lang: str = "nl") -> tuple[Doc, list[Claim]]:
    doc = nlp(Doc(text=text, lang=lang))
    return doc, doc.claims


def covering(doc: Doc, word: str) -> Claim:
    """The claim whose span covers `word` (as an event trigger would be)."""
    at = doc.text.index(word)
    hits = [c for c in doc.claims if c.start <= at < c.end]
    assert hits, f"no claim covers {word!r}: {[(c.start, c.end) for c in doc.claims]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "trigger", "source", "stype", "side", "fact"),
    [
        ("Pro-Russische bloggers op Telegram melden beschietingen bij de stad Izjoem.",
         "beschietingen", "Pro-Russische bloggers", "social_media", "Rusland", "asserted"),
        ("Bij de aanval zouden twintig burgers zijn omgekomen, meldt het Oekraïense leger.",
         "aanval", "Oekraïense leger", "party_to_conflict", "Oekraïne", "hedged"),
        ("Het Kremlin ontkent dat Russische troepen de grens zijn overgestoken.",
         "overgestoken", "Kremlin", "official", "Rusland", "denied"),
        ("Volgens lokale media vielen er tien doden, maar dat kon niet onafhankelijk worden "
         "bevestigd.", "doden", "lokale media", "media", None, "unconfirmed"),
        ("Het Israëlische leger meldt dat er vannacht veertig raketten zijn onderschept.",
         "onderschept", "Israëlische leger", "party_to_conflict", "Israël", "asserted"),
        ("Volgens analist Mark Visser is de opmars naar verluidt tot stilstand gekomen.",
         "opmars", "Mark Visser", "expert", None, "hedged"),
    ],
)
def test_dutch_claims(nlp: Pipeline, text: str, trigger: str, source: str, stype: str,
                      side: str | None, fact: str) -> None:
    doc, _ = claims(nlp, text)
    c = covering(doc, trigger)
    assert source in (c.source.name or "")
    assert c.source.type == stype
    assert c.source.side == side
    assert c.factuality == fact
    assert c.evidence is not None and c.cue is not None


def test_imagery_is_a_source_of_its_own(nlp: Pipeline) -> None:
    doc, _ = claims(nlp, "Uit satellietbeelden blijkt dat de landingsbaan zwaar is beschadigd.")
    c = covering(doc, "beschadigd")
    assert c.source.name == "satellietbeelden" and c.source.type == "imagery"
    assert c.evidence is not None and c.evidence.kind == "imagery"
    assert c.cue is not None and c.cue.text == "blijkt"


def test_declining_to_comment_is_a_claim(nlp: Pipeline) -> None:
    doc, cl = claims(nlp, "Over de verliezen wilde het ministerie geen informatie geven.")
    (c,) = [c for c in cl if c.factuality == "declined"]
    assert c.source.name == "het ministerie" and c.source.type == "official"


def test_every_quote_yields_a_claim(nlp: Pipeline) -> None:
    doc, cl = claims(nlp, "„De brug is vernield”, zegt commandant Pieter de Vries. Volgens "
                          "hem is de aanvoer gestopt.")
    assert {c.quote for c in cl if c.quote} == {q.id for q in doc.quotes}
    assert all(c.source.name == "Pieter de Vries" for c in cl)
    assert all(c.source.type == "party_to_conflict" for c in cl)


@pytest.mark.parametrize(
    ("text", "trigger", "stype", "side", "fact"),
    [
        ("The Ukrainian military said it had destroyed two tanks near the village.",
         "destroyed", "party_to_conflict", "Ukraine", "asserted"),
        ("Verified footage shows that the bridge collapsed after the strike.", "collapsed",
         "imagery", None, "asserted"),
        ("The strike reportedly killed six people, local officials said.", "killed",
         "official", None, "hedged"),
    ],
)
def test_english_claims(nlp: Pipeline, text: str, trigger: str, stype: str,
                        side: str | None, fact: str) -> None:
    doc, _ = claims(nlp, text, "en")
    c = covering(doc, trigger)
    assert c.source.type == stype and c.source.side == side and c.factuality == fact


def test_english_decline(nlp: Pipeline) -> None:
    _, cl = claims(nlp, "The Kremlin declined to comment on the report.", "en")
    assert [c.source.name for c in cl if c.factuality == "declined"] == ["The Kremlin"]


@pytest.mark.parametrize(
    ("phrase", "stype", "side"),
    [
        ("de Russische militaire bloggers", "social_media", "Rusland"),
        ("geverifieerde videobeelden", "imagery", None),
        ("de woordvoerder van het Oekraïense ministerie van Defensie", "official", "Oekraïne"),
        ("een Amerikaanse denktank", "expert", "Verenigde Staten"),
        ("Kyiv", "official", "Oekraïne"),
    ],
)
def test_source_types_from_phrases(phrase: str, stype: str, side: str | None) -> None:
    assert source_for_phrase(phrase, lang="nl") == (stype, side)


@pytest.mark.parametrize(
    ("content", "cue", "fact"),
    [
        ("de stad zou zijn omsingeld", "zegt", "hedged"),
        ("de stad is naar verluidt omsingeld", "zegt", "hedged"),
        ("de stad is mogelijk omsingeld", "meldt", "hedged"),
        ("de stad is omsingeld", "ontkent", "denied"),
        ("de stad is omsingeld", "zegt", "asserted"),
    ],
)
def test_factuality(content: str, cue: str, fact: str) -> None:
    assert factuality(content, lang="nl", cue=cue) == fact


# -- the reference article (input only) -------------------------------------------------


def test_reference_article_fighting_and_strikes_carry_source_and_type(
    reference_doc: Any,
) -> None:
    doc = reference_doc
    fighting = covering(doc, "gevechten")
    assert fighting.source.type == "social_media" and fighting.source.side == "Rusland"
    assert "bloggers" in (fighting.source.name or "")
    strikes = covering(doc, "beschiet")
    assert strikes.source.type == "imagery"
    assert strikes.evidence is not None and strikes.evidence.kind == "imagery"
    declined = [c for c in doc.claims if c.factuality == "declined"]
    assert [c.source.name for c in declined] == ["Kyiv"]
    assert declined[0].source.side == "Oekraïne"
    expert = [c for c in doc.claims if c.source.name == "Dick Zandee"]
    assert expert and all(c.source.type == "expert" for c in expert)
    president = covering(doc, "bepaalde stappen")
    assert president.source.name == "Volodymyr Zelensky"
    assert president.source.side == "Oekraïne"
    assert covering(doc, "opeenhoping").factuality == "hedged"


def test_hearsay_without_a_source_is_a_hedged_claim(nlp: Pipeline) -> None:
    doc, _ = claims(nlp, "De kazerne werd gisteren getroffen. Daarbij zouden zeker twaalf "
                         "militairen zijn gedood.")
    c = covering(doc, "gedood")
    assert c.factuality == "hedged" and c.source.type == "unknown" and c.source.name is None
    assert c.evidence is not None and c.evidence.kind == "report"
    assert not [x for x in doc.claims if x.start <= doc.text.index("getroffen") < x.end]


def test_words_a_speaker_only_imagines_are_hedged(nlp: Pipeline) -> None:
    doc, cl = claims(nlp, "Analist Mark Visser: „De premier kan straks zeggen: „Wij hebben "
                          "gewonnen.” Maar dat is niet zo.”")
    inner = min(doc.quotes, key=lambda q: q.end - q.start)
    (c,) = [c for c in cl if c.quote == inner.id]
    assert c.factuality == "hedged"


@pytest.mark.parametrize(
    ("name", "ok"),
    [("inhoud van de", False), ("staatsaanklager brachten", False), ("kabinet stug vol", False),
     ("NOORDZEE WARMER", False), ("Veel", False), ("Openbaar Ministerie", True),
     ("Russische militaire bloggers", True), ("zeven partijen", True), ("Wang Yi", True)],
)
def test_a_source_name_has_a_nominal_head(name: str, ok: bool) -> None:
    from kroniek.stages.phrases import nominal_head

    assert nominal_head(name, "nl") is ok


def test_role_from_where_the_speaker_is_introduced(nlp: Pipeline) -> None:
    text = ("SP-Kamerlid Jasper van Dijk diende een wetsvoorstel in. Het ging om de huur. "
            "„Dit is een kwestie van fatsoen”, zegt Van Dijk.")
    _, cs = claims(nlp, text)
    assert len(cs) == 1 and cs[0].source.type == "official"


def test_a_song_is_not_a_claim(nlp: Pipeline) -> None:
    _, cs = claims(nlp, "„Wij gaan nog niet naar huis, nog lange niet”, zongen de fans "
                        "na de wedstrijd.")
    assert cs == []


@pytest.mark.parametrize(
    ("phrase", "stype"),
    [
        ("oppositiepartij CHP", "official"),
        ("Forum voor Democratie", "official"),
        ("VVD-gedeputeerde Jan de Boer", "official"),
        ("de Verenigde Naties", "official"),
        ("GGD Haaglanden", "official"),
        ("het Britse persagentschap", "media"),
        ("wijnhandelaar Hans Suurs", "business"),
    ],
)
def test_parties_bodies_and_compounds_are_typed(phrase: str, stype: str) -> None:
    assert source_for_phrase(phrase, lang="nl")[0] == stype


def test_role_from_an_apposition_after_the_name(nlp: Pipeline) -> None:
    text = ("„Dit is het topje van de ijsberg”, zegt Remco Breuker, hoogleraar Koreastudies "
            "aan de Universiteit Leiden. „Er gaat veel meer om”, vertelt Breuker.")
    _, cs = claims(nlp, text)
    assert cs and all(c.source.type == "expert" for c in cs)


def test_an_apposed_clause_gives_no_role(nlp: Pipeline) -> None:
    # "Jansen, de agent zag ..." is a clause: the agent is not Jansen's role.
    text = ("„Het was druk”, zegt Jansen, de agent zag het ook. „Heel druk”, aldus Jansen.")
    _, cs = claims(nlp, text)
    assert cs and all(c.source.type != "official" for c in cs)


def test_a_fragment_is_never_a_source_name(nlp: Pipeline) -> None:
    _, cs = claims(nlp, "„Dat gaat ons veel geld kosten”, zegt Niemand. Wanneer toeristen "
                        "komen, zegt hij dat het druk is.")
    assert all(c.source.name not in ("Niemand", "Wanneer") for c in cs)


def test_a_poll_share_says_something_in_english(nlp: Pipeline) -> None:
    doc, _ = claims(nlp, "Around that time, 47 percent said they would vote for Clinton.", "en")
    (q,) = doc.quotes
    assert q.speaker is not None and q.speaker.name == "47 percent"


def test_an_english_subject_with_an_apposition_is_not_inverted(nlp: Pipeline) -> None:
    doc, _ = claims(nlp, "Christopher Harvey, a delegate from Houston, Texas, said the "
                         "turmoil at this week's convention was all part of the circus.", "en")
    (q,) = doc.quotes
    assert q.speaker is not None and q.speaker.start == 0  # the mention: "Christopher Harvey, …"
    assert q.text.startswith("the turmoil")


def test_told_with_only_an_addressee_reports_the_clause_before(nlp: Pipeline) -> None:
    doc, _ = claims(nlp, "He had been completing his second year, a school spokesman told "
                         "The Wall Street Journal.", "en")
    (q,) = doc.quotes
    assert q.text == "He had been completing his second year"
    assert q.speaker is not None and q.speaker.start == doc.text.index("a school spokesman")


def test_what_follows_the_cue_of_a_quotation_is_not_reported(nlp: Pipeline) -> None:
    doc, _ = claims(nlp, "“We like a lot of the candidates,” Adelson said during the interview "
                         "in Macau, ahead of the opening of his new hotel.", "en")
    assert [q.kind for q in doc.quotes] == ["direct"]


def test_a_surname_that_looks_like_a_function_word_is_kept(nlp: Pipeline) -> None:
    _, cs = claims(nlp, "Volgens politicoloog Tom van der Meer is de coalitie verdeeld.")
    assert [c.source.name for c in cs] == ["Tom van der Meer"]
    assert cs[0].source.type == "expert"


@pytest.mark.parametrize(
    ("phrase", "stype"),
    [
        ("rechtbankvoorzitter Jan de Vries", "official"),  # the court heads the compound
        ("NOS-directeur Paul Smits", "media"),
        ("Shell-directeur Marjan van Loon", "business"),  # the company heads the compound
        ("retailtrends.nl", "media"),  # a web address cited as a source
        ("Feyenoord TV", "media"),
        ("het tv-programma De Monitor", "media"),
        ("het Hooggerechtshof", "official"),
        ("het AD", "media"),  # as written: "Ad Verbrugge" is a person
        ("filosoof Ad Verbrugge", "expert"),
    ],
)
def test_organisation_kinds_type_their_speakers(phrase: str, stype: str) -> None:
    assert source_for_phrase(phrase, lang="nl")[0] == stype


def test_role_from_the_organisation_after_the_name(nlp: Pipeline) -> None:
    text = ("„Er is niemand gewond geraakt”, zegt Arjen Gerritsen van de politie. "
            "„We onderzoeken het nog”, aldus Gerritsen.")
    _, cs = claims(nlp, text)
    assert cs and all(c.source.type == "official" for c in cs)


@pytest.mark.parametrize(
    "text",
    [
        "Als het morgen regent, zou de wedstrijd zijn afgelast.",  # a condition
        "Het zou jammer zijn dat de winkel sluit.",  # a judgement
        "Het zou de ideale plek zijn om een huis te bouwen.",
        "Zo zouden we het beste van twee werelden hebben.",  # the writer's own view
        "Dat zou een verzoenende gedachte kunnen zijn.",  # a modal
    ],
)
def test_an_irrealis_zou_is_not_hearsay(nlp: Pipeline, text: str) -> None:
    _, cs = claims(nlp, text)
    assert cs == []


def test_hearsay_about_what_happened_stays_a_claim(nlp: Pipeline) -> None:
    _, cs = claims(nlp, "Het zou in de nacht zijn gestolen door twee mannen.")
    assert len(cs) == 1 and cs[0].factuality == "hedged"


def test_a_place_that_speaks_is_its_government() -> None:
    from kroniek.doc import Cue, Place, Quote, Speaker
    from kroniek.stages.claims import find_claims

    text = "Nederland wil dat de grens dichtgaat."
    doc = Doc(text=text, lang="nl")
    doc.places = [Place(id="p1", start=0, end=9, text="Nederland", feature_code="PCLI")]
    doc.quotes = [Quote(id="q1", start=18, end=len(text) - 1, text=text[18:-1], kind="indirect",
                        cue=Cue(10, 13, "wil"), speaker=Speaker(name="Nederland", start=0, end=9))]
    (c,) = find_claims(doc)
    assert c.source.type == "official" and c.source.name == "Nederland"


def test_fragments_of_the_store_are_no_source_names(nlp: Pipeline) -> None:
    text = ("Plots zegt iemand: „Dit klopt niet.” Uit Amerikaans onderzoek blijkt dat kiezers "
            "rechts stemmen. Volgens de Nederlandse Voedsel- en Warenautoriteit is het product "
            "onveilig. Op beelden is te zien dat de man wordt geduwd.")
    _, cs = claims(nlp, text)
    names = [c.source.name for c in cs]
    assert not {"Plots", "Uit Amerikaans", "Nederlandse Voedsel", "Op beelden"} & set(names)
    assert "beelden" in names


def test_a_name_also_written_inside_a_sentence_is_kept(nlp: Pipeline) -> None:
    _, cs = claims(nlp, "„We hebben karakter getoond”, zegt Blind. Blind erkent dat het "
                        "zwaar was.")
    assert cs and all(c.source.name == "Blind" for c in cs)


def test_a_headline_word_glued_to_a_name_neither_names_nor_types_it(nlp: Pipeline) -> None:
    _, cs = claims(nlp, 'MEDIA Trump pochte: "De partij wordt de partij van de zorg."')
    assert [(c.source.name, c.source.type) for c in cs] == [("Trump", "unknown")]


@pytest.mark.parametrize(
    "text",
    [
        "Hij las Spengler en diens 'Untergang des Abendlandes' (1918) met plezier.",
        "Vijf jaar geleden werd een woning in Hoogeveen beklad: 'Molukse wijk, alleen Molukkers'.",
    ],
)
def test_a_title_or_a_term_in_quotation_marks_is_not_a_claim(nlp: Pipeline, text: str) -> None:
    doc, cs = claims(nlp, text)
    assert doc.quotes and cs == []


def test_a_quotation_without_a_cue_that_says_something_stays_a_claim(nlp: Pipeline) -> None:
    _, cs = claims(nlp, "„Dit is niet eerlijk”, zegt Piet Jansen. „We gaan door tot het eind.”")
    assert len(cs) == 2


def test_words_stuck_after_a_source_are_cut_off(nlp: Pipeline) -> None:
    _, cs = claims(nlp, "Dat zijn verboden gokapparaten. Ook worden de opbrengsten volgens justitie "
                        "vaak gebruikt voor de financiering van criminele activiteiten.")
    assert [(c.source.name, c.source.type) for c in cs] == [("justitie", "official")]


def test_a_role_outweighs_the_organisation_after_the_name(nlp: Pipeline) -> None:
    text = ("Onderzoeker Helma Ruijs van het RIVM ziet een uitbraak. „Het virus komt terug”, "
            "zegt Ruijs.")
    _, cs = claims(nlp, text)
    assert cs and all(c.source.type == "expert" for c in cs)


def test_a_person_named_like_a_province_is_no_government() -> None:
    from kroniek.doc import Cue, Entity, Place, Quote, Speaker
    from kroniek.stages.claims import find_claims

    text = "Plato zei dat ieder het zijne moet krijgen."
    doc = Doc(text=text, lang="nl")
    doc.entities = [Entity(id="e1", start=0, end=5, text="Plato", label="PER")]
    doc.places = [Place(id="p1", start=0, end=5, text="Plato", feature_code="ADM1")]
    doc.quotes = [Quote(id="q1", start=14, end=len(text) - 1, text=text[14:-1], kind="indirect",
                        cue=Cue(6, 9, "zei"),
                        speaker=Speaker(entity="e1", name="Plato", start=0, end=5))]
    (c,) = find_claims(doc)
    assert c.source.type == "unknown"
