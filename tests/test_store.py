"""The store on both backends: a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kroniek.errors import StoreError
from kroniek.store import open_store
from kroniek.store.migrations import MIGRATIONS
from kroniek.store.sql import SQLStore
from kroniek_docs import make_doc, sample_docs
from kroniek_pg import pg_server, pg_url  # noqa: F401  (fixtures)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "kroniek.sqlite")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture()
def store(target: str) -> Iterator[SQLStore]:
    s = open_store(target)
    assert isinstance(s, SQLStore)
    yield s
    s.close()


def _fill(store: SQLStore) -> list[Any]:
    docs = sample_docs()
    for i, doc in enumerate(docs):
        assert store.add(doc, content_hash=f"hash-{i}", source=f"test-{i}") is True
    return docs


def test_add_is_idempotent_by_hash_and_round_trips(store: SQLStore) -> None:
    docs = _fill(store)
    assert store.add(docs[0], content_hash="hash-0") is False
    assert store.has("hash-1") and not store.has("nope")
    assert store.count() == 3 and store.count("events") == 3 and store.count("quotes") == 3
    # The same text under another hash (another edition) is another article.
    assert store.add(docs[0], content_hash="another-edition") is True
    assert store.count() == 4 and store.count("events") == 4
    twin = [a for a in store.list_articles() if a["content_hash"] == "another-edition"][0]
    assert twin["id"] != docs[0].id and store.get_doc(twin["id"]).text == docs[0].text
    assert store.get_doc(docs[1].id).to_json() == docs[1].to_json()
    with pytest.raises(KeyError):
        store.get_doc("missing")
    with pytest.raises(ValueError):
        store.count("articles; DROP TABLE articles")


def test_migrations_are_recorded_once(target: str) -> None:
    with open_store(target) as s:
        assert s.applied_migrations() == [m.name for m in MIGRATIONS]
    with open_store(target) as s:  # reopening applies nothing again
        assert s.applied_migrations() == [m.name for m in MIGRATIONS]


def test_newer_schema_is_refused(target: str) -> None:
    with open_store(target) as s, s._tx() as cur:
        s._exec(cur, "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                ("9999_from_the_future", "2030-01-01"))
    with pytest.raises(StoreError, match="newer schema") as err:
        open_store(target)
    assert err.value.hint and "upgrade" in err.value.hint


def test_event_filters(store: SQLStore) -> None:
    _fill(store)

    def places(**f: Any) -> set[str]:
        return {r["location"] for r in store.list_events(**f)}

    assert places() == {"Kozatsje", "Sumy", "Koersk"}
    assert places(bbox=(35.0, 49.0, 37.0, 51.0)) == {"Kozatsje"}
    assert places(bbox=(30.0, 45.0, 40.0, 52.0), date_from="2025-04-01") == {"Kozatsje", "Sumy"}
    assert places(date_to="2025-03-31") == {"Koersk"}
    assert places(type="Battles") == {"Sumy"}
    assert places(type="Air/drone strike") == {"Kozatsje", "Koersk"}
    assert places(actor="oekraïense") == {"Sumy", "Koersk"}
    assert places(actor="100%_") == set()
    assert places(source_type="social_media") == {"Koersk"}
    assert places(side="RU") == {"Kozatsje"}
    assert places(q="Sumy") == {"Sumy"}
    assert places(q="'; DROP TABLE events; --") == set()
    assert [r["date_from"] for r in store.list_events()] == [
        "2025-04-20", "2025-04-08", "2025-03-02"]
    assert len(store.list_events(limit=2)) == 2
    assert len(store.list_events(limit=2, offset=2)) == 1
    days = store.event_days(date_from="2025-04-01")
    assert days == [{"day": "2025-04-08", "n": 1}, {"day": "2025-04-20", "n": 1}]
    assert store.list_events(bbox=(170.0, -10.0, -170.0, 10.0)) == []  # crosses 180°


def test_event_detail_has_reports_claims_and_evidence(store: SQLStore) -> None:
    docs = _fill(store)
    row = store.list_events(type="Battles")[0]
    event = store.get_event(row["id"])
    assert event is not None and event["reports"] and event["incident"]["n_reports"] == 1
    report = event["reports"][0]
    text = docs[1].text
    sent = report["sentence"]
    assert sent["text"] == text[sent["start"]:sent["end"]] and "Sumy" in sent["text"]
    assert report["claims"][0]["source"]["type"] == "official"
    kinds = {span["kind"] for span in report["evidence"]}
    assert {"sentence", "trigger", "claim", "evidence"} <= kinds
    for span in report["evidence"]:
        assert text[span["start"]:span["end"]] == span["text"]
    assert store.get_event("nope:ev1") is None


def test_quotes_places_search_and_articles(store: SQLStore) -> None:
    docs = _fill(store)
    quotes = store.list_quotes(speaker="petrenko")
    assert [q["speaker"] for q in quotes] == ["Olga Petrenko"]
    assert quotes[0]["text"] == '"Het was een zware nacht,"'
    assert len(store.list_quotes(q="zware nacht")) == 3
    assert store.list_quotes(q="\"") == []
    places = {p["name"]: p for p in store.list_places()}
    assert places["Koersk"]["precision"] == "region" and places["Sumy"]["mentions"] == 1
    assert [p["name"] for p in store.list_places(name="sum")] == ["Sumy"]
    hits = store.search("Koersk")
    assert hits[0]["kind"] == "article" and hits[0]["article_id"] == docs[2].id
    assert "\u27e6" in hits[0]["snippet"]
    assert {h["kind"] for h in store.search("zware nacht")} == {"article", "quote"}
    assert store.search("   ") == [] and store.search('"*') == []
    article = store.get_article(docs[0].id)
    assert article is not None and article["doc"]["id"] == docs[0].id
    assert [e["event_id"] for e in article["events"]] == ["ev1"]
    assert [a["n_events"] for a in store.list_articles()] == [1, 1, 1]
    assert store.list_articles(limit=1, offset=2)[0]["id"] == docs[2].id
    assert [a["id"] for a in store.list_articles(q="Sumy")] == [docs[1].id]


def test_a_failed_add_leaves_nothing_and_a_rerun_resumes(
        store: SQLStore, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = make_doc()

    def boom(*_: Any) -> None:
        raise RuntimeError("interrupted mid-article")

    monkeypatch.setattr(store, "_link_incident", boom)
    with pytest.raises(RuntimeError):
        store.add(doc, content_hash="h")
    for table in ("articles", "events", "quotes", "incidents"):
        assert store.count(table) == 0, table
    assert store.search("Kozatsje") == []
    monkeypatch.undo()
    assert store.add(doc, content_hash="h") is True
    assert store.count("events") == 1 and store.count("incident_reports") == 1


def test_chronicle_matcher_merges_reports(store: SQLStore, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []

    def first(event_row: dict[str, Any], candidates: list[dict[str, Any]]) -> str | None:
        seen.append((event_row, candidates))
        return candidates[0]["id"] if candidates else None

    monkeypatch.setattr("kroniek.store.sql._incident_matcher", lambda: first)
    store.add(make_doc(), content_hash="a")
    store.add(make_doc(extra=" Ook een school werd geraakt."), content_hash="b")
    store.add(make_doc(day="2025-06-30", extra=" Later."), content_hash="c")  # out of window
    assert store.count("incidents") == 2 and store.count("incident_reports") == 3
    row, candidates = seen[0]
    assert row["type"] == "Explosions/Remote violence" and row["lat"] == 50.1
    assert candidates[0]["n_reports"] == 1
    merged = store.list_events(date_to="2025-04-30")
    assert {r["reports"] for r in merged} == {2}
    assert len(store.list_events(merged=True)) == 2
    event = store.get_event(merged[0]["id"])
    assert event is not None and len(event["reports"]) == 2
    assert {r["article_id"] for r in event["reports"]} == {r["article_id"] for r in merged}


def test_sqlite_is_in_wal_mode_and_readers_see_committed_rows(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    writer, reader = open_store(path), open_store(path)
    try:
        assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with writer._tx():
            assert reader.count() == 0  # a reader is not blocked by an open write
        writer.add(make_doc(), content_hash="x")
        assert reader.count() == 1
    finally:
        writer.close()
        reader.close()


def test_sqlite_errors_are_typed_with_hints(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="not a kroniek database") as err:
        open_store(garbage)
    assert err.value.hint
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="not a kroniek database"):
        open_store(other)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder") as err:
        open_store(blocker / "sub" / "k.sqlite")
    assert "writable" in (err.value.hint or "")
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path)


@pytest.mark.postgres
def test_postgres_unreachable_is_a_store_error(request: pytest.FixtureRequest) -> None:
    url = str(request.getfixturevalue("pg_server")).rsplit(":", 1)[0] + ":1/nothing"
    with pytest.raises(StoreError, match="cannot connect"):
        open_store(url)


def test_analyzed_reference_article_is_stored(tmp_path: Path) -> None:
    from kroniek.analysis import analyze_article
    from kroniek.readers.text import read_text_file

    path = Path(__file__).resolve().parents[1] / "examples" / "nl-belgorod-2025-04.txt"
    if not path.exists():
        pytest.skip("reference article not present")
    doc = analyze_article(read_text_file(path))
    with open_store(tmp_path / "k.sqlite") as s:
        assert s.add(doc, content_hash="ref")
        assert s.get_doc(doc.id).to_json() == doc.to_json()
        assert s.count("events") == len(doc.events)


@pytest.mark.postgres
def test_postgres_reads_survive_a_dropped_connection(pg_url: str) -> None:  # noqa: F811
    import psycopg

    with open_store(pg_url) as store:
        store.add(make_doc(), content_hash="x")
        assert store.count() == 1
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        assert store.count() == 1
        assert store.list_events()[0]["location"] == "Kozatsje"


def test_real_chronicle_merges_reports_of_one_incident(store: SQLStore) -> None:
    pytest.importorskip("kroniek.chronicle")
    store.add(make_doc(), content_hash="a")
    store.add(make_doc(extra=" Een tweede bron bevestigt het."), content_hash="b")
    store.add(make_doc(place="Lviv", lat=49.84, lon=24.03, extra=" Ver weg."), content_hash="c")
    future = make_doc(extra=" Morgen volgt meer.")
    future.events[0].modality = "future"
    store.add(future, content_hash="d")
    assert store.count("events") == 4
    assert store.count("incidents") == 2 and store.count("incident_reports") == 3
    by_place = {(r["location"], r["reports"]) for r in store.list_events()}
    assert ("Kozatsje", 2) in by_place and ("Lviv", 1) in by_place
    assert ("Kozatsje", None) in by_place  # the future event joins no incident
