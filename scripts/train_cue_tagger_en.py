"""Train the English cue tagger (`kroniek.models.cue_tagger`) on PolNeAR's train split.

    python scripts/train_cue_tagger_en.py                  # all train articles -> weights-en.json
    python scripts/train_cue_tagger_en.py --hold 200 --out .work/enP/fold.json
        # the first 200 train articles (by name) held out: token scores on them, and the
        # end-to-end attribution F1 on them for each (reject, accept) pair of the grid

English is parsed by the package of `kroniek.stages.english_parse.PARSE_PACKAGES`, so the
tagger reads the same parse features as the Dutch one (lemma, relations, complement kind,
subject kind) plus the surface. As in the Dutch script, every verb and noun outside the
direct quotes is an example, labelled a cue when it lies inside the Cue span of a PolNeAR
attribution. The quotes stage drops a rules' reported quote whose cue scores under
`reject` and takes a verb with a complement clause that scores `accept` or more for a cue
(`kroniek.stages.clauses`). Never reads the dev split.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from kroniek.doc import Doc
from kroniek.evaluation import shared_data_dir
from kroniek.evaluation.quotes import (
    Attribution,
    load_polnear,
    predict,
    score_polnear_docs,
    top_level,
)
from kroniek.models.cue_tagger import (
    candidate_tokens,
    cue_features,
    fit,
    get_tagger,
    scores_at,
    weights_file,
    write_weights,
)
from kroniek.stages.phrases import DepIndex, lexicon
from kroniek.stages.quotes import find_quotes

# Tuned on PolNeAR train with the first 200 articles held out (end-to-end attribution
# overlap F1 on them for the grid below): see the English section of the model card.
# MIN_COUNT/L2/STEPS as the Dutch script's, not searched.
MIN_COUNT = 2
L2 = 1.0
STEPS = 400
REJECT = 0.1
ACCEPT = 0.4
GRID_REJECT = (0.0, 0.1, 0.2)
GRID_ACCEPT = (0.3, 0.4, 0.5, 0.7, 1.01)
# The complements for which a verb the tagger accepts is a cue (kroniek.stages.clauses):
# that/bare clauses, to-infinitives, direct and prepositional objects.
ACCEPT_RELATIONS = ["ccomp", "xcomp", "dobj", "prep"]


def analysed(root: Path, cache: Path | None = None) -> list[tuple[str, Doc, list[Attribution]]]:
    """(name, kroniek's analysis with the rules' quotes, gold) of every article; with
    `cache`, read from that pickle when it exists, else written to it."""
    if cache is not None and cache.is_file():
        with cache.open("rb") as f:
            docs: list[tuple[str, Doc, list[Attribution]]] = pickle.load(f)  # noqa: S301
        return docs
    os.environ["KRONIEK_CUES"] = "rules"  # the rules' quotes, not filtered by a shipped tagger
    docs = [(art.name, predict(art.text, lang="en"), art.gold) for art in load_polnear(root)]
    if cache is not None:
        with cache.open("wb") as f:
            pickle.dump(docs, f)
    return docs


def examples(docs: list[tuple[str, Doc, list[Attribution]]]
             ) -> tuple[list[str], list[list[str]], list[int]]:
    lex = lexicon("en")
    names: list[str] = []
    xs: list[list[str]] = []
    ys: list[int] = []
    for name, doc, gold in docs:
        deps = DepIndex(doc)
        quoted = [(q.start, q.end) for q in top_level(doc.quotes) if q.kind == "direct"]
        cues = [s for a in gold for s in a.cue]
        for k in candidate_tokens(doc, quoted):
            t = doc.tokens[k]
            names.append(name)
            xs.append(cue_features(doc, deps, k, lex))
            ys.append(int(any(a < t.end and t.start < b for a, b in cues)))
    return names, xs, ys


def end_to_end(params: dict[str, Any], docs: list[tuple[str, Doc, list[Attribution]]]
               ) -> dict[str, Any]:
    """PolNeAR scores of the quotes stage on analysed `docs` with the tagger `params`."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "weights.json"
        write_weights(params, path)
        os.environ["KRONIEK_CUE_WEIGHTS"] = str(path)
        get_tagger.cache_clear()
        try:
            for _, doc, _ in docs:
                doc.quotes = find_quotes(doc, cues="learned")
        finally:
            del os.environ["KRONIEK_CUE_WEIGHTS"]
            get_tagger.cache_clear()
    return score_polnear_docs((doc, gold) for _, doc, gold in docs)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=shared_data_dir() / "quotes" / "polnear" / "train")
    ap.add_argument("--hold", default="0",
                    help="hold out the first N articles (by name), or articles A:B")
    ap.add_argument("--reject", type=float, default=REJECT)
    ap.add_argument("--accept", type=float, default=ACCEPT)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--cache", type=Path, help="pickle of the analysed articles (made once)")
    args = ap.parse_args(argv)
    docs = analysed(args.data, args.cache)
    names, xs, ys = examples(docs)
    a, _, b = args.hold.rpartition(":")
    held = set(sorted(set(names))[int(a or 0) : int(b)])
    keep = [i for i, a in enumerate(names) if a not in held]
    params = fit([xs[i] for i in keep], [ys[i] for i in keep], min_count=MIN_COUNT, l2=L2,
                 steps=STEPS)
    params["reject"], params["accept"] = args.reject, args.accept
    params["accept_relations"] = ACCEPT_RELATIONS
    params["trained_on"] = (f"PolNeAR train, {len(set(names)) - len(held)} articles "
                            f"({len(keep)} verbs and nouns, {sum(ys[i] for i in keep)} in cues)")
    print(params["trained_on"], f"{len(params['weights'])} features")
    if held:
        hx = [xs[i] for i, a in enumerate(names) if a in held]
        hy = [ys[i] for i, a in enumerate(names) if a in held]
        for at in (0.1, 0.3, 0.5, 0.7):
            print("held out", scores_at(params, hx, hy, at))
        fold = [d for d in docs if d[0] in held]
        for reject in GRID_REJECT:
            for accept in GRID_ACCEPT:
                s = end_to_end({**params, "reject": reject, "accept": accept}, fold)
                print(f"held out end to end: reject {reject} accept {accept}: attribution "
                      f"{s['attribution.overlap']['f1']} cue {s['cue.overlap']['f1']} "
                      f"source {s['source.overlap']['f1']} content {s['content.overlap']['f1']}")
    out = args.out or weights_file("en")
    write_weights(params, out)
    print("wrote", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
