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


@eval_app.command("geo")
def eval_geo(
    corpus: str = typer.Option(..., "--corpus", help="lgl or geovirus"),
    data: str = typer.Option("", "--data", help="EUPEG folder (default: shared data)"),
    limit: int = typer.Option(0, "--limit", help="only the first N documents"),
    as_json: bool = typer.Option(False, "--json"),
    check: bool = typer.Option(False, "--check", help="exit 1 under the floors (geo-<corpus>)"),
) -> None:
    """kroniek and the nine EUPEG geoparsers side by side (recognition, resolution).

    Example: kroniek eval geo --corpus lgl
    """
    import json
    from pathlib import Path

    from kroniek.evaluation import check_floors
    from kroniek.evaluation.geo import evaluate, format_table

    rows = evaluate(corpus, data=Path(data) if data else None, limit=limit or None)
    result = {"corpus": corpus, "kroniek": rows[0].as_dict(),
              "peers": [r.as_dict() for r in rows[1:]]}  # fmt: skip
    typer.echo(json.dumps(result, indent=2) if as_json else format_table(rows))
    problems = check_floors(f"geo-{corpus.lower()}", rows[0].as_dict()) if check else []
    for p in problems:
        typer.echo(p, err=True)
    if problems:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
