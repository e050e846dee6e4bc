"""English quotes (kroniek.stages.quotes, kroniek.stages.clauses): a title in quotation
marks inside a sentence is no quotation; a second speech verb coordinated with the head of
a reported clause ("said she … and predicted that …") starts a report of its own, by the
same speaker; a cue the tagger rejects does not hide the cues inside what
it would have reported; an if-question after "asked" parsed as an adverbial clause
is its content."""

from __future__ import annotations

import pytest

from kroniek.evaluation.quotes import predict, top_level


def _quotes(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    monkeypatch.setenv("KRONIEK_CUES", "learned")
    return [(q.cue.text if q.cue else "", q.speaker.name if q.speaker and q.speaker.name else "",
             q.text) for q in top_level(predict(text, lang="en").quotes)]


@pytest.mark.parametrize("text", [
    "She was a regular guest on “Good Morning America.”\n\nThe show ran for years.",
    "Last year he starred in “Secret Lives of the Super Rich.”",
])
def test_a_title_inside_a_sentence_is_no_quotation(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _quotes(text, monkeypatch) == []


def test_a_sentence_in_quotation_marks_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The senator was blunt. “We Will Win.” The crowd cheered."
    assert [q[2] for q in _quotes(text, monkeypatch)] == ["We Will Win."]


def test_a_coordinated_speech_verb_reports_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Justice Anna Berg said in an interview last week that she didn't want to think "
            "about the possibility that the governor would win and predicted that the senator "
            "will win the election.")
    got = _quotes(text, monkeypatch)
    assert [(c, t.removeprefix("that ")) for c, _, t in got] == [
        ("said", "she didn't want to think about the possibility that the governor would win"),
        ("predicted", "the senator will win the election"),
    ]
    assert got[0][1] == got[1][1] and got[0][1].endswith("Berg")


def test_a_rejected_cue_does_not_hide_the_cues_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # "pledged" is a lexicon cue the tagger rejects here; "according to" after it still counts
    text = ("The governor leads the mayor by 271 pledged delegates according to a count by "
            "the state party.")
    assert [q[0] for q in _quotes(text, monkeypatch)] == ["according to"]


def test_a_question_read_as_an_adverbial_clause_is_reported(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Asked if he was ever bullied as a child, the candidate said no."
    assert [(q[0], q[2]) for q in _quotes(text, monkeypatch)] == [
        ("Asked", "he was ever bullied as a child")]
