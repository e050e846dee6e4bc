"""From a `Doc` to the rows the store keeps: pure functions, no database.

Events are flattened for filtering: their dates are normalised to a `YYYY-MM-DD` range,
their place to coordinates with the place's precision, their claims to the source types
and sides behind them.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from typing import Any

from kroniek.doc import Claim, Doc, Event, Place

__all__ = ["ArticleRows", "date_range", "doc_rows", "event_row"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_range(value: str | None) -> tuple[str, str] | None:
    """`"2025-04"` → `("2025-04-01", "2025-04-30")`; None when it is not an ISO date."""
    if not value:
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2) is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return None
    if m.group(3) is None:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    day = f"{year:04d}-{month:02d}-{int(m.group(3)):02d}"
    return day, day


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class ArticleRows:
    article: dict[str, Any]
    entities: list[dict[str, Any]]
    places: list[dict[str, Any]]
    times: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    events: list[dict[str, Any]]


def doc_rows(doc: Doc, *, content_hash: str, source: str | None, now: str,
             article_id: str | None = None) -> ArticleRows:
    """Every row one article adds to the store (under `article_id`, default `doc.id`)."""
    data = doc.to_json()
    aid = article_id or doc.id
    data["id"] = aid
    article = {
        "id": aid, "content_hash": content_hash, "url": doc.url, "title": doc.title,
        "outlet": doc.outlet, "lang": doc.lang,
        "published": doc.published.value if doc.published else None,
        "published_precision": doc.published.precision if doc.published else None,
        "source": source, "text": doc.text, "doc_json": _dumps(data), "ingested_at": now,
    }
    entities = [
        {"article_id": aid, "id": e.id, "start_char": e.start, "end_char": e.end,
         "text": e.text, "label": e.label, "canonical": e.canonical or None,
         "confidence": e.confidence}
        for e in doc.entities
    ]
    places = [
        {"article_id": aid, "id": p.id, "start_char": p.start, "end_char": p.end,
         "text": p.text, "entity": p.entity, "geonameid": p.geonameid, "name": p.name,
         "lat": p.lat, "lon": p.lon, "feature_code": p.feature_code,
         "country_code": p.country_code, "admin1": p.admin1, "admin2": p.admin2,
         "precision": p.precision, "role": p.role, "confidence": p.confidence, "note": p.note}
        for p in doc.places
    ]
    times = [
        {"article_id": aid, "id": t.id, "start_char": t.start, "end_char": t.end,
         "text": t.text, "value_from": t.value.from_, "value_to": t.value.to,
         "precision": t.precision}
        for t in doc.times
    ]
    quotes = [
        {"article_id": aid, "id": q.id, "start_char": q.start, "end_char": q.end,
         "text": q.text, "kind": q.kind,
         "speaker_name": q.speaker.name if q.speaker else None,
         "speaker_entity": q.speaker.entity if q.speaker else None,
         "speaker_descriptor": q.speaker.descriptor if q.speaker else None,
         "confidence": q.confidence, "json": _dumps(qj)}
        for q, qj in zip(doc.quotes, data["quotes"], strict=True)
    ]
    claims = [
        {"article_id": aid, "id": c.id, "start_char": c.start, "end_char": c.end,
         "source_name": c.source.name, "source_type": c.source.type,
         "source_side": c.source.side, "factuality": c.factuality,
         "confidence": c.confidence, "json": _dumps(cj)}
        for c, cj in zip(doc.claims, data["claims"], strict=True)
    ]
    events = [
        event_row(doc, ev, ej, article_id=aid) for ev, ej in zip(doc.events, data["events"], strict=True)
    ]
    return ArticleRows(article, entities, places, times, quotes, claims, events)


def _event_claims(doc: Doc, ev: Event) -> list[Claim]:
    return [c for c in doc.claims if c.id in ev.claims or ev.id in c.events]


def _wrap(values: list[str | None]) -> str:
    """`["official", "media"]` → `",official,media,"` (sorted, unique; `""` when empty)."""
    items = sorted({v for v in values if v})
    return "," + ",".join(items) + "," if items else ""


def _event_dates(doc: Doc, ev: Event) -> tuple[str | None, str | None, str | None]:
    first = date_range(ev.time.from_)
    last = date_range(ev.time.to) if ev.time.to else first
    if first and last:
        return first[0], max(first[1], last[1]), "event"
    if doc.published:
        pub = date_range(doc.published.value)
        if pub:
            return pub[0], pub[1], "published"
    return None, None, None


def event_row(doc: Doc, ev: Event, ev_json: dict[str, Any] | None = None, *,
              article_id: str | None = None) -> dict[str, Any]:
    """One event flattened for filtering (coordinates, dates, sides, source types)."""
    aid = article_id or doc.id
    place: Place | None = None
    if ev.place:
        place = next((p for p in doc.places if p.id == ev.place), None)
    claims = _event_claims(doc, ev)
    date_from, date_to, basis = _event_dates(doc, ev)
    sent = doc.sentence_index(ev.trigger.start)
    sentence = doc.sentences[sent] if sent >= 0 else None
    a1, a2 = ev.actor1, ev.actor2
    return {
        "uid": f"{aid}:{ev.id}", "article_id": aid, "id": ev.id,
        "type": ev.type, "sub_type": ev.sub_type, "plover": ev.plover,
        "date_from": date_from, "date_to": date_to, "date_basis": basis,
        "time_precision": ev.time.time_precision,
        "place_id": ev.place, "place_name": (place.name or place.text) if place else None,
        "country_code": place.country_code if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "place_precision": place.precision if place else None,
        "geo_precision": ev.geo_precision,
        "actor1": a1.name if a1 else None, "actor2": a2.name if a2 else None,
        "side1": a1.side if a1 else None, "side2": a2.side if a2 else None,
        "sides": _wrap([a1.side if a1 else None, a2.side if a2 else None,
                        *(c.source.side for c in claims)]),
        "source_types": _wrap([c.source.type for c in claims]),
        "fatalities": ev.fatalities, "confidence": ev.confidence, "modality": ev.modality,
        "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
        "trigger_text": ev.trigger.text,
        "sentence_start": sentence.start if sentence else None,
        "sentence_end": sentence.end if sentence else None,
        "incident_id": None,
        "json": _dumps(ev_json if ev_json is not None else _event_json(doc, ev)),
    }


def _event_json(doc: Doc, ev: Event) -> dict[str, Any]:
    for ej in doc.to_json()["events"]:
        if ej["id"] == ev.id:
            return dict(ej)
    return {}
