#!/usr/bin/env python3
"""Load benchmark of `kroniek serve` (not a test): /api/v1/events with bbox and date filters.

1. Fills a store with synthetic-but-valid `kroniek/1` documents (10 events each, places
   spread over Ukraine and western Russia, dates over 2022-2025) through `Store.add`, the
   same path an ingest takes (so incidents, FTS and flattened columns are all real).
2. Starts `kroniek serve` on 127.0.0.1 and drives `/api/v1/events?bbox=...&date_from=...&
   date_to=...` with wrk: each request a random 3°x2° box and a random 60-day window.
   - a paced run: 20 connections, each waiting 90 ms after every answer (about
     200 requests/s at most), reporting the achieved rate and the latency percentiles;
   - an open run: as fast as it goes with 8 connections (the throughput ceiling).
3. Optionally (--page) loads the web page in Chromium against a store of 10,000 events and
   reports the time until it is interactive (markers drawn, `body[data-ready]`).

    python scripts/load_bench.py --backend sqlite --events 100000
    python scripts/load_bench.py --backend postgres --events 100000   # starts its own PostgreSQL
    python scripts/load_bench.py --backend postgres --pg-url postgresql://u@host:5432/db
    python scripts/load_bench.py --page --events 10000

Stores are cached under --work (default /tmp/kroniek-bench) so reruns skip the fill.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from kroniek.doc import (  # noqa: E402
    Actor,
    Block,
    Claim,
    Cue,
    Doc,
    Event,
    EventTime,
    Evidence,
    Place,
    Published,
    Sentence,
    Source,
    TimeExpr,
    TimeValue,
)

TYPES = [
    ("Battles", "Armed clash", "FIGHT"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ATTACK"),
    ("Explosions/Remote violence", "Air/drone strike", "ATTACK"),
    ("Violence against civilians", "Attack", "ATTACK"),
    ("Protests", "Peaceful protest", "PROTEST"),
    ("Strategic developments", "Disrupted weapons use", "SEIZE"),
]
SOURCES = ["party_to_conflict", "official", "expert", "media", "social_media", "imagery"]
SIDES = ["UA", "RU"]
EVENTS_PER_DOC = 10
LUA = r"""
math.randomseed(%(seed)d)
local delay_ms = %(delay)d
local codes = {}
request = function()
  local w = 22 + math.random() * 15
  local s = 44 + math.random() * 10
  local day = math.random(0, 1400)
  local t0 = os.time{year=2022, month=1, day=1, hour=12} + day * 86400
  local from = os.date("!%%Y-%%m-%%d", t0)
  local to = os.date("!%%Y-%%m-%%d", t0 + 60 * 86400)
  local path = string.format("/api/v1/events?bbox=%%.3f,%%.3f,%%.3f,%%.3f&date_from=%%s&date_to=%%s&limit=100",
                             w, s, w + 3, s + 2, from, to)
  return wrk.format("GET", path)
end
if delay_ms > 0 then
  delay = function() return delay_ms end
end
done = function(summary, latency, requests)
  local out = {
    requests = summary.requests, duration_us = summary.duration,
    non2xx = summary.errors.status, socket_errors = summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    p50_ms = latency:percentile(50) / 1000, p90_ms = latency:percentile(90) / 1000,
    p99_ms = latency:percentile(99) / 1000, max_ms = latency.max / 1000,
  }
  local parts = {}
  for k, v in pairs(out) do parts[#parts + 1] = string.format("%%q: %%s", k, tostring(v)) end
  io.write("WRK_JSON {" .. table.concat(parts, ", ") .. "}\n")
end
"""


def synthetic_doc(rng: random.Random, n: int) -> Doc:
    """One article reporting EVENTS_PER_DOC events, every span slicing its text exactly."""
    parts: list[str] = []
    places, times, claims, events, sentences = [], [], [], [], []
    pos = 0
    for k in range(EVENTS_PER_DOC):
        etype, sub, plover = rng.choice(TYPES)
        lat, lon = round(rng.uniform(44.5, 55.5), 4), round(rng.uniform(22.5, 39.5), 4)
        day = time.strftime("%Y-%m-%d", time.gmtime(1640995200 + rng.randrange(1460) * 86400))
        place = f"Dorp{rng.randrange(100000)}"
        src = rng.choice(SOURCES)
        sent = (f"Bij een aanval op {place} zijn op {day} {rng.randrange(1, 20)} mensen "
                f"gedood, meldt de bron {src}.")
        start = pos
        s_place = start + sent.index(place)
        s_day = start + sent.index(day)
        s_trig = start + sent.index("aanval")
        s_src = start + sent.index(f"de bron {src}")
        sid = f"{k}"
        places.append(Place(f"p{sid}", s_place, s_place + len(place), place, geonameid=None,
                            name=place, lat=lat, lon=lon, feature_code="PPL",
                            country_code=rng.choice(["UA", "RU"]),
                            precision=rng.choice(["exact", "exact", "exact", "near", "region"]),
                            confidence=0.7))
        times.append(TimeExpr(f"t{sid}", s_day, s_day + len(day), day, TimeValue(day, day), "day"))
        src_span = (s_src, s_src + len(f"de bron {src}"))
        claims.append(Claim(f"c{sid}", start, start + len(sent),
                            Source(f"de bron {src}", src, rng.choice(SIDES), *src_span),  # type: ignore[arg-type]
                            None, Evidence("statement", *src_span, f"de bron {src}"),
                            "asserted", [f"ev{sid}"], 0.7))
        events.append(Event(f"ev{sid}", etype, sub, plover, Cue(s_trig, s_trig + 6, "aanval"),
                            Actor("Russische strijdkrachten", side="RU"),
                            Actor("Oekraïense strijdkrachten", side="UA"), f"p{sid}",
                            EventTime(day, day, "day", 1, f"t{sid}"), rng.randrange(0, 20),
                            [f"c{sid}"], 0.7, geo_precision=1))
        sentences.append(Sentence(start, start + len(sent)))
        parts.append(sent)
        pos += len(sent) + 1
    text = " ".join(parts)
    return Doc(text=text, title=f"Synthetisch bericht {n}", outlet="bench", lang="nl",
               url=f"https://bench.invalid/{n}", published=Published(times[0].text, "day"),
               blocks=[Block(0, len(text))], sentences=sentences, places=places, times=times,
               claims=claims, events=events)


def fill(target: str, events: int, *, seed: int = 7) -> float:
    from kroniek.store import open_store

    rng = random.Random(seed)
    t0 = time.perf_counter()
    with open_store(target) as store:
        have = store.count("events")
        n = have // EVENTS_PER_DOC
        while n * EVENTS_PER_DOC < events:
            store.add(synthetic_doc(rng, n), content_hash=f"bench-{seed}-{n}")
            n += 1
            if n % 1000 == 0:
                print(f"  filled {n * EVENTS_PER_DOC} events", file=sys.stderr)
        if target.startswith("postgresql://"):
            store._rows("ANALYZE")  # type: ignore[attr-defined]
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(target: str, *, workers: int = 1) -> Iterator[str]:
    import httpx

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kroniek", "serve", "--db", target,
                             "--port", str(port), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/api/v1/events?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def run_wrk(base: str, *, connections: int, delay_ms: int, seconds: int, seed: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA % {"seed": seed, "delay": delay_ms})
        script = f.name
    try:
        out = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s",
                              "--timeout", "5s", "-s", script, base],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script)
    line = next(x for x in out.splitlines() if x.startswith("WRK_JSON "))
    res = json.loads(line.removeprefix("WRK_JSON "))
    res["rps"] = round(res["requests"] / (res["duration_us"] / 1e6), 1)
    res["loadavg_1m_after"] = round(os.getloadavg()[0], 2)  # the machine is shared
    return {k: (round(v, 2) if isinstance(v, float) else v) for k, v in res.items()}


@contextmanager
def postgres() -> Iterator[str]:
    """A throwaway PostgreSQL cluster (as in tests/kroniek_pg.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from kroniek_pg import start_postgres

    with start_postgres() as url:
        yield url


def page_load(target: str, *, runs: int = 3) -> list[float]:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync"]
    times = []
    with serve(target, workers=1) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 850})
            t0 = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready='1']", timeout=60_000)
            times.append(round(time.perf_counter() - t0, 3))
            shown = page.get_attribute("body", "data-markers")
            page.close()
        browser.close()
    print(f"page: {shown} events on the map", file=sys.stderr)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--work", type=Path, default=Path("/tmp/kroniek-bench"))
    ap.add_argument("--page", action="store_true", help="measure the web page instead")
    ap.add_argument("--pg-url", help="use this PostgreSQL database (default: a throwaway server)")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if not shutil.which("wrk") and not args.page:
        sys.exit("wrk is not installed (Debian package `wrk`)")
    result: dict[str, Any] = {"backend": args.backend, "events": args.events,
                              "cpus": os.cpu_count(), "loadavg_1m_before": os.getloadavg()[0]}
    if args.backend == "postgres" and args.pg_url:
        ctx: Any = contextmanager(lambda: (yield args.pg_url))()
    elif args.backend == "postgres":
        ctx = postgres()
    else:
        ctx = contextmanager(lambda: (yield str(args.work / f"bench-{args.events}.sqlite")))()
    with ctx as target:
        if args.backend == "postgres" and not args.pg_url:
            target = target + "/postgres"
        result["fill_s"] = round(fill(target, args.events), 1)
        if args.page:
            result["page_interactive_s"] = page_load(target)
        else:
            with serve(target, workers=args.workers) as base:
                run_wrk(base, connections=4, delay_ms=0, seconds=3, seed=1)  # warm up
                result["paced"] = run_wrk(base, connections=20, delay_ms=90,
                                          seconds=args.seconds, seed=2)
                result["open"] = run_wrk(base, connections=8, delay_ms=0,
                                         seconds=args.seconds, seed=3)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
