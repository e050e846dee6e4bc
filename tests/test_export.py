"""Export from a real SQLite store: ACLED CSV (read back with pandas), GeoJSON, JSONL, Parquet."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kroniek
from kroniek.cli import app
from kroniek.export import ACLED_COLUMNS, EVIDENCE_COLUMNS, note_sentence
from kroniek.store import open_store

# Two reports of one strike, written for this test: each side gives its own death toll.
UKRAINIAN = ("Bij een Russische raketaanval op de stad Charkiv zijn dinsdag elf doden gevallen, "
             "meldt de Oekraïense regering.")
RUSSIAN = ("Het Russische ministerie van Defensie zegt dat bij de aanval op Charkiv dinsdag "
           "slechts twee doden vielen.")
PROTEST = "Duizenden betogers gingen zaterdag in Algiers de straat op tegen de president."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "kroniek.sqlite"
    with open_store(path) as store:
        for text, outlet, day in ((UKRAINIAN, "Trouw", "2025-04-10"), (RUSSIAN, "NRC", "2025-04-10"),
                                  (PROTEST, "AD", "2019-03-10")):
            doc = kroniek.analyze(text, published=day, lang="nl", outlet=outlet)
            store.add(doc, content_hash=hashlib.sha256(text.encode()).hexdigest())
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_acled_csv_opens_in_pandas_with_acleds_columns(db: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "chronicle.csv"
    run("--format", "acled-csv", "--db", str(db), "--out", str(out))
    frame = pd.read_csv(out)
    assert list(frame.columns) == [*ACLED_COLUMNS, *EVIDENCE_COLUMNS]
    strike = frame[frame.location == "Kharkiv"]
    assert len(strike) == 1, "both outlets' reports are one incident"
    row = strike.iloc[0]
    assert row.event_type in ("Explosions/Remote violence", "Battles")
    assert row.country == "Ukraine" and row.iso == 804 and row.event_date == "2025-04-08"
    assert row.kroniek_articles == 2
    claims = json.loads(row.kroniek_fatality_claims)
    assert sorted(c["count"] for c in claims) == [2, 11]  # two sides, two claims, not summed
    assert row.fatalities == 2 and row.tags == "disputed fatalities"
    assert row.notes.endswith(".") and "Kharkiv" in row.notes
    protest = frame[frame.event_type == "Protests"].iloc[0]
    assert protest.actor1 == "Protesters (Algeria)" and protest.inter1 == 6
    assert protest.disorder_type == "Demonstrations" and protest.event_date == "2019-03-09"


def test_geojson_and_jsonl_on_standard_output(db: Path) -> None:
    geo = json.loads(run("--format", "geojson", "--db", str(db)))
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    lines = run("--format", "jsonl", "--db", str(db)).splitlines()
    records = [json.loads(line) for line in lines]
    strike = next(r for r in records if r["place_name"] == "Kharkiv")
    assert strike["n_reports"] >= 2 and {r["outlet"] for r in strike["reports"]} == {"Trouw", "NRC"}


def test_parquet_needs_a_file_and_reads_back(db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "parquet", "--db", str(db)])
    assert result.exit_code != 0
    out = tmp_path / "chronicle.parquet"
    run("--format", "parquet", "--db", str(db), "--out", str(out))
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.num_rows == 2 and "event_id_cnty" in table.column_names


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    from kroniek.errors import ResourceError

    with pytest.raises(ResourceError, match="no store at"):
        CliRunner().invoke(app, ["export", "--db", str(tmp_path / "none.sqlite")],
                           catch_exceptions=False)


def test_note_is_one_sentence_from_the_fields() -> None:
    inc = {"sub_type": "Air/drone strike", "actor1": "Military Forces of Russia",
           "actor2": "Civilians (Syria)", "place_name": "Idlib", "date_from": "2019-03-24",
           "date_to": "2019-03-24", "fatality_claims": [{"count": 12}, {"count": 0}],
           "n_reports": 2, "claims": [{"source": "SOHR"}]}
    note = note_sentence(inc)
    assert note == ("Military Forces of Russia: air/drone strike against Civilians (Syria) in "
                    "Idlib on 2019-03-24; reported deaths differ (0, 12) (2 reports, "
                    "according to SOHR).")


def test_acled_source_scale_and_civilian_targeting_as_acled_defines_them() -> None:
    from kroniek.export import acled_row, civilian_targeting, source_scale

    assert civilian_targeting("Violence against civilians", "Attack", None) == "Civilian targeting"
    assert civilian_targeting("Protests", "Excessive force against protesters", 6) \
        == "Civilian targeting"
    assert civilian_targeting("Explosions/Remote violence", "Air/drone strike", 7) \
        == "Civilian targeting"
    assert civilian_targeting("Explosions/Remote violence", "Air/drone strike", 1) == ""
    assert civilian_targeting("Strategic developments", "Arrests", 7) == ""  # arrests are not
    assert civilian_targeting("Battles", "Armed clash", 7) == ""
    nl = {"lang": "nl", "outlet": "Trouw", "url": None}
    assert source_scale({"country_code": "NL", "reports": [nl], "claims": []}) == "National"
    assert source_scale({"country_code": "UA", "reports": [nl], "claims": []}) == "International"
    assert source_scale({"country_code": "UA", "reports": [nl],
                         "claims": [{"type": "social_media"}]}) == "New media-International"
    inc = {"id": "inc-1", "country_code": "UA", "type": "Battles", "sub_type": "Armed clash",
           "reports": [{"uid": "a:ev1", "lang": "nl", "outlet": None,
                        "url": "https://www.example.nl/x", "input": "feed"}],
           "claims": [{"source": "Oekraïense leger", "type": "party_to_conflict"},
                      {"source": "een man", "type": "unknown"}],
           "fatality_claims": []}
    row = acled_row(inc)
    assert row["source"] == "example.nl; Oekraïense leger" and row["source_scale"] == "International"


def test_acled_source_falls_back_to_the_input_file(db: Path, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "c.csv"
    run("--format", "acled-csv", "--db", str(db), "--out", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert all(r["source"] for r in rows)
    assert {r["source_scale"] for r in rows} == {"International"}  # Dutch press, Ukraine and Algeria


def test_geojson_keeps_incidents_without_a_place_as_null_geometry(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    text = "Betogers gingen zaterdag de straat op tegen de regering."
    with open_store(path) as store:
        doc = kroniek.analyze(text, published="2025-04-12", lang="nl")
        store.add(doc, content_hash="x")
        located = sum(1 for e in store.list_events(limit=10) if e["lat"] is not None)
        n_events = len(store.list_events(limit=10, merged=True))
    assert n_events >= 1 and located == 0, "the test needs an event without a place"
    result = CliRunner().invoke(app, ["export", "--format", "geojson", "--db", str(path)])
    assert result.exit_code == 0
    geo = json.loads(result.stdout)
    assert len(geo["features"]) == n_events
    assert all(f["geometry"] is None for f in geo["features"])
    assert "null geometry" in result.stderr


def test_claims_and_quotes_exports(db: Path, tmp_path: Path) -> None:
    import csv

    import pyarrow.parquet as pq

    for records in ("claims", "quotes"):
        as_json = json.loads(run("--records", records, "--format", "json", "--db", str(db)))
        as_csv = list(csv.DictReader(run("--records", records, "--format", "csv", "--db",
                                          str(db)).splitlines()))
        assert as_json and len(as_csv) == len(as_json)
        assert list(as_csv[0]) == list(as_json[0])
        out = tmp_path / f"{records}.parquet"
        run("--records", records, "--format", "parquet", "--db", str(db), "--out", str(out))
        assert pq.read_table(out).num_rows == len(as_json)
    bad = CliRunner().invoke(app, ["export", "--records", "claims", "--format", "geojson",
                                   "--db", str(db)])
    assert bad.exit_code != 0
