"""An initial before a pronoun or function word ends a sentence (`stages/segment.py`)."""

from __future__ import annotations

from kroniek.stages.segment import split_sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_initial_then_pronoun_ends_sentence() -> None:
    text = "Er kwamen drie rapporten over Michael P. Hij erkende dat er veel is misgegaan."
    assert _split(text) == ["Er kwamen drie rapporten over Michael P.",
                            "Hij erkende dat er veel is misgegaan."]


def test_initial_before_a_name_does_not() -> None:
    for text in ("Volgens J. Smit klopt het.", "Volgens B. De Wever klopt het.",
                 "Het bedrijf van A. Jansen groeit."):
        assert _split(text) == [text]
