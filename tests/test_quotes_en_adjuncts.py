"""English quotes that are no attribution (kroniek.stages.quotes, kroniek.stages.clauses):
a prepositional phrase on a verb of speaking that tells where, when or to whom it was said,
a "Who: words" paragraph of a tally or a series label."""

from __future__ import annotations

import pytest

from kroniek.evaluation.quotes import predict, top_level


def _quotes(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    monkeypatch.setenv("KRONIEK_CUES", "learned")
    return [(q.cue.text if q.cue else "", q.text) for q in top_level(predict(text, lang="en").quotes)]


@pytest.mark.parametrize("text", [
    "The senator spoke to reporters after the hearing on Tuesday.",
    "The governor spoke at a rally in Ohio on Monday.",
    "She reported from Los Angeles.",
])
def test_where_and_to_whom_it_was_said_is_no_content(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _quotes(text, monkeypatch) == []


def test_a_reported_clause_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The senator said at the hearing that the bill would pass."
    assert [q[1].removeprefix("that ") for q in _quotes(text, monkeypatch)] == ["the bill would pass"]


@pytest.mark.parametrize("text", [
    "Delegate count in the Democratic race.\n\nClinton: 1,769.\n\nSanders: 1,501.",
    "The Latest: Cruz to give away engraved shotgun.\n\nThe senator spoke on Monday.",
])
def test_tallies_and_series_labels_are_no_transcript(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not [q for q in _quotes(text, monkeypatch) if q[0] == ":"]
