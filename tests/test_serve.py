"""The HTTP API over real HTTP (uvicorn on 127.0.0.1), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from kroniek.serve import create_app
from kroniek.store import open_store
from kroniek_pg import pg_server, pg_url  # noqa: F401  (fixtures)
from kroniek_server import Server, filled_store, store_target

TOKEN = "s3cret-token"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres",
                                                               marks=pytest.mark.postgres)])
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    target = filled_store(store_target(request.param, tmp_path_factory.mktemp("serve"), request,
                                       prefix="serve"))
    app = create_app(target, write_token=TOKEN, max_body_bytes=64 * 1024)
    with Server(app) as base:
        yield base + "/api/v1"


def _error(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status
    return dict(body["error"])


def test_events_filters_and_pages(api: str) -> None:
    page = httpx.get(f"{api}/events", params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["next_offset"] == 2
    rest = httpx.get(f"{api}/events", params={"limit": 2, "offset": 2}).json()
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    boxed = httpx.get(f"{api}/events", params={"bbox": "35,49,37,51", "date_from": "2025-04"})
    assert [e["location"] for e in boxed.json()["items"]] == ["Kozatsje"]
    assert [e["location"] for e in httpx.get(
        f"{api}/events", params={"source_type": "official"}).json()["items"]] == ["Sumy"]
    assert [e["location"] for e in httpx.get(
        f"{api}/events", params={"date_to": "2025-03"}).json()["items"]] == ["Koersk"]
    points = httpx.get(f"{api}/events/points", params={"type": "Air/drone strike"}).json()
    assert points["columns"][:4] == ["id", "type", "lat", "lon"]
    assert {p[4] for p in points["items"]} == {"exact", "region"}
    days = httpx.get(f"{api}/events/days", params={"side": "UA"}).json()["items"]
    assert [d["day"] for d in days] == ["2025-03-02", "2025-04-08", "2025-04-20"]


def test_event_detail_with_evidence(api: str) -> None:
    uid = httpx.get(f"{api}/events", params={"type": "Battles"}).json()["items"][0]["id"]
    event = httpx.get(f"{api}/events/{uid}").json()
    report = event["reports"][0]
    assert "Sumy" in report["sentence"]["text"]
    assert {s["kind"] for s in report["evidence"]} >= {"sentence", "trigger", "claim"}
    assert report["claims"][0]["source"]["type"] == "official"
    _error(httpx.get(f"{api}/events/abc:ev9"), 404)


def test_articles_quotes_places_search(api: str) -> None:
    arts = httpx.get(f"{api}/articles").json()["items"]
    assert len(arts) == 3 and all("text" not in a for a in arts)
    one = httpx.get(f"{api}/articles/{arts[0]['id']}").json()
    assert one["doc"]["schema"] == "kroniek/1" and len(one["events"]) == 1
    _error(httpx.get(f"{api}/articles/nope"), 404)
    quotes = httpx.get(f"{api}/quotes", params={"speaker": "smirnov"}).json()["items"]
    assert [q["speaker"] for q in quotes] == ["Ivan Smirnov"]
    places = httpx.get(f"{api}/places", params={"country": "ua"}).json()["items"]
    assert {p["name"] for p in places} == {"Kozatsje", "Sumy", "Koersk"}
    hits = httpx.get(f"{api}/search", params={"q": "Koersk"}).json()["items"]
    assert hits and hits[0]["kind"] == "article"
    meta = httpx.get(f"{api}/meta").json()
    assert meta["writable"] is True and meta["counts"]["events"] >= 3
    assert "Battles" in [t["type"] for t in meta["facets"]["types"]]


def test_exports(api: str) -> None:
    r = httpx.get(f"{api}/export/events.csv", params={"side": "UA"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 3 and {r["location"] for r in rows} == {"Kozatsje", "Sumy", "Koersk"}
    acled = httpx.get(f"{api}/export/chronicle", params={"format": "acled-csv"})
    assert acled.status_code == 200, acled.text
    incidents = list(csv.DictReader(io.StringIO(acled.text)))
    assert {"event_date", "latitude", "kroniek_evidence"} <= set(incidents[0])
    assert {i["location"] for i in incidents} >= {"Sumy"}
    _error(httpx.get(f"{api}/export/chronicle", params={"format": "xls"}), 422)
    gj = httpx.get(f"{api}/export/events.geojson", params={"type": "Battles"}).json()
    assert gj["type"] == "FeatureCollection"
    assert gj["features"][0]["geometry"]["coordinates"] == [34.8, 50.9]


@pytest.mark.parametrize("params, name", [
    ({"bbox": "1,2,3"}, "bbox"), ({"bbox": "0,91,10,10"}, "bbox"), ({"bbox": "1e1,0,1,1"}, "bbox"),
    ({"date_from": "2025-02-30"}, "date_from"), ({"date_to": "yesterday"}, "date_to"),
    ({"date_from": "0000"}, "date_from"), ({"date_to": "2025-04-31"}, "date_to"),
    ({"type": "0"}, "type"), ({"place": " "}, "place"),
    ({"limit": "0"}, "limit"), ({"limit": "x"}, "limit"), ({"offset": "-1"}, "offset"),
    ({"source_type": "rumour"}, "source_type"), ({"q": "x" * 201}, "q"),
])
def test_every_bad_parameter_is_a_422_naming_it(api: str, params: dict[str, str],
                                                name: str) -> None:
    err = _error(httpx.get(f"{api}/events", params=params), 422)
    assert name in err["message"] and err["details"]


def test_errors_share_one_body(api: str) -> None:
    _error(httpx.get(f"{api}/nothing-here"), 404)
    _error(httpx.delete(f"{api}/events"), 405)
    _error(httpx.get(f"{api}/search"), 422)


def test_a_405_allows_every_method_of_the_path(api: str) -> None:
    """GET and POST on /articles are two routes; Starlette's 405 named the first only (#17,
    schemathesis allow_header_conformance)."""
    r = httpx.request("OPTIONS", f"{api}/articles")
    assert r.status_code == 405 and r.headers["allow"] == "GET, POST"
    assert httpx.delete(f"{api}/events").headers["allow"] == "GET"


def test_what_the_openapi_allows_is_answered(api: str) -> None:
    """Requests the schema's patterns admit, which the server once refused (#17,
    schemathesis positive_data_acceptance)."""
    def events(**params: str) -> list[str]:
        r = httpx.get(f"{api}/events", params=params)
        assert r.status_code == 200, (params, r.text)
        return sorted(e["id"] for e in r.json()["items"])

    assert events(bbox="35,51,37,49") == events(bbox="35,49,37,51")  # latitudes either way
    assert events(date_to="2025-02-29") == events(date_to="2025-02-28")  # a common year
    assert events(type="armed CLASH") == events(type="Armed clash")
    assert events(date_from="0001", country="aa") == []


def test_ingest_needs_the_token_and_respects_the_size_limit(api: str) -> None:
    body = {"text": "Rusland viel dinsdag Charkiv aan met drones.", "published": "2025-05-06",
            "title": "Test", "lang": "nl"}
    assert _error(httpx.post(f"{api}/articles", json=body), 401)["code"] == "unauthorized"
    _error(httpx.post(f"{api}/articles", json=body,
                      headers={"Authorization": "Bearer wrong"}), 401)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    # The first write loads the language models in the server: no 5 s client timeout.
    first = httpx.post(f"{api}/articles", json=body, headers=auth, timeout=300)
    assert first.status_code == 201 and first.json()["added"] is True
    again = httpx.post(f"{api}/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["added"] is False
    _error(httpx.post(f"{api}/articles", json={"text": ""}, headers=auth), 422)
    big = {"text": "x " * 40_000}
    assert _error(httpx.post(f"{api}/articles", json=big, headers=auth), 413)
    chunks = (b"{\"text\": \"" + b"y" * 1000 for _ in range(100))
    r = httpx.post(f"{api}/articles", content=chunks,
                   headers={**auth, "Content-Type": "application/json"})
    _error(r, 413)


def test_read_only_by_default_and_no_cors(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    open_store(db).close()
    with Server(create_app(str(db))) as base:
        r = httpx.post(f"{base}/api/v1/articles", json={"text": "x"},
                       headers={"Authorization": "Bearer anything"})
        assert _error(r, 403)["code"] == "read_only"
        r = httpx.get(f"{base}/api/v1/events", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in r.headers
        page = httpx.get(f"{base}/")
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert "/static/leaflet/leaflet.js" in page.text
        assert httpx.get(f"{base}/static/markercluster/leaflet.markercluster.js").status_code == 200
        docs = httpx.get(f"{base}/docs")
        assert docs.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in docs.text
        assert httpx.get(f"{base}/static/swagger/swagger-ui-bundle.js").status_code == 200
        spec = httpx.get(f"{base}/openapi.json").json()
        assert "/api/v1/events" in spec["paths"] and "/api/v1/export/events.csv" in spec["paths"]
    with Server(create_app(str(db), cors_origins=["https://analyst.example"])) as base:
        r = httpx.get(f"{base}/api/v1/events", headers={"Origin": "https://analyst.example"})
        assert r.headers["access-control-allow-origin"] == "https://analyst.example"


def test_online_tiles_only_when_configured(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    open_store(db).close()
    tiles = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    with Server(create_app(str(db), tiles=tiles)) as base:
        assert httpx.get(f"{base}/api/v1/meta").json()["tiles"] == tiles
        csp = httpx.get(f"{base}/").headers["content-security-policy"]
        assert "img-src 'self' data: https://*.tile.example.org;" in csp
    with Server(create_app(str(db))) as base:
        assert httpx.get(f"{base}/api/v1/meta").json()["tiles"] is None


def test_serve_command_refuses_a_broken_store_in_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"\x00garbage" * 100)
    r = subprocess.run([sys.executable, "-m", "kroniek", "serve", "--db", str(bad), "--port", "1"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 4
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:") and "not a kroniek database" in lines[0]


def test_totals_and_the_analysts_filters(api: str) -> None:
    page = httpx.get(f"{api}/events", params={"limit": 1}).json()
    assert page["total"] == 3 and len(page["items"]) == 1
    located = [sorted(e["location"] for e in httpx.get(
        f"{api}/events", params={"place": name}).json()["items"])
        for name in ("Oekraïne", "Ukraine", "Україна")]
    assert located[0] == located[1] == located[2] == ["Koersk", "Kozatsje", "Sumy"]
    assert httpx.get(f"{api}/events", params={"place": "Sumy"}).json()["total"] == 1
    assert httpx.get(f"{api}/events", params={"country": "ua"}).json()["total"] == 3
    assert httpx.get(f"{api}/events", params={"type": "battles"}).json()["total"] == 1
    assert httpx.get(f"{api}/events", params={"fatalities_min": 3}).json()["total"] == 3
    assert httpx.get(f"{api}/events", params={"fatalities_min": 4}).json()["total"] == 0
    assert httpx.get(f"{api}/events", params={"modality": "asserted"}).json()["total"] == 3
    assert httpx.get(f"{api}/events", params={"modality": "negated"}).json()["total"] == 0
    assert httpx.get(f"{api}/events", params={"side": "Oekraïne"}).json()["total"] == 3
    assert httpx.get(f"{api}/events", params={"side": "Rusland"}).json()["total"] == 1
    err = _error(httpx.get(f"{api}/events", params={"type": "batles"}), 422)
    assert err["message"] == "invalid parameter: type" and "Battles" in err["details"][0]["message"]
    _error(httpx.get(f"{api}/events", params={"modality": "maybe"}), 422)
    quotes = httpx.get(f"{api}/quotes", params={"speaker": "Smirnow"}).json()
    assert [q["speaker"] for q in quotes["items"]] == ["Ivan Smirnov"] and quotes["total"] == 1
    points = httpx.get(f"{api}/events/points", params={"limit": 1}).json()
    assert points["total"] == 3 and len(points["items"]) == 1


def test_claims_incidents_and_unknown_ids(api: str) -> None:
    claims = httpx.get(f"{api}/claims", params={"source_type": "official"}).json()
    assert claims["total"] == 1 and claims["items"][0]["source"] == "het Oekraïense leger"
    assert claims["items"][0]["events"][0].endswith(":ev1")
    incidents = httpx.get(f"{api}/incidents", params={"place": "Sumy"}).json()
    assert incidents["total"] == 1 and incidents["items"][0]["place_name"] == "Sumy"
    one = httpx.get(f"{api}/incidents/{incidents['items'][0]['id']}").json()
    assert [r["location"] for r in one["reports"]] == ["Sumy"]
    for path in ("incidents/inc-nothing", "events/not-an-event-id", "events/a:b",
                 "articles/unknown"):
        assert _error(httpx.get(f"{api}/{path}"), 404)["code"] == "not_found"


def test_quotes_and_claims_filter_by_kind_date_and_event(api: str) -> None:
    every = httpx.get(f"{api}/quotes").json()
    assert every["total"] >= 2
    kinds = {q["kind"] for q in every["items"]}
    for kind in ("direct", "indirect", "mixed"):
        page = httpx.get(f"{api}/quotes", params={"kind": kind}).json()
        assert page["total"] == sum(q["kind"] == kind for q in every["items"]), kind
    assert kinds and _error(httpx.get(f"{api}/quotes", params={"kind": "drect"}), 422)
    days = sorted(q["published"][:10] for q in every["items"])
    later = httpx.get(f"{api}/quotes", params={"date_from": days[-1]}).json()
    assert later["total"] == days.count(days[-1]) < every["total"]
    earlier = httpx.get(f"{api}/quotes", params={"date_to": days[0][:7]}).json()
    assert 1 <= earlier["total"] < every["total"]
    assert all(q["published"][:7] <= days[0][:7] for q in earlier["items"])
    _error(httpx.get(f"{api}/quotes", params={"date_from": "2025-13"}), 422)
    claims = httpx.get(f"{api}/claims").json()["items"]
    uid = next(c["events"][0] for c in claims if c["events"])
    about = httpx.get(f"{api}/claims", params={"event_uid": uid}).json()
    assert about["total"] >= 1 and all(uid in c["events"] for c in about["items"])
    assert about["total"] < len(claims)
    none = httpx.get(f"{api}/claims", params={"event_uid": uid + "9"}).json()
    assert none["total"] == 0
    after = httpx.get(f"{api}/claims", params={"date_from": "2100"}).json()
    assert after["total"] == 0


def test_openapi_documents_every_response_and_the_real_error_body(api: str) -> None:
    from kroniek.serve.schemas import ErrorBody

    spec = httpx.get(api.removesuffix("/api/v1") + "/openapi.json").json()
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            ok = op["responses"].get("200") or op["responses"].get("201")
            assert ok, (path, method)
            if not path.startswith("/api/v1/export"):
                assert "$ref" in str(ok["content"]["application/json"]["schema"]), path
            else:  # CSV, GeoJSON and JSON Lines typed (#17, content_type_conformance)
                assert set(ok["content"]) & {"text/csv", "application/geo+json"}, path
            bad = op["responses"]["422"]["content"]["application/json"]["schema"]
            assert bad["$ref"].endswith("/ErrorBody"), (path, method)
    r = httpx.get(f"{api}/events/nothing:here")
    ErrorBody.model_validate(r.json())
    r = httpx.get(f"{api}/events", params={"limit": "x"})
    ErrorBody.model_validate(r.json())
    assert set(spec["components"]["schemas"]["EventPage"]["properties"]) >= {
        "items", "total", "limit", "offset", "next_offset"}


@pytest.mark.parametrize(("asked", "header", "lang"), [
    (None, "nl-NL,nl;q=0.9,en;q=0.8", "nl"), (None, "en-GB,en;q=0.9,nl;q=0.5", "en"),
    (None, "de-DE,nl;q=0.7,en;q=0.6", "nl"), (None, None, "en"), ("nl", "en", "nl"),
    ("xx", "fr", "en"),
])
def test_page_language(asked: str | None, header: str | None, lang: str) -> None:
    from kroniek.serve.app import page_language

    assert page_language(asked, header) == lang


def test_page_speaks_the_visitors_language_and_labels_come_from_the_gazetteer(api: str) -> None:
    base = api.removesuffix("/api/v1")
    assert '<html lang="nl">' in httpx.get(base + "/", headers={"Accept-Language": "nl"}).text
    assert '<html lang="en">' in httpx.get(base + "/?lang=en",
                                          headers={"Accept-Language": "nl"}).text
    # The first call reads the gazetteer's towns: no 5 s client timeout on a loaded machine.
    nl = httpx.get(f"{api}/labels", params={"bbox": "3,50.5,7.5,53.7", "zoom": 7},
                   timeout=120).json()
    names = [item[0] for item in nl["items"]]
    assert {"Amsterdam", "Rotterdam", "Utrecht"} <= set(names) and len(names) <= 300
    east = httpx.get(f"{api}/labels", params={"bbox": "35,46,40,50", "zoom": 8}).json()
    assert {"Kharkiv", "Donetsk"} <= {item[0] for item in east["items"]}
    _error(httpx.get(f"{api}/labels", params={"bbox": "1,2", "zoom": 7}), 422)
    types = httpx.get(f"{api}/events/types", params={"type": "Battles"}).json()
    assert types == {"items": [{"type": "Battles", "n": 1}], "total": 1}


def test_claims_and_quotes_exports_over_http(api: str) -> None:
    for kind in ("claims", "quotes"):
        as_json = httpx.get(f"{api}/export/records/{kind}", params={"format": "json"}).json()
        r = httpx.get(f"{api}/export/records/{kind}", params={"format": "csv"})
        assert r.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert len(rows) == len(as_json) >= 3 and list(rows[0]) == list(as_json[0])
        lines = httpx.get(f"{api}/export/records/{kind}", params={"format": "jsonl"}).text
        assert [json.loads(line) for line in lines.splitlines()] == as_json
    _error(httpx.get(f"{api}/export/records/secrets"), 422)
