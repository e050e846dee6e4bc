"""'als' naming a role, comparing or in a fixed phrase is no condition (issue #13, session 28)."""

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


@pytest.mark.parametrize(("text", "word"), [
    ("Net als bij eerdere protesten in Parijs werden zaterdag tientallen betogers opgepakt.", "opgepakt"),
    ("Zaterdag werden in Parijs zowel journalisten als betogers aangevallen door de politie.", "aangevallen"),
    ("Zaterdag werden in Parijs net als vorige week tientallen betogers opgepakt.", "opgepakt"),
    ("Als gevolg van de rellen in Parijs werden zaterdag tientallen betogers opgepakt.", "opgepakt"),
])
def test_comparison_als_is_no_condition(text: str, word: str) -> None:
    assert _mods(text)[word] == "asserted"

