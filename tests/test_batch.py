"""`kroniek batch` on a real Dask LocalCluster (2 worker processes), a handful of articles."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from kroniek.analysis import analyze_article
from kroniek.batch import (
    TABLES,
    Partition,
    PartitionResult,
    analyze_partition,
    doc_rows,
    load_parquet_into_store,
    run_batch,
    start_client,
)
from kroniek.readers import read_jsonl

N_ARTICLES = 12  # the 12th has events (as the stages stand), so every table has rows
PART = 4  # articles per partition: three partitions over two workers


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    c = start_client(workers=2)
    try:
        yield c
    finally:
        cluster = c.cluster
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def news(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few news articles, plus a broken line the run must report and go past."""
    src = shared_data / "news" / "dpgmedia2019-nl.jsonl"
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    with src.open(encoding="utf-8") as fh:
        # Short articles (the suite must stay fast); every record type still occurs.
        lines = [ln for ln in fh if 200 < len(json.loads(ln).get("text") or "") < 1500]
        lines = lines[:N_ARTICLES]
    path.write_text("".join(lines) + '{"text": broken\n', encoding="utf-8")
    return path


def _parquet_rows(out: Path, table: str) -> list[dict[str, Any]]:
    import pyarrow.dataset as ds

    return ds.dataset(out / table, format="parquet").to_table().to_pylist()


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return row["doc_id"], str(row.get("id", ""))


def test_batch_output_is_the_same_as_article_by_article(
    client: Any, news: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    seen: list[int] = []
    report = run_batch([str(news)], out, client=client, partition_size=PART,
                       progress=lambda r: seen.append(r.partitions))
    assert report.partitions == 3 and report.articles == N_ARTICLES and not report.failed
    assert len(report.item_errors) == 1 and f"line {N_ARTICLES + 1}" in report.item_errors[0]
    assert not report.ok and seen[-1] == 3  # the broken line makes the run not ok

    errors: list[Any] = []
    expected: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for art in islice(read_jsonl(news, on_error=errors.append), N_ARTICLES):
        rows = doc_rows(analyze_article(art), content_hash=art.identity(), source=art.source,
                        external_id=art.external_id)
        for table in TABLES:
            expected[table].extend(rows[table])
    for table in TABLES:
        got = sorted(_parquet_rows(out, table), key=_key)
        want = sorted(expected[table], key=_key)
        if table == "articles":
            for row in got:
                assert row.pop("partition")
            for row in want:
                row.pop("partition")
        assert got == want, table


def test_parquet_is_read_by_duckdb_and_pandas(client: Any, news: Path, tmp_path: Path) -> None:
    import duckdb
    import pandas as pd

    out = tmp_path / "out"
    run_batch([str(news)], out, client=client, partition_size=PART)
    [(n, distinct)] = duckdb.sql(
        f"SELECT count(*), count(DISTINCT doc_id) FROM '{out}/articles/*.parquet'"
    ).fetchall()
    assert n == distinct == N_ARTICLES
    [(sentences,)] = duckdb.sql(
        f"SELECT sum(json_array_length(sentences)) FROM '{out}/articles/*.parquet'"
    ).fetchall()
    assert sentences > N_ARTICLES
    for table in TABLES:
        frame = pd.read_parquet(out / table)
        assert "doc_id" in frame.columns


def test_rerun_skips_finished_partitions(client: Any, news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch([str(news)], out, client=client, partition_size=PART)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again = run_batch([str(news)], out, client=client, partition_size=PART)
    assert (again.partitions, again.skipped, again.articles) == (0, first.partitions, 0)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == mtimes


def flaky_task(part: Partition, *, marker: Path, lang: str | None = None) -> PartitionResult:
    """Fails the first attempt at the second partition (a marker file remembers it)."""
    if part.id.startswith("00001") and not marker.exists():
        marker.write_text("failed once")
        raise RuntimeError("worker hiccup")
    return analyze_partition(part, lang=lang)


def broken_task(part: Partition, *, lang: str | None = None) -> PartitionResult:
    if part.id.startswith("00002"):
        raise RuntimeError("this partition always fails")
    return analyze_partition(part, lang=lang)


def test_failed_partition_is_retried_then_reported(
    client: Any, news: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "marker"
    out = tmp_path / "out"
    report = run_batch([str(news)], out, client=client, partition_size=PART,
                       task=functools.partial(flaky_task, marker=marker))
    assert marker.exists() and not report.failed and report.articles == N_ARTICLES

    out2 = tmp_path / "out2"
    bad = run_batch([str(news)], out2, client=client, partition_size=PART, retries=1,
                    task=broken_task)
    assert list(bad.failed) == [p for p in bad.failed if p.startswith("00002")]
    assert len(bad.failed) == 1 and "always fails" in next(iter(bad.failed.values()))
    assert bad.articles == 2 * PART
    lines = (out2 / "_manifest.jsonl").read_text().splitlines()
    finished = [json.loads(line)["partition"] for line in lines[1:]]
    assert len(finished) == 2 and not any(p.startswith("00002") for p in finished)
    fixed = run_batch([str(news)], out2, client=client, partition_size=PART)
    assert (fixed.partitions, fixed.skipped, fixed.articles) == (1, 2, PART)


def test_load_parquet_into_store(client: Any, news: Path, tmp_path: Path) -> None:
    from kroniek.store import open_store

    out = tmp_path / "out"
    run_batch([str(news)], out, client=client, partition_size=PART)
    store = open_store(tmp_path / "k.sqlite")
    try:
        counts = load_parquet_into_store(out, store)
        assert counts["added"] == N_ARTICLES and counts["partitions"] == 3
        assert store.count("articles") == N_ARTICLES
        errors: list[Any] = []
        art = next(iter(read_jsonl(news, on_error=errors.append)))
        doc = analyze_article(art)
        assert store.get_doc(doc.id).to_json() == doc.to_json()
        assert load_parquet_into_store(out, store)["duplicates"] == N_ARTICLES
    finally:
        store.close()


def test_ingest_from_parquet_cli_loads_only_finished_partitions(
    client: Any, news: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    from kroniek.batch import MANIFEST

    out = tmp_path / "out"
    run_batch([str(news)], out, client=client, partition_size=PART)
    manifest = out / MANIFEST
    lines = manifest.read_text().splitlines()
    manifest.write_text("\n".join(lines[:-1]) + "\n")  # as if it crashed before marking
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "kroniek"), "ingest", "--from-parquet", str(out),
         "--db", str(tmp_path / "k.sqlite")],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert f'"added": {2 * PART}' in proc.stderr and '"unfinished": 1' in proc.stderr


def test_cli_batch_exit_code_and_summary(news: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "cli"
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "kroniek"), "batch", str(news), "--out", str(out),
         "--workers", "1", "--partition-size", "6", "-q"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 1, proc.stderr  # the broken line
    assert f"line {N_ARTICLES + 1}" in proc.stderr and f"{N_ARTICLES} articles" in proc.stderr
    assert json.loads((out / "_report.json").read_text())["articles"] == N_ARTICLES


def test_existing_scheduler_by_address(client: Any, news: Path, tmp_path: Path) -> None:
    address = client.scheduler.address
    assert address.startswith("tcp://")
    report = run_batch([str(news)], tmp_path / "out", scheduler=address, partition_size=PART)
    assert report.articles == N_ARTICLES and not report.failed
    assert client.scheduler_info()["workers"]  # the cluster outlives the batch's client


def test_manifest_torn_line_and_foreign_file(tmp_path: Path) -> None:
    from kroniek.batch import MANIFEST, Manifest
    from kroniek.errors import InputError

    manifest = Manifest.load(tmp_path)
    manifest.mark(PartitionResult("00000-abc", {t: [] for t in TABLES}))
    with (tmp_path / MANIFEST).open("a") as fh:
        fh.write('{"partition": "00001-de')  # a crash in the middle of a write
    assert Manifest.load(tmp_path).finished == {"00000-abc"}
    other = tmp_path / "other"
    other.mkdir()
    (other / MANIFEST).write_text("id,name\n1,x\n")
    with pytest.raises(InputError, match="manifest"):
        Manifest.load(other)


def test_warc_and_html_pages_are_extracted_on_the_workers(client: Any, tmp_path: Path) -> None:
    from kroniek.readers import read_inputs
    from test_warc import PAGES, html, write_warc

    folder = tmp_path / "in"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz", PAGES, gz=True)
    (folder / "page.html").write_bytes(html("Derde bericht"))
    out = tmp_path / "out"
    report = run_batch([str(folder)], out, client=client, partition_size=2)
    errors: list[Any] = []
    articles = list(read_inputs([str(folder)], on_error=errors.append))
    assert report.articles == len(articles) == 3
    assert [str(e) for e in errors] == report.item_errors  # the page without text
    expected: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for art in articles:
        rows = doc_rows(analyze_article(art), content_hash=art.identity(), source=art.source,
                        external_id=art.external_id)
        for table in TABLES:
            expected[table].extend(rows[table])
    for table in TABLES:
        got = sorted(_parquet_rows(out, table), key=_key)
        for row in got:
            row.pop("partition", None)
        want = sorted(expected[table], key=_key)
        for row in want:
            row.pop("partition", None)
        assert got == want, table


def test_batch_document_equals_kroniek_analyze(client: Any, news: Path, tmp_path: Path) -> None:
    """The issue's wording: the same records as `kroniek analyze` on the article."""
    import subprocess
    import sys

    from kroniek.batch import docs_from_rows

    one = tmp_path / "one.jsonl"
    one.write_text(news.read_text(encoding="utf-8").splitlines()[1] + "\n", encoding="utf-8")
    proc = subprocess.run([str(Path(sys.executable).parent / "kroniek"), "analyze", str(one)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out"
    run_batch([str(one)], out, client=client)
    tables = {t: _parquet_rows(out, t) for t in TABLES}
    [(doc, _row)] = list(docs_from_rows(tables))
    assert doc.to_json() == json.loads(proc.stdout)


def test_mode_travels_with_the_tasks(client: Any, reference_path: Path, tmp_path: Path) -> None:
    """The workers were started without --mode (fast); `mode="accurate"` still reaches them,
    as it must for a scheduler started elsewhere, whose workers do not share our environment.
    Fast and accurate NER label the reference article differently, so the rows tell which ran."""
    text = reference_path.read_text(encoding="utf-8")
    news = tmp_path / "one.jsonl"
    news.write_text(json.dumps({"text": text, "id": "ref"}) + "\n", encoding="utf-8")

    def labels(doc: Any) -> set[tuple[int, int, str]]:
        return {(e.start, e.end, e.label) for e in doc.entities}

    fast = labels(analyze_article(next(iter(read_jsonl(news))), mode="fast"))
    accurate = labels(analyze_article(next(iter(read_jsonl(news))), mode="accurate"))
    assert fast != accurate  # else this test could not tell the modes apart

    out = tmp_path / "out"
    report = run_batch([str(news)], out, client=client, mode="accurate")
    assert report.articles == 1 and not report.failed
    got = {(r["start"], r["end"], r["label"]) for r in _parquet_rows(out, "entities")}
    assert got == accurate
