"""Turn the hand annotations in src/batch*.py into one JSON file per article.

The annotations are written as text (content, cue and speaker as they appear in the
article); this script only finds their character offsets in the article text from
/work/shared/data/news/dpgmedia2019-nl.jsonl and fails loudly when a string is not found.
It never runs kroniek. Usage: python gold/quotes-nl/make_gold.py [DIR] [NEWS_JSONL]
(DIR defaults to gold/quotes-nl; gold/quotes-nl/heldout holds the held-out articles).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS = Path("/work/shared/data/news/dpgmedia2019-nl.jsonl")


def _load_annotations(where: Path) -> dict[int, list[tuple[str, ...]]]:
    ann: dict[int, list[tuple[str, ...]]] = {}
    for path in sorted((where / "src").glob("batch*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        ann.update(mod.ANN)
    return ann


def _whole_word(text: str, i: int, j: int) -> bool:
    """Whether text[i:j] is not part of a longer word ("ze" in "zei", "stellen" in "herstellen")."""
    return not (i > 0 and text[i - 1].isalnum()) and not (j < len(text) and text[j].isalnum())


def _nearest(text: str, needle: str, lo: int, hi: int, anchor: int) -> tuple[int, int] | None:
    """The occurrence of `needle` in text[lo:hi] closest to `anchor`, whole words first: an
    occurrence inside a longer word is taken only when there is no whole-word one."""
    best: tuple[bool, int, int] | None = None
    i = text.find(needle, max(0, lo))
    while i != -1 and i < hi:
        key = (not _whole_word(text, i, i + len(needle)),
               min(abs(i - anchor), abs(i + len(needle) - anchor)), i)
        if best is None or key < best:
            best = key
        i = text.find(needle, i + 1)
    return None if best is None else (best[2], best[2] + len(needle))


def build_article(rec: dict, items: list[tuple[str, ...]]) -> dict:
    text = rec["text"]
    quotes = []
    pos = 0
    for n, (kind, content, cue, mention, name) in enumerate(items):
        start = text.find(content, pos)
        if start == -1:
            start = text.find(content)
        if start == -1:
            raise SystemExit(f"{rec['id']} #{n}: content not found: {content[:60]!r}")
        end = start + len(content)
        pos = start + 1
        q: dict = {"kind": kind, "start": start, "end": end, "text": content, "cue": None,
                   "speaker": None}
        if cue:
            span = _nearest(text, cue, start - 300, end + 300, start)
            if span is None:
                raise SystemExit(f"{rec['id']} #{n}: cue not found: {cue!r}")
            q["cue"] = {"start": span[0], "end": span[1], "text": cue}
        names = [x for x in name.split("|") if x]
        if mention or names:
            sp: dict = {"name": names[0] if names else None, "aliases": names[1:],
                        "text": mention or None, "start": None, "end": None}
            if mention:
                span = _nearest(text, mention, start - 400, end + 400, start)
                if span is None:
                    raise SystemExit(f"{rec['id']} #{n}: speaker not found: {mention!r}")
                sp["start"], sp["end"] = span
            q["speaker"] = sp
        quotes.append(q)
    quotes.sort(key=lambda q: (q["start"], -q["end"]))
    return {"id": str(rec["id"]), "title": rec["title"], "published": rec.get("published_at"),
            "source": "dpgmedia2019-nl.jsonl", "lang": "nl", "text": text, "quotes": quotes}


def main() -> None:
    where = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    news = Path(sys.argv[2]) if len(sys.argv) > 2 else NEWS
    ann = _load_annotations(where)
    records = {}
    with news.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in ann:
                records[rec["id"]] = rec
    for art_id, items in ann.items():
        out = build_article(records[art_id], items)
        path = where / f"{art_id}.json"
        path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(ann)} articles, {sum(len(v) for v in ann.values())} quotes")


if __name__ == "__main__":
    main()
