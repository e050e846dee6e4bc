"""`kroniek ingest` into a real SQLite file: duplicates, resumption after a kill, errors."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kroniek.readers import read_jsonl

CITIES = ["Charkiv", "Odesa", "Lviv", "Dnipro", "Zaporizja", "Cherson", "Mykolajiv", "Soemy"]


def make_jsonl(path: Path, n: int) -> Path:
    lines = []
    for i in range(n):
        city = CITIES[i % len(CITIES)]
        text = (f"Bij een aanval op {city} zijn dinsdag {i + 2} mensen gedood, meldt de "
                f"gouverneur. Het leger zegt dat het artikel {i} een test is.\n\n"
                f"„We herbouwen alles”, zei burgemeester Jan Jansen{i}.")
        lines.append(json.dumps({"id": i, "title": f"Bericht {i}", "text": text,
                                 "published_at": f"2025-03-{i % 28 + 1:02d}"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def kroniek(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kroniek", *args], capture_output=True,
                          text=True, timeout=900)


def count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def test_ingest_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    src = make_jsonl(tmp_path / "news.jsonl", 12)
    db = tmp_path / "store.sqlite"
    first = kroniek("ingest", str(src), "--db", str(db), "--quiet")
    assert first.returncode == 0, first.stderr
    assert "added 12, duplicates 0, failed 0" in first.stderr
    second = kroniek("ingest", str(src), "--db", str(db), "--quiet")
    assert second.returncode == 0, second.stderr
    assert "added 0, duplicates 12, failed 0" in second.stderr
    assert count(db) == 12


def test_killed_ingest_resumes_without_duplicates(tmp_path: Path) -> None:
    n = 60
    src = make_jsonl(tmp_path / "news.jsonl", n)
    db = tmp_path / "store.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "kroniek", "ingest", str(src), "--db",
                             str(db), "--quiet"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    if count(db) >= 5:
                        break
                except sqlite3.OperationalError:
                    pass  # the schema is being created
            time.sleep(0.05)
        assert proc.poll() is None, "ingest finished before it could be interrupted"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    stored_before = count(db)
    assert 5 <= stored_before < n
    again = kroniek("ingest", str(src), "--db", str(db), "--quiet")
    assert again.returncode == 0, again.stderr
    assert f"added {n - stored_before}, duplicates {stored_before}, failed 0" in again.stderr
    assert count(db) == n
    with sqlite3.connect(db) as conn:
        hashes = conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()
    assert hashes[0] == n


def test_broken_lines_are_reported_and_the_rest_stored(tmp_path: Path) -> None:
    src = make_jsonl(tmp_path / "news.jsonl", 3)
    with src.open("a", encoding="utf-8") as fh:
        fh.write("{this is not json\n")
        fh.write(json.dumps({"text": "Laatste bericht over de oorlog."}) + "\n")
    db = tmp_path / "store.sqlite"
    result = kroniek("ingest", str(src), "--db", str(db), "--quiet")
    assert result.returncode == 1
    assert "news.jsonl, line 4: not JSON" in result.stderr
    assert "added 4, duplicates 0, failed 1" in result.stderr
    assert count(db) == 4


def test_unwritable_store_is_a_clear_error(tmp_path: Path) -> None:
    src = make_jsonl(tmp_path / "news.jsonl", 1)
    result = kroniek("ingest", str(src), "--db", str(tmp_path))
    assert result.returncode == 4
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr


def test_queries_after_ingest(tmp_path: Path) -> None:
    src = make_jsonl(tmp_path / "news.jsonl", 4)
    db = tmp_path / "store.sqlite"
    assert kroniek("ingest", str(src), "--db", str(db), "--quiet").returncode == 0
    found = kroniek("search", "burgemeester", "--db", str(db), "--format", "jsonl")
    assert found.returncode == 0, found.stderr
    rows = [json.loads(line) for line in found.stdout.splitlines()]
    as_array = kroniek("search", "burgemeester", "--db", str(db), "--format", "json")
    assert json.loads(as_array.stdout) == rows  # --format json is one array (#16)
    assert rows, "full-text search found nothing"
    for command in ("events", "quotes", "places"):
        result = kroniek(command, "--db", str(db), "--format", "csv")
        assert result.returncode == 0, (command, result.stderr)


def test_news_file_count_matches_reader(shared_data: Path) -> None:
    # The 1,398 records of the news file are 1,398 distinct articles (see the reader).
    records = list(read_jsonl(shared_data / "news" / "dpgmedia2019-nl.jsonl"))
    assert len({r.identity() for r in records}) == 1398
