""""als" before a bare noun naming a role is no condition (issue #13, session 28)."""

from __future__ import annotations

import pytest

import kroniek


def _mods(text: str) -> dict[str, str]:
    doc = kroniek.analyze(text, published="2019-03-25", lang="nl")
    return {e.trigger.text: e.modality for e in doc.events}


def test_role_before_verb_second() -> None:
    assert _mods("Als journalist werd hij in 2015 in Istanbul gearresteerd.")["gearresteerd"] == "asserted"


@pytest.mark.parametrize(("text", "word"), [
    ("Als het leger de stad aanvalt, vluchten de inwoners.", "aanvalt"),
    ("Als demonstranten de straat op gaan, grijpt de politie in.", "de straat op"),
])
def test_condition_stays_hypothetical(text: str, word: str) -> None:
    assert _mods(text)[word] == "hypothetical"
