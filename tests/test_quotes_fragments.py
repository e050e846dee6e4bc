"""Quoted fragments (`stages/quotes.py`, `_Finder._fragment`): a sentence carrying a
quoted fragment is a mixed quote only when no other quote already covers part of it."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import Pipeline, build_pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "events"))


@pytest.mark.parametrize(
    "text",
    [
        "President Karel Jansen bezocht gisteren Berlijn. We spraken over 'vriendschap', aldus "
        "de president, maar ook over 'bestaande rivaliteiten'.",
        "Minister Ilse Smit sprak gisteren in de Kamer. 'Zeer bekwaam', 'snel van begrip' en "
        "'een harde werker' waren woorden die zij gebruikte.",
    ],
)
def test_fragment_sentence_already_quoted(nlp: Pipeline, text: str) -> None:
    quotes = nlp(Doc(text=text, lang="nl")).quotes
    assert quotes
    spans = sorted((q.start, q.end) for q in quotes)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), [
        (q.kind, q.text) for q in quotes]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('Burgemeester Ilse Smit opende gisteren de nieuwe brug over de rivier. Verkeersdrukte '
         '"Dit lost de files in de stad niet op," zegt raadslid Pieter de Vries.',
         "Dit lost de files in de stad niet op"),
    ],
)
def test_heading_before_interrupted_quote(nlp: Pipeline, text: str, quoted: str) -> None:
    """A crosshead glued to the paragraph puts a letter before the opening mark; a quote
    whose last character inside the marks is a comma is still a quotation, not a title."""
    quotes = nlp(Doc(text=text, lang="nl")).quotes
    assert [(q.kind, q.text) for q in quotes] == [("direct", quoted)]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Pieter de Vries"


def test_title_in_marks_is_no_mixed_quote(nlp: Pipeline) -> None:
    """A capitalised quoted phrase inside a sentence names something (a title, a campaign,
    a term): the sentence is nobody's words, though the last speaker is near."""
    text = ("Minister Ilse Smit zegt dat het plan goed werkt. Het onderzoek naar de zogenoemde "
            "'Rode Lijn' is gebaseerd op gelekte gegevens.")
    quotes = nlp(Doc(text=text, lang="nl")).quotes
    assert [(q.kind, q.text) for q in quotes] == [("indirect", "het plan goed werkt")]


def test_lower_case_fragment_still_mixed(nlp: Pipeline) -> None:
    text = ("Minister Ilse Smit sprak gisteren in Den Haag over het plan. De regering noemt het "
            "een 'historische stap'.")
    quotes = nlp(Doc(text=text, lang="nl")).quotes
    assert [q.kind for q in quotes] == ["mixed"]


@pytest.mark.parametrize("opener", ['"', ",,"])
def test_quote_over_paragraphs(nlp: Pipeline, opener: str) -> None:
    """An opening mark on each paragraph and one closing mark: one quote per paragraph,
    the DPG ",," style as well as straight marks."""
    close = '"' if opener == '"' else "''"
    text = (f"Burgemeester Ilse Smit was gisteren duidelijk over de brug.\n\n{opener}We gaan de "
            "brug zo snel mogelijk herstellen. Dat zijn we aan de inwoners verplicht.\n\n"
            f"{opener}Het geld is er, de plannen liggen klaar. Niemand hoeft zich zorgen te "
            f"maken.{close}\n\nDe gemeenteraad vergadert volgende week.")
    quotes = nlp(Doc(text=text, lang="nl")).quotes
    assert [(q.kind, q.text) for q in quotes] == [
        ("direct", "We gaan de brug zo snel mogelijk herstellen. Dat zijn we aan de inwoners "
                   "verplicht."),
        ("direct", "Het geld is er, de plannen liggen klaar. Niemand hoeft zich zorgen te maken."),
    ]
    assert all(q.speaker is not None and q.speaker.name == "Ilse Smit" for q in quotes)


@pytest.mark.parametrize(
    "sentence",
    [
        "De dieren zitten nu vast in 'kooien' aan de kust.",
        "In de stad is veel ophef over 'geruchten' over een nieuwe heffing.",
    ],
)
def test_fragment_after_preposition_is_no_mixed_quote(nlp: Pipeline, sentence: str) -> None:
    """A quoted phrase that is the object of the preposition before it names or distances
    a term: with no cue, the sentence is not the last speaker's words."""
    text = f"Minister Ilse Smit zegt dat het plan goed werkt. {sentence}"
    quotes = nlp(Doc(text=text, lang="nl")).quotes
    assert [(q.kind, q.text) for q in quotes] == [("indirect", "het plan goed werkt")]
