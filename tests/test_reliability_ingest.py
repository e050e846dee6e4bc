"""Per-item isolation (#17): one bad file, line or article is reported and skipped; the
run stores the rest, ends with a summary and exit code 1; a rerun retries only what failed.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kroniek.cli import main
from kroniek_pg import pg_server, pg_url  # noqa: F401  (fixtures)

GOOD = "Bij een aanval op Charkiv zijn dinsdag {n} mensen gedood, meldt de gouverneur."


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    out, err = capsys.readouterr()
    code = exit_.value.code
    return (code if isinstance(code, int) else 0), out, err


def stored(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT source FROM articles"))


def bad_folder(root: Path) -> Path:
    """A folder whose first files (in reading order) are bad, the last ones good."""
    folder = root / "in"
    folder.mkdir()
    (folder / "a-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "b-empty.txt").write_text("  \n")
    (folder / "c-latin1.txt").write_bytes("Oekraïne meldt gevechten".encode("latin-1"))
    (folder / "d-date.txt").write_text(" date 0000 Rusland viel aan.")
    lines = [json.dumps({"text": GOOD.format(n=2)}), "{not json", "[" * 50_000,
             json.dumps({"text": GOOD.format(n=3), "url": {"x": 1}}),
             json.dumps({"text": GOOD.format(n=4)})]
    (folder / "e-mixed.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "f-good.txt").write_text(GOOD.format(n=5))
    return folder


def test_a_folder_whose_first_files_are_bad_stores_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, db = bad_folder(tmp_path), tmp_path / "s.sqlite"
    code, _, err = run_cli(capsys, "ingest", str(folder), "--db", str(db), "--quiet")
    assert code == 1 and "Traceback" not in err
    assert "added 3, duplicates 0, failed 7" in err, err
    skipped = [line for line in err.splitlines() if line.startswith("skipped: ")]
    assert len(skipped) == 7
    for name in ("a-binary.txt", "b-empty.txt", "c-latin1.txt", "d-date.txt",
                 "e-mixed.jsonl, line 2", "e-mixed.jsonl, line 3", "e-mixed.jsonl, line 4"):
        assert any(name in line for line in skipped), (name, err)
    assert [Path(s).name for s in stored(db)] == ["e-mixed.jsonl:1", "e-mixed.jsonl:5",
                                                  "f-good.txt"]
    # The rerun retries only what failed: the stored ones are duplicates, not analysed again.
    code, _, err = run_cli(capsys, "ingest", str(folder), "--db", str(db), "--quiet")
    assert code == 1 and "added 0, duplicates 3, failed 7" in err, err


def test_an_article_that_breaks_a_stage_is_skipped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
    from kroniek.stages import times

    real = times.find_time_expressions

    def broken(text: str, **kw: Any) -> Any:  # a stage bug hit by one article only
        if "Odesa" in text:
            raise RuntimeError("stage bug")
        return real(text, **kw)

    monkeypatch.setattr(times, "find_time_expressions", broken)
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": GOOD.replace("Charkiv", city)
                                         .format(n=i + 2)})
                             for i, city in enumerate(["Lviv", "Odesa", "Dnipro"])) + "\n")
    db = tmp_path / "s.sqlite"
    code, _, err = run_cli(capsys, "ingest", str(src), "--db", str(db), "--quiet")
    assert code == 1 and "Traceback" not in err
    assert "added 2, duplicates 0, failed 1" in err
    assert "news.jsonl:2: analysis failed (RuntimeError: stage bug)" in err
    monkeypatch.setattr(times, "find_time_expressions", real)
    code, _, err = run_cli(capsys, "ingest", str(src), "--db", str(db), "--quiet")
    assert code == 0 and "added 1, duplicates 2, failed 0" in err, err


def test_batch_goes_on_past_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    folder = bad_folder(tmp_path)
    os.mkfifo(folder / "g-fifo")
    out = tmp_path / "out"
    code, _, err = run_cli(capsys, "batch", str(folder), str(folder / "g-fifo"), "--out",
                           str(out), "--workers", "1", "--quiet")
    assert code == 1 and "Traceback" not in err
    assert "3 articles in 1 partitions" in err and "8 item errors" in err, err
    assert "g-fifo: not a regular file" in err


def _jsonl(path: Path, n: int) -> Path:
    cities = ["Charkiv", "Odesa", "Lviv", "Dnipro", "Cherson", "Soemy"]
    path.write_text("\n".join(json.dumps({
        "id": i, "title": f"Bericht {i}", "published_at": f"2025-03-{i % 28 + 1:02d}",
        "text": GOOD.replace("Charkiv", cities[i % len(cities)]).format(n=i + 2)
        + f" Het leger zegt dat bericht {i} klopt."}) for i in range(n)) + "\n")
    return path


def _story_state(db: Path) -> tuple[int, int, int, str]:
    """(articles, story rows, articles without a story row, integrity_check)."""
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        stories = conn.execute("SELECT count(*) FROM article_versions").fetchone()[0]
        orphans = conn.execute("SELECT count(*) FROM articles a LEFT JOIN article_versions v"
                               " ON v.article_id = a.id WHERE v.article_id IS NULL").fetchone()[0]
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
    return articles, stories, orphans, ok


def test_kills_at_random_points_leave_no_article_without_its_story(tmp_path: Path) -> None:
    import random
    import signal
    import subprocess
    import sys
    import time

    n = 40
    src, db = _jsonl(tmp_path / "news.jsonl", n), tmp_path / "s.sqlite"
    rng = random.Random(17)
    kills = 0
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-m", "kroniek", "ingest", str(src), "--db",
                                 str(db), "--quiet"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        before = _story_state(db)[0] if db.exists() else 0
        target = before + rng.randint(1, 6)
        deadline = time.monotonic() + 600
        try:
            while proc.poll() is None and time.monotonic() < deadline:
                try:
                    if db.exists() and _story_state(db)[0] >= target:
                        time.sleep(rng.random() * 0.2)  # anywhere in the next article
                        proc.send_signal(signal.SIGKILL)
                        kills += 1
                        break
                except sqlite3.OperationalError:
                    pass  # the schema is being created
                time.sleep(0.02)
        finally:
            proc.wait()
        articles, stories, orphans, ok = _story_state(db)
        assert (orphans, ok) == (0, "ok") and stories == articles  # after every kill
    assert kills >= 1
    result = subprocess.run([sys.executable, "-m", "kroniek", "ingest", str(src), "--db",
                             str(db), "--quiet"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    assert _story_state(db) == (n, n, 0, "ok")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == n


def test_an_article_without_its_story_row_gets_one(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src, db = _jsonl(tmp_path / "news.jsonl", 3), tmp_path / "s.sqlite"
    code, _, err = run_cli(capsys, "ingest", str(src), "--db", str(db), "--quiet")
    assert code == 0, err
    with sqlite3.connect(db) as conn:  # as stores written before story rows were atomic
        conn.execute("DELETE FROM article_versions")
    from kroniek.store import open_store

    with open_store(str(db)) as store:
        assert store.versions().repair() == 0  # opening repaired all three already
    assert _story_state(db) == (3, 3, 0, "ok")


def test_sigint_says_what_was_kept(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    src, db = _jsonl(tmp_path / "news.jsonl", 40), tmp_path / "s.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "kroniek", "ingest", str(src), "--db",
                             str(db), "--quiet"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 600
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            if db.exists() and _story_state(db)[0] >= 2:
                break
        except sqlite3.OperationalError:
            pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "Interrupted after added" in err and "run again to resume" in err, err


@pytest.mark.postgres
def test_kills_on_postgresql_leave_no_article_without_its_story(
        tmp_path: Path, request: pytest.FixtureRequest) -> None:
    import random
    import signal
    import subprocess
    import sys
    import time
    import uuid

    import psycopg

    from kroniek.store import open_store

    server = request.getfixturevalue("pg_server")
    name = "kill_" + uuid.uuid4().hex[:8]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    target, n = f"{server}/{name}", 30
    src = _jsonl(tmp_path / "news.jsonl", n)

    def state() -> tuple[int, int, int]:
        with psycopg.connect(target) as conn:
            tables = {r[0] for r in conn.execute(
                "SELECT table_name FROM information_schema.tables")}
            if "article_versions" not in tables:
                return 0, 0, 0
            a = conn.execute("SELECT count(*) FROM articles").fetchone()
            v = conn.execute("SELECT count(*) FROM article_versions").fetchone()
            d = conn.execute("SELECT count(*) - count(DISTINCT content_hash) FROM articles"
                             ).fetchone()
        assert a is not None and v is not None and d is not None
        return int(a[0]), int(v[0]), int(d[0])

    rng = random.Random(18)
    for _ in range(2):
        proc = subprocess.Popen([sys.executable, "-m", "kroniek", "ingest", str(src), "--db",
                                 target, "--quiet"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        target_count = state()[0] + rng.randint(1, 5)
        deadline = time.monotonic() + 600
        try:
            while proc.poll() is None and time.monotonic() < deadline:
                if state()[0] >= target_count:
                    time.sleep(rng.random() * 0.2)
                    proc.send_signal(signal.SIGKILL)
                    break
                time.sleep(0.05)
        finally:
            proc.wait()
        articles, stories, dups = state()
        assert stories == articles and dups == 0
    result = subprocess.run([sys.executable, "-m", "kroniek", "ingest", str(src), "--db",
                             target, "--quiet"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    assert state() == (n, n, 0)
    with open_store(target) as store:
        assert store.versions().repair() == 0
