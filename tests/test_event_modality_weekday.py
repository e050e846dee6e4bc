"""A bare weekday on a simple present verb: an event still to come (issue #13, session 27)."""

from __future__ import annotations

import pytest

import kroniek
from kroniek.stages.events.modality import _stem


def _modalities(text: str, word: str) -> list[str]:
    doc = kroniek.analyze(text, published="2019-03-08", lang="nl", events="rules")
    return [e.modality for e in doc.events if e.trigger.text == word]


def test_a_weekday_on_a_present_verb_is_the_coming_day() -> None:
    text = "Het nieuws van de week. Kerken doen zondag mee aan de klimaatmars in Amsterdam."
    assert _modalities(text, "klimaatmars") == ["future"]


@pytest.mark.parametrize(("text", "word"), [
    ("Het nieuws van de week. Duizenden mensen liepen zondag mee in de klimaatmars in Amsterdam.",
     "klimaatmars"),
    ("Het nieuws van de week. Vrijdag schoot een terrorist in Christchurch vijftig mensen dood.",
     "schoot"),
    ("Het nieuws van de week. De politie heeft zondag in Amsterdam twee betogers gearresteerd.",
     "gearresteerd"),
])
def test_a_weekday_in_a_past_tense_stays_what_happened(text: str, word: str) -> None:
    assert "future" not in _modalities(text, word)


def test_present_stems() -> None:
    assert [_stem(w) for w in ("doen", "zitten", "beloven", "schieten", "praten")] == [
        "doe", "zit", "beloof", "schiet", "praat"]
