"""Commands that read the store: `events`, `incidents`, `claims`, `quotes`, `articles`,
`places`, `search` and `info`.

Filter words are checked before the query (`kroniek.filters`): an unknown event type, a
date that is not one, or a name that matches nothing stored is an error naming the input
and the nearest valid values, never an empty table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from kroniek.cli.output import (
    CREATE,
    DB,
    FORMAT,
    LIMIT,
    OFFSET,
    OUT,
    Column,
    RowFormat,
    emit,
    open_reading_store,
    page_size,
)
from kroniek.doc import SOURCE_TYPES

__all__ = ["event_filter", "register"]

FACTUALITIES = ("asserted", "hedged", "denied", "declined", "unconfirmed")
QUOTE_KINDS = ("direct", "indirect", "mixed")


def _names(store: Any, kind: str, value: str | None, *, option: str) -> tuple[str, ...] | None:
    """The stored names `value` stands for (fuzzy, exonym-aware); an error if none."""
    if value is None:
        return None
    from kroniek.errors import InputError
    from kroniek.filters import match_names, nearest

    known = store.known_values(kind)
    if not value.strip():
        raise InputError(f"an empty {kind} name", source=option, hint=f"give a {kind} name")
    found = tuple(match_names(value, known))
    if not found:
        close = nearest(value, known)
        raise InputError(f"no {kind} in the store matches {value!r}", source=option,
                         hint="nearest: " + ", ".join(close) if close
                         else f"the store holds {len(known)} {kind} names")
    return found


def _side(store: Any, value: str | None) -> str | None:
    if value is None:
        return None
    from kroniek.errors import InputError
    from kroniek.filters import match_names, nearest

    sides = store.facets()["sides"]
    found = [s for s in match_names(value, sides) if s.casefold() == value.casefold()] or \
        match_names(value, sides)
    if not found:
        raise InputError(f"no side matches {value!r}", source="--side",
                         hint="one of: " + ", ".join(nearest(value, sides) or sides[:10]))
    return str(found[0])


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    from kroniek.errors import InputError
    from kroniek.filters import resolve_place

    match = resolve_place(value)
    if len(match.countries) != 1:
        raise InputError(f"not a country: {value!r}", source="--country",
                         hint="a country name in any language (Oekraïne, Ukraine) or an "
                              "ISO code (UA); --place takes towns and provinces")
    return match.countries[0]


def _place(store: Any, value: str | None) -> Any:
    if value is None:
        return None
    from kroniek.errors import InputError
    from kroniek.filters import nearest, resolve_place

    match = resolve_place(value)
    if not (match.countries or match.admin1 or match.admin2 or match.geonameids):
        known = store.known_values("place")
        if value.casefold() not in {k.casefold() for k in known}:
            raise InputError(f"no place called {value!r}", source="--place",
                             hint="nearest: " + ", ".join(nearest(value, known) or ["none"]))
    return match


def event_filter(store: Any, *, type: str | None = None, actor: str | None = None,
                 place: str | None = None, country: str | None = None,
                 modality: list[str] | None = None, since: str | None = None,
                 until: str | None = None, source_type: str | None = None,
                 side: str | None = None, min_fatalities: int | None = None,
                 max_fatalities: int | None = None, text: str | None = None,
                 merged: bool = False) -> Any:
    """An `EventFilter` from the command's options, each checked (errors name the option)."""
    from kroniek.filters import (
        MODALITIES,
        parse_day,
        resolve_choice,
        resolve_event_type,
    )
    from kroniek.store.queries import EventFilter

    return EventFilter(
        type=resolve_event_type(type) if type is not None else None,
        actors=_names(store, "actor", actor, option="--actor"),
        place=_place(store, place), country=_country(country),
        modality=tuple(resolve_choice(m, MODALITIES, name="--modality")
                       for m in modality or []),
        date_from=parse_day(since, name="--since") if since is not None else None,
        date_to=parse_day(until, name="--until", end=True) if until is not None else None,
        source_type=resolve_choice(source_type, SOURCE_TYPES, name="--source-type")
        if source_type is not None else None,
        side=_side(store, side), fatalities_min=min_fatalities,
        fatalities_max=max_fatalities, q=text, merged=merged)


TYPE = typer.Option(None, "--type", "-t", help="ACLED event type or sub-type (any case).")
ACTOR = typer.Option(None, "--actor", help="Actor name, spelling variants and exonyms "
                                           "too (Zelenski, Oekraïne).")
PLACE = typer.Option(None, "--place", help="Place, province or country in any language "
                                           "(Oekraïne = Ukraine = Україна).")
COUNTRY = typer.Option(None, "--country", help="Country name or ISO code.")
SINCE = typer.Option(None, "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")
SOURCE_TYPE = typer.Option(None, "--source-type", help=", ".join(SOURCE_TYPES) + ".")
SIDE = typer.Option(None, "--side", help="Side of the conflict (a country, any language).")
MIN_FAT = typer.Option(None, "--min-fatalities", min=0, help="At least this many killed.")
MAX_FAT = typer.Option(None, "--max-fatalities", min=0, help="At most this many killed.")
TEXT = typer.Option(None, "--text", help="Words in the reporting article (full-text).")
PUBLISHED_SINCE = "Articles published from this date (YYYY, YYYY-MM or YYYY-MM-DD)."
PUBLISHED_UNTIL = "Articles published up to this date (YYYY, YYYY-MM or YYYY-MM-DD)."


def _published(since: str | None, until: str | None) -> dict[str, str | None]:
    """The store's `date_from`/`date_to` for --since/--until (errors name the option)."""
    from kroniek.filters import parse_day

    return {"date_from": parse_day(since, name="--since") if since is not None else None,
            "date_to": parse_day(until, name="--until", end=True) if until is not None else None}


def events_command(
    db: str | None = DB, create: bool = CREATE, type: str | None = TYPE,
    actor: str | None = ACTOR, place: str | None = PLACE, country: str | None = COUNTRY,
    modality: list[str] | None = typer.Option(
        None, "--modality", help="asserted, negated, hypothetical, future, habitual "
                                 "(repeat for several; default: every report that happened)."),
    since: str | None = SINCE, until: str | None = UNTIL,
    source_type: str | None = SOURCE_TYPE, side: str | None = SIDE,
    min_fatalities: int | None = MIN_FAT, max_fatalities: int | None = MAX_FAT,
    text: str | None = TEXT,
    reports: bool = typer.Option(False, "--reports", help="Every report, not one per incident."),
    limit: int | None = LIMIT, offset: int = OFFSET, format: RowFormat = FORMAT,
    out: Path | None = OUT,
) -> None:
    """List the chronicle's events (one per incident unless --reports), newest first.

    Example:  kroniek events --type Battles --place Oekraïne --since 2025-01 --format csv
    """
    with open_reading_store(db, create=create) as store:
        f = event_filter(store, type=type, actor=actor, place=place, country=country,
                         modality=modality, since=since, until=until,
                         source_type=source_type, side=side, min_fatalities=min_fatalities,
                         max_fatalities=max_fatalities, text=text,
                         merged=not reports and not modality)
        rows = store.list_events(filter=_paged(f, page_size(limit, format), offset))
        total = store.count_events(filter=f)
    emit(rows, fmt=format, out=out, total=total, offset=offset, noun="events", columns=[
        Column("date_from", "date", wrap=False), Column("sub_type", "type"),
        Column("location", max_width=18), Column("actor1"), Column("actor2"),
        Column("fatalities", "dead", wrap=False), Column("reports", "rep", wrap=False)])


def _paged(f: Any, limit: int, offset: int) -> Any:
    import dataclasses

    return dataclasses.replace(f, limit=limit, offset=offset)


def incidents_command(
    db: str | None = DB, create: bool = CREATE, type: str | None = TYPE,
    actor: str | None = ACTOR, place: str | None = PLACE, country: str | None = COUNTRY,
    since: str | None = SINCE, until: str | None = UNTIL,
    source_type: str | None = SOURCE_TYPE, side: str | None = SIDE,
    min_fatalities: int | None = MIN_FAT, max_fatalities: int | None = MAX_FAT,
    limit: int | None = LIMIT, offset: int = OFFSET, format: RowFormat = FORMAT,
    out: Path | None = OUT,
) -> None:
    """List the chronicle's incidents (reports merged across articles), newest first.

    Example:  kroniek incidents --country NL --since 2019-03 --format json
    """
    with open_reading_store(db, create=create) as store:
        f = event_filter(store, type=type, actor=actor, place=place, country=country,
                         since=since, until=until, source_type=source_type, side=side,
                         min_fatalities=min_fatalities, max_fatalities=max_fatalities)
        filters = store.incident_filters(f)
        rows = store.list_incidents(limit=page_size(limit, format), offset=offset, **filters)
        total = store.count_incidents(**filters)
    emit(rows, fmt=format, out=out, total=total, offset=offset, noun="incidents", columns=[
        Column("date_from", "date", wrap=False), Column("sub_type", "type"),
        Column("place_name", "place", max_width=18), Column("actor1"), Column("actor2"),
        Column("n_reports", "rep", wrap=False)])


def claims_command(
    db: str | None = DB, create: bool = CREATE,
    source: str | None = typer.Option(None, "--source", help="Who makes the claim "
                                                             "(spelling variants too)."),
    source_type: str | None = SOURCE_TYPE,
    side: str | None = typer.Option(None, "--side", help="The source's side."),
    factuality: str | None = typer.Option(None, "--factuality",
                                          help=", ".join(FACTUALITIES) + "."),
    text: str | None = TEXT,
    article: str | None = typer.Option(None, "--article", help="Only this article's claims."),
    event: str | None = typer.Option(None, "--event", help="Only claims about this event "
                                                           "(its uid, ARTICLE:EVENT)."),
    since: str | None = typer.Option(None, "--since", help=PUBLISHED_SINCE),
    until: str | None = typer.Option(None, "--until", help=PUBLISHED_UNTIL),
    limit: int | None = LIMIT, offset: int = OFFSET, format: RowFormat = FORMAT,
    out: Path | None = OUT,
) -> None:
    """List claims: what a source says happened, the source's type and side, factuality.

    Example:  kroniek claims --source-type official --since 2019-03 --format csv --out claims.csv
    """
    from kroniek.filters import resolve_choice

    with open_reading_store(db, create=create) as store:
        if event is not None and store.get_event(event) is None:
            from kroniek.errors import InputError

            raise InputError(f"no event {event!r} in the store", source="--event",
                             hint="an event uid as `kroniek events --format json` shows it "
                                  "(ARTICLE:EVENT, e.g. 10592142:e1)")
        filters = {
            "sources": _names(store, "source", source, option="--source"),
            "source_type": resolve_choice(source_type, SOURCE_TYPES, name="--source-type")
            if source_type is not None else None,
            "side": _side(store, side),
            "factuality": resolve_choice(factuality, FACTUALITIES, name="--factuality")
            if factuality is not None else None,
            "article_id": article, "q": text, "event_uid": event,
            **_published(since, until),
        }
        rows = store.list_claims(limit=page_size(limit, format), offset=offset, **filters)
        total = store.count_claims(**filters)
    emit(rows, fmt=format, out=out, total=total, offset=offset, noun="claims", columns=[
        Column("published", "date", wrap=False), Column("source", max_width=22),
        Column("source_type", "type", wrap=False), Column("factuality", "fact.", wrap=False),
        Column("text")])


def quotes_command(
    db: str | None = DB, create: bool = CREATE,
    speaker: str | None = typer.Option(None, "--speaker", help="Speaker (spelling variants "
                                                               "too: Zelenski = Zelensky)."),
    text: str | None = typer.Option(None, "--text", help="Quote text contains these words."),
    article: str | None = typer.Option(None, "--article", help="Only this article's quotes."),
    kind: str | None = typer.Option(None, "--kind", help=", ".join(QUOTE_KINDS) + "."),
    since: str | None = typer.Option(None, "--since", help=PUBLISHED_SINCE),
    until: str | None = typer.Option(None, "--until", help=PUBLISHED_UNTIL),
    limit: int | None = LIMIT, offset: int = OFFSET, format: RowFormat = FORMAT,
    out: Path | None = OUT,
) -> None:
    """List stored quotes with their speakers.

    Example:  kroniek quotes --speaker Zelenski --kind direct --since 2025 --format json
    """
    from kroniek.filters import resolve_choice

    with open_reading_store(db, create=create) as store:
        filters = {"speakers": _names(store, "speaker", speaker, option="--speaker"),
                   "q": text, "article_id": article,
                   "kind": resolve_choice(kind, QUOTE_KINDS, name="--kind")
                   if kind is not None else None, **_published(since, until)}
        rows = store.list_quotes(limit=page_size(limit, format), offset=offset, **filters)
        total = store.count_quotes(**filters)
    emit(rows, fmt=format, out=out, total=total, offset=offset, noun="quotes", columns=[
        Column("published", "date", wrap=False), Column("speaker", max_width=22),
        Column("kind", wrap=False), Column("text")])


def articles_command(
    db: str | None = DB, create: bool = CREATE,
    text: str | None = typer.Option(None, "--text", help="Words in the article (full-text)."),
    outlet: str | None = typer.Option(None, "--outlet", help="Only this outlet."),
    lang: str | None = typer.Option(None, "--lang", help="nl or en."),
    limit: int | None = LIMIT, offset: int = OFFSET, format: RowFormat = FORMAT,
    out: Path | None = OUT,
) -> None:
    """List stored articles (without their text), newest first.

    Example:  kroniek articles --text "Utrecht" --limit 10
    """
    from kroniek.filters import resolve_choice

    with open_reading_store(db, create=create) as store:
        filters = {"q": text, "outlet": outlet,
                   "lang": resolve_choice(lang, ("nl", "en"), name="--lang") if lang else None}
        rows = store.list_articles(limit=page_size(limit, format), offset=offset, **filters)
        total = store.count_articles(**filters)
    emit(rows, fmt=format, out=out, total=total, offset=offset, noun="articles", columns=[
        Column("published", "date", wrap=False), Column("id", wrap=False),
        Column("title"), Column("n_events", "events", wrap=False)])


def places_command(
    db: str | None = DB, create: bool = CREATE,
    name: str | None = typer.Option(None, "--name", help="Place name contains this."),
    country: str | None = COUNTRY,
    limit: int | None = LIMIT, offset: int = OFFSET, format: RowFormat = FORMAT,
    out: Path | None = OUT,
) -> None:
    """List resolved places with their coordinates and how often they are mentioned.

    Example:  kroniek places --name Kyiv
    """
    with open_reading_store(db, create=create) as store:
        filters = {"name": name, "country": _country(country)}
        rows = store.list_places(limit=page_size(limit, format), offset=offset, **filters)
        total = store.count_places(**filters)
    emit(rows, fmt=format, out=out, total=total, offset=offset, noun="places", columns=[
        Column("name"), Column("country_code", "cc", wrap=False),
        Column("lat", wrap=False), Column("lon", wrap=False), Column("precision", wrap=False),
        Column("mentions", wrap=False)])


def search_command(
    text: str = typer.Argument(..., help="Words to search for (full-text)."),
    db: str | None = DB, create: bool = CREATE,
    limit: int | None = LIMIT, offset: int = OFFSET, format: RowFormat = FORMAT,
    out: Path | None = OUT,
) -> None:
    """Full-text search over stored articles and quotes.

    Example:  kroniek search "drone aanval" --limit 10
    """
    with open_reading_store(db, create=create) as store:
        rows = store.search(text, limit=page_size(limit, format), offset=offset)
    emit(rows, fmt=format, out=out, offset=offset, noun="hits", columns=[
        Column("kind", wrap=False), Column("title", max_width=30), Column("snippet")])


def register(app: typer.Typer) -> None:
    for name, command in (("events", events_command), ("incidents", incidents_command),
                          ("claims", claims_command), ("quotes", quotes_command),
                          ("articles", articles_command), ("places", places_command),
                          ("search", search_command)):
        app.command(name)(command)
    from kroniek.cli.info import info_command

    app.command("info")(info_command)
