"""Choose, once, the articles of the third gold round: fresh frozen test parts.

Run once (2026-12-04, session 20) before any annotation and before any code change of that
session; its output, gold/splits/round3.json, is committed and is the split: never re-run to
change it. Deterministic (seed 20261205).

Why a third round: the round-2 frozen parts were used to choose between the rules and the
learned variants, so their figures for the variant that won are slightly optimistic. Round 3
gives test parts that no choice has seen.

The conflict score counts distinct conflict words case-sensitively where case matters (the
round-2 pattern matched Dutch "is" as "IS" and "bomen" as "bom", which inflated ordinary
articles). Events: the 42 articles with the most distinct conflict words (at least two; the earlier
rounds took most conflict articles of this general-news collection, so many of these report
no event) plus 20 ordinary ones (at most one conflict word), none already in any events gold
folder. Quotes: 40 of the
articles with the most quotation marks and reporting verbs, none already in any quotes gold
folder nor in the round-3 events test part.

Near-copies are left out: the collection repeats some texts under other ids, and a copy of a
dev article in a test part would leak. An article whose word 5-grams overlap 90% or more
(of the shorter text) with an article already in any gold folder, or with one chosen before
it, is skipped and the next article taken (added after the first run of this script found
10740635 and 10796893 in events and 10804533 in quotes to be copies of dev articles; before
any annotation).
"""

from __future__ import annotations

import json
import random
import re
import sys
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared/data/news/dpgmedia2019-nl.jsonl"

CONFLICT = re.compile(
    r"\b(?i:oorlog|leger|militair|aanval|aanslag|bombardement|bombarde|demonstra|betoging|betoger|"
    r"protest|rellen|relschopper|gearresteerd|opgepakt|arrestat|schietpartij|beschiet|doden|gedood|"
    r"terreur|terroris|rebellen|soldaten|strijders|geweld|raket|drone|explosie|ontploff|gijzel|"
    r"ontvoer|staatsgreep|troepen|milities|opstand|bezetting|annex|luchtaanval|"
    r"granaat|bommen|bomaanslag|jihad|gevechten|neergeschoten|doodgeschoten|gewond)\w*|\bIS\b")
QUOTE_MARK = re.compile(r"['\"„“”‘’]")
REPORTING = re.compile(r"\b(zegt|zei|zeggen|aldus|volgens|stelt|stelde|meldt|meldde|laat weten|liet weten|"
                       r"verklaarde|vertelt|vertelde|benadrukt|waarschuwt|noemt|ontkent)\b", re.I)


def shingles(text: str) -> set[str]:
    w = text.lower().split()
    return {" ".join(w[i:i + 5]) for i in range(max(1, len(w) - 4))}


def main() -> None:
    arts = [json.loads(line) for line in NEWS.open(encoding="utf-8")]
    done_events = {int(p.stem) for p in (HERE / "events-nl").rglob("*.json")}
    done_quotes = {int(p.stem) for p in (HERE / "quotes-nl").rglob("*.json") if p.stem.isdigit()}
    grams = {a["id"]: shingles(a["text"]) for a in arts}
    seen = [grams[i] for i in done_events | done_quotes if i in grams]

    def fresh(i: int) -> bool:
        g = grams[i]
        if any(len(g & h) >= 0.9 * max(1, min(len(g), len(h))) for h in seen):
            return False
        seen.append(g)
        return True
    rng = random.Random(20261205)

    def score(a: dict) -> int:
        return len({m.group(0).lower() for m in CONFLICT.finditer(a["title"] + "\n" + a["text"])})

    hits = {a["id"]: score(a) for a in arts}
    pool = [a["id"] for a in arts if a["id"] not in done_events]
    ranked = sorted((i for i in pool if hits[i] >= 2), key=lambda i: (-hits[i], i))
    conflict = list(islice((i for i in ranked if fresh(i)), 42))
    plain = sorted(i for i in pool if hits[i] <= 1)
    rng.shuffle(plain)
    ordinary = list(islice((i for i in plain if fresh(i)), 20))
    events = {"test": sorted(conflict + ordinary), "ordinary": sorted(ordinary)}

    def quotiness(a: dict) -> float:
        t = a["text"]
        return (len(QUOTE_MARK.findall(t)) / 2 + 2 * len(REPORTING.findall(t))) * (1.5 if hits[a["id"]] >= 3 else 1.0)

    taken = set(events["test"])
    qpool = [a for a in arts if a["id"] not in done_quotes and a["id"] not in taken and 800 <= len(a["text"]) <= 5000]
    qpool.sort(key=lambda a: (-quotiness(a), a["id"]))
    chosen = [a["id"] for a in qpool[:80]]
    rng.shuffle(chosen)
    quotes = {"test": sorted(islice((i for i in chosen if fresh(i)), 40))}

    out = {"seed": 20261205, "source": "dpgmedia2019-nl.jsonl", "events": events, "quotes": quotes}
    (HERE / "splits" / "round3.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print({k: len(v) for k, v in events.items()}, {k: len(v) for k, v in quotes.items()})


if __name__ == "__main__":
    main()
