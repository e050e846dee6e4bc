"""The `Article` record every reader yields, and the dispatcher over inputs."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kroniek.doc import storable_text
from kroniek.errors import InputError, UnsupportedFormatError

__all__ = ["Article", "ItemError", "Reader", "display_name", "read_inputs", "register_reader"]


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

    def __post_init__(self) -> None:
        # A JSON "\ud800" escape, a NUL or a file name's undecodable bytes would break
        # hashing and storing: replaced one for one (offsets into the text hold).
        for name in ("text", "source", "title", "url", "published", "outlet", "external_id"):
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, storable_text(value))

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
    hint: str | None = None

    def __post_init__(self) -> None:
        self.source, self.message = storable_text(self.source), storable_text(self.message)

    def __str__(self) -> str:
        where = self.source + (f", line {self.line}" if self.line is not None else "")
        return f"{where}: {self.message}" + (f" (hint: {self.hint})" if self.hint else "")


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
    raise InputError(err.message, source=err.source, line=err.line, hint=err.hint)


def _expand(paths: Iterable[str]) -> Iterator[Path | str | None | InputError]:
    """Each input in turn: None for stdin, a URL, a file, or the error that it is not one."""
    for p in paths:
        if p == "-":
            yield None
            continue
        if p.startswith(("http://", "https://")):
            yield p  # a URL: a feed or a page, fetched by readers.feeds
            continue
        path = Path(p)
        try:
            if path.is_dir():
                for child in sorted(path.rglob("*")):
                    if not child.name.startswith("."):
                        yield child
                continue
            found = path.exists()
        except OSError as exc:  # a folder on the way that may not be entered
            yield InputError(f"cannot read it ({exc.strerror})", source=display_name(p),
                             hint="check that it exists and that you may read it")
            continue
        yield path if found else InputError(
            "no such file or folder", source=display_name(p),
            hint="check the path, or use - for stdin",
        )


def read_inputs(paths: Iterable[str], *, on_error: OnError | None = None) -> Iterator[Article]:
    """Articles from files, folders (recursively) and `-` (standard input).

    With `on_error`, an input that cannot be read (a missing, unreadable, binary or
    malformed file) and a broken item of a collection input are reported to it and the
    run goes on with the next; without it they raise.
    """
    from kroniek.readers import formats  # registers the readers

    formats.ensure_registered()
    handler = on_error or _raise
    for path in _expand(paths):
        try:
            if isinstance(path, InputError):
                raise path
            yield from _read_one(path, handler)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(ItemError(exc.source or display_name(path), exc.message, exc.line,
                               hint=exc.hint))


def display_name(path: Path | str | None | InputError) -> str:
    """How an input is named in messages: its path (undecodable bytes as U+FFFD)."""
    if path is None:
        return "<stdin>"
    return storable_text(str(path))


def _read_one(path: Path | str | None, handler: OnError) -> Iterator[Article]:
    if path is None:
        from kroniek.readers.text import read_stdin

        yield from read_stdin()
        return
    if isinstance(path, str):
        from kroniek.readers.feeds import read_url

        yield from read_url(path, handler)
        return
    name = display_name(path)
    try:
        if path.is_dir():
            return  # a folder met inside a folder: its files come on their own
        if not path.is_file():  # a FIFO blocks for ever, /dev/zero never ends
            raise InputError("not a regular file (a device, pipe or socket)", source=name,
                             hint="give it on standard input instead, as -")
        with path.open("rb") as fh:
            head = fh.read(4096)
        for _name, matches, reader in _READERS:
            if matches(path, head):
                yield from reader(path, handler)
                break
        else:
            raise UnsupportedFormatError(
                "cannot tell what kind of input this is",
                source=name,
                hint="kroniek reads text, dated text, JSONL, HTML, RSS/Atom and WARC",
            )
    except OSError as exc:  # unreadable (permissions), vanished, a disk error
        reason = exc.strerror or type(exc).__name__
        raise InputError(f"cannot read it ({reason})", source=name,
                         hint="check that it exists and that you may read it") from None


def read_stdin_bytes() -> bytes:
    return sys.stdin.buffer.read()
