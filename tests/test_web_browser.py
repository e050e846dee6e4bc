"""The web page in Debian's Chromium (headless, via Playwright) against `kroniek serve`.

The server is the real command in a subprocess on 127.0.0.1; the browser is the system
Chromium (never a downloaded one). A screenshot is kept under artifacts/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kroniek.store import open_store
from kroniek_docs import make_doc, sample_docs

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KRONIEK_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def browser_docs() -> list:  # type: ignore[type-arg]
    return [
        *sample_docs(),
        make_doc(place="Cherson", lat=46.6, lon=32.6, day="2025-04-11", event_type="Battles",
                 sub_type="Armed clash", source_type="media", speaker="Petro Bondar"),
    ]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "kroniek.sqlite"
    with open_store(db) as store:
        for i, doc in enumerate(browser_docs()):
            store.add(doc, content_hash=f"h{i}")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kroniek", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # up to ~30 s for the server to come up on a loaded machine
            if proc.poll() is not None:
                raise RuntimeError(f"kroniek serve exited: {proc.stderr.read().decode()}")  # type: ignore[union-attr]
            try:
                if httpx.get(base + "/api/v1/meta", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        message = f"Chromium is not installed at {CHROMIUM} (Debian package `chromium`)"
        if os.environ.get("CI"):
            pytest.fail(message)  # in CI a missing browser is a broken setup, not a skip
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 850})
        offsite: list[str] = []
        context.route("**/*", lambda route: (
            route.continue_() if route.request.url.startswith(server)
            else (offsite.append(route.request.url), route.abort())))
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.goto(server + "/")
        pg.wait_for_selector("body[data-ready='1']", timeout=30_000)
        yield pg
        assert errors == [], errors
        assert offsite == [], f"the page reached outside the server: {offsite}"
        browser.close()


def test_map_shows_markers_and_a_filter_narrows_them(page: object) -> None:
    pg = page  # playwright Page
    assert pg.locator(".leaflet-marker-icon.ev-dot").count() == 3  # type: ignore[attr-defined]
    assert pg.locator("path.ev-area").count() == 1  # type: ignore[attr-defined]  # region only
    assert pg.locator("#event-list li").count() == 4  # type: ignore[attr-defined]
    assert pg.locator("#timeline-bars .bar.has").count() == 4  # type: ignore[attr-defined]
    assert pg.locator("#timeline-bars .bar").count() == 50  # type: ignore[attr-defined]  # 2 Mar-20 Apr
    pg.select_option("#f-type", "Battles")  # type: ignore[attr-defined]
    pg.wait_for_selector("body[data-markers='2']")  # type: ignore[attr-defined]
    assert pg.locator(".leaflet-marker-icon.ev-dot").count() == 2  # type: ignore[attr-defined]
    assert pg.locator("path.ev-area").count() == 0  # type: ignore[attr-defined]
    pg.fill("#f-q", "Sumy")  # type: ignore[attr-defined]
    pg.click("#f-apply")  # type: ignore[attr-defined]
    pg.wait_for_selector("body[data-markers='1']")  # type: ignore[attr-defined]
    assert pg.locator("#event-list li").count() == 1  # type: ignore[attr-defined]
    pg.click("#f-reset")  # type: ignore[attr-defined]
    pg.wait_for_selector("body[data-markers='4']")  # type: ignore[attr-defined]


def test_clicking_an_event_shows_its_evidence_highlighted(page: object) -> None:
    pg = page
    pg.locator(".leaflet-marker-icon.ev-dot[title*='Sumy']").click()  # type: ignore[attr-defined]
    sentence = pg.locator("#detail .report .sentence")  # type: ignore[attr-defined]
    sentence.wait_for()
    highlighted = pg.locator("#detail mark.evidence-sentence").all_inner_texts()  # type: ignore[attr-defined]
    assert "Sumy" in "".join(highlighted)
    assert "drone-aanval" in pg.locator("#detail mark.trigger").inner_text()  # type: ignore[attr-defined]
    assert "official" in pg.locator("#detail").inner_text()  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "web-map-evidence.png"))  # type: ignore[attr-defined]


def test_article_reader_highlights_annotations(page: object) -> None:
    pg = page
    pg.locator("#detail .report button.link").first.click()  # type: ignore[attr-defined]
    pg.wait_for_selector("#reader-text")  # type: ignore[attr-defined]
    assert pg.locator("#reader-text .a-place").first.inner_text() == "Sumy"  # type: ignore[attr-defined]
    assert pg.locator("#reader-text .a-quote").count() >= 1  # type: ignore[attr-defined]
    assert pg.locator("#reader-text .a-claim").count() >= 1  # type: ignore[attr-defined]
    assert pg.locator("#reader-text .a-ent.PER").count() >= 1  # type: ignore[attr-defined]
    assert pg.locator("#article-events li").count() == 1  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "web-reader.png"))  # type: ignore[attr-defined]
    pg.locator("#reader-text .a-trigger").first.click()  # type: ignore[attr-defined]
    pg.wait_for_selector("#detail mark.evidence-sentence")  # type: ignore[attr-defined]
