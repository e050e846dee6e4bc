"""Choose, once, the articles of the round-3 development annotations (after the round-3 test).

Run once (2026-12-04, session 20) after `select_round3.py`, before annotation; its output,
gold/splits/round3-dev.json, is committed and is the choice: never re-run to change it.
Same scores and near-copy rule as `select_round3.py` (whose test articles are left out):
events: the next (up to 60; 42 were left) articles with the most distinct conflict words (at least two) plus 20
ordinary ones; quotes: the next 60 articles with the most quotation marks and reporting
verbs. The annotations went to `events-nl/round3-dev/` and `quotes-nl/round3-dev/` first (so
figures measured on the dev folders do not move under work in progress) and join the dev
folders in a later session.
"""

from __future__ import annotations

import json
import random
from itertools import islice
from pathlib import Path

import select_round3 as r3

HERE = Path(__file__).resolve().parent


def main() -> None:
    arts = [json.loads(line) for line in r3.NEWS.open(encoding="utf-8")]
    test = json.loads((HERE / "splits" / "round3.json").read_text(encoding="utf-8"))
    taken = set(test["events"]["test"]) | set(test["quotes"]["test"])
    done = {int(p.stem) for d in ("events-nl", "quotes-nl") for p in (HERE / d).rglob("*.json")
            if p.stem.isdigit()} | taken
    rng = random.Random(20261206)
    grams = {a["id"]: r3.shingles(a["text"]) for a in arts}
    seen = [grams[i] for i in done if i in grams]

    def fresh(i: int) -> bool:
        g = grams[i]
        if i in done or any(len(g & h) >= 0.9 * max(1, min(len(g), len(h))) for h in seen):
            return False
        seen.append(g)
        return True

    def score(a: dict) -> int:
        return len({m.group(0).lower() for m in r3.CONFLICT.finditer(a["title"] + "\n" + a["text"])})

    hits = {a["id"]: score(a) for a in arts}
    ranked = sorted((i for i in hits if hits[i] >= 2), key=lambda i: (-hits[i], i))
    conflict = list(islice((i for i in ranked if fresh(i)), 60))
    plain = sorted(i for i in hits if hits[i] <= 1)
    rng.shuffle(plain)
    ordinary = list(islice((i for i in plain if fresh(i)), 20))

    def quotiness(a: dict) -> float:
        t = a["text"]
        return (len(r3.QUOTE_MARK.findall(t)) / 2 + 2 * len(r3.REPORTING.findall(t))) * (
            1.5 if hits[a["id"]] >= 3 else 1.0)

    qpool = [a for a in arts if 800 <= len(a["text"]) <= 5000]
    qpool.sort(key=lambda a: (-quotiness(a), a["id"]))
    quotes = sorted(islice((a["id"] for a in qpool if fresh(a["id"])), 60))
    out = {"seed": 20261206, "source": "dpgmedia2019-nl.jsonl",
           "events": {"dev": sorted(conflict + ordinary), "ordinary": sorted(ordinary)},
           "quotes": {"dev": quotes}}
    (HERE / "splits" / "round3-dev.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(len(out["events"]["dev"]), len(quotes))


if __name__ == "__main__":
    main()
