"""The learned speaker ranker (`kroniek.models.speaker_ranker`) and its switch."""

from __future__ import annotations

import numpy as np
import pytest

from kroniek.doc import Doc
from kroniek.errors import ConfigError
from kroniek.models.speaker_ranker import (
    FEATURES,
    SpeakerRanker,
    candidates_for,
    get_ranker,
    resolve_speakers,
)
from kroniek.pipeline import Pipeline, build_pipeline
from kroniek.stages.phrases import DepIndex, lexicon
from kroniek.stages.quotes import find_quotes
from kroniek.stages.speakers import Resolver

TEXT = (
    "Minister Karel Jansen sprak dinsdag in Den Haag met journalisten. "
    "„De aanvoerlijnen zijn afgesneden”, zei Jansen. "
    "Commandant Pieter de Vries is het daar niet mee eens. "
    "„We trekken ons niet terug uit de stad”, zegt De Vries."
)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "quotes", "claims", "events"))


def test_the_choice_comes_from_the_argument_then_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KRONIEK_SPEAKERS", raising=False)
    assert resolve_speakers() == "rules"
    assert resolve_speakers("learned") == "learned"
    monkeypatch.setenv("KRONIEK_SPEAKERS", "learned")
    assert resolve_speakers() == "learned"
    monkeypatch.setenv("KRONIEK_SPEAKERS", "neural")
    with pytest.raises(ConfigError, match="KRONIEK_SPEAKERS"):
        resolve_speakers()


def test_the_quotes_stage_takes_the_choice_from_its_config() -> None:
    with pytest.raises(ConfigError, match="unknown speakers choice"):
        build_pipeline(stage_config={"quotes": {"speakers": "neural"}})
    pipe = build_pipeline(disable=("times", "places", "events"),
                          stage_config={"quotes": {"speakers": "learned"}})
    doc = pipe(Doc(text=TEXT, lang="nl"))
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == [
        "Karel Jansen", "Pieter de Vries"]


def test_candidates_carry_one_value_per_feature(nlp: Pipeline) -> None:
    doc = nlp(Doc(text=TEXT, lang="nl"))
    quotes = find_quotes(doc, speakers="rules")
    cands = candidates_for(doc, quotes, Resolver(doc, lexicon("nl")), DepIndex(doc))
    assert len(cands) == len(quotes) == 2
    second = {c.name: c for c in cands[1]}
    assert {"Pieter de Vries", "Karel Jansen"} <= set(second)
    assert "rule" in second["Pieter de Vries"].sources
    assert "prev" in second["Karel Jansen"].sources
    assert all(len(c.features) == len(FEATURES) for cs in cands for c in cs)


def test_the_highest_score_wins() -> None:
    n = len(FEATURES)
    w = np.zeros(n)
    w[FEATURES.index("is_prev")] = 1.0
    ranker = SpeakerRanker({"features": list(FEATURES), "mean": [0.0] * n, "std": [1.0] * n,
                            "w": w.tolist()})
    x = np.zeros((2, n))
    x[1, FEATURES.index("is_prev")] = 1.0
    assert int(np.argmax(ranker.scores(x))) == 1


def test_weights_of_other_features_are_refused() -> None:
    from kroniek.errors import ResourceError

    with pytest.raises(ResourceError, match="retrain"):
        SpeakerRanker({"features": ["a"], "mean": [0], "std": [1], "w": [1]})


def test_the_shipped_weights_load() -> None:
    ranker = get_ranker()
    assert ranker.w.shape == (len(FEATURES),)
