"""A Dutch verb cue whose content is a bare noun phrase needs more of the cue tagger
(`quotes._Finder._weak_object`, `_OBJECT_REJECT`) than one with a clause: "klagen al
tijden over deze groep" reports no words; "eist zijn onmiddellijke vertrek" does."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import Pipeline, build_pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "claims", "events"))


def _indirect(nlp: Pipeline, text: str) -> list[str]:
    return [q.text for q in nlp(Doc(text=text, lang="nl")).quotes if q.kind == "indirect"]


def test_weak_verb_with_a_noun_phrase_reports_nothing(nlp: Pipeline) -> None:
    assert _indirect(nlp, "Winkeliers en burgemeesters klagen al tijden over deze groep.") == []


def test_demand_with_a_noun_phrase_stays(nlp: Pipeline) -> None:
    assert _indirect(nlp, "De minister eist zijn onmiddellijke vertrek.") == [
        "zijn onmiddellijke vertrek"]


def test_clause_content_is_judged_as_before(nlp: Pipeline) -> None:
    assert _indirect(nlp, "Winkeliers klagen dat de groep al tijden overlast geeft.") == [
        "de groep al tijden overlast geeft"]
