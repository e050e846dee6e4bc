"""Fatality counts from the Dutch lexicon's patterns (`kroniek.lang.nl.events.FATALITIES`).
Sentences written for these tests (not taken from any article)."""

from __future__ import annotations

import pytest

from kroniek.stages.events.arguments import _fatality_patterns


def _count(text: str) -> str | None:
    for pat in _fatality_patterns("nl"):
        m = pat.search(text)
        if m:
            return m.group("n")
    return None


@pytest.mark.parametrize(("text", "n"), [
    ("Ze zamelden geld in na de aanslag waarbij vier mensen overleden.", "vier"),
    ("Bij de beschieting, waarin 12 Syrische soldaten sneuvelden, raakte ook een school beschadigd.", "12"),
    ("Vijf dagen later overleden de ouders van de schrijver.", None),
])
def test_a_past_tense_without_an_auxiliary_counts_people(text: str, n: str | None) -> None:
    assert _count(text) == n
