"""Train the event classifier (`kroniek.models.event_classifier`) on the Dutch dev gold and
measure it by cross-validation against the rules.

    nice .venv/bin/python scripts/train_event_classifier.py --cv 5          # measure only
    nice .venv/bin/python scripts/train_event_classifier.py --cv 5 --save   # and ship weights

Steps:

1. The dev gold (`gold/events-nl/*.json`, never its `frozen-test/` part) and the article
   texts from the news JSONL; each article analysed by `kroniek.analyze` (fast mode, as
   `kroniek eval events` does), the Docs cached under `.work/evclf/docs/` (`--fresh`
   analyses again: do it after the events rules change).
2. Candidates: the rules' events. Labels: a candidate whose trigger starts inside a gold
   event's anchor or mention (the scorer's match) takes that event's sub-type and modality
   (`happened` for asserted/claimed, else `not_happened`); any other candidate is `none`.
3. Features (`feature_matrix`); the encoder's part is cached under `.work/evclf/enc/`.
4. `--cv K`: K folds by article (seeded). For each fold the heads are trained on the
   other folds and judge the held-out articles; each variant then edits a copy of those
   articles' events and `kroniek.evaluation.events.score_article` scores it. The threshold
   of each variant is chosen inside the training folds (an inner K-fold over them), never
   on the held-out fold.
5. `--plover`: extra English training rows (never scored) from the PLOVER gold-standard
   records (`add_plover`); measured, not used for the shipped weights (MODEL_CARD.md).
6. `--save`: the heads trained on every dev article, with the thresholds chosen by an
   inner K-fold over all of them, to `resources/models/event-classifier/`.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

# One BLAS thread: the encoder's small matrices run several times slower with a pool of
# threads on a busy machine (as the CLI sets it).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kroniek import acled  # noqa: E402
from kroniek.doc import Doc  # noqa: E402
from kroniek.evaluation.events import (  # noqa: E402
    DEFAULT_NEWS,
    HAPPENED,
    EventScores,
    gold_modality,
    load_gold,
    score_article,
)
from kroniek.models import event_classifier as ec  # noqa: E402
from kroniek.models.e5 import get_encoder  # noqa: E402

CACHE = ROOT / ".work" / "evclf"
PLOVER_GSR = ROOT.parent / "shared" / "data" / "events" / "plover_gsr.txt"
# Layers whose trigger vectors are cached; the model reads a subset (`--layers`).
CACHED_LAYERS = (4, 6, 8, 10, 12)
# Files whose change changes the rules' candidates: a cached Doc is reused only when these
# are unchanged (and the article text).
RULE_FILES = ("stages/events/*.py", "stages/events.py", "stages/event_*.py", "stages/claims.py",
              "lang/*/events.py", "lang/*/actors.py")  # fmt: skip


# -- 1./2. gold, Docs, candidates, labels ---------------------------------------------------


def dev_gold(path: Path) -> list[dict[str, Any]]:
    recs = load_gold(path, split="dev")
    for r in recs:
        if "frozen-test" in r["_file"] or r["split"] == "frozen-test":
            raise SystemExit(f"refusing a frozen-test file: {r['_file']}")
    return recs


def article_texts(news: Path, ids: set[Any]) -> dict[Any, dict[str, Any]]:
    found = {}
    with news.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") in ids:
                found[rec["id"]] = rec
    return found


def rules_fingerprint() -> str:
    h = hashlib.sha256()
    pkg = ROOT / "src" / "kroniek"
    for f in sorted(p for pattern in RULE_FILES for p in pkg.glob(pattern)):
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def analysed_docs(recs: list[dict[str, Any]], news: Path, *, fresh: bool,
                  reuse: bool = False) -> dict[str, Doc]:
    """Each article's Doc: cached for these rules (`rules_fingerprint`), analysed when
    not (or when `fresh`); `reuse` takes the newest cached Doc whatever the rules were
    (to compare settings on one snapshot while the rules change)."""
    import kroniek

    texts = article_texts(news, {r["article"]["id"] for r in recs})
    folder = CACHE / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    fp = rules_fingerprint()
    docs: dict[str, Doc] = {}
    for rec in recs:
        art = rec["article"]
        src = texts[art["id"]]
        if not (src.get("text") or "").strip():
            continue
        key = hashlib.sha256((fp + src["text"]).encode()).hexdigest()[:16]
        path = folder / f"{art['id']}-{key}.json"
        older = sorted(folder.glob(f"{art['id']}-*.json"), key=lambda p: p.stat().st_mtime)
        if reuse and older and not fresh:
            path = older[-1]
        if path.exists() and not fresh:
            doc = Doc.from_json(json.loads(path.read_text(encoding="utf-8")))
        else:
            doc = kroniek.analyze(src["text"], published=art["published"], lang="nl",
                                  title=src.get("title"))
            doc.id = str(art["id"])
            path.write_text(doc.dumps(), encoding="utf-8")
        docs[str(art["id"])] = doc
    return docs


@dataclasses.dataclass
class Example:
    article: str
    event: int  # index into doc.events
    outcome: int  # index into ec.OUTCOMES
    sub_type: str | None  # gold sub-type when inside a gold event
    modality: str | None  # gold modality in the system's words when not happened


def gold_spans(text: str, g: dict[str, Any]) -> list[tuple[int, int]]:
    out = []
    for s in [g["anchor"], *g.get("mentions", [])]:
        i = text.find(s)  # the scorer's rule: the first occurrence
        if i >= 0:
            out.append((i, i + len(s)))
    return out


def label(doc: Doc, gold_events: list[dict[str, Any]]) -> list[Example]:
    spans = [gold_spans(doc.text, g) for g in gold_events]
    out = []
    for k, e in enumerate(doc.events):
        hit = next((g for g, sp in zip(gold_events, spans, strict=True)
                    if any(a <= e.trigger.start < b for a, b in sp)), None)  # fmt: skip
        if hit is None:
            out.append(Example(doc.id, k, 0, None, None))
            continue
        m = gold_modality(hit)
        happened = m in HAPPENED
        out.append(Example(doc.id, k, 1 if happened else 2, hit["sub_type"],
                           None if happened else ("habitual" if m == "generic" else m)))
    return out


# -- 3. features ------------------------------------------------------------------------------


def encoder_rows(doc: Doc, cands: list[ec.Candidate]) -> np.ndarray:
    """[n, (1 + len(CACHED_LAYERS)) * H], cached per article and candidate spans."""
    folder = CACHE / "enc"
    folder.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(json.dumps([doc.text, [(c.start, c.end) for c in cands],
                                     CACHED_LAYERS, ec.PROMPT]).encode()).hexdigest()[:16]
    path = folder / f"{doc.id}-{key}.npy"
    if path.exists():
        return np.load(path)
    x = ec.encoder_features(doc, cands, trigger_layers=CACHED_LAYERS)
    np.save(path, x)
    return x


def select_layers(enc: np.ndarray, layers: list[int]) -> np.ndarray:
    h = enc.shape[1] // (1 + len(CACHED_LAYERS))
    parts = [enc[:, :h]] + [enc[:, (1 + CACHED_LAYERS.index(k)) * h : (2 + CACHED_LAYERS.index(k)) * h]
                            for k in layers]
    return np.concatenate(parts, axis=1)


@dataclasses.dataclass
class Data:
    docs: dict[str, Doc]
    gold: dict[str, dict[str, Any]]
    examples: list[Example]
    x: np.ndarray


def build(recs: list[dict[str, Any]], news: Path, *, fresh: bool, layers: list[int],
          lexical: bool = True, encoder: bool = True, reuse: bool = False) -> Data:
    docs = analysed_docs(recs, news, fresh=fresh, reuse=reuse)
    gold = {str(r["article"]["id"]): r for r in recs if str(r["article"]["id"]) in docs}
    examples: list[Example] = []
    rows: list[np.ndarray] = []
    for aid, doc in docs.items():
        if not doc.events:
            continue
        cands = ec.candidates_from_events(doc)
        parts = []
        if encoder:
            parts.append(select_layers(encoder_rows(doc, cands), layers))
        if lexical:
            parts.append(ec.lexical_features(doc, cands))
        rows.append(np.concatenate(parts, axis=1))
        examples += label(doc, gold[aid]["events"])
    return Data(docs, gold, examples, np.concatenate(rows).astype(np.float32))


# PLOVER events that ACLED codes as political violence or demonstrations (happened), and the
# one that tells what did not happen (a threat); every other PLOVER event (agree, demand,
# reject, consult, aid, ...) is not an ACLED event.
PLOVER_HAPPENED = ("FIGHT", "ASSAULT", "PROTEST", "COERCE")
PLOVER_THREAT = "THREATEN"
PLOVER = "plover:"


def add_plover(data: Data, path: Path, *, fresh: bool, layers: list[int]) -> int:
    """Extra English training rows (never scored): the English rules' candidates in the
    PLOVER gold-standard sentences, labelled by the record's event (see PLOVER_HAPPENED)."""
    import kroniek

    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    folder = CACHE / "plover"
    folder.mkdir(parents=True, exist_ok=True)
    fp = rules_fingerprint()
    rows, examples = [], []
    for r in records:
        key = hashlib.sha256((fp + r["text"]).encode()).hexdigest()[:16]
        cached = folder / f"{r['id']}-{key}.json"
        if cached.exists() and not fresh:
            doc = Doc.from_json(json.loads(cached.read_text(encoding="utf-8")))
        else:
            doc = kroniek.analyze(r["text"], published=r.get("date") or None, lang="en")
            doc.id = PLOVER + r["id"]
            cached.write_text(doc.dumps(), encoding="utf-8")
        if not doc.events:
            continue
        cands = ec.candidates_from_events(doc)
        rows.append(np.concatenate([select_layers(encoder_rows(doc, cands), layers),
                                    ec.lexical_features(doc, cands)], axis=1))
        ev = r["event"]
        outcome = 1 if ev in PLOVER_HAPPENED else 2 if ev == PLOVER_THREAT else 0
        examples += [Example(doc.id, k, outcome, None, "hypothetical" if outcome == 2 else None)
                     for k in range(len(doc.events))]
    if rows:
        data.x = np.concatenate([data.x, *rows]).astype(np.float32)
        data.examples += examples
    return len(examples)


# -- 4. training --------------------------------------------------------------------------------


def fit_softmax(x: np.ndarray, y: np.ndarray, k: int, *, l2: float, iters: int = 300,
                seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression (mean cross-entropy + l2/2 |W|^2), full-batch Adam;
    classes weighted by the inverse square root of their frequency."""
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 0.01, (x.shape[1], k)).astype(np.float64)
    b = np.zeros(k)
    counts = np.bincount(y, minlength=k).astype(np.float64)
    cw = np.where(counts > 0, 1.0 / np.sqrt(np.maximum(counts, 1)), 0.0)
    sw = cw[y] / cw[y].mean()
    onehot = np.eye(k)[y]
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, iters + 1):
        p = ec.softmax(x @ w + b)
        g = (p - onehot) * sw[:, None] / len(y)
        gw = x.T @ g + l2 * w
        gb = g.sum(0)
        mw = b1 * mw + (1 - b1) * gw
        vw = b2 * vw + (1 - b2) * gw * gw
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        step = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
        w -= step * mw / (np.sqrt(vw) + 1e-8)
        b -= step * mb / (np.sqrt(vb) + 1e-8)
    return w.astype(np.float32), b.astype(np.float32)


def train_heads(x: np.ndarray, examples: list[Example], *, l2: float, layers: list[int],
                encoder_weight: float = 1.0, seed: int = 0) -> ec.EventClassifier:
    """The three heads on rows `x` of `examples` (see the module docstring). The encoder
    columns are scaled by `encoder_weight` after standardisation (a stronger L2 on them)."""
    mean = x.mean(0)
    scale = x.std(0)
    scale[scale < 1e-3] = 1.0
    n_enc = max(0, x.shape[1] - len(ec.LEXICAL_FEATURES))
    scale[:n_enc] /= encoder_weight
    z = (x - mean) / scale
    arrays: dict[str, np.ndarray] = {"mean": mean.astype(np.float32), "scale": scale.astype(np.float32)}
    y = np.array([e.outcome for e in examples])
    arrays["outcome.w"], arrays["outcome.b"] = fit_softmax(z, y, len(ec.OUTCOMES), l2=l2, seed=seed)
    inside = [i for i, e in enumerate(examples) if e.sub_type]
    sub_types = sorted({examples[i].sub_type or "" for i in inside})
    ys = np.array([sub_types.index(examples[i].sub_type or "") for i in inside])
    arrays["sub_type.w"], arrays["sub_type.b"] = fit_softmax(z[inside], ys, len(sub_types), l2=l2, seed=seed)
    modal = [i for i, e in enumerate(examples) if e.modality in ec.MODALITIES]
    ym = np.array([ec.MODALITIES.index(examples[i].modality or "") for i in modal], dtype=int)
    if len(modal):
        arrays["modality.w"], arrays["modality.b"] = fit_softmax(
            z[modal], ym, len(ec.MODALITIES), l2=l2 * 4, seed=seed)  # few examples: more L2
    else:
        arrays["modality.w"] = np.zeros((x.shape[1], len(ec.MODALITIES)), np.float32)
        arrays["modality.b"] = np.zeros(len(ec.MODALITIES), np.float32)
    meta = {"lexical_features": list(ec.LEXICAL_FEATURES), "trigger_layers": layers,
            "sub_types": sub_types, "modalities": list(ec.MODALITIES), "l2": l2,
            "encoder_weight": encoder_weight}
    return ec.EventClassifier(arrays, meta)


# -- 5. variants and cross-validation ----------------------------------------------------------

# Each variant edits a copy of an article's events from the judgements of its candidates.
# The threshold grid of each: what it is chosen from inside the training folds.
GRID = [float(round(t, 2)) for t in np.arange(0.05, 0.96, 0.05)]
VARIANTS = ("rules", "filter", "happened", "modality", "sub_type", "happened+sub_type")


def apply_variant(doc: Doc, probs: dict[str, np.ndarray], clf: ec.EventClassifier,
                  variant: str, thresholds: dict[str, float]) -> Doc:
    if variant == "rules" or not doc.events:
        return doc
    d = copy.copy(doc)  # only the events change
    d.events = copy.deepcopy(doc.events)
    keep = []
    for i, e in enumerate(d.events):
        none, happened, _ = probs["outcome"][i]
        modality = clf.modalities[int(probs["modality"][i].argmax())]
        if variant == "filter" and 1.0 - none < thresholds["filter"]:
            continue
        if variant in ("happened", "happened+sub_type") and e.modality in HAPPENED \
                and happened < thresholds["happened"]:
            e.modality = modality
        if variant == "modality":
            if happened >= thresholds["modality"]:
                e.modality = e.modality if e.modality in HAPPENED else "asserted"
            else:
                e.modality = modality
        if variant in ("sub_type", "happened+sub_type"):
            k = int(probs["sub_type"][i].argmax())
            if probs["sub_type"][i, k] >= thresholds["sub_type"]:
                e.sub_type = clf.sub_types[k]
                e.type = acled.TYPE_OF[e.sub_type]
                e.plover = acled.plover_code(e.sub_type)
        keep.append(e)
    d.events = keep
    return d


def score(data: Data, aids: list[str], predicted: dict[str, tuple[dict[str, np.ndarray], ec.EventClassifier]],
          variant: str, thresholds: dict[str, float]) -> EventScores:
    sc = EventScores()
    for aid in aids:
        doc = data.docs[aid]
        if aid in predicted:
            probs, clf = predicted[aid]
            doc = apply_variant(doc, probs, clf, variant, thresholds)
        rec = data.gold[aid]
        score_article(doc, rec["events"], sc, no_event=bool(rec["article"].get("no_event")))
    return sc


def folds(aids: list[str], k: int, seed: int) -> list[list[str]]:
    order = sorted(aids)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def predict(data: Data, train: list[str], test: list[str], *, l2: float, layers: list[int]
            ) -> dict[str, tuple[dict[str, np.ndarray], ec.EventClassifier]]:
    """Heads trained on the candidates of `train` articles, probabilities for `test`."""
    tr = set(train)
    idx = [i for i, e in enumerate(data.examples) if e.article in tr or e.article.startswith(PLOVER)]
    clf = train_heads(data.x[idx], [data.examples[i] for i in idx], l2=l2, layers=layers,
                      encoder_weight=ENCODER_WEIGHT[0])
    out = {}
    for aid in test:
        rows = [i for i, e in enumerate(data.examples) if e.article == aid]
        if rows:
            out[aid] = (clf.probabilities(data.x[rows]), clf)
    return out


def objective(variant: str, sc: EventScores) -> tuple[float, ...]:
    d = sc.as_dict()
    if variant == "sub_type":
        return (d["subtype_accuracy"], d["subtype_macro_f1"])
    return (d["detection_f1"], d["modality_accuracy"])


ENCODER_WEIGHT = [1.0]  # set by --encoder-weight
DEFAULT_THRESHOLDS = {"filter": 0.5, "happened": 0.5, "modality": 0.5, "sub_type": 0.5}


def choose_thresholds(data: Data, aids: list[str], *, k: int, seed: int, l2: float,
                      layers: list[int]) -> dict[str, float]:
    """Each variant's threshold by a K-fold over `aids` only (pooled predictions)."""
    predicted: dict[str, Any] = {}
    for part in folds(aids, k, seed + 1):
        predicted.update(predict(data, [a for a in aids if a not in part], part, l2=l2, layers=layers))
    chosen = dict(DEFAULT_THRESHOLDS)
    for key in DEFAULT_THRESHOLDS:
        best = None
        for t in GRID:
            th = {**chosen, key: t}
            val = objective(key, score(data, aids, predicted, key, th))
            # ties go to the threshold nearest 0.5 (the least tuned)
            rank = (val, -abs(t - 0.5))
            if best is None or rank > best[0]:
                best = (rank, t)
        assert best is not None
        chosen[key] = best[1]
    return chosen


def cross_validate(data: Data, *, k: int, seed: int, l2: float, layers: list[int]
                   ) -> dict[str, Any]:
    aids = sorted(data.docs)
    pooled: dict[str, EventScores] = {v: EventScores() for v in VARIANTS}
    fixed: dict[str, EventScores] = {v: EventScores() for v in VARIANTS}
    chosen_all = []
    ranked: list[tuple[float, bool]] = []  # held-out P(happened), whether it matched gold
    for test in folds(aids, k, seed):
        train = [a for a in aids if a not in test]
        th = choose_thresholds(data, train, k=k, seed=seed, l2=l2, layers=layers)
        chosen_all.append(th)
        predicted = predict(data, train, test, l2=l2, layers=layers)
        for aid, (probs, _) in predicted.items():
            exs = [e for e in data.examples if e.article == aid]
            for e, ph in zip(exs, probs["outcome"][:, 1], strict=True):
                if data.docs[aid].events[e.event].modality in HAPPENED:
                    ranked.append((float(ph), e.outcome == 1))
        for v in VARIANTS:
            merge(pooled[v], score(data, test, predicted, v, th))
            merge(fixed[v], score(data, test, predicted, v, DEFAULT_THRESHOLDS))
    out: dict[str, Any] = {}
    for v in VARIANTS:
        out[v] = summary(pooled[v])
        out[v + "@0.5"] = summary(fixed[v])
    out["_thresholds_per_fold"] = {"folds": chosen_all}
    out["_confidence"] = {"auc_happened": auc(ranked), "rule_events": len(ranked),
                          "matched": sum(y for _, y in ranked)}
    return out


def auc(ranked: list[tuple[float, bool]]) -> float:
    """ROC AUC of scores against labels (ties count half): 0.5 is a constant score."""
    pos = [p for p, y in ranked if y]
    neg = [p for p, y in ranked if not y]
    if not pos or not neg:
        return 0.0
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return round(wins / (len(pos) * len(neg)), 3)


def merge(into: EventScores, part: EventScores) -> None:
    for f in dataclasses.fields(EventScores):
        a, b = getattr(into, f.name), getattr(part, f.name)
        if isinstance(a, int):
            setattr(into, f.name, a + b)
        elif isinstance(a, list):
            a.extend(b)
        else:
            a.update(b)


KEYS = ("detection_precision", "detection_recall", "detection_f1", "subtype_accuracy",
        "subtype_macro_f1", "modality_accuracy", "modality_pairs", "no_event_false",
        "system_events", "gold_events")  # fmt: skip


def summary(sc: EventScores) -> dict[str, Any]:
    d = sc.as_dict()
    return {k: d[k] for k in KEYS}


def label_counts(data: Data) -> dict[str, Any]:
    out: dict[str, Any] = {o: 0 for o in ec.OUTCOMES}
    for e in data.examples:
        if not e.article.startswith(PLOVER):
            out[ec.OUTCOMES[e.outcome]] += 1
    out["articles"] = len(data.docs)
    out["articles_with_candidates"] = len({e.article for e in data.examples} & set(data.docs))
    plover = [ec.OUTCOMES[e.outcome] for e in data.examples if e.article.startswith(PLOVER)]
    if plover:
        out["plover_rows"] = {o: plover.count(o) for o in ec.OUTCOMES}
    return out


def measure_ms(data: Data, clf: ec.EventClassifier) -> dict[str, float]:
    """Milliseconds per article of `judge` (features and heads) on the dev articles with
    candidates, the encoder loaded beforehand."""
    enc = get_encoder(layers=max([12, *clf.trigger_layers]))
    docs = [d for d in data.docs.values() if d.events]
    t0 = time.perf_counter()
    n = 0
    for d in docs:
        n += len(clf.judge(d, encoder=enc))
    dt = time.perf_counter() - t0
    return {"articles": len(docs), "candidates": n, "ms_per_article": round(1000 * dt / len(docs), 1),
            "ms_per_candidate": round(1000 * dt / max(n, 1), 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=ROOT / "gold" / "events-nl")
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--cv", type=int, default=0, help="K-fold cross-validation by article (0: none)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--l2", type=float, default=0.3, help="L2 weight (tuned by --cv on dev)")
    ap.add_argument("--layers", default="8,12", help=f"trigger layers read (of {CACHED_LAYERS})")
    ap.add_argument("--encoder-weight", type=float, default=1.0,
                    help="scale of the encoder columns after standardisation (tuned by --cv on dev)")
    ap.add_argument("--plover", type=Path, nargs="?", const=PLOVER_GSR, default=None,
                    help="add English training rows from the PLOVER gold-standard records")
    ap.add_argument("--no-encoder", action="store_true", help="lexical features only")
    ap.add_argument("--no-lexical", action="store_true", help="encoder features only")
    ap.add_argument("--fresh", action="store_true", help="analyse the articles again")
    ap.add_argument("--reuse-docs", action="store_true",
                    help="the newest cached Docs whatever the rules (compare settings on one snapshot)")
    ap.add_argument("--save", action="store_true", help="train on every dev article and ship")
    ap.add_argument("--time", action="store_true", help="measure ms per article of judge()")
    ap.add_argument("--json", type=Path, help="write the figures here")
    a = ap.parse_args(argv)
    if a.save and (a.no_encoder or a.no_lexical):
        ap.error("--save ships the model with both feature sets: drop --no-encoder/--no-lexical")
    layers = [int(s) for s in a.layers.split(",") if s]
    ENCODER_WEIGHT[0] = a.encoder_weight
    recs = dev_gold(a.gold)
    data = build(recs, a.news, fresh=a.fresh, layers=layers, lexical=not a.no_lexical,
                 encoder=not a.no_encoder, reuse=a.reuse_docs)
    if a.plover:
        report_plover = add_plover(data, a.plover, fresh=a.fresh, layers=layers)
        print(f"PLOVER rows: {report_plover}", flush=True)
    report: dict[str, Any] = {"labels": label_counts(data), "layers": layers, "l2": a.l2,
                              "encoder_weight": a.encoder_weight,
                              "seed": a.seed, "rules_fingerprint": rules_fingerprint()}
    print(json.dumps(report["labels"]), flush=True)
    if a.cv:
        report["cv"] = cross_validate(data, k=a.cv, seed=a.seed, l2=a.l2, layers=layers)
        for v, d in report["cv"].items():
            print(f"{v:24s} {json.dumps(d)}", flush=True)
    if a.save:
        aids = sorted(data.docs)
        clf = train_heads(data.x, data.examples, l2=a.l2, layers=layers,
                          encoder_weight=a.encoder_weight)
        clf.meta["thresholds"] = choose_thresholds(data, aids, k=a.cv or 5, seed=a.seed, l2=a.l2,
                                                   layers=layers)
        clf.meta["trained_on"] = report["labels"]
        path = clf.save(ec.classifier_path())
        print(f"saved {path} ({path.stat().st_size} bytes), thresholds {clf.meta['thresholds']}")
        if a.time:
            report["timing"] = measure_ms(data, ec.EventClassifier.load())
            print(json.dumps(report["timing"]))
    if a.json:
        a.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
