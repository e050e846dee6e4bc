"""A "niet" that stresses rather than denies does not negate the event (issue #13, session 28)."""

from __future__ import annotations

import pytest

import kroniek


def _mods(text: str) -> dict[str, str]:
    doc = kroniek.analyze(text, published="2019-03-25", lang="nl")
    return {e.trigger.text: e.modality for e in doc.events}


@pytest.mark.parametrize(("text", "word"), [
    ("Niet alleen werden zaterdag in Parijs betogers opgepakt, maar ook journalisten.", "opgepakt"),
    ("Het is niet voor niets dat er zaterdag in Parijs een demonstratie tegen de regering was.", "demonstratie"),
    ("Het is niet toevallig dat de politie zaterdag in Parijs betogers heeft opgepakt.", "opgepakt"),
    ("Zaterdag werden in Parijs niet minder dan 200 betogers opgepakt.", "opgepakt"),
])
def test_stressing_not_is_no_negation(text: str, word: str) -> None:
    assert _mods(text)[word] == "asserted"


def test_plain_negation_stays() -> None:
    assert _mods("Zaterdag werden in Parijs geen betogers opgepakt.")["opgepakt"] == "negated"
