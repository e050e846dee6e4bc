"""Look up GeoNames entries for gold annotation, straight from ../shared/data/gazetteer.

Independent of kroniek (annotators must not use the system they measure).
Usage: python gold/lookup_place.py NAME [COUNTRY_CODE] [--all]
Prints geonameid, name, lat, lon, feature code, country, admin1, population; the
countries table (countryInfo.tsv) and first-level regions (admin1CodesASCII.txt) are
searched too. Matches the name, its ASCII form or any alternate name, case-insensitive.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared/data/gazetteer"


def rows():
    with zipfile.ZipFile(DATA / "cities500.zip") as z:
        name = next(n for n in z.namelist() if n.endswith(".txt"))
        with z.open(name) as f:
            yield from csv.reader(io.TextIOWrapper(f, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
    with (DATA / "NL.txt").open(encoding="utf-8") as f:
        yield from csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        raise SystemExit(__doc__)
    want = args[0].casefold()
    cc = args[1].upper() if len(args) > 1 else None
    hits = {}
    for line in (DATA / "geonames-translations.tsv").open(encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        if len(c) >= 3 and c[2].casefold() == want:
            print(f"TRANSLATION {c[1]} name of geonameid {c[0]}: look that id up by its English name")
    for line in (DATA / "countryInfo.tsv").open(encoding="utf-8"):
        if line.startswith("#"):
            continue
        c = line.rstrip("\n").split("\t")
        if len(c) > 16 and (want in (c[4].casefold(), c[5].casefold(), c[0].casefold())):
            print(f"COUNTRY {c[16]}\t{c[4]}\tcc={c[0]}\tcapital={c[5]}\t(use precision 'country'; coordinates: the country's own GeoNames point)")
    for line in (DATA / "admin1CodesASCII.txt").open(encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        if want in (c[1].casefold(), c[2].casefold()):
            print(f"ADMIN1 {c[3]}\t{c[1]}\tcode={c[0]}\t(use precision 'region')")
    for r in rows():
        if len(r) < 15:
            continue
        names = {r[1].casefold(), r[2].casefold()} | {x.casefold() for x in r[3].split(",") if x}
        if want in names and (cc is None or r[8] == cc):
            hits[r[0]] = r
    for r in sorted(hits.values(), key=lambda r: -int(r[14] or 0))[: None if "--all" in sys.argv else 8]:
        print(f"{r[0]}\t{r[1]}\t{r[4]}\t{r[5]}\t{r[7]}\t{r[8]}\tadmin1={r[10]}\tpop={r[14]}")


if __name__ == "__main__":
    main()
