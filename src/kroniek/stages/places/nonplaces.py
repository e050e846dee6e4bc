"""Capitalised names that are not places though the gazetteer knows them: adjectives and
inhabitant nouns, clubs in sports reporting, and the first or last names of people the
article names in full (step 1 of `kroniek.places.v1`, after recognition proper)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from kroniek.doc import Doc, Token
from kroniek.gazetteer import SqliteGazetteer, fold
from kroniek.stages.places.lexicon import PARTICLE, Lexicon, Mention, is_strong, prev_words

__all__ = ["SPORT_ARTICLE", "after_adjective", "is_adjective", "is_facility", "known_head", "proper_nouns", "without_clubs",
           "without_persons"]


def proper_nouns(doc: Doc, start: int, end: int) -> bool:
    """Whether the tagger read every word of a span as a proper name (or particle): not a
    headline run such as "Amsterdam Parkeervergunning" tagged PER. Untagged text (English
    in fast mode) passes."""
    k = bisect_left(doc.tokens, start, key=_token_start)
    tags = []
    while k < len(doc.tokens) and doc.tokens[k].end <= end:
        tags.append(doc.tokens[k].upos)
        k += 1
    return bool(tags) and all(t in {"PROPN", "ADP", "DET", ""} for t in tags)


def _token_start(token: Token) -> int:
    return token.start


def without_persons(text: str, out: list[Mention], doc: Doc, gaz: SqliteGazetteer,
                     lex: Lexicon) -> list[Mention]:  # fmt: skip
    """A lone word that is the first or last name of a person the article names in full
    ("Ben Damen" ... "bleek Ben er ook mee bezig") is that person, not a place, when the
    gazetteer knows it only by an alternate name of a place (Bern's "Ben") and no locative
    preposition precedes it. A place's own name stays a place: on LGL tune, dropping those
    too cost recall 0.744 -> 0.734 (the English model tags many small towns PER)."""
    persons = set()
    for e in doc.entities:
        words = [w for w in e.text.split() if not PARTICLE.fullmatch(w)]
        if e.label == "PER" and len(words) >= 2 and proper_nouns(doc, e.start, e.end):
            persons |= {words[0].lower(), words[-1].lower()}
    if not persons:
        return out

    def person(m: Mention) -> bool:
        if m.text.lower() not in persons or m.source in {"seat", "abbreviation"}:
            return False
        prev = [w.lower() for w in prev_words(text, m.start, 1)]
        return not (prev and prev[-1] in lex.locative) and not any(
            c.match == "name" or _country_or_region(c.feature_code)
            for c in gaz.lookup(m.text, variants=False))  # fmt: skip

    return [m for m in out if not person(m)]


def _country_or_region(code: str) -> bool:
    """A country, first-level region or continent: never a person's name or a club."""
    return code.startswith("PCL") or code in {"ADM1", "CONT"}


# Distinct sport words (`Lexicon.sport_words`) that make an article sports reporting: at
# least this many (checked on the Dutch places check and LGL tune).
SPORT_ARTICLE = 3


def without_clubs(text: str, out: list[Mention], gaz: SqliteGazetteer,
                   lex: Lexicon) -> list[Mention]:  # fmt: skip
    """In sports reporting, a town's name after "tegen"/"against" names the club ("speelt
    tegen Heerenveen"), and so does every other mention of that name in the article
    ("het treffen met Heerenveen") except after a locative preposition ("in", "naar";
    not "bij": `Lexicon.club_membership`). A country or first-level
    region is never taken for a club (national teams and where they play stay)."""
    clubs = set()
    for m in out:
        prev = [w.lower() for w in prev_words(text, m.start, 1)]
        if (prev and prev[-1] in lex.club_before and m.source not in {"seat", "abbreviation"}
                and " " not in m.text.strip() and not any(
                    _country_or_region(c.feature_code) for c in gaz.lookup(m.text, variants=False))):  # fmt: skip
            clubs.add(fold(m.text))
    if not clubs:
        return out
    where = lex.locative - lex.club_membership
    return [m for m in out if fold(m.text) not in clubs
            or (prev_words(text, m.start, 1)[-1:] or [""])[0].lower() in where]  # fmt: skip


def is_adjective(name: str, gaz: SqliteGazetteer, lex: Lexicon) -> bool:
    """Whether a capitalised word is an adjective or inhabitant noun made from a place name
    ("Koerdische", "Russische", "Oekraïners": `Lexicon.adjective_endings`), which the
    gazetteer does not know by that very name."""
    low = name.lower()
    return (" " not in name and low.endswith(lex.adjective_endings) and bool(lex.adjective_endings)
            and not gaz.lookup(name, variants=False))  # fmt: skip


# Endings of names the gazetteer does not know that make them a building, not a place to
# map: English last words and Dutch compounds ("Brinktoren", "Erasmusgebouw"). Issue #13:
# the places stage put "Brinktoren" in the province of Overijssel.
_FACILITY_ENDINGS = (
    "toren", "torens", "flat", "gebouw", "kerk", "moskee", "synagoge", "school", "college",
    "ziekenhuis", "kliniek", "kazerne", "gevangenis", "paleis", "museum", "station", "stadion",
    "hotel", "theater", "plein", "straat", "gracht", "kade",
    "house", "restaurant", "mall", "centre", "center", "store", "shop", "tower", "building",
    "church", "mosque", "hospital", "prison", "palace", "stadium",
)


def is_facility(name: str) -> bool:
    """Whether an unknown name's last word is (or ends in) a building or street word."""
    words = name.split()
    return bool(words) and len(words[-1]) > 3 and words[-1].lower().endswith(_FACILITY_ENDINGS)


def known_head(text: str, s: int, e: int, gaz: SqliteGazetteer, *, cue: bool) -> tuple[int, int]:
    """For a name the gazetteer does not know, the well-known place its first words name: a
    district of it ("Amsterdam-Noord", "Rotterdam Zuid"), or, after a locative preposition
    (`cue`), a place the recogniser ran together with the next name ("tijdens een
    demonstratie in Amsterdam Baudet met de dood bedreigde"), the rest unknown or a part of
    it ("in Rotterdam-Feijenoord"). The whole span when there is none ("Noord-Limburg"
    stays)."""
    name = text[s:e]
    if gaz.lookup(name):
        return s, e
    words = list(re.finditer(r"[^\s-]+", name))
    for k in range(len(words) - 1, 0, -1):
        head_end = s + words[k - 1].end()
        tail = text[s + words[k].start() : e]
        head = text[s:head_end]
        found = gaz.lookup(head, variants=False)
        if _DISTRICT.fullmatch(head) or not is_strong(found):
            continue
        if _DISTRICT.fullmatch(tail) or (cue and tail[:1].isupper() and _inside(gaz.lookup(tail), found)):
            return s, head_end
    return s, e


# Parts of a city named after it ("Amsterdam-Noord", "Rotterdam Zuid", "Utrecht-Centrum").
_DISTRICT = re.compile(r"(?:noord|zuid|oost|west|centrum|zuidoost|zuidwest|noordoost|noordwest|"
                       r"nieuw-west|binnenstad|north|south|east|west|central|downtown)", re.IGNORECASE)


def _inside(tail: list[Any], head: list[Any]) -> bool:
    """Whether a name is unknown or names something within 30 km of the head's best entry."""
    if not tail:
        return True
    top = max(head, key=lambda c: c.population)
    return any(abs(c.lat - top.lat) < 0.27 and abs(c.lon - top.lon) < 0.45 for c in tail)


def after_adjective(text: str, s: int, e: int, gaz: SqliteGazetteer, lex: Lexicon) -> int:
    """Where the place begins in a name that a place's adjective opens ("het
    Nieuw-Zeelandse Christchurch", "het Syrische Aleppo", tagged as one organisation by
    the recogniser): after the adjective when the rest is a well-known place in the
    adjective's country; else `s`."""
    from kroniek.stages.events.actors import demonym  # the demonym table is the actors'

    m = re.match(r"\S+\s+", text[s:e])
    if m is None or not m.group().strip().lower().endswith(lex.adjective_endings):
        return s
    dem = demonym(m.group().strip(), lex.lang)
    rest = text[s + m.end() : e]
    found = gaz.lookup(rest, variants=False) if dem and rest[:1].isupper() else []
    # the place lies in the adjective's country ("de Turkse Aksu" is no town in China)
    return s + m.end() if is_strong(found) and any(c.country_code == dem[0] for c in found) else s  # type: ignore[index]
