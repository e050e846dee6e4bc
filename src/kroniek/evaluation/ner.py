"""Named-entity evaluation: CoNLL readers and entity-level scoring, conlleval-compatible.

Gold files in three column layouts are read (detected per file):

    CoNLL-2002   `word POS tag`            (Dutch, IOB2)
    CoNLL-2003   `word POS chunk tag`      (English, IOB1 in the original release)
    WikiANN      `nl:word<TAB>tag`         (the language prefix is stripped)

Sentences are separated by blank lines; `-DOCSTART-` lines separate documents. Tags may
be IOB1 or IOB2: an `I-X` that does not continue an `X` entity starts one, as conlleval
does. Scores are entity level: an entity counts when its span and type both match.
"""

from __future__ import annotations

import bisect
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from kroniek.errors import InputError

__all__ = [
    "NerScores",
    "GoldSentence",
    "iob_spans",
    "predict_spacy",
    "read_conll",
    "score_spans",
    "spans_on_tokens",
    "evaluate_ner",
    "format_ner",
    "gold_documents",
    "predict_encoder",
    "predict_pipeline",
    "run_ner_eval",
    "words_per_second",
]

_WIKIANN_PREFIX = re.compile(r"^[a-z]{2,3}:")

Span = tuple[int, int, str]  # token start, token end (exclusive), label


@dataclass(slots=True)
class GoldSentence:
    words: list[str]
    tags: list[str]
    doc_index: int = 0  # which -DOCSTART- document it came from

    @property
    def spans(self) -> list[Span]:
        return iob_spans(self.tags)


def _parse_line(line: str, *, path: Path, lineno: int) -> tuple[str, str]:
    cols = line.split("\t") if "\t" in line else line.split(" ")
    cols = [c for c in cols if c != ""]
    if len(cols) < 2:
        raise InputError(
            f"expected `word ... tag`, got {line!r}",
            source=str(path),
            line=lineno,
            hint="use CoNLL-2002 `word POS tag`, CoNLL-2003 `word POS chunk tag` "
            "or WikiANN `nl:word<TAB>tag`",
        )
    word, tag = cols[0], cols[-1]
    if len(cols) == 2:
        word = _WIKIANN_PREFIX.sub("", word, count=1) or word
    if tag != "O" and not re.match(r"^[BIES]-\S+$", tag):
        raise InputError(
            f"not an IOB tag: {tag!r}",
            source=str(path),
            line=lineno,
            hint="the last column must be O, B-TYPE or I-TYPE",
        )
    return word, tag


def read_conll(path: Path | str) -> list[GoldSentence]:
    """Sentences of a CoNLL NER file (any of the three layouts)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("gold file not found", source=str(path), hint="check the path")
    sentences: list[GoldSentence] = []
    words: list[str] = []
    tags: list[str] = []
    doc_index = 0

    def flush() -> None:
        nonlocal words, tags
        if words:
            sentences.append(GoldSentence(words, tags, doc_index))
        words, tags = [], []

    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n").strip()
            if not line:
                flush()
                continue
            if line.startswith("-DOCSTART-"):
                flush()
                doc_index += 1
                continue
            word, tag = _parse_line(line, path=path, lineno=lineno)
            words.append(word)
            tags.append(tag)
    flush()
    if not sentences:
        raise InputError("no sentences in the gold file", source=str(path), hint="is it CoNLL?")
    return sentences


def iob_spans(tags: Sequence[str]) -> list[Span]:
    """Entity spans of an IOB1/IOB2 (or BIOES) tag sequence, conlleval's chunk rules."""
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        begins = prefix in ("B", "S") or (prefix in ("I", "E") and (label != typ or start < 0))
        if start >= 0 and (prefix == "O" or begins):
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix != "O" and begins:
            start, label = i, typ
        if prefix in ("E", "S") and start >= 0:
            spans.append((start, i + 1, label))
            start, label = -1, ""
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans


@dataclass(slots=True)
class NerScores:
    """Entity-level counts and P/R/F1 per type and overall (micro-averaged)."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    tokens: int = 0
    seconds: float = 0.0

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4)}

    def as_dict(self) -> dict[str, Any]:
        types = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        overall = self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        out: dict[str, Any] = {
            "precision": overall["p"],
            "recall": overall["r"],
            "f1": overall["f"],
        }
        out["per_type"] = {
            t: {**self._prf(self.tp[t], self.fp[t], self.fn[t]), "support": self.tp[t] + self.fn[t]}
            for t in types
        }
        out["tokens"] = self.tokens
        if self.seconds:
            out["words_per_second"] = round(self.tokens / self.seconds)
        return out


def score_spans(gold: Iterable[Sequence[Span]], pred: Iterable[Sequence[Span]]) -> NerScores:
    scores = NerScores()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for s in gs & ps:
            scores.tp[s[2]] += 1
        for s in ps - gs:
            scores.fp[s[2]] += 1
        for s in gs - ps:
            scores.fn[s[2]] += 1
    return scores


def predict_spacy(
    nlp: Any, sentences: Sequence[GoldSentence], *, batch_size: int = 256
) -> list[list[Span]]:
    """Run a spaCy pipeline over gold tokens (so spans are comparable) and return its spans."""
    from spacy.tokens import Doc as SpacyDoc

    docs = (SpacyDoc(nlp.vocab, words=s.words) for s in sentences)
    out: list[list[Span]] = []
    listening = nlp.get_pipe("tok2vec").listening_components if "tok2vec" in nlp.pipe_names else []
    names = ["ner"] + (["tok2vec"] if "ner" in listening else [])
    with nlp.select_pipes(enable=names):
        for d in nlp.pipe(docs, batch_size=batch_size):
            out.append([(e.start, e.end, e.label_) for e in d.ents])
    return out


def evaluate_ner(
    sentences: Sequence[GoldSentence],
    predict: Callable[[Sequence[GoldSentence]], list[list[Span]]],
) -> NerScores:
    """Score `predict` (gold sentences → predicted spans) against the gold spans."""
    t0 = time.perf_counter()
    pred = predict(sentences)
    seconds = time.perf_counter() - t0
    scores = score_spans((s.spans for s in sentences), pred)
    scores.tokens = sum(len(s.words) for s in sentences)
    scores.seconds = seconds
    return scores


def words_per_second(nlp: Any, texts: Sequence[str], *, batch_size: int = 64) -> float:
    """Words per second of the full pipeline over raw texts (one process, one thread)."""
    t0 = time.perf_counter()
    n = sum(len(d) for d in nlp.pipe(texts, batch_size=batch_size))
    return n / (time.perf_counter() - t0)


def gold_documents(
    sentences: Sequence[GoldSentence],
) -> list[tuple[str, list[list[tuple[int, int]]]]]:
    """The gold sentences rebuilt as raw documents, one per `-DOCSTART-` part: tokens
    joined by spaces, sentences by newlines. Each document comes with the (start, end)
    characters of every token, sentence by sentence."""
    docs: list[tuple[str, list[list[tuple[int, int]]]]] = []
    by_doc: dict[int, list[GoldSentence]] = {}
    for s in sentences:
        by_doc.setdefault(s.doc_index, []).append(s)
    for group in by_doc.values():
        parts: list[str] = []
        offsets: list[list[tuple[int, int]]] = []
        pos = 0
        for s in group:
            if parts:
                parts.append("\n")
                pos += 1
            sent: list[tuple[int, int]] = []
            for j, w in enumerate(s.words):
                if j:
                    parts.append(" ")
                    pos += 1
                parts.append(w)
                sent.append((pos, pos + len(w)))
                pos += len(w)
            offsets.append(sent)
        docs.append(("".join(parts), offsets))
    return docs


def spans_on_tokens(
    entities: Iterable[tuple[int, int, str]], offsets: list[list[tuple[int, int]]]
) -> list[list[Span]]:
    """Character spans mapped to gold token spans: the tokens an entity overlaps, cut at
    the end of the sentence its first token is in (the gold never crosses sentences)."""
    flat = [(si, ti, s, e) for si, sent in enumerate(offsets) for ti, (s, e) in enumerate(sent)]
    starts = [s for _, _, s, _ in flat]
    out: list[list[Span]] = [[] for _ in offsets]
    for start, end, label in entities:
        k = max(0, bisect.bisect_right(starts, start) - 1)
        while k < len(flat) and flat[k][3] <= start:
            k += 1  # the entity starts after this token (in the space that follows it)
        if k >= len(flat) or flat[k][2] >= end:
            continue
        si, first = flat[k][0], flat[k][1]
        last = first
        while k + 1 < len(flat) and flat[k + 1][0] == si and flat[k + 1][2] < end:
            k += 1
            last = flat[k][1]
        out[si].append((first, last + 1, label))
    return out


def predict_encoder(sentences: Sequence[GoldSentence], *, lang: str) -> list[list[Span]]:
    """Spans of the accurate tagger (e5 + trained head) on the gold tokens."""
    from kroniek.models.tagger import get_tagger

    tags = get_tagger(lang).tag([(s.words, [True] * len(s.words)) for s in sentences])
    return [iob_spans(t) for t in tags]


def predict_pipeline(
    sentences: Sequence[GoldSentence], *, lang: str, mode: str | None = None
) -> list[list[Span]]:
    """Spans the whole pipeline (`kroniek.analyze`) finds on the raw text of the gold
    documents, mapped back to the gold tokens. Sentences must be whole documents."""
    import kroniek

    out: list[list[Span]] = []
    for text, offsets in gold_documents(sentences):
        kwargs: dict[str, Any] = {"lang": lang}
        if mode is not None:
            kwargs["mode"] = mode
        doc = kroniek.analyze(text, **kwargs)
        out += spans_on_tokens(((e.start, e.end, e.label) for e in doc.entities), offsets)
    return out


def run_ner_eval(
    gold: Path | str,
    *,
    lang: str = "nl",
    frog: bool = False,
    limit: int = 0,
    pipeline: bool = False,
    mode: str | None = None,
) -> dict[str, Any]:
    """Scores of kroniek's model on the gold tokens, of the whole pipeline on the raw text
    (with `pipeline`), and of Frog (with `frog`) on a CoNLL gold file."""
    from kroniek.stages.linguistic import load_model_with

    sentences = read_conll(gold)
    if limit:
        sentences = sentences[:limit]
    from kroniek.pipeline import resolve_mode

    chosen = resolve_mode(mode)
    result: dict[str, Any] = {"gold": str(gold), "lang": lang, "sentences": len(sentences),
                              "mode": chosen}  # fmt: skip
    if chosen == "accurate":
        result["kroniek"] = evaluate_ner(sentences, partial(predict_encoder, lang=lang)).as_dict()
    else:
        nlp = load_model_with(lang, "ner", hint="train it with `python scripts/train_models.py`")
        result["kroniek"] = evaluate_ner(sentences, lambda s: predict_spacy(nlp, s)).as_dict()
    if pipeline:
        result["pipeline"] = evaluate_ner(
            sentences, lambda s: predict_pipeline(s, lang=lang, mode=mode)
        ).as_dict()
        result["pipeline_f1"] = result["pipeline"]["f1"]
    if frog:
        from kroniek.evaluation.frog import predict_frog

        result["frog"] = evaluate_ner(sentences, predict_frog).as_dict()
    return result


def format_ner(result: dict[str, Any]) -> str:
    """A conlleval-like table, one block per system, side by side when there are two."""
    systems = [k for k in ("kroniek", "pipeline", "frog") if k in result]
    types = sorted({t for k in systems for t in result[k]["per_type"]})
    head = (
        f"{'type':<9}"
        + "".join(f"{k + ' P':>12}{'R':>8}{'F1':>8}" for k in systems)
        + f"{'support':>9}"
    )
    mode = f", {result['mode']} mode" if "mode" in result else ""
    lines = [f"{result['gold']} ({result['sentences']} sentences, {result['lang']}{mode}; "
             "kroniek: gold tokens, pipeline: raw text through kroniek.analyze)", head]  # fmt: skip
    for t in [*types, "overall"]:
        row = f"{t:<9}"
        support = 0
        for k in systems:
            d = (
                result[k]
                if t == "overall"
                else result[k]["per_type"].get(t, {"p": 0, "r": 0, "f": 0, "support": 0})
            )
            p, r, f = (
                (d["precision"], d["recall"], d["f1"])
                if t == "overall"
                else (d["p"], d["r"], d["f"])
            )
            support = d.get("support", support)
            row += f"{p:>12.4f}{r:>8.4f}{f:>8.4f}"
        lines.append(row + (f"{support:>9}" if t != "overall" else ""))
    for k in systems:
        if "words_per_second" in result[k]:
            lines.append(f"{k}: {result[k]['words_per_second']} words/s")
    return "\n".join(lines)
