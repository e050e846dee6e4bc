"""Plain text, the dated text format, JSONL and standard input.

The dated text format (the reference article's): the text opens with ` date YYYY[-MM[-DD]] `
and the article follows on the same line. The header becomes `published` with its
precision and is not part of the analysed text.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kroniek.errors import (
    BinaryInputError,
    DateHeaderError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    RecordError,
)
from kroniek.readers.base import Article, ItemError, OnError, display_name

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "check_length",
    "decode_text",
    "parse_dated_text",
    "parse_published",
    "read_jsonl",
    "read_jsonl_path",
    "read_stdin",
    "read_text_file",
    "read_text_path",
]

# One article is at most this large. Longer news articles are ~100 kB; a bigger input is
# almost always a wrong file (a dump, a binary). Collections (JSONL, WARC) stream instead.
MAX_BYTES = 10 * 1024 * 1024
# And its text at most this many characters, however it comes (file, JSONL line, page,
# library call, API): ~10x the longest news article, analysed in seconds (kroniek bench
# --scaling: time grows linearly with the text).
MAX_CHARS = 1_000_000

_DATE_HEADER = re.compile(r"\A\s*date\s+(\S+)\s+", re.IGNORECASE)
_ISO_PARTIAL = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")


def decode_text(data: bytes, *, source: str) -> str:
    """Bytes to text, refusing empty, binary, oversized and non-UTF-8 input."""
    if len(data) > MAX_BYTES:
        raise InputTooLargeError(
            f"{len(data) / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit "
            "for one article",
            source=source,
            hint="split it, or put many articles in a JSONL file (one per line)",
        )
    encoding = "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data[:4096]):
        encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-16-le"
        if _looks_utf16(data[:4096]) == "be":
            encoding = "utf-16-be"
    elif b"\x00" in data:  # anywhere: a NUL in the middle is as binary as one at the start
        raise BinaryInputError(
            "binary data (NUL bytes), not text",
            source=source,
            hint="give a text, JSONL, HTML, feed or WARC file",
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"not valid {encoding.upper().removesuffix('-SIG')} "
            f"(byte {exc.start}: {data[exc.start:exc.start + 1]!r})",
            source=source,
            hint="convert it first, e.g. iconv -f latin1 -t utf-8 FILE",
        ) from None
    if not text.strip():
        raise EmptyInputError("empty: no text to analyse", source=source,
                              hint="the file holds only white space; give the article's text")
    check_length(text, source=source)
    return text


def check_length(text: str, *, source: str) -> None:
    """InputTooLargeError when `text` is over `MAX_CHARS` characters."""
    if len(text) > MAX_CHARS:
        raise InputTooLargeError(
            f"{len(text):,} characters is over the limit of {MAX_CHARS:,} for one article",
            source=source,
            hint="split it into articles, e.g. one per line of a JSONL file",
        )


def _looks_utf16(head: bytes) -> str | None:
    """'le' or 'be' when the bytes are UTF-16 without a byte-order mark: mostly Latin
    text, so every other byte is NUL, on one side only."""
    if len(head) < 8 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "be"
    return None


def parse_published(value: str, *, source: str, line: int | None = None) -> tuple[str, str]:
    """A date as written (ISO, partial ISO, ISO datetime) → (value, precision)."""
    value = value.strip()
    m = _ISO_PARTIAL.match(value)
    if m:
        year, month, day = m.groups()
        try:
            if day:
                dt.date(int(year), int(month), int(day))
                return value, "day"
            if month:
                dt.date(int(year), int(month), 1)
                return value, "month"
            dt.date(int(year), 1, 1)  # year 0 is no year
            return value, "year"
        except ValueError:
            pass
    else:
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            return parsed.date().isoformat(), "day"
        except ValueError:
            pass
        try:
            from email.utils import parsedate_to_datetime

            return parsedate_to_datetime(value).date().isoformat(), "day"
        except (TypeError, ValueError, IndexError):
            pass
    raise DateHeaderError(
        f"unknown date {value!r}",
        source=source,
        line=line,
        hint="write dates as YYYY, YYYY-MM or YYYY-MM-DD",
    )


def parse_dated_text(text: str, *, source: str) -> tuple[str, str | None]:
    """Split a leading ` date ... ` header off: (article text, published or None)."""
    m = _DATE_HEADER.match(text)
    if not m:
        return text, None
    value, _precision = parse_published(m.group(1), source=source, line=1)
    body = text[m.end():]
    if not body.strip():
        raise EmptyInputError("only a date header, no article text", source=source)
    return body, value


def read_text_file(path: Path | str) -> Article:
    """One article from a plain or dated text file."""
    path = Path(path)
    source = display_name(path)
    # Read at most one byte past the limit: a size of 0 (/dev/zero, /proc) is not trusted.
    with path.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)
        size = max(len(data), os.fstat(fh.fileno()).st_size)
    if size > MAX_BYTES:
        raise InputTooLargeError(
            f"{size / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit for one "
            "article",
            source=source,
            hint="split it, or put many articles in a JSONL file (one per line)",
        )
    text = decode_text(data, source=source)
    body, published = parse_dated_text(text, source=source)
    return Article(text=body, source=source, published=published)


def read_text_path(path: Path, on_error: OnError) -> Iterator[Article]:
    yield read_text_file(path)


def read_stdin() -> Iterator[Article]:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    text = decode_text(data, source="<stdin>")
    if text.lstrip().startswith("{"):
        yield from _jsonl_lines(iter(text.splitlines()), "<stdin>", _raise_item)
        return
    body, published = parse_dated_text(text, source="<stdin>")
    yield Article(text=body, source="<stdin>", published=published)


def _raise_item(err: ItemError) -> None:
    raise RecordError(err.message, source=err.source, line=err.line, hint=err.hint)


# Field names seen in the wild for each Article field, most usual first.
_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "published": ("published", "published_at", "date", "date_publish", "pubdate", "datetime"),
    "outlet": ("outlet", "source", "publisher", "site_name", "source_domain"),
    "external_id": ("id", "article_id", "guid"),
}


def _pick(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for n in names:
        value = record.get(n)
        if value not in (None, ""):
            return value
    return None


def article_from_record(record: Any, *, source: str, line: int | None) -> Article:
    """A JSON object (one JSONL line) to an Article; RecordError when it cannot be one."""
    if not isinstance(record, dict):
        raise RecordError(
            f"expected a JSON object, got {type(record).__name__}", source=source, line=line
        )
    text = _pick(record, _FIELDS["text"])
    title = _pick(record, _FIELDS["title"])
    if (text is None or text == "") and isinstance(title, str) and title.strip():
        text = title  # a headline-only item (a cartoon, a photo): its title is its text
    if text in (None, "") and _pick(record, _FIELDS["external_id"]) is not None:
        text = ""  # an id and metadata without text: kept, so that nothing is lost
    elif not isinstance(text, str) or not text.strip():
        raise RecordError(
            "no article text",
            source=source,
            line=line,
            hint="put the text in a 'text' (or 'body') field",
        )
    published = _pick(record, _FIELDS["published"])
    if published is not None:
        published, _ = parse_published(str(published), source=source, line=line)
    return Article(
        text=text,
        source=f"{source}:{line}" if line is not None else source,
        title=_scalar(record, "title", source=source, line=line),
        url=_scalar(record, "url", source=source, line=line),
        published=published,
        outlet=_scalar(record, "outlet", source=source, line=line),
        external_id=_scalar(record, "external_id", source=source, line=line),
    )


def _scalar(record: dict[str, Any], field: str, *, source: str, line: int | None) -> str | None:
    """A metadata field as text: a string or number; an object or list is no URL."""
    value = _pick(record, _FIELDS[field])
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise RecordError(
            f"field {field!r} is a JSON {'object' if isinstance(value, dict) else 'array'}, "
            "not text",
            source=source,
            line=line,
            hint=f"give the {field} as a string",
        )
    return str(value)


def _jsonl_lines(lines: Iterator[str], source: str, on_error: OnError) -> Iterator[Article]:
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            on_error(ItemError(source, f"not JSON ({exc.msg} at column {exc.colno})", lineno,
                               hint="each line of a JSONL file is one JSON object"))
            continue
        except RecursionError:  # [[[[...]]]] 100,000 deep
            on_error(ItemError(source, "JSON nested too deeply to be an article", lineno,
                               hint="each line of a JSONL file is one flat JSON object"))
            continue
        try:
            yield article_from_record(record, source=source, line=lineno)
        except (RecordError, DateHeaderError) as exc:
            on_error(ItemError(source, exc.message, lineno, hint=exc.hint))


def read_jsonl(path: Path | str, *, on_error: OnError | None = None) -> Iterator[Article]:
    """Articles from a JSONL file, one per line, streamed."""
    path = Path(path)
    handler = on_error or _raise_item
    with path.open("rb") as fh:
        head = fh.read(65536)
        if b"\x00" in head:
            raise BinaryInputError("binary data (NUL bytes), not JSONL", source=str(path))
        fh.seek(0)

        def lines() -> Iterator[str]:
            for lineno, raw in enumerate(fh, start=1):
                if len(raw) > MAX_BYTES:
                    handler(ItemError(str(path), "line over the size limit", lineno))
                    yield ""
                    continue
                try:
                    yield raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    handler(ItemError(str(path), f"not valid UTF-8 (byte {exc.start})", lineno))
                    yield ""

        yield from _jsonl_lines(lines(), str(path), handler)


def read_jsonl_path(path: Path, on_error: OnError) -> Iterator[Article]:
    yield from read_jsonl(path, on_error=on_error)
