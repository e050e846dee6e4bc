"""A possibility left open is hypothetical, not negated or generic (issue #13, session 28)."""

from __future__ import annotations

import pytest

import kroniek


def _mods(text: str, lang: str = "nl") -> dict[str, str]:
    doc = kroniek.analyze(text, published="2019-03-25", lang=lang)
    return {e.trigger.text: e.modality for e in doc.events}


@pytest.mark.parametrize(("text", "word", "lang"), [
    ("Bij de rellen na de demonstratie tegen de regering werden zaterdag in Rotterdam drie betogers "
     "opgepakt. Meer aanhoudingen van betogers worden niet uitgesloten.", "aanhoudingen", "nl"),
    ("Na de betoging tegen de regering sluit de politie niet uit dat er meer demonstranten worden "
     "gearresteerd.", "gearresteerd", "nl"),
    ("Het is niet uitgesloten dat nieuwe protesten tegen de regering volgen.", "protesten", "nl"),
    ("Further arrests of protesters were not ruled out, police in Leeds said after the demonstration "
     "against the government.", "arrests", "en"),
])
def test_possibility_is_hypothetical(text: str, word: str, lang: str) -> None:
    assert _mods(text, lang)[word] == "hypothetical"


def test_what_happened_beside_it_stays() -> None:
    mods = _mods("Bij de rellen na de demonstratie tegen de regering werden zaterdag in Rotterdam drie "
                 "betogers opgepakt. Meer aanhoudingen van betogers worden niet uitgesloten.")
    assert mods["opgepakt"] == "asserted"


def test_a_definite_noun_keeps_its_event() -> None:
    mods = _mods("Het is niet uitgesloten dat de aanslag in Utrecht een terroristisch motief had.")
    assert mods["aanslag"] == "asserted"
