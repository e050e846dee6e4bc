"""English readers of the parsed-clause route and the surface rules' contents
(kroniek.stages.clauses, kroniek.stages.quotes): passives with an agent, run-on contents
cut before the next reported clause, objects that are no content ("according to X", the
one told, a light verb's object), and "Name: …" headlines."""

from __future__ import annotations

import pytest

from kroniek.evaluation.quotes import predict, top_level


def _quotes(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str | None]]:
    monkeypatch.setenv("KRONIEK_CUES", "learned")
    out = []
    for q in top_level(predict(text, lang="en").quotes):
        sp = q.speaker
        src = text[sp.start : sp.end] if sp is not None and sp.start is not None and sp.end is not None else None
        out.append((q.cue.text if q.cue else "", q.text, src))
    return out


def test_passive_with_agent_reports_its_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The proposal was rejected by the city council on Monday."
    assert _quotes(text, monkeypatch) == [("rejected", "The proposal", "the city council")]


@pytest.mark.parametrize("text, first", [
    ("The governor said he would not resign and told reporters that the state would appeal.",
     "he would not resign"),
    ("The president has defended the plan, calling it a necessity.", "the plan"),
])
def test_content_stops_before_the_next_reported_clause(
        text: str, first: str, monkeypatch: pytest.MonkeyPatch) -> None:
    quotes = _quotes(text, monkeypatch)
    assert quotes[0][1] == first and len(quotes) == 2


def test_according_to_names_the_source_not_the_content(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The mayor, according to two officials, told staff members that the budget was balanced."
    assert [q[1] for q in _quotes(text, monkeypatch)] == ["the budget was balanced"]


def test_headline_name_colon_is_an_attribution(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Obama: The economy is stronger than it was eight years ago.\n"
            "The president spoke at a rally in Ohio on Monday.")
    assert _quotes(text, monkeypatch)[0] == (
        ":", "The economy is stronger than it was eight years ago", "Obama")


@pytest.mark.parametrize("text", [
    "The former governor made a surprise appearance at the rally in Miami on Tuesday.",
    "The senator took a swipe at his rival.",
])
def test_a_light_verbs_object_is_no_content(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _quotes(text, monkeypatch) == []
