"""Blocks and sentences on Dutch and English newspaper typography."""

from __future__ import annotations

import pytest

from kroniek.stages.segment import classify_block, split_blocks, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het leger trok zich terug. De stad is stil.",
         ["Het leger trok zich terug.", "De stad is stil."]),
        ("Dat zei o.a. minister Bruins. Hij was kort.",
         ["Dat zei o.a. minister Bruins.", "Hij was kort."]),
        ("Generaal J. de Vries kwam bijv. niet. Niemand wist waarom.",
         ["Generaal J. de Vries kwam bijv. niet.", "Niemand wist waarom."]),
        ("Hij was boos. ,,Dit kan niet'', zei hij. Dat was het.",
         ["Hij was boos.", ",,Dit kan niet'', zei hij.", "Dat was het."]),
        ("„Wij gaan door. Altijd.” Dat zei de woordvoerder.",
         ["„Wij gaan door.", "Altijd.”", "Dat zei de woordvoerder."]),
        ("Mr. Smith said the U.S. would help. Nobody believed it.",
         ["Mr. Smith said the U.S. would help.", "Nobody believed it."]),
        ("Er vielen 12 doden. 3 mensen raakten gewond.",
         ["Er vielen 12 doden.", "3 mensen raakten gewond."]),
    ],
)
def test_sentence_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("block", "kind"),
    [
        ("Jan Pieters. foto ANP", "caption"),
        ("Soldaten bij de grens. beeld Reuters", "caption"),
        ("Tegenaanval", "heading"),
        ("Wat nu?", "body"),
        ("„We blijven hier tot het einde” Maria Jansen, burgemeester", "pullquote"),
        ("„We blijven hier.” Dat zei de burgemeester gisteren.", "body"),
        ("De burgemeester sprak gisteren met de pers. Ze was somber over de toekomst van "
         "de stad. Beeld en geluid van de aanval gingen de wereld over.", "body"),
    ],
)
def test_block_kinds(block: str, kind: str) -> None:
    assert classify_block(block) == kind


def test_blocks_are_trimmed_paragraphs() -> None:
    text = "  Eerste alinea.\n\n\nTweede\nalinea.  \n \nDerde."
    assert [text[s:e] for s, e in split_blocks(text)] == [
        "Eerste alinea.", "Tweede\nalinea.", "Derde."]


def test_number_abbreviation_only_before_its_number() -> None:
    text = "He said no. But he said yes later. She lives at No. 10 Downing Street."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "He said no.", "But he said yes later.", "She lives at No. 10 Downing Street."]
