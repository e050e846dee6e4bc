"""What the query commands share: the store options and writing rows out.

- `open_reading_store`: the store at `--db` (or the default); a path that does not exist
  is an error naming it, unless `--create` asks for a new, empty store.
- `emit`: rows to standard output (or `--out`) as a table for people — a few columns that
  fit 80 columns, wrapped at words — or, for machines, CSV with the JSON's fields, one JSON
  array, JSON Lines or Parquet. How many rows matched in all goes to standard error.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

__all__ = [
    "CREATE",
    "DB",
    "DB_HELP",
    "FORMAT",
    "LIMIT",
    "OFFSET",
    "OUT",
    "Column",
    "RowFormat",
    "emit",
    "open_reading_store",
    "page_size",
]

DB_HELP = "Store: a SQLite file or postgresql:// URL (default: user data folder, or $KRONIEK_DB)."
# Rows a table shows unless --limit says otherwise; machine formats get every row.
TABLE_ROWS = 50


class RowFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


DB = typer.Option(None, "--db", help=DB_HELP)
CREATE = typer.Option(False, "--create", help="Create an empty store if there is none at --db.")
FORMAT = typer.Option(
    RowFormat.table, "--format", "-f",
    help="table (for people), json (one array), jsonl (one object a line), csv or parquet.")
OUT = typer.Option(None, "--out", "-o", help="Write here instead of standard output "
                                             "(Parquet needs a file).")
LIMIT = typer.Option(None, "--limit", min=1, max=10_000_000,
                     help=f"At most this many rows (default: {TABLE_ROWS} in a table, all "
                          "otherwise).")
OFFSET = typer.Option(0, "--offset", min=0, help="Skip this many rows first.")


def page_size(limit: int | None, fmt: RowFormat) -> int:
    if limit is not None:
        return limit
    return TABLE_ROWS if fmt is RowFormat.table else 10_000_000


def open_reading_store(db: str | None, *, create: bool = False) -> Any:
    """The store to read; `ResourceError` when a SQLite path does not exist (no silent
    empty store from a mistyped `--db`), unless `create`."""
    from kroniek.errors import ResourceError
    from kroniek.store import default_store_path, open_store

    if db is not None and str(db).startswith(("postgresql://", "postgres://")):
        return open_store(db)
    path = Path(db) if db is not None else default_store_path()
    if not path.exists() and not create:
        raise ResourceError(
            f"no store at {path}", source="--db" if db is not None else "store",
            hint=f"check the path; fill one with: kroniek ingest FILE --db {path} "
                 "(or add --create for an empty store)")
    if path.is_dir():
        raise ResourceError(f"{path} is a folder, not a store", source="--db",
                            hint="give the store's file, e.g. --db chronicle.sqlite")
    return open_store(path)


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: the row's key, its heading, and whether it may wrap."""

    key: str
    title: str = ""
    wrap: bool = True
    max_width: int | None = None


def emit(rows: list[dict[str, Any]], *, fmt: RowFormat, columns: list[Column],
         total: int | None = None, noun: str = "rows", out: Path | None = None,
         offset: int = 0, fields: list[str] | None = None) -> None:
    """Write `rows` as `fmt`; say on stderr how many of how many matching were written."""
    if fmt is RowFormat.table:
        if out is not None:
            from kroniek.errors import InputError

            raise InputError("a table is for the screen", source="--out",
                             hint="add --format csv, json, jsonl or parquet")
        _table(rows, columns)
    else:
        from kroniek.export import write_records

        write_records(rows, fmt=fmt.value, out=out, stream=sys.stdout, fields=fields)
    _summary(len(rows), total, noun, offset=offset, out=out)


def _summary(shown: int, total: int | None, noun: str, *, offset: int,
             out: Path | None) -> None:
    where = f" to {out}" if out is not None else ""
    if shown == 0 and not offset:
        print(f"no {noun} match these filters", file=sys.stderr)
    elif total is None or total == shown and not offset:
        print(f"{shown} {noun}{where}", file=sys.stderr)
    else:
        first = offset + 1 if shown else offset
        more = " (--limit/--offset for more)" if offset + shown < total else ""
        print(f"{noun} {first}-{offset + shown} of {total}{where}{more}", file=sys.stderr)


def _table(rows: list[dict[str, Any]], columns: list[Column]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for col in columns:
        table.add_column(col.title or col.key, no_wrap=not col.wrap, overflow="ellipsis",
                         max_width=col.max_width)
    for row in rows:
        table.add_row(*(_text(row.get(c.key)) for c in columns))
    if rows:
        Console(soft_wrap=False).print(table)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).replace("\n", " ")
