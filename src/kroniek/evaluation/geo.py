"""Geoparsing evaluation on LGL and GeoVirus, side by side with the nine EUPEG peers.

Data: the EUPEG benchmark files (`<Corpus>_gold.txt`, `<Corpus>_<Parser>.txt`, and the
texts in `texts/<Corpus>/<n>`): one line per document, toponyms separated by `||`, each
`gazname,,mention,,lat,,lon,,start,,end[,,...]`.

GeoVirus's gold offsets in the EUPEG files are one character high against its texts (every
one of its 2,167 gold spans reads the mention one character to the right): they are shifted
down by one when loaded (`GOLD_SHIFT`); the peers' outputs are not shifted (they match the
texts).

LGL is split once (`lgl_split.json`, seed 20261204, made before any resolution change) into
a `tune` part (294 documents: the only part errors are looked at on) and a `frozen` part
(294), scored once when a round of changes is finished. GeoVirus is not tuned on: it is the
unseen set.

Metrics follow EUPEG's own scorer (Wang & Hu 2019, `Utils.calculateScores`):

- a gold toponym without coordinates is ignored; so is a predicted one;
- **recognition** is *inexact*: a prediction matches a gold toponym when the midpoints of
  their spans are less than 10 characters apart; each prediction matches at most one gold
  toponym (gold toponyms are taken in order, the first unused matching prediction wins);
  precision = tp / (tp + fp), recall = tp / (tp + fn), F1 their harmonic mean;
- **exact** recognition is scored beside it: a prediction matches only a gold toponym
  with the same start and end;
- **resolution** is measured on the matched pairs: great-circle error in km, accuracy
  within 161 km (error < 161), mean and median error, and AUC = the trapezoidal area under
  the sorted log-error curve, log(1 + e) / log(20039), normalised to [0, 1] (lower is
  better).

The same function scores kroniek and every peer, on the same documents. kroniek's output
is every place with coordinates except seat-of-power nouns ("the White House", "the
Kremlin"): they are buildings standing for a government, which neither corpus counts as
toponyms (capitals used for their government, "Moscow said", are kept).
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kroniek.errors import InputError

__all__ = [
    "CORPORA",
    "GOLD_SHIFT",
    "PARTS",
    "PEERS",
    "GeoScores",
    "Toponym",
    "default_data_dir",
    "document_ids",
    "evaluate",
    "evaluate_both",
    "format_table",
    "haversine_km",
    "load_corpus",
    "parse_line",
    "places_pipeline",
    "places_speed",
    "run_kroniek",
    "score",
]

CORPORA = {"lgl": "LGL", "geovirus": "GeoVirus"}
PEERS = ("CamCoder", "CLAVIN", "DBpedia", "Edinburgh", "GeoTxt", "SpaCyNER", "StanfordNER",
         "TopoCluster", "Yahoo")  # fmt: skip
MAX_ERROR_KM = 20039.0  # half the Earth's circumference
MATCH_WINDOW = 10  # EUPEG's inexact match: span midpoints < 10 characters apart
GOLD_SHIFT = {"GeoVirus": -1}  # gold offsets one character high against the texts
PARTS = ("all", "tune", "frozen")
SPLIT_PATH = Path(__file__).with_name("lgl_split.json")


@dataclass(slots=True, frozen=True)
class Toponym:
    mention: str
    lat: float
    lon: float
    start: int
    end: int


@dataclass(slots=True)
class GeoScores:
    system: str
    precision: float
    recall: float
    f1: float
    acc161: float
    mean_km: float
    median_km: float
    auc: float
    matched: int

    def as_dict(self) -> dict[str, float | str | int]:
        return {"system": self.system, "precision": self.precision, "recall": self.recall,
                "f1": self.f1, "acc161": self.acc161, "mean_km": self.mean_km,
                "median_km": self.median_km, "auc": self.auc, "matched": self.matched}  # fmt: skip


def default_data_dir() -> Path:
    from kroniek.evaluation import shared_data_dir

    return shared_data_dir() / "geo" / "eupeg"


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def parse_line(line: str) -> list[Toponym]:
    """The toponyms of one EUPEG line that have coordinates."""
    out = []
    for item in line.strip().split("||"):
        parts = item.split(",,")
        if len(item) <= 1 or len(parts) < 6:
            continue
        lat, lon = _float(parts[2]), _float(parts[3])
        if lat is None or lon is None or math.isnan(lat) or math.isnan(lon):
            continue
        out.append(Toponym(parts[1], lat, lon, int(parts[4]), int(parts[5])))
    return out


def format_line(toponyms: Iterable[Toponym]) -> str:
    return "".join(f"{t.mention},,{t.mention},,{t.lat},,{t.lon},,{t.start},,{t.end}||"
                   for t in toponyms)  # fmt: skip


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def score(system: str, predicted: Sequence[list[Toponym]], gold: Sequence[list[Toponym]], *,
          exact: bool = False) -> GeoScores:  # fmt: skip
    """EUPEG's metrics for one system over aligned documents (`exact`: same span only)."""
    if len(predicted) != len(gold):
        raise InputError(f"{system}: {len(predicted)} documents, gold has {len(gold)}",
                         hint="outputs must have one line per gold document")  # fmt: skip
    tp = fp = fn = 0
    errors: list[float] = []
    for pred_doc, gold_doc in zip(predicted, gold, strict=True):
        unused = list(pred_doc)
        for g in gold_doc:
            hit = next((p for p in unused if _matches(p, g, exact=exact)), None)
            if hit is None:
                fn += 1
                continue
            tp += 1
            unused.remove(hit)
            errors.append(haversine_km(hit.lat, hit.lon, g.lat, g.lon))
        fp += len(unused)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return GeoScores(system, precision, recall, f1, *_resolution(errors), len(errors))


def _matches(p: Toponym, g: Toponym, *, exact: bool) -> bool:
    if exact:
        return (p.start, p.end) == (g.start, g.end)
    return abs((g.start + g.end) / 2 - (p.start + p.end) / 2) < MATCH_WINDOW


def _resolution(errors: list[float]) -> tuple[float, float, float, float]:
    """(accuracy within 161 km, mean km, median km, AUC) of matched toponyms' errors."""
    if not errors:
        return 0.0, 0.0, 0.0, 0.0
    errors = sorted(errors)
    acc = sum(e < 161 for e in errors) / len(errors)
    logs = [math.log(1 + e) / math.log(MAX_ERROR_KM) for e in errors]
    auc = 0.0
    if len(logs) > 1:
        auc = (0.5 * (logs[0] + logs[-1]) + sum(logs[1:-1])) / (len(logs) - 1)
    return acc, statistics.fmean(errors), statistics.median(errors), auc


def document_ids(corpus: str, part: str = "all") -> list[int] | None:
    """Indices of the documents of an LGL part (`tune`, `frozen`); None for all."""
    if part not in PARTS:
        raise InputError(f"unknown part {part!r}", hint=f"choose one of {', '.join(PARTS)}")
    if part == "all":
        return None
    if corpus.lower() != "lgl":
        raise InputError(f"{corpus} has no {part} part",
                         hint="only LGL is split; GeoVirus is the unseen set (--part all)")  # fmt: skip
    return list(json.loads(SPLIT_PATH.read_text(encoding="utf-8"))[part])


def load_corpus(corpus: str, *, data: Path | None = None, limit: int | None = None,
                part: str = "all") -> tuple[list[str], list[list[Toponym]], dict[str, list[list[Toponym]]]]:  # fmt: skip
    """(texts, gold, peer outputs) of `lgl` or `geovirus`: the documents of `part`, the
    first `limit` of them."""
    name = CORPORA.get(corpus.lower())
    if name is None:
        raise InputError(f"unknown corpus {corpus!r}",
                         hint=f"choose one of {', '.join(CORPORA)} (or nl: the Dutch check)")  # fmt: skip
    base = data or default_data_dir()
    gold_path = base / f"{name}_gold.txt"
    if not gold_path.exists():
        raise InputError("EUPEG gold file not found", source=str(gold_path),
                         hint="set KRONIEK_SHARED_DATA or --data to the data folder")  # fmt: skip
    lines = gold_path.read_text(encoding="utf-8").splitlines()
    ids = document_ids(corpus, part) or list(range(len(lines)))
    ids = ids[:limit] if limit is not None else ids
    shift = GOLD_SHIFT.get(name, 0)
    gold = [[Toponym(t.mention, t.lat, t.lon, t.start + shift, t.end + shift)
             for t in parse_line(lines[i])] for i in ids]  # fmt: skip
    texts = [(base / "texts" / name / str(i)).read_text(encoding="utf-8") for i in ids]
    peers = {}
    for peer in PEERS:
        path = base / f"{name}_{peer}.txt"
        peer_lines = path.read_text(encoding="utf-8").splitlines()
        peers[peer] = [parse_line(peer_lines[i]) if i < len(peer_lines) else [] for i in ids]
    return texts, gold, peers


def run_kroniek(texts: Sequence[str], *, lang: str = "en") -> list[list[Toponym]]:
    """kroniek's toponyms (with coordinates) for each text, through the pipeline."""
    from kroniek.analysis import make_doc

    nlp = places_pipeline()
    out = []
    for text in texts:
        doc = nlp(make_doc(text, lang=lang))
        out.append([Toponym(p.text, p.lat, p.lon, p.start, p.end)
                    for p in doc.places if p.lat is not None and p.lon is not None
                    and not (p.note or "").startswith("the seat of power")])  # fmt: skip
    return out


def places_pipeline() -> Any:
    """segment → language → linguistic → entities → places (the stages places needs).

    Built from the stage classes directly so that a broken later stage cannot stop it.
    """
    from kroniek.pipeline import Pipeline
    from kroniek.stages.entities import EntitiesStage
    from kroniek.stages.language import LanguageStage
    from kroniek.stages.linguistic import LinguisticStage
    from kroniek.stages.places import PlacesStage
    from kroniek.stages.segment import SegmentStage

    stages: list[Any] = [SegmentStage(), LanguageStage(), LinguisticStage(), EntitiesStage(),
                         PlacesStage()]  # fmt: skip
    return Pipeline(stages)


def evaluate(corpus: str, *, data: Path | None = None, limit: int | None = None,
             part: str = "all", exact: bool = False) -> list[GeoScores]:  # fmt: skip
    """kroniek first, then the nine peers, all scored on the same documents."""
    return evaluate_both(corpus, data=data, limit=limit, part=part)[1 if exact else 0]


def evaluate_both(corpus: str, *, data: Path | None = None, limit: int | None = None,
                  part: str = "all") -> tuple[list[GeoScores], list[GeoScores]]:  # fmt: skip
    """(inexact EUPEG rows, exact-span rows): kroniek first, then the nine peers."""
    texts, gold, peers = load_corpus(corpus, data=data, limit=limit, part=part)
    outputs = {"kroniek": run_kroniek(texts), **peers}
    return ([score(name, pred, gold) for name, pred in outputs.items()],
            [score(name, pred, gold, exact=True) for name, pred in outputs.items()])  # fmt: skip


def format_table(rows: Sequence[GeoScores], exact: Sequence[GeoScores] = ()) -> str:
    """Recognition (EUPEG inexact match; exact-span P/R/F1 beside it when given) and
    resolution (on the matched toponyms of each rule)."""
    by_name = {r.system: r for r in exact}
    head = (f"{'system':<12} {'P':>6} {'R':>6} {'F1':>6} {'acc161':>7} {'mean km':>8} "
            f"{'median km':>9} {'AUC':>6} {'matched':>7}")  # fmt: skip
    if by_name:
        head += f" | {'exact P':>7} {'R':>6} {'F1':>6} {'acc161':>7} {'median km':>9}"
    lines = [head, "-" * len(head)]
    for r in rows:
        line = (f"{r.system:<12} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} "
                f"{r.acc161:7.3f} {r.mean_km:8.0f} {r.median_km:9.1f} {r.auc:6.3f} "
                f"{r.matched:7d}")  # fmt: skip
        e = by_name.get(r.system)
        if e is not None:
            line += (f" | {e.precision:7.3f} {e.recall:6.3f} {e.f1:6.3f} {e.acc161:7.3f} "
                     f"{e.median_km:9.1f}")  # fmt: skip
        lines.append(line)
    return "\n".join(lines)


def places_speed(corpus: str = "lgl", *, data: Path | None = None) -> dict[str, float]:
    """Articles per second of the places stage alone (first pass, cold caches), and memory.

    The earlier stages run first and are not timed:

        python -c "from kroniek.evaluation.geo import places_speed; print(places_speed())"
    """
    import time

    from kroniek.analysis import make_doc
    from kroniek.gazetteer import load_gazetteer, resident_memory_mb
    from kroniek.stages.places import PlacesStage

    rss0 = resident_memory_mb()
    t0 = time.perf_counter()
    load_gazetteer().lookup("Amsterdam")
    first_lookup_s = time.perf_counter() - t0
    rss1 = resident_memory_mb()
    texts, _gold, _peers = load_corpus(corpus, data=data)
    nlp = places_pipeline()
    nlp.stages = nlp.stages[:-1]
    docs = [nlp(make_doc(t, lang="en")) for t in texts]
    stage = PlacesStage()
    t0 = time.perf_counter()
    for doc in docs:
        stage(doc)
    elapsed = time.perf_counter() - t0
    return {"articles": len(docs), "articles_per_s": len(docs) / elapsed,
            "first_lookup_s": first_lookup_s, "gazetteer_rss_mb": rss1 - rss0,
            "process_rss_mb": resident_memory_mb()}  # fmt: skip
