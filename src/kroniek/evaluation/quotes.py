"""Scoring quotes and attributions: PolNeAR (English) and the Dutch gold set.

Matching, used everywhere in this module:

- **exact**: two spans are equal after trimming whitespace, quotation marks and the
  punctuation ,.;: at both ends (PolNeAR content spans include the quotation marks,
  kroniek's quote spans do not).
- **overlap**: two spans share at least one non-space character. Matching is one-to-one:
  pairs are taken greedily by the size of their overlap, so one long predicted span
  cannot match several gold spans.

PolNeAR (`score_polnear`): each gold attribution has Source, Cue and Content spans
(Content may be discontinuous). kroniek's quotes are turned into attributions (speaker
mention = Source, cue = Cue, quote span = Content; a continuation quote without its own
cue that follows a quote of the same speaker in the same paragraph is merged into it, as
PolNeAR annotates "“…,” said X. “…”" as one attribution). Per role we report exact and
overlap precision/recall/F1 over spans, and for whole attributions overlap P/R/F1 where
two attributions match when their contents overlap.

Dutch gold (`score_gold`, format in gold/quotes-nl/GUIDE.md): direct-quote P/R/F1 (gold
direct vs predicted top-level direct quotes that are not pull-quote repeats), indirect
P/R/F1 (gold indirect+mixed vs predicted indirect+mixed), both by overlap (exact also
given), and speaker accuracy: over matched quotes whose gold speaker has a name, the
share whose predicted speaker name equals the gold name or one of its aliases
(case-insensitive).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kroniek.doc import Doc, Quote
from kroniek.errors import InputError
from kroniek.evaluation import shared_data_dir

__all__ = [
    "DEFAULT_POLNEAR",
    "Attribution",
    "PRF",
    "flat_scores",
    "format_quotes",
    "load_gold",
    "load_polnear",
    "match_spans",
    "mine_cues",
    "predict",
    "score_gold",
    "score_polnear",
    "score_polnear_docs",
]

Span = tuple[int, int]
_TRIM = " \t\n\"'„“”‘’«»,.;:"


@dataclass(slots=True)
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "pred": self.n_pred,
                "gold": self.n_gold}


def _trim(text: str, span: Span) -> Span:
    a, b = span
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _overlap(text: str, a: list[Span], b: list[Span]) -> int:
    n = 0
    for s1, e1 in a:
        for s2, e2 in b:
            lo, hi = max(s1, s2), min(e1, e2)
            if hi > lo:
                n += sum(1 for ch in text[lo:hi] if not ch.isspace())
    return n


def match_spans(
    text: str, pred: list[list[Span]], gold: list[list[Span]], *, exact: bool
) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) matches; each item is a list of spans."""
    pairs: list[tuple[int, int, int]] = []
    for i, p in enumerate(pred):
        tp = [_trim(text, s) for s in p]
        for j, g in enumerate(gold):
            if exact:
                if tp == [_trim(text, s) for s in g]:
                    pairs.append((1, i, j))
            else:
                ov = _overlap(text, p, g)
                if ov > 0:
                    pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def _prf(text: str, pred: list[list[Span]], gold: list[list[Span]], *, exact: bool) -> PRF:
    return PRF(len(match_spans(text, pred, gold, exact=exact)), len(pred), len(gold))


# -- running kroniek ----------------------------------------------------------------------


def predict(text: str, *, lang: str) -> Doc:
    """kroniek's quotes for one text (segment, linguistic when a model exists, quotes)."""
    doc: Doc = _pipeline()(Doc(text=text, lang=lang))
    return doc


_PIPE: list[Any] = []


def _pipeline() -> Any:
    if not _PIPE:
        from kroniek.pipeline import build_pipeline

        _PIPE.append(build_pipeline(disable=("times", "places", "claims", "events")))
    return _PIPE[0]


def top_level(quotes: list[Quote]) -> list[Quote]:
    """Quotes that are neither pull-quote repeats nor nested inside another quote."""
    body = [q for q in quotes if q.repeats is None]
    return [
        q for q in body
        if not any(o is not q and o.start <= q.start and q.end <= o.end
                   and (o.end - o.start) > (q.end - q.start) and o.kind == "direct"
                   for o in body)
    ]


# -- PolNeAR ----------------------------------------------------------------------------


@dataclass(slots=True)
class Attribution:
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)
    speaker: str | None = None


@dataclass(slots=True)
class PolnearArticle:
    name: str
    text: str
    gold: list[Attribution]


def _spans(field_: str) -> list[Span]:
    out = []
    for part in field_.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def _read_ann(path: Path) -> list[Attribution]:
    spans: dict[str, list[Span]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, rest = cols[1].partition(" ")
            spans[cols[0]] = _spans(rest)
        elif line.startswith("E") and len(cols) >= 2:
            events.append(cols[1].split())
    out = []
    for ev in events:
        att = Attribution()
        for arg in ev[1:]:
            role, _, tid = arg.partition(":")
            role = re.sub(r"\d+$", "", role).lower()
            if role in ("source", "cue", "content") and tid in spans:
                getattr(att, role).extend(spans[tid])
        out.append(att)
    return out


def load_polnear(root: Path, *, limit: int | None = None) -> list[PolnearArticle]:
    """PolNeAR articles of one split (`root` holds text/ and attributions/)."""
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(
            "not a PolNeAR split: text/ or attributions/ is missing",
            source=str(root),
            hint="point --corpus-dir at a split such as .../quotes/polnear/dev",
        )
    anns: dict[str, Path] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        anns.setdefault(p.stem.rsplit("_", 1)[0], p)  # one annotator per article
    out = []
    for tp in sorted(text_dir.glob("*.txt")):
        ann = anns.get(tp.stem)
        if ann is None:
            continue
        out.append(PolnearArticle(tp.stem, tp.read_text(encoding="utf-8"), _read_ann(ann)))
        if limit is not None and len(out) >= limit:
            break
    return out


def to_attributions(doc: Doc) -> list[Attribution]:
    """kroniek's quotes as PolNeAR-style attributions (continuations merged)."""
    out: list[Attribution] = []
    last: Quote | None = None
    by_cue: dict[Span, Attribution] = {}
    for q in top_level(doc.quotes):
        name = q.speaker.name if q.speaker else None
        cued = by_cue.get((q.cue.start, q.cue.end)) if q.cue is not None else None
        if cued is not None:  # PolNeAR is univocal: a cue token is in one attribution only
            cued.content.append((q.start, q.end))
            last = q
            continue
        if (q.cue is None and last is not None and out and name and name == out[-1].speaker
                and q.start - last.end < 200 and "\n\n" not in doc.text[last.end : q.start]):
            out[-1].content.append((q.start, q.end))
            last = q
            continue
        att = Attribution(content=[(q.start, q.end)], speaker=name)
        if q.cue is not None:  # PolNeAR annotates the colon of "X: “…”" as the cue too
            att.cue.append((q.cue.start, q.cue.end))
            by_cue[(q.cue.start, q.cue.end)] = att
        if q.speaker and q.speaker.start is not None and q.speaker.end is not None:
            att.source.append((q.speaker.start, q.speaker.end))
        out.append(att)
        last = q
    # Univocal again: words another attribution's content already holds are no
    # attribution of their own (a quote inside a reported sentence that quotes it), nor
    # is a cue-less one that shares words with a cued one.
    def holds(b: Attribution, a: Attribution) -> bool:
        return all(any(x <= s and e <= y for x, y in b.content) for s, e in a.content)

    def meets(b: Attribution, a: Attribution) -> bool:
        return any(x < e and s < y for x, y in b.content for s, e in a.content)

    return [a for i, a in enumerate(out) if not any(
        j != i and (holds(b, a) and (j < i or not holds(a, b))
                    or not a.cue and bool(b.cue) and meets(b, a))
        for j, b in enumerate(out))]


def score_polnear(articles: Iterable[PolnearArticle]) -> dict[str, Any]:
    """Exact and overlap P/R/F1 per role and per attribution over the articles."""
    return score_polnear_docs((predict(art.text, lang="en"), art.gold) for art in articles)


def score_polnear_docs(items: Iterable[tuple[Doc, list[Attribution]]]) -> dict[str, Any]:
    """`score_polnear` of documents kroniek has already analysed, with their gold
    attributions (how the English cue tagger's thresholds are chosen on held-out train
    articles without running the whole pipeline again)."""
    totals: dict[str, PRF] = {}
    n = 0
    for doc, gold in items:
        n += 1
        art = PolnearArticle("", doc.text, gold)
        pred = to_attributions(doc)
        for role in ("source", "cue", "content"):
            p = [getattr(a, role) for a in pred if getattr(a, role)]
            g = [getattr(a, role) for a in art.gold if getattr(a, role)]
            for mode in ("exact", "overlap"):
                key = f"{role}.{mode}"
                totals.setdefault(key, PRF()).add(_prf(art.text, p, g, exact=mode == "exact"))
        att = _prf(art.text, [a.content for a in pred], [a.content for a in art.gold],
                   exact=False)
        totals.setdefault("attribution.overlap", PRF()).add(att)
    return {"articles": n, **{k: v.as_dict() for k, v in sorted(totals.items())}}


# -- Dutch gold ---------------------------------------------------------------------------


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold articles from a directory of JSON files (or one JSON file)."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files or not all(f.exists() for f in files):
        raise InputError("no gold JSON files found", source=str(path),
                         hint="pass a directory like gold/quotes-nl or one .json file")
    out = []
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise InputError(f"not JSON: {e.msg}", source=str(f), line=e.lineno,
                             hint="gold files are written by gold/quotes-nl/make_gold.py") from e
        if not isinstance(data, dict) or "text" not in data or "quotes" not in data:
            raise InputError("a gold file needs 'text' and 'quotes'", source=str(f),
                             hint="see gold/quotes-nl/GUIDE.md for the format")
        out.append(data)
    return out


def _names(sp: dict[str, Any] | None) -> set[str]:
    if not sp or not sp.get("name"):
        return set()
    return {n.casefold() for n in [sp["name"], *sp.get("aliases", [])]}


def score_gold(articles: list[dict[str, Any]], *, errors: list[dict[str, Any]] | None = None
               ) -> dict[str, Any]:
    """Direct and indirect P/R/F1 and speaker accuracy over gold articles."""
    res = {k: PRF() for k in ("direct.overlap", "direct.exact", "indirect.overlap",
                              "indirect.exact")}
    sp_ok = sp_n = 0
    for art in articles:
        doc = _pipeline()(Doc(text=art["text"], lang=art.get("lang", "nl"), title=art.get("title")))
        pred = top_level(doc.quotes)
        for kind, gkinds, pkinds in (("direct", {"direct"}, {"direct"}),
                                     ("indirect", {"indirect", "mixed"}, {"indirect", "mixed"})):
            gq = [g for g in art["quotes"] if g["kind"] in gkinds]
            pq = [p for p in pred if p.kind in pkinds]
            ps = [[(p.start, p.end)] for p in pq]
            gs = [[(g["start"], g["end"])] for g in gq]
            res[f"{kind}.exact"].add(_prf(art["text"], ps, gs, exact=True))
            matches = match_spans(art["text"], ps, gs, exact=False)
            res[f"{kind}.overlap"].add(PRF(len(matches), len(ps), len(gs)))
            for i, j in matches:
                names = _names(gq[j].get("speaker"))
                if not names:
                    continue
                sp_n += 1
                sp = pq[i].speaker
                got = (sp.name or "") if sp is not None else ""
                if got.casefold() in names:
                    sp_ok += 1
                elif errors is not None:
                    errors.append({"article": art["id"], "type": "speaker", "quote": gq[j]["text"][:80],
                                   "gold": sorted(names), "got": got})
            if errors is not None:
                _misses(art, gq, pq, matches, kind, errors)
    out: dict[str, Any] = {"articles": len(articles)}
    out.update({k: v.as_dict() for k, v in res.items()})
    out["speaker"] = {"accuracy": round(sp_ok / sp_n, 4) if sp_n else 0.0, "correct": sp_ok,
                      "scored": sp_n}
    return out


def _misses(art: dict[str, Any], gq: list[dict[str, Any]], pq: list[Quote],
            matches: list[tuple[int, int]], kind: str, errors: list[dict[str, Any]]) -> None:
    mp = {i for i, _ in matches}
    mg = {j for _, j in matches}
    for j, g in enumerate(gq):
        if j not in mg:
            errors.append({"article": art["id"], "type": f"{kind}.missed", "quote": g["text"][:100]})
    for i, p in enumerate(pq):
        if i not in mp:
            errors.append({"article": art["id"], "type": f"{kind}.spurious", "quote": p.text[:100]})


def iter_errors(errors: list[dict[str, Any]]) -> Iterator[str]:
    for e in errors:
        yield json.dumps(e, ensure_ascii=False)


DEFAULT_POLNEAR = shared_data_dir() / "quotes" / "polnear" / "dev"


def flat_scores(result: dict[str, Any]) -> dict[str, float]:
    """The headline numbers, named as in floors.json ("attribution_overlap_f1", ...)."""
    out: dict[str, float] = {}
    for key, val in result.items():
        if isinstance(val, dict) and "f1" in val:
            out[key.replace(".", "_") + "_f1"] = val["f1"]
    if "speaker" in result:
        out["speaker_accuracy"] = result["speaker"]["accuracy"]
    out["direct_f1"] = out.get("direct_overlap_f1", 0.0)
    out["indirect_f1"] = out.get("indirect_overlap_f1", 0.0)
    return out


def format_quotes(result: dict[str, Any]) -> str:
    """A table of the result for people."""
    lines = [f"articles: {result.get('articles')}", f"{'':24} {'P':>7} {'R':>7} {'F1':>7}  tp/pred/gold"]
    for key, val in result.items():
        if isinstance(val, dict) and "f1" in val:
            lines.append(f"{key:24} {val['precision']:7.3f} {val['recall']:7.3f} {val['f1']:7.3f}"
                         f"  {val['tp']}/{val['pred']}/{val['gold']}")
    if "speaker" in result:
        sp = result["speaker"]
        lines.append(f"{'speaker accuracy':24} {sp['accuracy']:7.3f}  ({sp['correct']}/{sp['scored']})")
    return "\n".join(lines)


def mine_cues(train: Path, *, min_share: float = 0.4, min_count: int = 4) -> list[str]:
    """Word forms that PolNeAR annotates as (part of) a cue in at least `min_share` of
    their occurrences and at least `min_count` times: how the mined part of the English
    cue lexicon (`kroniek.lang.en.quotes`) was made, from the train split only."""
    from collections import Counter

    cue: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for art in load_polnear(train):
        total.update(w.lower() for w in re.findall(r"[A-Za-z]+", art.text))
        for att in art.gold:
            for s, e in att.cue:
                cue.update(w.lower() for w in re.findall(r"[A-Za-z]+", art.text[s:e]))
    return sorted(w for w, n in cue.items()
                  if n >= min_count and n / total[w] >= min_share and len(w) > 2)
