#!/usr/bin/env python3
"""Check the web page by hand, outside the test suite (no wall-clock assertions there).

    python scripts/web_check.py store /tmp/10k.sqlite --events 10000   # synthetic store
    python scripts/web_check.py speed /tmp/10k.sqlite                  # time to ready
    python scripts/web_check.py screenshots /tmp/dpg.sqlite            # artifacts/dpg-*.png

`speed` opens the page four times in Debian's Chromium against `kroniek serve` and prints
the time from navigation to `body[data-ready]`, the bytes transferred and the main-thread
time Chromium reports. `screenshots` saves the first load, zooms into the Netherlands,
eastern Ukraine and Amsterdam, a shared URL reopened, and the time brush.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from load_bench import serve  # kroniek serve in a subprocess, on a free port

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = "/usr/bin/chromium"


def build_store(path: str, n: int) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from kroniek.store import open_store
    from kroniek_docs import make_doc

    rng = random.Random(7)
    kinds = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
             ("Protests", "Peaceful protest"), ("Violence against civilians", "Attack")]
    start = time.time()
    with open_store(path) as store:
        for i in range(n):
            event_type, sub_type = rng.choice(kinds)
            day = f"20{rng.randint(19, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            doc = make_doc(place=f"Plaats{i}", lat=44 + rng.random() * 8,
                           lon=30 + rng.random() * 10, day=day, event_type=event_type,
                           sub_type=sub_type,
                           precision=rng.choice(["exact", "exact", "exact", "region"]))
            store.add(doc, content_hash=f"p{i}")
    print(f"{n} events in {path} in {time.time() - start:.0f} s")


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def speed(db: str, runs: int) -> None:
    import httpx

    with serve(db) as base, chromium() as browser:
        httpx.get(base + "/api/v1/labels", params={"bbox": "0,0,1,1", "zoom": 5}, timeout=120)
        for run in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Performance.enable")
            start = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready='1']", timeout=120_000)
            ready = time.perf_counter() - start
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            points = page.evaluate("() => document.body.dataset.markers")
            size = page.evaluate(
                "() => performance.getEntriesByType('resource').reduce((a, r) => a + r.transferSize, 0)"
                " + performance.getEntriesByType('navigation')[0].transferSize")
            print(f"run {run}: ready in {ready:.2f} s, {points} points, {size / 1e6:.2f} MB "
                  f"transferred, main thread {metrics['TaskDuration']:.2f} s "
                  f"(script {metrics['ScriptDuration']:.2f} s)")
            context.close()


def screenshots(db: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with serve(db) as base, chromium() as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.set_default_timeout(60_000)
        page = context.new_page()
        page.goto(base + "/")
        page.wait_for_selector("body[data-ready='1']")
        page.wait_for_selector("body[data-labels]")
        print("first load:", page.locator("#status").inner_text())
        page.screenshot(path=str(ARTIFACTS / "dpg-first-load.png"))
        for name, lat, lon, zoom in (("netherlands", 52.2, 5.3, 8),
                                     ("eastern-ukraine", 48.6, 37.0, 8),
                                     ("amsterdam-z11", 52.37, 4.9, 11)):
            page.evaluate(f"() => {{ window.kroniek.map.setView([{lat}, {lon}], {zoom}, "
                          "{animate: false}); }")
            time.sleep(2.5)
            print(name, "labels:", page.locator(".map-label").count())
            page.screenshot(path=str(ARTIFACTS / f"dpg-zoom-{name}.png"))
        page.evaluate("() => { window.kroniek.map.setView([52.2, 5.3], 7, {animate: false}); }")
        page.fill("#f-place", "Utrecht")
        page.select_option("#f-type", "Violence against civilians")
        page.click("#f-apply")
        time.sleep(3)
        page.locator("#event-list .ev-item").first.click()
        page.wait_for_selector("#detail .report")
        shared = page.url
        print("shared:", shared, "|", page.locator("#status").inner_text())
        other = context.new_page()
        other.goto(shared)
        other.wait_for_selector("body[data-ready='1']")
        other.wait_for_selector("#detail .report")
        time.sleep(1.5)
        print("reopened:", other.url == shared, "|", other.locator("#status").inner_text())
        other.screenshot(path=str(ARTIFACTS / "dpg-shared-url-reopened.png"))
        page.goto(base + "/")
        page.wait_for_selector("body[data-ready='1']")
        box = page.locator("#timeline-svg").bounding_box()
        for _ in range(12):  # zoom the time axis into the last years
            page.mouse.move(box["x"] + box["width"] * 0.97, box["y"] + 30)
            page.mouse.wheel(0, -300)
            time.sleep(0.1)
        y = box["y"] + 30
        page.mouse.move(box["x"] + box["width"] * 0.45, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=6)
        page.mouse.up()
        time.sleep(3)
        print("brush:", page.input_value("#f-from"), page.input_value("#f-to"), "|",
              page.locator("#status").inner_text())
        page.screenshot(path=str(ARTIFACTS / "dpg-time-brush.png"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    st = sub.add_parser("store", help="a synthetic store of N events")
    st.add_argument("db")
    st.add_argument("--events", type=int, default=10_000)
    sp = sub.add_parser("speed", help="time to ready")
    sp.add_argument("db")
    sp.add_argument("--runs", type=int, default=4)
    sc = sub.add_parser("screenshots", help="artifacts/dpg-*.png")
    sc.add_argument("db")
    args = ap.parse_args()
    if args.command == "store":
        build_store(args.db, args.events)
    elif args.command == "speed":
        speed(args.db, args.runs)
    else:
        screenshots(args.db)


if __name__ == "__main__":
    main()
