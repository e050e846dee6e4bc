"""A purpose ("om ... te") read through: a protest people went to in a past tense happened;
a separable verb's infinitive after "om" is intended (issue #13, session 28)."""

from __future__ import annotations

import pytest

import kroniek


def _mods(text: str) -> dict[str, str]:
    doc = kroniek.analyze(text, published="2019-03-25", lang="nl")
    return {e.trigger.text: e.modality for e in doc.events}


@pytest.mark.parametrize("text", [
    "Die werd dit keer ook aangegrepen om te demonstreren tegen Thierry Baudet en zijn Forum voor Democratie.",
    "Duizenden scholieren kwamen donderdag in Den Haag bijeen om te demonstreren voor het klimaat.",
    "De boeren zijn naar Den Haag gekomen om te demonstreren.",
])
def test_protest_gone_to_happened(text: str) -> None:
    assert _mods(text)["demonstreren"] == "asserted"


@pytest.mark.parametrize("text", [
    "Morgen komen de boeren naar Den Haag om te demonstreren.",
    "De boeren zullen naar Den Haag komen om te demonstreren.",
])
def test_protest_to_come_stays_future(text: str) -> None:
    assert _mods(text)["demonstreren"] == "future"


def test_a_plot_stays_future() -> None:
    assert _mods("De man kocht vorige week een mes om de burgemeester te vermoorden.")["vermoorden"] == "future"


def test_separable_infinitive_after_om_is_intended() -> None:
    mods = _mods("Het leger trok gisteren troepen samen om de stad aan te vallen.")
    assert mods["aan te vallen"] == "future"


@pytest.mark.parametrize("text", [
    "De opwarming van de aarde is een reden om te protesteren, maar 17 graden en zon is ook heel fijn.",
    "Het is tijd om te demonstreren tegen de regering in Den Haag.",
])
def test_reason_for_a_protest_is_hypothetical(text: str) -> None:
    mods = _mods(text)
    assert [m for w, m in mods.items() if w in ("protesteren", "demonstreren")] == ["hypothetical"]
