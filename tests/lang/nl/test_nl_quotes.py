"""Dutch quote and claim lexicons: cue verbs, role nouns, source nouns, hedges."""

from __future__ import annotations

import pytest

from kroniek.stages.phrases import lexicon, side_of, source_type


@pytest.mark.parametrize(
    ("word", "cls"),
    [("defensiespecialist", "expert"), ("defensie-expert", "expert"), ("oud-minister", "official"),
     ("woordvoerster", "spokesperson"), ("Ruslanddeskundige", "expert"), ("tafel", None)],
)
def test_role_nouns_match_compounds(word: str, cls: str | None) -> None:
    assert lexicon("nl").role_class(word) == cls


@pytest.mark.parametrize("verb", ["zegt", "zei", "stelt", "aldus", "verklaarde", "meldt",
                                  "waarschuwt", "ontkende", "verwacht"])
def test_cue_verbs(verb: str) -> None:
    assert verb in lexicon("nl").cue_verbs


def test_separable_cue() -> None:
    assert lexicon("nl").particle_verbs["laat"] == "weten"


@pytest.mark.parametrize(
    ("word", "stype"),
    [("bloggers", "social_media"), ("satellietbeelden", "imagery"), ("leger", "party_to_conflict"),
     ("defensieministerie", "official"), ("analisten", "expert"), ("persbureau", "media")],
)
def test_source_nouns(word: str, stype: str) -> None:
    assert source_type(word, "nl") == stype


@pytest.mark.parametrize(
    ("phrase", "side"),
    [("het Oekraïense leger", "Oekraïne"), ("Moskou", "Rusland"), ("pro-Russische bloggers",
     "Rusland"), ("de Israëlische luchtmacht", "Israël"), ("een Nederlandse analist", None)],
)
def test_sides(phrase: str, side: str | None) -> None:
    assert side_of(phrase, "nl") == side
