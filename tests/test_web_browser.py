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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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
    planned = make_doc(place="Odesa", lat=46.5, lon=30.7, day="2025-04-15", speaker="Oleh Kiper")
    planned.events[0].modality = "future"  # announced, not happened: its own layer
    return [
        *sample_docs(),
        make_doc(place="Cherson", lat=46.6, lon=32.6, day="2025-04-11", event_type="Battles",
                 sub_type="Armed clash", source_type="media", speaker="Petro Bondar"),
        planned,
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
        context.set_default_timeout(30_000)
        offsite: list[str] = []
        context.route("**/*", lambda route: (
            route.continue_() if route.request.url.startswith(server)
            else (offsite.append(route.request.url), route.abort())))
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.goto(server + "/")
        pg.wait_for_selector("body[data-ready='1']", timeout=30_000)
        pg.browser_handle = browser
        yield pg
        assert errors == [], errors
        assert offsite == [], f"the page reached outside the server: {offsite}"
        browser.close()


@pytest.fixture
def browser_context(page: Any, server: str) -> Iterator[Callable[..., Any]]:
    """A fresh page in a new context (own viewport, language), offline like `page`."""
    contexts: list[Any] = []
    errors: list[str] = []

    def make(**options: Any) -> Any:
        context = page.browser_handle.new_context(**options)
        context.set_default_timeout(30_000)
        context.route("**/*", lambda route: (
            route.continue_() if route.request.url.startswith(server) else route.abort()))
        contexts.append(context)
        pg = context.new_page()
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        return pg

    yield make
    for context in contexts:
        context.close()
    assert errors == [], errors


def _shot(pg: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / name))


def _markers(pg: Any, n: int) -> None:
    pg.wait_for_selector(f"body[data-markers='{n}']")


def test_first_load_points_areas_legend_labels(page: Any) -> None:
    pg = page
    assert pg.locator(".leaflet-marker-icon.ev-dot").count() == 3
    assert pg.locator(".leaflet-marker-icon.ev-dot.hollow").count() == 0  # off by default
    assert pg.locator("path.ev-area").count() == 1 and pg.locator(".ev-count").inner_text() == "1"
    assert pg.locator("#event-list li").count() == 4
    assert sorted(pg.locator(".leaflet-marker-icon.ev-dot").all_inner_texts()) == ["B", "B", "E"]
    legend = pg.locator("#legend .legend-row").all_inner_texts()
    assert any("Battles (2)" in row for row in legend), legend
    assert pg.locator("#status").inner_text().startswith("4 events")
    pg.wait_for_selector("body[data-labels]")  # names come after the events
    assert int(pg.locator("body").get_attribute("data-labels")) > 0
    assert pg.locator("#timeline-svg rect.bar").count() == 4
    _shot(pg, "web-first-load.png")


def test_filters_live_in_the_url_and_the_back_button(page: Any) -> None:
    pg = page
    pg.select_option("#f-type", "Battles")
    _markers(pg, 2)
    assert "type=Battles" in pg.url
    assert pg.locator("#legend .legend-row").all_inner_texts() == ["BBattles (2)"]
    pg.fill("#f-place", "Oekraïne")
    pg.click("#f-apply")
    pg.wait_for_function("() => location.search.includes('place=')")
    _markers(pg, 2)
    pg.fill("#f-place", "Sumy")
    pg.click("#f-apply")
    _markers(pg, 1)
    assert pg.locator("#event-list li").count() == 1
    pg.go_back()
    _markers(pg, 2)
    assert pg.input_value("#f-place") == "Oekraïne"
    pg.go_back()
    pg.go_back()
    _markers(pg, 4)
    assert pg.input_value("#f-type") == ""


def test_a_shared_url_reopens_the_same_view(page: Any, server: str) -> None:
    pg = page
    uid = httpx.get(server + "/api/v1/events", params={"place": "Sumy"}).json()["items"][0]["id"]
    shared = f"{server}/?type=Battles&place=Sumy&view=8/50.9/34.8&event={uid}"
    other = pg.context.new_page()
    other.goto(shared)
    other.wait_for_selector("body[data-ready='1']")
    other.wait_for_selector("#detail .report .sentence")
    assert other.evaluate("window.kroniek.map.getZoom()") == 8
    assert other.input_value("#f-place") == "Sumy" and other.input_value("#f-type") == "Battles"
    assert other.locator("#status").inner_text().startswith("1 event")
    assert other.locator("#event-list li").count() == 1
    assert "Sumy" in other.locator("#detail").inner_text()
    _shot(other, "web-shared-url.png")
    other.close()


def test_time_brush_and_keyboard(page: Any) -> None:
    pg = page
    pg.goto(pg.url.split("?")[0])
    pg.wait_for_selector("body[data-ready='1']")
    box = pg.locator("#timeline-svg").bounding_box()
    y = box["y"] + 30
    pg.mouse.move(box["x"] + box["width"] * 0.55, y)
    pg.mouse.down()
    pg.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    pg.mouse.up()
    pg.wait_for_function("() => location.search.includes('date_from=')")
    assert pg.input_value("#f-from") >= "2025-03-03"
    pg.wait_for_function("() => Number(document.body.dataset.markers) < 4")
    assert pg.locator("#timeline-svg rect.brush").count() == 1
    _shot(pg, "web-time-brush.png")
    pg.focus("#timeline-svg")
    pg.keyboard.press("Escape")
    _markers(pg, 4)
    assert pg.input_value("#f-from") == ""
    pg.locator("#event-list .ev-item").first.focus()
    pg.keyboard.press("Enter")
    pg.wait_for_selector("#detail .report .sentence")
    pg.locator(".leaflet-marker-icon.ev-dot[title*='Cherson']").focus()
    pg.keyboard.press("Enter")
    pg.wait_for_function("() => document.querySelector('#detail').innerText.includes('Cherson')")


def test_events_that_did_not_happen_have_their_own_layer(page: Any) -> None:
    pg = page
    assert pg.locator(".leaflet-marker-icon.ev-dot.hollow").count() == 0
    pg.check("#f-others")
    pg.wait_for_selector(".leaflet-marker-icon.ev-dot.hollow")
    assert pg.locator(".leaflet-marker-icon.ev-dot.hollow").count() == 1
    assert "others=1" in pg.url
    pg.uncheck("#f-others")
    pg.wait_for_function("() => !document.querySelector('.ev-dot.hollow')")


def test_zoom_into_the_netherlands_and_eastern_ukraine_shows_names(page: Any) -> None:
    pg = page
    for name, (lat, lon), wanted in (("netherlands", (52.2, 5.3), {"Amsterdam", "Utrecht"}),
                                     ("eastern-ukraine", (48.6, 37.0), {"Kharkiv", "Dnipro"})):
        pg.evaluate(f"() => {{ window.kroniek.map.setView([{lat}, {lon}], 8, {{animate: false}}); }}")
        pg.wait_for_function(
            "names => names.every(n => [...document.querySelectorAll('.map-label')]"
            ".some(e => e.textContent === n))", arg=sorted(wanted))
        assert f"view=8/{lat}" in pg.url
        _shot(pg, f"web-zoom-{name}.png")


def test_800_pixels_wide_and_in_dutch(server: str, browser_context: Any) -> None:
    pg = browser_context(viewport={"width": 800, "height": 700}, locale="nl-NL",
                         extra_http_headers={"Accept-Language": "nl-NL,nl;q=0.9"})
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']")
    assert pg.evaluate("document.documentElement.lang") == "nl"
    assert "Soort gebeurtenis" in pg.locator("#filters").inner_text()
    assert pg.locator("#map").bounding_box()["width"] >= 500
    pg.locator("#event-list .ev-item").first.click()
    pg.wait_for_selector("#detail .report .sentence")
    assert pg.locator("#detail").is_visible()
    _shot(pg, "web-800px-nl.png")
    pg.click("#lang-switch")
    pg.wait_for_selector("body[data-ready='1']")
    pg.wait_for_function("() => document.documentElement.lang === 'en'")
    assert "Event type" in pg.locator("#filters").inner_text() and "lang=en" in pg.url


def test_clicking_an_event_shows_its_evidence_highlighted(page: object) -> None:
    pg = page
    pg.goto(pg.url.split("?")[0])  # type: ignore[attr-defined]  # the first view again
    pg.wait_for_selector("body[data-ready='1']")  # type: ignore[attr-defined]
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
