"""Throughput and memory benchmarks: `kroniek bench` (not a test: no thresholds here).

`bench_pipeline` runs the default pipeline article by article in this process and
reports articles/s (wall and per CPU-second, i.e. per core), words/s, the share of time
per stage (`Pipeline.time_stages`), the model-loading time, peak memory (max RSS) and the
gazetteer's memory. `bench_batch` runs `kroniek batch` on LocalClusters of 1, 2, ...
workers over the same articles and reports throughput, speed-up and scaling efficiency
(speed-up / workers). Both return plain dicts, written as JSON by the command.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import platform
import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError
from kroniek.evaluation import shared_data_dir
from kroniek.readers.base import Article, ItemError

__all__ = [
    "DEFAULT_INPUT",
    "CpuTimed",
    "bench_batch",
    "bench_mode",
    "bench_modes",
    "bench_pipeline",
    "cold_start",
    "load_articles",
    "profile_pipeline",
    "render_table",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

DEFAULT_INPUT = shared_data_dir() / "news" / "dpgmedia2019-nl.jsonl"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def load_articles(
    inputs: Sequence[str], *, limit: int | None = None
) -> tuple[list[Article], list[str]]:
    """The articles with text among the inputs (at most `limit`), and the unreadable items."""
    from kroniek.readers import read_inputs

    errors: list[ItemError] = []
    articles: list[Article] = []
    for article in read_inputs(inputs, on_error=errors.append):
        if not article.text.strip():
            continue  # metadata-only records are not analysed: they would flatter the rate
        articles.append(article)
        if limit is not None and len(articles) >= limit:
            break
    return articles, [str(e) for e in errors]


def _gazetteer_memory() -> dict[str, float] | None:
    try:
        from kroniek.gazetteer import gazetteer_memory
    except ImportError:
        return None
    try:
        return gazetteer_memory()
    except (KroniekError, OSError) as exc:
        log.warning("gazetteer memory not measured: %s", exc)
        return None


def bench_pipeline(
    inputs: Sequence[str],
    *,
    limit: int | None = None,
    lang: str | None = None,
    mode: str | None = None,
) -> dict[str, Any]:
    """Single-process throughput of the full pipeline (in `mode`: fast or accurate)."""
    from kroniek.analysis import analyze, analyze_articles
    from kroniek.batch import WARM_UP_TEXT
    from kroniek.pipeline import get_pipeline, resolve_mode

    articles, read_errors = load_articles(inputs, limit=limit)
    gazetteer = _gazetteer_memory()  # before the pipeline loads it, so the delta means it
    t0 = time.perf_counter()
    analyze(WARM_UP_TEXT, mode=mode)  # no lang: language identification loads too
    load_seconds = time.perf_counter() - t0
    pipeline = get_pipeline(mode)
    pipeline.timings.clear()
    pipeline.time_stages = True
    stage_cpu: dict[str, float] = {}
    original = list(pipeline.stages)
    pipeline.stages = [CpuTimed(stage, stage_cpu) for stage in original]  # type: ignore[misc]
    failed: list[str] = []
    words = chars = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    try:  # as ingest and batch run: several articles at a time (analyze_articles)
        for article, result in analyze_articles(articles, lang=lang, mode=mode):
            if isinstance(result, KroniekError):
                failed.append(f"{article.source}: {result.message}")
            elif isinstance(result, Exception):
                raise result
            words += len(article.text.split())
            chars += len(article.text)
    finally:
        pipeline.time_stages = False
        pipeline.stages = original
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    n = len(articles)
    # The language-analysis stage alone (spaCy tagger, lemmatiser, parser, NER): #3's figure.
    linguistic = sum(sec for name, sec in stage_cpu.items() if ".linguistic." in name)
    return {
        "mode": resolve_mode(mode),
        "articles": n,
        "words": words,
        "chars": chars,
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "articles_per_s": round(n / wall, 2) if wall else None,
        "articles_per_s_per_core": round(n / cpu, 2) if cpu else None,
        "words_per_s": round(words / wall) if wall else None,
        "words_per_s_per_core": round(words / cpu) if cpu else None,
        "linguistic_words_per_s_per_core": round(words / linguistic) if linguistic else None,
        "ms_per_article": round(1000 * wall / n, 2) if n else None,
        "model_load_seconds": round(load_seconds, 3),
        "stages": _stage_table(pipeline.timings, stage_cpu, n),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "gazetteer_memory": gazetteer,
        "read_errors": len(read_errors),
        "failed": failed,
    }


class CpuTimed:
    """A stage wrapped to add its CPU time (robust to a busy machine) to `cpu`."""

    def __init__(self, stage: Any, cpu: dict[str, float]) -> None:
        self.stage, self.cpu = stage, cpu
        self.name, self.requires, self.assigns = stage.name, stage.requires, stage.assigns

    def __call__(self, doc: Any) -> Any:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Any]) -> list[Any]:
        together = getattr(self.stage, "pipe", None)
        t0 = time.process_time()
        try:
            return together(docs) if together is not None else [self.stage(d) for d in docs]
        finally:
            self.cpu[self.name] = self.cpu.get(self.name, 0.0) + time.process_time() - t0


def _stage_table(
    wall: dict[str, float], cpu: dict[str, float], n: int
) -> dict[str, dict[str, Any]]:
    """Per stage: wall and CPU seconds, CPU share (the one to read on a shared machine)."""
    total = sum(cpu.values()) or 1.0
    return {
        name: {"seconds": round(wall.get(name, 0.0), 3), "cpu_seconds": round(sec, 3),
               "share": round(sec / total, 4),
               "cpu_ms_per_article": round(1000 * sec / n, 3) if n else None}
        for name, sec in sorted(cpu.items(), key=lambda kv: -kv[1])
    }


def profile_pipeline(
    inputs: Sequence[str], *, limit: int | None = None, top: int = 25
) -> list[dict[str, Any]]:
    """The `top` functions by own time (cProfile) over the articles: where time goes.

    A separate pass from `bench_pipeline`, because the profiler slows everything down.
    """
    import cProfile
    import pstats

    from kroniek.analysis import analyze, analyze_article
    from kroniek.batch import WARM_UP_TEXT

    articles, _ = load_articles(inputs, limit=limit)
    analyze(WARM_UP_TEXT)
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        for article in articles:
            with contextlib.suppress(KroniekError):  # failures are counted by bench_pipeline
                analyze_article(article)
    finally:
        profiler.disable()
    stats = pstats.Stats(profiler)
    entries: Any = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in entries.values()) or 1.0
    rows = sorted(entries.items(), key=lambda kv: -kv[1][2])[:top]
    return [
        {"function": f"{_short_path(file)}:{line}({name})", "calls": nc,
         "own_seconds": round(tt, 3), "own_share": round(tt / total, 4),
         "cumulative_seconds": round(ct, 3)}
        for (file, line, name), (_cc, nc, tt, ct, _callers) in rows
    ]


def _short_path(file: str) -> str:
    for marker in ("site-packages/", "src/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


def _worker_peak_rss_mb() -> float:
    return _peak_rss_mb()


def bench_batch(
    inputs: Sequence[str], *, workers: Sequence[int] = (1, 2), limit: int | None = None,
    partition_size: int = 32,
) -> dict[str, Any]:
    """Dask throughput for each worker count over the same articles, and its scaling."""

    articles, _ = load_articles(inputs, limit=limit)
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="kroniek-bench-") as tmp:
        data = Path(tmp) / "input.jsonl"
        with data.open("w", encoding="utf-8") as fh:
            for a in articles:
                record = {"id": a.external_id, "title": a.title, "text": a.text, "url": a.url,
                          "published": a.published, "outlet": a.outlet}
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        for n_workers in workers:
            runs.append(_batch_run(data, Path(tmp) / f"out-{n_workers}", n_workers,
                                   partition_size=partition_size))
    base = next((r for r in runs if r["workers"] == 1), None)
    for r in runs:
        if base and base["articles_per_s"] and r["articles_per_s"]:
            r["speedup"] = round(r["articles_per_s"] / base["articles_per_s"], 3)
            r["efficiency"] = round(r["speedup"] / r["workers"], 3)
        if base and base["articles_per_worker_cpu_s"] and r["articles_per_worker_cpu_s"]:
            # Articles per CPU-second against 1 worker: the engine's own overhead, which
            # is what remains of the scaling when every worker gets a whole core.
            r["cpu_efficiency"] = round(
                r["articles_per_worker_cpu_s"] / base["articles_per_worker_cpu_s"], 3
            )
    return {"partition_size": partition_size, "runs": runs}


def _batch_run(data: Path, out: Path, n_workers: int, *, partition_size: int) -> dict[str, Any]:
    """One timed `run_batch` on a fresh LocalCluster of `n_workers`, models preloaded."""
    from kroniek.batch import run_batch, start_client

    client = start_client(workers=n_workers)
    try:
        t0 = time.perf_counter()
        client.run(_warm_up_worker)  # models loaded before the clock starts
        warm = time.perf_counter() - t0
        load = os.getloadavg()[0]
        cpu_before = client.run(time.process_time)
        driver0, t0 = time.process_time(), time.perf_counter()
        report = run_batch([str(data)], out, client=client, partition_size=partition_size)
        wall, driver = time.perf_counter() - t0, time.process_time() - driver0
        cpu_after = client.run(time.process_time)
        peaks = client.run(_worker_peak_rss_mb)
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    worker_cpu = sum(cpu_after[w] - cpu_before.get(w, 0.0) for w in cpu_after)
    return {
        "workers": n_workers, "articles": report.articles, "seconds": round(wall, 3),
        "articles_per_s": round(report.articles / wall, 2) if wall else None,
        # CPU actually obtained: on a machine shared with other jobs, wall-clock scaling
        # falls short for want of free cores, not because of the batch engine.
        "worker_cpu_seconds": round(worker_cpu, 3),
        "driver_cpu_seconds": round(driver, 3),
        "articles_per_worker_cpu_s": round(report.articles / worker_cpu, 2) if worker_cpu else None,
        "load_average_before": round(load, 2),
        "warm_up_seconds": round(warm, 3),
        "failed_partitions": len(report.failed),
        "worker_peak_rss_mb": round(max(peaks.values()), 1) if peaks else None,
    }


def _warm_up_worker() -> int:
    from kroniek.batch import _warm_up

    return _warm_up()


def environment() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        # Other work on the machine skews wall-clock figures; the CPU-time ones less so.
        "load_average_1m": round(os.getloadavg()[0], 2),
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


NER_GOLD = {"nl": "conll2002-nl/dev.conll", "en": "conll2003-en/dev.conll"}


def cold_start(mode: str, *, lang: str = "nl") -> float:
    """Seconds `kroniek analyze` takes on a two-sentence article in a fresh process
    (interpreter start and model loading included): what a user waits for."""
    import subprocess
    import sys

    from kroniek.batch import WARM_UP_TEXT

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(WARM_UP_TEXT, encoding="utf-8")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "kroniek", "analyze", str(path),
                               "--lang", lang, "--mode", mode],
                              capture_output=True, text=True, check=False)  # fmt: skip
        seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise KroniekError(f"kroniek analyze --mode {mode} failed: {proc.stderr.strip()[-300:]}")
    return round(seconds, 2)


def bench_mode(
    inputs: Sequence[str], *, mode: str, limit: int | None = None, ner: bool = True,
    ner_limit: int = 0,
) -> dict[str, Any]:  # fmt: skip
    """One mode measured in this process: throughput (bench_pipeline), and the NER F1 of
    the whole pipeline on the raw text of the CoNLL dev documents (`kroniek eval ner`)."""
    from functools import partial

    from kroniek.evaluation.ner import evaluate_ner, predict_pipeline, read_conll

    result: dict[str, Any] = {"pipeline": bench_pipeline(inputs, limit=limit, mode=mode)}
    if ner:
        for lang, gold in NER_GOLD.items():
            path = shared_data_dir() / "ner" / gold
            if not path.exists():
                continue
            sents = read_conll(path)
            if ner_limit:
                sents = sents[:ner_limit]
            scores = evaluate_ner(sents, partial(predict_pipeline, lang=lang, mode=mode))
            result[f"ner_f1_{lang}"] = scores.as_dict()["f1"]
    result["peak_rss_mb"] = round(_peak_rss_mb(), 1)
    return result


def bench_modes(
    inputs: Sequence[str], *, modes: Sequence[str], limit: int | None = None, ner: bool = True,
    ner_limit: int = 0,
) -> dict[str, dict[str, Any]]:  # fmt: skip
    """Each mode in a fresh process (so peak memory and loading are its own), side by
    side: articles/s per core, peak RSS, cold start and end-to-end NER F1."""
    import subprocess
    import sys

    out: dict[str, dict[str, Any]] = {}
    for mode in modes:
        code = ("import json, sys; from kroniek.bench import bench_mode; "
                "a = json.loads(sys.argv[1]); print(json.dumps(bench_mode(**a)))")  # fmt: skip
        args = {"inputs": list(inputs), "mode": mode, "limit": limit, "ner": ner,
                "ner_limit": ner_limit}  # fmt: skip
        proc = subprocess.run([sys.executable, "-c", code, json.dumps(args)],
                              capture_output=True, text=True, check=False)  # fmt: skip
        if proc.returncode != 0:
            raise KroniekError(f"bench of mode {mode} failed: {proc.stderr.strip()[-500:]}")
        measured = json.loads(proc.stdout.strip().splitlines()[-1])
        single = measured["pipeline"]
        out[mode] = {
            "articles": single["articles"],
            "articles_per_s_per_core": single["articles_per_s_per_core"],
            "words_per_s_per_core": single["words_per_s_per_core"],
            "model_load_seconds": single["model_load_seconds"],
            "peak_rss_mb": measured["peak_rss_mb"],
            "cold_start_seconds": cold_start(mode),
            **{k: v for k, v in measured.items() if k.startswith("ner_f1_")},
        }
    return out


def render_table(result: dict[str, Any]) -> Any:
    """A short Rich table of a bench result, for the terminal."""
    from rich.table import Table

    table = Table(title="kroniek bench", show_header=True)
    table.add_column("measure")
    table.add_column("value", justify="right")
    single = result.get("pipeline")
    if single:
        for key in ("articles", "articles_per_s", "articles_per_s_per_core", "words_per_s",
                    "words_per_s_per_core", "linguistic_words_per_s_per_core",
                    "ms_per_article", "model_load_seconds",
                    "peak_rss_mb"):
            table.add_row(key, str(single.get(key)))
        gaz = single.get("gazetteer_memory")
        if gaz:
            table.add_row("gazetteer_mb (rss delta)", f"{gaz.get('delta_mb', 0):.1f}")
        for name, stage in single["stages"].items():
            table.add_row(f"  {name}", f"{100 * stage['share']:.1f}%  "
                          f"{stage['cpu_ms_per_article']} ms CPU/article")
    for row in (result.get("profile") or [])[:10]:
        table.add_row(f"  {row['function']}", f"{100 * row['own_share']:.1f}% own time")
    modes = result.get("modes") or {}
    if modes:
        keys = sorted({k for m in modes.values() for k in m}, key=lambda k: (k.startswith("ner"), k))
        table.add_row("mode", "  ".join(f"{m:>12}" for m in modes))
        for key in keys:
            table.add_row(key, "  ".join(f"{m.get(key, '-')!s:>12}" for m in modes.values()))
    for run in (result.get("batch") or {}).get("runs", []):
        table.add_row(
            f"dask {run['workers']} worker(s)",
            f"{run['articles_per_s']} art/s  x{run.get('speedup', '-')}  "
            f"eff {run.get('efficiency', '-')} (CPU {run.get('cpu_efficiency', '-')})  "
            f"peak {run['worker_peak_rss_mb']} MB",
        )
    return table
