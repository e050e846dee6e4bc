"""Train the cue tagger (`kroniek.models.cue_tagger`) on the cues of the Dutch dev gold.

    python scripts/train_cue_tagger.py                       # all dev articles -> shipped weights
    python scripts/train_cue_tagger.py --part even --out .work/cues/even.json
    python scripts/train_cue_tagger.py --part even --test odd   # token-level scores on the other half
    python scripts/train_cue_tagger.py --part not-r3odd --out .work/cues/not-r3odd.json
        # then: KRONIEK_CUE_WEIGHTS=.work/cues/not-r3odd.json python scripts/quotes_dev_halves.py --round3
    python scripts/train_cue_tagger.py --cv 5               # held out: 5 folds by article id
        # token scores of each fold, and indirect F1 (overlap) of the quotes stage on the
        # held-out articles with each fold's weights, against the rules alone; writes nothing

Every verb and noun outside quotation marks is an example; it is a cue when it lies in
the cue span of a gold quote (direct, indirect or mixed). Reads only the top-level JSON
files of gold/quotes-nl (never frozen-test/ or frozen-test3/).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from kroniek.doc import Doc
from kroniek.evaluation.quotes import PRF, load_gold, match_spans, predict, top_level
from kroniek.models.cue_tagger import (
    candidate_tokens,
    cue_features,
    fit,
    get_tagger,
    scores_at,
    weights_file,
    write_weights,
)
from kroniek.pipeline import build_pipeline
from kroniek.stages.phrases import DepIndex, lexicon
from kroniek.stages.quotes import QuotesStage

# Feature seen fewer times than this in training is dropped; L2 strength and steps of
# the optimiser. Chosen on the even half of dev (token F1 on the odd half).
MIN_COUNT = 2
L2 = 1.0
STEPS = 400


def examples(articles: list[dict[str, Any]]) -> tuple[list[list[str]], list[int]]:
    lex = lexicon("nl")
    xs: list[list[str]] = []
    ys: list[int] = []
    for art in articles:
        doc = predict(art["text"], lang="nl")
        deps = DepIndex(doc)
        quoted = [(q.start, q.end) for q in top_level(doc.quotes) if q.kind == "direct"]
        cues = [(q["cue"]["start"], q["cue"]["end"]) for q in art["quotes"] if q.get("cue")]
        for k in candidate_tokens(doc, quoted):
            t = doc.tokens[k]
            xs.append(cue_features(doc, deps, k, lex))
            ys.append(int(any(a < t.end and t.start < b for a, b in cues)))
    return xs, ys


def _indirect_prf(art: dict[str, Any], doc: Doc) -> PRF:
    """Indirect (and mixed) quotes of `doc` against the article's gold, overlap matching
    as `kroniek eval quotes` counts them."""
    kinds = ("indirect", "mixed")
    pred = [[(q.start, q.end)] for q in top_level(doc.quotes) if q.kind in kinds]
    gold = [[(g["start"], g["end"])] for g in art["quotes"] if g["kind"] in kinds]
    return PRF(len(match_spans(art["text"], pred, gold, exact=False)), len(pred), len(gold))


def cross_validate(articles: list[dict[str, Any]], k: int, *, reject: float,
                   accept: float) -> None:
    """K folds by article id (id mod k): train on k-1, score the held-out fold, print
    token scores per fold and the end-to-end indirect F1 over all held-out articles."""
    lex = lexicon("nl")
    parse = build_pipeline(disable=("times", "places", "quotes", "claims", "events"))
    docs = {a["id"]: parse(Doc(text=a["text"], lang="nl")) for a in articles}
    feats: dict[str, tuple[list[list[str]], list[int]]] = {}
    for art in articles:  # the examples of `examples`, from the parse made once
        doc = QuotesStage(cues="rules")(copy.deepcopy(docs[art["id"]]))
        deps = DepIndex(doc)
        quoted = [(q.start, q.end) for q in top_level(doc.quotes) if q.kind == "direct"]
        cues = [(q["cue"]["start"], q["cue"]["end"]) for q in art["quotes"] if q.get("cue")]
        ks = candidate_tokens(doc, quoted)
        feats[art["id"]] = ([cue_features(doc, deps, j, lex) for j in ks],
                            [int(any(a < doc.tokens[j].end and doc.tokens[j].start < b
                                     for a, b in cues)) for j in ks])
    rules, learned = PRF(), PRF()
    before = os.environ.get("KRONIEK_CUE_WEIGHTS")
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(k):
            train = [a for a in articles if int(a["id"]) % k != fold]
            test = [a for a in articles if int(a["id"]) % k == fold]
            xs = [x for a in train for x in feats[a["id"]][0]]
            ys = [y for a in train for y in feats[a["id"]][1]]
            params = fit(xs, ys, min_count=MIN_COUNT, l2=L2, steps=STEPS)
            params["reject"], params["accept"] = reject, accept
            tx = [x for a in test for x in feats[a["id"]][0]]
            ty = [y for a in test for y in feats[a["id"]][1]]
            print(f"fold {fold} ({len(test)} articles) token", scores_at(params, tx, ty, 0.5))
            path = Path(tmp) / f"fold{fold}.json"
            write_weights(params, path)
            os.environ["KRONIEK_CUE_WEIGHTS"] = str(path)
            get_tagger.cache_clear()
            for art in test:
                for total, cues_choice in ((rules, "rules"), (learned, "learned")):
                    doc = QuotesStage(cues=cues_choice)(copy.deepcopy(docs[art["id"]]))
                    total.add(_indirect_prf(art, doc))
    if before is None:
        os.environ.pop("KRONIEK_CUE_WEIGHTS", None)
    else:
        os.environ["KRONIEK_CUE_WEIGHTS"] = before
    get_tagger.cache_clear()
    for name, total in (("rules", rules), ("learned, held out", learned)):
        print(f"indirect F1 (overlap), {name}: {total.f1:.4f} "
              f"({total.tp}/{total.n_pred}/{total.n_gold})")


def _part(articles: list[dict[str, Any]], part: str) -> list[dict[str, Any]]:
    if part == "all":
        return articles
    if part == "not-r3odd":  # all but the odd round-3 dev articles (their held-out check)
        r3 = {int(i) for i in json.loads(Path("gold/splits/round3-dev.json").read_text(
            encoding="utf-8"))["quotes"]["dev"]}
        return [a for a in articles if not (int(a["id"]) in r3 and int(a["id"]) % 2)]
    parity = 0 if part == "even" else 1
    return [a for a in articles if int(a["id"]) % 2 == parity]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default="gold/quotes-nl")
    ap.add_argument("--part", choices=("all", "even", "odd", "not-r3odd"), default="all")
    ap.add_argument("--test", choices=("even", "odd"))
    ap.add_argument("--out", type=Path)
    ap.add_argument("--reject", type=float, default=0.1)
    ap.add_argument("--accept", type=float, default=0.5)
    ap.add_argument("--cv", type=int, metavar="K",
                    help="K-fold cross-validation by article id of --part; writes nothing")
    args = ap.parse_args(argv)
    gold = load_gold(Path(args.gold))  # top-level JSON files only
    if args.cv:
        cross_validate(_part(gold, args.part), args.cv, reject=args.reject, accept=args.accept)
        return 0
    xs, ys = examples(_part(gold, args.part))
    params = fit(xs, ys, min_count=MIN_COUNT, l2=L2, steps=STEPS)
    # Thresholds of the quotes stage (see kroniek.stages.quotes): a rule cue under
    # `reject` is dropped, a word the rules missed at `accept` or more is added.
    params["reject"], params["accept"] = args.reject, args.accept
    params["trained_on"] = f"gold/quotes-nl dev, {args.part} ({len(ys)} words, {sum(ys)} cues)"
    print(params["trained_on"], f"{len(params['weights'])} features")
    if args.test:
        tx, ty = examples(_part(gold, args.test))
        for at in (0.3, 0.5, 0.7):
            print(args.test, scores_at(params, tx, ty, at))
    out = args.out or weights_file("nl")
    write_weights(params, out)
    print("wrote", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
