"""What the places modules share: the language's lexicon, the mention record, the words
around a mention, and what makes a name strong enough to be a place on its own."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

from kroniek.gazetteer import Candidate, fold

__all__ = ["CITY_NOUNS", "MIN_POPULATION_PLAIN", "PARTICLE", "REGION_NOUNS", "STRONG_POPULATION",
           "STRONG_REGION_POPULATION", "TITLES", "Lexicon", "Mention", "is_strong", "lexicon",
           "next_words", "prev_words"]  # fmt: skip


@dataclass(slots=True)
class Lexicon:
    function_words: frozenset[str]
    locative: frozenset[str]
    relative: re.Pattern[str]
    border: frozenset[str]
    speech_verbs: frozenset[str]
    metonym_preps: frozenset[str]
    seats: dict[str, str]
    abbreviations: dict[str, str]
    never: frozenset[str]
    not_place_next: frozenset[str]
    org_heads: frozenset[str]
    lang: str = ""
    adjective_endings: tuple[str, ...] = ()
    sport_words: frozenset[str] = frozenset()
    club_before: frozenset[str] = frozenset()
    club_membership: frozenset[str] = frozenset()
    wide_regions: frozenset[str] = frozenset()  # folded names of regions wider than a country


@cache
def lexicon(lang: str) -> Lexicon:
    mod: ModuleType = importlib.import_module(f"kroniek.lang.{lang}.places")
    rel = "|".join(f"(?:{p})" for p in mod.RELATIVE_PATTERNS)
    return Lexicon(
        mod.FUNCTION_WORDS, mod.LOCATIVE_PREPOSITIONS,
        re.compile(rf"(?:^|\s)(?:{rel})(?:\s+(?:de|het|the))?\s*$", re.IGNORECASE),
        mod.BORDER_WORDS, mod.SPEECH_VERBS, mod.METONYM_PREPOSITIONS, mod.SEATS_OF_POWER,
        mod.ABBREVIATIONS, mod.NEVER_PLACES, mod.NOT_PLACE_NEXT, mod.ORGANISATION_HEADS, lang,
        tuple(getattr(mod, "ADJECTIVE_ENDINGS", ())), frozenset(getattr(mod, "SPORT_WORDS", ())),
        frozenset(getattr(mod, "CLUB_BEFORE", ())), frozenset(getattr(mod, "CLUB_MEMBERSHIP", ())),
        frozenset(fold(w) for w in getattr(mod, "WIDE_REGIONS", ())),
    )  # fmt: skip


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    entity: str | None = None
    source: str = "gazetteer"  # entity | gazetteer | context | seat | abbreviation | dateline
    cands: list[Candidate] = field(default_factory=list)
    seat: str | None = None  # country code of a seat-of-power noun
    relative: str = ""  # the relative phrase before it ("ten zuiden van")
    part: str = ""  # "Noord" of "Noord-Engeland": the mention is part of the place found
    scores: list[float] = field(default_factory=list)
    best: int = -1


# Unambiguous enough to be a place on its own (tuned on LGL/GeoVirus): countries and
# first-level regions, or a populated place at least this large.
STRONG_POPULATION = 100_000
# A lone capitalised word without a place cue must name a place at least this large
# (tuned on LGL/GeoVirus: smaller matches were mostly surnames and common words).
MIN_POPULATION_PLAIN = 1_000
# First-level regions smaller than this (Manx parishes, tiny island states) are not strong
# evidence on their own: "Michael" was a false positive on LGL.
STRONG_REGION_POPULATION = 50_000
TITLES = frozenset(["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "st", "lt", "sgt", "gen", "col", "capt", "prof", "heer", "mevrouw", "president", "minister", "premier", "koning", "koningin"])  # fmt: skip


def is_strong(cands: list[Candidate]) -> bool:
    # Only by a main or localized name: alternate names of big places are often words
    # ("Drug" for Durg, "Human" for Uman on GeoVirus).
    return any(c.match == "name" and (
        c.feature_code in {"PCLI", "CONT"}
        or c.feature_code == "ADM1" and c.population >= STRONG_REGION_POPULATION
        or c.feature_class == "P" and c.population >= STRONG_POPULATION) for c in cands)  # fmt: skip


# Particles inside person names ("Dave van Gijn", "Patricia de Lille").
PARTICLE = re.compile(r"van|de|der|den|ter|te|von|da|di|le|la|du|del|bin|al|el")
_PREV_WORD = re.compile(r"[\w’'.]+")
_NEXT_WORD = re.compile(r"[\w’']+")
_CLAUSE_END = re.compile(r"[.,;:!?„“”\"()]")


def prev_words(text: str, start: int, n: int = 3) -> list[str]:
    return _PREV_WORD.findall(text, max(0, start - 60), start)[-n:]


def next_words(text: str, end: int, n: int = 6) -> list[str]:
    stop = _CLAUSE_END.search(text, end, end + 80)
    return _NEXT_WORD.findall(text, end, stop.start() if stop else min(len(text), end + 80))[:n]



CITY_NOUNS = frozenset(["stad", "dorp", "plaats", "gemeente", "hoofdstad", "city", "town", "village", "capital"])
REGION_NOUNS = frozenset(["regio", "provincie", "oblast", "gebied", "region", "province", "state"])
