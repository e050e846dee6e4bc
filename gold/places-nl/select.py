"""Choose, once, the 100 DPG articles of the Dutch places check (issue #15).

Run once (2026-12-04) before any annotation; its output, gold/places-nl/articles.json, is
committed and is the sample: never re-run to change it. Deterministic (seed 20261204):
a plain random sample of the articles that have text, so the check sees ordinary Dutch
news (sport, business, politics, crime) and not only conflict reports.

    python gold/places-nl/select.py [../shared/data/news/dpgmedia2019-nl.jsonl]
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared/data/news/dpgmedia2019-nl.jsonl"
SEED = 20261204
N = 100


def main() -> None:
    arts = [json.loads(line) for line in NEWS.open(encoding="utf-8")]
    pool = sorted(a["id"] for a in arts if (a.get("text") or "").strip())
    chosen = sorted(random.Random(SEED).sample(pool, N))
    out = {"source": "dpgmedia2019-nl.jsonl", "seed": SEED, "pool": len(pool), "articles": chosen}
    (HERE / "articles.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"{N} of {len(pool)} articles → {HERE / 'articles.json'}")


if __name__ == "__main__":
    main()
