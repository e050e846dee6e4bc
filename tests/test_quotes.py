"""Quotes and speakers (`kroniek.quotes.v1`) on sentences written for these tests, and on
the reference article (as input only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kroniek.doc import Doc, Quote
from kroniek.pipeline import Pipeline, build_pipeline
from kroniek.stages.quotes import normalize_marks, scan_quotes


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "events"))


def run(nlp: Pipeline, text: str, lang: str = "nl") -> Doc:
    return nlp(Doc(text=text, lang=lang))


def only(doc: Doc, kind: str | None = None) -> Quote:
    qs = [q for q in doc.quotes if kind is None or q.kind == kind]
    assert len(qs) == 1, [(q.kind, q.text) for q in doc.quotes]
    return qs[0]


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        ("„We trekken ons niet terug uit de stad”, zegt commandant Pieter de Vries.",
         "We trekken ons niet terug uit de stad", "Pieter de Vries"),
        ("“De aanvoerlijnen zijn afgesneden”, zei minister Karel Jansen gisteren.",
         "De aanvoerlijnen zijn afgesneden", "Karel Jansen"),
        ('"Er vielen drie doden bij de beschieting", meldt burgemeester Ilse Smit.',
         "Er vielen drie doden bij de beschieting", "Ilse Smit"),
        ("'Wij zijn niet verrast door de aanval', aldus analist Mark Visser.",
         "Wij zijn niet verrast door de aanval", "Mark Visser"),
        ("«De grens blijft dicht», verklaarde president Ivan Petrov.",
         "De grens blijft dicht", "Ivan Petrov"),
        ("Generaal Jan Bos: „De eenheden houden stand. Er is geen reden tot paniek.”",
         "De eenheden houden stand. Er is geen reden tot paniek.", "Jan Bos"),
        ("Minister Eva de Wit zei: 'Het bombardement was een vergissing.'",
         "Het bombardement was een vergissing.", "Eva de Wit"),
        (",,Het water stijgt nog steeds'', zegt dijkgraaf Henk Vos.",
         "Het water stijgt nog steeds", "Henk Vos"),
        ("‘Het staakt-het-vuren houdt geen stand’, schreef correspondent Lotte Kramer.",
         "Het staakt-het-vuren houdt geen stand", "Lotte Kramer"),
    ],
)
def test_dutch_direct_quote_styles(nlp: Pipeline, text: str, quoted: str, speaker: str) -> None:
    q = only(run(nlp, text), "direct")
    assert q.text == quoted
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "descriptor"),
    [
        # A quote standing alone takes the speaker introduced just before it.
        ("Defensie-expert Sanne Mulder verwacht een lange strijd. „Dit gaat maanden duren.”",
         "Sanne Mulder", None),
        # A pronoun is resolved to the person named before it.
        ("Minister Karel Jansen sprak maandag in Brussel met zijn collega's. "
         "„We sturen meer luchtafweer”, zei hij.", "Karel Jansen", None),
        # A role noun is resolved to the person introduced with that role.
        ("Volgens analist Mark Visser is het front gestabiliseerd. De Russen hebben weinig "
         "reserves. „Ze kunnen niet veel langer doorgaan”, zegt de analist.", "Mark Visser",
         "analist"),
    ],
)
def test_speakers_are_resolved(nlp: Pipeline, text: str, speaker: str,
                               descriptor: str | None) -> None:
    q = [q for q in run(nlp, text).quotes if q.kind == "direct"][-1]
    assert q.speaker is not None and q.speaker.name == speaker
    if descriptor:
        assert q.speaker.descriptor == descriptor


def test_quote_over_two_paragraphs_is_one_quote_per_paragraph(nlp: Pipeline) -> None:
    # Gold guide, round 2: an opening mark per paragraph and one closing mark are one
    # quote per paragraph, each with the same speaker.
    text = ("Kolonel Ruud Hendriks beschrijft de eerste dag:\n\n„We reden om vier uur weg.\n\n"
            "„Om zes uur zagen we de eerste inslagen. Niemand sprak.”\n\nDaarna werd het stil.")
    doc = run(nlp, text)
    quotes = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.text for q in quotes] == ["We reden om vier uur weg.",
                                        "Om zes uur zagen we de eerste inslagen. Niemand sprak."]
    assert all(q.speaker is not None and q.speaker.name == "Ruud Hendriks" for q in quotes)


def test_nested_quote_is_inside_the_outer_one_with_its_own_speaker(nlp: Pipeline) -> None:
    text = ("Diplomaat Fleur Dekker: „Het overleg liep vast. De gezant zei: „Wij tekenen "
            "niets.” Daarna vertrok hij.”")
    doc = run(nlp, text)
    outer = max(doc.quotes, key=lambda q: q.end - q.start)
    inner = min(doc.quotes, key=lambda q: q.end - q.start)
    assert outer.speaker is not None and outer.speaker.name == "Fleur Dekker"
    assert outer.start < inner.start and inner.end < outer.end
    assert inner.text == "Wij tekenen niets."
    assert inner.speaker is not None and inner.speaker.descriptor == "gezant"


@pytest.mark.parametrize(
    ("text", "cue", "speaker_text", "content_has"),
    [
        ("Volgens het ministerie van Defensie zijn er twee drones neergeschoten.",
         "Volgens", "het ministerie van Defensie", "drones neergeschoten"),
        ("Het leger meldt dat de brug bij de rivier is verwoest.", "meldt", "Het leger",
         "brug bij de rivier"),
        ("De drone kwam uit het oosten, aldus een woordvoerder van de luchtmacht.", "aldus",
         "een woordvoerder van de luchtmacht", "drone kwam uit het oosten"),
        ("Burgemeester Ilse Smit zegt dat de evacuatie vrijdag begint.", "zegt",
         "Burgemeester Ilse Smit", "evacuatie vrijdag begint"),
        ("Dat de stad binnen een week valt, verwacht generaal Jan Bos niet.", "verwacht",
         "generaal Jan Bos", "stad binnen een week valt"),
        ("Het ministerie laat weten dat de gesprekken worden voortgezet.", "laat weten",
         "Het ministerie", "gesprekken worden voortgezet"),
        ("Minister Eva de Wit stelt dat er geen Nederlandse militairen gewond zijn.", "stelt",
         "Minister Eva de Wit", "militairen gewond"),
        ("De aanval kwam onverwacht, zegt de commandant van de brigade.", "zegt",
         "de commandant van de brigade", "aanval kwam onverwacht"),
    ],
)
def test_dutch_indirect_speech(nlp: Pipeline, text: str, cue: str, speaker_text: str,
                               content_has: str) -> None:
    doc = run(nlp, text)
    q = only(doc, "indirect")
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and doc.text[q.speaker.start : q.speaker.end] == speaker_text
    assert content_has in q.text


def test_mixed_quote_keeps_the_fragment_inside_reported_speech(nlp: Pipeline) -> None:
    doc = run(nlp, "Volgens premier Lars Holm heeft het leger „alle doelen” bereikt.")
    q = only(doc)
    assert q.kind == "mixed" and "„alle doelen”" in q.text
    assert q.speaker is not None and q.speaker.name == "Lars Holm"


def test_scare_quotes_and_titles_are_not_quotes(nlp: Pipeline) -> None:
    doc = run(nlp, "De zogenoemde 'veiligheidszone' werd gisteren uitgebreid. De operatie "
                   "'Oostwind' begon in maart.")
    assert [q for q in doc.quotes if q.kind == "direct"] == []


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        ("“We will not back down,” said Defense Secretary John Miller.",
         "We will not back down", "John Miller"),
        ("Commander Lisa Grant visited the front on Monday. “Supplies are low,” she warned.",
         "Supplies are low", "Lisa Grant"),
        ("“The convoy was hit twice,” Colonel Amir Haddad told reporters.",
         "The convoy was hit twice", "Amir Haddad"),
    ],
)
def test_english_direct_quotes(nlp: Pipeline, text: str, quoted: str, speaker: str) -> None:
    q = [q for q in run(nlp, text, "en").quotes if q.kind == "direct"][-1]
    assert q.text == quoted
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("Officials said the convoy was hit near the border.", "said", "Officials"),
        ("According to the ministry, four soldiers were wounded.", "according to",
         "ministry"),
        ("The general told reporters that the offensive had stalled.", "told", "general"),
        ("Sarah Collins, an analyst at the institute, said the strikes would continue.", "said",
         "Sarah Collins"),
        ("The strikes will continue for weeks, the spokesman added.", "added", "spokesman"),
    ],
)
def test_english_indirect_speech(nlp: Pipeline, text: str, cue: str, speaker: str) -> None:
    doc = run(nlp, text, "en")
    q = only(doc, "indirect")
    assert q.cue is not None and q.cue.text.lower() == cue
    assert q.speaker is not None
    assert speaker in f"{q.speaker.name} {q.speaker.descriptor}"


def test_pull_quote_repeating_a_body_quote_is_linked_not_counted(nlp: Pipeline) -> None:
    text = ("Analist Mark Visser verwacht meer aanvallen. „De Russen zullen hun offensief in "
            "het voorjaar hervatten, daar twijfel ik niet aan.”\n\n"
            "„De Russen zullen hun offensief hervatten” Mark Visser, analist\n\n"
            "De regering reageerde niet op de vragen van deze krant.")
    doc = run(nlp, text)
    assert [b.kind for b in doc.blocks] == ["body", "pullquote", "body"]
    body = [q for q in doc.quotes if q.repeats is None and q.kind == "direct"]
    pulls = [q for q in doc.quotes if q.repeats is not None]
    assert len(body) == 1 and len(pulls) == 1
    assert pulls[0].repeats == body[0].id
    assert pulls[0].speaker is not None and pulls[0].speaker.name == "Mark Visser"


def test_marks_are_normalised_without_moving_offsets() -> None:
    text = ",,Dit is een citaat'', zegt zij."
    assert len(normalize_marks(text)) == len(text)
    (q,) = scan_quotes(text)
    assert text[q.start : q.end].strip() == "Dit is een citaat"


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Het gebeurde 's nachts in Zelensky's geboortestad, zo'n 40 kilometer verderop."
    assert scan_quotes(text) == []


# -- the reference article: every direct quote, with its speaker ------------------------


def test_reference_article_direct_quotes_have_their_speakers(reference_doc: Any) -> None:
    doc = reference_doc
    body = [q for q in doc.quotes if q.repeats is None and q.kind == "direct"]
    nested = [q for q in body
              if any(o is not q and o.start <= q.start and q.end <= o.end for o in body)]
    top = [q for q in body if q not in nested]
    # Seven quotations in the body, all by the defence specialist.
    assert len(top) == 7
    assert {q.speaker.name for q in top if q.speaker} == {"Dick Zandee"}
    assert all(q.speaker is not None for q in top)
    # The nested quotation inside one of them is the president's words, quoted by him.
    assert len(nested) == 1
    assert nested[0].speaker is not None and nested[0].speaker.name == "Volodymyr Zelensky"
    # The pull quote repeats a body quote and is linked to it.
    pulls = [q for q in doc.quotes if q.repeats is not None]
    assert len(pulls) == 1 and doc.by_id(pulls[0].repeats).speaker.name == "Dick Zandee"
    # Role nouns and pronouns point at the same person, with the role as written.
    by_mention = {doc.text[q.speaker.start : q.speaker.end]: q.speaker for q in doc.quotes
                  if q.speaker and q.speaker.start is not None}
    assert by_mention["de defensiespecialist"].name == "Dick Zandee"
    assert by_mention["de defensie-expert"].name == "Dick Zandee"
    assert by_mention["hem"].name == "Dick Zandee"


def test_reference_article_opening_statement_is_the_presidents(reference_doc: Any) -> None:
    first = min(reference_doc.quotes, key=lambda q: q.start)
    assert first.kind == "mixed" and first.cue is not None and first.cue.text == "aldus"
    assert first.speaker.name == "Volodymyr Zelensky"
    assert "president" in (first.speaker.descriptor or "")


def test_gold_files_are_valid(shared_data: Path) -> None:
    from kroniek.evaluation.quotes import load_gold

    gold = load_gold(Path(__file__).resolve().parent.parent / "gold" / "quotes-nl")
    assert len(gold) >= 20
    for art in gold:
        for q in art["quotes"]:
            assert art["text"][q["start"] : q["end"]] == q["text"]


def test_speakers_use_entities_when_a_model_found_them() -> None:
    """With NER output (here written by hand), speakers point at the entity and take its
    canonical name."""
    from kroniek.doc import Entity
    from kroniek.stages.entities import EntitiesStage
    from kroniek.stages.quotes import QuotesStage
    from kroniek.stages.segment import SegmentStage

    text = ("Generaal Anna Berg leidt de operatie. „We rukken langzaam op”, zegt Berg. "
            "Volgens haar zijn de verliezen beperkt.")
    doc = SegmentStage()(Doc(text=text, lang="nl"))
    for name in ("Anna Berg", "Berg"):
        at = text.index(name, text.index("zegt") if name == "Berg" else 0)
        doc.entities.append(Entity(id="", start=at, end=at + len(name), text=name, label="PER"))
    doc = QuotesStage()(EntitiesStage()(doc))
    direct = only(doc, "direct")
    assert direct.speaker is not None and direct.speaker.name == "Anna Berg"
    assert direct.speaker.entity == doc.entities[1].id
    indirect = only(doc, "indirect")
    assert indirect.speaker is not None and indirect.speaker.name == "Anna Berg"


def test_a_parse_gives_the_subject_of_the_cue() -> None:
    """With dependencies (written by hand here, as a trained parser gives them), the
    subject of a cue verb is its whole subtree; quotes use it when the surface patterns
    find no speaker."""
    from kroniek.doc import Token
    from kroniek.stages.phrases import DepIndex

    text = "De brigade van kolonel Piet Kok meldt dat de weg weer open is."
    words = ["De", "brigade", "van", "kolonel", "Piet", "Kok", "meldt", "dat", "de", "weg",
             "weer", "open", "is", "."]
    heads = [1, 6, 4, 4, 1, 4, -1, 12, 9, 12, 12, 12, 6, 6]
    deps = ["det", "nsubj", "case", "compound", "nmod", "flat", "ROOT", "mark", "det",
            "nsubj", "advmod", "xcomp", "ccomp", "punct"]
    doc = Doc(text=text, lang="nl")
    pos = 0
    for word, head, dep in zip(words, heads, deps, strict=True):
        start = text.index(word, pos)
        pos = start + len(word)
        doc.tokens.append(Token(start=start, end=pos, text=word, head=head, dep=dep))
    index = DepIndex(doc)
    subj = index.subject(text.index("meldt"))
    assert subj is not None and subj.text == "De brigade van kolonel Piet Kok"
    assert index.subject(text.index("open")) is None
    assert DepIndex(Doc(text=text, lang="nl")).subject(0) is None  # no parse, no answer


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("De evacuatie begint morgen, zo stelt burgemeester Ilse Smit de bewoners gerust.",
         "stelt", "Ilse Smit"),
        ("Tijdens de hoorzitting stelde de officier van justitie niet aan het alibi te "
         "twijfelen.", "stelde", None),
        ("Getuige Karin Boer heeft verklaard dat ze twee schoten hoorde.", "verklaard",
         "Karin Boer"),
    ],
)
def test_more_dutch_reporting_constructions(nlp: Pipeline, text: str, cue: str,
                                            speaker: str | None) -> None:
    q = only(run(nlp, text), "indirect")
    assert q.cue is not None and q.cue.text == cue
    if speaker:
        assert q.speaker is not None and q.speaker.name == speaker


# -- issue #14: cues, constructions and speakers that hold on unseen news -----------------


@pytest.mark.parametrize(
    ("text", "cue", "content_has"),
    [
        ("Minister Karel Jansen opperde dat de grens dicht moet.", "opperde", "de grens dicht"),
        ("De omroep berichtte dat er drie doden waren gevallen.", "berichtte", "drie doden"),
        ("Uit het rapport van de inspectie blijkt dat de brug onveilig is.", "blijkt",
         "de brug onveilig"),
        ("Gevreesd wordt dat het aantal slachtoffers nog oploopt.", "Gevreesd",
         "aantal slachtoffers"),
        ("Burgemeester Ilse Smit ziet dat de bewoners bang zijn geworden.", "ziet",
         "bewoners bang"),
    ],
)
def test_cues_from_the_lexicon_file_and_constructions(
    nlp: Pipeline, text: str, cue: str, content_has: str
) -> None:
    q = only(run(nlp, text))
    assert q.cue is not None and q.cue.text.split()[0] == cue
    assert content_has in q.text


@pytest.mark.parametrize(
    "text",
    [
        "De verdachte meldde zich gisteren aan bij het politiebureau in Utrecht.",
        "Het kabinet stelt de groeiverwachting voor volgend jaar fors bij.",
        "Burgemeester Ilse Smit ziet de stad vanuit haar kantoor aan de gracht.",
    ],
)
def test_non_speech_senses_are_not_cues(nlp: Pipeline, text: str) -> None:
    assert run(nlp, text).quotes == []


def test_pronoun_after_an_inverted_cue_is_the_speaker_not_the_addressee(nlp: Pipeline) -> None:
    text = ("Minister Karel Jansen bezocht gisteren Londen. Tegen de BBC vertelde hij dat de "
            "steun aan Oekraïne niet zal stoppen.")
    q = only(run(nlp, text))
    assert q.speaker is not None and q.speaker.name == "Karel Jansen"


def test_a_sentence_initial_adverb_is_not_the_speaker(nlp: Pipeline) -> None:
    q = only(run(nlp, "Overigens oordeelde de Algemene Rekenkamer eerder dat het stuk "
                      "vertrouwelijk was."))
    assert q.speaker is not None and q.speaker.name == "Algemene Rekenkamer"


def test_an_anonymous_spokesperson_speaks_for_the_organisation(nlp: Pipeline) -> None:
    doc = run(nlp, "„Wij doen geen mededelingen over de spelers”, zegt een woordvoerder van "
                   "Ajax.")
    q = only(doc, "direct")
    assert q.speaker is not None and q.speaker.name == "Ajax"
    assert q.speaker.descriptor is not None and "woordvoerder" in q.speaker.descriptor


def test_an_organisation_noun_is_resolved_to_the_organisation(nlp: Pipeline) -> None:
    text = ("De Sint Michaëlbrigade hing een spandoek op bij de kerk. De brigade zegt dat "
            "ze eerst met de pastoor heeft gesproken.")
    q = only(run(nlp, text))
    assert q.speaker is not None and q.speaker.name == "Sint Michaëlbrigade"


def test_a_quote_without_a_cue_takes_the_person_the_sentence_before_is_about(
    nlp: Pipeline
) -> None:
    text = ("Het was druk bij de demonstratie. Sietse Brouwer (63) loopt mee met zijn "
            "kleinkind. „We lopen voor de toekomst van onze kleinkinderen.”")
    q = only(run(nlp, text), "direct")
    assert q.speaker is not None and q.speaker.name == "Sietse Brouwer"


def test_interview_answers_are_the_interviewees(nlp: Pipeline) -> None:
    text = ("Chirurg Jacques van der Meulen ziet steeds meer mannen in zijn kliniek. „Mannen "
            "durven er nu over te praten”, zegt hij. Is dat nieuw? „Ja, tien jaar geleden "
            "kwam er bijna niemand.” Krijgt u weleens bizarre verzoeken? „Dat valt wel mee. "
            "Ik ben streng.”")
    quotes = [q for q in run(nlp, text).quotes if q.kind == "direct"]
    assert len(quotes) == 3
    assert all(q.speaker is not None and q.speaker.name == "Jacques van der Meulen"
               for q in quotes)


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Bpf Bouw, het pensioenfonds voor de bouwsector, zegt dat het aantal zieke "
         "werknemers de afgelopen jaren sterk stijgt.",
         "het aantal zieke werknemers de afgelopen jaren sterk stijgt", "zegt", "Bpf Bouw"),
        ("Hosseini raakt uit de gratie, ook omdat men vermoedt dat hij het vijandige kamp "
         "informeert.", "hij het vijandige kamp informeert", "vermoedt", None),
        ("Een bekende zegt dat T. vooral bekendstaat als mentaal instabiel.",
         "T. vooral bekendstaat als mentaal instabiel", "zegt", None),
        ("Het Openbaar Ministerie eist een voorwaardelijke celstraf tegen de twee agenten.",
         "een voorwaardelijke celstraf tegen de twee agenten", "eist", "Openbaar Ministerie"),
        ("Minister Jan de Vries noemt het plan van de oppositie een grote vergissing.",
         "het plan van de oppositie een grote vergissing", "noemt", "Jan de Vries"),
    ],
)
def test_a_reported_clause_of_a_speech_verb_from_the_parse(
        nlp: Pipeline, text: str, content: str, cue: str, speaker: str | None) -> None:
    q = only(run(nlp, text), "indirect")
    assert (q.text, q.cue.text if q.cue else None) == (content, cue)
    assert (q.speaker.name if q.speaker else None) == speaker


def test_a_clause_after_te_zien_is_no_reported_speech(nlp: Pipeline) -> None:
    doc = run(nlp, "In de presentatie is te zien dat de twee mannen zich zorgen maken.")
    assert doc.quotes == []


def test_speaker_names_lose_what_stuck_to_them(nlp: Pipeline) -> None:
    text = ("De Duitse natuurgenezer Klaus Ross staat terecht.\n\n"
            "Complicaties Ross zegt dat hij niets verkeerd heeft gedaan.")
    q = only(run(nlp, text), "indirect")
    assert q.speaker is not None and q.speaker.name == "Klaus Ross"


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Stoppen met betalen van pensioenpremies kan duiden op financiële problemen, weet "
         "FNV-bestuurder Karin Jansen.",
         "Stoppen met betalen van pensioenpremies kan duiden op financiële problemen", "weet"),
        ("Het plan is te duur, vinden critici onder de bewoners.", "Het plan is te duur",
         "vinden"),
    ],
)
def test_an_inverted_cue_after_the_content(nlp: Pipeline, text: str, content: str, cue: str) -> None:
    q = only(run(nlp, text), "indirect")
    assert (q.text, q.cue.text if q.cue else None) == (content, cue)
