"""Choose and split, once, the articles of the second gold round (events and quotes).

Run once (2026-12-04) before any annotation; its output, gold/splits/round2.json, is
committed and is the split: never re-run to change it. Deterministic (seed 20261204).

Events: every article with at least two conflict words (political violence, protest,
strategic developments; articles already in gold/events-nl excluded), plus ordinary
articles with zero or one such word, to teach what is not an event. Quotes: articles with
the most quotation marks and reporting verbs, not already in gold/quotes-nl.
Each pool is shuffled and split into a frozen `test` part and a `dev` part.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared/data/news/dpgmedia2019-nl.jsonl"

CONFLICT = re.compile(
    r"\b(oorlog|leger|militair|aanval|aanslag|bombardement|bombard|demonstra|betoging|betoger|"
    r"protest|rellen|relschopper|gearresteerd|opgepakt|arrestat|schietpartij|beschiet|doden|gedood|"
    r"terreur|terroris|rebellen|soldaten|strijders|geweld|raket|drone|explosie|ontploff|gijzel|"
    r"ontvoer|staatsgreep|vluchtelingen|troepen|milities|opstand|bezetting|annex|luchtaanval|"
    r"granaat|bom|IS|jihad|gevechten|vechten)\w*", re.I)
QUOTE_MARK = re.compile(r"['\"„“”‘’]")
REPORTING = re.compile(r"\b(zegt|zei|zeggen|aldus|volgens|stelt|stelde|meldt|meldde|laat weten|liet weten|"
                       r"verklaarde|vertelt|vertelde|benadrukt|waarschuwt|noemt|ontkent)\b", re.I)


def main() -> None:
    arts = [json.loads(line) for line in NEWS.open(encoding="utf-8")]
    done_events = {int(p.stem) for p in (HERE / "events-nl").glob("*.json")}
    done_quotes = {int(p.stem) for p in (HERE / "quotes-nl").rglob("*.json")}
    rng = random.Random(20261204)

    hits = {a["id"]: len(CONFLICT.findall(a["title"] + "\n" + a["text"])) for a in arts}
    pool = [a["id"] for a in arts if a["id"] not in done_events]
    conflict = sorted((i for i in pool if hits[i] >= 2), key=lambda i: (-hits[i], i))[:100]
    ordinary = sorted(i for i in pool if hits[i] <= 1)
    ordinary = rng.sample(ordinary, 50)
    rng.shuffle(conflict)
    rng.shuffle(ordinary)
    events = {"test": sorted(conflict[:40] + ordinary[:25]),
              "dev": sorted(conflict[40:] + ordinary[25:]),
              "ordinary": sorted(ordinary)}

    def quotiness(a: dict) -> float:
        t = a["text"]
        return (len(QUOTE_MARK.findall(t)) / 2 + 2 * len(REPORTING.findall(t))) * (1.5 if hits[a["id"]] >= 2 else 1.0)

    qpool = [a for a in arts if a["id"] not in done_quotes and 800 <= len(a["text"]) <= 5000]
    qpool.sort(key=lambda a: (-quotiness(a), a["id"]))
    chosen = [a["id"] for a in qpool[:100]]
    rng.shuffle(chosen)
    quotes = {"test": sorted(chosen[:40]), "dev": sorted(chosen[40:])}

    out = {"seed": 20261204, "source": "dpgmedia2019-nl.jsonl", "events": events, "quotes": quotes}
    (HERE / "splits").mkdir(exist_ok=True)
    (HERE / "splits" / "round2.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print({k: len(v) for k, v in events.items()}, {k: len(v) for k, v in quotes.items()})


if __name__ == "__main__":
    main()
