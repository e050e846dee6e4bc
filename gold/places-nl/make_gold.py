"""Turn the hand annotation (annotations.tsv) into gold.json, with GeoNames ids.

Independent of kroniek (annotators must not use the system they measure): the ids come
straight from ../shared/data/gazetteer (cities500, NL.txt, countryInfo, admin codes,
geonames-translations). For each annotated place the accepted entries are:

- country: the country's geonameid (countryInfo);
- continent: GeoNames' continent ids;
- city: the populated places (and Dutch municipalities) of that name in that country,
  matched on name, ASCII name, alternate or translated name; the most populous one and any
  of the same name within 15 km of it;
- adm1 / adm2: first/second-level regions of that name (also as "Provincie X"/"Gemeente X");
- area, spot, water: NL.txt (or cities500) entries of that name in that country, if any;
- wide, seat: no entry (a supranational area; a seat of government); only the country counts.

A fifth column, when present, lists extra accepted ids (checked by hand with
gold/lookup_place.py), or with a leading "=" the only accepted ids (a name that several
places share, where the rule above would take the wrong one; a seat of government: the
city it is in). Names marked `not:<kind>` are not places in that article.

    python gold/places-nl/make_gold.py
"""

from __future__ import annotations

import csv
import io
import json
import math
import zipfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "shared/data/gazetteer"
CONTINENTS = {"afrika": 6255146, "azie": 6255147, "azië": 6255147, "europa": 6255148,
              "noord-amerika": 6255149, "zuid-amerika": 6255150, "oceanie": 6255151,
              "oceanië": 6255151, "antarctica": 6255152}  # fmt: skip


def norm(s: str) -> str:
    return " ".join(s.casefold().replace("-", " ").split())


def geonames_rows():
    with zipfile.ZipFile(DATA / "cities500.zip") as z:
        name = next(n for n in z.namelist() if n.endswith(".txt"))
        with z.open(name) as f:
            yield from csv.reader(io.TextIOWrapper(f, encoding="utf-8"), delimiter="\t",
                                  quoting=csv.QUOTE_NONE)  # fmt: skip
    with (DATA / "NL.txt").open(encoding="utf-8") as f:
        yield from csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def km(a, b) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    x = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(x)))


def main() -> None:
    rows = [r for r in (ln.rstrip("\n").split("\t") for ln in (HERE / "annotations.tsv").open(encoding="utf-8"))
            if r and not r[0].startswith("#") and len(r) >= 4]  # fmt: skip
    wanted = {norm(r[1]) for r in rows}
    translated: dict[str, set[int]] = defaultdict(set)
    for ln in (DATA / "geonames-translations.tsv").open(encoding="utf-8"):
        c = ln.rstrip("\n").split("\t")
        if len(c) >= 3 and norm(c[2]) in wanted:
            translated[norm(c[2])].add(int(c[0]) if c[0].isdigit() else -1)
    by_name: dict[str, list[tuple[int, str, str, str, float, float, int]]] = defaultdict(list)
    ids: dict[int, tuple[int, str, str, str, float, float, int]] = {}
    for c in geonames_rows():
        if len(c) < 15:
            continue
        rec = (int(c[0]), c[6], c[7], c[8], float(c[4]), float(c[5]), int(c[14] or 0))
        ids[rec[0]] = rec
        names = {norm(c[1]), norm(c[2])} | {norm(a) for a in c[3].split(",") if a}
        names |= {n.removeprefix("provincie ").removeprefix("gemeente ") for n in names}
        for n in names & wanted:
            by_name[n].append(rec)
    countries = {c[0]: int(c[16]) for c in csv.reader((DATA / "countryInfo.tsv").open(encoding="utf-8"), delimiter="\t")
                 if c and not c[0].startswith("#") and len(c) > 16 and c[16].isdigit()}  # fmt: skip
    admin = defaultdict(list)
    for fname, level in (("admin1CodesASCII.txt", "adm1"), ("admin2Codes.txt", "adm2")):
        for c in csv.reader((DATA / fname).open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(c) >= 4 and c[3].isdigit():
                for n in {norm(c[1]), norm(c[2])}:
                    admin[(level, c[0].split(".")[0], n)].append(int(c[3]))
    gold: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for r in rows:
        art, surface, cc, kind = r[0], r[1], r[2], r[3]
        only = len(r) > 4 and r[4].startswith("=")  # "=id,...": exactly these entries
        extra = [int(x) for x in r[4].lstrip("=").split(",")] if len(r) > 4 and r[4].strip() else []
        entry: dict[str, object] = {"country": None if cc == "-" else cc, "kind": kind}
        if not kind.startswith("not:"):
            found = [] if only else accepted(norm(surface), cc, kind, by_name, countries, admin, translated, ids)
            entry["geonameids"] = sorted(set(found) | set(extra))
        gold[art][surface] = entry
    out = {"source": "annotations.tsv", "articles": dict(sorted(gold.items()))}
    (HERE / "gold.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    places = [e for a in gold.values() for e in a.values() if "geonameids" in e]
    print(f"{len(gold)} articles, {len(places)} places ({sum(1 for e in places if e['geonameids'])} with an entry)")


def accepted(name, cc, kind, by_name, countries, admin, translated, ids) -> list[int]:
    out: list[int] = []
    for k in kind.split("|"):
        if k == "country":
            out += [countries[cc]] if cc in countries else []
        elif k == "continent":
            out += [CONTINENTS[name]] if name in CONTINENTS else []
        elif k in {"adm1", "adm2"}:
            out += admin.get((k, cc, name), [])
            out += [g for g in translated.get(name, ()) if g in ids and ids[g][2] == k.upper()]
            out += [rec[0] for rec in by_name.get(name, []) if rec[3] == cc and rec[2] == k.upper()]
        elif k == "city":
            towns = [rec for rec in by_name.get(name, []) if rec[3] == cc and (rec[1] == "P" or rec[2] == "ADM2")]
            towns += [ids[g] for g in translated.get(name, ()) if g in ids and ids[g][3] == cc and ids[g][1] == "P"]
            if towns:
                top = max(towns, key=lambda t: (t[1] == "P", t[6]))
                out += [t[0] for t in towns if km((t[4], t[5]), (top[4], top[5])) < 15]
        elif k in {"area", "spot", "water"}:
            out += [rec[0] for rec in by_name.get(name, []) if cc in {"-", rec[3]}]
    return out


if __name__ == "__main__":
    main()
