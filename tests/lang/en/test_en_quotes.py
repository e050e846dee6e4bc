"""English quote lexicon: cue verbs and role nouns."""

from __future__ import annotations

import pytest

from kroniek.stages.phrases import lexicon, side_of


@pytest.mark.parametrize("verb", ["said", "told", "added", "warned", "according"])
def test_cue_verbs(verb: str) -> None:
    assert verb in lexicon("en").cue_verbs or any(
        p.startswith(verb) for p in lexicon("en").according_to)


@pytest.mark.parametrize(("word", "cls"), [("spokesman", "spokesperson"), ("analyst", "expert"),
                                           ("Sen.", "title"), ("table", None)])
def test_roles(word: str, cls: str | None) -> None:
    assert lexicon("en").role_class(word) == cls


def test_sides() -> None:
    assert side_of("the Ukrainian army", "en") == "Ukraine"
