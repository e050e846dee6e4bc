"""The analyst's filter words turned into what the store can match, or a clear error.

Shared by the command line and the API, so `kroniek events --place Oekraïne` and
`/api/v1/events?place=Oekraïne` select the same rows:

- `parse_day`: `2025`, `2025-04` or `2025-04-08` to the first (or last) day it covers;
  anything else (`2019-13-45`) is an `InputError` saying which formats work.
- `resolve_event_type`: an ACLED type or sub-type in any letter case ("battles"); an
  unknown one is an `InputError` naming the nearest valid values.
- `resolve_choice`: one of a closed list (modality, source type, factuality).
- `resolve_place`: a place or country name in any language the gazetteer knows
  ("Oekraïne", "Ukraine", "Україна" are one country) to a `PlaceMatch`.
- `match_names`: fuzzy, exonym-aware name matching against the names the store holds
  ("Zelenski", "Zelensky", "Zelenskyy" are one speaker; "Oekraïne" finds "Military Forces
  of Ukraine").
- `nearest`: the closest known values, for the hint of an error.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable

from kroniek.errors import InputError
from kroniek.store.queries import PlaceMatch

__all__ = [
    "MODALITIES",
    "match_names",
    "nearest",
    "parse_day",
    "resolve_choice",
    "resolve_event_type",
    "resolve_place",
]

# Event modalities (`Event.modality`); `claimed` and `generic` may be added by the events
# stage, and are accepted here so a filter written for them keeps working.
MODALITIES = ("asserted", "negated", "hypothetical", "future", "habitual", "claimed", "generic")

# A spelling variant of a name word must look alike as well as sound alike: rapidfuzz
# ratio of the folded words >= this (same value the gazetteer uses for place variants,
# tuned there on Koersk/Kursk, Charkiv/Kharkiv against same-key noise).
MIN_NAME_SIMILARITY = 70.0
# Query words this short only match name words that start with them (no phonetics).
MIN_FUZZY_WORD = 4


def parse_day(value: str, *, name: str, end: bool = False) -> str:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the first day it covers (last when `end`)."""
    from kroniek.store.rows import date_range

    text = value.strip()
    span = date_range(text) if len(text) in (4, 7, 10) else None
    try:
        if span is None:
            raise ValueError(text)
        day = span[1] if end else span[0]
        dt.date.fromisoformat(day)
    except ValueError:
        raise InputError(f"not a date: {value!r}", source=name,
                         hint="use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019-03-15") from None
    return day


def nearest(value: str, choices: Iterable[str], *, n: int = 5) -> list[str]:
    """The known values closest to `value` (case-insensitive), best first."""
    from kroniek.gazetteer import fold

    by_key: dict[str, str] = {}
    for c in choices:
        by_key.setdefault(fold(c), c)
    keys = difflib.get_close_matches(fold(value), list(by_key), n=n, cutoff=0.4)
    found = [by_key[k] for k in keys]
    if len(found) < n:  # words that contain the value, or the value contains
        key = fold(value)
        found += [c for k, c in by_key.items()
                  if c not in found and key and (key in k or k in key)][: n - len(found)]
    return found


def _hint(value: str, choices: Iterable[str]) -> str:
    options = list(choices)
    close = nearest(value, options)
    if close:
        return "nearest: " + ", ".join(close)
    return "one of: " + ", ".join(options[:12]) + (" ..." if len(options) > 12 else "")


def resolve_event_type(value: str, *, name: str = "--type") -> str:
    """The ACLED type or sub-type spelled as ACLED does; InputError with the nearest."""
    from kroniek.acled import EVENT_TYPES, SUB_TYPES

    known = [*EVENT_TYPES, *(s for subs in SUB_TYPES.values() for s in subs)]
    for k in known:
        if k.casefold() == value.strip().casefold():
            return k
    raise InputError(f"unknown event type {value!r}", source=name, hint=_hint(value, known))


def resolve_choice(value: str, choices: Iterable[str], *, name: str) -> str:
    """`value` if it is one of `choices` (any case); else InputError with the nearest."""
    options = list(choices)
    for c in options:
        if c.casefold() == value.strip().casefold():
            return c
    raise InputError(f"unknown value {value!r}", source=name, hint=_hint(value, options))


def _is_country(code: str) -> bool:
    return code.startswith("PCL") or code == "TERR"


def resolve_place(value: str) -> PlaceMatch:
    """The places a name stands for: a country, a province, a town (gazetteer names).

    Of the gazetteer's candidates the most populous wins, together with every other
    candidate of the same name in that country (Utrecht the province and the city);
    an ISO country code ("UA") is that country. The words themselves are kept too, so
    places the gazetteer does not know still match the event's place name.
    """
    from kroniek.gazetteer import load_gazetteer

    text = value.strip()
    if not text:
        raise InputError("an empty place", source="--place", hint="a place or country name")
    gaz = load_gazetteer()
    if len(text) == 2 and text.isalpha() and gaz.country(text) is not None:
        return PlaceMatch(label=text.upper(), countries=(text.upper(),))
    cands = gaz.lookup(text)
    if not cands:
        return PlaceMatch(label=text, names=(text.lower(),))
    top = max(cands, key=lambda c: (_is_country(c.feature_code), c.population))
    same = [c for c in cands if c.country_code == top.country_code]
    countries = tuple(sorted({c.country_code for c in same if _is_country(c.feature_code)}))
    admin1 = tuple(sorted({(c.country_code, c.admin1) for c in same
                           if c.feature_code == "ADM1" and c.admin1}))
    admin2 = tuple(sorted({(c.country_code, c.admin1, c.admin2) for c in same
                           if c.feature_code == "ADM2" and c.admin2}))
    ids = tuple(sorted({c.geonameid for c in same}))
    names = tuple(sorted({text.lower(), top.name.lower()}))
    return PlaceMatch(label=top.name, countries=countries, admin1=admin1, admin2=admin2,
                      geonameids=ids, names=names)


def _country_names(value: str) -> list[str]:
    """The English names of the country `value` names in any language, if it is one."""
    from kroniek.acled_countries import COUNTRIES
    from kroniek.gazetteer import load_gazetteer

    try:
        cands = load_gazetteer().lookup(value, variants=False)
    except Exception:  # no gazetteer: plain matching still works
        return []
    out = []
    for c in cands:
        if _is_country(c.feature_code):
            out += [c.name, c.country_code]
            if c.country_code in COUNTRIES:
                out.append(COUNTRIES[c.country_code][1])
    return out


def _word_matches(query: str, word: str) -> bool:
    from rapidfuzz.fuzz import ratio

    from kroniek.gazetteer import phonetic_keys

    if word == query or word.startswith(query):
        return True
    if len(query) < MIN_FUZZY_WORD or ratio(query, word) < MIN_NAME_SIMILARITY:
        return False
    return bool(set(phonetic_keys(query)) & set(phonetic_keys(word)))


def _name_matches(query_words: list[str], name_words: list[str]) -> bool:
    return all(any(_word_matches(q, w) for w in name_words) for q in query_words)


def match_names(query: str, names: Iterable[str]) -> list[str]:
    """The `names` that `query` stands for: every query word matches a word of the name
    exactly, as its start, or as a spelling variant (same sound key and similar letters);
    a country named in any language also matches by its English name."""
    from kroniek.gazetteer import fold

    queries = [fold(query).split()]
    queries += [fold(n).split() for n in _country_names(query)]
    queries = [q for q in queries if q]
    out = []
    for name in names:
        words = fold(name).split()
        if words and any(_name_matches(q, words) for q in queries):
            out.append(name)
    return out
