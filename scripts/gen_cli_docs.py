"""Regenerate docs/cli.md, the command-line reference, from the commands themselves.

Usage: .venv/bin/python scripts/gen_cli_docs.py   (tests/test_docs.py checks it is current)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def render() -> str:
    result = subprocess.run(
        [sys.executable, "-m", "typer", "kroniek.cli", "utils", "docs", "--name", "kroniek",
         "--title", "kroniek command-line reference"],
        capture_output=True, text=True, check=True, env={"COLUMNS": "100", "PATH": ""},
    )
    return result.stdout


if __name__ == "__main__":
    DOCS.write_text(render(), encoding="utf-8")
    print(f"wrote {DOCS}")
