"""Reading the store: the queries both backends share.

Filters become `WHERE` clauses with `?` parameters; only fixed SQL fragments written here
are ever joined together. Full-text matching differs per backend (`_fts_*` hooks).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from kroniek.doc import Doc
from kroniek.store.records import ARTICLE_COLUMNS, RecordQueries, in_list, like_pattern

__all__ = ["EventFilter", "PlaceMatch", "ReadQueries", "fts5_query", "like_pattern"]

_EVENT_COLUMNS = (
    "e.uid AS id, e.article_id, e.id AS event_id, e.type, e.sub_type, e.plover, "
    "e.date_from, e.date_to, e.date_basis, e.time_precision, e.lat, e.lon, "
    "e.place_name AS location, e.place_precision, e.geo_precision, e.country_code, "
    "e.actor1, e.actor2, e.side1, e.side2, e.sides, e.source_types AS sources, "
    "e.fatalities, e.confidence, e.modality, e.trigger_text, e.incident_id, "
    "i.n_reports AS reports"
)


def _unwrap(value: str | None) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def _marks(values: tuple[Any, ...] | list[Any]) -> str:
    return ", ".join("?" * len(values))




def _place_where(pm: PlaceMatch) -> tuple[str, list[Any]]:
    """Events whose place is one of `pm`'s countries, provinces, districts, places, names."""
    parts: list[str] = []
    params: list[Any] = []
    if pm.countries:
        parts.append(f"e.country_code IN ({_marks(pm.countries)})")
        params += list(pm.countries)
    sub: list[str] = []
    if pm.geonameids:
        sub.append(f"p.geonameid IN ({_marks(pm.geonameids)})")
        params += list(pm.geonameids)
    for cc, a1 in pm.admin1:
        sub.append("(p.country_code = ? AND p.admin1 = ?)")
        params += [cc, a1]
    for cc, a1, a2 in pm.admin2:
        sub.append("(p.country_code = ? AND p.admin1 = ? AND p.admin2 = ?)")
        params += [cc, a1, a2]
    if sub:
        parts.append("EXISTS (SELECT 1 FROM places p WHERE p.article_id = e.article_id "
                     f"AND p.id = e.place_id AND ({' OR '.join(sub)}))")
    if pm.names:
        parts.append(f"lower(e.place_name) IN ({_marks(pm.names)})")
        params += [n.lower() for n in pm.names]
    return (f"({' OR '.join(parts)})" if parts else "1 = 0"), params


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceMatch:
    """Where a place filter matches: whole countries, provinces (country, admin1),
    districts (country, admin1, admin2), gazetteer places, or (folded) place names as
    stored. An event matches when its place is any of these (`kroniek.filters`)."""

    label: str = ""
    countries: tuple[str, ...] = ()
    admin1: tuple[tuple[str, str], ...] = ()
    admin2: tuple[tuple[str, str, str], ...] = ()
    geonameids: tuple[int, ...] = ()
    names: tuple[str, ...] = ()


# What `known_values` can list: the distinct values of a column, for fuzzy matching and
# the nearest-value hints of errors. Fixed SQL only.
_KNOWN_VALUES = {
    "actor": ("SELECT DISTINCT actor1 AS v FROM events WHERE actor1 IS NOT NULL "
              "UNION SELECT DISTINCT actor2 AS v FROM events WHERE actor2 IS NOT NULL"),
    "speaker": "SELECT DISTINCT speaker_name AS v FROM quotes WHERE speaker_name IS NOT NULL",
    "source": "SELECT DISTINCT source_name AS v FROM claims WHERE source_name IS NOT NULL",
    "place": "SELECT DISTINCT place_name AS v FROM events WHERE place_name IS NOT NULL",
    "outlet": "SELECT DISTINCT outlet AS v FROM articles WHERE outlet IS NOT NULL",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events to list. `bbox` is (west, south, east, north) in degrees.

    `actors` holds exact actor names (from `kroniek.filters.match_names`): `()` matches
    nothing, None does not filter. `modality` lists the modalities to keep (none: all).
    """

    bbox: tuple[float, float, float, float] | None = None
    date_from: str | None = None  # events that end on or after this day
    date_to: str | None = None  # events that start on or before this day
    type: str | None = None  # ACLED type or sub-type
    actor: str | None = None  # actor name contains this (case-insensitive)
    source_type: str | None = None
    side: str | None = None
    q: str | None = None  # words in the article's text (full-text)
    article_id: str | None = None
    incident_id: str | None = None
    place: PlaceMatch | None = None
    country: str | None = None  # ISO 3166 alpha-2
    actors: tuple[str, ...] | None = None
    modality: tuple[str, ...] = ()
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    located: bool = False  # only events with coordinates
    merged: bool = False  # one row per incident (its first report)
    limit: int = 100
    offset: int = 0


class ReadQueries(RecordQueries):
    """Mixed into `SQLStore`: every read the CLI and the API make."""

    dialect = "sql"

    def _rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _fts_articles(self) -> str:
        """SQL selecting `article_id` of articles matching one `?` full-text query."""
        raise NotImplementedError

    def _fts_param(self, text: str) -> str | None:
        return text

    def _bbox_where(self, f: EventFilter) -> tuple[str, list[Any]] | None:
        """An index-backed prefilter for `f.bbox` (backend-specific), or None."""
        return None

    # -- counts and articles ------------------------------------------------------------

    def count(self, table: str = "articles") -> int:
        from kroniek.store.sql import TABLES

        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
        return int(self._rows(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """The article's row, its whole `kroniek/1` document and its events."""
        rows = self._rows(f"SELECT {ARTICLE_COLUMNS}, a.doc_json FROM articles a "
                          "WHERE a.id = ?", (article_id,))
        if not rows:
            return None
        row = rows[0]
        row["doc"] = json.loads(row.pop("doc_json"))
        row["events"] = self.list_events(article_id=article_id, limit=10_000)
        return row

    def get_doc(self, doc_id: str) -> Doc:
        """The stored document; KeyError if there is none with this id."""
        rows = self._rows("SELECT doc_json FROM articles WHERE id = ?", (doc_id,))
        if not rows:
            raise KeyError(doc_id)
        return Doc.from_json(json.loads(rows[0]["doc_json"]))

    def iter_docs(self, *, batch: int = 200) -> Any:
        """Every stored document, oldest ingest first."""
        offset = 0
        while True:
            rows = self._rows("SELECT doc_json FROM articles ORDER BY ingested_at, id "
                              "LIMIT ? OFFSET ?", (batch, offset))
            if not rows:
                return
            for r in rows:
                yield Doc.from_json(json.loads(r["doc_json"]))
            offset += batch

    # -- events -------------------------------------------------------------------------

    def _event_where(self, f: EventFilter) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        prefilter = self._bbox_where(f)
        if prefilter is not None:
            where.append(prefilter[0])
            params += prefilter[1]
        if f.bbox is not None:
            west, south, east, north = f.bbox
            where.append("e.lat BETWEEN ? AND ?")
            params += [south, north]
            if west <= east:
                where.append("e.lon BETWEEN ? AND ?")
                params += [west, east]
            else:  # the box crosses the antimeridian
                where.append("(e.lon >= ? OR e.lon <= ?)")
                params += [west, east]
        if f.date_from:
            where.append("e.date_to >= ?")
            params.append(f.date_from)
        if f.date_to:
            where.append("e.date_from <= ?")
            params.append(f.date_to)
        if f.type:
            where.append("(e.type = ? OR e.sub_type = ?)")
            params += [f.type, f.type]
        if f.actor:
            where.append("(lower(e.actor1) LIKE ? ESCAPE '\\' "
                         "OR lower(e.actor2) LIKE ? ESCAPE '\\')")
            params += [like_pattern(f.actor)] * 2
        if f.source_type:
            where.append("e.source_types LIKE ?")
            params.append(f"%,{f.source_type.replace(',', '')},%")
        if f.side:
            where.append("e.sides LIKE ?")
            params.append(f"%,{f.side.replace(',', '')},%")
        for col, value in (("e.article_id", f.article_id), ("e.incident_id", f.incident_id)):
            if value:
                where.append(f"{col} = ?")
                params.append(value)
        if f.country:
            where.append("e.country_code = ?")
            params.append(f.country.upper())
        if f.place is not None:
            sql, values = _place_where(f.place)
            where.append(sql)
            params += values
        if f.actors is not None:
            where.append(f"({in_list('e.actor1', f.actors, params)} OR "
                         f"{in_list('e.actor2', f.actors, params)})")
        if f.modality:
            where.append(f"e.modality IN ({', '.join('?' * len(f.modality))})")
            params += list(f.modality)
        if f.fatalities_min is not None:
            where.append("e.fatalities >= ?")
            params.append(f.fatalities_min)
        if f.fatalities_max is not None:
            where.append("COALESCE(e.fatalities, 0) <= ?")
            params.append(f.fatalities_max)
        if f.located:
            where.append("e.lat IS NOT NULL")
        if f.merged:
            where.append("e.uid = (SELECT MIN(r.event_uid) FROM incident_reports r "
                         "WHERE r.incident_id = e.incident_id)")
        return where, params

    def list_events(self, **filters: Any) -> list[dict[str, Any]]:
        """Events matching `EventFilter(**filters)`, newest first."""
        f = filters.pop("filter", None) or EventFilter(**filters)
        where, params = self._event_where(f)
        if f.q:
            fts = self._fts_param(f.q)
            if fts is None:
                return []
            where.append(f"e.article_id IN ({self._fts_articles()})")
            params.append(fts)
        sql = (f"SELECT {_EVENT_COLUMNS} FROM events e "
               "LEFT JOIN incidents i ON i.id = e.incident_id "
               f"WHERE {' AND '.join(where) or '1 = 1'} "
               "ORDER BY e.date_from DESC, e.uid LIMIT ? OFFSET ?")
        rows = self._rows(sql, [*params, f.limit, f.offset])
        for r in rows:
            r["sides"] = _unwrap(r["sides"])
            r["sources"] = _unwrap(r["sources"])
        return rows

    def count_events(self, **filters: Any) -> int:
        """How many events match (the same filters as `list_events`, paging ignored)."""
        f = filters.pop("filter", None) or EventFilter(**filters)
        where, params = self._event_where(f)
        if f.q:
            fts = self._fts_param(f.q)
            if fts is None:
                return 0
            where.append(f"e.article_id IN ({self._fts_articles()})")
            params.append(fts)
        sql = f"SELECT COUNT(*) AS n FROM events e WHERE {' AND '.join(where) or '1 = 1'}"
        return int(self._rows(sql, params)[0]["n"])

    def known_values(self, kind: str) -> list[str]:
        """The distinct actors, speakers, claim sources, place names or outlets stored."""
        if kind not in _KNOWN_VALUES:
            raise ValueError(f"unknown kind {kind!r}; one of {', '.join(_KNOWN_VALUES)}")
        return sorted({str(r["v"]) for r in self._rows(_KNOWN_VALUES[kind]) if r["v"]})

    def event_points(self, **filters: Any) -> list[dict[str, Any]]:
        """Located events with only what a map needs, newest first (same filters)."""
        f = EventFilter(**{**filters, "located": True})
        where, params = self._event_where(f)
        if f.q:
            fts = self._fts_param(f.q)
            if fts is None:
                return []
            where.append(f"e.article_id IN ({self._fts_articles()})")
            params.append(fts)
        sql = ("SELECT e.uid AS id, e.type, e.lat, e.lon, e.place_precision, "
               "e.date_from, e.place_name AS location FROM events e "
               f"WHERE {' AND '.join(where)} "
               "ORDER BY e.date_from DESC, e.uid LIMIT ? OFFSET ?")
        return self._rows(sql, [*params, f.limit, f.offset])

    def facets(self) -> dict[str, Any]:
        """What the filters can choose from: event types, source types, sides, dates."""
        types = self._rows("SELECT type, COUNT(*) AS n FROM events GROUP BY type "
                           "ORDER BY n DESC, type")
        span = self._rows("SELECT MIN(date_from) AS first, MAX(date_to) AS last FROM events")
        sources: set[str] = set()
        for r in self._rows("SELECT DISTINCT source_types AS v FROM events"):
            sources.update(_unwrap(r["v"]))
        sides: set[str] = set()
        for r in self._rows("SELECT DISTINCT sides AS v FROM events"):
            sides.update(_unwrap(r["v"]))
        return {"types": types, "source_types": sorted(sources), "sides": sorted(sides),
                "dates": span[0] if span else {"first": None, "last": None}}

    def event_days(self, **filters: Any) -> list[dict[str, Any]]:
        """How many events start on each day, under the same filters."""
        f = EventFilter(**filters)
        where, params = self._event_where(f)
        where.append("e.date_from IS NOT NULL")
        sql = (f"SELECT e.date_from AS day, COUNT(*) AS n FROM events e "
               f"WHERE {' AND '.join(where)} GROUP BY e.date_from ORDER BY e.date_from")
        return self._rows(sql, params)

    def event_spans(self, **filters: Any) -> list[dict[str, Any]]:
        """How many events span each (first day, last day) pair, for the timeline: an
        event dated to a month is one span over the month, not a pile on its 1st."""
        f = EventFilter(**filters)
        where, params = self._event_where(f)
        where.append("e.date_from IS NOT NULL")
        sql = (f"SELECT e.date_from AS day, e.date_to AS \"to\", COUNT(*) AS n FROM events e "
               f"WHERE {' AND '.join(where)} GROUP BY e.date_from, e.date_to "
               "ORDER BY e.date_from, e.date_to")
        return self._rows(sql, params)

    def event_type_counts(self, **filters: Any) -> list[dict[str, Any]]:
        """How many events of each type match the filters (the map's legend)."""
        f = EventFilter(**filters)
        where, params = self._event_where(f)
        sql = (f"SELECT e.type, COUNT(*) AS n FROM events e WHERE {' AND '.join(where) or '1 = 1'} "
               "GROUP BY e.type ORDER BY n DESC, e.type")
        return self._rows(sql, params)

    def get_event(self, uid: str) -> dict[str, Any] | None:
        """One event with its incident and every report of it: sentence, claims, evidence."""
        rows = self._rows(
            f"SELECT {_EVENT_COLUMNS}, e.json FROM events e "
            "LEFT JOIN incidents i ON i.id = e.incident_id WHERE e.uid = ?", (uid,))
        if not rows:
            return None
        event = rows[0]
        event["sides"], event["sources"] = _unwrap(event["sides"]), _unwrap(event["sources"])
        event["event"] = json.loads(event.pop("json"))
        incident = self._rows("SELECT * FROM incidents WHERE id = ?", (event["incident_id"],))
        event["incident"] = incident[0] if incident else None
        uids = [r["event_uid"] for r in self._rows(
            "SELECT event_uid FROM incident_reports WHERE incident_id = ? ORDER BY event_uid",
            (event["incident_id"],))] or [uid]
        event["reports"] = [self._report(u) for u in uids]
        return event

    def _report(self, uid: str) -> dict[str, Any]:
        row = self._rows(
            "SELECT e.uid, e.article_id, e.json, e.sentence_start, e.sentence_end, "
            "a.title, a.url, a.outlet, a.published, a.text, a.doc_json "
            "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.uid = ?", (uid,))[0]
        text = row.pop("text")
        doc = json.loads(row.pop("doc_json"))
        ev = json.loads(row.pop("json"))
        s, e = row.pop("sentence_start"), row.pop("sentence_end")
        row["event"] = ev
        row["sentence"] = None if s is None else {"start": s, "end": e, "text": text[s:e]}
        claims = [c for c in doc.get("claims", [])
                  if c["id"] in ev.get("claims", []) or ev["id"] in c.get("events", [])]
        for c in claims:
            c["text"] = text[c["start"]:c["end"]]
        row["claims"] = claims
        row["evidence"] = _evidence_spans(text, ev, claims, row["sentence"])
        return row

    # -- search and incidents ---------------------------------------------------------

    def search(self, text: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles and quotes matching `text`, articles first, with a snippet."""
        raise NotImplementedError

    def get_incident(self, incident_id: str) -> dict[str, Any] | None:
        """One incident of the chronicle with every report of it (event rows)."""
        rows = self._rows("SELECT * FROM incidents WHERE id = ?", (incident_id,))
        if not rows:
            return None
        incident = rows[0]
        incident["reports"] = self.list_events(incident_id=incident_id, limit=10_000)
        return incident

    def incident_filters(self, f: EventFilter) -> dict[str, Any]:
        """`list_incidents` filters for an event filter: the incident's own columns where
        it has them, the rest as conditions its reports must meet."""
        rest = EventFilter(place=f.place, modality=f.modality, source_type=f.source_type,
                           side=f.side, fatalities_min=f.fatalities_min,
                           fatalities_max=f.fatalities_max, bbox=f.bbox)
        where, params = self._event_where(rest)
        return {"type": f.type, "date_from": f.date_from, "date_to": f.date_to,
                "country": f.country, "actors": f.actors,
                "event_where": (" AND ".join(where), params) if where else None}


def fts5_query(text: str) -> str | None:
    """User words as an FTS5 query of quoted terms (all must match); None if no words."""
    words = re.findall(r"\w+", text)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words[:32])


def _evidence_spans(text: str, ev: dict[str, Any], claims: list[dict[str, Any]],
                    sentence: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The character spans that support the event: its sentence, trigger, claims' evidence."""
    spans: list[dict[str, Any]] = []
    if sentence:
        spans.append({"kind": "sentence", **sentence})
    trig = ev.get("trigger") or {}
    if "start" in trig:
        spans.append({"kind": "trigger", "start": trig["start"], "end": trig["end"],
                      "text": text[trig["start"]:trig["end"]]})
    for c in claims:
        spans.append({"kind": "claim", "claim": c["id"], "start": c["start"], "end": c["end"],
                      "text": c["text"]})
        evd = c.get("evidence") or {}
        if evd.get("start") is not None and evd.get("end") is not None:
            spans.append({"kind": "evidence", "claim": c["id"], "start": evd["start"],
                          "end": evd["end"], "text": text[evd["start"]:evd["end"]]})
    return spans

