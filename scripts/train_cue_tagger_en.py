"""Train the English cue tagger (`kroniek.models.cue_tagger`) on PolNeAR's train split.

    python scripts/train_cue_tagger_en.py                    # all train articles -> weights-en.json
    python scripts/train_cue_tagger_en.py --hold 200 --out .work/enS/fold.json
        # the first 200 train articles (by name) held out: token scores on them; then
        # KRONIEK_CUE_WEIGHTS=.work/enS/fold.json kroniek eval quotes --corpus polnear \
        #     --data .../polnear/train --limit 200

English has no parse in kroniek, so the tagger sees the surface features only (the
word, its lexicon kind, punctuation and the words around it). The examples are the cues of
the reported (not direct) quotes that the rules find (the only words the quotes stage
asks the tagger about: it drops such a quote when its cue scores under `reject`); one is
a cue when its quote overlaps the Content of a PolNeAR attribution (the decision the
attribution score counts; labelling the words inside PolNeAR's Cue spans instead lost
more recall than it gained precision). Never reads the dev split.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

import numpy as np

from kroniek.evaluation import shared_data_dir
from kroniek.evaluation.quotes import load_polnear, predict, top_level
from kroniek.models.cue_tagger import CueTagger, candidate_tokens, cue_features, weights_file
from kroniek.stages.phrases import DepIndex, lexicon

# Tuned on PolNeAR train with the first 200 articles held out (end-to-end attribution
# overlap F1 on them, reject 0.3/0.5/0.6/0.7: 0.7164/0.7149/0.7112/0.7046, no tagger
# 0.7156): see the English section of the model card. MIN_COUNT/L2/STEPS not searched.
MIN_COUNT = 3
L2 = 1.0
STEPS = 300
REJECT = 0.3


def examples(root: Path) -> tuple[list[str], list[list[str]], list[int]]:
    lex = lexicon("en")
    names: list[str] = []
    xs: list[list[str]] = []
    ys: list[int] = []
    for art in load_polnear(root):
        doc = predict(art.text, lang="en")
        deps = DepIndex(doc)
        quoted = [(q.start, q.end) for q in top_level(doc.quotes) if q.kind == "direct"]
        cands = set(candidate_tokens(doc, quoted))
        gold = [s for a in art.gold for s in a.content]
        for q in top_level(doc.quotes):
            k = deps.at.get(q.cue.start) if q.cue is not None and q.kind != "direct" else None
            if k is None or k not in cands:
                continue
            names.append(art.name)
            xs.append(cue_features(doc, deps, k, lex))
            ys.append(int(any(a < q.end and q.start < b for a, b in gold)))
    return names, xs, ys


def train(xs: list[list[str]], ys: list[int]) -> dict[str, Any]:
    """Logistic regression with Adam on a sparse binary design (CSR by hand)."""
    counts: dict[str, int] = {}
    for f in xs:
        for x in set(f):
            counts[x] = counts.get(x, 0) + 1
    index = {x: i for i, x in enumerate(sorted(x for x, n in counts.items() if n >= MIN_COUNT))}
    rows = [sorted({index[x] for x in f if x in index}) for f in xs]
    lens = np.asarray([len(r) for r in rows])
    cols = np.asarray([i for r in rows for i in r], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    n, d = len(rows), len(index)
    y = np.asarray(ys, dtype=np.float64)
    w = np.zeros(d)
    b = math.log((y.mean() + 1e-6) / (1 - y.mean() + 1e-6))
    mw, vw, mb, vb, lr = np.zeros(d), np.zeros(d), 0.0, 0.0, 0.1
    for step in range(1, STEPS + 1):
        z = np.where(lens > 0, np.add.reduceat(w[cols], starts) if len(cols) else 0.0, 0.0)
        p = 1.0 / (1.0 + np.exp(-(z + b)))
        g = p - y
        gw = np.bincount(cols, weights=np.repeat(g, lens), minlength=d) / n + L2 * w / n
        gb = float(g.mean())
        mw, vw = 0.9 * mw + 0.1 * gw, 0.999 * vw + 0.001 * gw * gw
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        w -= lr * (mw / (1 - 0.9**step)) / (np.sqrt(vw / (1 - 0.999**step)) + 1e-8)
        b -= lr * (mb / (1 - 0.9**step)) / (math.sqrt(vb / (1 - 0.999**step)) + 1e-8)
    weights = {x: round(float(w[i]), 4) for x, i in index.items() if abs(w[i]) >= 1e-3}
    return {"bias": round(float(b), 4), "weights": weights}


def score(params: dict[str, Any], xs: list[list[str]], ys: list[int], at: float) -> str:
    tagger = CueTagger(params)
    probs = [tagger.prob(f) for f in xs]
    tp = sum(1 for p, y in zip(probs, ys, strict=True) if p >= at and y)
    fp = sum(1 for p, y in zip(probs, ys, strict=True) if p >= at and not y)
    fn = sum(1 for p, y in zip(probs, ys, strict=True) if p < at and y)
    pr, rc = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return f"at {at:.2f}: P {pr:.3f} R {rc:.3f} F1 {f1:.3f} ({tp}/{tp + fp}/{tp + fn})"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=shared_data_dir() / "quotes" / "polnear" / "train")
    ap.add_argument("--hold", type=int, default=0, help="hold out the first N articles")
    ap.add_argument("--reject", type=float, default=REJECT)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    os.environ["KRONIEK_CUES"] = "rules"  # the rules' quotes, not filtered by a shipped tagger
    names, xs, ys = examples(args.data)
    held = sorted(set(names))[: args.hold]
    keep = [i for i, a in enumerate(names) if a not in held]
    params = train([xs[i] for i in keep], [ys[i] for i in keep])
    # The quotes stage drops a lexicon cue under `reject`; `accept` needs a parse (none).
    params["reject"], params["accept"] = args.reject, 1.0
    params["trained_on"] = (f"PolNeAR train, {len(set(names)) - len(held)} articles "
                            f"({len(keep)} lexicon words, {sum(ys[i] for i in keep)} cues)")
    print(params["trained_on"], f"{len(params['weights'])} features")
    if held:
        hx = [xs[i] for i, a in enumerate(names) if a in held]
        hy = [ys[i] for i, a in enumerate(names) if a in held]
        for at in (0.1, 0.2, 0.3, 0.5):
            print("held out", score(params, hx, hy, at))
    out = args.out or weights_file("en")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(params, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                   encoding="utf-8")
    print("wrote", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
