"""`kroniek export`: the chronicle as ACLED CSV, GeoJSON, JSON Lines or Parquet."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

__all__ = ["register"]

DB_HELP = "Store: a SQLite file or postgresql:// URL (default: user data folder, or $KRONIEK_DB)."


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    jsonl = "jsonl"
    parquet = "parquet"


def export_command(
    fmt: ExportFormat = typer.Option(
        ExportFormat.acled_csv, "--format", "-f", help="acled-csv, geojson, jsonl or parquet."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Write here (default: standard output; Parquet needs a file)."),
) -> None:
    """Export every incident of the chronicle, one record per incident, with its evidence.

    The ACLED CSV has ACLED's columns (event_id_cnty ... timestamp) and then kroniek's
    evidence columns (reports, claims, sources, fatality claims, sentences).

    Example: kroniek export --format acled-csv --db kroniek.sqlite --out chronicle.csv
    """
    from kroniek.errors import InputError, ResourceError
    from kroniek.export import incidents_from_store, write_export
    from kroniek.store import open_store

    if fmt == ExportFormat.parquet and out is None:
        raise InputError("Parquet is binary: it needs a file", source="--out",
                         hint="add --out chronicle.parquet")
    if db is not None and not str(db).startswith(("postgres://", "postgresql://")) \
            and not Path(db).exists():
        raise ResourceError(f"no store at {db}", source=db,
                            hint="ingest articles first: kroniek ingest PATH --db " + str(db))
    with open_store(db) as store:
        incidents = incidents_from_store(store)
    n = write_export(incidents, fmt=fmt.value, out=out, stream=sys.stdout)
    if out is not None:
        print(f"{n} incidents written to {out}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
