"""Verbs of responding report only a dat-clause, a colon or the clause before them
(`kroniek.stages.indirect._RESPONSE`): "reageerde boos" is a manner, not reported content."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(disable=("times", "places", "events"))


@pytest.mark.parametrize("text", [
    "Leden van de familie Jansen reageerden boos en verdrietig bij het vernemen van de uitspraak.",
    "Burgemeester Piet de Vries reageerde op Twitter vol afschuw op het filmpje.",
    "De woordvoerder van het ministerie reageerde niet op een mail met vragen van de krant.",
])
def test_response_verb_with_a_manner_reports_nothing(nlp, text: str) -> None:
    quotes = nlp(Doc(text=text, lang="nl")).quotes
    assert [q for q in quotes if q.kind in ("indirect", "mixed")] == []


def test_response_verb_with_a_dat_clause_still_reports(nlp) -> None:
    text = "Minister Jan de Groot reageerde dat het kabinet de cijfers volgende week zal publiceren."
    quotes = nlp(Doc(text=text, lang="nl")).quotes
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "het kabinet de cijfers volgende week zal publiceren")]
