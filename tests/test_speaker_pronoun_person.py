"""Speaker-ranker features of session 30 (#14): a personal pronoun at the cue points to a
person, not to an organisation ("pronoun_x_nonperson"), and a quote without a cue marks
the last clause subject named before it ("last_subject_x_nocue")."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.models.speaker_ranker import FEATURES, Candidate, candidates_for
from kroniek.pipeline import Pipeline, build_pipeline
from kroniek.stages.phrases import DepIndex, lexicon
from kroniek.stages.quotes import find_quotes
from kroniek.stages.speakers import Resolver


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "quotes", "claims", "events"))


def _lists(nlp: Pipeline, text: str) -> list[dict[str, Candidate]]:
    doc = nlp(Doc(text=text, lang="nl"))
    quotes = find_quotes(doc, speakers="rules")
    assert quotes, "the rules found no quote"
    cands = candidates_for(doc, quotes, Resolver(doc, lexicon("nl")), DepIndex(doc))
    order = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
    return [{c.name: c for c in cands[i]} for i in order]


def _f(c: Candidate, name: str) -> float:
    return c.features[FEATURES.index(name)]


def test_a_personal_pronoun_at_the_cue_marks_candidates_that_are_no_person(nlp: Pipeline) -> None:
    cands = _lists(nlp, (
        "Directeur Karel Jansen van Rabobank sprak dinsdag in Utrecht over de nieuwe regels. "
        "„De klanten merken hier weinig van”, zegt hij."))[-1]
    assert "Karel Jansen" in cands, sorted(cands)
    assert _f(cands["Karel Jansen"], "pronoun_x_nonperson") == 0.0
    orgs = [c for n, c in cands.items() if "Rabobank" in n]
    assert orgs, sorted(cands)
    assert all(_f(c, "pronoun_x_nonperson") == 1.0 for c in orgs)


def test_no_pronoun_at_the_cue_marks_nobody(nlp: Pipeline) -> None:
    cands = _lists(nlp, (
        "Directeur Karel Jansen van Rabobank sprak dinsdag in Utrecht over de nieuwe regels. "
        "„De klanten merken hier weinig van”, zegt Karel Jansen."))[-1]
    assert all(_f(c, "pronoun_x_nonperson") == 0.0 for c in cands.values())


def test_a_quote_without_a_cue_marks_the_last_subject_before_it(nlp: Pipeline) -> None:
    lists = _lists(nlp, (
        "„Wij gaan door met de bouw”, zegt wethouder Piet de Boer. "
        "Anna Bakker is minder zeker over de planning van de bouwer. "
        "„Het wordt krap.”"))
    last = lists[-1]
    marked = [n for n, c in last.items() if _f(c, "last_subject_x_nocue") == 1.0]
    assert marked == ["Anna Bakker"], {n: _f(c, "last_subject_before") for n, c in last.items()}
    assert all(_f(c, "last_subject_x_nocue") == 0.0 for c in lists[0].values())
