"""`kroniek bench`: end-to-end throughput, time per stage, memory, and Dask scaling."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

__all__ = ["register"]


def _workers(value: str) -> list[int]:
    try:
        counts = [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        counts = []
    if not counts or any(c < 1 for c in counts):
        from kroniek.errors import ConfigError

        raise ConfigError(f"--workers {value!r} is not a list of counts", hint="e.g. --workers 1,2")
    return counts


def _scaling(sizes_text: str, out: Path | None) -> None:
    from kroniek.scaling import scaling_report

    try:
        sizes = tuple(int(v) for v in sizes_text.split(",") if v.strip())
    except ValueError:
        sizes = ()
    if len(sizes) < 2 or any(s < 100 for s in sizes):
        from kroniek.errors import ConfigError

        raise ConfigError(f"--scaling {sizes_text!r} is not a list of two or more sizes",
                          hint="e.g. --scaling 10000,100000,1000000")
    report = scaling_report(sizes)
    kinds: dict[str, dict[str, object]] = report["kinds"]  # type: ignore[assignment]
    print("kind         " + "".join(f"{s:>12,}" for s in sizes) + "   slope  worst stage slope")
    for kind, row in kinds.items():
        secs: dict[str, float] = row["seconds"]  # type: ignore[assignment]
        stage_slopes: dict[str, float] = row["stage_slopes"]  # type: ignore[assignment]
        worst = max(stage_slopes.items(), key=lambda kv: kv[1], default=("-", 0.0))
        print(f"{kind:<13}" + "".join(f"{secs[str(s)]:>11.2f}s" for s in sizes)
              + f"  {row['slope']:>6.2f}  {worst[0]} {worst[1]:.2f}")
    if out is not None:
        out.write_text(json.dumps(report, indent=1))
        print(f"written to {out}", file=sys.stderr)


def bench_command(
    inputs: list[str] = typer.Option(
        None, "--input", "-i", help="Articles to measure on (default: the shared Dutch news)."
    ),
    limit: int | None = typer.Option(None, "--limit", "-n", min=1, help="At most N articles."),
    batch: bool = typer.Option(False, "--batch", help="Also measure the Dask path."),
    workers: str = typer.Option("1,2", "--workers", help="Worker counts for --batch: 1,2"),
    partition_size: int = typer.Option(32, "--partition-size", min=1, help="For --batch."),
    skip_single: bool = typer.Option(
        False, "--batch-only", help="With --batch: skip the single-process measurement."
    ),
    profile: int = typer.Option(
        0, "--profile", min=0, help="Also list the N functions taking most time (cProfile)."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write the results as JSON here."),
    mode: str | None = typer.Option(
        None, "--mode", envvar="KRONIEK_MODE", help="fast or accurate NER (default: fast)."
    ),
    modes: str = typer.Option(
        "", "--modes", help="Compare modes side by side, each in a fresh process: fast,accurate"
    ),
    ner: bool = typer.Option(True, "--ner/--no-ner", help="With --modes: NER F1 on CoNLL dev."),
    scaling: str = typer.Option(
        "", "--scaling", help="Only time pathological texts of these sizes (characters), "
        "e.g. 10000,100000,1000000, and report each stage's slope (1 = linear)."
    ),
) -> None:
    """Measure articles/s per core, words/s, time per stage and peak memory.

    With --batch, run `kroniek batch` on 1, 2, ... local workers over the same articles
    and report the speed-up and scaling efficiency. Prints a short table; --out writes all
    figures as JSON.

    With --modes fast,accurate, each mode runs in a fresh process and the table puts them
    side by side: articles/s per core, peak memory, cold start and end-to-end NER F1 on
    the CoNLL dev documents.

    With --scaling, time four pathological kinds of text (digits, quotes, repeated place
    names, long lines) at the given sizes instead: seconds and the slope of log time on
    log size, in all and per stage.

    Example:  kroniek bench --limit 500 --batch --workers 1,2 --out bench.json
    """
    if scaling:
        _scaling(scaling, out)
        return
    from rich.console import Console

    from kroniek.bench import DEFAULT_INPUT, bench_batch, bench_pipeline, environment, render_table
    from kroniek.errors import InputError

    paths = list(inputs or [str(DEFAULT_INPUT)])
    for p in paths:
        if not Path(p).exists() and not p.startswith(("http://", "https://")):
            raise InputError("no such file or folder", source=p, hint="give --input FILE")
    counts = _workers(workers)
    result: dict[str, object] = {"input": paths, "limit": limit, "environment": environment()}
    from kroniek.pipeline import resolve_mode, use_mode

    use_mode(mode)
    compared = [resolve_mode(m.strip()) for m in modes.split(",") if m.strip()]
    if compared:
        from kroniek.bench import bench_modes

        result["modes"] = bench_modes(paths, modes=compared, limit=limit, ner=ner)
    elif not (batch and skip_single):
        result["pipeline"] = bench_pipeline(paths, limit=limit)
    if profile:
        from kroniek.bench import profile_pipeline

        result["profile"] = profile_pipeline(paths, limit=limit, top=profile)
    if batch:
        result["batch"] = bench_batch(paths, workers=counts, limit=limit,
                                      partition_size=partition_size)
    Console(stderr=True).print(render_table(result))
    if out is not None:
        out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"results written to {out}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_command)
