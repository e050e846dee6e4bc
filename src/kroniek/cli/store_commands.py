"""Commands over the store: `ingest`, `events`, `quotes`, `places`, `search`, `articles`."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from kroniek.readers.base import Article

__all__ = ["ingest_articles", "register", "write_rows"]

DB_HELP = "Store: a SQLite file or postgresql:// URL (default: user data folder, or $KRONIEK_DB)."


class RowFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


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
    from kroniek.errors import KroniekError
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
            from kroniek.dedup import StoreVersions
            from kroniek.readers.feeds import skip_stored_urls

            skip_stored_urls(store)  # feed items already stored are not fetched again
            versions = StoreVersions.open(store)  # near-duplicates join their story

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
                if isinstance(doc, KroniekError):
                    errors.append(ItemError(article.source, doc.message))
                elif isinstance(doc, Exception):
                    raise doc
                elif store.add(doc, content_hash=(digest := article.identity()),
                               source=article.source):  # fmt: skip
                    counts["added"] += 1
                    if versions is not None:
                        versions.add(digest, article.text)
                else:
                    counts["duplicates"] += 1
                progress.update(task, advance=1, status=_status(counts, errors))
    finally:
        store.close()
    counts["failed"] = len(errors)
    return {**counts, "errors": [str(e) for e in errors]}


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
) -> None:
    """Analyse articles into the store, skipping those already stored.

    Reads plain and dated text, JSONL (one article per line), HTML, RSS/Atom feeds and WARC.
    Interrupt it at any time: a rerun resumes where it stopped.

    Example:  kroniek ingest news.jsonl --db chronicle.sqlite
    """
    from kroniek.cli import fail

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


def write_rows(rows: list[dict[str, Any]], columns: list[str], fmt: RowFormat) -> None:
    """Rows to stdout: a Rich table for people, JSON lines or CSV for machines."""
    if fmt is RowFormat.json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt is RowFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: _cell(r.get(c)) for c in columns} for r in rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table()
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        Console().print(table)
        if not rows:
            print("(no rows)", file=sys.stderr)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _query(kind: str, db: str | None, **filters: Any) -> list[dict[str, Any]]:
    from kroniek.store import open_store

    store = open_store(db)
    try:
        method = getattr(store, f"list_{kind}") if kind != "search" else store.search
        clean = {k: v for k, v in filters.items() if v is not None}
        if kind == "search":
            return list(method(clean.pop("text"), **clean))
        return list(method(**clean))
    finally:
        store.close()


FMT = typer.Option(RowFormat.table, "--format", "-f", help="table|json|csv")
LIMIT = typer.Option(50, "--limit", min=1, max=100000, help="At most this many rows.")


def events_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    type: str | None = typer.Option(None, "--type", help="ACLED event type or sub-type."),
    actor: str | None = typer.Option(None, "--actor", help="Actor name contains this."),
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    limit: int = LIMIT,
    format: RowFormat = FMT,
) -> None:
    """List the chronicle's events (merged across articles), newest first.

    Example:  kroniek events --type Battles --since 2025-01-01 --format csv
    """
    rows = _query("events", db, type=type, actor=actor, date_from=since, date_to=until,
                  limit=limit, merged=True)
    write_rows(rows, ["id", "date_from", "date_to", "type", "sub_type", "actor1", "actor2",
                      "location", "fatalities", "reports", "sources"], format)


def quotes_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    speaker: str | None = typer.Option(None, "--speaker", help="Speaker name contains this."),
    text: str | None = typer.Option(None, "--text", help="Quote text contains these words."),
    limit: int = LIMIT,
    format: RowFormat = FMT,
) -> None:
    """List stored quotes with their speakers.

    Example:  kroniek quotes --speaker Zelensky --format json
    """
    rows = _query("quotes", db, speaker=speaker, q=text, limit=limit)
    write_rows(rows, ["article_id", "kind", "speaker", "text"], format)


def places_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    name: str | None = typer.Option(None, "--name", help="Place name contains this."),
    limit: int = LIMIT,
    format: RowFormat = FMT,
) -> None:
    """List resolved places with their coordinates and how often they are mentioned.

    Example:  kroniek places --name Kyiv
    """
    rows = _query("places", db, name=name, limit=limit)
    write_rows(rows, ["name", "country_code", "lat", "lon", "precision", "role", "mentions"],
               format)


def search_command(
    text: str = typer.Argument(..., help="Words to search for (full-text)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    limit: int = LIMIT,
    format: RowFormat = FMT,
) -> None:
    """Full-text search over stored articles and quotes.

    Example:  kroniek search "drone aanval" --limit 10
    """
    rows = _query("search", db, text=text, limit=limit)
    write_rows(rows, ["kind", "article_id", "title", "snippet"], format)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("events")(events_command)
    app.command("quotes")(quotes_command)
    app.command("places")(places_command)
    app.command("search")(search_command)
