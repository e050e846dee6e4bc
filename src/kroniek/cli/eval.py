"""`kroniek eval ...`: evaluation commands, one per extractor, each with pinned floors.

Each command prints a table (or JSON with `--json`) and, with `--check`, exits 1 when a
score is below its floor in `kroniek/evaluation/floors.json`.
"""

from __future__ import annotations

import typer

__all__ = ["eval_app", "register"]

eval_app = typer.Typer(
    help="Measure kroniek against gold data (NER, syntax, geo, quotes, events).",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
