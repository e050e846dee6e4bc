"""Reading GeoNames dumps and writing kroniek's gazetteer index (SQLite).

Used by `scripts/build_gazetteer.py` (the bundled index) and by `kroniek gazetteer add`
(the user's overlay). Schema:

    places(id, name, lat, lon, fcode, cc, a1, a2, pop)   one row per GeoNames place
                              (lat/lon in units of 1e-5 degree)
    names(key, id, kind)      folded name → place; kind 0 name, 1 ascii name,
                              2 localized name (exonym), 3 alternate name
    pkeys(pkey, key)          phonetic key → folded names having it
    admin(code, id)           "CC", "CC.A1", "CC.A1.A2" → the region's place id
    countries(cc, name, capital, capital_id, neighbours)
    nonplaces(key, kind)      folded name → per, org or misc: a place name that is usually
                              a person's, an organisation's or another non-place name
    meta(k, v)
"""

from __future__ import annotations

import logging
import re
import sqlite3
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kroniek.errors import InputError, RecordError
from kroniek.gazetteer import fold, phonetic_key

__all__ = [
    "GeoRow",
    "add_names",
    "create_schema",
    "finish_index",
    "insert_places",
    "iter_dump",
    "merge_dump",
    "name_variants",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

N_COLUMNS = 19  # columns of a GeoNames dump (geoname table)
COORD_SCALE = 100_000  # coordinates are stored as integers (1e-5 degree, about 1 m)
# Alternate names of populated places smaller than this are not indexed (keeps the bundled
# file under ~25 MB; their name and ASCII name still are, and spelling variants of those
# are found through the phonetic keys).
MIN_POP_ALTERNATES = 1000

SCHEMA = """
CREATE TABLE IF NOT EXISTS places(id INTEGER PRIMARY KEY, name TEXT, lat INTEGER, lon INTEGER,
    fcode TEXT, cc TEXT, a1 TEXT, a2 TEXT, pop INTEGER);
CREATE TABLE IF NOT EXISTS names(key TEXT, id INTEGER, kind INTEGER,
    PRIMARY KEY(key, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pkeys(pkey TEXT, key TEXT, PRIMARY KEY(pkey, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin(code TEXT PRIMARY KEY, id INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS countries(cc TEXT PRIMARY KEY, name TEXT, capital TEXT,
    capital_id INTEGER, neighbours TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS nonplaces(key TEXT PRIMARY KEY, kind TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
"""


@dataclass(slots=True)
class GeoRow:
    id: int
    name: str
    asciiname: str
    alternates: list[str]
    lat: float
    lon: float
    fclass: str
    fcode: str
    cc: str
    a1: str
    a2: str
    pop: int


def _open_lines(path: Path) -> Iterator[tuple[str, Iterable[bytes]]]:
    """(member name, lines) of a GeoNames .zip (every .txt member but readme) or a .txt."""
    if not path.exists():
        raise InputError("no such file", source=str(path), hint="check the path")
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic.startswith(b"PK"):
        try:
            zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise InputError(f"broken zip file: {exc}", source=str(path),
                             hint="download it again") from exc  # fmt: skip
        with zf:
            members = [m for m in zf.namelist()
                       if m.endswith(".txt") and "readme" not in m.lower()]  # fmt: skip
            if not members:
                raise InputError("the zip holds no GeoNames .txt file", source=str(path),
                                 hint="expected e.g. NL.zip with NL.txt inside")  # fmt: skip
            for m in members:
                with zf.open(m) as member:
                    yield f"{path}:{m}", member
        return
    if path.suffix.lower() == ".zip":
        raise InputError("not a zip file", source=str(path),
                         hint="give a GeoNames XX.zip or its XX.txt")  # fmt: skip
    with path.open("rb") as fh:
        yield str(path), fh


def iter_dump(path: Path) -> Iterator[GeoRow]:
    """Rows of a GeoNames dump; `RecordError` naming the file and line for a bad row."""
    for source, lines in _open_lines(Path(path)):
        for lineno, raw in enumerate(lines, start=1):
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != N_COLUMNS:
                raise RecordError(
                    f"expected {N_COLUMNS} tab-separated GeoNames columns, found {len(cols)}",
                    source=source, line=lineno,
                    hint="give a GeoNames dump (XX.zip, XX.txt, allCountries, cities500)",
                )  # fmt: skip
            try:
                yield GeoRow(
                    int(cols[0]), cols[1], cols[2], cols[3].split(",") if cols[3] else [],
                    float(cols[4]), float(cols[5]), cols[6], cols[7], cols[8], cols[10],
                    cols[11], int(cols[14] or 0),
                )  # fmt: skip
            except ValueError as exc:
                raise RecordError(f"bad GeoNames row: {exc}", source=source, line=lineno,
                                  hint="id, latitude, longitude and population must be numbers") from exc  # fmt: skip


def create_schema(db: sqlite3.Connection) -> None:
    db.executescript(SCHEMA)


_SCRIPT_OK = re.compile(r"^[\w\s'’.,()\-]+$")


def _usable_alternate(name: str) -> bool:
    """Latin or Cyrillic names worth indexing (no codes, links, other scripts)."""
    if not name or len(name) > 60 or any(c.isdigit() for c in name) or "http" in name:
        return False
    if len(name) <= 4 and name.isupper():
        return False  # airport and postal codes
    for c in name:
        if c.isalpha():
            script = unicodedata.name(c, "").split(" ")[0]
            if script not in {"LATIN", "CYRILLIC"}:
                return False
    return bool(_SCRIPT_OK.match(name))


# Generic designators of administrative units, dropped to index the bare name too
# ("Belgorod Oblast" → "Belgorod", "Rapides Parish" → "Rapides").
_DESIGNATORS = re.compile(
    r"^(?:state of|province of|city of|county of|oblast|provincia de|province de|region de"
    r"|departement de|department of|provincie|gemeente)\s+|\s+(?:oblast|oblast'|oblastʹ|kray|krai|region|"
    r"province|governorate|county|parish|borough|voivodeship|raion|rayon|district|"
    r"municipality|department|prefecture|state|republic|autonomous okrug|okrug|canton|"
    r"emirate|territory|governorate|city)$",
    re.IGNORECASE,
)


def name_variants(name: str) -> list[str]:
    """The name and, for a region, its name without a generic designator."""
    out = [name]
    bare = _DESIGNATORS.sub("", name).strip()
    if bare and bare != name and len(bare) >= 3:
        out.append(bare)
    return out


def insert_places(db: sqlite3.Connection, rows: Iterable[GeoRow], *, alternates: bool = True,
                  replace: bool = True) -> int:  # fmt: skip
    """Insert places and their names; returns the number of places."""
    verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
    n = 0
    batch: list[GeoRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= 20_000:
            n += _insert_batch(db, batch, verb, alternates)
            batch = []
    if batch:
        n += _insert_batch(db, batch, verb, alternates)
    return n


def _insert_batch(db: sqlite3.Connection, batch: list[GeoRow], verb: str,
                  alternates: bool) -> int:  # fmt: skip
    db.executemany(
        f"{verb} INTO places VALUES (?,?,?,?,?,?,?,?,?)",
        [(r.id, r.name, round(r.lat * COORD_SCALE), round(r.lon * COORD_SCALE),
          r.fcode or r.fclass, r.cc, r.a1, r.a2, r.pop) for r in batch],
    )  # fmt: skip
    names: list[tuple[int, str, int]] = []
    for r in batch:
        region = r.fclass == "A"
        alts = r.alternates if alternates and (region or r.pop >= MIN_POP_ALTERNATES) else []
        for kind, group in ((0, [r.name]), (1, [r.asciiname]), (3, alts)):
            for nm in group:
                if kind == 3 and not _usable_alternate(nm):
                    continue
                for v in name_variants(nm) if region else [nm]:
                    names.append((r.id, v, kind))
    add_names(db, names)
    return len(batch)


def add_names(db: sqlite3.Connection, names: Iterable[tuple[int, str, int]]) -> None:
    """Index (place id, name, kind) triples; the lowest kind per (key, id) wins."""
    rows = [(fold(nm), gid, kind) for gid, nm, kind in names]
    rows = [r for r in rows if r[0]]
    db.executemany(
        "INSERT INTO names VALUES (?,?,?) ON CONFLICT(key, id) DO UPDATE "
        "SET kind = min(kind, excluded.kind)", rows,
    )  # fmt: skip


def finish_index(db: sqlite3.Connection) -> None:
    """Fill `pkeys` for the main and localized names, and compact the file."""
    keys = [k for (k,) in db.execute("SELECT DISTINCT key FROM names WHERE kind <= 2")]
    db.executemany(
        "INSERT OR IGNORE INTO pkeys VALUES (?,?)",
        [(phonetic_key(k), k) for k in keys if len(phonetic_key(k)) >= 4],
    )  # fmt: skip
    db.commit()
    db.execute("VACUUM")


def merge_dump(path: Path, target: Path) -> int:
    """Merge a GeoNames dump into the SQLite index at `target` (created if needed)."""
    rows = list(iter_dump(path))  # read fully first: a bad file leaves the index untouched
    target.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(target)
    try:
        create_schema(db)
        n = insert_places(db, rows)
        for r in rows:
            if r.fcode in {"PCLI", "PCLD", "PCLF", "PCLS"}:
                db.execute("INSERT OR IGNORE INTO admin VALUES (?,?)", (r.cc, r.id))
            elif r.fcode == "ADM1":
                db.execute("INSERT OR IGNORE INTO admin VALUES (?,?)", (f"{r.cc}.{r.a1}", r.id))
            elif r.fcode == "ADM2":
                db.execute("INSERT OR IGNORE INTO admin VALUES (?,?)",
                           (f"{r.cc}.{r.a1}.{r.a2}", r.id))  # fmt: skip
        db.execute("DELETE FROM pkeys")
        finish_index(db)
    finally:
        db.close()
    return n
