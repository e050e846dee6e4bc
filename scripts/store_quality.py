"""Quality of the claims and quotes in a store, measured without gold (issue #14 store targets).

    python scripts/store_quality.py build               # the DPG articles minus every frozen one
    kroniek ingest .work/claims/dpg.jsonl --db .work/claims/dpg.sqlite --lang nl
    python scripts/store_quality.py measure .work/claims/dpg.sqlite [--json out.json]
    python scripts/store_quality.py sample .work/claims/dpg.sqlite -n 20 --seed 14
    python scripts/store_quality.py cost -n 300           # CPU ms/article per stage, fast mode

`build` writes `.work/claims/dpg.jsonl`: `../shared/data/news/dpgmedia2019-nl.jsonl` without
the test parts of `gold/splits/round2.json` and `round3.json` and without the ids named by the
file names under `gold/*/frozen-test*/` (the names only; no frozen file is opened). An article
frozen for one task is left out for all: the store runs every stage, quotes included, so
events-nl dev articles that are quotes-nl frozen-test articles (10723127, 10730058, 10744615)
stay out (1,194 articles of 1,398).

`measure` prints, overall and per source type:

- the share of claims whose source type is `unknown`;
- the share of quotes without a speaker (no name and no descriptor), pull-quote repeats left out;
- source names without a nominal head, by the parse: the name's tokens (where the article
  writes it; a name written nowhere is not counted) hold no NOUN, PROPN or X and are no
  entity the recogniser found that is also written inside a sentence, or the last one is a
  determiner, adposition, conjunction, pronoun, auxiliary or verb ("inhoud van de",
  "staatsaanklager brachten"); a name written in capitals throughout is a headline;
- the share of claims linked to an event, of all claims and of the claims in articles
  that have an event.

`sample` draws claims at random (fixed seed) for a hand check and prints them as a table.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

NEWS = Path("../shared/data/news/dpgmedia2019-nl.jsonl")
OUT = Path(".work/claims/dpg.jsonl")
SPLITS = ("gold/splits/round2.json", "gold/splits/round3.json")
# Parts of speech a noun phrase cannot end on.
BAD_LAST = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "VERB", "PART"})
# X: a word the tagger could not place, in practice a name ("Efsa", "Sissy-Boy").
HEADS = frozenset({"NOUN", "PROPN", "X"})


def frozen_ids(root: Path = Path(".")) -> set[int]:
    """Ids of every frozen test article: the split files' test parts and the file names
    (not the contents) under gold/*/frozen-test*/, of any task (a dev article of one task
    frozen for another is still frozen: the store runs all stages on it)."""
    ids: set[int] = set()
    for name in SPLITS:
        split = json.loads((root / name).read_text(encoding="utf-8"))
        for task in ("events", "quotes"):
            ids.update(int(i) for i in split.get(task, {}).get("test", []))
    for folder in (root / "gold").glob("*/frozen-test*"):
        ids.update(int(p.stem) for p in folder.iterdir() if p.stem.isdigit())
    return ids


def same_title(title: str | None) -> str:
    """A title as syndicated copies share it: case and spacing folded."""
    return " ".join((title or "").lower().split())


def build(src: Path, out: Path, skip: set[int] | None = None) -> tuple[int, int]:
    """Copy `src` to `out` less the frozen articles and their syndicated copies: the
    same story printed in another DPG paper under another id, found by its title."""
    skip = frozen_ids() if skip is None else skip
    frozen_titles = set()
    with src.open(encoding="utf-8") as fi:
        for line in fi:
            art = json.loads(line)
            if int(art["id"]) in skip and same_title(art.get("title")):
                frozen_titles.add(same_title(art.get("title")))
    out.parent.mkdir(parents=True, exist_ok=True)
    n = kept = 0
    with src.open(encoding="utf-8") as fi, out.open("w", encoding="utf-8") as fo:
        for line in fi:
            n += 1
            art = json.loads(line)
            if int(art["id"]) in skip or same_title(art.get("title")) in frozen_titles:
                continue
            fo.write(line)
            kept += 1
    return n, kept


def _rows(db: Path, half: str | None = None) -> list[tuple[str, str, str, str, str]]:
    """The store's articles; `half` "A" or "B" keeps those whose store id (hexadecimal) is
    even or odd, so that a change written looking at one half can be checked on the other."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = list(con.execute("SELECT id, text, doc_json, lang, title FROM articles ORDER BY id"))
    if half:
        rows = [r for r in rows if int(r[0], 16) % 2 == (half.upper() == "B")]
    return rows


def _parser() -> Any:
    from kroniek.pipeline import build_pipeline

    return build_pipeline(disable=("times", "places", "quotes", "claims", "events"))


def headless(doc: Any, name: str, start: int | None, end: int | None) -> str | None:
    """Why the source `name` lacks a nominal head, by the parse of `doc` (a Doc with
    tokens): its tags ("ADV", "NOUN ADP DET"), "caps" for a headline; None when it has one."""
    words = name.split()
    if len(words) >= 2 and all(w.isupper() for w in words if w.isalpha()) and any(
            len(w) > 5 for w in words):
        return "caps"  # a headline in capitals ("NOORDZEE WARMER")
    at = -1
    if start is not None and end is not None:
        at = doc.text.find(name, start, max(end, start + len(name)))
    if at < 0:
        at = doc.text.find(name)
    if at < 0:
        return None  # a name put together by the stage (a descriptor with its organisation)
    toks = [t for t in doc.tokens if t.start >= at and t.end <= at + len(name)]
    tags = " ".join(t.upos for t in toks)
    if not toks:
        return None
    if any(e.start <= at and at + len(name) <= e.end for e in doc.entities) and mid_sentence(
            doc.text, name):
        return None  # a name the recogniser found, whatever its tags ("zegt Blind")
    if not any(t.upos in HEADS for t in toks):
        return tags
    last = toks[-1]
    return tags if last.upos in BAD_LAST and not last.text[:1].isupper() else None


def mid_sentence(text: str, name: str) -> bool:
    """Is `name` written somewhere not at the opening of a sentence, as names are and the
    adverbs that open sentences ("Plots", "Jaarlijks") are not?"""
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        if not re.search(r"(?:^|[.!?:'\"„“”‘’(]|\n)\s*$", text[max(0, m.start() - 3) : m.start()]):
            return True
    return False


def measure(db: Path, parse: bool = True, half: str | None = None) -> dict[str, Any]:
    from kroniek.doc import Doc

    parser = _parser() if parse else None
    n_claims = 0
    by_type: Counter[str] = Counter()
    linked: Counter[str] = Counter()
    headless_by_type: Counter[str] = Counter()
    named_by_type: Counter[str] = Counter()
    claims_in_event_articles = linked_in_event_articles = 0
    n_quotes = no_speaker = 0
    fragments: list[tuple[str, str, str, str]] = []
    for aid, text, doc_json, lang, _title in _rows(db, half):
        data = json.loads(doc_json)
        for q in data.get("quotes", []):
            if q.get("repeats"):
                continue
            n_quotes += 1
            sp = q.get("speaker") or {}
            if not (sp.get("name") or sp.get("descriptor")):
                no_speaker += 1
        claims = data.get("claims", [])
        has_events = bool(data.get("events"))
        parsed = None
        for c in claims:
            n_claims += 1
            kind = c["source"].get("type") or "unknown"
            by_type[kind] += 1
            if c.get("events"):
                linked[kind] += 1
            if has_events:
                claims_in_event_articles += 1
                linked_in_event_articles += bool(c.get("events"))
            name = c["source"].get("name")
            if not name:
                continue
            named_by_type[kind] += 1
            if parser is None:
                continue
            if parsed is None:
                parsed = parser(Doc(text=text, id=aid, lang=lang or "nl"))
            why = headless(parsed, name, c["source"].get("start"), c["source"].get("end"))
            if why:
                headless_by_type[kind] += 1
                fragments.append((aid, name, kind, why))
    return {
        "claims": n_claims,
        "unknown_share": by_type["unknown"] / max(1, n_claims),
        "by_type": dict(by_type.most_common()),
        "linked_to_event": sum(linked.values()),
        "linked_by_type": dict(linked),
        "claims_in_articles_with_events": claims_in_event_articles,
        "linked_in_articles_with_events": linked_in_event_articles,
        "named_by_type": dict(named_by_type),
        "headless": sum(headless_by_type.values()),
        "headless_by_type": dict(headless_by_type),
        "headless_names": fragments,
        "quotes": n_quotes,
        "quotes_without_speaker": no_speaker,
        "quotes_without_speaker_share": no_speaker / max(1, n_quotes),
    }


def report(res: dict[str, Any]) -> str:
    n = res["claims"]
    lines = [
        f"claims {n}: source unknown {res['by_type'].get('unknown', 0)} "
        f"({res['unknown_share']:.1%}); linked to an event {res['linked_to_event']} "
        f"({res['linked_to_event'] / max(1, n):.1%}); in articles with events "
        f"{res['linked_in_articles_with_events']}/{res['claims_in_articles_with_events']}",
        f"source names {sum(res['named_by_type'].values())}, without a nominal head "
        f"{res['headless']}",
        f"quotes {res['quotes']}: without speaker {res['quotes_without_speaker']} "
        f"({res['quotes_without_speaker_share']:.1%})",
        f"{'type':<18}{'claims':>8}{'share':>8}{'named':>8}{'headless':>10}{'linked':>8}",
    ]
    for kind, k in res["by_type"].items():
        lines.append(f"{kind:<18}{k:>8}{k / max(1, n):>8.1%}{res['named_by_type'].get(kind, 0):>8}"
                     f"{res['headless_by_type'].get(kind, 0):>10}"
                     f"{res['linked_by_type'].get(kind, 0):>8}")
    if res["headless_names"]:
        lines.append("headless names: " + "; ".join(
            f"{name!r} ({kind}, {why})" for _, name, kind, why in res["headless_names"][:80]))
    return "\n".join(lines)


def sample(db: Path, n: int, seed: int) -> list[dict[str, Any]]:
    every: list[dict[str, Any]] = []
    for aid, text, doc_json, _lang, _title in _rows(db):
        for c in json.loads(doc_json).get("claims", []):
            every.append({"article": aid, "id": c["id"], "content": text[c["start"]:c["end"]],
                          "source": c["source"].get("name"), "type": c["source"].get("type"),
                          "cue": (c.get("cue") or {}).get("text"),
                          "context": text[max(0, c["start"] - 120):c["end"] + 120]})
    return random.Random(seed).sample(every, min(n, len(every)))


def cost(src: Path, n: int) -> dict[str, float]:
    """CPU milliseconds per article of each stage in fast mode, over the first `n` articles
    of `src` (process time, so that other jobs on the machine count less)."""
    from kroniek.doc import Doc
    from kroniek.pipeline import get_pipeline

    pipe = get_pipeline("fast")
    spent: dict[str, float] = {}
    done = 0
    with src.open(encoding="utf-8") as fi:
        for line in fi:
            if done >= n:
                break
            art = json.loads(line)
            doc = Doc(text=art["text"], id=str(art["id"]), lang="nl", title=art.get("title"))
            for stage in pipe.stages:
                t0 = time.process_time()
                doc = stage(doc)
                spent[stage.name] = spent.get(stage.name, 0.0) + time.process_time() - t0
                doc.assigned.update(stage.assigns)
            done += 1
    return {k: 1000 * v / max(1, done) for k, v in spent.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--src", type=Path, default=NEWS)
    b.add_argument("--out", type=Path, default=OUT)
    m = sub.add_parser("measure")
    m.add_argument("db", type=Path)
    m.add_argument("--json", type=Path)
    m.add_argument("--no-parse", action="store_true", help="skip the headless-name count")
    m.add_argument("--half", choices=("A", "B"), help="only the articles of even (A) or odd (B) id")
    c = sub.add_parser("cost")
    c.add_argument("--src", type=Path, default=OUT)
    c.add_argument("-n", type=int, default=300)
    s = sub.add_parser("sample")
    s.add_argument("db", type=Path)
    s.add_argument("-n", type=int, default=20)
    s.add_argument("--seed", type=int, default=14)
    s.add_argument("--context", action="store_true")
    args = ap.parse_args(argv)
    if args.cmd == "build":
        n, kept = build(args.src, args.out)
        print(f"{kept} of {n} articles -> {args.out}")
    elif args.cmd == "measure":
        if not args.db.is_file():
            print(f"error: no store at {args.db} (run `kroniek ingest` first)", file=sys.stderr)
            return 2
        res = measure(args.db, parse=not args.no_parse, half=args.half)
        print(report(res))
        if args.json:
            args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
    elif args.cmd == "cost":
        for name, ms in cost(args.src, args.n).items():
            print(f"{name:<34}{ms:8.2f} ms CPU/article")
    else:
        for i, row in enumerate(sample(args.db, args.n, args.seed), 1):
            content = row["content"].replace("\n", " ")
            print(f"{i}. [{row['article']} {row['id']}] {row['source']!r} ({row['type']}) "
                  f"cue {row['cue']!r}: {content[:200]}")
            if args.context:
                print("   ..." + row["context"].replace("\n", " ") + "...")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
