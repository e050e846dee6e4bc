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
