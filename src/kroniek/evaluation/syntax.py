"""Syntax evaluation on CoNLL-U: UPOS, lemma accuracy, UAS and LAS over gold tokens.

The system analyses the gold tokens of each sentence (so no alignment is needed, as in
the CoNLL 2018 shared task with gold tokenisation). All tokens count, punctuation
included; LAS compares the full relation (`nmod:poss`, not only `nmod`). Lemmas are
compared after `normalize_lemma`: Alpino marks compound and particle boundaries inside
lemmas (`basis_niveau`, `af_lopen`); kroniek learns and outputs them without the marks.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kroniek.errors import InputError

__all__ = [
    "SyntaxScores",
    "UDSentence",
    "evaluate_syntax",
    "format_syntax",
    "run_syntax_eval",
    "normalize_lemma",
    "parse_accurate",
    "parse_spacy",
    "read_conllu",
]


@dataclass(slots=True)
class UDSentence:
    words: list[str]
    spaces: list[bool]
    lemmas: list[str]
    upos: list[str]
    feats: list[str]
    heads: list[int]  # 0-based index of the head; the root points to itself
    deps: list[str]
    sent_id: str = ""


def normalize_lemma(lemma: str) -> str:
    """`basis_niveau` → `basisniveau`; a lemma that is only `_` is kept."""
    return lemma.replace("_", "") if len(lemma) > 1 else lemma


def _sentences(path: Path) -> Iterator[tuple[int, list[list[str]], str]]:
    rows: list[list[str]] = []
    sent_id = ""
    first = 0
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n")
            if not line.strip():
                if rows:
                    yield first, rows, sent_id
                rows, sent_id = [], ""
                continue
            if line.startswith("#"):
                if line.startswith("# sent_id"):
                    sent_id = line.split("=", 1)[-1].strip()
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise InputError(
                    f"expected 10 tab-separated columns, got {len(cols)}",
                    source=str(path),
                    line=lineno,
                    hint="is this a CoNLL-U file?",
                )
            if "-" in cols[0] or "." in cols[0]:
                continue  # multiword token ranges and empty nodes: gold words are used
            if not rows:
                first = lineno
            rows.append(cols)
    if rows:
        yield first, rows, sent_id


def read_conllu(path: Path | str) -> list[UDSentence]:
    path = Path(path)
    if not path.is_file():
        raise InputError("gold file not found", source=str(path), hint="check the path")
    out: list[UDSentence] = []
    for lineno, rows, sent_id in _sentences(path):
        try:
            heads = [int(r[6]) - 1 for r in rows]
        except ValueError as exc:
            raise InputError(
                f"a HEAD that is not a number: {exc}", source=str(path), line=lineno
            ) from None
        heads = [h if h >= 0 else i for i, h in enumerate(heads)]
        out.append(
            UDSentence(
                words=[r[1] for r in rows],
                spaces=["SpaceAfter=No" not in r[9] for r in rows],
                lemmas=[r[2] for r in rows],
                upos=[r[3] for r in rows],
                feats=[r[5] if r[5] != "_" else "" for r in rows],
                heads=heads,
                deps=[r[7] for r in rows],
                sent_id=sent_id,
            )
        )
    if not out:
        raise InputError("no sentences in the gold file", source=str(path), hint="is it CoNLL-U?")
    return out


@dataclass(slots=True)
class SyntaxScores:
    tokens: int = 0
    upos: int = 0
    lemma: int = 0
    uas: int = 0
    las: int = 0
    seconds: float = 0.0
    confusions: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        n = self.tokens or 1
        out: dict[str, Any] = {
            "upos": round(self.upos / n, 4),
            "lemma": round(self.lemma / n, 4),
            "uas": round(self.uas / n, 4),
            "las": round(self.las / n, 4),
            "tokens": self.tokens,
        }
        if self.seconds:
            out["words_per_second"] = round(self.tokens / self.seconds)
        return out


Parse = tuple[list[str], list[str], list[int], list[str]]  # upos, lemma, heads, deps


def parse_spacy(nlp: Any, sentences: Sequence[UDSentence], *, batch_size: int = 256) -> list[Parse]:
    """Analyse each gold-tokenised sentence with a spaCy pipeline (NER disabled)."""
    from spacy.tokens import Doc as SpacyDoc

    docs = (SpacyDoc(nlp.vocab, words=s.words, spaces=s.spaces) for s in sentences)
    out: list[Parse] = []
    disable = [n for n in nlp.pipe_names if n.startswith("ner")]
    with nlp.select_pipes(disable=disable):
        for d in nlp.pipe(docs, batch_size=batch_size):
            out.append(
                (
                    [t.pos_ for t in d],
                    [t.lemma_ for t in d],
                    [t.head.i for t in d],
                    [t.dep_ if t.head.i != t.i else "root" for t in d],
                )
            )
    return out


def parse_accurate(nlp: Any, sentences: Sequence[UDSentence], *, lang: str = "nl") -> list[Parse]:
    """Accurate mode: UPOS and lemmas from the spaCy pipeline, heads and relations from the
    e5 biaffine parser (kroniek.models.dep_parser) over the encoder's token vectors."""
    from kroniek.models.dep_parser import get_parser
    from kroniek.models.e5 import get_encoder
    from kroniek.models.tagger import token_vectors

    parser = get_parser(lang)
    fast = parse_spacy(nlp, sentences)
    enc = get_encoder(layers=max(parser.layers))
    inputs = [(s.words, [i == 0 or s.spaces[i - 1] for i in range(len(s.words))]) for s in sentences]
    out: list[Parse] = []
    for (upos, lemmas, _, _), (heads, deps) in zip(
        fast, parser.parse(token_vectors(enc, inputs, parser.layers)), strict=True
    ):
        out.append((upos, lemmas, [h if h >= 0 else i for i, h in enumerate(heads)], deps))
    return out


def evaluate_syntax(nlp: Any, sentences: Sequence[UDSentence], *, mode: str = "fast") -> SyntaxScores:
    t0 = time.perf_counter()
    parses = parse_accurate(nlp, sentences) if mode == "accurate" else parse_spacy(nlp, sentences)
    scores = SyntaxScores(seconds=time.perf_counter() - t0)
    for s, (upos, lemmas, heads, deps) in zip(sentences, parses, strict=True):
        for i in range(len(s.words)):
            scores.tokens += 1
            scores.upos += upos[i] == s.upos[i]
            scores.lemma += normalize_lemma(lemmas[i]) == normalize_lemma(s.lemmas[i])
            if heads[i] == s.heads[i]:
                scores.uas += 1
                scores.las += deps[i].lower() == s.deps[i].lower()
    return scores


def run_syntax_eval(
    gold: Path | str, *, lang: str = "nl", limit: int = 0, mode: str = "fast"
) -> dict[str, Any]:
    """Scores of the `mode` analysis (fast: the spaCy pipeline alone; accurate: its tags
    and lemmas with the e5 parser's trees) on the gold tokens of a CoNLL-U file."""
    from kroniek.stages.linguistic import load_model_with

    sentences = read_conllu(gold)
    if limit:
        sentences = sentences[:limit]
    nlp = load_model_with(
        lang, "parser",
        hint="kroniek has a parser for Dutch only (there is no English treebank in the data)",
    )
    scores = evaluate_syntax(nlp, sentences, mode=mode).as_dict()
    return {"gold": str(gold), "lang": lang, "mode": mode, "sentences": len(sentences), **scores}


def format_syntax(result: dict[str, Any]) -> str:
    lines = [
        f"{result['gold']} ({result['sentences']} sentences, {result['tokens']} tokens, "
        f"{result['lang']}, {result.get('mode', 'fast')} mode)"
    ]
    lines += [f"{k:<7}{result[k]:.4f}" for k in ("upos", "lemma", "uas", "las")]
    if "words_per_second" in result:
        lines.append(f"{result['words_per_second']} words/s")
    return "\n".join(lines)
