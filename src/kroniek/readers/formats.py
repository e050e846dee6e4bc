"""Registration of the built-in readers, most specific first."""

from __future__ import annotations

from pathlib import Path

from kroniek.readers.base import register_reader

__all__ = ["ensure_registered"]

_done = False


def _is_jsonl(path: Path, head: bytes) -> bool:
    return path.suffix.lower() in {".jsonl", ".ndjson"} or (
        path.suffix.lower() == ".json" and head.lstrip()[:1] == b"{"
    )


def _is_text(path: Path, head: bytes) -> bool:
    return True  # the fallback: anything else is read as (dated) plain text


def ensure_registered() -> None:
    global _done
    if _done:
        return
    from kroniek.readers.text import read_jsonl_path, read_text_path

    register_reader("jsonl", _is_jsonl, read_jsonl_path)
    from kroniek.readers.feeds import is_feed, read_feed_path
    from kroniek.readers.html import is_html, read_html_path
    from kroniek.readers.warc import is_warc, read_warc_path

    register_reader("warc", is_warc, read_warc_path)
    register_reader("feed", is_feed, read_feed_path)
    register_reader("html", is_html, read_html_path)
    register_reader("text", _is_text, read_text_path)
    _done = True
