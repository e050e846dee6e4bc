"""Batch analysis on Dask, written as Parquet: one table per record type.

    run_batch(["news.jsonl"], "out/", workers=2)

Inputs are read here (streaming, with every reader `read_inputs` knows; HTML pages and
WARC records are shipped unextracted, so trafilatura runs on the workers) and cut into
partitions of `partition_size` articles. Each partition is one Dask task: a worker process
analyses its articles with the default pipeline, which it builds once (models load once
per worker, not per partition), and sends back rows. Those rows are written as
`OUT/<table>/part-<partition>.parquet` for the tables in `TABLES`, then the partition is
marked finished in `OUT/_manifest.jsonl`; a rerun skips finished partitions. A task that
fails is retried (`retries`); one that still fails is reported in the `BatchReport`, its
articles are not written, and a rerun tries it again.

Columns: every scalar field of a record is a typed column, nested fields (cue, speaker,
source, actors, time, lists of ids) are JSON strings, and every table has `doc_id`, the
article's id. DuckDB reads it as `SELECT * FROM 'OUT/events/*.parquet'`, pandas with
`pd.read_parquet("OUT/events")`, Spark with `spark.read.parquet("OUT/events")`.
`load_parquet_into_store` rebuilds the documents losslessly and stores them.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from kroniek.doc import SCHEMA, Claim, Doc, Entity, Event, Place, Quote
from kroniek.errors import InputError, KroniekError
from kroniek.readers.base import Article, ItemError, OnError
from kroniek.readers.html import RawPage, extract_page
from kroniek.readers.text import MAX_BYTES

__all__ = [
    "MANIFEST",
    "TABLES",
    "BatchReport",
    "Partition",
    "PartitionResult",
    "analyze_partition",
    "batch_items",
    "doc_rows",
    "docs_from_rows",
    "load_parquet_into_store",
    "partitions",
    "run_batch",
    "table_schema",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

MANIFEST = "_manifest.jsonl"
FORMAT = "kroniek-batch/1"
TABLES = ("articles", "entities", "places", "quotes", "claims", "events")
_RECORDS: dict[str, type] = {
    "entities": Entity, "places": Place, "quotes": Quote, "claims": Claim, "events": Event
}
# Article columns: (name, type); the layers not in a table of their own go as JSON.
_ARTICLE_COLUMNS = (
    ("doc_id", "string"), ("content_hash", "string"), ("source", "string"),
    ("external_id", "string"), ("url", "string"), ("outlet", "string"), ("title", "string"),
    ("lang", "string"), ("published", "string"), ("published_precision", "string"),
    ("text", "string"), ("blocks", "json"), ("sentences", "json"), ("times", "json"),
    ("warnings", "json"), ("partition", "string"),
)
# 64 articles take ~2-3 s with the full pipeline: long enough that task overhead
# (~10 ms) is noise, short enough that progress moves and a retry redoes little.
DEFAULT_PARTITION_SIZE = 64


# -- columns ------------------------------------------------------------------------------


def _kind(tp: Any) -> str:
    """'string', 'int', 'float' or 'json' for a record field's type hint."""
    origin = get_origin(tp)
    if origin is Literal:
        return "string"
    if origin is Union or (origin is not None and type(None) in get_args(tp)):
        args = [a for a in get_args(tp) if a is not type(None)]
        return _kind(args[0]) if len(args) == 1 else "json"
    if tp is str:
        return "string"
    if tp is int:
        return "int"
    if tp is float:
        return "float"
    return "json"  # dataclasses, lists


@cache
def _columns(table: str) -> tuple[tuple[str, str], ...]:
    if table == "articles":
        return _ARTICLE_COLUMNS
    cls = _RECORDS[table]
    hints = get_type_hints(cls)
    cols = [("doc_id", "string")]
    for f in dataclasses.fields(cls):
        cols.append((str(f.metadata.get("json", f.name)), _kind(hints[f.name])))
    return tuple(cols)


@cache
def table_schema(table: str) -> Any:
    """The pyarrow schema of a table: the same for every partition."""
    import pyarrow as pa

    types = {"string": pa.string(), "json": pa.string(), "int": pa.int64(),
             "float": pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in _columns(table)])


def _dumps(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def doc_rows(
    doc: Doc, *, content_hash: str, source: str, external_id: str | None = None,
    partition: str = "",
) -> dict[str, list[dict[str, Any]]]:
    """The rows one analysed article adds to each table."""
    data = doc.to_json()
    pub = data.get("published") or {}
    article = {
        "doc_id": doc.id, "content_hash": content_hash, "source": source,
        "external_id": external_id, "url": doc.url, "outlet": doc.outlet, "title": doc.title,
        "lang": doc.lang, "published": pub.get("value"),
        "published_precision": pub.get("precision"), "text": doc.text,
        "blocks": _dumps(data["blocks"]), "sentences": _dumps(data["sentences"]),
        "times": _dumps(data["times"]), "warnings": _dumps(data["warnings"]),
        "partition": partition,
    }
    rows: dict[str, list[dict[str, Any]]] = {"articles": [article]}
    for table in _RECORDS:
        cols = _columns(table)
        rows[table] = [
            {name: (_dumps(rec.get(name)) if kind == "json" else rec.get(name))
             for name, kind in cols if name != "doc_id"} | {"doc_id": doc.id}
            for rec in data[table]
        ]
    return rows


def docs_from_rows(tables: dict[str, list[dict[str, Any]]]) -> Iterator[tuple[Doc, dict[str, Any]]]:
    """Documents rebuilt from one partition's rows, each with its article row."""
    by_doc: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in _RECORDS:
        kinds = dict(_columns(table))
        for row in tables.get(table, []):
            rec = {k: (json.loads(v) if kinds[k] == "json" and v is not None else v)
                   for k, v in row.items() if k != "doc_id"}
            by_doc.setdefault(row["doc_id"], {}).setdefault(table, []).append(rec)
    for art in tables["articles"]:
        data: dict[str, Any] = {
            "schema": SCHEMA, "id": art["doc_id"], "url": art["url"], "outlet": art["outlet"],
            "title": art["title"], "lang": art["lang"], "text": art["text"],
            "published": (
                {"value": art["published"], "precision": art["published_precision"]}
                if art["published"] is not None else None
            ),
        }
        for name in ("blocks", "sentences", "times", "warnings"):
            data[name] = json.loads(art[name]) if art[name] else []
        for table in _RECORDS:
            data[table] = by_doc.get(art["doc_id"], {}).get(table, [])
        yield Doc.from_json(data), art


# -- partitions ---------------------------------------------------------------------------


@dataclass(slots=True)
class Partition:
    id: str  # "<index>-<hash of the articles' identities>": stable across reruns
    articles: list[Article | RawPage]  # pages are extracted by the worker


@dataclass(slots=True)
class PartitionResult:
    id: str
    rows: dict[str, list[dict[str, Any]]]
    errors: list[str] = field(default_factory=list)  # per-article failures, with reasons
    seconds: float = 0.0
    worker_pid: int = 0


def batch_items(inputs: Iterable[str], *, on_error: OnError) -> Iterator[Article | RawPage]:
    """What `read_inputs` reads, except that HTML pages (files, WARC records) come back
    unextracted, so the workers extract them in parallel instead of this process."""
    from kroniek.readers import read_inputs
    from kroniek.readers.feeds import is_feed
    from kroniek.readers.formats import _is_jsonl
    from kroniek.readers.html import is_html
    from kroniek.readers.warc import is_warc, warc_pages

    for p in inputs:
        path = Path(p)
        if p == "-" or p.startswith(("http://", "https://")) or not path.exists():
            yield from read_inputs([p], on_error=on_error)
            continue
        files = (sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
                 if path.is_dir() else [path])
        for f in files:
            try:
                if not f.is_file():
                    raise IsADirectoryError(f)  # a device or FIFO given by name
                with f.open("rb") as fh:
                    head = fh.read(4096)
            except OSError:  # read_inputs reports it (unreadable, a pipe ...) and goes on
                yield from read_inputs([str(f)], on_error=on_error)
                continue
            if _is_jsonl(f, head):
                yield from read_inputs([str(f)], on_error=on_error)
            elif is_warc(f, head):
                yield from warc_pages(f, on_error=on_error)
            elif is_html(f, head) and not is_feed(f, head) and f.stat().st_size <= MAX_BYTES:
                yield RawPage(f.read_bytes(), str(f))
            else:
                yield from read_inputs([str(f)], on_error=on_error)


def partitions(
    inputs: Iterable[str], *, size: int = DEFAULT_PARTITION_SIZE, on_error: OnError | None = None
) -> Iterator[Partition]:
    """The inputs' articles (or pages) cut into partitions, streamed."""
    from kroniek.readers.base import _raise

    def cut(index: int, batch: list[Article | RawPage]) -> Partition:
        digest = hashlib.sha256("".join(a.identity() for a in batch).encode()).hexdigest()
        return Partition(f"{index:05d}-{digest[:12]}", batch)

    batch: list[Article | RawPage] = []
    index = 0
    for item in batch_items(inputs, on_error=on_error or _raise):
        batch.append(item)
        if len(batch) >= size:
            yield cut(index, batch)
            index, batch = index + 1, []
    if batch:
        yield cut(index, batch)


def analyze_partition(
    part: Partition, *, lang: str | None = None, mode: str | None = None
) -> PartitionResult:
    """Analyse a partition's articles (on a worker) in `mode` (None: the worker's default).
    An article that fails is reported."""
    from kroniek.analysis import analyze_articles

    t0 = time.perf_counter()
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    errors: list[str] = []
    seen: set[str] = set()
    articles: list[Article] = []
    for item in part.articles:
        if isinstance(item, RawPage):
            extracted = extract_page(item, lambda e: errors.append(str(e)))
            if extracted is None:
                continue
            item = extracted
        digest = item.identity()
        if digest in seen:
            continue  # the same record twice in one partition: stored once
        seen.add(digest)
        articles.append(item)
    for article, doc in analyze_articles(articles, lang=lang, mode=mode):
        if isinstance(doc, KroniekError):
            errors.append(str(ItemError(article.source, doc.message)))
            continue
        if isinstance(doc, Exception):  # a stage bug: reported with where, the rest goes on
            where = traceback.extract_tb(doc.__traceback__)[-1]
            errors.append(
                f"{article.source}: {type(doc).__name__}: {doc} "
                f"(at {Path(where.filename).name}:{where.lineno})"
            )
            continue
        for table, new in doc_rows(
            doc, content_hash=article.identity(), source=article.source,
            external_id=article.external_id, partition=part.id,
        ).items():
            rows[table].extend(new)
    return PartitionResult(part.id, rows, errors, time.perf_counter() - t0, os.getpid())


# -- output -------------------------------------------------------------------------------


def _part_path(out: Path, table: str, part_id: str) -> Path:
    return out / table / f"part-{part_id}.parquet"


def write_partition(out: Path, result: PartitionResult) -> None:
    """The partition's six tables, each written whole to a temporary name then renamed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for table in (*TABLES[1:], TABLES[0]):  # articles last: its file means all are there
        path = _part_path(out, table, result.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        arrow = pa.Table.from_pylist(result.rows.get(table, []), schema=table_schema(table))
        tmp = path.with_suffix(".parquet.tmp")
        pq.write_table(arrow, tmp, compression="zstd")
        os.replace(tmp, path)


@dataclass
class Manifest:
    """Which partitions of an output folder are finished (`_manifest.jsonl`).

    Append-only: a header line, then one line per finished partition, so marking one
    costs the same at the ten-thousandth partition as at the first. A line torn by a crash
    is ignored (its partition is simply done again).
    """

    path: Path
    finished: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, out: Path) -> Manifest:
        path = out / MANIFEST
        if not path.exists():
            with path.open("w", encoding="utf-8") as fh:
                fh.write(json.dumps({"format": FORMAT}) + "\n")
            return cls(path)
        finished: set[str] = set()
        with path.open(encoding="utf-8") as fh:
            header = fh.readline()
            try:
                ok = json.loads(header).get("format") == FORMAT
            except (json.JSONDecodeError, AttributeError):
                ok = False
            if not ok:
                raise InputError(f"not a {FORMAT} manifest", source=str(path),
                                 hint="use an empty --out folder, or delete the manifest")
            for line in fh:
                try:
                    finished.add(json.loads(line)["partition"])
                except (json.JSONDecodeError, KeyError, TypeError):
                    log.warning("ignoring a torn line in %s", path)
        return cls(path, finished)

    def done(self, part_id: str) -> bool:
        if part_id not in self.finished:
            return False
        out = self.path.parent
        return all(_part_path(out, t, part_id).exists() for t in TABLES)

    def mark(self, result: PartitionResult) -> None:
        line = {"partition": result.id, "articles": len(result.rows.get("articles", [])),
                "errors": result.errors, "seconds": round(result.seconds, 3)}
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.finished.add(result.id)


@dataclass
class BatchReport:
    partitions: int = 0  # analysed in this run
    skipped: int = 0  # finished in an earlier run
    articles: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # partition id -> why
    item_errors: list[str] = field(default_factory=list)  # unreadable inputs, failed articles
    seconds: float = 0.0
    worker_seconds: float = 0.0  # time spent inside partitions, summed over workers

    @property
    def ok(self) -> bool:
        return not self.failed and not self.item_errors

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self) | {"ok": self.ok}


Progress = Callable[[BatchReport], None]


# -- the run ------------------------------------------------------------------------------


# Touches every stage (a date, a place, a quote, an attack) so each loads its resources.
WARM_UP_TEXT = (
    "Op dinsdag 1 april meldde de burgemeester van Utrecht dat bij een aanval twee mensen "
    "zijn gedood. 'We zijn geschokt', zei hij tegen persbureau ANP."
)


def _warm_up(mode: str | None = None) -> int:
    """Build the pipeline of `mode` and load its models in this worker process."""
    from kroniek.analysis import analyze

    analyze(WARM_UP_TEXT, mode=mode)  # no lang: language identification loads too
    return os.getpid()


def start_client(*, scheduler: str | None = None, workers: int = 2) -> Any:
    """A Dask client: on `scheduler` if given, else on a new LocalCluster of processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    import dask

    # Dask's sampling profiler (every 10 ms, deep spaCy stacks) cost the workers ~12% of
    # their CPU: `kroniek bench --batch --workers 1` gave 17.7 → 20.2 articles per worker
    # CPU second without it. Workers get this process's config. A scheduler you start
    # yourself keeps its own setting (distributed.worker.profile.enabled).
    dask.config.set({"distributed.worker.profile.enabled": False})
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True,
        dashboard_address=None, silence_logs=logging.ERROR,
    )
    return Client(cluster)


def run_batch(
    inputs: Iterable[str],
    out: str | Path,
    *,
    client: Any = None,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    lang: str | None = None,
    retries: int = 2,
    task: Callable[..., PartitionResult] | None = None,
    progress: Progress | None = None,
    mode: str | None = None,
) -> BatchReport:
    """Analyse the inputs on Dask and write Parquet to `out`; see the module docstring.

    `mode` (else $KRONIEK_MODE, else fast) travels with every task, so the workers of a
    scheduler started elsewhere, which do not share this process's environment, analyse in
    the same mode. `task` replaces `analyze_partition` (tests)."""
    from kroniek.pipeline import resolve_mode

    chosen = resolve_mode(mode)
    if task is None:
        task = functools.partial(analyze_partition, mode=chosen)
    inputs = list(inputs)
    for p in inputs:  # before a cluster is started for nothing
        if p != "-" and not p.startswith(("http://", "https://")) and not Path(p).exists():
            raise InputError("no such file or folder", source=p, hint="check the path")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError("--out is a file, not a folder", source=str(out))
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.load(out)
    report = BatchReport()
    t0 = time.perf_counter()
    own = client is None
    if own:
        client = start_client(scheduler=scheduler, workers=workers)
    try:
        client.run(_warm_up, chosen)  # every worker loads its models once, before the clock
        _run(client, inputs, out, manifest, report, partition_size=partition_size,
             lang=lang, retries=retries, task=task, progress=progress)
    finally:
        if own:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
    report.seconds = time.perf_counter() - t0
    return report


def _run(
    client: Any, inputs: Iterable[str], out: Path, manifest: Manifest, report: BatchReport,
    *, partition_size: int, lang: str | None, retries: int,
    task: Callable[..., PartitionResult], progress: Progress | None,
) -> None:
    from distributed import as_completed

    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    max_in_flight = 2 * n_workers  # enough to keep workers busy; bounds driver memory
    pending = as_completed()
    in_flight: dict[Any, str] = {}
    parts = partitions(inputs, size=partition_size,
                       on_error=lambda e: report.item_errors.append(str(e)))

    def collect(future: Any) -> None:
        part_id = in_flight.pop(future)
        try:
            result: PartitionResult = future.result()
        except Exception as exc:
            report.failed[part_id] = f"{type(exc).__name__}: {exc}"
            log.warning("partition %s failed after %d retries: %s", part_id, retries, exc)
        else:
            write_partition(out, result)
            manifest.mark(result)
            report.partitions += 1
            report.articles += len(result.rows["articles"])
            report.worker_seconds += result.seconds
            report.item_errors.extend(result.errors)
        finally:
            future.release()
        if progress:
            progress(report)

    for part in parts:
        if manifest.done(part.id):
            report.skipped += 1
            if progress:
                progress(report)
            continue
        future = client.submit(
            task, part, lang=lang, retries=retries, pure=False, key=f"kroniek-part-{part.id}"
        )
        in_flight[future] = part.id
        pending.add(future)
        while len(in_flight) >= max_in_flight:
            collect(next(pending))
    while in_flight:
        collect(next(pending))


# -- into a store -------------------------------------------------------------------------


def _read_table(path: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return list(pq.read_table(path).to_pylist())


def load_parquet_into_store(out: str | Path, store: Any) -> dict[str, Any]:
    """Store every article of a `kroniek batch` output folder; already stored ones are kept.

    Reads one partition at a time, so memory stays at one partition's rows.
    """
    out = Path(out)
    first = sorted((out / "articles").glob("part-*.parquet")) if (out / "articles").is_dir() else []
    if not first:
        raise InputError(
            "no Parquet output of `kroniek batch` here (articles/part-*.parquet)",
            source=str(out), hint="run kroniek batch INPUT --out DIR first",
        )
    finished = Manifest.load(out).finished if (out / MANIFEST).exists() else None
    counts = {"added": 0, "duplicates": 0, "partitions": 0, "unfinished": 0}
    for art_path in first:
        part_id = art_path.name.removeprefix("part-").removesuffix(".parquet")
        if finished is not None and part_id not in finished:
            counts["unfinished"] += 1  # written but not marked: a rerun of the batch redoes it
            continue
        tables = {"articles": _read_table(art_path)}
        for table in _RECORDS:
            path = _part_path(out, table, part_id)
            tables[table] = _read_table(path) if path.exists() else []
        for doc, row in docs_from_rows(tables):
            if store.add(doc, content_hash=row["content_hash"], source=row["source"]):
                counts["added"] += 1  # with its story row, as in ingest
            else:
                counts["duplicates"] += 1
        counts["partitions"] += 1
    return counts
