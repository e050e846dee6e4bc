"""The English cue tagger (weights-en.json, trained on PolNeAR train by
scripts/train_cue_tagger_en.py) over the English parse, and the English complements of the
parsed-clause reader (kroniek.stages.clauses)."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc, Token
from kroniek.evaluation.quotes import predict, top_level
from kroniek.models.cue_tagger import CueJudge, cue_features, get_tagger, is_candidate
from kroniek.stages.phrases import DepIndex, lexicon

# A PolNeAR train sentence: "spoke" is in the English cue lexicon, but here it reports no
# speech (PolNeAR annotates no attribution).
NOT_SPEECH = ("Dan Gross, president of the Brady Campaign, live tweeted as Obama spoke "
              "from the White House East Room.")
SPEECH = "The minister said that the talks would resume next week."
# "ridiculed" is in no English lexicon: only the tagger takes it for a cue.
TAGGER_ONLY = "Senator Smith ridiculed the idea that the tax cut would pay for itself."
# The surface rules read past "if … it" into the next clause; the parse stops the first
# content at the end of the complement of "said", and "added" reports the second.
TWO_CLAUSES = ("The governor said the plan should be dropped if the court rules against it, "
               "and he added that the state would appeal.")


def _quotes(text: str, cues: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    monkeypatch.setenv("KRONIEK_CUES", cues)
    return [(q.cue.text if q.cue else "", q.text) for q in top_level(predict(text, lang="en").quotes)]


def _prob(text: str, word: str) -> float:
    doc = predict(text, lang="en")
    tagger = get_tagger("en")
    assert tagger is not None
    judge = CueJudge(tagger, doc, DepIndex(doc), lexicon("en"), [])
    k = next(i for i, t in enumerate(doc.tokens) if t.text == word)
    p = judge.prob(k)
    assert p is not None
    return p


def test_english_weights_ship_for_the_parse() -> None:
    tagger = get_tagger("en")
    assert tagger is not None and 0 < tagger.reject < tagger.accept < 1
    assert tagger.needs_parse and "dobj" in tagger.accept_relations


def test_non_speech_sense_scores_under_speech() -> None:
    assert _prob(NOT_SPEECH, "spoke") < 0.3 < 0.7 < _prob(SPEECH, "said")


def test_cue_only_the_tagger_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _quotes(TAGGER_ONLY, "rules", monkeypatch) == []
    monkeypatch.setenv("KRONIEK_CUES", "learned")
    (q,) = top_level(predict(TAGGER_ONLY, lang="en").quotes)
    assert q.cue is not None and q.cue.text == "ridiculed"
    assert q.text == "the idea that the tax cut would pay for itself"
    assert q.speaker is not None and TAGGER_ONLY[q.speaker.start : q.speaker.end] == "Senator Smith"


def test_complement_bounded_by_the_clause(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _quotes(TWO_CLAUSES, "rules", monkeypatch) == [
        ("said", "the plan should be dropped if the court rules against it"),
        ("added", "the state would appeal"),
    ]


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



@pytest.mark.parametrize(("text", "cue", "content", "source"), [
    ("Trump has raised questions about the plan, falsely suggesting that it would double "
     "taxes.", "suggesting", "it would double taxes", "Trump"),
    ("Romer was sidelined after demonstrating that the package needed to be larger.",
     "demonstrating", "the package needed to be larger", "Romer"),
])  # fmt: skip
def test_a_cue_without_a_subject_takes_the_subject_it_hangs_on(
        text: str, cue: str, content: str, source: str) -> None:
    # Neither participle has a subject of its own (HEAD before this rule found no quote).
    doc = predict(text, lang="en")
    found = [(q.cue.text if q.cue else "", q.text, q.speaker.name if q.speaker else None)
             for q in top_level(doc.quotes)]  # fmt: skip
    assert (cue, content, source) in found


def test_an_object_content_stops_before_the_next_coordinated_verb() -> None:
    # Without a complement clause the content of "praised" ran on over "and said …".
    doc = predict("Wilson praised the senator's record on defense and said the state could "
                  "win in November.", lang="en")
    found = [(q.cue.text if q.cue else "", q.text) for q in top_level(doc.quotes)]
    assert ("praised", "the senator's record on defense") in found
    assert ("said", "the state could win in November") in found


def test_english_clause_reader_takes_any_subject_as_the_source() -> None:
    # PolNeAR marks any subject as the source; the Dutch reader asks for a plausible one.
    from kroniek.stages.clauses import ParsedClauses

    text = "Many urged him to run for the Senate again next year."
    doc = predict(text, lang="en")
    hits = ParsedClauses(doc, DepIndex(doc), lexicon("en")).in_sentence(0, len(text))
    found = [(text[h.cue_start : h.cue_end], text[h.start : h.end], h.mention.text if h.mention else None)
             for h in hits]  # fmt: skip
    assert ("urged", "to run for the Senate again next year", "Many") in found
