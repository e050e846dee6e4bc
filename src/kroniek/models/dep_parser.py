"""The accurate dependency parser: a biaffine head (Dozat & Manning 2017) over frozen e5
layers, run in numpy.

Each token's vector is the one the accurate NER tagger already computes
(`kroniek.models.tagger.token_vectors`: the mean of its subwords' states at e5 layers 6, 8
and 10), so the parser adds no encoder time. A trained scalar mix weighs the layers, a
one-layer BiLSTM reads the sentence, a learned vector stands for the root, and two pairs of
ReLU layers feed a biaffine arc scorer (dependent x head) and a biaffine relation scorer.
The highest-scoring tree with one root is found by Chu-Liu-Edmonds (trees may cross), then
each word gets its best relation under its head. The trained parts are an `.npz` of a few
MB in `kroniek/resources/models/nl-e5parser/`; trained by `scripts/train_parser_encoder.py`
(PyTorch, training only).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kroniek.models.tagger import MODELS_DIR, lstm_directions, read_head

__all__ = [
    "DepParser",
    "ParserHead",
    "attach_scores",
    "chu_liu_edmonds",
    "get_parser",
    "parser_path",
]

# Longest sentence decoded exactly: Chu-Liu-Edmonds recurses once per cycle it contracts
# (Python's stack and O(n^3) time); longer ones get _greedy_tree. 2,849-token selection
# part: its longest sentence has 68 words.
MAX_EXACT = 150
Parse = tuple[list[int], list[str]]  # per word: head (0-based word index, -1 = root), relation


def parser_path(lang: str = "nl") -> Path:
    return MODELS_DIR / f"{lang}-e5parser"


def _find_cycle(heads: np.ndarray) -> list[int]:
    """A cycle among `heads` (heads[0] is the root's, unused), or [] when there is none."""
    n = len(heads)
    state = np.zeros(n, dtype=np.int8)  # 0 unseen, 1 on the current path, 2 done
    state[0] = 2
    for start in range(1, n):
        path = []
        v = start
        while state[v] == 0:
            state[v] = 1
            path.append(v)
            v = int(heads[v])
        if state[v] == 1:  # came back to the current path: a cycle from v
            return path[path.index(v) :]
        for p in path:
            state[p] = 2
    return []


def chu_liu_edmonds(scores: np.ndarray) -> np.ndarray:
    """The maximum spanning arborescence rooted at node 0 of `scores` [dep, head] (n + 1
    nodes, node 0 the root; the diagonal and row 0 are ignored). Returns heads[n + 1]
    (heads[0] = 0)."""
    n = len(scores)
    s = scores.astype(np.float64, copy=True)
    np.fill_diagonal(s, -np.inf)
    s[0] = -np.inf
    s[:, 0] = np.where(np.arange(n) == 0, -np.inf, s[:, 0])
    heads = s.argmax(1)
    heads[0] = 0
    cycle = _find_cycle(heads)
    if not cycle:
        return heads
    in_cycle = np.zeros(n, dtype=bool)
    in_cycle[cycle] = True
    rest = [i for i in range(n) if not in_cycle[i]]  # node 0 first
    m = len(rest)  # the contracted graph: rest, then the cycle as node m
    cyc = np.array(cycle)
    cyc_score = s[cyc, heads[cyc]]  # each cycle node's arc inside the cycle
    small = np.full((m + 1, m + 1), -np.inf)
    r = np.array(rest)
    small[:m, :m] = s[np.ix_(r, r)]
    # arcs out of the cycle: dependent outside, best head inside
    out_sub = s[np.ix_(r, cyc)]  # [m, |C|]
    out_best = out_sub.argmax(1)
    small[:m, m] = out_sub[np.arange(m), out_best]
    # arcs into the cycle: head outside, the cycle node whose arc it replaces best
    in_sub = s[np.ix_(cyc, r)] - cyc_score[:, None]  # [|C|, m]
    in_best = in_sub.argmax(0)
    small[m, :m] = in_sub[in_best, np.arange(m)]
    sub = chu_liu_edmonds(small)
    out = heads.copy()
    for i, v in enumerate(rest):
        if i == 0:
            continue
        h = sub[i]
        out[v] = cyc[out_best[i]] if h == m else rest[h]
    h = sub[m]  # the cycle's head from outside breaks the cycle at one node
    out[cyc[in_best[h]]] = rest[h]
    out[0] = 0
    return out


def attach_scores(arcs: np.ndarray) -> list[int]:
    """Heads of the best tree with exactly one word under the root, from arc scores
    [n + 1, n + 1] (row = dependent, column = head, index 0 = the root). Returns per word its
    head as a 0-based word index, -1 for the root. Every root arc is lowered by one constant
    larger than any score difference, so the best tree uses the root once and is otherwise
    unchanged."""
    n = len(arcs) - 1
    if n <= 0:
        return []
    s = np.nan_to_num(arcs.astype(np.float64), nan=-1e9, posinf=1e9, neginf=-1e9)
    if n > MAX_EXACT:
        return _greedy_tree(s)
    # Most sentences: every word's best head already makes a tree with one root word, which
    # is then the best tree (the search below contracted ~16 cycles per sentence to find it)
    g = s.copy()
    np.fill_diagonal(g, -np.inf)
    greedy = g.argmax(1)
    greedy[0] = 0
    if int((greedy[1:] == 0).sum()) == 1 and not _find_cycle(greedy):
        return [int(h) - 1 for h in greedy[1:]]
    s = s - s.max(1, keepdims=True)  # per-dependent scale: root penalty stays larger
    penalty = float(np.abs(s[1:, :]).max()) * (n + 1) + 1.0
    s[1:, 0] -= penalty
    heads = chu_liu_edmonds(s)
    return [int(h) - 1 for h in heads[1:]]


def _greedy_tree(s: np.ndarray) -> list[int]:
    """A tree for an over-long "sentence" (a list, a table run together): the best root
    word, every other word its best head, and each cycle broken by hanging the member that
    loses least under the root word (whose chain ends at the root, so no new cycle forms)."""
    root = int(s[1:, 0].argmax()) + 1
    body = s.copy()
    np.fill_diagonal(body, -np.inf)
    body[:, 0] = -np.inf
    heads = body.argmax(1)
    heads[0], heads[root] = 0, 0
    while cycle := _find_cycle(heads):
        loss = [s[v, heads[v]] - s[v, root] for v in cycle]
        heads[cycle[int(np.argmin(loss))]] = root
    return [int(h) - 1 for h in heads[1:]]


def _relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0.0)


@dataclass
class ParserHead:
    """The trained parts (numpy arrays; names as scripts/train_parser_encoder.py saves them)."""

    layers: list[int]
    labels: list[str]
    w: dict[str, np.ndarray]

    @classmethod
    def load(cls, folder: Path) -> ParserHead:
        meta, z = read_head(folder, what="parser", script="train_parser_encoder.py")
        return cls(meta["layers"], meta["labels"], {k: z[k].astype(np.float32) for k in z.files})

    def _lin(self, name: str, x: np.ndarray) -> np.ndarray:
        return x @ self.w[f"{name}.weight"].T + self.w[f"{name}.bias"]

    def parse(self, vectors: np.ndarray) -> Parse:
        """Heads and relations of one sentence's token vectors [n, layers, H]."""
        return self.parse_many([vectors])[0]

    def parse_many(self, vectors: Sequence[np.ndarray]) -> list[Parse]:
        """`parse` of several sentences, their BiLSTM steps batched (`lstm_directions`)."""
        w = self.w
        xs = [np.tensordot(v, w["mix"], axes=([1], [0])).astype(np.float32) for v in vectors if len(v)]
        if "lstm.f.w_ih" in w:
            fw = lstm_directions(xs, w["lstm.f.w_ih"], w["lstm.f.w_hh"], w["lstm.f.b"])
            bw = lstm_directions(xs, w["lstm.b.w_ih"], w["lstm.b.w_hh"], w["lstm.b.b"], reverse=True)
            xs = [np.concatenate([f, b], axis=1) for f, b in zip(fw, bw, strict=True)]
        states = iter(xs)
        return [self._decode(next(states)) if len(v) else ([], []) for v in vectors]

    def _decode(self, x: np.ndarray) -> Parse:
        """Heads and relations from one sentence's BiLSTM states [n, W]."""
        n = len(x)
        w = self.w
        h = np.concatenate([w["root"][None, :], x])  # [n + 1, W]
        ad, ah = _relu(self._lin("arc.dep", h)), _relu(self._lin("arc.head", h))
        arcs = (ad @ w["arc.u"]) @ ah.T + (ah @ w["arc.b"])[None, :]
        heads = attach_scores(arcs)
        one = np.ones((n + 1, 1), dtype=np.float32)
        rd = np.concatenate([_relu(self._lin("rel.dep", h)), one], 1)
        rh = np.concatenate([_relu(self._lin("rel.head", h)), one], 1)
        hi = np.array([hd + 1 if hd >= 0 else 0 for hd in heads])
        # label l of word t under head hi[t]: rd[t] . U_l . rh[hi[t]], as one matrix product
        # (a three-operand einsum took ~5x the CPU of the whole head)
        u = w["rel.u"]
        n_lab, k = u.shape[0], u.shape[1]
        left = (rd[1:] @ u.transpose(1, 0, 2).reshape(k, n_lab * k)).reshape(n, n_lab, k)
        rel = (left * rh[hi][:, None, :]).sum(-1)
        deps = [self.labels[int(k)] for k in rel.argmax(1)]
        deps = ["root" if hd < 0 else d for hd, d in zip(heads, deps, strict=True)]
        return heads, deps


class DepParser:
    """The trained head (the e5 vectors come from the caller, who shares them with the NER)."""

    def __init__(self, lang: str = "nl", folder: Path | None = None) -> None:
        self.lang = lang
        self.head = ParserHead.load(folder or parser_path(lang))

    @property
    def layers(self) -> list[int]:
        return self.head.layers

    def parse(self, vectors: Sequence[np.ndarray]) -> list[Parse]:
        return self.head.parse_many(vectors)


_LOCK = threading.Lock()
_PARSERS: dict[str, DepParser] = {}


def get_parser(lang: str = "nl") -> DepParser:
    """The accurate parser of `lang`, loaded once per process (lazily)."""
    with _LOCK:
        parser = _PARSERS.get(lang)
        if parser is None:
            parser = _PARSERS[lang] = DepParser(lang)
        return parser
