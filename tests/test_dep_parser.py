"""The accurate dependency parser (kroniek.models.dep_parser): tree decoding, the trained
head on a few sentences, loading once, and the accurate pipeline's trees."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from kroniek.evaluation import check_floors
from kroniek.models.dep_parser import attach_scores, chu_liu_edmonds, get_parser, parser_path

HAS_MODEL = (parser_path("nl") / "head.npz").exists()
needs_model = pytest.mark.skipif(not HAS_MODEL, reason="no accurate nl parser model")


def _is_tree(heads: list[int]) -> bool:
    """One root (-1), every word reaches it, no word its own head."""
    if sum(h == -1 for h in heads) != 1:
        return False
    for i in range(len(heads)):
        seen, v = 0, i
        while v != -1 and seen <= len(heads):
            v, seen = heads[v], seen + 1
        if v != -1:
            return False
    return True


def _best_by_brute_force(s: np.ndarray) -> float:
    n, best = len(s) - 1, -np.inf
    for hs in itertools.product(range(-1, n), repeat=n):
        heads = list(hs)
        if any(h == i for i, h in enumerate(heads)) or not _is_tree(heads):
            continue
        best = max(best, sum(s[i + 1, h + 1] for i, h in enumerate(heads)))
    return float(best)


def test_decoding_finds_the_best_single_rooted_tree() -> None:
    rng = np.random.default_rng(0)
    for _ in range(150):
        n = int(rng.integers(1, 6))
        s = rng.normal(size=(n + 1, n + 1)) * 3
        heads = attach_scores(s)
        assert _is_tree(heads)
        got = sum(s[i + 1, h + 1] for i, h in enumerate(heads))
        assert got == pytest.approx(_best_by_brute_force(s))


def test_decoding_breaks_cycles_and_allows_crossing_arcs() -> None:
    # greedy heads form the cycle 1 <-> 2; the root's best child is 3
    s = np.full((4, 4), -10.0)
    s[1, 2], s[2, 1], s[3, 0], s[1, 3], s[2, 3] = 5.0, 5.0, 5.0, 1.0, 0.5
    heads = chu_liu_edmonds(s)
    assert list(heads[1:]) == [3, 1, 0]
    # a crossing tree (1 -> 3, 2 -> 4) is kept when its arcs score best
    s = np.full((5, 5), -10.0)
    s[4, 0], s[1, 3], s[3, 4], s[2, 4] = 5.0, 5.0, 5.0, 5.0
    assert attach_scores(s) == [2, 3, 3, -1]
    assert attach_scores(np.zeros((1, 1))) == []


def test_over_long_sentences_and_bad_scores_still_give_trees() -> None:
    rng = np.random.default_rng(1)
    for n in (151, 1200):  # past MAX_EXACT: the greedy tree, cycles broken
        s = rng.normal(size=(n + 1, n + 1))
        s[1:, 1:] += 4 * (np.abs(np.subtract.outer(np.arange(n), np.arange(n))) == 1)
        assert _is_tree(attach_scores(s))
    s = rng.normal(size=(6, 6))
    s[2, 3] = np.nan
    assert _is_tree(attach_scores(s))


@needs_model
def test_parser_loads_once_and_parses_simple_sentences() -> None:
    from kroniek.models.e5 import get_encoder
    from kroniek.models.tagger import token_vectors

    parser = get_parser("nl")
    assert get_parser("nl") is parser
    sents = [
        "De man leest een boek .".split(),
        "Het kabinet wil de belasting verlagen .".split(),
        "Zij woont sinds 2010 in Utrecht .".split(),
    ]
    vecs = token_vectors(get_encoder(layers=max(parser.layers)),
                         [(w, [True] * len(w)) for w in sents], parser.layers)  # fmt: skip
    parses = parser.parse(vecs)
    for words, (heads, deps) in zip(sents, parses, strict=True):
        assert len(heads) == len(deps) == len(words)
        assert _is_tree(heads)
        assert deps[heads.index(-1)] == "root"
    (h1, d1), (h2, d2), (h3, d3) = parses
    assert h1 == [1, 2, -1, 4, 2, 2]
    assert d1 == ["det", "nsubj", "root", "det", "obj", "punct"]
    assert h2[6] == 2 and d2[1] == "nsubj" and h2[1] in (2, 6)  # wil ... verlagen
    assert h3[:2] == [1, -1] and d3[0] == "nsubj" and d3[5] == "obl"


@needs_model
def test_accurate_pipeline_takes_its_trees_from_the_parser() -> None:
    import kroniek

    text = "De burgemeester opende dinsdag het nieuwe station. Veel reizigers waren blij."
    fast = kroniek.analyze(text, lang="nl", mode="fast")
    acc = kroniek.analyze(text, lang="nl", mode="accurate")
    assert [t.text for t in fast.tokens] == [t.text for t in acc.tokens]
    assert [t.upos for t in fast.tokens] == [t.upos for t in acc.tokens]
    for si in range(len(acc.sentences)):
        idx = [i for i, t in enumerate(acc.tokens) if t.sent == si]
        heads = [acc.tokens[i].head - idx[0] if acc.tokens[i].head >= 0 else -1 for i in idx]
        assert _is_tree(heads)
        assert all(acc.tokens[i].dep for i in idx)
    subj = next(t for t in acc.tokens if t.text == "burgemeester")
    assert subj.dep == "nsubj" and acc.tokens[subj.head].text == "opende"


@needs_model
def test_accurate_syntax_stays_above_its_floor(shared_data: Path) -> None:
    from kroniek.evaluation.syntax import run_syntax_eval

    gold = shared_data / "syntax" / "nl_alpino-ud-dev.conllu"
    result = run_syntax_eval(gold, lang="nl", mode="accurate")
    assert result["mode"] == "accurate" and result["tokens"] > 10_000
    assert not check_floors("syntax-nl-accurate", result)


def _lstm_alone(
    x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b: np.ndarray, *, reverse: bool = False
) -> np.ndarray:
    """The reference: one LSTM direction over one sequence, one matrix-vector step at a time."""
    def sigmoid(v: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-v))

    hs = w_hh.shape[1]
    pre = x @ w_ih.T + b
    h = np.zeros(hs, dtype=np.float32)
    c = np.zeros(hs, dtype=np.float32)
    out = np.empty((len(x), hs), dtype=np.float32)
    for t in (range(len(x) - 1, -1, -1) if reverse else range(len(x))):
        g = pre[t] + w_hh @ h
        i, f, gg, o = sigmoid(g[:hs]), sigmoid(g[hs : 2 * hs]), np.tanh(g[2 * hs : 3 * hs]), sigmoid(g[3 * hs :])
        c = f * c + i * gg
        h = o * np.tanh(c)
        out[t] = h
    return out


@pytest.mark.parametrize("block", [8192, 20])
def test_batched_lstm_matches_one_sentence_at_a_time(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """lstm_directions (the heads' batched BiLSTM) gives each sequence the states that
    `_lstm_alone` (one sequence, one step at a time) gives it, in both directions, empty sequences included, in one
    block or in several."""
    from kroniek.models import tagger
    from kroniek.models.tagger import lstm_directions

    monkeypatch.setattr(tagger, "LSTM_BLOCK_CELLS", block)

    rng = np.random.default_rng(3)
    w_ih = rng.standard_normal((32, 16)).astype(np.float32)
    w_hh = rng.standard_normal((32, 8)).astype(np.float32)
    b = rng.standard_normal(32).astype(np.float32)
    xs = [rng.standard_normal((n, 16)).astype(np.float32) for n in (5, 0, 12, 1, 7, 12, 30, 3)]
    for reverse in (False, True):
        batched = lstm_directions(xs, w_ih, w_hh, b, reverse=reverse)
        for x, got in zip(xs, batched, strict=True):
            alone = _lstm_alone(x, w_ih, w_hh, b, reverse=reverse)
            assert got.shape == alone.shape
            np.testing.assert_allclose(got, alone, atol=1e-5)
