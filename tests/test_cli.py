"""The `kroniek` command: help for every command, one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from kroniek.cli import app


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kroniek", *args], input=stdin.decode() if stdin else None,
        capture_output=True, text=True, cwd=cwd, timeout=600,
    )


def _all_commands() -> list[list[str]]:
    root = typer.main.get_command(app)
    out: list[list[str]] = []

    def walk(cmd: object, path: list[str]) -> None:
        sub = getattr(cmd, "commands", None)
        if sub is not None:
            for name, child in sub.items():
                walk(child, [*path, name])
        else:
            out.append(path)

    walk(root, [])
    return out


def test_every_command_has_help_with_an_example() -> None:
    from typer.testing import CliRunner

    runner = CliRunner()
    commands = _all_commands()
    assert ["analyze"] in commands and ["ingest"] in commands
    for path in commands:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Example" in result.output, f"kroniek {' '.join(path)} --help has no example"


def test_analyze_reference_article_to_json(reference_path: Path, validate: object) -> None:
    result = run("analyze", str(reference_path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    validate(data)  # type: ignore[operator]
    assert data["published"] == {"value": "2025-04", "precision": "month"}


def test_analyze_from_stdin() -> None:
    result = run("analyze", "-", "--format", "json",
                 stdin=b" date 2025-03-02 Het leger beschoot zondag de stad.")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["published"]["precision"] == "day"
    assert data["text"].startswith("Het leger")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty.txt: empty"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "photo.jpg: binary data"),
        ("latin1.txt", "Gevechten in Charkiv, één dode".encode("latin-1"),
         "latin1.txt: not valid UTF-8"),
        ("bad-date.txt", b" date 2025-31-01 Tekst van het artikel.",
         "bad-date.txt, line 1: unknown date '2025-31-01'"),
        ("broken.jsonl", b"{\"text\": \"ok\"\n", "broken.jsonl, line 1: not JSON"),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path: Path, name: str, content: bytes,
                                        expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("analyze", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_fifty_megabyte_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(b"Oorlog en vrede. " * (50 * 1024 * 1024 // 17 + 1))
    result = run("analyze", str(path))
    assert result.returncode == 2
    assert "huge.txt: 52.4 MB is over the 10 MB limit" in result.stderr
    assert "hint:" in result.stderr


def test_missing_file_and_usage_errors(tmp_path: Path) -> None:
    result = run("analyze", str(tmp_path / "nope.txt"))
    assert result.returncode == 2 and "nope.txt: no such file" in result.stderr
    result = run("analyze", "x.txt", "--format", "yaml")
    assert result.returncode == 2 and "Traceback" not in result.stderr
