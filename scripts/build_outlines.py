#!/usr/bin/env python3
"""Build the offline base map of `kroniek serve`: country and region outlines as GeoJSON.

Countries: Natural Earth 1:50m admin-0 countries (public domain) from the `world-atlas`
npm package (coasts and borders good to a few km: the Netherlands has its IJsselmeer and
Wadden islands; the 1:110m outlines had about 8 vertices for the whole country):

    (cd /tmp && npm pack world-atlas@2.0.2)
    python scripts/build_outlines.py --world-atlas /tmp/world-atlas-2.0.2.tgz

or, as before, the 1:110m copy that the `geopandas` 0.14 wheel ships
(`--geopandas-wheel geopandas-0.14.4-py3-none-any.whl`).

Regions: there is no admin-1 boundary data here, so region outlines are an APPROXIMATION:
the convex hull of the GeoNames populated places (cities500, CC BY 4.0) of each first-order
region, for the countries in `--region-countries`. They show roughly where a region lies,
not its border; the web page draws them dashed and says so.

Writes src/kroniek/web/outlines/{countries,regions}.geojson with coordinates rounded to
0.01° (about 1 km) to keep them small.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import struct
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "kroniek" / "web" / "outlines"
GAZ = Path("/work/shared/data/gazetteer")
SHP = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
# Countries of the conflicts the news data covers; more make the file larger.
DEFAULT_REGION_COUNTRIES = "UA,RU,BY,MD,PL,RO,IL,PS,LB,SY,IQ,IR,YE,SD,SS,ET,ML,NE,BF,AF,MM,AM,AZ,GE,NL,BE,DE"


def _read_dbf(data: bytes) -> list[dict[str, str]]:
    n, header_len = struct.unpack("<IH", data[4:10])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rec_len = struct.unpack("<H", data[10:12])[0]
    rows = []
    for i in range(n):
        off = header_len + i * rec_len + 1
        row = {}
        for name, length in fields:
            row[name] = data[off:off + length].decode("utf-8", "replace").strip()
            off += length
        rows.append(row)
    return rows


def _read_shp(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """Polygon records → list of rings per record."""
    shapes = []
    pos = 100
    while pos < len(data):
        _, length = struct.unpack(">II", data[pos:pos + 8])
        rec = data[pos + 8:pos + 8 + length * 2]
        pos += 8 + length * 2
        if struct.unpack("<i", rec[:4])[0] != 5:
            shapes.append([])
            continue
        nparts, npoints = struct.unpack("<ii", rec[36:44])
        parts = list(struct.unpack(f"<{nparts}i", rec[44:44 + 4 * nparts]))
        base = 44 + 4 * nparts
        pts = [struct.unpack("<dd", rec[base + 16 * k:base + 16 * k + 16]) for k in range(npoints)]
        bounds = [*parts, npoints]
        shapes.append([pts[bounds[j]:bounds[j + 1]] for j in range(nparts)])
    return shapes


def _ring(points: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, 2), round(y, 2)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def countries(wheel: Path) -> dict[str, object]:
    with zipfile.ZipFile(wheel) as z:
        shapes = _read_shp(z.read(SHP + ".shp"))
        records = _read_dbf(z.read(SHP + ".dbf"))
    features = []
    for rec, rings in zip(records, shapes, strict=True):
        polys = [[_ring(r)] for r in rings if len(r) >= 4]
        features.append({
            "type": "Feature",
            "properties": {"name": rec.get("name", ""), "iso_a3": rec.get("iso_a3", "")},
            "geometry": {"type": "MultiPolygon", "coordinates": polys},
        })
    return {"type": "FeatureCollection", "features": features,
            "source": "Natural Earth 1:110m admin-0 countries (public domain)"}


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def regions(countries_wanted: set[str]) -> dict[str, object]:
    names = {}
    with open(GAZ / "admin1CodesASCII.txt", encoding="utf-8") as f:
        for line in f:
            code, name, *_ = line.rstrip("\n").split("\t")
            names[code] = name
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with zipfile.ZipFile(GAZ / "cities500.zip") as z, z.open("cities500.txt") as raw:
        for row in csv.reader(io.TextIOWrapper(raw, "utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE):
            cc, a1 = row[8], row[10]
            if cc in countries_wanted and a1 and a1 != "00":
                points[f"{cc}.{a1}"].append((float(row[5]), float(row[4])))
    features = []
    for code, pts in sorted(points.items()):
        hull = _hull(pts)
        if len(hull) < 3:
            continue
        ring = _ring([*hull, hull[0]])
        features.append({
            "type": "Feature",
            "properties": {"code": code, "name": names.get(code, code), "approximate": True},
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        })
    return {"type": "FeatureCollection", "features": features,
            "source": "APPROXIMATE: convex hulls of GeoNames cities500 places per admin-1 region"}


def _topo_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _topo_ring(arcs: list[list[tuple[float, float]]], refs: list[int]) -> list[list[float]]:
    ring: list[tuple[float, float]] = []
    for ref in refs:
        points = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        ring.extend(points[1:] if ring else points)
    return _ring(ring)


def countries_from_world_atlas(tgz: Path, scale: str) -> dict[str, object]:
    """Natural Earth admin-0 countries at 1:`scale` from the `world-atlas` npm package
    (`npm pack world-atlas@2.0.2`; TopoJSON of Natural Earth, public domain)."""
    import tarfile

    with tarfile.open(tgz) as tar:
        member = tar.extractfile(f"package/countries-{scale}.json")
        assert member is not None
        topo = json.load(member)
    arcs = _topo_arcs(topo)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom["type"] == "Polygon":
            coords: object = [_topo_ring(arcs, r) for r in geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            coords = [[_topo_ring(arcs, r) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append({"type": "Feature",
                         "properties": {"name": geom.get("properties", {}).get("name"),
                                        "iso_n3": geom.get("id")},
                         "geometry": {"type": geom["type"], "coordinates": coords}})
    return {"type": "FeatureCollection", "features": features,
            "source": f"Natural Earth 1:{scale} admin-0 countries (public domain), via world-atlas"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--geopandas-wheel", type=Path)
    ap.add_argument("--world-atlas", type=Path,
                    help="world-atlas-2.0.2.tgz (npm pack world-atlas@2.0.2): 1:50m countries "
                         "instead of the 1:110m of the geopandas wheel")
    ap.add_argument("--region-countries", default=DEFAULT_REGION_COUNTRIES)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.world_atlas is None and args.geopandas_wheel is None:
        ap.error("give --world-atlas or --geopandas-wheel")
    outline = (countries_from_world_atlas(args.world_atlas, "50m") if args.world_atlas
               else countries(args.geopandas_wheel))
    for name, data in (("countries", outline),
                       ("regions", regions(set(args.region_countries.split(","))))):
        path = OUT / f"{name}.geojson"
        path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        print(f"{path}: {len(data['features'])} features, {path.stat().st_size // 1024} KiB")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
