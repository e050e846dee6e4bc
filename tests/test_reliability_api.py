"""The API and the stores under bad input (#17): NUL and lone surrogates in filters and in
posted text, whitespace-only text, on SQLite and on a real PostgreSQL. Never a 5xx.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kroniek.serve import create_app
from kroniek.store import open_store
from kroniek_pg import pg_server, pg_url  # noqa: F401  (fixtures)
from kroniek_server import Server, filled_store, store_target

TOKEN = "fuzz-token"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres",
                                                               marks=pytest.mark.postgres)])
def served(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    target = filled_store(store_target(request.param, tmp_path_factory.mktemp("api"), request,
                                       prefix="rel"))
    with Server(create_app(target, write_token=TOKEN)) as base:
        yield base + "/api/v1", target


BAD = ["\x00", "Kyiv\x00", "%00", "\ud800", "Київ\udcff", "' OR 1=1 --", "../../etc/passwd"]


@pytest.mark.parametrize("param", ["q", "place", "actor", "type", "side", "country"])
def test_nul_and_surrogates_in_filters_are_no_5xx(served: tuple[str, str], param: str) -> None:
    api, _ = served
    with httpx.Client() as client:  # one keep-alive connection for all: none may be reset
        for value in BAD:
            raw = value.encode("utf-8", "surrogatepass")
            for path in ("/events", "/quotes", "/claims", "/places", "/search", "/incidents"):
                r = client.get(f"{api}{path}", params={param: raw})
                assert r.status_code < 500, (path, param, value, r.text)


def test_posted_nul_text_is_stored_whitespace_refused(served: tuple[str, str]) -> None:
    api, target = served
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"text": "Rusland viel\x00 dinsdag Charkiv aan met drones.", "title": "T\x00",
            "url": "http://example.org/\x00", "lang": "nl"}
    r = httpx.post(f"{api}/articles", json=body, headers=auth, timeout=300)
    assert r.status_code == 201, r.text  # once a 500 on PostgreSQL
    for blank in (" ", "\n\t  ", "\u00a0"):
        r = httpx.post(f"{api}/articles", json={"text": blank}, headers=auth, timeout=300)
        assert r.status_code == 422, (blank, r.text)  # once stored as an empty article
    with open_store(target) as store:
        rows = store._rows("SELECT text, title FROM articles WHERE source = ?", ("api",))
        stories = store._rows("SELECT v.story_id FROM article_versions v JOIN articles a"
                              " ON a.id = v.article_id WHERE a.source = ?", ("api",))
    assert [(row["text"].count("\ufffd"), row["title"]) for row in rows] == [(1, "T\ufffd")]
    assert len(stories) == 1  # posted articles join their story too (they never did)


def test_jsonl_with_nul_ingests_into_either_store(served: tuple[str, str], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from kroniek.cli import main

    _, target = served
    src = tmp_path / "nul.jsonl"
    src.write_text(json.dumps({"text": "Oekraïne meldt\u0000 gevechten bij Bachmoet.",
                               "title": "\u0000", "outlet": "x\u0000"}) + "\n")
    with pytest.raises(SystemExit) as exit_:
        main(["ingest", str(src), "--db", target, "--quiet"])
    err = capsys.readouterr().err
    assert exit_.value.code in (0, None) and "added 1" in err, err
