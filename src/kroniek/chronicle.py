"""The chronicle across articles: which reports are one incident, and what it then says.

Pure functions over plain dict rows, so both store backends (and the export) share them.

**Matching** (`find_incident`, called by the store for every stored event, with candidate
incidents already narrowed by type family and a date window — see
`kroniek.store.sql.SQLStore._link_incident`). An event row joins a candidate incident when

1. it is reported as having happened (`joins_chronicle`: modality asserted or claimed, a
   date);
2. their types are of one family (`type_family`: violence = Battles, Explosions/Remote
   violence, Violence against civilians; demonstrations = Protests, Riots) — outlets type
   the same incident differently; a Strategic development only joins its own sub-type;
3. their date ranges overlap, give or take `DATE_SLACK_DAYS`;
4. their places lie within `max_km(geo_precision)` of each other (or, with no
   coordinates, name the same place or country);
5. their actors are compatible: no actor named on both sides that contradicts the other
   (different countries' forces as actor1 and not in each other's pair).

Of the candidates that pass, the closest in place, time, sub-type and actors wins.

**Incidents** (`build_incident`): the reports of one incident become one record that keeps
every report and every competing claim: fatality counts are never summed or averaged — each
stays a claim with its source (`fatality_claims`); the headline `fatalities` is the lowest
count reported (ACLED's conservative convention) and `fatalities_disputed` says when reports
differ. `one_sided` is True when every claim behind the incident comes from one side.

Event rows are `kroniek.store.rows.event_row` dicts (keys used here: `uid`, `article_id`,
`type`, `sub_type`, `date_from`, `date_to`, `lat`, `lon`, `place_name`, `country_code`,
`geo_precision`, `actor1`, `actor2`, `modality`, `fatalities`); candidate incidents are rows
of the store's `incidents` table (`id`, `type`, `sub_type`, `date_from`, `date_to`, `lat`,
`lon`, `place_name`, `country_code`, `actor1`, `actor2`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from kroniek.acled import EVENT_TYPES, FAMILY

__all__ = [
    "DATE_SLACK_DAYS",
    "build_incident",
    "find_incident",
    "incident_score",
    "joins_chronicle",
    "max_km",
    "type_family",
]

# Reports of one incident disagree by a day about as often as not ("vannacht" in one,
# "gisteren" in another, time zones): tolerated either side.
DATE_SLACK_DAYS = 1

# How far apart two reports of one incident may place it, by the finer ACLED geo_precision
# of the two: an exact village (1), "near"/part of a region (2), a region (3). Chosen with
# ACLED's precision definitions in mind (2 ≈ within 25 km of the named place); checked on
# the unit tests' real-looking rows, not tuned on a corpus.
_KM_BY_PRECISION = {1: 25.0, 2: 50.0, 3: 150.0}


def type_family(event_type: str) -> list[str]:
    """ACLED event types whose incidents an event of `event_type` may join."""
    family = FAMILY.get(event_type)
    if family is None:
        return [event_type]
    if family == "strategic":
        return [event_type]
    return [t for t in EVENT_TYPES if FAMILY[t] == family]


def joins_chronicle(row: dict[str, Any]) -> bool:
    """Only events reported as having happened, with a date, join (or found) incidents."""
    return (row.get("modality") or "asserted") in ("asserted", "claimed") and bool(row.get("date_from"))


def max_km(geo_precision: int | None) -> float:
    return _KM_BY_PRECISION.get(geo_precision or 3, _KM_BY_PRECISION[3])


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _day(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _date_overlap(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Share of the shorter range covered by the other (slack included), or None."""
    a0, a1 = _day(a.get("date_from")), _day(a.get("date_to") or a.get("date_from"))
    b0, b1 = _day(b.get("date_from")), _day(b.get("date_to") or b.get("date_from"))
    if not (a0 and a1 and b0 and b1):
        return None
    slack = dt.timedelta(days=DATE_SLACK_DAYS)
    lo, hi = max(a0, b0 - slack), min(a1, b1 + slack)
    if lo > hi:
        return None
    shorter = min((a1 - a0).days, (b1 - b0).days) + 1
    return min(1.0, ((hi - lo).days + 1) / shorter)


def _place_closeness(row: dict[str, Any], cand: dict[str, Any]) -> float | None:
    """1 for the same spot, falling to 0 at the distance limit; None when too far apart."""
    coords = [row.get("lat"), row.get("lon"), cand.get("lat"), cand.get("lon")]
    if all(c is not None for c in coords):
        limit = max_km(row.get("geo_precision"))
        d = _km(*(float(c) for c in coords))  # type: ignore[arg-type]
        if d > limit:
            return None
        same_country = not (row.get("country_code") and cand.get("country_code")) or \
            row["country_code"] == cand["country_code"]
        return 1.0 - d / limit if same_country else None
    if row.get("place_name") and row.get("place_name") == cand.get("place_name"):
        return 0.5
    if row.get("country_code") and row.get("country_code") == cand.get("country_code"):
        return 0.1 if row.get("sub_type") == cand.get("sub_type") else None
    return None


_COUNTRY_IN_NAME = re.compile(r"(?:\bof\s+(?P<of>.+)$|\((?P<paren>[^)]+)\)\s*$)")


def _actor_country(name: str | None) -> str | None:
    if not name:
        return None
    m = _COUNTRY_IN_NAME.search(name)
    return (m.group("of") or m.group("paren")).strip() if m else None


def _actors_fit(row: dict[str, Any], cand: dict[str, Any]) -> float | None:
    """1 when the actors agree, 0.5 when one side names none, None when they contradict."""
    mine = {a for a in (row.get("actor1"), row.get("actor2")) if a}
    theirs = {a for a in (cand.get("actor1"), cand.get("actor2")) if a}
    if not mine or not theirs:
        return 0.5
    if mine & theirs:
        return 1.0
    c_mine = {_actor_country(a) for a in mine} - {None}
    c_theirs = {_actor_country(a) for a in theirs} - {None}
    a1, b1 = row.get("actor1"), cand.get("actor1")
    if a1 and b1 and _actor_country(a1) and _actor_country(b1) and \
            _actor_country(a1) != _actor_country(b1) and not (c_mine & c_theirs):
        return None
    return 0.5 if c_mine & c_theirs else 0.25


def incident_score(row: dict[str, Any], cand: dict[str, Any]) -> float | None:
    """How well an event row fits a candidate incident; None when it cannot be the same."""
    if FAMILY.get(row.get("type", "")) != FAMILY.get(cand.get("type", "")):
        return None
    if FAMILY.get(row.get("type", "")) == "strategic" and row.get("sub_type") != cand.get("sub_type"):
        return None  # an arrest is not a looting, whatever the place and day
    when = _date_overlap(row, cand)
    where = _place_closeness(row, cand)
    who = _actors_fit(row, cand)
    if when is None or where is None or who is None:
        return None
    same_sub = 0.5 if row.get("sub_type") == cand.get("sub_type") else 0.0
    return when + where + who + same_sub


def find_incident(event_row: dict[str, Any], candidates: list[dict[str, Any]]) -> str | None:
    """The id of the stored incident this event reports, or None for a new incident.

    `candidates` are incidents of the event's type family (`type_family`) whose dates fall
    near the event's; the store passes them in. Events that did not happen (negated,
    future, hypothetical, habitual) never join one (`joins_chronicle`).

    >>> row = {"type": "Battles", "sub_type": "Armed clash", "date_from": "2025-04-02",
    ...        "date_to": "2025-04-02", "lat": 50.60, "lon": 36.59, "geo_precision": 2,
    ...        "actor1": "Military Forces of Ukraine", "modality": "asserted"}
    >>> inc = {"id": "inc-1", "type": "Explosions/Remote violence",
    ...        "sub_type": "Shelling/artillery/missile attack", "date_from": "2025-04-01",
    ...        "date_to": "2025-04-03", "lat": 50.62, "lon": 36.58,
    ...        "actor1": "Military Forces of Ukraine", "actor2": None}
    >>> find_incident(row, [inc])
    'inc-1'
    """
    if not joins_chronicle(event_row):
        return None
    best: tuple[float, str] | None = None
    for cand in candidates:
        score = incident_score(event_row, cand)
        if score is not None and (best is None or score > best[0]):
            best = (score, str(cand["id"]))
    return best[1] if best else None


# -- incident records -------------------------------------------------------------------------


def _most_common(values: Iterable[Any]) -> Any:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def build_incident(incident_id: str, reports: list[dict[str, Any]]) -> dict[str, Any]:
    """One incident from its reports (event rows, each optionally with `claims`: a list of
    `{"id", "source", "type", "side", "factuality"}` and `fatalities_claim`: the id of the
    claim stating its count). Nothing is averaged away: every report and claim is kept."""
    if not reports:
        raise ValueError(f"incident {incident_id!r} has no reports")
    finest = min(reports, key=lambda r: (r.get("geo_precision") or 9, r.get("time_precision") or 9))
    by_time = min(reports, key=lambda r: (r.get("time_precision") or 9, _span(r)))
    claims = [dict(c, article_id=r.get("article_id")) for r in reports for c in r.get("claims") or []]
    fatality_claims = [
        {"count": r["fatalities"], "article_id": r.get("article_id"), "event": r.get("uid"),
         "claim": r.get("fatalities_claim"),
         "source": _claim_source(r, r.get("fatalities_claim"))}
        for r in reports if r.get("fatalities") is not None
    ]
    counts = sorted({f["count"] for f in fatality_claims})
    sides = {c.get("side") for c in claims}
    parties = {c.get("type") for c in claims}
    return {
        "id": incident_id,
        "type": _most_common(r.get("type") for r in reports),
        "sub_type": _most_common(r.get("sub_type") for r in reports),
        "date_from": by_time.get("date_from"),
        "date_to": by_time.get("date_to"),
        "time_precision": by_time.get("time_precision"),
        "place_name": finest.get("place_name"),
        "lat": finest.get("lat"),
        "lon": finest.get("lon"),
        "country_code": finest.get("country_code"),
        "geo_precision": finest.get("geo_precision"),
        "actor1": _most_common(r.get("actor1") for r in reports),
        "actor2": _most_common(r.get("actor2") for r in reports),
        "fatalities": counts[0] if counts else None,
        "fatalities_disputed": len(counts) > 1,
        "fatality_claims": fatality_claims,
        "n_reports": len(reports),
        "n_articles": len({r.get("article_id") for r in reports}),
        "reports": reports,
        "claims": claims,
        "one_sided": bool(claims) and len(sides) == 1 and None not in sides
        and parties <= {"party_to_conflict", "official"},
    }


def _span(row: dict[str, Any]) -> int:
    a, b = _day(row.get("date_from")), _day(row.get("date_to"))
    return (b - a).days if a and b else 10_000


def _claim_source(row: dict[str, Any], claim_id: str | None) -> str | None:
    for c in row.get("claims") or []:
        if c.get("id") == claim_id:
            return str(c.get("source")) if c.get("source") else None
    return None
