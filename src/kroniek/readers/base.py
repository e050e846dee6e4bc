"""The `Article` record every reader yields, and the dispatcher over inputs."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kroniek.errors import InputError, UnsupportedFormatError

__all__ = ["Article", "ItemError", "Reader", "read_inputs", "register_reader"]


@dataclass(slots=True)
class Article:
    """One article as read, before analysis."""

    text: str
    source: str  # the input it came from: a path, "-", a URL, "file.jsonl:12"
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as given: ISO date, partial date, or RFC 2822
    outlet: str | None = None
    external_id: str | None = None

    def identity(self) -> str:
        """SHA-256 identifying the article: its id or URL, title and text (white space
        folded). Two records with the same text but different ids (a letter printed in two
        editions) are two articles; the same record read twice is one."""
        key = [self.external_id or self.url or "", self.title or "", " ".join(self.text.split())]
        return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class ItemError:
    """A broken item inside a collection input; the run goes on and reports it."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.source + (f", line {self.line}" if self.line is not None else "")
        return f"{where}: {self.message}"


OnError = Callable[[ItemError], None]
Reader = Callable[[Path, OnError], Iterator[Article]]

# (name, matches(path, head_bytes), reader). Checked in order; the first match reads.
_READERS: list[tuple[str, Callable[[Path, bytes], bool], Reader]] = []


def register_reader(
    name: str, matches: Callable[[Path, bytes], bool], reader: Reader, *, first: bool = False
) -> None:
    entry = (name, matches, reader)
    if first:
        _READERS.insert(0, entry)
    else:
        _READERS.append(entry)


def _raise(err: ItemError) -> None:
    raise InputError(err.message, source=err.source, line=err.line)


def _expand(paths: Iterable[str]) -> Iterator[Path | str | None]:
    for p in paths:
        if p == "-":
            yield None
            continue
        if p.startswith(("http://", "https://")):
            yield p  # a URL: a feed or a page, fetched by readers.feeds
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield child
        elif path.exists():
            yield path
        else:
            raise InputError(
                "no such file or folder", source=p, hint="check the path, or use - for stdin"
            )


def read_inputs(paths: Iterable[str], *, on_error: OnError | None = None) -> Iterator[Article]:
    """Articles from files, folders (recursively) and `-` (standard input).

    `on_error` receives broken items of collection inputs; without it they raise.
    """
    from kroniek.readers import formats  # registers the readers

    formats.ensure_registered()
    handler = on_error or _raise
    for path in _expand(paths):
        if path is None:
            from kroniek.readers.text import read_stdin

            yield from read_stdin()
            continue
        if isinstance(path, str):
            from kroniek.readers.feeds import read_url

            yield from read_url(path, handler)
            continue
        with path.open("rb") as fh:
            head = fh.read(4096)
        for _name, matches, reader in _READERS:
            if matches(path, head):
                yield from reader(path, handler)
                break
        else:
            raise UnsupportedFormatError(
                "cannot tell what kind of input this is",
                source=str(path),
                hint="kroniek reads text, dated text, JSONL, HTML, RSS/Atom and WARC",
            )


def read_stdin_bytes() -> bytes:
    return sys.stdin.buffer.read()
