"""A reported content that runs over the next main clause with a cue of its own ends at
the comma before it (`stages/quotes.py`, `_Finder._cut_runon`)."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import Pipeline, build_pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "events"))


def test_second_report_after_comma_is_its_own(nlp: Pipeline) -> None:
    text = ("Hoewel de minister eerst liet weten dat de scholieren niet meer konden vragen, "
            "twitterde hij vrijdag dat hij de organisatoren zou uitnodigen.")
    quotes = [q for q in nlp(Doc(text=text, lang="nl")).quotes if q.kind != "direct"]
    assert len(quotes) == 2, [q.text for q in quotes]
    assert quotes[0].text == "de scholieren niet meer konden vragen"
    assert quotes[1].text.startswith("hij de organisatoren zou uitnodigen")


def test_report_in_a_relative_clause_stays_inside(nlp: Pipeline) -> None:
    """A cue inside a relative clause of the first content does not end it."""
    text = ("De advocaat denkt dat de botten van het slachtoffer zijn, wat de theorie van de "
            "aanklagers die altijd hebben beweerd dat zij op het terrein is vermoord, onderuit "
            "zou halen.")
    quotes = [q for q in nlp(Doc(text=text, lang="nl")).quotes if q.kind != "direct"]
    assert quotes and quotes[0].text.startswith("de botten van het slachtoffer zijn, wat")
