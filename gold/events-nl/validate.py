"""Check hand-annotated event gold files against the article texts.

Independent of kroniek's pipeline: only the ACLED table (`src/kroniek/acled.py`) is read, by
file path, so the check never imports the system it measures.

Usage: python gold/events-nl/validate.py [FOLDER] [--news PATH]
FOLDER defaults to gold/events-nl (its *.json files; sub-folders are not entered).
Checks, per file: JSON shape and field types; `article` id/title/published/chars against the
JSONL; `no_event` set exactly when `events` is empty; every anchor, trigger and mention an
exact substring of the text and the trigger inside its anchor; type and sub-type one of
ACLED's pairs; modality one of the six; dates YYYY-MM-DD with from <= to; place precision.
Prints one line per problem and exits 1 when there is any.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEWS = ROOT.parent / "shared/data/news/dpgmedia2019-nl.jsonl"
MODALITIES = {"asserted", "claimed", "future", "hypothetical", "negated", "generic"}
SPLITS = {"dev", "test", "frozen-test"}
PRECISIONS = {"exact", "region", "country"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EVENT_KEYS = {
    "id",
    "anchor",
    "trigger",
    "mentions",
    "type",
    "sub_type",
    "modality",
    "background",
    "place",
    "date",
    "actor1",
    "actor2",
    "fatalities",
    "note",
}


def acled_sub_types() -> dict[str, tuple[str, ...]]:
    """ACLED's event types and sub-types, read from kroniek's table without importing kroniek."""
    spec = importlib.util.spec_from_file_location("acled_table", ROOT / "src/kroniek/acled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.SUB_TYPES)


def load_articles(path: Path) -> dict[int, dict]:
    articles = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                articles[int(d["id"])] = d
    return articles


def check_place(place: object, where: str) -> list[str]:
    if place is None:
        return []
    if not isinstance(place, dict):
        return [f"{where}: place must be an object or null"]
    problems = []
    for key in ("name", "lat", "lon", "precision", "country_code"):
        if key not in place:
            problems.append(f"{where}: place lacks {key!r}")
    if place.get("precision") not in PRECISIONS:
        problems.append(
            f"{where}: place precision {place.get('precision')!r} not in {sorted(PRECISIONS)}"
        )
    if place.get("precision") == "exact" and not isinstance(place.get("geonameid"), int):
        problems.append(f"{where}: an exact place needs its GeoNames id")
    for key, bound in (("lat", 90), ("lon", 180)):
        value = place.get(key)
        if not isinstance(value, (int, float)) or abs(value) > bound:
            problems.append(f"{where}: place {key} {value!r} is not a coordinate")
    return problems


def check_date(date: object, where: str) -> list[str]:
    if date is None:
        return []
    if not isinstance(date, dict) or set(date) != {"from", "to"}:
        return [f"{where}: date must be {{'from': ..., 'to': ...}} or null"]
    problems = [
        f"{where}: date {k} {date[k]!r} is not YYYY-MM-DD"
        for k in ("from", "to")
        if not isinstance(date[k], str) or not DATE.match(date[k])
    ]
    if not problems and date["from"] > date["to"]:
        problems.append(f"{where}: date from {date['from']} is after to {date['to']}")
    return problems


def check_event(
    event: dict, text: str, sub_types: dict[str, tuple[str, ...]], where: str
) -> list[str]:
    problems = [f"{where}: unknown key {k!r}" for k in event if k not in EVENT_KEYS]
    for key in ("anchor", "trigger", "type", "sub_type"):
        if not isinstance(event.get(key), str) or not event.get(key):
            problems.append(f"{where}: {key} must be a non-empty string")
    if problems:
        return problems
    if event["anchor"] not in text:
        problems.append(f"{where}: anchor is not in the article text: {event['anchor']!r}")
    if event["trigger"] not in event["anchor"]:
        problems.append(f"{where}: trigger {event['trigger']!r} is not inside the anchor")
    mentions = event.get("mentions", [])
    if not isinstance(mentions, list):
        problems.append(f"{where}: mentions must be a list")
        mentions = []
    for m in mentions:
        if not isinstance(m, str) or m not in text:
            problems.append(f"{where}: mention is not in the article text: {m!r}")
    if event["type"] not in sub_types:
        problems.append(f"{where}: type {event['type']!r} is not an ACLED event type")
    elif event["sub_type"] not in sub_types[event["type"]]:
        problems.append(
            f"{where}: sub_type {event['sub_type']!r} is not a sub-type of {event['type']!r}"
        )
    if event.get("modality", "asserted") not in MODALITIES:
        problems.append(f"{where}: modality {event.get('modality')!r} not in {sorted(MODALITIES)}")
    if not isinstance(event.get("background", False), bool):
        problems.append(f"{where}: background must be true or false")
    for key in ("actor1", "actor2"):
        value = event.get(key, [])
        if not isinstance(value, list) or not all(isinstance(a, str) and a for a in value):
            problems.append(f"{where}: {key} must be a list of names")
    fatalities = event.get("fatalities")
    if fatalities is not None and (
        not isinstance(fatalities, int) or isinstance(fatalities, bool) or fatalities < 0
    ):
        problems.append(f"{where}: fatalities must be a count or null")
    return problems + check_place(event.get("place"), where) + check_date(event.get("date"), where)


def check_file(
    path: Path, articles: dict[int, dict], sub_types: dict[str, tuple[str, ...]]
) -> list[str]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        return [f"{path}: not readable JSON ({err})"]
    if (
        not isinstance(gold, dict)
        or not isinstance(gold.get("article"), dict)
        or not isinstance(gold.get("events"), list)
    ):
        return [f"{path}: needs an 'article' object and an 'events' list"]
    problems = []
    if gold.get("split") not in SPLITS:
        problems.append(f"{path}: split {gold.get('split')!r} not in {sorted(SPLITS)}")
    meta = gold["article"]
    article = articles.get(meta.get("id")) if isinstance(meta.get("id"), int) else None
    if article is None:
        return problems + [f"{path}: article id {meta.get('id')!r} is not in the news file"]
    if path.stem != str(meta["id"]):
        problems.append(f"{path}: file name does not match article id {meta['id']}")
    text = article["text"]
    expected = {
        "title": article["title"],
        "published": article["published_at"][:10],
        "chars": len(text),
    }
    for key, value in expected.items():
        if meta.get(key) != value:
            problems.append(
                f"{path}: article {key} {meta.get(key)!r}, the news file says {value!r}"
            )
    events = gold["events"]
    if meta.get("no_event", False) and events:
        problems.append(f"{path}: 'no_event' is true but 'events' is not empty")
    # Round-1 files (split dev/test) predate `no_event` and are read with its default.
    if not events and "no_event" not in meta and gold.get("split") == "frozen-test":
        problems.append(f"{path}: no events, so the article needs 'no_event': true")
    if not events and meta.get("no_event") is False:
        problems.append(f"{path}: no events, but 'no_event' is false")
    ids = [e.get("id") for e in events if isinstance(e, dict)]
    if len(set(ids)) != len(ids):
        problems.append(f"{path}: event ids repeat")
    for i, event in enumerate(events):
        if not isinstance(event, dict):
            problems.append(f"{path}: event {i} is not an object")
            continue
        problems += check_event(event, text, sub_types, f"{path}:{event.get('id', i)}")
    return problems


def main(argv: list[str]) -> int:
    args = list(argv)
    news = NEWS
    if "--news" in args:
        i = args.index("--news")
        news = Path(args[i + 1])
        del args[i : i + 2]
    folder = Path(args[0]) if args else ROOT / "gold/events-nl"
    if not folder.is_dir():
        print(f"Error: {folder} is not a folder of gold files", file=sys.stderr)
        return 2
    articles = load_articles(news)
    sub_types = acled_sub_types()
    files = sorted(folder.glob("*.json"))
    problems = [p for f in files for p in check_file(f, articles, sub_types)]
    for p in problems:
        print(p)
    print(f"{len(files)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
