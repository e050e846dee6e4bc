"""`kroniek ingest`: articles into the store. The commands that read it are in `query`."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from kroniek.readers.base import Article

__all__ = ["ingest_articles", "item_failure", "register"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

DB_HELP = "Store: a SQLite file or postgresql:// URL (default: user data folder, or $KRONIEK_DB)."


def _count_items(paths: list[str]) -> int | None:
    """How many articles the inputs hold, when cheap to tell (files of lines); else None."""
    total = 0
    for p in paths:
        path = Path(p)
        if p == "-" or not path.is_file():
            return None
        if path.suffix.lower() in {".jsonl", ".ndjson"}:
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        elif path.suffix.lower() in {".txt", ".text", ""}:
            total += 1
        else:
            return None
    return total


def ingest_articles(
    paths: list[str], *, db: str | None, lang: str | None = None, show_progress: bool = True
) -> dict[str, Any]:
    """Read, analyse and store articles; returns counts and the item errors.

    Each article is stored in its own transaction, so an interrupted run keeps what it
    stored and a rerun skips it by content hash before analysing it again.
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from kroniek.analysis import analyze_articles
    from kroniek.readers import ItemError, read_inputs
    from kroniek.store import open_store

    errors: list[ItemError] = []
    counts = {"added": 0, "duplicates": 0, "failed": 0}
    store = open_store(db)
    progress = Progress(
        TextColumn("[bold]ingest[/bold]"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
        transient=False, disable=not show_progress, console=_stderr_console(),
    )
    try:
        with progress:
            task = progress.add_task("ingest", total=_count_items(paths), status="")
            from kroniek.readers.feeds import skip_stored_urls

            skip_stored_urls(store)  # feed items already stored are not fetched again

            def fresh() -> Iterator[Article]:
                """The articles not stored yet; the others are counted as they pass."""
                for article in read_inputs(paths, on_error=errors.append):
                    if store.has(article.identity()):
                        counts["duplicates"] += 1
                        progress.update(task, advance=1, status=_status(counts, errors))
                    else:
                        yield article

            # Several at a time (faster); each is stored in its own transaction.
            for article, doc in analyze_articles(fresh(), lang=lang):
                if isinstance(doc, Exception):  # reported and skipped; a rerun retries it
                    errors.append(ItemError(article.source, item_failure(doc)))
                elif (outcome := _store_one(store, doc, article, errors)) == "added":
                    counts["added"] += 1  # with its story row (near-duplicates join one)
                elif outcome == "duplicates":
                    counts["duplicates"] += 1
                progress.update(task, advance=1, status=_status(counts, errors))
    except KeyboardInterrupt:
        print(f"Interrupted after {_status(counts, errors)}", file=sys.stderr)
        raise
    finally:
        store.close()
    counts["failed"] = len(errors)
    return {**counts, "errors": [str(e) for e in errors]}


def item_failure(exc: BaseException) -> str:
    """One line for an article that could not be analysed or stored."""
    from kroniek.errors import KroniekError

    if isinstance(exc, KroniekError):
        return exc.message + (f" (hint: {exc.hint})" if exc.hint else "")
    log.warning("article failed", exc_info=exc)  # the traceback for whoever debugs it
    first = str(exc).splitlines()[0][:200] if str(exc) else ""
    return (f"analysis failed ({type(exc).__name__}: {first}) "
            "(hint: a bug in kroniek: please report it with this article)")


def _store_one(store: Any, doc: Any, article: Article, errors: list[Any]) -> str:
    """Store one analysed article: "added", "duplicates", or "failed" (then the failure
    is in `errors`). A store that is gone (StoreError) stops the run."""
    from kroniek.errors import StoreError
    from kroniek.readers import ItemError

    try:
        added = store.add(doc, content_hash=article.identity(), source=article.source)
    except StoreError:
        raise
    except Exception as exc:  # a value the database refuses: this article only
        errors.append(ItemError(article.source, f"not stored ({type(exc).__name__}: "
                                                f"{str(exc).splitlines()[0][:200]})"))
        return "failed"
    return "added" if added else "duplicates"


def _status(counts: dict[str, int], errors: list[Any]) -> str:
    return f"added {counts['added']} · duplicates {counts['duplicates']} · failed {len(errors)}"


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def ingest_command(
    paths: list[str] = typer.Argument(
        None, metavar="PATH...", help="Files, folders, URLs, or - for stdin."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    lang: str | None = typer.Option(None, "--lang", help="nl or en; detected when omitted."),
    from_parquet: Path | None = typer.Option(
        None, "--from-parquet", help="Load the Parquet output of `kroniek batch` instead."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    mode: str | None = typer.Option(
        None, "--mode", envvar="KRONIEK_MODE", help="fast or accurate NER (default: fast)."
    ),
) -> None:
    """Analyse articles into the store, skipping those already stored.

    Reads plain and dated text, JSONL (one article per line), HTML, RSS/Atom feeds and WARC.
    Interrupt it at any time: a rerun resumes where it stopped.

    Example:  kroniek ingest news.jsonl --db chronicle.sqlite
    """
    from kroniek.cli import fail
    from kroniek.pipeline import use_mode

    use_mode(mode)
    if from_parquet is not None:
        from kroniek.batch import load_parquet_into_store
        from kroniek.store import open_store

        store = open_store(db)
        try:
            result = load_parquet_into_store(from_parquet, store)
        finally:
            store.close()
        print(json.dumps(result), file=sys.stderr)
        return
    if not paths:
        raise fail("no input given", hint="kroniek ingest FILE... (or - for stdin)")
    result = ingest_articles(paths, db=db, lang=lang, show_progress=not quiet)
    for err in result["errors"][:50]:
        print(f"skipped: {err}", file=sys.stderr)
    if len(result["errors"]) > 50:
        print(f"... and {len(result['errors']) - 50} more", file=sys.stderr)
    print(
        f"added {result['added']}, duplicates {result['duplicates']}, "
        f"failed {result['failed']}",
        file=sys.stderr,
    )
    if result["failed"]:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
