"""The gazetteer: place names → GeoNames places, offline, loaded once per process.

`Gazetteer` is the interface the places stage uses; `SqliteGazetteer` is the real local
implementation. It reads the bundled index (`kroniek/resources/gazetteer/gazetteer.sqlite`,
built by `scripts/build_gazetteer.py` from GeoNames) and, when present, the user's overlay
(`<user data dir>/gazetteer/overlay.sqlite`, filled by `kroniek gazetteer add|download`).

Names are matched at two strengths:

1. **folded** (`fold`): Cyrillic transliterated to Latin, diacritics removed, lower case,
   punctuation to spaces — "Київ" ~ "kiyiv", "Oekraïne" ~ "oekraine".
2. **phonetic** (`phonetic_key`): a key that survives the usual ways one name is written in
   Dutch, English, German, Ukrainian and Russian spellings: vowel clusters merge (o/i in
   Popovka ~ Popivka, oe/u in Koersk ~ Kursk, y/i/ij, ie/yi in Kiev ~ Kyiv), kh/ch/h/g merge,
   sj/sh/sch/zh merge, tsj/tch/ch merge, c/k, w/v, ts/tz/z/s, doubled letters merge.

Example:

    >>> gaz = load_gazetteer()
    >>> [c.country_code for c in gaz.lookup("Koersk")][:1]
    ['RU']
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

from kroniek.errors import ResourceError

__all__ = [
    "BUNDLED_PATH",
    "Candidate",
    "Gazetteer",
    "SqliteGazetteer",
    "fold",
    "gazetteer_memory",
    "load_gazetteer",
    "overlay_path",
    "phonetic_key",
    "phonetic_keys",
    "resident_memory_mb",
    "transliterate",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

BUNDLED_PATH = Path(__file__).resolve().parent / "resources" / "gazetteer" / "gazetteer.sqlite"

Match = Literal["name", "alt", "variant"]

# -- keys -------------------------------------------------------------------------------

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ў": "u",
}  # fmt: skip
_TRANSLIT = str.maketrans(
    {**_CYRILLIC, **{k.upper(): v.capitalize() for k, v in _CYRILLIC.items() if v}}
)
_SPECIAL = str.maketrans(
    {"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L", "đ": "d",
     "Đ": "D", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
     "'": "", "’": "", "ʹ": "", "ʼ": "", "`": "", "‘": "", "ʻ": ""}
)  # fmt: skip
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def transliterate(text: str) -> str:
    """Cyrillic letters to Latin (a simple BGN-like scheme); other characters kept."""
    return text.translate(_TRANSLIT)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, Latin script, no diacritics, words separated by single spaces."""
    text = transliterate(text).translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _NON_ALNUM.sub(" ", text).strip()


# Ordered rewrites from spellings to sound classes (upper-case letters are classes).
# General transcription correspondences of Dutch/English/German/Slavic spellings; no names.
_PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    (r"shch|sjtsj|schtsch", "S"), (r"tsch|tsj|tch", "C"), (r"sch|sj|sh|zj|zh", "S"),
    (r"ch", "C"), (r"kh|gh|h|g", "H"), (r"ph", "f"), (r"ts|tz|z", "s"), (r"ck|c|q", "k"),
    (r"x", "ks"), (r"w", "v"), (r"j", "y"), (r"[aeiouy]+", "a"), (r"(.)\1+", r"\1"),
)  # fmt: skip
_PHONETIC = tuple((re.compile(p), r) for p, r in _PHONETIC_RULES)


@lru_cache(maxsize=200_000)
def phonetic_key(folded: str) -> str:
    """The spelling-variant key of a folded name ("koersk" → "karsk" ← "kursk")."""
    key = folded.replace(" ", "")
    for pattern, repl in _PHONETIC:
        key = pattern.sub(repl, key)
    return key


def phonetic_keys(folded: str) -> tuple[str, ...]:
    """The key, plus the one reading "ch" as Dutch/German /x/ ("Charkiv" ~ "Kharkiv")."""
    first = phonetic_key(folded)
    if "ch" not in folded:
        return (first,)
    second = phonetic_key(folded.replace("ch", "kh"))
    return (first, second) if second != first else (first,)


# A spelling variant must also look alike: indel similarity of the folded names >= this.
# Tuned on Koersk/Kursk (73), Popovka/Popivka (86), Demidovka/Demydivka (78), Charkiv/
# Kharkiv (86) against same-key noise such as Soemy/Sanya, Moskou/Myski (< 70).
MIN_VARIANT_SIMILARITY = 70.0


def _similar(a: str, b: str) -> bool:
    from rapidfuzz.fuzz import ratio

    return ratio(a, b) >= MIN_VARIANT_SIMILARITY


# -- records ----------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Candidate:
    """One place a name may refer to."""

    geonameid: int
    name: str
    lat: float
    lon: float
    feature_code: str
    country_code: str
    admin1: str
    admin2: str
    population: int
    match: Match = "name"  # how the queried name matched: name, alternate name, variant
    feature_class: str = ""  # A (country/region), P (populated place), or the dump's class

    def __post_init__(self) -> None:
        if not self.feature_class:
            object.__setattr__(self, "feature_class", _feature_class(self.feature_code))


# Feature codes of the waters the bundled index holds (oceans, seas, gulfs, lakes, rivers,
# canals), and of the regions and areas of full country dumps (GeoNames class L).
_WATERS = frozenset({"OCN", "SEA", "GULF", "LK", "LKS", "STM", "STMS", "CNL", "BAY", "CHN"})
_AREAS = frozenset({"RGN", "AREA", "LCTY", "RGNH", "PRK", "ISLS", "ISL", "PEN", "CST"})


@lru_cache(maxsize=1024)
def _feature_class(code: str) -> str:
    if code.startswith(("PCL", "ADM")) or code in {"TERR", "ZN", "CONT"}:
        return "A"
    if code in _WATERS:
        return "H"
    if code.startswith("PPL"):
        return "P"
    if code in _AREAS:
        return "L"
    return code[:1] if code[:1] in "HLRSTUV" else "S"


class Gazetteer(Protocol):
    def lookup(self, name: str, *, variants: bool = True) -> list[Candidate]: ...

    def may_start_name(self, word: str) -> bool: ...

    def non_place(self, name: str) -> str | None: ...

    def get(self, geonameid: int) -> Candidate | None: ...

    def country(self, country_code: str) -> Candidate | None: ...

    def admin1(self, country_code: str, admin1: str) -> Candidate | None: ...

    def capital(self, country_code: str) -> Candidate | None: ...

    def capitals(self) -> dict[int, str]: ...


# -- the SQLite implementation ------------------------------------------------------------

_COLUMNS = "p.id, p.name, p.lat, p.lon, p.fcode, p.cc, p.a1, p.a2, p.pop"


def _row_candidate(row: tuple[Any, ...], match: Match) -> Candidate:
    gid, name, lat, lon, fcode, cc, a1, a2, pop = row
    return Candidate(int(gid), str(name), int(lat) / 1e5, int(lon) / 1e5, str(fcode), str(cc),
                     str(a1 or ""), str(a2 or ""), int(pop or 0), match)  # fmt: skip


class SqliteGazetteer:
    """Gazetteer over one or more SQLite files with the schema of `kroniek.geonames`.

    Later files (the user's overlay) override earlier ones for the same geonameid.
    """

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self._dbs: list[sqlite3.Connection] = []
        for p in self.paths:
            if not p.exists():
                raise ResourceError(
                    "gazetteer file is missing",
                    source=str(p),
                    hint="run `python scripts/build_gazetteer.py` in a source checkout",
                )
            db = sqlite3.connect(f"file:{p}?mode=ro&immutable=1", uri=True,
                                 check_same_thread=False)  # fmt: skip
            try:
                db.execute("SELECT 1 FROM places LIMIT 1")
            except sqlite3.DatabaseError as exc:
                raise ResourceError(f"not a kroniek gazetteer: {exc}", source=str(p),
                                    hint="rebuild it or remove it") from exc  # fmt: skip
            self._dbs.append(db)
        self._lookup = lru_cache(maxsize=100_000)(self._lookup_uncached)
        self._has_key = lru_cache(maxsize=200_000)(self._has_key_uncached)
        self._non_place = lru_cache(maxsize=100_000)(self._non_place_uncached)
        # What the stages derive from this gazetteer and keep with it (caches that go with
        # it): key → value, e.g. ("places.runs", "nl") → the places stage's run matcher.
        self.derived: dict[Hashable, Any] = {}

    def lookup(self, name: str, *, variants: bool = True) -> list[Candidate]:
        """Places called `name` (folded match); else, when asked, its spelling variants."""
        return list(self._lookup(name, variants))

    def _lookup_uncached(self, name: str, variants: bool) -> tuple[Candidate, ...]:
        key = fold(name)
        if not key:
            return ()
        found: dict[int, Candidate] = {}
        for db in self._dbs:
            rows = db.execute(
                f"SELECT {_COLUMNS}, n.kind FROM names n JOIN places p ON p.id = n.id "
                "WHERE n.key = ?", (key,)
            ).fetchall()  # fmt: skip
            for row in rows:
                found[int(row[0])] = _row_candidate(row[:9], "name" if row[9] <= 2 else "alt")
        if variants and not found and len(key) >= 4:
            for pkey in phonetic_keys(key):
                if len(pkey) < 4:
                    continue
                for db in self._dbs:
                    rows = db.execute(
                        f"SELECT {_COLUMNS}, k.key FROM pkeys k JOIN names n ON n.key = k.key "
                        "JOIN places p ON p.id = n.id WHERE k.pkey = ?", (pkey,)
                    ).fetchall()  # fmt: skip
                    for row in rows:
                        if _similar(key, row[9]):
                            found.setdefault(int(row[0]), _row_candidate(row[:9], "variant"))
        return tuple(found.values())

    def has_name(self, name: str) -> bool:
        """Whether a folded name is in the gazetteer at all (cheap; for recognition)."""
        return self._has_key(fold(name))

    def _has_key_uncached(self, key: str) -> bool:
        return bool(key) and key in self._keys()

    @cache  # noqa: B019 - one instance per process
    def _keys(self) -> frozenset[str]:
        """Every folded name, in memory (about 50 MB): recognition asks for thousands of
        capitalised words per article, and one query each cost ~0.4 ms per article."""
        return frozenset(k for db in self._dbs for (k,) in db.execute("SELECT DISTINCT key FROM names"))

    def may_start_name(self, word: str) -> bool:
        """Whether some name of more than one word begins with this word (folded): the
        places stage tries longer spans only from such words (#17, speed)."""
        return fold(word).split(" ", 1)[0] in self._first_words()

    @cache  # noqa: B019 - one instance per process
    def _first_words(self) -> frozenset[str]:
        """First words of the multi-word folded names (about 54,000; 6 MB)."""
        return frozenset(k.split(" ", 1)[0] for k in self._keys() if " " in k)

    def non_place(self, name: str) -> str | None:
        """"per", "org" or "misc" when the name is a place name that is usually a person's,
        an organisation's or another non-place name (Alpino's name lists; see the card)."""
        return self._non_place(fold(name))

    def _non_place_uncached(self, key: str) -> str | None:
        try:
            row = self._dbs[0].execute("SELECT kind FROM nonplaces WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # an index built before the table existed
            return None
        return str(row[0]) if row else None

    def get(self, geonameid: int) -> Candidate | None:
        for db in reversed(self._dbs):
            row = db.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?",
                             (geonameid,)).fetchone()  # fmt: skip
            if row:
                return _row_candidate(row, "name")
        return None

    def _admin(self, code: str) -> Candidate | None:
        for db in self._dbs:
            row = db.execute("SELECT id FROM admin WHERE code = ?", (code,)).fetchone()
            if row:
                return self.get(int(row[0]))
        return None

    def country(self, country_code: str) -> Candidate | None:
        return self._admin(country_code.upper())

    def admin1(self, country_code: str, admin1: str) -> Candidate | None:
        return self._admin(f"{country_code.upper()}.{admin1}")

    def admin2(self, country_code: str, admin1: str, admin2: str) -> Candidate | None:
        return self._admin(f"{country_code.upper()}.{admin1}.{admin2}")

    def capital(self, country_code: str) -> Candidate | None:
        row = self._dbs[0].execute(
            "SELECT capital_id FROM countries WHERE cc = ?", (country_code.upper(),)
        ).fetchone()
        return self.get(int(row[0])) if row and row[0] else None

    @cache  # noqa: B019 - one instance per process
    def seat_of_government(self, country_code: str) -> Candidate | None:
        """Where a country's government sits: its seat of government (GeoNames PPLG: The
        Hague for the Netherlands) where it is not the capital, else the capital."""
        row = self._dbs[0].execute(
            f"SELECT {_COLUMNS} FROM places p WHERE p.cc = ? AND p.fcode = 'PPLG' "
            "ORDER BY p.pop DESC LIMIT 1", (country_code.upper(),)
        ).fetchone()  # fmt: skip
        return _row_candidate(row, "name") if row else self.capital(country_code)

    @cache  # noqa: B019 - one instance per process
    def neighbours(self) -> dict[str, frozenset[str]]:
        """Country code → the codes of the countries bordering it (countryInfo)."""
        rows = self._dbs[0].execute("SELECT cc, neighbours FROM countries").fetchall()
        return {str(cc): frozenset(n for n in str(nb or "").split(",") if n) for cc, nb in rows}

    @cache  # noqa: B019 - one instance per process
    def capitals(self) -> dict[int, str]:
        """geonameid of each country's capital → its country code."""
        rows = self._dbs[0].execute(
            "SELECT capital_id, cc FROM countries WHERE capital_id IS NOT NULL"
        ).fetchall()
        return {int(gid): str(cc) for gid, cc in rows}

    def stats(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p, db in zip(self.paths, self._dbs, strict=True):
            n = db.execute("SELECT count(*) FROM places").fetchone()[0]
            out[p.name] = int(n)
        return out


def overlay_path() -> Path:
    """The user's gazetteer overlay (`KRONIEK_DATA_DIR` overrides the platform folder)."""
    base = os.environ.get("KRONIEK_DATA_DIR")
    if base:
        return Path(base) / "gazetteer" / "overlay.sqlite"
    import platformdirs

    return Path(platformdirs.user_data_dir("kroniek")) / "gazetteer" / "overlay.sqlite"


@cache
def load_gazetteer() -> SqliteGazetteer:
    """The bundled gazetteer plus the user's overlay, opened once per process."""
    paths = [BUNDLED_PATH]
    overlay = overlay_path()
    if overlay.exists():
        paths.append(overlay)
    return SqliteGazetteer(paths)


def resident_memory_mb() -> float:
    """Resident set size of this process in MB (Linux /proc; else peak RSS)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def gazetteer_memory() -> dict[str, float]:
    """RSS before/after loading the gazetteer, its name set and a first lookup (for
    `kroniek bench`).

    `before_mb` is only meaningful when the gazetteer was not loaded yet in this process.
    """
    before = resident_memory_mb()
    gaz = load_gazetteer()
    gaz.lookup("Amsterdam")
    gaz.has_name("Amsterdam")  # the in-memory set of names
    after = resident_memory_mb()
    size = sum(p.stat().st_size for p in gaz.paths) / 1e6
    return {"before_mb": before, "after_mb": after, "delta_mb": after - before,
            "files_mb": size}  # fmt: skip
