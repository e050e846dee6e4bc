#!/usr/bin/env python
"""Build kroniek's bundled gazetteer from GeoNames (CC BY 4.0).

    .venv/bin/python scripts/build_gazetteer.py [--data /work/shared/data/gazetteer]

Reads cities500.zip, admin1CodesASCII.txt, admin2Codes.txt, countryInfo.tsv,
geonames-translations.tsv, the full country dumps given (NL.txt: every Dutch region,
neighbourhood and village), gazetteer_fixed_points.tsv (continents, oceans, seas) and the
Alpino name lists (names that are people, organisations or other non-places); writes
src/kroniek/resources/gazetteer/gazetteer.sqlite and its data card (README.md). Countries
and first/second-level regions become places too, with feature codes PCLI/ADM1/ADM2: at
their own GeoNames point where a dump has it, else at a point computed from outlines and
populated places (see the card).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sqlite3
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kroniek.gazetteer import fold  # noqa: E402
from kroniek.geonames import (  # noqa: E402
    GeoRow,
    add_names,
    create_schema,
    finish_index,
    insert_places,
    iter_dump,
)

OUT = ROOT / "src" / "kroniek" / "resources" / "gazetteer"
FIXED_POINTS = Path(__file__).with_name("gazetteer_fixed_points.tsv")
# Feature classes of a full country dump that go into the bundled index: administrative
# areas, populated places, regions (L), terrain, waters and vegetation (forests, heaths).
# Spots (S) only for squares, palaces, castles and airports: hotels, mills, bus stops and
# farms are not places news is located at.
DUMP_CLASSES = frozenset("APLTHV")
DUMP_SPOTS = frozenset({"SQR", "PAL", "CSTL", "AIRP"})
# Natural Earth country outlines (public domain), the base map's (scripts/build_outlines.py).
OUTLINES = ROOT / "src" / "kroniek" / "web" / "outlines" / "countries.geojson"
# A country's centre is the area-weighted centroid of its polygons at least this fraction of
# its largest one (so Java and Sulawesi count, Alaska, Hawaii and French Guiana do not).
# Tuned on the country toponyms of the LGL and GeoVirus gold: with equal-area centroids,
# 0.2-0.3 put 797/830 (LGL) and 620/817 (GeoVirus) within 161 km of the gold point, vs
# 630 and 484 for the estimate from populated places, 790 and 613 for the largest polygon
# alone, 611 and 528 for 0.1 (plain lat/lon centroids: 693 and 569).
MIN_PART = 0.25
Coords = list[tuple[float, float, int]]


def centre(points: Coords) -> tuple[float, float]:
    """Centre of a region's area, estimated from its populated places.

    1. Keep the main cluster of places (2-degree cells joined across gaps of up to two
       cells), so far islands and exclaves (Hawaii, Alaska, the Canaries) do not pull it.
    2. Fill each 1-degree column of longitude between its southernmost and northernmost
       place, and take the area-weighted centroid of those columns.

    Chosen on the country and first-level-region toponyms of the LGL and GeoVirus gold
    (tuning data) over the median, the mean, trimmed ranges and cell means: 87% (LGL) and
    71% (GeoVirus) of those mentions within 161 km of the gold centre. Regions with fewer
    than 20 places use the mean of their places.
    """
    if len(points) < 20:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    main = _main_cluster(points)
    shift = max(p[1] for p in main) - min(p[1] for p in main) > 180  # across 180 degrees
    columns: dict[int, list[float]] = defaultdict(list)
    for lat, lon, _pop in main:
        columns[math.floor(lon % 360 if shift else lon)].append(lat)
    total = sum_lat = sum_lon = 0.0
    for col, lats in columns.items():
        lo, hi = min(lats), max(lats)
        weight = (hi - lo + 1.0) * math.cos(math.radians((hi + lo) / 2))
        total += weight
        sum_lat += weight * (hi + lo) / 2
        sum_lon += weight * (col + 0.5)
    lon = sum_lon / total
    return sum_lat / total, lon - 360 if lon > 180 else lon


def _main_cluster(points: Coords, *, cell: float = 2.0, gap: int = 2) -> Coords:
    """The places of the largest cluster of occupied cells."""
    cells: dict[tuple[int, int], Coords] = defaultdict(list)
    for p in points:
        cells[(math.floor(p[0] / cell), math.floor(p[1] / cell))].append(p)
    seen: set[tuple[int, int]] = set()
    best: Coords = []
    for start in cells:
        if start in seen:
            continue
        stack, members = [start], []
        seen.add(start)
        while stack:
            c = stack.pop()
            members.extend(cells[c])
            for dx in range(-gap, gap + 1):
                for dy in range(-gap, gap + 1):
                    n = (c[0] + dx, c[1] + dy)
                    if n in cells and n not in seen:
                        seen.add(n)
                        stack.append(n)
        if len(members) > len(best):
            best = members
    return best


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a polygon ring, on the Lambert cylindrical equal-area projection
    (x = lon, y = sin lat), so that northern parts do not weigh more than their area."""
    xs = [x for x, _y in ring]
    shift = max(xs) - min(xs) > 180  # a ring across the antimeridian (Russia at 1:50m)
    pts = [(x + 360 if shift and x < 0 else x, math.sin(math.radians(y))) for x, y in ring]
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
        f = x0 * y1 - x1 * y0
        a, cx, cy = a + f, cx + (x0 + x1) * f, cy + (y0 + y1) * f
    if a == 0:
        return 0.0, ring[0][1], ring[0][0]
    y = max(-1.0, min(1.0, cy / (3 * a)))
    lon = cx / (3 * a)
    return abs(a) / 2, math.degrees(math.asin(y)), lon - 360 if lon > 180 else lon


def outline_centres(path: Path, iso3: dict[str, str], names: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Country code → centre of its outline (see MIN_PART); {} when the file is missing."""
    if not path.exists():
        return {}
    out = {}
    for feat in json.loads(path.read_text(encoding="utf-8"))["features"]:
        props, geom = feat["properties"], feat["geometry"]
        cc = (iso3.get(props.get("iso_a3", "")) or iso3.get(props.get("iso_n3", ""))
              or names.get(props.get("name", "")))  # fmt: skip
        if not cc or geom["type"] not in {"Polygon", "MultiPolygon"}:
            continue
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        parts = [_ring_centroid(p[0]) for p in polys]
        biggest = max(p[0] for p in parts)
        parts = [p for p in parts if p[0] >= MIN_PART * biggest]
        total = sum(p[0] for p in parts)
        if total > 0:
            out[cc] = (sum(p[0] * p[1] for p in parts) / total,
                       sum(p[0] * p[2] for p in parts) / total)  # fmt: skip
    return out


CELL = 0.25  # degrees: the grid on which country outlines are shared out between regions


def _country_polygons(path: Path, iso3: dict[str, str], names: dict[str, str]) -> dict[str, list[list[list[list[float]]]]]:
    if not path.exists():
        return {}
    out: dict[str, list[list[list[list[float]]]]] = {}
    for feat in json.loads(path.read_text(encoding="utf-8"))["features"]:
        props, geom = feat["properties"], feat["geometry"]
        cc = (iso3.get(props.get("iso_a3", "")) or iso3.get(props.get("iso_n3", ""))
              or names.get(props.get("name", "")))  # fmt: skip
        if cc and geom["type"] in {"Polygon", "MultiPolygon"}:
            out[cc] = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return out


def _cells(polygons: list[list[list[list[float]]]]) -> list[tuple[float, float]]:
    """Centres (lat, lon) of the `CELL` grid cells inside the polygons (even-odd rule)."""
    out = []
    for poly in polygons:
        lats = [pt[1] for pt in poly[0]]
        row = math.floor(min(lats) / CELL)
        while (row + 0.5) * CELL < max(lats):
            y = (row + 0.5) * CELL
            xs = sorted(x0 + (y - y0) * (x1 - x0) / (y1 - y0)
                        for ring in poly for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
                        if (y0 > y) != (y1 > y))  # fmt: skip
            for a, b in zip(xs[::2], xs[1::2], strict=False):
                col = math.ceil(a / CELL - 0.5)
                while (col + 0.5) * CELL < b:
                    out.append((y, (col + 0.5) * CELL))
                    col += 1
            row += 1
    return out


def _unit(lat: Any, lon: Any) -> Any:
    import numpy as np

    la, lo = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=-1)


def admin1_areas(polygons: dict[str, list[list[list[list[float]]]]],
                 cities: list[GeoRow]) -> dict[str, tuple[float, float]]:  # fmt: skip
    """"CC.A1" → centre of the part of its country's outline nearer to its populated places
    than to any other region's: an estimate of the region's area, not of where its people
    live (northern Ontario, inland Queensland)."""
    import numpy as np
    from scipy.spatial import cKDTree

    by_cc: dict[str, list[GeoRow]] = defaultdict(list)
    for c in cities:
        if c.a1 and c.a1 != "00":
            by_cc[c.cc].append(c)
    out: dict[str, tuple[float, float]] = {}
    for cc, polys in polygons.items():
        towns = by_cc.get(cc, [])
        cells = _cells(polys)
        if len({t.a1 for t in towns}) < 2 or not cells:
            continue
        grid = np.array(cells)
        _d, idx = cKDTree(_unit([t.lat for t in towns], [t.lon for t in towns])).query(
            _unit(grid[:, 0], grid[:, 1]))
        owner = np.array([towns[i].a1 for i in idx])
        vec = _unit(grid[:, 0], grid[:, 1]) * np.cos(np.radians(grid[:, 0]))[:, None]
        for a1 in set(owner.tolist()):
            mask = owner == a1
            if mask.sum() >= MIN_CELLS:
                x, y, z = vec[mask].sum(axis=0)
                out[f"{cc}.{a1}"] = (math.degrees(math.atan2(z, math.hypot(x, y))),
                                     math.degrees(math.atan2(y, x)))  # fmt: skip
    return out


def _inside(point: tuple[float, float], polygons: list[list[list[list[float]]]]) -> tuple[float, float]:
    """The point when it lies inside the outline; else the centre of the outline's grid
    cell nearest to it (a point inside the area: Croatia's or Chile's centre of mass is
    not on their land)."""
    lat, lon = point
    for poly in polygons:
        hits = sum(1 for ring in poly for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
                   if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0))  # fmt: skip
        if hits % 2:
            return point
    cells = _cells(polygons)
    if not cells:
        return point
    return min(cells, key=lambda c: (c[0] - lat) ** 2 + ((c[1] - lon) * math.cos(math.radians(lat))) ** 2)


MIN_CELLS = 4  # regions with fewer cells keep the estimate from their places


def _inside_box(lat: float, lon: float, points: Coords, margin: float = 0.5) -> bool:
    """Whether (lat, lon) lies in the bounding box of the points, widened by `margin`°."""
    if not points:
        return False
    return (min(p[0] for p in points) - margin <= lat <= max(p[0] for p in points) + margin
            and min(p[1] for p in points) - margin <= lon <= max(p[1] for p in points) + margin)  # fmt: skip


# GeoNames' continent codes (countryInfo.tsv column "Continent") and their geonameids.
CONTINENTS = {"AF": (6255146, "Africa"), "AS": (6255147, "Asia"), "EU": (6255148, "Europe"),
              "NA": (6255149, "North America"), "SA": (6255150, "South America"),
              "OC": (6255151, "Oceania"), "AN": (6255152, "Antarctica")}


def fixed_rows(path: Path, populations: dict[int, int]) -> list[GeoRow]:
    """Continents, oceans and seas at the points of `gazetteer_fixed_points.tsv`."""
    out = []
    for cols in read_tsv(path):
        gid, fcode, lat, lon, names = int(cols[0]), cols[1], float(cols[2]), float(cols[3]), cols[4]
        name, *alts = names.split("|")
        fclass = "A" if fcode == "CONT" else "H"
        out.append(GeoRow(gid, name, name, alts, lat, lon, fclass, fcode, "", "", "",
                          populations.get(gid, 0)))  # fmt: skip
    return out


def dump_rows(paths: list[Path]) -> list[GeoRow]:
    """Rows of full country dumps (NL.txt) worth indexing (see `DUMP_CLASSES`)."""
    return [r for p in paths if p.exists() for r in iter_dump(p)
            if r.fclass in DUMP_CLASSES or r.fcode in DUMP_SPOTS]  # fmt: skip


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#")]


def region_rows(data: Path, cities: list[GeoRow]) -> tuple[list[GeoRow], dict[str, int]]:
    """Places for countries, admin1 and admin2 regions, and their admin codes → ids."""
    pts: dict[str, Coords] = defaultdict(list)
    for c in cities:
        for code in (c.cc, f"{c.cc}.{c.a1}", f"{c.cc}.{c.a1}.{c.a2}"):
            pts[code].append((c.lat, c.lon, c.pop))
    rows: list[GeoRow] = []
    admin: dict[str, int] = {}
    cont_pop: dict[str, int] = defaultdict(int)
    info = read_tsv(data / "countryInfo.tsv")
    # Outlines name their country by ISO alpha-3 (Natural Earth 1:110m) or numeric code
    # (1:50m, world-atlas), else by name.
    iso3 = {c[1]: c[0] for c in info if len(c) > 4} | {c[2]: c[0] for c in info if len(c) > 4}
    names = {c[4]: c[0] for c in info if len(c) > 4}
    polygons = _country_polygons(OUTLINES, iso3, names)
    outlined = {cc: _inside(ll, polygons.get(cc, []))
                for cc, ll in outline_centres(OUTLINES, iso3, names).items()}  # fmt: skip
    for code, (lat, lon) in admin1_areas(polygons, cities).items():
        if _inside_box(lat, lon, _main_cluster(pts[code])):  # a sanity check on odd codes
            outlined[code] = (lat, lon)

    def add(code: str, gid: int, name: str, ascii_: str, fcode: str, pop: int | None) -> None:
        if code not in pts or gid in admin.values():
            return
        lat, lon = outlined[code] if code in outlined else centre(pts[code])
        parts = code.split(".") if not code.startswith("continent:") else [""]
        a1 = parts[1] if len(parts) > 1 else ""
        a2 = parts[2] if len(parts) > 2 else ""
        total = pop if pop is not None else sum(p[2] for p in pts[code])
        rows.append(GeoRow(gid, name, ascii_, [], lat, lon, "A", fcode, parts[0], a1, a2, total))
        admin[code] = gid

    for cols in info:
        if len(cols) > 16 and cols[16].isdigit():
            add(cols[0], int(cols[16]), cols[4], cols[4], "PCLI", int(cols[7] or 0))
            if cols[0] in admin:  # continents: the mean of their countries' centres
                pts[f"continent:{cols[8]}"].extend(pts[cols[0]])
                cont_pop[cols[8]] += int(cols[7] or 0)
    rows += fixed_rows(FIXED_POINTS, {CONTINENTS[c][0]: p for c, p in cont_pop.items()})
    for fname, fcode in (("admin1CodesASCII.txt", "ADM1"), ("admin2Codes.txt", "ADM2")):
        for cols in read_tsv(data / fname):
            if len(cols) >= 4 and cols[3].isdigit():
                add(cols[0], int(cols[3]), cols[1], cols[2], fcode, None)
    for row in rows:
        bare = _STATE_OF.match(row.name) if row.fcode == "PCLI" else None
        if bare:  # "Republic of the Congo" is also "Congo"
            row.alternates.append(bare.group(1))
    rows += region_groups(rows, pts)
    return rows, admin


# "North Sumatra", "West Sumatra", "South Sumatra" → Sumatra; "Northern Darfur", "Western
# Darfur" → Darfur; "Noord-Holland", "Zuid-Holland" → Holland.
_COMPASS = re.compile(
    r"^(?:(?:north|south)[- ]?(?:east|west)(?:ern)?|north|south|east|west|central|"
    r"northern|southern|eastern|western|upper|lower|noord|zuid|oost)[- ]+(.+?)"
    r"(?:\s+(?:state|province|region|governorate|oblast))?$", re.IGNORECASE)
_STATE_OF = re.compile(r"^(?:(?:democratic|federal|islamic|people's|socialist|united)\s+)*"
                       r"(?:republic|kingdom|federation)\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE)
# Generic words left over from names like "Upper River", "North East", "Western Cape".
_GENERIC = frozenset("province region state district territory islands coast county governorate "
                     "aimak river hill highlands east west north south cape".split())  # fmt: skip
GROUP_ID_BASE = -1  # synthetic places get negative ids: they are not GeoNames places


def region_groups(rows: list[GeoRow], pts: dict[str, Coords]) -> list[GeoRow]:
    """Places (feature code ADMD) for a name shared by several first-level regions of a
    country that differ only by a compass word, when no region has the bare name."""
    groups: dict[tuple[str, str], list[GeoRow]] = defaultdict(list)
    names = {(r.cc, r.name.lower()) for r in rows if r.fcode in {"ADM1", "PCLI"}}
    for r in rows:
        m = _COMPASS.match(r.name) if r.fcode == "ADM1" else None
        if m and len(m.group(1)) >= 4 and not set(m.group(1).lower().split()) <= _GENERIC:
            groups[(r.cc, m.group(1))].append(r)
    out: list[GeoRow] = []
    for (cc, bare), members in sorted(groups.items()):
        if len(members) < 2 or (cc, bare.lower()) in names:
            continue
        points = [p for r in members for p in pts[f"{r.cc}.{r.a1}"]]
        lat, lon = centre(points)
        gid = GROUP_ID_BASE - len(out)
        out.append(GeoRow(gid, bare, bare, [], lat, lon, "A", "ADMD", cc, "", "",
                          sum(r.pop for r in members)))  # fmt: skip
    return out


def countries_table(data: Path, cities: list[GeoRow]) -> list[tuple[str, str, str, int | None, str]]:
    by_cc: dict[str, list[GeoRow]] = defaultdict(list)
    for c in cities:
        by_cc[c.cc].append(c)
    out = []
    for cols in read_tsv(data / "countryInfo.tsv"):
        if len(cols) < 17:
            continue
        cc, name, capital = cols[0], cols[4], cols[5]
        seats = [c for c in by_cc.get(cc, []) if c.fcode == "PPLC"]
        if not seats and capital:
            seats = [c for c in by_cc.get(cc, []) if c.name == capital or c.asciiname == capital]
        cap_id = max(seats, key=lambda c: c.pop).id if seats else None
        out.append((cc, name, capital, cap_id, cols[17] if len(cols) > 17 else ""))
    return out


# Alpino's lists of person, organisation and other names (LGPL-2.1): a name on them that is
# no geographic name on Alpino's own list but is a place name in GeoNames ("Ajax", "Shell",
# "Obama", "Hamas", "Engels") is kept with its kind, so the places stage can read it as what
# it usually is. Lists later in this order win for a name on two. The lists are noisy
# ("Africa", "Somalia", "Koersk" are on them): a name that is a country, continent, water,
# first-level region, capital or first-level seat in GeoNames is never kept.
NAME_LISTS = ("misc", "per", "org")
MAJOR = ("PCLI", "PCLD", "CONT", "ADM1", "PPLC", "PPLA", "PPLG", "OCN", "SEA", "GULF", "LK")


def add_non_places(db: sqlite3.Connection, names_dir: Path) -> int:
    """Fill `nonplaces` from the Alpino name lists; returns the number of names."""
    if not (names_dir / "geo.txt").exists():
        return 0
    geo = {fold(n) for n in (names_dir / "geo.txt").read_text(encoding="utf-8").splitlines()}
    kinds: dict[str, str] = {}
    for kind in NAME_LISTS:
        for name in (names_dir / f"{kind}.txt").read_text(encoding="utf-8").splitlines():
            key = fold(name)
            if key and key not in geo:
                kinds[key] = kind
    known = {k for (k,) in db.execute("SELECT DISTINCT key FROM names")}
    known -= {k for (k,) in db.execute(
        "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.id WHERE p.fcode IN "
        f"({','.join('?' * len(MAJOR))})", MAJOR)}  # fmt: skip
    rows = sorted((k, v) for k, v in kinds.items() if k in known)
    db.executemany("INSERT OR REPLACE INTO nonplaces VALUES (?,?)", rows)
    return len(rows)


# Dutch words: a place name (or a spelling variant of one: "Pech" ~ Pécs) that is a common
# lower-case Dutch word ("handen", "juist", "pech", "maan", "stad", "centrale") is read as
# the word first in Dutch text (kind "word-nl"). Counted on the raw Dutch sentences of ../shared/data/raw/nl (0.8M words): at
# least MIN_WORD_COUNT lower-case uses, more than its capitalised uses inside sentences.
# Names of Dutch towns of at least DUTCH_TOWN people stay places (Leiden, Hoorn, Best).
MIN_WORD_COUNT = 3
DUTCH_TOWN = 10_000
_WORD = re.compile(r"(?<![\w-])([A-Za-zÀ-ÿ]+)(?![\w-])")


def add_dutch_words(db: sqlite3.Connection, raw_dir: Path) -> int:
    """Fill `nonplaces` with kind "word-nl" (see `MIN_WORD_COUNT`); returns the count."""
    low: dict[str, int] = defaultdict(int)
    cap: dict[str, int] = defaultdict(int)
    for path in sorted(raw_dir.glob("*.sents")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            for k, m in enumerate(_WORD.finditer(line)):
                w = m.group(1)
                if w.islower():
                    low[w] += 1
                elif k > 0 and w[:1].isupper() and w[1:].islower():
                    cap[w.lower()] += 1
    words = {fold(w) for w, n in low.items() if n >= MIN_WORD_COUNT and len(w) >= 3 and n > cap[w]}
    keep = {k for (k,) in db.execute(
        "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.id WHERE p.fcode IN "
        f"({','.join('?' * len(MAJOR))}) OR (p.cc = 'NL' AND p.pop >= ?)", (*MAJOR, DUTCH_TOWN))}  # fmt: skip
    rows = sorted((w, "word-nl") for w in words - keep)  # all: spelling variants match too
    db.executemany("INSERT OR IGNORE INTO nonplaces VALUES (?,?)", rows)
    return len(rows)


def build(data: Path, out: Path, dumps: list[Path], names_dir: Path, raw_dir: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    target = out / "gazetteer.sqlite"
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    cities = list(iter_dump(data / "cities500.zip"))
    regions, admin = region_rows(data, cities)
    detail = dump_rows(dumps)
    own = {r.id: r for r in detail}
    for r in regions:  # a country's or region's own GeoNames point, where a dump has it
        if r.id in own:
            r.lat, r.lon = own[r.id].lat, own[r.id].lon
    db = sqlite3.connect(tmp)
    create_schema(db)
    counts = {"populated places": insert_places(db, cities)}
    insert_places(db, regions)
    counts["places from full country dumps"] = insert_places(db, detail, replace=False)
    counts["own points from dumps"] = sum(1 for r in regions if r.id in own)
    counts["countries"] = sum(1 for r in regions if r.fcode == "PCLI")
    counts["admin1 regions"] = sum(1 for r in regions if r.fcode == "ADM1")
    counts["admin2 regions"] = sum(1 for r in regions if r.fcode == "ADM2")
    counts["continents"] = sum(1 for r in regions if r.fcode == "CONT")
    counts["oceans and seas"] = sum(1 for r in regions if r.fclass == "H")
    counts["region groups"] = sum(1 for r in regions if r.fcode == "ADMD")
    db.executemany("INSERT INTO admin VALUES (?,?)", sorted(admin.items()))
    db.executemany("INSERT INTO countries VALUES (?,?,?,?,?)", countries_table(data, cities))
    known = {gid for (gid,) in db.execute("SELECT id FROM places")}
    # Keys are geonameids, or admin codes ("RU", "UA.30") for countries and regions.
    translations = []
    for cols in read_tsv(data / "geonames-translations.tsv")[1:]:
        gid = int(cols[0]) if cols[0].isdigit() else admin.get(cols[0], 0)
        if gid in known and len(cols) > 2:
            translations.append((gid, cols[2], 2))
    # The fixed table's other names are names in their own right (Dutch "Atlantische
    # Oceaan", English "Atlantic"), not alternates (waters have no population to let
    # alternates in).
    translations += [(r.id, a, 2) for r in regions if r.fcode == "CONT" or r.fclass == "H"
                     for a in r.alternates]  # fmt: skip
    add_names(db, translations)
    counts["localized names"] = len(translations)
    counts["non-place names"] = add_non_places(db, names_dir)
    counts["Dutch words"] = add_dutch_words(db, raw_dir)
    finish_index(db)
    counts["indexed names"] = db.execute("SELECT count(*) FROM names").fetchone()[0]
    counts["phonetic keys"] = db.execute("SELECT count(*) FROM pkeys").fetchone()[0]
    db.execute("INSERT INTO meta VALUES ('built', ?)", (time.strftime("%Y-%m-%d"),))
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(target)
    return counts


CARD = """# Gazetteer data card

`gazetteer.sqlite` is kroniek's bundled gazetteer, built by `scripts/build_gazetteer.py`.

- **Source**: GeoNames (https://www.geonames.org), files `cities500.zip`, the full dump of
  the Netherlands `NL.txt`, `admin1CodesASCII.txt`, `admin2Codes.txt`, `countryInfo.tsv`,
  and localized names (nl, en, de, fr, ru, uk) from GeoNames as packaged by Debian's
  libgeonames-common; `scripts/gazetteer_fixed_points.tsv` (continents, oceans, seas); the
  Alpino parser's name lists (LGPL-2.1) and raw Dutch sentences of `../shared/data/raw/nl`
  for the tables of names that are usually not places.
- **Licence**: Creative Commons Attribution 4.0 (CC BY 4.0). Attribution: "Contains data
  from GeoNames (www.geonames.org), licensed under CC BY 4.0." Changes: columns reduced,
  names folded and indexed, points of countries and regions computed where GeoNames'
  files give none (see below).
- **Points: an entry's own.** A place carries the point of its GeoNames entry. Countries
  and regions are entries too: where a full country dump holds the country's or region's
  own GeoNames row (the Netherlands, its provinces and municipalities from `NL.txt`), that
  row's point is used ({own} entries). Continents: GeoNames' own points (fixed table).
  Oceans and seas: a label point inside the water (fixed table; GeoNames ids where known,
  negative kroniek ids otherwise).
- **Country points where no file has them**: the area-weighted centroid (on an equal-area
  projection) of the country's Natural Earth outline (public domain, the base map's
  `web/outlines/countries.geojson`), counting only its polygons of at least a quarter of
  the largest one's area (so Alaska, Hawaii and overseas departments do not pull it),
  moved to the nearest 0.25° cell inside the outline when it falls outside (a point inside
  the area). On the country toponyms of the LGL tuning part this is within 161 km of the
  GeoNames point for 94% of mentions; a pole of inaccessibility (a label point chosen for
  room) was within 161 km for 67%, so it was not used. Countries without an outline use
  the estimate from their populated places (below).
- **First-level region points where no file has them**: each country outline is cut into
  0.25° cells and every cell given to the region of its nearest populated place; a
  region's point is the area-weighted centre of its cells (kept when it lies within the
  bounding box of the region's places, and the region has ≥ 4 cells).
- **Other regions** (ADM1 regions not covered above, ADM2 regions, countries without an
  outline): estimated from their populated places (the main cluster of places, each
  1-degree column of longitude filled between its southernmost and northernmost place,
  area-weighted centroid; the mean for regions with < 20 places).
- **Region groups** (feature code ADMD, negative ids: not GeoNames places): a name shared
  by two or more first-level regions of a country that differ only by a compass word
  ("North/South/West Sumatra" → Sumatra, "Northern/Western Darfur" → Darfur), when no
  region has the bare name; centre from their places.
- **Country short names**: "Republic of the Congo" is also indexed as "Congo".
- **The Netherlands in full**: every populated place, neighbourhood, region (Twente, de
  Veluwe), water, terrain and square of `NL.txt` (hotels, mills, farms and bus stops left
  out).
- **Names that are usually not places** (table `nonplaces`): names on Alpino's person,
  organisation and other-name lists that are not on its geographic list and name no
  country, continent, water, first-level region, capital or first-level seat ("Ajax",
  "Shell", "Obama", "Hamas", "Engels"); and common lower-case Dutch words (at least 3 uses
  in the raw Dutch sentences, more than their capitalised uses; Dutch towns of 10,000
  people or more excepted), read as words in Dutch text ("Handen", "Pech", "Maan").
- **Not included**: places with population < 500 outside the Netherlands that are not
  administrative seats (most small villages). Users add them with `kroniek gazetteer add
  XX.zip` or `kroniek gazetteer download XX`.
- **Size**: {size:.1f} MB.

## Counts

{counts}
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/gazetteer"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--dump", type=Path, action="append",
                    help="full GeoNames country dump to include (default: <data>/NL.txt)")
    ap.add_argument("--names", type=Path, default=Path("/work/shared/data/lexicons/alpino-names"),
                    help="the Alpino name lists (per, org, misc, geo .txt)")
    ap.add_argument("--raw", type=Path, default=Path("/work/shared/data/raw/nl"),
                    help="raw Dutch sentences (*.sents) for the Dutch-word table")
    args = ap.parse_args()
    t0 = time.time()
    counts = build(args.data, args.out, args.dump or [args.data / "NL.txt"], args.names, args.raw)
    size = (args.out / "gazetteer.sqlite").stat().st_size / 1e6
    table = "\n".join(f"| {k} | {v:,} |" for k, v in counts.items())
    card = CARD.format(size=size, own=counts["own points from dumps"],
                       counts="| what | count |\n|---|---|\n" + table)  # fmt: skip
    (args.out / "README.md").write_text(card, encoding="utf-8")
    print(f"built {args.out / 'gazetteer.sqlite'} ({size:.1f} MB) in {time.time() - t0:.0f} s")
    for k, v in counts.items():
        print(f"  {k}: {v:,}")


if __name__ == "__main__":
    main()
