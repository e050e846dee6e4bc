"""`kroniek batch`: the full pipeline over files or folders on Dask, written as Parquet."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

__all__ = ["register"]


def batch_command(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT...", help="Files, folders or URLs (JSONL, text, HTML, feeds, WARC)."
    ),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder for the Parquet tables."),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="An existing Dask scheduler, tcp://HOST:PORT."
    ),
    workers: int = typer.Option(
        2, "--workers", "-w", min=1, help="Worker processes of the local cluster (1 thread each)."
    ),
    partition_size: int = typer.Option(
        64, "--partition-size", min=1, help="Articles per partition (one Dask task each)."
    ),
    lang: str | None = typer.Option(None, "--lang", help="nl or en; detected when omitted."),
    retries: int = typer.Option(2, "--retries", min=0, help="Retries of a failed partition."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    mode: str | None = typer.Option(
        None, "--mode", envvar="KRONIEK_MODE", help="fast or accurate NER (default: fast)."
    ),
) -> None:
    """Analyse many articles on a Dask cluster and write Parquet tables to --out.

    One table per record type (articles, entities, places, quotes, claims, events), each a
    folder of part-*.parquet files that DuckDB, pandas and Spark read directly. A rerun
    skips the partitions already finished; load the result into a store with
    `kroniek ingest --from-parquet DIR`. Exit code 1 when any item or partition failed.

    Example:  kroniek batch news.jsonl archive.warc.gz --out out/ --workers 2
    """
    from kroniek.batch import run_batch
    from kroniek.pipeline import use_mode

    use_mode(mode)  # workers inherit $KRONIEK_MODE
    progress, update = _progress(quiet)
    with progress:
        report = run_batch(
            inputs, out, scheduler=scheduler, workers=workers,
            partition_size=partition_size, lang=lang, retries=retries, progress=update,
        )
    _summary(report, out)
    if not report.ok:
        raise typer.Exit(1)


def _progress(quiet: bool) -> tuple[Any, Any]:
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(
        SpinnerColumn(), TextColumn("[bold]batch[/bold] {task.fields[status]}"),
        TimeElapsedColumn(), console=Console(stderr=True), disable=quiet, transient=False,
    )
    task = progress.add_task("batch", total=None, status="starting the cluster")

    def update(report: Any) -> None:
        status = (
            f"{report.articles} articles · {report.partitions} partitions done · "
            f"{report.skipped} skipped · {len(report.failed)} failed · "
            f"{len(report.item_errors)} item errors"
        )
        progress.update(task, status=status)

    return progress, update


def _summary(report: Any, out: Path) -> None:
    for part_id, why in report.failed.items():
        print(f"failed partition {part_id}: {why}", file=sys.stderr)
    for err in report.item_errors[:50]:
        print(f"skipped: {err}", file=sys.stderr)
    if len(report.item_errors) > 50:
        print(f"... and {len(report.item_errors) - 50} more", file=sys.stderr)
    rate = report.articles / report.seconds if report.seconds else 0.0
    print(
        f"{report.articles} articles in {report.partitions} partitions "
        f"({report.skipped} skipped as finished), {len(report.failed)} partitions failed, "
        f"{len(report.item_errors)} item errors; {report.seconds:.1f} s, "
        f"{rate:.1f} articles/s -> {out}",
        file=sys.stderr,
    )
    (Path(out) / "_report.json").write_text(json.dumps(report.to_json(), indent=1))


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_command)
