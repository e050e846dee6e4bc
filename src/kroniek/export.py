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
   GeoJSON keeps every incident: one without a place has a null geometry (RFC 7946,
   section 3.2), so the file holds as many features as the CSV has rows.

`write_records` writes any list of rows (claims, quotes, events, articles) as CSV with the
same fields as its JSON, a JSON array, JSON Lines or Parquet.
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
from kroniek.doc import SOURCE_TYPES, Doc
from kroniek.errors import InputError

__all__ = [
    "ACLED_COLUMNS",
    "EVIDENCE_COLUMNS",
    "FORMATS",
    "RECORD_FORMATS",
    "acled_row",
    "civilian_targeting",
    "incidents_from_docs",
    "incidents_from_store",
    "note_sentence",
    "report_rows",
    "flat_cell",
    "source_scale",
    "unlocated",
    "write_export",
    "write_records",
]

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
RECORD_FORMATS = ("csv", "json", "jsonl", "parquet")

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
            published=doc.published.value if doc.published else None, lang=doc.lang,
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
    """Every incident of a store (anything with `iter_docs` and `list_events`).

    Each report also gets `input`, the name of the file or feed its article was read
    from, which stands for the publication when the article names no outlet or URL.
    """
    docs = list(store.iter_docs())
    incident_of: dict[str, str] = {}
    for doc in docs:
        for ev in store.list_events(article_id=doc.id, limit=100_000):
            if ev.get("incident_id"):
                incident_of[str(ev["id"])] = str(ev["incident_id"])
    inputs = {str(a["id"]): _input_name(a.get("source"))
              for a in store.list_articles(limit=len(docs) + 1)}
    incidents = incidents_from_docs(docs, incident_of=incident_of)
    for inc in incidents:
        for r in inc["reports"]:
            r["input"] = inputs.get(str(r.get("article_id")))
    return incidents


def _input_name(source: str | None) -> str | None:
    """`../data/news/dpgmedia2019-nl.jsonl:12` → `dpgmedia2019-nl` (file name, no line)."""
    if not source or source in ("-", "api"):
        return None
    name = source.rsplit("/", 1)[-1]
    name = name.split(":", 1)[0] if not source.startswith(("http://", "https://")) else name
    return name.rsplit(".", 1)[0] or None


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
        "civilian_targeting": civilian_targeting(inc.get("type"), inc.get("sub_type"), inter2),
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
        "source": "; ".join(_sources(inc)),
        "source_scale": source_scale(inc),
        "notes": note_sentence(inc),
        "fatalities": inc.get("fatalities") or 0,
        "tags": "one-sided" if inc.get("one_sided") else ("disputed fatalities" if inc.get("fatalities_disputed") else ""),
        "timestamp": int(dt.datetime.now(dt.UTC).timestamp()),
    }
    row.update(_evidence(inc))
    return row


# ACLED codes civilian targeting for events whose main or only target is civilians: every
# "Violence against civilians" event, "Excessive force against protesters", and remote
# violence or riots whose target (actor 2) is civilians. Never battles (armed, organised
# actors on both sides) nor strategic developments such as arrests (ACLED Codebook 2023).
_ALWAYS_CIVILIAN = {"Violence against civilians", "Excessive force against protesters"}
_CIVILIAN_IF_TARGET = {"Explosions/Remote violence", "Riots"}


def civilian_targeting(event_type: str | None, sub_type: str | None,
                       inter2: int | None) -> str:
    """ACLED's `civilian_targeting`: "Civilian targeting" or empty."""
    if event_type in _ALWAYS_CIVILIAN or sub_type in _ALWAYS_CIVILIAN:
        return "Civilian targeting"
    if event_type in _CIVILIAN_IF_TARGET and inter2 == INTER_CODES["civilians"]:
        return "Civilian targeting"
    return ""


# The countries whose national press writes in a language: a source in that language
# reporting an event in one of them is "National" in ACLED's source scale, elsewhere
# "International". Only the languages kroniek reads.
HOME_COUNTRIES = {"nl": frozenset({"NL", "BE", "SR"}),
                  "en": frozenset({"GB", "US", "IE", "CA", "AU", "NZ"})}
# Claim source types kept in ACLED's `source` beside the publications: named sources an
# analyst can check; "unknown" and "civilian" sources are often descriptions ("a man next
# to me", "bewoners").
_NAMED_SOURCE_TYPES = frozenset(SOURCE_TYPES) - {"unknown", "civilian"}


def _publication(report: dict[str, Any]) -> str | None:
    if report.get("outlet"):
        return str(report["outlet"])
    if report.get("url"):
        from urllib.parse import urlsplit

        return urlsplit(str(report["url"])).netloc.removeprefix("www.") or None
    return report.get("input")


def _sources(inc: dict[str, Any]) -> list[str]:
    """ACLED's `source`: the publications, then the named sources their claims cite."""
    pubs = sorted({p for r in inc["reports"] if (p := _publication(r))})
    cited = sorted({str(c["source"]) for c in inc.get("claims", [])
                    if c.get("source") and c.get("type") in _NAMED_SOURCE_TYPES} - set(pubs))
    return [*pubs, *cited]


def source_scale(inc: dict[str, Any]) -> str:
    """ACLED's `source_scale`: "National" when a report's press is of the event's country,
    "International" otherwise, "New media" for social-media claims, joined with "-"
    (ACLED writes "New media-National"); "Other" when the event's country is unknown."""
    cc = inc.get("country_code")
    scales = set()
    if any(c.get("type") == "social_media" for c in inc.get("claims", [])):
        scales.add("New media")
    for r in inc["reports"]:
        home = HOME_COUNTRIES.get(str(r.get("lang") or ""))
        if cc and home is not None:
            scales.add("National" if cc in home else "International")
    if not scales - {"New media"} and not cc:
        scales.add("Other")
    order = ("New media", "National", "International", "Other")
    return "-".join(s for s in order if s in scales)


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
    """Every incident a feature; one without coordinates has a null geometry (RFC 7946)."""
    features = []
    for inc in incidents:
        located = inc.get("lat") is not None and inc.get("lon") is not None
        geometry = ({"type": "Point", "coordinates": [inc["lon"], inc["lat"]]}
                    if located else None)
        features.append({"type": "Feature", "id": inc["id"], "geometry": geometry,
                         "properties": acled_row(inc)})
    return {"type": "FeatureCollection", "features": features}


def unlocated(incidents: list[dict[str, Any]]) -> int:
    """How many incidents have no coordinates (null geometry in GeoJSON)."""
    return sum(1 for i in incidents if i.get("lat") is None or i.get("lon") is None)


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


def flat_cell(value: Any) -> Any:
    """A JSON value as a CSV cell: lists of plain values joined with "; ", other lists
    and objects as JSON, None as empty; numbers and text as they are."""
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _fields(rows: list[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for r in rows:
        seen.update(dict.fromkeys(r))
    return list(seen)


def write_records(rows: list[dict[str, Any]], *, fmt: str, out: Path | None = None,
                  stream: IO[str] | None = None, fields: list[str] | None = None) -> int:
    """Rows as CSV (the JSON's fields, in order), a JSON array, JSON Lines or Parquet.

    `fields` fixes the columns (CSV, Parquet) when there may be no rows to learn them
    from. Returns the number of rows written.
    """
    if fmt not in RECORD_FORMATS:
        raise InputError(f"unknown format {fmt!r}", source="--format",
                         hint=f"one of {', '.join(RECORD_FORMATS)}")
    columns = fields or _fields(rows)
    if fmt == "parquet":
        if out is None:
            raise InputError("Parquet is binary: it needs a file", source="--out",
                             hint="add --out records.parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        data = {c: [_parquet_cell(r.get(c)) for r in rows] for c in columns}
        pq.write_table(pa.table(data), out)
        return len(rows)
    buf = io.StringIO()
    if fmt == "csv":
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: flat_cell(r.get(c)) for c in columns} for r in rows)
    elif fmt == "json":
        buf.write("[" + ",\n".join(json.dumps(r, ensure_ascii=False, default=str)
                                    for r in rows) + "]\n")
    else:
        buf.writelines(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
    if out is not None:
        out.write_text(buf.getvalue(), encoding="utf-8")
    elif stream is not None:
        stream.write(buf.getvalue())
    return len(rows)


def _parquet_cell(value: Any) -> Any:
    """Lists of text stay lists; objects and mixed lists become JSON text."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value
