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


def _report(name: str, result: dict, text: str, *, as_json: bool, check: bool) -> None:
    import json

    from kroniek.evaluation import check_floors

    typer.echo(json.dumps(result, indent=2) if as_json else text)
    flat = {**result, **result.get("kroniek", {})}
    problems = check_floors(name, flat) if check else []
    for p in problems:
        typer.echo(p, err=True)
    if problems:
        raise typer.Exit(1)


@eval_app.command("ner")
def eval_ner(
    gold: str = typer.Option(..., "--gold", help="CoNLL-2002/2003 or WikiANN file"),
    lang: str | None = typer.Option(
        None, "--lang", help="nl or en (default: detected from the words of the gold file)"
    ),
    frog: bool = typer.Option(False, "--frog", help="also run Frog (Dutch) and show it beside"),
    limit: int = typer.Option(0, "--limit", help="only the first N sentences"),
    as_json: bool = typer.Option(False, "--json"),
    check: bool = typer.Option(
        False, "--check", help="exit 1 under the floors (ner-<lang>-<mode>)"
    ),
    mode: str | None = typer.Option(
        None, "--mode", envvar="KRONIEK_MODE", help="fast or accurate NER (default: fast)."
    ),
    pipeline: bool = typer.Option(
        True, "--pipeline/--no-pipeline", help="also score the pipeline on the raw text"
    ),
) -> None:
    """Entity-level precision, recall and F1 per type and overall (conlleval-compatible),
    on the gold tokens (the model alone) and end to end: the documents rebuilt as raw text
    (tokens joined by spaces, sentences by newlines), analysed by kroniek.analyze, its
    entities mapped back to the gold tokens (what users get).

    Example:  kroniek eval ner --gold ../shared/data/ner/conll2002-nl/dev.conll --frog
    """
    from kroniek.evaluation.ner import format_ner, run_ner_eval
    from kroniek.pipeline import resolve_mode

    chosen = resolve_mode(mode)
    if lang is None:
        lang = _gold_language(gold)
        typer.echo(f"--lang {lang} (detected from {gold}; give --lang to choose)", err=True)
    result = run_ner_eval(gold, lang=lang, frog=frog, limit=limit, pipeline=pipeline,
                          mode=chosen)  # fmt: skip
    _report(f"ner-{lang}-{chosen}", result, format_ner(result), as_json=as_json, check=check)
    if check and chosen == "fast":  # the gold-token floors of the fast model
        _report(f"ner-{lang}", result, "", as_json=False, check=True)


def _gold_language(gold: str) -> str:
    """nl or en, from the first 2,000 words of a CoNLL file (first column of each line).
    A missing file is left to the evaluation, which names it."""
    from pathlib import Path

    from kroniek.stages.language import detect_language

    words: list[str] = []
    try:
        with Path(gold).open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                parts = line.split()
                if parts and not line.startswith(("#", "-DOCSTART-")):
                    words.append(parts[1] if parts[0].isdigit() and len(parts) > 2 else parts[0])
                if len(words) >= 2000:
                    break
    except OSError:
        return "nl"
    lang, _ = detect_language(" ".join(words))
    return "en" if lang == "en" else "nl"


@eval_app.command("syntax")
def eval_syntax(
    gold: str = typer.Option(..., "--gold", help="CoNLL-U file"),
    lang: str = typer.Option("nl", "--lang"),
    limit: int = typer.Option(0, "--limit", help="only the first N sentences"),
    as_json: bool = typer.Option(False, "--json"),
    check: bool = typer.Option(
        False, "--check", help="exit 1 under the floors (syntax-<lang>, syntax-<lang>-accurate)"
    ),
    mode: str = typer.Option(
        "fast", "--mode", help="fast (the spaCy pipeline) or accurate (its tags and lemmas, "
        "the e5 parser's trees)"),  # fmt: skip
) -> None:
    """UPOS, lemma accuracy, UAS and LAS on gold tokens.

    Example:  kroniek eval syntax --gold ../shared/data/syntax/nl_alpino-ud-dev.conllu
    """
    from kroniek.errors import ConfigError
    from kroniek.evaluation.syntax import format_syntax, run_syntax_eval

    if mode not in ("fast", "accurate"):  # fast by default, whatever $KRONIEK_MODE says
        raise ConfigError(f"unknown --mode {mode!r}", hint="use fast or accurate")
    chosen = mode
    result = run_syntax_eval(gold, lang=lang, limit=limit, mode=chosen)
    name = f"syntax-{lang}" + ("-accurate" if chosen == "accurate" else "")
    _report(name, result, format_syntax(result), as_json=as_json, check=check)


@eval_app.command("geo")
def eval_geo(
    corpus: str = typer.Option(..., "--corpus", help="lgl, geovirus, or nl (the Dutch check)"),
    part: str = typer.Option("all", "--part", help="LGL part: tune (tuned on), frozen or all"),
    gold: str = typer.Option("gold/places-nl", "--gold", help="the Dutch check's gold folder"),
    errors: bool = typer.Option(False, "--errors", help="Dutch check: list every wrong place"),
    data: str = typer.Option("", "--data", help="EUPEG folder (default: shared data)"),
    limit: int = typer.Option(0, "--limit", help="only the first N documents"),
    as_json: bool = typer.Option(False, "--json"),
    check: bool = typer.Option(False, "--check", help="exit 1 under the floors (geo-<corpus>)"),
) -> None:
    """kroniek and the nine EUPEG geoparsers side by side (recognition, resolution), with
    EUPEG's inexact matching and exact-span matching beside each other.

    Example: kroniek eval geo --corpus lgl --part frozen
    The Dutch check (100 DPG articles' places checked by hand, right country and entry):
    kroniek eval geo --corpus nl --errors
    """
    import json
    from pathlib import Path

    from kroniek.evaluation import check_floors
    from kroniek.evaluation.geo import evaluate_both, format_table

    if corpus.lower() == "nl":
        from kroniek.evaluation.places_nl import evaluate_places_nl, format_places_nl

        sc = evaluate_places_nl(Path(gold))
        typer.echo(json.dumps(sc.as_dict(), indent=2) if as_json else format_places_nl(sc, errors=errors))
        problems = check_floors("geo-nl", sc.as_dict()) if check else []
        for p in problems:
            typer.echo(p, err=True)
        if problems:
            raise typer.Exit(1)
        return

    rows, exact = evaluate_both(corpus, data=Path(data) if data else None, limit=limit or None,
                                part=part)  # fmt: skip
    result = {"corpus": corpus, "part": part, "kroniek": rows[0].as_dict(),
              "kroniek_exact": exact[0].as_dict(), "peers": [r.as_dict() for r in rows[1:]],
              "peers_exact": [r.as_dict() for r in exact[1:]]}  # fmt: skip
    typer.echo(json.dumps(result, indent=2) if as_json else format_table(rows, exact))
    name = f"geo-{corpus.lower()}" + (f"-{part}" if part != "all" else "")
    problems = check_floors(name, rows[0].as_dict()) if check else []
    for p in problems:
        typer.echo(p, err=True)
    if problems:
        raise typer.Exit(1)


@eval_app.command("events")
def eval_events(
    gold: str = typer.Option("gold/events-nl", "--gold", help="folder of gold event files"),
    news: str = typer.Option("", "--news", help="news JSONL the gold articles come from"),
    plover: str = typer.Option("", "--plover", help="also check the PLOVER mapping (GSR file)"),
    limit: int = typer.Option(0, "--limit", help="only the first N gold articles"),
    split: str = typer.Option("", "--split",
                              help="dev (the default), frozen-test (scored once) or all"),
    errors: bool = typer.Option(False, "--errors", help="list every miss and false event by cause"),
    ids: str = typer.Option("", "--ids", help="only the gold articles this file lists (JSON list or one id a line)"),
    as_json: bool = typer.Option(False, "--json"),
    check: bool = typer.Option(False, "--check", help="exit 1 under the floors (events-nl)"),
    events_variant: str | None = typer.Option(
        None, "--events-variant", envvar="KRONIEK_EVENTS",
        help="hybrid (default), rules, learned or combined: which events variant to score"),
    mode: str | None = typer.Option(
        None, "--mode", envvar="KRONIEK_MODE", help="fast (default) or accurate analysis"),
) -> None:
    """Event detection P/R/F1, sub-type and modality accuracy, place, date, actors,
    fatalities, and false events on articles with no event.

    Example: kroniek eval events --gold gold/events-nl --errors
    (frozen test part: --split frozen-test, or --gold gold/events-nl/frozen-test;
    the learned variants: --events-variant hybrid|learned|combined, with --mode accurate for the
    encoder's model)
    """
    from pathlib import Path

    from kroniek.evaluation.events import DEFAULT_NEWS, check_plover, evaluate_events, read_ids

    if split not in ("", "dev", "frozen-test", "all", "test"):
        from kroniek.errors import InputError

        raise InputError(f"unknown split {split!r}", source="--split",
                         hint="use dev, frozen-test or all")
    from kroniek.models.event_classifier import resolve_variant
    from kroniek.pipeline import resolve_mode

    sc = evaluate_events(Path(gold), news=Path(news) if news else DEFAULT_NEWS, limit=limit or None,
                         split=split or None, mode=resolve_mode(mode),
                         events=resolve_variant(events_variant), ids=read_ids(Path(ids)) if ids else None)
    result = sc.as_dict()
    if plover:
        result["plover"] = check_plover(Path(plover))
    if errors:
        result["errors"] = sc.errors
    text = "\n".join(f"{k:22} {v}" for k, v in result.items() if k != "errors")
    if errors:
        ordered = sorted(sc.errors, key=lambda e: (e["error"], e.get("cause", ""), e["article"]))
        text += "\n" + "\n".join(str(e) for e in ordered)
    _report("events-nl", result, text, as_json=as_json, check=check)


@eval_app.command("quotes")
def eval_quotes(
    corpus: str = typer.Option("", "--corpus", help="polnear: English attribution corpus"),
    gold: str = typer.Option("", "--gold", help="folder of Dutch gold files (gold/quotes-nl)"),
    data: str = typer.Option("", "--data", help="PolNeAR split folder (default: shared dev)"),
    limit: int = typer.Option(0, "--limit", help="only the first N articles"),
    errors: bool = typer.Option(False, "--errors", help="list misses (Dutch gold only)"),
    as_json: bool = typer.Option(False, "--json"),
    check: bool = typer.Option(False, "--check", help="exit 1 under the floors (quotes-*)"),
) -> None:
    """Quotes and attribution: PolNeAR spans (exact/overlap P/R/F1) or the Dutch gold set
    (direct F1, indirect F1, speaker accuracy).

    Examples: kroniek eval quotes --corpus polnear; kroniek eval quotes --gold gold/quotes-nl
    """
    from pathlib import Path

    from kroniek.errors import InputError
    from kroniek.evaluation import quotes as q

    if corpus.lower() == "polnear":
        arts = q.load_polnear(Path(data) if data else q.DEFAULT_POLNEAR, limit=limit or None)
        result, name = q.score_polnear(arts), "quotes-polnear"
    elif gold:
        errs: list[dict] = []
        docs = q.load_gold(Path(gold))[: limit or None]
        result, name = q.score_gold(docs, errors=errs if errors else None), "quotes-nl"
        if errors:
            result["errors"] = errs
    else:
        raise InputError("say what to score", source=corpus or "eval quotes",
                         hint="use --corpus polnear or --gold gold/quotes-nl")
    text = q.format_quotes(result)
    if errors:
        text += "\n" + "\n".join(q.iter_errors(result.get("errors", [])))
    _report(name, {**result, **q.flat_scores(result)}, text, as_json=as_json, check=check)


@eval_app.command("dedup")
def eval_dedup(
    data: str = typer.Option("", "--data", help="A news JSONL file (default: the shared news)"),
    limit: int = typer.Option(0, "--limit", help="only the first N articles"),
    probes: int = typer.Option(200, "--probes", help="wire copies and updates to make"),
    as_json: bool = typer.Option(False, "--json"),
    check: bool = typer.Option(False, "--check", help="exit 1 under the floors (dedup)"),
) -> None:
    """Near-duplicates: wire copies and updates made from real articles find their story.

    Example: kroniek eval dedup --check
    """
    from kroniek.bench import DEFAULT_INPUT
    from kroniek.evaluation.dedup import format_dedup, run_dedup_eval

    result = run_dedup_eval(data or DEFAULT_INPUT, limit=limit or None, probes=probes)
    _report("dedup", result, format_dedup(result), as_json=as_json, check=check)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
