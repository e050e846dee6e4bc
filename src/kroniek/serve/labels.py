"""Place names for the offline base map, from the bundled gazetteer.

The page asks for the labels of its view (`/api/v1/labels?bbox=...&zoom=...`); the server
answers the most important places there: countries, provinces (first-level divisions) and
towns by population, thinned so labels do not overlap at that zoom. No tiles, no network:
the gazetteer is already in the package.
"""

from __future__ import annotations

import sqlite3
from functools import cache

__all__ = ["MAX_LABELS", "Label", "labels_in_view"]

Label = tuple[str, float, float, str, int]  # name, lat, lon, kind, population

# Labels per answer: enough to fill a 1400 px wide map with names ~90 px apart.
MAX_LABELS = 300
# Smallest population of a town labelled at each zoom (the last one holds beyond).
# Tuned by eye on the DPG store's map at 1400x900: zoom 5 shows the Netherlands' and
# Ukraine's big cities, zoom 8 the towns of a province, zoom 11 the villages.
_MIN_POPULATION = {2: 5_000_000, 3: 2_000_000, 4: 700_000, 5: 250_000, 6: 100_000,
                   7: 40_000, 8: 15_000, 9: 5_000, 10: 2_000, 11: 1_000}
# Countries named at the world's smallest zooms: the most populous first (the names
# of all 245 at zoom 2 cover Europe and Africa).
_MIN_COUNTRY_POPULATION = {0: 30_000_000, 1: 30_000_000, 2: 20_000_000, 3: 5_000_000}
# Width in pixels of the cell one label may take, for thinning (~ a short name).
_CELL_PX = 90


@cache
def _places() -> tuple[Label, ...]:
    """Countries, first-level divisions and towns of 1,000 people or more, biggest first."""
    from kroniek.gazetteer import BUNDLED_PATH

    db = sqlite3.connect(f"file:{BUNDLED_PATH}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT name, lat, lon, fcode, pop FROM places WHERE fcode IN ('PCLI', 'ADM1') "
            "OR (fcode LIKE 'PPL%' AND pop >= 1000) ORDER BY pop DESC").fetchall()
    finally:
        db.close()
    out = []
    for name, lat, lon, fcode, pop in rows:
        kind = ("country" if fcode == "PCLI" else "province" if fcode == "ADM1"
                else "capital" if fcode == "PPLC" else "town")
        out.append((str(name), lat / 1e5, lon / 1e5, kind, int(pop or 0)))
    return tuple(out)


def _min_population(zoom: int) -> int:
    return _MIN_POPULATION[min(max(zoom, 2), 11)]


def labels_in_view(bbox: tuple[float, float, float, float], zoom: int) -> list[Label]:
    """The labels to draw in `bbox` (west, south, east, north) at `zoom`, most important
    first; at most one per cell of `_CELL_PX` pixels."""
    west, south, east, north = bbox
    deg_per_px = 360 / (256 * 2 ** max(zoom, 0))
    cell = _CELL_PX * deg_per_px
    min_pop = _min_population(zoom)
    # Towns thin towns, provinces thin provinces: a province's name (drawn lighter, at
    # its centre) must not hide its capital.
    taken: dict[str, set[tuple[int, int]]] = {"country": set(), "province": set(),
                                              "town": set()}
    out: list[Label] = []
    for label in _places():
        name, lat, lon, kind, pop = label
        if not (south <= lat <= north and (west <= lon <= east if west <= east
                                           else lon >= west or lon <= east)):
            continue
        if kind == "country":
            if zoom > 7 or pop < _MIN_COUNTRY_POPULATION.get(zoom, 0):
                continue
        elif kind == "province":
            if zoom < 5:
                continue
        elif pop < min_pop and not (kind == "capital" and zoom >= 3):
            continue
        group = kind if kind in ("country", "province") else "town"
        size = cell * (1.6 if group == "country" else 1.0)  # country names are longer
        key = (int(lat // (size * 0.4)), int(lon // size))
        if key in taken[group]:
            continue
        taken[group].add(key)
        out.append(label)
        if len(out) >= MAX_LABELS:
            break
    return out
