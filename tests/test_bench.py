"""`kroniek bench` runs on a tiny input and writes valid JSON (no timing assertions)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _tiny_input(shared_data: Path, tmp_path: Path, n: int = 4) -> Path:
    src = shared_data / "news" / "dpgmedia2019-nl.jsonl"
    path = tmp_path / "tiny.jsonl"
    with src.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if 200 < len(json.loads(ln).get("text") or "") < 1500][:n]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_bench_single_and_batch_write_json(shared_data: Path, tmp_path: Path) -> None:
    data = _tiny_input(shared_data, tmp_path)
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "kroniek"), "bench", "--input", str(data),
         "--limit", "3", "--batch", "--workers", "1,2", "--partition-size", "1",
         "--profile", "5", "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    single = result["pipeline"]
    assert single["articles"] == 3 and single["words"] > 0
    assert single["articles_per_s_per_core"] > 0 and single["peak_rss_mb"] > 0
    # the language-analysis stage alone is faster than the whole pipeline
    assert single["linguistic_words_per_s_per_core"] > single["words_per_s_per_core"]
    assert set(single["stages"]) >= {"kroniek.segment.v1", "kroniek.linguistic.spacy.v1"}
    assert abs(sum(s["share"] for s in single["stages"].values()) - 1.0) < 0.01
    assert len(result["profile"]) == 5 and all(":" in r["function"] for r in result["profile"])
    runs = result["batch"]["runs"]
    assert [r["workers"] for r in runs] == [1, 2]
    assert all(r["articles"] == 3 and r["failed_partitions"] == 0 for r in runs)
    assert runs[0]["speedup"] == 1.0 and "efficiency" in runs[1]
    assert "kroniek bench" in proc.stderr  # the table


def test_bench_bad_arguments(tmp_path: Path) -> None:
    kroniek = str(Path(sys.executable).parent / "kroniek")
    proc = subprocess.run([kroniek, "bench", "--input", str(tmp_path / "nope.jsonl")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.startswith("Error:")
    proc = subprocess.run([kroniek, "bench", "--batch", "--workers", "two"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3 and "--workers" in proc.stderr
