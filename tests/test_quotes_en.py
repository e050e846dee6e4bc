"""The English cue tagger (weights-en.json, trained on PolNeAR train by
scripts/train_cue_tagger_en.py): English has no parse, so it reads surface features."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc, Token
from kroniek.evaluation.quotes import predict, top_level
from kroniek.models.cue_tagger import cue_features, get_tagger, is_candidate
from kroniek.stages.phrases import DepIndex, lexicon

# A PolNeAR train sentence: "spoke" is in the English cue lexicon, but here it reports no
# speech (PolNeAR annotates no attribution); the rules read "from the … Room" as reported.
NOT_SPEECH = ("Dan Gross, president of the Brady Campaign, live tweeted as Obama spoke "
              "from the White House East Room.")
SPEECH = "The minister said that the talks would resume next week."


def _cues(text: str, cues: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("KRONIEK_CUES", cues)
    return [q.cue.text for q in top_level(predict(text, lang="en").quotes) if q.cue]


def test_english_weights_ship() -> None:
    tagger = get_tagger("en")
    assert tagger is not None and 0 < tagger.reject < 1


def test_non_speech_sense_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _cues(NOT_SPEECH, "rules", monkeypatch) == ["spoke"]
    assert _cues(NOT_SPEECH, "learned", monkeypatch) == []


def test_speech_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _cues(SPEECH, "learned", monkeypatch) == ["said"]


def test_surface_features_only_without_a_parse() -> None:
    lex = lexicon("en")
    text = "He said it."
    bare = Doc(text=text, lang="en", tokens=[
        Token(text="He", start=0, end=2), Token(text="said", start=3, end=7),
        Token(text="it", start=8, end=10), Token(text=".", start=10, end=11)])
    assert is_candidate(bare, 1, [])
    f = cue_features(bare, DepIndex(bare), 1, lex)
    assert "prev=he" in f and "next=it" in f and "lemma_next=said|it" in f
    parsed = Doc(text=text, lang="en", tokens=[
        Token(text="He", start=0, end=2, upos="PRON"), Token(text="said", start=3, end=7, upos="VERB"),
        Token(text="it", start=8, end=10, upos="PRON"), Token(text=".", start=10, end=11, upos="PUNCT")])
    assert not any(x.startswith("prev=") for x in cue_features(parsed, DepIndex(parsed), 1, lex))
    assert not is_candidate(parsed, 0, [])  # a pronoun of a parsed text is never judged
