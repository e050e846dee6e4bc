"""Export the chronicle: ACLED-compatible CSV, GeoJSON, JSON Lines and Parquet.

Steps:

1. `incidents_from_store` reads every stored document (`Store.iter_docs`), turns each
   event reported as having happened into a report row (the store's `event_row` plus its
   claims, sources and article), and groups the reports by the incident the store linked
   them to (`Store.list_events(article_id=...)` → `incident_id`; an event without one is
   its own incident). `kroniek.chronicle.build_incident` makes one record per incident
   that keeps every report and competing fatality claim.
2. `acled_row` maps an incident to ACLED's columns (`ACLED_COLUMNS`, the names of ACLED's
   own exports) plus kroniek's evidence columns (`EVIDENCE_COLUMNS`): which articles,
   claims, sources and sentences stand behind it. `notes` is one sentence generated from
   the extracted fields (`note_sentence`).
3. `write_export` writes one of the formats to a stream or a file (Parquet needs a file).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from kroniek.acled import INTER_CODES, disorder_type, interaction
from kroniek.chronicle import build_incident
from kroniek.doc import Doc
from kroniek.errors import InputError

__all__ = [
    "ACLED_COLUMNS",
    "EVIDENCE_COLUMNS",
    "FORMATS",
    "acled_row",
    "incidents_from_docs",
    "incidents_from_store",
    "note_sentence",
    "report_rows",
    "write_export",
]

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
EVIDENCE_COLUMNS = (
    "kroniek_incident", "kroniek_plover", "kroniek_date_from", "kroniek_date_to",
    "kroniek_reports", "kroniek_articles", "kroniek_urls", "kroniek_claims",
    "kroniek_source_types", "kroniek_one_sided", "kroniek_fatality_claims",
    "kroniek_evidence",
)  # fmt: skip


# -- reports and incidents --------------------------------------------------------------------


def report_rows(doc: Doc) -> list[dict[str, Any]]:
    """One row per event of `doc` reported as having happened, with its claims and article."""
    from kroniek.stages.events import happened
    from kroniek.store.rows import event_row

    by_claim = {c.id: c for c in doc.claims}
    places = {p.id: p for p in doc.places}
    rows = []
    for ev in doc.events:
        if not happened(ev):
            continue
        row = event_row(doc, ev, article_id=doc.id)
        claims = [by_claim[c] for c in ev.claims if c in by_claim]
        row["claims"] = [
            {"id": c.id, "source": c.source.name, "type": c.source.type, "side": c.source.side,
             "factuality": c.factuality} for c in claims
        ]
        row["fatalities_claim"] = _fatality_claim(ev.note)
        sent = doc.sentences[doc.sentence_index(ev.trigger.start)]
        place = places.get(ev.place or "")
        row.update(
            url=doc.url, outlet=doc.outlet, title=doc.title,
            published=doc.published.value if doc.published else None,
            evidence=doc.text[sent.start : sent.end], note=ev.note,
            admin1=place.admin1 if place else None, admin2=place.admin2 if place else None,
            actor1_type=ev.actor1.type if ev.actor1 else None,
            actor2_type=ev.actor2.type if ev.actor2 else None,
        )
        rows.append(row)
    return rows


def _fatality_claim(note: str | None) -> str | None:
    marker = "fatalities stated in claim "
    if note and marker in note:
        return note.split(marker, 1)[1].split(";", 1)[0].strip()
    return None


def incidents_from_docs(
    docs: Iterable[Doc], *, incident_of: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Incident records from documents; `incident_of` maps event uid → incident id."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        for row in report_rows(doc):
            key = (incident_of or {}).get(row["uid"]) or f"ev-{row['uid']}"
            groups.setdefault(key, []).append(row)
    incidents = [build_incident(k, v) for k, v in groups.items()]
    incidents.sort(key=lambda i: (i["date_from"] or "", i["id"]))
    return incidents


def incidents_from_store(store: Any) -> list[dict[str, Any]]:
    """Every incident of a store (anything with `iter_docs` and `list_events`)."""
    docs = list(store.iter_docs())
    incident_of: dict[str, str] = {}
    for doc in docs:
        for ev in store.list_events(article_id=doc.id, limit=100_000):
            if ev.get("incident_id"):
                incident_of[str(ev["id"])] = str(ev["incident_id"])
    return incidents_from_docs(docs, incident_of=incident_of)


# -- ACLED rows ---------------------------------------------------------------------------------


def _country(cc: str | None) -> tuple[int | None, str, str]:
    from kroniek.acled_countries import COUNTRIES

    if not cc or cc not in COUNTRIES:
        return None, "", ""
    return COUNTRIES[cc]


def _admin_name(cc: str | None, code: str | None, code2: str | None = None) -> str:
    if not cc or not code:
        return ""
    try:
        from kroniek.gazetteer import load_gazetteer

        gaz = load_gazetteer()
        cand = gaz.admin2(cc, code, code2) if code2 else gaz.admin1(cc, code)
    except Exception:  # the export must not fail on a missing gazetteer
        return ""
    return cand.name if cand is not None else ""


def note_sentence(inc: dict[str, Any]) -> str:
    """One sentence saying what the fields say: who did what to whom, where, when, toll."""
    sub = str(inc.get("sub_type") or inc.get("type") or "event").lower()
    who = inc.get("actor1") or "unidentified actors"
    prep = {"Arrests": "of", "Agreement": "with", "Abduction/forced disappearance": "of"}.get(
        str(inc.get("sub_type")), "against")
    whom = f" {prep} {inc['actor2']}" if inc.get("actor2") else ""
    where = f" in {inc['place_name']}" if inc.get("place_name") else ""
    frm, to = inc.get("date_from"), inc.get("date_to")
    when = "" if not frm else f" on {frm}" if frm == to else f" between {frm} and {to}"
    toll = ""
    if inc.get("fatality_claims"):
        counts = sorted({f["count"] for f in inc["fatality_claims"]})
        toll = (f"; {counts[0]} reported killed" if len(counts) == 1
                else f"; reported deaths differ ({', '.join(map(str, counts))})")
    n = inc.get("n_reports") or 0
    sources = sorted({c["source"] for c in inc.get("claims", []) if c.get("source")})
    said = f", according to {', '.join(sources[:3])}" if sources else ""
    reports = f" ({n} report{'s' if n != 1 else ''}{said})"
    return f"{who}: {sub}{whom}{where}{when}{toll}{reports}."


def _first_report_type(inc: dict[str, Any], key: str) -> str | None:
    for r in inc["reports"]:
        if r.get(key):
            return str(r[key])
    return None


def acled_row(inc: dict[str, Any]) -> dict[str, Any]:
    """ACLED's columns and kroniek's evidence columns for one incident."""
    num, country, region = _country(inc.get("country_code"))
    first = inc["reports"][0]
    inter1 = INTER_CODES.get(_first_report_type(inc, "actor1_type") or "", 0) or None
    inter2 = INTER_CODES.get(_first_report_type(inc, "actor2_type") or "", 0) or None
    date = inc.get("date_to") or inc.get("date_from") or ""
    outlets = sorted({r.get("outlet") or r.get("url") or "" for r in inc["reports"]} - {""})
    row = {
        "event_id_cnty": f"{inc.get('country_code') or 'XX'}-{inc['id']}",
        "event_date": date,
        "year": int(date[:4]) if date else None,
        "time_precision": inc.get("time_precision") or 3,
        "disorder_type": disorder_type(inc.get("type") or ""),
        "event_type": inc.get("type"),
        "sub_event_type": inc.get("sub_type"),
        "actor1": inc.get("actor1") or "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": inc.get("actor2") or "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == INTER_CODES["civilians"] else "",
        "iso": num,
        "region": region,
        "country": country,
        "admin1": _admin_name(inc.get("country_code"), first.get("admin1")),
        "admin2": _admin_name(inc.get("country_code"), first.get("admin1"), first.get("admin2")),
        "admin3": "",
        "location": inc.get("place_name") or "",
        "latitude": inc.get("lat"),
        "longitude": inc.get("lon"),
        "geo_precision": inc.get("geo_precision"),
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": note_sentence(inc),
        "fatalities": inc.get("fatalities") or 0,
        "tags": "one-sided" if inc.get("one_sided") else ("disputed fatalities" if inc.get("fatalities_disputed") else ""),
        "timestamp": int(dt.datetime.now(dt.UTC).timestamp()),
    }
    row.update(_evidence(inc))
    return row


def _evidence(inc: dict[str, Any]) -> dict[str, Any]:
    reports = inc["reports"]
    return {
        "kroniek_incident": inc["id"],
        "kroniek_plover": "; ".join(sorted({str(r.get("plover")) for r in reports if r.get("plover")})),
        "kroniek_date_from": inc.get("date_from"),
        "kroniek_date_to": inc.get("date_to"),
        "kroniek_reports": "; ".join(str(r["uid"]) for r in reports),
        "kroniek_articles": len({r.get("article_id") for r in reports}),
        "kroniek_urls": "; ".join(sorted({str(r["url"]) for r in reports if r.get("url")})),
        "kroniek_claims": "; ".join(
            f"{c.get('source') or '?'} ({c.get('type')}, {c.get('factuality')})" for c in inc["claims"]),
        "kroniek_source_types": "; ".join(sorted({str(c.get("type")) for c in inc["claims"]})),
        "kroniek_one_sided": bool(inc.get("one_sided")),
        "kroniek_fatality_claims": json.dumps(
            [{k: f[k] for k in ("count", "source", "article_id")} for f in inc["fatality_claims"]],
            ensure_ascii=False),
        "kroniek_evidence": " | ".join(str(r.get("evidence") or "")[:300] for r in reports),
    }


# -- writing ------------------------------------------------------------------------------------


def _geojson(incidents: list[dict[str, Any]]) -> dict[str, Any]:
    features = []
    for inc in incidents:
        if inc.get("lat") is None or inc.get("lon") is None:
            continue
        props = acled_row(inc)
        features.append({"type": "Feature", "id": inc["id"],
                         "geometry": {"type": "Point", "coordinates": [inc["lon"], inc["lat"]]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def _jsonl(incidents: list[dict[str, Any]]) -> Iterator[str]:
    for inc in incidents:
        yield json.dumps(inc, ensure_ascii=False, default=str) + "\n"


def write_export(
    incidents: list[dict[str, Any]], *, fmt: str, out: Path | None, stream: IO[str] | None = None
) -> int:
    """Write `incidents` as `fmt` to `out` (or `stream`); returns the number of records."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", source="--format",
                         hint=f"one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise InputError("Parquet is binary: it needs a file", source="--out",
                             hint="add --out chronicle.parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [acled_row(i) for i in incidents]
        columns = {c: [r[c] for r in rows] for c in (*ACLED_COLUMNS, *EVIDENCE_COLUMNS)}
        pq.write_table(pa.table(columns), out)
        return len(rows)
    buf = io.StringIO()
    if fmt == "acled-csv":
        writer = csv.DictWriter(buf, fieldnames=[*ACLED_COLUMNS, *EVIDENCE_COLUMNS])
        writer.writeheader()
        for inc in incidents:
            writer.writerow(acled_row(inc))
    elif fmt == "geojson":
        buf.write(json.dumps(_geojson(incidents), ensure_ascii=False, default=str) + "\n")
    else:
        buf.writelines(_jsonl(incidents))
    if out is not None:
        out.write_text(buf.getvalue(), encoding="utf-8")
    elif stream is not None:
        stream.write(buf.getvalue())
    return len(incidents)
