"""Event rows of the store as CSV and GeoJSON for the API's export routes."""

from __future__ import annotations

import csv
import io
from typing import Any

__all__ = ["CSV_COLUMNS", "events_csv", "events_geojson"]

CSV_COLUMNS = [
    "id", "article_id", "incident_id", "date_from", "date_to", "type", "sub_type", "plover",
    "actor1", "side1", "actor2", "side2", "location", "country_code", "lat", "lon",
    "place_precision", "geo_precision", "time_precision", "fatalities", "sources", "sides",
    "reports", "confidence", "trigger_text",
]


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return "" if value is None else value


def events_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({c: _cell(r.get(c)) for c in CSV_COLUMNS})
    return buf.getvalue()


def events_geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of every row; one without coordinates has a null geometry
    (RFC 7946, section 3.2), so the feature count is the row count."""
    features = [
        {"type": "Feature", "id": r["id"],
         "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]}
         if r.get("lat") is not None and r.get("lon") is not None else None,
         "properties": {k: v for k, v in r.items() if k not in ("lat", "lon")}}
        for r in rows
    ]
    return {"type": "FeatureCollection", "features": features}
