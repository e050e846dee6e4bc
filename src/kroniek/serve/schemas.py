"""The API's response shapes, for OpenAPI (the handlers return plain rows as they are).

Every list answers a `Page`: `items`, `total` (how many match the filters), `limit`,
`offset` and `next_offset`. Every error answers `ErrorBody`, the one body
`kroniek.serve.errors` writes.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ERRORS",
    "ERRORS_404",
    "WRITE_ERRORS",
    "Added",
    "ArticleDetail",
    "ArticlePage",
    "ClaimPage",
    "DayPage",
    "ErrorBody",
    "EventDetail",
    "EventPage",
    "IncidentDetail",
    "IncidentPage",
    "LabelPage",
    "Meta",
    "PlacePage",
    "PointPage",
    "QuotePage",
    "SearchPage",
    "TypePage",
]


class ErrorDetail(BaseModel):
    in_: str = Field(alias="in", description="query, path, body or header")
    name: str
    message: str


class Error(BaseModel):
    status: int
    code: str = Field(examples=["not_found"])
    message: str
    details: list[ErrorDetail]


class ErrorBody(BaseModel):
    """What every error answers (`kroniek.serve.errors.error_body`)."""

    error: Error


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"model": ErrorBody, "description": d} for s, d in (
        (400, "The body is not JSON"),
        (401, "A valid write token is required"), (403, "The server is read-only"),
        (404, "No such record"), (413, "Request body too large"),
        (422, "A parameter is invalid (named in `details`)"),
        (500, "Internal error (logged on the server)"), (503, "Store unavailable"),
    ) if s in statuses}


# The errors a read route may answer with.
ERRORS = _errors(422, 500, 503)
ERRORS_404 = _errors(404, 422, 500, 503)
WRITE_ERRORS = _errors(400, 401, 403, 413, 422, 500, 503)


class _Row(BaseModel):
    model_config = ConfigDict(extra="allow")


class EventRow(_Row):
    id: str = Field(description="`<article id>:<event id>`")
    article_id: str
    event_id: str
    type: str
    sub_type: str | None
    plover: str | None
    date_from: str | None
    date_to: str | None
    date_basis: str | None
    time_precision: int | None
    lat: float | None
    lon: float | None
    location: str | None
    place_precision: str | None
    geo_precision: int | None
    country_code: str | None
    actor1: str | None
    actor2: str | None
    side1: str | None
    side2: str | None
    sides: list[str]
    sources: list[str] = Field(description="source types of the claims that report it")
    fatalities: int | None
    confidence: float | None
    modality: str | None = Field(description="asserted, negated, hypothetical, future, "
                                             "habitual (and claimed, generic)")
    trigger_text: str | None
    incident_id: str | None
    reports: int | None = Field(description="reports of its incident")


class ClaimRow(_Row):
    article_id: str
    id: str
    start: int
    end: int
    text: str | None
    source: str | None
    source_type: str | None
    side: str | None
    factuality: str | None
    confidence: float | None
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    cue: str | None
    evidence_kind: str | None
    quote: str | None
    events: list[str] = Field(description="uids of the events the claim reports")


class QuoteRow(_Row):
    article_id: str
    id: str
    start: int
    end: int
    kind: str | None
    speaker: str | None
    speaker_descriptor: str | None
    text: str
    confidence: float | None
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


class ArticleRow(_Row):
    id: str
    content_hash: str
    url: str | None
    title: str | None
    outlet: str | None
    lang: str | None
    published: str | None
    published_precision: str | None
    source: str | None
    ingested_at: str
    n_events: int


class IncidentRow(_Row):
    id: str
    type: str
    sub_type: str | None
    date_from: str | None
    date_to: str | None
    lat: float | None
    lon: float | None
    place_name: str | None
    country_code: str | None
    actor1: str | None
    actor2: str | None
    n_reports: int
    created_at: str


class PlaceRow(_Row):
    geonameid: int | None
    name: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    role: str | None
    mentions: int
    articles: int


class SearchHit(_Row):
    kind: str = Field(description="article or quote")
    article_id: str
    quote_id: str | None
    title: str | None
    snippet: str | None
    score: float | None


class _Page(BaseModel):
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page; null on the last")


class EventPage(_Page):
    items: list[EventRow]
    total: int = Field(description="events matching the filters, on every page")


class ClaimPage(_Page):
    items: list[ClaimRow]
    total: int


class QuotePage(_Page):
    items: list[QuoteRow]
    total: int


class ArticlePage(_Page):
    items: list[ArticleRow]
    total: int


class IncidentPage(_Page):
    items: list[IncidentRow]
    total: int


class PlacePage(_Page):
    items: list[PlaceRow]
    total: int


class SearchPage(_Page):
    items: list[SearchHit]


class PointPage(_Page):
    columns: list[str]
    items: list[list[Any]] = Field(description="one array per event, in `columns` order")
    total: int


class Day(BaseModel):
    day: str = Field(description="first day of the span")
    to: str | None = Field(description="last day of the span (a month-dated event: its last day)")
    n: int


class TypeCount(BaseModel):
    type: str
    n: int


class TypePage(BaseModel):
    items: list[TypeCount]
    total: int


class LabelPage(BaseModel):
    columns: list[str]
    items: list[list[Any]]


class DayPage(BaseModel):
    items: list[Day]


class EventDetail(EventRow):
    event: dict[str, Any] = Field(description="the event as in `kroniek/1`")
    incident: dict[str, Any] | None
    reports: list[dict[str, Any]] = Field(  # type: ignore[assignment]
        description="every report of the incident: article, sentence, claims, evidence")


class IncidentDetail(IncidentRow):
    reports: list[EventRow]


class ArticleDetail(ArticleRow):
    doc: dict[str, Any] = Field(description="the whole `kroniek/1` document")
    events: list[EventRow]
    n_events: int | None = None  # type: ignore[assignment]


class Added(BaseModel):
    added: bool = Field(description="false when an article with this content was stored")
    content_hash: str
    id: str | None = None
    events: int | None = None


class Meta(BaseModel):
    version: str
    writable: bool
    tiles: str | None
    counts: dict[str, int]
    facets: dict[str, Any]
