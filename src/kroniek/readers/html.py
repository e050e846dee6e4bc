"""HTML pages and folders of them: main text, title, date and outlet via trafilatura.

One page is one article. Boilerplate (menus, footers, cookie banners) is dropped by
trafilatura; a page where nothing is left is reported as an item error, not analysed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kroniek.errors import DateHeaderError, EmptyInputError, InputTooLargeError, RecordError
from kroniek.readers.base import Article, ItemError, OnError
from kroniek.readers.text import MAX_BYTES, parse_published

__all__ = [
    "MIN_CHARS",
    "RawPage",
    "extract_html",
    "extract_page",
    "is_html",
    "looks_like_html",
    "read_html_path",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# A page whose main text is shorter than this holds no article (an index page, a paywall
# stub, an error page). Chosen by hand: the shortest real news briefs run to ~150 chars.
MIN_CHARS = 80

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_HEADS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of a document are HTML (not a feed, not XML data)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<?xml"):
        return b"<html" in start[:1024]
    return start.startswith(_HTML_HEADS) or (start.startswith(b"<!--") and b"<html" in start)


def is_html(path: Path, head: bytes) -> bool:
    return path.suffix.lower() in _HTML_SUFFIXES or looks_like_html(head)


def _published(date: str | None, *, source: str) -> str | None:
    if not date:
        return None
    try:
        return parse_published(date, source=source)[0]
    except DateHeaderError:
        return None


def extract_html(data: bytes | str, *, source: str, url: str | None = None) -> Article:
    """One article from an HTML page; `EmptyInputError` when the page holds no text."""
    import trafilatura

    if len(data) > MAX_BYTES:
        raise InputTooLargeError(
            f"{len(data) / 1e6:.1f} MB page is over the {MAX_BYTES // (1024 * 1024)} MB limit",
            source=source,
        )
    try:
        doc = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        raise RecordError(f"unreadable HTML ({type(exc).__name__}: {exc})", source=source) from None
    doc_: Any = doc  # a trafilatura Document (a dict only with as_dict=True)
    text = (getattr(doc_, "text", None) or "").strip()
    if len(text) < MIN_CHARS:
        raise EmptyInputError(
            "no article text found in the page",
            source=source,
            hint="the page may be an index, a paywall or rendered by JavaScript",
        )
    doc = doc_
    title = (doc.title or "").strip() or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :].lstrip()  # the headline repeated as the first line
    page_url = doc.url or url
    outlet = doc.sitename or doc.hostname or (urlsplit(page_url).hostname if page_url else None)
    return Article(
        text=text,
        source=source,
        title=title,
        url=page_url,
        published=_published(doc.date, source=source),
        outlet=outlet,
    )


@dataclass(slots=True)
class RawPage:
    """An HTML page not extracted yet: `kroniek batch` ships these to its workers so the
    extraction (the costly part of reading an archive) runs in parallel too."""

    body: bytes
    source: str
    url: str | None = None

    def identity(self) -> str:
        return hashlib.sha256(self.source.encode() + b"\0" + self.body).hexdigest()


def extract_page(page: RawPage, on_error: OnError) -> Article | None:
    """The page's article, or None after reporting why there is none."""
    try:
        return extract_html(page.body, source=page.source, url=page.url)
    except (EmptyInputError, RecordError, InputTooLargeError) as exc:
        on_error(ItemError(page.source, f"{page.url}: {exc.message}" if page.url else exc.message))
        return None


def read_html_path(path: Path, on_error: OnError) -> Iterator[Article]:
    """The article in one HTML file (folders are expanded by `read_inputs`)."""
    try:
        yield extract_html(path.read_bytes(), source=str(path))
    except (EmptyInputError, RecordError, InputTooLargeError) as exc:
        on_error(ItemError(str(path), exc.message))
