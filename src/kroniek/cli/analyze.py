"""`kroniek analyze`: one article to JSON (the kroniek/1 contract) or a readable summary."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from kroniek.doc import Doc

__all__ = ["register"]


class OutputFormat(StrEnum):
    json = "json"
    pretty = "pretty"


def analyze_command(
    path: str = typer.Argument(..., metavar="FILE|-", help="An article file, or - for stdin."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="json|pretty"),
    lang: str | None = typer.Option(None, "--lang", help="nl or en; detected when omitted."),
    indent: int | None = typer.Option(None, "--indent", help="Indent the JSON by N spaces."),
    mode: str | None = typer.Option(
        None, "--mode", envvar="KRONIEK_MODE", help="fast or accurate NER (default: fast)."
    ),
) -> None:
    """Analyse one article: JSON on stdout, or a readable summary with --format pretty.

    The file may be plain text, the dated text format (` date 2025-04 ` before the text),
    a JSON/JSONL article (its first line is used), or an HTML page.

    Example:  kroniek analyze article.txt --format pretty
    """
    from kroniek.analysis import analyze_article
    from kroniek.readers import read_inputs

    article = next(iter(read_inputs([path])), None)
    if article is None:
        from kroniek.errors import EmptyInputError

        raise EmptyInputError("no article found", source=path,
                              hint="it held no readable article (an archive without HTML "
                              "pages, a feed without items)")
    doc = analyze_article(article, lang=lang, mode=mode)
    if format is OutputFormat.json:
        sys.stdout.write(doc.dumps(indent=indent) + "\n")
    else:
        print_pretty(doc)


def print_pretty(doc: Doc) -> None:
    """A readable summary of a document for people, one table per layer."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    pub = doc.published.value if doc.published else "unknown date"
    console.print(f"[bold]{doc.title or doc.id}[/bold]  lang={doc.lang}  published={pub}")
    for w in doc.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")
    tables: list[tuple[str, list[str], list[list[str]]]] = [
        ("Events", ["type", "sub-type", "modality", "trigger", "actors", "place", "time", "sources"], [
            [e.type, e.sub_type,
             e.modality if e.modality in ("asserted", "claimed") else f"[red]not happened: {e.modality}[/red]",
             e.trigger.text,
             " vs ".join(a.name for a in (e.actor1, e.actor2) if a),
             _place_name(doc, e.place), f"{e.time.from_ or '?'}..{e.time.to or '?'}",
             ", ".join(dict.fromkeys(str(doc.by_id(c).source.name) for c in e.claims))]
            for e in doc.events
        ]),
        ("Places", ["mention", "resolved", "lat,lon", "precision", "role"], [
            [p.text, p.name or "", f"{p.lat:.3f},{p.lon:.3f}" if p.lat is not None
             and p.lon is not None else "", p.precision, p.role]
            for p in doc.places
        ]),
        ("Quotes", ["kind", "speaker", "quote"], [
            [q.kind, (q.speaker.name or "") if q.speaker else "", _short(q.text)]
            for q in doc.quotes
        ]),
        ("Claims", ["source", "type", "factuality", "claim"], [
            [c.source.name or "", c.source.type, c.factuality, _short(doc.span(c.start, c.end))]
            for c in doc.claims
        ]),
        ("Entities", ["label", "text", "canonical"], [
            [e.label, e.text, e.canonical] for e in doc.entities
        ]),
    ]
    for title, columns, rows in tables:
        if console.width < RECORD_VIEW_COLUMN_WIDTH * len(columns):
            _print_records(console, f"{title} ({len(rows)})", columns, rows)
            continue
        table = Table(title=f"{title} ({len(rows)})", title_justify="left")
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console.print(table)


# A table whose columns would get fewer characters than this breaks words mid-way (a
# "Violence against civilians" type in an 8-column table at 80 columns): such tables are
# shown as records instead, one field a line.
RECORD_VIEW_COLUMN_WIDTH = 22


def _print_records(console: Console, title: str, columns: list[str],
                   rows: list[list[str]]) -> None:
    """`rows` as records: the title, then per row one `column: value` line per filled field."""
    console.print(f"[italic]{title}[/italic]")
    key_width = max(len(c) for c in columns)
    for n, row in enumerate(rows, 1):
        lines = [f"  [bold]{col.rjust(key_width)}[/bold]  {value}"
                 for col, value in zip(columns, row, strict=True) if value]
        console.print(f"[dim]{n}.[/dim]")
        for line in lines:
            console.print(line, overflow="fold")
    if rows:
        console.print()


def _place_name(doc: Doc, place_id: str | None) -> str:
    if place_id is None:
        return ""
    place = doc.by_id(place_id)
    return str(place.name or place.text)


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_command)
