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
import os
import sys
from pathlib import Path

from kroniek.evaluation import shared_data_dir
from kroniek.evaluation.quotes import load_polnear, predict, top_level
from kroniek.models.cue_tagger import (
    candidate_tokens,
    cue_features,
    fit,
    scores_at,
    weights_file,
    write_weights,
)
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
    params = fit([xs[i] for i in keep], [ys[i] for i in keep], min_count=MIN_COUNT, l2=L2,
                 steps=STEPS)
    # The quotes stage drops a lexicon cue under `reject`; `accept` needs a parse (none).
    params["reject"], params["accept"] = args.reject, 1.0
    params["trained_on"] = (f"PolNeAR train, {len(set(names)) - len(held)} articles "
                            f"({len(keep)} lexicon words, {sum(ys[i] for i in keep)} cues)")
    print(params["trained_on"], f"{len(params['weights'])} features")
    if held:
        hx = [xs[i] for i, a in enumerate(names) if a in held]
        hy = [ys[i] for i, a in enumerate(names) if a in held]
        for at in (0.1, 0.2, 0.3, 0.5):
            print("held out", scores_at(params, hx, hy, at))
    out = args.out or weights_file("en")
    write_weights(params, out)
    print("wrote", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
