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

from kroniek.doc import storable_text
from kroniek.errors import (
    DateHeaderError,
    EmptyInputError,
    InputTooLargeError,
    RecordError,
    ResourceError,
)
from kroniek.readers.base import Article, ItemError, OnError, display_name
from kroniek.readers.text import MAX_BYTES, parse_published

__all__ = [
    "MAX_GARBLED",
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
    trafilatura = _trafilatura(source)
    if len(data) > MAX_BYTES:
        raise InputTooLargeError(
            f"{len(data) / 1e6:.1f} MB page is over the {MAX_BYTES // (1024 * 1024)} MB limit",
            source=source,
        )
    if isinstance(data, bytes) and b"\x00" in data[:65536]:
        raise RecordError("binary data (NUL bytes), not HTML", source=source,
                          hint="give an HTML page, or the right extension for the file")
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
    if _garbled(text):
        raise RecordError("not text: the page's characters are mostly undecodable or control "
                          "characters", source=source, hint="is it really an HTML page?")
    doc = doc_
    title = (doc.title or "").strip() or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :].lstrip()  # the headline repeated as the first line
    page_url = doc.url or url
    outlet = doc.sitename or doc.hostname or _hostname(page_url)
    return Article(
        text=text,
        source=source,
        title=title,
        url=page_url,
        published=_published(doc.date, source=source),
        outlet=outlet,
    )


def _trafilatura(source: str) -> Any:
    """trafilatura, or a ResourceError saying which package it misses (lxml 5.2 and later
    moved `lxml.html.clean` to the separate `lxml_html_clean`)."""
    try:
        import trafilatura
    except ImportError as exc:
        raise ResourceError(
            f"HTML, feeds and WARC cannot be read here ({' '.join(str(exc).split())})",
            source=source,
            hint=f"pip install {exc.name or 'trafilatura lxml_html_clean'}",
        ) from None
    return trafilatura


# Share of replacement and control characters over which "text" is decoded garbage (random
# bytes named .html): real pages in the DPG and GeoVirus sets have under 0.1%.
MAX_GARBLED = 0.1


def _garbled(text: str) -> bool:
    bad = sum(1 for ch in text if ch == "\ufffd" or (ch < " " and ch not in "\n\t\r"))
    return bad > MAX_GARBLED * len(text)


def _hostname(url: str | None) -> str | None:
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:  # "http://[::1": no host to name the outlet by
        return None


@dataclass(slots=True)
class RawPage:
    """An HTML page not extracted yet: `kroniek batch` ships these to its workers so the
    extraction (the costly part of reading an archive) runs in parallel too."""

    body: bytes
    source: str
    url: str | None = None

    def __post_init__(self) -> None:
        self.source = storable_text(self.source)  # a file name's undecodable bytes

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
    with path.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    try:
        yield extract_html(data, source=display_name(path))
    except (EmptyInputError, RecordError, InputTooLargeError) as exc:
        on_error(ItemError(display_name(path), exc.message, hint=exc.hint))
