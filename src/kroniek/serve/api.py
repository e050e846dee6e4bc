"""The `/api/v1` routes: articles, events, quotes, places, search, exports.

Every parameter is validated (types, ranges, lengths, dates, bounding boxes, event types
with the nearest valid ones); lists are paginated with `limit`/`offset` and answer
`{"items", "total", "limit", "offset", "next_offset"}` (`kroniek.serve.schemas`). Place,
country, actor, speaker and claim-source filters accept the spellings and languages the
command line does (`kroniek.filters`): "Oekraïne", "Ukraine" and "Україна" are one place.
Most handlers are plain functions run in FastAPI's thread pool (the store keeps one
connection per thread). The map's hot paths (/events, /events/points, /events/days) are
`async` and read SQLite on the event loop (a page of events takes ~2 ms to read, less than
the thread hops would cost; measured with scripts/load_bench.py); PostgreSQL reads go to
the thread pool so the process keeps working while the server computes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hmac
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from kroniek.doc import SourceType
from kroniek.errors import InputError
from kroniek.readers.text import MAX_CHARS
from kroniek.serve import schemas
from kroniek.serve.errors import ApiError
from kroniek.serve.schemas import ERRORS, ERRORS_404
from kroniek.store.queries import EventFilter
from kroniek.store.rows import date_range

__all__ = ["ArticleIn", "router"]

router = APIRouter(prefix="/api/v1")

# The dates the filters accept, as OpenAPI states them (#17: every request the schema allows
# is answered): years 0001-9999, months 01-12, days that the month can have (29 February
# of a common year stands for the 28th).
_DATE_PATTERN = (r"^(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
                 r"(-((0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-9]))?|(0[13-9]|1[0-2])-30"
                 r"|(0[13578]|1[02])-31))?$")
# west,south,east,north in degrees: longitudes within ±180, latitudes within ±90.
_LON = r"-?(180(\.0+)?|(1[0-7][0-9]|[0-9]{1,2})(\.[0-9]+)?)"
_LAT = r"-?(90(\.0+)?|[0-8]?[0-9](\.[0-9]+)?)"
_BBOX_PATTERN = rf"^{_LON},{_LAT},{_LON},{_LAT}$"


def _any_case(words: list[str]) -> str:
    """A pattern of exactly `words`, in any case ("[Bb][Aa]..."; OpenAPI has no flags).
    Other characters than letters are written as they are: no regex syntax in them."""

    def one(word: str) -> str:
        assert not set(word) & set("\\^$.|?*+()[]{}"), word
        return "".join(f"[{c.upper()}{c.lower()}]" if c.upper() != c.lower() else c
                       for c in word)
    return "^(" + "|".join(one(w) for w in sorted(words, key=len, reverse=True)) + ")$"


def _event_type_pattern() -> str:
    from kroniek.acled import EVENT_TYPES, SUB_TYPES

    return _any_case([*EVENT_TYPES, *(s for subs in SUB_TYPES.values() for s in subs)])
Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")]
Text = Annotated[str | None, Query(min_length=1, max_length=200)]
Modality = Literal["asserted", "negated", "hypothetical", "future", "habitual", "claimed",
                   "generic"]
Factuality = Literal["asserted", "hedged", "denied", "declined", "unconfirmed"]
Count = Annotated[int | None, Query(ge=0, le=10_000_000)]
QuoteKind = Literal["direct", "indirect", "mixed"]
PublishedFrom = Annotated[str | None, Query(
    pattern=_DATE_PATTERN, description="Articles published on or after this date.")]
PublishedTo = Annotated[str | None, Query(
    pattern=_DATE_PATTERN, description="Articles published on or before this date.")]


def _store(request: Request) -> Any:
    return request.app.state.store


class FastJSON(JSONResponse):
    """JSON straight from plain rows (the store returns JSON-ready dicts), skipping FastAPI's
    generic encoder, which costs more than the query on a page of 100 events."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False).encode("utf-8")


async def _read(request: Request, method: str, **kwargs: Any) -> Any:
    """A store read from an `async` handler: on the event loop for SQLite (the read is
    CPU work, cheaper than a thread hop); in the thread pool for PostgreSQL, where the
    process would otherwise sit idle while the server computes."""
    store = _store(request)
    fn = getattr(store, method)
    if getattr(store, "dialect", "") == "postgres":
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(fn, **kwargs)
    return fn(**kwargs)


def _page(items: list[Any], limit: int, offset: int, total: int | None = None) -> FastJSON:
    """`items` was fetched with limit + 1 rows: the extra one says there is a next page."""
    more = len(items) > limit
    body: dict[str, Any] = {"items": items[:limit]}
    if total is not None:
        body["total"] = total
    body.update(limit=limit, offset=offset, next_offset=offset + limit if more else None)
    return FastJSON(body)


def _param(name: str, exc: InputError) -> ApiError:
    """An `InputError` about a query parameter as the API's 422 naming it."""
    message = exc.message + (f" ({exc.hint})" if exc.hint else "")
    return ApiError(422, f"invalid parameter: {name}",
                    details=[{"in": "query", "name": name, "message": message}])


def _names(request: Request, kind: str, value: str | None) -> tuple[str, ...] | None:
    """The stored names `value` stands for (spellings, exonyms); () when none."""
    if value is None:
        return None
    from kroniek.filters import match_names

    return tuple(match_names(value, _store(request).known_values(kind)))


def _side(request: Request, value: str | None) -> str | None:
    """The stored side `value` names (any language), or `value` itself."""
    if value is None:
        return None
    from kroniek.filters import match_names

    sides = _store(request).facets()["sides"]
    exact = [s for s in sides if s.casefold() == value.casefold()]
    found = exact or match_names(value, sides)
    return str(found[0]) if found else value


def _day(value: str | None, name: str, *, end: bool) -> str | None:
    if value is None:
        return None
    parts = value.split("-")
    if len(parts) == 3 and parts[1:] == ["02", "29"] and not calendar.isleap(int(parts[0])):
        value = f"{parts[0]}-02-28"  # the pattern allows 29 February of every year
    span = date_range(value)
    try:
        if span is None:
            raise ValueError(value)
        dt.date.fromisoformat(span[1] if end else span[0])
    except ValueError:
        raise ApiError(422, f"invalid parameter: {name}", details=[
            {"in": "query", "name": name, "message": "not a date (YYYY, YYYY-MM or YYYY-MM-DD)"}
        ]) from None
    return span[1] if end else span[0]


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """The box `_BBOX_PATTERN` admits (checked again for callers without the pattern); its
    latitudes in either order (west > east is a box across 180°)."""
    if value is None:
        return None
    problem = "four numbers west,south,east,north in degrees"
    try:
        w, s, e, n = (float(v) for v in value.split(","))
    except ValueError:
        w = s = e = n = float("nan")
    ok = (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= 90 and -90 <= n <= 90)
    if not ok:
        raise ApiError(422, "invalid parameter: bbox",
                       details=[{"in": "query", "name": "bbox", "message": problem}])
    return w, min(s, n), e, max(s, n)


async def event_filter(
    request: Request,
    bbox: Annotated[str | None, Query(max_length=120, pattern=_BBOX_PATTERN,
                                      description="west,south,east,north in degrees",
                                      examples=["30,44,41,53"])] = None,
    date_from: Annotated[str | None, Query(pattern=_DATE_PATTERN,
                                           description="Events ending on or after this date.")] = None,
    date_to: Annotated[str | None, Query(pattern=_DATE_PATTERN,
                                         description="Events starting on or before this date.")] = None,
    type: Annotated[str | None, Query(pattern=_event_type_pattern(),
                                      description="ACLED event type or sub-type (any case).")] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=100,
                                       description="Actor name; spelling variants and "
                                                   "exonyms match too.")] = None,
    place: Annotated[str | None, Query(min_length=1, max_length=100, pattern=r"\S",
                                       description="Place, province or country in any "
                                                   "language the gazetteer knows.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$",
                                         description="ISO 3166 alpha-2 code.")] = None,
    modality: Annotated[list[Modality] | None, Query(
        description="Keep these modalities (repeat the parameter); default all.")] = None,
    fatalities_min: Count = None,
    fatalities_max: Count = None,
    source_type: SourceType | None = None,
    side: Annotated[str | None, Query(min_length=1, max_length=40)] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200,
                                   description="Words in the reporting article.")] = None,
    article_id: Annotated[str | None, Query(min_length=1, max_length=80)] = None,
    merged: Annotated[bool, Query(description="One row per incident.")] = False,
) -> EventFilter:
    from kroniek.filters import resolve_event_type, resolve_place

    try:
        kind = resolve_event_type(type) if type is not None else None
    except InputError as exc:
        raise _param("type", exc) from None
    try:
        where = resolve_place(place) if place is not None and place.strip() else None
    except InputError as exc:
        raise _param("place", exc) from None
    return EventFilter(
        bbox=_bbox(bbox), date_from=_day(date_from, "date_from", end=False),
        date_to=_day(date_to, "date_to", end=True), type=kind,
        actors=_names(request, "actor", actor), place=where,
        country=country.upper() if country else None, modality=tuple(modality or ()),
        fatalities_min=fatalities_min, fatalities_max=fatalities_max,
        source_type=source_type, side=_side(request, side), q=q, article_id=article_id,
        merged=merged)


Filter = Annotated[EventFilter, Depends(event_filter)]


def _with_page(f: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    from dataclasses import fields

    out = {field.name: getattr(f, field.name) for field in fields(f)}  # shallow: keeps PlaceMatch
    out.update(limit=limit, offset=offset)
    return out


# -- articles --------------------------------------------------------------------------


@router.get("/articles", summary="List stored articles, newest first",
            response_model=schemas.ArticlePage, responses=ERRORS)
def list_articles(request: Request, limit: Limit = 50, offset: Offset = 0, q: Text = None,
                  outlet: Text = None,
                  lang: Annotated[str | None, Query(pattern=r"^[a-z]{2}$")] = None) -> Any:
    store = _store(request)
    rows = store.list_articles(limit=limit + 1, offset=offset, q=q, outlet=outlet, lang=lang)
    return _page(rows, limit, offset, store.count_articles(q=q, outlet=outlet, lang=lang))


ArticleId = Annotated[str, Path(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9_.-]+$")]


@router.get("/articles/{article_id}", summary="One article with all its annotations",
            response_model=schemas.ArticleDetail, responses=ERRORS_404)
def get_article(request: Request, article_id: ArticleId) -> Any:
    row = _store(request).get_article(article_id)
    if row is None:
        raise ApiError(404, f"no article {article_id!r}")
    return FastJSON(row)


class ArticleIn(BaseModel):
    """An article to analyse and store."""

    text: str = Field(min_length=1, max_length=MAX_CHARS, pattern=r"\S")  # not blank
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, max_length=40, examples=["2025-04"])
    lang: Literal["nl", "en"] | None = None


def _check_token(request: Request, authorization: str | None) -> None:
    token = request.app.state.write_token
    if not token:
        raise ApiError(403, "this server is read-only (start it with --write-token)",
                       code="read_only")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "a valid write token is required (Authorization: Bearer ...)")


@router.post("/articles", status_code=201, summary="Analyse and store an article (write token)",
             response_model=schemas.Added, responses=schemas.WRITE_ERRORS)
def post_article(request: Request, article: ArticleIn,
                 authorization: Annotated[str | None, Header()] = None) -> Any:
    _check_token(request, authorization)
    from kroniek.analysis import analyze_article
    from kroniek.readers.base import Article

    art = Article(text=article.text, source="api", title=article.title, url=article.url,
                  published=article.published, outlet=article.outlet)
    digest = art.identity()
    store = _store(request)
    if store.has(digest):
        return JSONResponse({"added": False, "content_hash": digest}, status_code=200)
    doc = analyze_article(art, lang=article.lang)
    added = store.add(doc, content_hash=digest, source="api")
    return JSONResponse({"added": added, "content_hash": digest, "id": doc.id,
                         "events": len(doc.events)}, status_code=201 if added else 200)


# -- events ----------------------------------------------------------------------------


@router.get("/events", summary="Events, filtered, newest first",
            response_model=schemas.EventPage, responses=ERRORS)
async def list_events(request: Request, f: Filter, limit: Limit = 100, offset: Offset = 0) -> Any:
    rows = await _read(request, "list_events", **_with_page(f, limit + 1, offset))
    return _page(rows, limit, offset, await _read(request, "count_events", filter=f))


@router.get("/events/points", summary="Located events with only what a map needs",
            response_model=schemas.PointPage, responses=ERRORS)
async def event_points(request: Request, f: Filter,
                 limit: Annotated[int, Query(ge=1, le=50_000)] = 10_000,
                 offset: Offset = 0) -> Any:
    import dataclasses

    rows = await _read(request, "event_points", **_with_page(f, limit + 1, offset))
    cols = ["id", "type", "lat", "lon", "place_precision", "date_from", "location"]
    located = dataclasses.replace(f, located=True)
    return FastJSON({"columns": cols, "items": [[r[c] for c in cols] for r in rows[:limit]],
                     "total": await _read(request, "count_events", filter=located),
                     "limit": limit, "offset": offset,
                     "next_offset": offset + limit if len(rows) > limit else None})


@router.get("/events/days", summary="Events per span of days (the timeline), same filters",
            response_model=schemas.DayPage, responses=ERRORS)
async def event_days(request: Request, f: Filter) -> Any:
    d = _with_page(f, 1, 0)
    del d["limit"], d["offset"]
    return FastJSON({"items": await _read(request, "event_spans", **d)})


@router.get("/events/types", summary="Events per type (the legend), same filters",
            response_model=schemas.TypePage, responses=ERRORS)
async def event_types(request: Request, f: Filter) -> Any:
    d = _with_page(f, 1, 0)
    del d["limit"], d["offset"]
    items = await _read(request, "event_type_counts", **d)
    return FastJSON({"items": items, "total": sum(int(i["n"]) for i in items)})


@router.get("/labels", summary="Place names for the offline base map's view",
            response_model=schemas.LabelPage, responses=ERRORS)
def labels(bbox: Annotated[str, Query(max_length=120, pattern=_BBOX_PATTERN,
                                      description="west,south,east,north in degrees",
                                      examples=["3,50,8,54"])],
           zoom: Annotated[int, Query(ge=0, le=20)]) -> Any:
    """Countries, provinces and towns from the bundled gazetteer, most important first,
    thinned for the zoom: `[name, lat, lon, kind, population]` each."""
    from kroniek.serve.labels import labels_in_view

    box = _bbox(bbox)
    assert box is not None
    return FastJSON({"columns": ["name", "lat", "lon", "kind", "population"],
                     "items": [list(x) for x in labels_in_view(box, zoom)]})


@router.get("/events/{uid}", summary="One event with its reports, claims and evidence spans",
            response_model=schemas.EventDetail, responses=ERRORS_404)
def get_event(request: Request,
              uid: Annotated[str, Path(min_length=1, max_length=200,
                                       description="`<article id>:<event id>`")]) -> Any:
    row = _store(request).get_event(uid)
    if row is None:
        raise ApiError(404, f"no event {uid!r}")
    return FastJSON(row)


@router.get("/incidents", summary="The chronicle: incidents merged across articles",
            response_model=schemas.IncidentPage, responses=ERRORS)
def list_incidents(request: Request, f: Filter, limit: Limit = 50, offset: Offset = 0) -> Any:
    """Incidents, newest first, under the event filters (an incident matches when its own
    type, dates, country and actors do, and one of its reports meets the rest)."""
    store = _store(request)
    filters = store.incident_filters(f)
    rows = store.list_incidents(limit=limit + 1, offset=offset, **filters)
    return _page(rows, limit, offset, store.count_incidents(**filters))


@router.get("/incidents/{incident_id}", summary="One incident with every report of it",
            response_model=schemas.IncidentDetail, responses=ERRORS_404)
def get_incident(request: Request,
                 incident_id: Annotated[str, Path(min_length=1, max_length=120)]) -> Any:
    row = _store(request).get_incident(incident_id)
    if row is None:
        raise ApiError(404, f"no incident {incident_id!r}")
    return FastJSON(row)


@router.get("/claims", summary="Claims: who says what happened, source type, factuality",
            response_model=schemas.ClaimPage, responses=ERRORS)
def list_claims(request: Request,
                source: Annotated[str | None, Query(
                    min_length=1, max_length=100,
                    description="Who makes the claim; spelling variants match too.")] = None,
                source_type: SourceType | None = None,
                side: Annotated[str | None, Query(min_length=1, max_length=40)] = None,
                factuality: Factuality | None = None, q: Text = None,
                article_id: Annotated[str | None, Query(max_length=80)] = None,
                event_uid: Annotated[str | None, Query(
                    min_length=3, max_length=160, pattern=r"^.+:.+$",
                    description="Only claims about this event (ARTICLE:EVENT).")] = None,
                date_from: PublishedFrom = None, date_to: PublishedTo = None,
                limit: Limit = 50, offset: Offset = 0) -> Any:
    store = _store(request)
    filters = {"sources": _names(request, "source", source), "source_type": source_type,
               "side": _side(request, side), "factuality": factuality, "q": q,
               "article_id": article_id, "event_uid": event_uid,
               "date_from": _day(date_from, "date_from", end=False),
               "date_to": _day(date_to, "date_to", end=True)}
    rows = store.list_claims(limit=limit + 1, offset=offset, **filters)
    return _page(rows, limit, offset, store.count_claims(**filters))


# -- quotes, places, search, meta ----------------------------------------------------------


@router.get("/quotes", summary="Quotes by speaker, text, kind and date",
            response_model=schemas.QuotePage, responses=ERRORS)
def list_quotes(request: Request,
                speaker: Annotated[str | None, Query(
                    min_length=1, max_length=200,
                    description="Speaker; spelling variants match too (Zelenski).")] = None,
                q: Text = None,
                article_id: Annotated[str | None, Query(max_length=80)] = None,
                kind: QuoteKind | None = None,
                date_from: PublishedFrom = None, date_to: PublishedTo = None,
                limit: Limit = 50, offset: Offset = 0) -> Any:
    store = _store(request)
    filters = {"speakers": _names(request, "speaker", speaker), "q": q,
               "article_id": article_id, "kind": kind,
               "date_from": _day(date_from, "date_from", end=False),
               "date_to": _day(date_to, "date_to", end=True)}
    rows = store.list_quotes(limit=limit + 1, offset=offset, **filters)
    return _page(rows, limit, offset, store.count_quotes(**filters))


@router.get("/places", summary="Resolved places and how often they are mentioned",
            response_model=schemas.PlacePage, responses=ERRORS)
def list_places(request: Request, name: Text = None,
                country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
                article_id: Annotated[str | None, Query(max_length=80)] = None,
                limit: Limit = 50, offset: Offset = 0) -> Any:
    store = _store(request)
    rows = store.list_places(name=name, country=country, article_id=article_id,
                             limit=limit + 1, offset=offset)
    return _page(rows, limit, offset,
                 store.count_places(name=name, country=country, article_id=article_id))


@router.get("/search", summary="Full-text search over articles and quotes",
            response_model=schemas.SearchPage, responses=ERRORS)
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Limit = 20, offset: Offset = 0) -> Any:
    rows = _store(request).search(q, limit=limit + 1, offset=offset)
    return _page(rows, limit, offset)


@router.get("/meta", summary="What this server holds and offers",
            response_model=schemas.Meta, responses=ERRORS)
def meta(request: Request) -> Any:
    from importlib.metadata import version

    store = _store(request)
    return {
        "version": version("kroniek"),
        "writable": bool(request.app.state.write_token),
        "tiles": request.app.state.tiles,
        "counts": {t: store.count(t) for t in ("articles", "events", "incidents", "quotes")},
        "facets": store.facets(),
    }


# -- exports ---------------------------------------------------------------------------

EXPORT_LIMIT = 100_000

_TEXT = {"schema": {"type": "string"}}
_OBJECT = {"schema": {"type": "object"}}


def _typed(description: str, content: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    """For OpenAPI: a 200 in the media types of `content`, and the read errors."""
    return {200: {"description": description, "content": content}, **ERRORS}


@router.get("/export/events.csv", summary="Events as CSV (same filters)",
            response_class=Response, responses=_typed("Events, one a row", {"text/csv": _TEXT}))
def export_csv(request: Request, f: Filter,
               limit: Annotated[int, Query(ge=1, le=EXPORT_LIMIT)] = EXPORT_LIMIT) -> Response:
    from kroniek.serve.exports import events_csv

    rows = _store(request).list_events(**_with_page(f, limit, 0))
    return Response(events_csv(rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/export/events.geojson", summary="Events as GeoJSON (same filters; unlocated: null geometry)",
            response_class=Response,
            responses=_typed("A FeatureCollection",
                                                   {"application/geo+json": _OBJECT}))
def export_geojson(request: Request, f: Filter,
                   limit: Annotated[int, Query(ge=1, le=EXPORT_LIMIT)] = EXPORT_LIMIT) -> Any:
    from kroniek.serve.exports import events_geojson

    rows = _store(request).list_events(**_with_page(f, limit, 0))
    return JSONResponse(events_geojson(rows), media_type="application/geo+json")


_CHRONICLE_TYPES = {"acled-csv": ("text/csv; charset=utf-8", "chronicle.csv"),
                    "geojson": ("application/geo+json", "chronicle.geojson"),
                    "jsonl": ("application/x-ndjson", "chronicle.jsonl")}


@router.get("/export/chronicle", summary="The chronicle's incidents (ACLED columns + evidence)",
            response_class=Response, responses=_typed(
                "acled-csv: CSV; geojson: a FeatureCollection; jsonl: one incident a line",
                {"text/csv": _TEXT, "application/geo+json": _OBJECT,
                 "application/x-ndjson": _TEXT}))
def export_chronicle(request: Request,
                     format: Literal["acled-csv", "geojson", "jsonl"] = "acled-csv") -> Response:
    """Every incident merged across articles, in the formats of `kroniek export`."""
    import io

    from kroniek.export import incidents_from_store, write_export

    buf = io.StringIO()
    write_export(incidents_from_store(_store(request)), fmt=format, out=None, stream=buf)
    media, name = _CHRONICLE_TYPES[format]
    return Response(buf.getvalue(), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


_RECORD_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
                 "json": "application/json"}
_RECORD_LISTS = {"claims": "list_claims", "quotes": "list_quotes", "events": "list_events",
                 "articles": "list_articles", "incidents": "list_incidents"}


@router.get("/export/records/{kind}", summary="Every claim, quote, event, article or incident "
                                              "(CSV with the JSON's fields, JSON Lines, JSON)",
            response_class=Response, responses=_typed(
                "csv: one record a row; jsonl: one a line; json: a list",
                {"text/csv": _TEXT, "application/x-ndjson": _TEXT,
                 "application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}))
def export_records(request: Request,
                   kind: Literal["claims", "quotes", "events", "articles", "incidents"],
                   format: Literal["csv", "jsonl", "json"] = "csv",
                   limit: Annotated[int, Query(ge=1, le=EXPORT_LIMIT)] = EXPORT_LIMIT) -> Response:
    """The records as `kroniek export --records KIND` writes them (Parquet: use the CLI)."""
    import io

    from kroniek.export import write_records

    rows = getattr(_store(request), _RECORD_LISTS[kind])(limit=limit)
    buf = io.StringIO()
    write_records(rows, fmt=format, stream=buf)
    return Response(buf.getvalue(), media_type=_RECORD_TYPES[format],
                    headers={"Content-Disposition": f'attachment; filename="{kind}.{format}"'})
