"""WARC and ARC archives (plain or gzipped), for example CC-NEWS: HTML responses extracted.

Records are streamed with warcio one at a time, so memory stays flat however large the
archive. Only `response` records (ARC: every record) with a 2xx HTML payload are read;
others are passed over silently (request, metadata, images). A truncated or corrupt
archive is reported as an item error naming the byte offset where reading stopped; the
articles before it are kept.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kroniek.readers.base import Article, ItemError, OnError, display_name
from kroniek.readers.html import RawPage, extract_page
from kroniek.readers.text import MAX_BYTES

__all__ = ["is_warc", "read_warc", "read_warc_path", "warc_pages"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_MAGIC = (b"WARC/", b"\x1f\x8b", b"filedesc://")
_SLACK = 4  # trailing newlines after the last record are not a truncation


def is_warc(path: Path, head: bytes) -> bool:
    name = path.name.lower()
    return name.endswith(_SUFFIXES) or head.startswith((b"WARC/", b"filedesc://"))


def _html_payload(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    http = record.http_headers
    if http is not None:
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        ctype = http.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    return "html" in ctype.lower()


def read_warc(path: Path | str, *, on_error: OnError) -> Iterator[Article]:
    """Articles from the HTML responses of a WARC/ARC file, streamed."""
    for page in warc_pages(path, on_error=on_error):
        article = extract_page(page, on_error)
        if article is not None:
            yield article


def warc_pages(path: Path | str, *, on_error: OnError) -> Iterator[RawPage]:
    """The HTML responses of a WARC/ARC file, not extracted yet, streamed."""
    from warcio.archiveiterator import ArchiveIterator

    path = Path(path)
    size = path.stat().st_size
    with path.open("rb") as fh:
        if not fh.read(16).startswith(_MAGIC):
            on_error(ItemError(str(path), "not a WARC or ARC archive (no WARC/ header)"))
            return
        fh.seek(0)
        records = ArchiveIterator(fh, arc2warc=True)
        offset = 0
        while True:
            try:
                record = next(records)
                html = _html_payload(record)
                url = record.rec_headers.get_header("WARC-Target-URI")
                body = record.content_stream().read(MAX_BYTES + 1 if html else -1)
                # Asked after the payload is read: asking earlier consumes it (gzip).
                offset = records.get_record_offset()
                missing = getattr(record.raw_stream, "limit", 0)
                if record.rec_headers.get_header("Content-Length") is None:
                    missing = 1  # headers cut off before their length: not a whole record
                if not html and not (isinstance(missing, int) and missing > 0):
                    continue  # a whole record that is not an HTML page
                if len(body) <= MAX_BYTES and isinstance(missing, int) and missing > 0:
                    # The file ended inside the record: a shortened page is no article.
                    on_error(ItemError(display_name(path), f"truncated record at byte {offset}: "
                                       f"{missing} of its {record.length} bytes are missing",
                                       hint="the archive was cut off; fetch it again"))
                    continue
            except StopIteration:
                # warcio ends quietly on a cut-off last record: bytes left over tell.
                if size - records.offset > _SLACK:
                    on_error(
                        ItemError(
                            str(path),
                            f"truncated or corrupt archive: {size - records.offset} bytes "
                            f"after byte {records.offset} are not a whole record",
                            hint="the archive is cut off or damaged; fetch or copy it again",
                        )
                    )
                return
            except Exception as exc:  # warcio raises ArchiveLoadFailed, EOFError, zlib.error
                on_error(
                    ItemError(
                        str(path),
                        f"truncated or corrupt archive after byte {offset} "
                        f"({type(exc).__name__}: {_short(exc)}); reading stopped there",
                        hint="the archive is cut off or damaged; fetch or copy it again",
                    )
                )
                return
            yield RawPage(body, f"{path}@{offset}", url)


def _short(exc: Exception) -> str:
    """The error's message without the raw bytes some warcio errors carry (up to 1 KB)."""
    text = " ".join(str(exc).split())
    return text if len(text) <= 120 else text[:117] + "..."


def read_warc_path(path: Path, on_error: OnError) -> Iterator[Article]:
    yield from read_warc(path, on_error=on_error)
