"""`kroniek export`: the chronicle as ACLED CSV, GeoJSON, JSON Lines or Parquet; claims,
quotes, events and articles as CSV, JSON, JSON Lines or Parquet."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from kroniek.cli.output import DB, RowFormat, emit, open_reading_store

__all__ = ["register"]


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"
    json = "json"


class Records(StrEnum):
    incidents = "incidents"
    claims = "claims"
    quotes = "quotes"
    events = "events"
    articles = "articles"


# The formats each kind of record can be written as.
_INCIDENT_FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
_RECORD_FORMATS = ("csv", "json", "jsonl", "parquet")


def export_command(
    fmt: ExportFormat = typer.Option(
        ExportFormat.acled_csv, "--format", "-f",
        help="incidents: acled-csv, geojson, jsonl or parquet; other records: csv, json, "
             "jsonl or parquet."),
    records: Records = typer.Option(Records.incidents, "--records", "-r",
                                    help="What to export: incidents, claims, quotes, "
                                         "events (every report) or articles."),
    db: str | None = DB,
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Write here (default: standard output; Parquet needs a file)."),
) -> None:
    """Export every record of the store: the chronicle's incidents (one record per incident,
    with its evidence), or every claim, quote, event report or article.

    The ACLED CSV has ACLED's columns (event_id_cnty ... timestamp) and then kroniek's
    evidence columns (reports, claims, sources, fatality claims, sentences). GeoJSON keeps
    incidents without a place as features with a null geometry, and says how many.

    Example: kroniek export --format acled-csv --db kroniek.sqlite --out chronicle.csv
    """
    from kroniek.errors import InputError

    allowed = _INCIDENT_FORMATS if records is Records.incidents else _RECORD_FORMATS
    if fmt.value not in allowed:
        raise InputError(f"{records.value} cannot be written as {fmt.value}", source="--format",
                         hint="one of " + ", ".join(allowed))
    if fmt == ExportFormat.parquet and out is None:
        raise InputError("Parquet is binary: it needs a file", source="--out",
                         hint=f"add --out {records.value}.parquet")
    if records is not Records.incidents:
        _export_records(records, RowFormat(fmt.value), db=db, out=out)
        return
    from kroniek.export import incidents_from_store, unlocated, write_export

    with open_reading_store(db) as store:
        incidents = incidents_from_store(store)
    n = write_export(incidents, fmt=fmt.value, out=out, stream=sys.stdout)
    where = f" to {out}" if out is not None else ""
    missing = unlocated(incidents)
    if fmt == ExportFormat.geojson and missing:
        print(f"{n} incidents written{where}; {missing} without a resolved place have a "
              "null geometry", file=sys.stderr)
    else:
        print(f"{n} incidents written{where}", file=sys.stderr)


_LIST = {Records.claims: "list_claims", Records.quotes: "list_quotes",
         Records.events: "list_events", Records.articles: "list_articles"}


def _export_records(records: Records, fmt: RowFormat, *, db: str | None,
                    out: Path | None) -> None:
    with open_reading_store(db) as store:
        method = getattr(store, _LIST[records])
        rows = method(limit=100_000_000)
    emit(rows, fmt=fmt, out=out, noun=records.value, columns=[])


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
