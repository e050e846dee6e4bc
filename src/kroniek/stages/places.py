"""Stage `kroniek.places.v1`: toponyms recognised, resolved to GeoNames, never dropped.

Steps, in order:

1. **Recognise** (`find_mentions`): LOC entities; ORG/MISC/PER entities whose whole text is
   a country, region or large city; seats of power ("het Kremlin"); and, as a path of its
   own, runs of capitalised words that the gazetteer knows (longest match first), filtered
   by the language's function words, sentence position, lower-case use elsewhere in the
   article and neighbouring capitalised words. Unknown capitalised words right after a
   locative preposition or joined to a known place ("rondom X en Y") are kept too.
2. **Resolve** (`resolve_mentions`): each candidate gets a prior (population, feature
   class, how the name matched), then context — the article's focus countries and regions
   (votes of all mentions), closeness to the other places, "the city"/"the region" nouns —
   in two rounds; one name gets one place per article.
3. **Metonymy** (`mark_metonyms`): a capital or seat of government, or a seat-of-power
   noun, that speaks, decides or wants ("Kyiv wil", "zegt Moskou", "volgens Moskou") gets
   role `metonym` and a note.
4. **Fallback** (`fallback_region`): a toponym the gazetteer lacks gets the region of the
   nearest resolved place that is a location (not a metonym, not the reference point of
   "ten zuiden van X"), precision `region` (or `country`), and a note saying so.
"""

from __future__ import annotations

import importlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Any

from kroniek.doc import Doc, Place
from kroniek.gazetteer import Candidate, SqliteGazetteer, fold, load_gazetteer
from kroniek.pipeline import register_stage

__all__ = ["Lexicon", "Mention", "PlacesStage", "find_mentions", "lexicon", "resolve_mentions"]


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


@cache
def lexicon(lang: str) -> Lexicon:
    mod: ModuleType = importlib.import_module(f"kroniek.lang.{lang}.places")
    rel = "|".join(f"(?:{p})" for p in mod.RELATIVE_PATTERNS)
    return Lexicon(
        mod.FUNCTION_WORDS, mod.LOCATIVE_PREPOSITIONS,
        re.compile(rf"(?:^|\s)(?:{rel})(?:\s+(?:de|het|the))?\s*$", re.IGNORECASE),
        mod.BORDER_WORDS, mod.SPEECH_VERBS, mod.METONYM_PREPOSITIONS, mod.SEATS_OF_POWER,
        mod.ABBREVIATIONS, mod.NEVER_PLACES, mod.NOT_PLACE_NEXT, mod.ORGANISATION_HEADS,
    )  # fmt: skip


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    entity: str | None = None
    source: str = "gazetteer"  # entity | gazetteer | context | seat | abbreviation
    cands: list[Candidate] = field(default_factory=list)
    seat: str | None = None  # country code of a seat-of-power noun
    relative: str = ""  # the relative phrase before it ("ten zuiden van")
    part: str = ""  # "Noord" of "Noord-Engeland": the mention is part of the place found
    scores: list[float] = field(default_factory=list)
    best: int = -1


# -- recognition ------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ\u0400-\u042f\u0490\u0404\u0406\u0407"
_WORD = rf"(?:(?:[A-Z]\.){{2,}}|(?:St|Mt|Ft|Pt)\.|[{_UPPER}][\w'’.\-]*[\w]|[{_UPPER}])"
_CONNECT = (r"(?:of(?: the)?|van(?: de| der| den| het)?|de|la|le|du|des|del|da|do|upon|on|am|"
            r"an|aan|op|den|der|sur|en|y)")
_CONNECT_RE = re.compile(_CONNECT)
_RUN = re.compile(rf"{_WORD}(?:\s+(?:{_CONNECT}\s+)?{_WORD})*")
_WORDS = re.compile(rf"{_WORD}|\b{_CONNECT}\b")
_MAX_NGRAM = 5
# Unambiguous enough to be a place on its own (tuned on LGL/GeoVirus): countries and
# first-level regions, or a populated place at least this large.
STRONG_POPULATION = 100_000
# A lone capitalised word without a place cue must name a place at least this large
# (tuned on LGL/GeoVirus: smaller matches were mostly surnames and common words).
MIN_POPULATION_PLAIN = 1_000
# First-level regions smaller than this (Manx parishes, tiny island states) are not strong
# evidence on their own: "Michael" was a false positive on LGL.
STRONG_REGION_POPULATION = 50_000
_TITLES = frozenset(["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "st", "lt", "sgt", "gen", "col", "capt", "prof", "heer", "mevrouw", "president", "minister", "premier", "koning", "koningin"])  # fmt: skip


def _is_strong(cands: list[Candidate]) -> bool:
    # Only by a main or localized name: alternate names of big places are often words
    # ("Drug" for Durg, "Human" for Uman on GeoVirus).
    return any(c.match == "name" and (
        c.feature_code in {"PCLI", "CONT"}
        or c.feature_code == "ADM1" and c.population >= STRONG_REGION_POPULATION
        or c.feature_class == "P" and c.population >= STRONG_POPULATION) for c in cands)  # fmt: skip


def _prev_words(text: str, start: int, n: int = 3) -> list[str]:
    return re.findall(r"[\w’'.]+", text[max(0, start - 60) : start])[-n:]


def _next_words(text: str, end: int, n: int = 6) -> list[str]:
    tail = re.split(r"[.,;:!?„“”\"()]", text[end : end + 80], maxsplit=1)[0]
    return re.findall(r"[\w’']+", tail)[:n]


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t„“\"'‘(")
    return not before or before[-1] in ".!?:\n" or before.endswith("\n")


def find_mentions(doc: Doc, gaz: SqliteGazetteer, lex: Lexicon) -> list[Mention]:
    """Toponym mentions of the document, in text order, without overlaps."""
    text = doc.text
    out: list[Mention] = []
    claimed = _Spans(len(text))
    lower_words = {w for w in re.findall(r"\b[a-zà-ÿ]+\b", text)}
    runs = list(_RUN.finditer(text))
    names = _name_words(runs, text, gaz, lex)
    for e in doc.entities:
        for s, end in _entity_parts(text, e.start, e.end):
            name = text[s:end]
            if _after_org_head(text, s, lex):
                claimed.add(s, end)
                continue
            if e.label == "LOC":
                s, end = _known_suffix(text, s, end, gaz)
                if _loc_entity_is_place(text, s, end, gaz, lex):
                    out.append(_entity_mention(text, s, end, e.id, gaz, lex))
                    claimed.add(s, end)
            elif _entity_is_place(name, e.label, text, s, gaz):
                out.append(_entity_mention(text, s, end, e.id, gaz, lex))
                claimed.add(s, end)
            elif e.label == "PER" and not (len(name.split()) >= 2 and gaz.has_name(name)) and (
                    len(name.split()) >= 2 or name.lower() in names):  # fmt: skip
                # A person's full name, or a surname the article gives in full elsewhere;
                # other entities stay open to the gazetteer (the English model tags many
                # small US towns as PER or ORG on LGL).
                claimed.add(s, end)
    for run in runs:
        out.extend(_scan_run(text, run.start(), run.group(), gaz, lex, claimed,
                             (lower_words, names)))
    out.sort(key=lambda m: m.start)
    _add_coordinated(text, out, claimed, lex, lower_words)
    out.sort(key=lambda m: m.start)
    return out


def _name_words(runs: list[re.Match[str]], text: str, gaz: SqliteGazetteer,
                lex: Lexicon) -> set[str]:  # fmt: skip
    """Lower-cased words of person-like names: the words of two- or three-word capitalised
    runs that are not places as a whole and whose last word is no place, and capitalised
    words followed by a verb of speaking ("Brown said"). A lone "Brown" later on is then
    the person again, not Brown County (tuned on LGL, where surnames were the main false
    positives)."""
    out: set[str] = set()
    for run in runs:
        words = run.group().split()
        if (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
                and not gaz.has_name(run.group())):  # fmt: skip
            # A place heads names of papers and firms ("Watertown Daily Times"); persons
            # end with the name shared with a place ("John Brown").
            first = words[0]
            skip = first if any(c.population >= MIN_POPULATION_PLAIN or c.feature_class == "A"
                                for c in gaz.lookup(first, variants=False)) else ""  # fmt: skip
            out.update(w.lower() for w in words
                       if w != skip and w.lower() not in lex.function_words)  # fmt: skip
        nxt = _next_words(text, run.end(), 1)
        if (len(words) == 1 and nxt and nxt[0] in {"said", "says", "zei", "zegt", "told"}
                and not _is_strong(gaz.lookup(words[0], variants=False))):  # fmt: skip
            out.add(words[0].lower())
    return out


_PUNCT_EDGE = re.compile(r"^[^\w]+|[^\w.]+$|(?<=\w)\.$")
_COORD_SPLIT = re.compile(r"\s+(?:en|and|of|or)\s+|\s*[,/]\s*")


def _entity_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The entity span without edge punctuation, split at "en"/"and"/commas ("Popovka en
    Demidovka" tagged as one entity is two places)."""
    span = text[start:end]
    lead = len(span) - len(span.lstrip("„“”\"'‘’«»()[]-–— "))
    core = span.strip("„“”\"'‘’«»()[]-–— ,;:!?")
    if core.endswith(".") and not re.search(r"(?:\b[A-Z][a-z]{0,3}|[A-Z])\.$", core):
        core = core.rstrip(".")  # a full stop, not the dot of "U.S." or "Kan."
    if not core:
        return []
    s0 = start + lead
    parts, pos = [], 0
    for m in _COORD_SPLIT.finditer(core):
        parts.append((s0 + pos, s0 + m.start()))
        pos = m.end()
    parts.append((s0 + pos, s0 + len(core)))
    return [(a, b) for a, b in parts if b > a and text[a:b][:1].isupper()]


def _known_suffix(text: str, s: int, e: int, gaz: SqliteGazetteer) -> tuple[int, int]:
    """The longest capitalised tail of an entity the gazetteer knows ("Siberische stad
    Soergoet" → "Soergoet"); the whole span when no tail is known."""
    if gaz.lookup(text[s:e]):
        return s, e
    for m in re.finditer(r"\s+", text[s:e]):
        tail = s + m.end()
        before = text[s : s + m.start()].split()[-1]
        if before.islower() and text[tail : tail + 1].isupper() and gaz.lookup(text[tail:e]):
            return tail, e  # after a common noun only: not "Agence France", "West Nile"
    return s, e


def _has_cue(text: str, s: int, lex: Lexicon) -> bool:
    """A locative preposition, relative phrase or place noun right before `s`."""
    prev = [w.lower() for w in _prev_words(text, s, 2)]
    if prev and (prev[-1] in lex.locative or prev[-1] in _CITY_NOUNS or prev[-1] in _REGION_NOUNS):
        return True
    return bool(lex.relative.search(text[max(0, s - 60) : s]))


def _loc_entity_is_place(text: str, s: int, e: int, gaz: SqliteGazetteer, lex: Lexicon) -> bool:
    """A LOC entity is a place when the gazetteer knows it as a town of some size, a region
    or a seat of power, or when the context says so ("in X", "rondom X"): the NER model
    alone also tags words such as "Vagevuur" or "Joden" (seen on Dutch news)."""
    name = text[s:e]
    if fold(name) in lex.seats or name in lex.abbreviations:
        return True
    low = name.lower()
    prev = [w.lower().strip(".") for w in _prev_words(text, s, 1)]
    nxt = _next_words(text, e, 1)
    if (low in lex.function_words or low in lex.never or (prev and prev[0] in _TITLES)
            or (nxt and (nxt[0] in lex.not_place_next or nxt[0] in lex.org_heads))
            or text[e : e + 1] == "$" or _is_demonym(name, gaz)):  # fmt: skip
        return False
    cands = gaz.lookup(name)
    if any(c.match == "name" and (c.feature_class == "A" or c.population >= MIN_POPULATION_PLAIN)
           for c in cands):  # fmt: skip
        return True
    if not cands and (any(ch.isdigit() for ch in name) or (name.isupper() and len(name) <= 5)
                      or name.split()[-1].lower() in lex.org_heads | _FACILITIES
                      or re.search(r"['’](?:ve|ll|re|m|d)\b", name)):  # fmt: skip
        return False  # codes (H1N1, TB), buildings and institutions, contractions
    return _has_cue(text, s, lex)


# Last words of unknown names that are buildings, not places to map (GeoVirus tuning).
_FACILITIES = frozenset("house hotel restaurant mall centre center store shop".split())


def _entity_mention(text: str, s: int, e: int, eid: str, gaz: SqliteGazetteer,
                    lex: Lexicon) -> Mention:  # fmt: skip
    m = _match_span(text, s, e, gaz, lex)
    if m is None or m.source == "gazetteer":
        m = Mention(s, e, text[s:e], source="entity")
    m.entity = eid
    return m


def _entity_is_place(name: str, label: str, text: str, start: int, gaz: SqliteGazetteer) -> bool:
    if label == "PER" and (len(name.split()) > 1 or
                           any(w.lower().strip(".") in _TITLES for w in _prev_words(text, start, 1))):  # fmt: skip
        return False
    return gaz.has_name(name) and _is_strong(gaz.lookup(name, variants=False))


class _Spans:
    """Character ranges already taken, as a mask (fast overlap tests)."""

    def __init__(self, n: int) -> None:
        self.mask = bytearray(n)

    def add(self, s: int, e: int) -> None:
        self.mask[s:e] = b"\x01" * (e - s)

    def copy(self) -> _Spans:
        other = _Spans(0)
        other.mask = bytearray(self.mask)
        return other


def _overlaps(spans: _Spans, s: int, e: int) -> bool:
    return spans.mask.find(1, s, e) != -1


def _scan_run(text: str, offset: int, run: str, gaz: SqliteGazetteer, lex: Lexicon,
              claimed: _Spans,
              words_seen: tuple[set[str], set[str]]) -> list[Mention]:  # fmt: skip
    words = [(offset + m.start(), offset + m.end(), m.group()) for m in _WORDS.finditer(run)]
    out: list[Mention] = []
    i = 0
    while i < len(words):
        if _CONNECT_RE.fullmatch(words[i][2]):
            i += 1
            continue
        for j in range(min(len(words), i + _MAX_NGRAM), i, -1):
            s, e = words[i][0], words[j - 1][1]
            if _CONNECT_RE.fullmatch(words[j - 1][2]) or _overlaps(claimed, s, e):
                continue
            m = _match_span(text, s, e, gaz, lex)
            if m is None:
                continue
            if _keep(m, text, words, i, j, gaz, lex, words_seen):
                out.append(m)
            i = j - 1
            break
        i += 1
    return out


def _match_span(text: str, s: int, e: int, gaz: SqliteGazetteer, lex: Lexicon) -> Mention | None:
    name = text[s:e]
    if name.endswith(("’s", "'s")):
        e -= 2
        name = name[:-2]
    if text[e : e + 1] == "." and name + "." in lex.abbreviations:
        e, name = e + 1, name + "."
    if name in lex.abbreviations:
        return Mention(s, e, name, source="abbreviation")
    seat = lex.seats.get(fold(name))
    if seat:
        return Mention(s, e, name, source="seat", seat=seat)
    if len(name) > 1 and gaz.has_name(name):
        return Mention(s, e, name)
    return None


ORG_HEAD_WINDOW = 1  # words after a name searched for an organisation's head (GeoVirus FPs)
_ORG_OF = re.compile(r"\b([A-Z]\w+)\s+(?:of|van)(?:\s+the|\s+de|\s+het)?\s+$")


def _after_org_head(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the name at `start` completes an organisation's name ("University of X")."""
    head = _ORG_OF.search(text[max(0, start - 40) : start])
    return head is not None and head.group(1).lower() in lex.org_heads


def _keep(m: Mention, text: str, words: list[tuple[int, int, str]], i: int, j: int,
          gaz: SqliteGazetteer, lex: Lexicon,
          words_seen: tuple[set[str], set[str]]) -> bool:  # fmt: skip
    if text[m.end : m.end + 1] == "$" or text[max(0, m.start - 1) : m.start] == "$":
        return False  # a currency (US$, $US)
    if any(w[2].lower() in lex.org_heads for w in words[j : j + ORG_HEAD_WINDOW]):
        return False  # inside an organisation's name ("United States Department of ...",
        # "Michigan State University", "Buffalo Science Magnet School")
    if _after_org_head(text, m.start, lex):
        return False  # "University of Georgia", "Universiteit van Amsterdam"
    if m.source != "gazetteer":
        return True
    if re.match(r",\s*\d{1,3}\s*,", text[m.end : m.end + 8]):
        return False  # "Campbell, 42, ...": a person with an age
    if len(words) == 2 and j - i == 1 and not gaz.has_name(words[1 - i][2]) and not any(
        c.feature_code in {"PCLI", "CONT", "ADM1"} for c in gaz.lookup(m.text, variants=False)
    ):  # fmt: skip
        return False  # "Nelson Mandela", "Agent Orange": half of a name that is no place
    if re.search(r"['’](?:ve|ll|re|m|d|s)$", m.text):
        return False  # "I've"
    lower_words, name_words = words_seen
    prev = [w.lower() for w in _prev_words(text, m.start, 2)]
    cue = bool(prev) and prev[-1] in lex.locative
    low = m.text.lower()
    nxt = _next_words(text, m.end, 1)
    if nxt and (nxt[0] in lex.not_place_next or nxt[0].lower().endswith("virus")):
        return False  # "Marburg virus", "Reston ebolavirus": named after, not located at
    if text[m.start - 1 : m.start] == "/" and text[m.end : m.end + 1] == "/":
        return False  # a virus strain ("A/California/7/2009")
    if j - i == 1:
        if low in lex.never or (low in lex.function_words and not (cue and len(low) > 3)):
            return False
        if low in lower_words and not cue:
            return False  # used as a common word elsewhere in the article
        if m.text.isupper() and len(m.text) <= 5:
            return False  # acronyms (FDA, UN) unless listed as abbreviations
        if _is_demonym(m.text, gaz):
            return False  # "Canadian", "Somali": of a country, not the town of that name
    if j - i >= 2:  # a multi-word gazetteer name ("Laurel County" in "Laurel County Jail")
        return not _is_demonym(m.text, gaz)
    if prev and prev[-1].strip(".") in _TITLES:
        return False
    cands = gaz.lookup(m.text, variants=False)
    strong = _is_strong(cands)
    if j - i == 1 and low in name_words and not (strong or cue):
        return False  # a person named earlier ("John Brown" ... "Brown")
    # Part of a longer capitalised name ("Chiquita Henry", "Henry Smith"): only strong names.
    if (i > 0 or j < len(words)) and not strong:
        return False
    if _sentence_initial(text, m.start) and j - i == 1 and not (strong or cue):
        return False
    return cue or strong or max((c.population for c in cands), default=0) >= MIN_POPULATION_PLAIN


_DEMONYM = re.compile(r"(?:ians?|ans?|ese|ish|is|i)$")


def _is_demonym(word: str, gaz: SqliteGazetteer) -> bool:
    """Whether a word is the adjective or demonym of a country or region: its stem, with
    a restored ending, names one (Canad-ian → Canada, Somali → Somalia, Dutch excluded)."""
    m = _DEMONYM.search(word)
    if m is None or _is_strong(gaz.lookup(word, variants=False)):
        return False
    stems = {word + "a"}
    stem = word[: m.start()]
    stems |= {stem, stem + "a", stem + "ia", stem + "y", stem + "e", stem + "o"}
    return any(
        len(st) >= 3 and gaz.has_name(st)
        and any(c.feature_code in {"PCLI", "ADM1", "CONT"} for c in gaz.lookup(st, variants=False))
        for st in stems if st != word
    )  # fmt: skip


def _add_coordinated(text: str, out: list[Mention], claimed: _Spans,
                     lex: Lexicon, lower_words: set[str]) -> None:  # fmt: skip
    """Unknown capitalised words that the context makes places.

    After a relative phrase ("rondom X", "near X"), or after a locative preposition when
    joined to another capitalised word ("bij X en Y"), both are kept.
    """
    taken = claimed.copy()
    for m in out:
        taken.add(m.start, m.end)
    cap = rf"[{_UPPER}][\w’'\-]+"
    pat = re.compile(rf"\b({'|'.join(sorted(lex.locative))})\s+({cap})"
                     rf"(?:\s+(?:en|and|or|of)\s+({cap}))?")  # fmt: skip
    for mt in pat.finditer(text):
        found = [mt.span(k) for k in (2, 3) if mt.group(k)]
        relative = bool(lex.relative.search(text[max(0, mt.start() - 60) : mt.end(1)]))
        if len(found) < 2 and not relative:
            continue
        for s, e in found:
            word = text[s:e]
            low = word.lower()
            nxt = _next_words(text, e, 1)
            if (_overlaps(taken, s, e) or low in lex.function_words or low in lower_words
                    or low in lex.never or word.isupper() or _sentence_initial(text, s)
                    or (nxt and (nxt[0] in lex.org_heads or nxt[0][:1].isupper()))):  # fmt: skip
                continue
            out.append(Mention(s, e, word, source="context"))
            taken.add(s, e)


# -- resolution -------------------------------------------------------------------------

# Prior weights, tuned on LGL and GeoVirus (both tuning data): a country or first-level
# region beats a same-named town; seats of government are the default reading of a
# capital's name; second-level regions lose to the town they are named after unless the
# mention says "County"; alternate-name and spelling-variant matches cost a little.
FEATURE_BONUS = {"CONT": 4.0, "PCLI": 4.0, "ADM1": 2.5, "PPLC": 1.0, "PPLG": 1.5, "PPLA": 1.0,
                 "PPLA2": 0.5, "ADM2": -0.5, "PPLX": -1.0, "PPLH": -2.0}  # fmt: skip
MATCH_COST = {"name": 0.0, "alt": 0.3, "variant": 2.0}
POPULATION_WEIGHT = 1.0  # × log10(population + 1)
COUNTRY_WEIGHT = 6.0  # × share of the other mentions voting for the country
ADMIN1_WEIGHT = 8.0  # × share voting for the first-level region (grid-searched on LGL)
NEAR_KM, NEAR_BONUS = 150.0, 3.0  # another place of the article within this distance (LGL)
_CITY_NOUNS = frozenset(["stad", "dorp", "plaats", "gemeente", "hoofdstad", "city", "town", "village", "capital"])
_REGION_NOUNS = frozenset(["regio", "provincie", "oblast", "gebied", "region", "province", "state"])


_PART_OF = re.compile(
    r"^((?:noord|zuid|oost|west|midden|centraal|north|south|east|west|central)(?:-?(?:oost|"
    r"west|east))?(?:ern|elijk|e)?)[- ]+(\w.*)$", re.IGNORECASE,
)
MAX_CANDIDATES = 30  # the most populous readings of a name are kept (speed)


def _candidates(m: Mention, gaz: SqliteGazetteer, lex: Lexicon) -> list[Candidate]:
    if m.source == "abbreviation":
        code = lex.abbreviations[m.text].split(".")
        c = gaz.country(code[0]) if len(code) == 1 else gaz.admin1(code[0], code[1])
        return [c] if c else []
    if m.seat:
        c = gaz.capital(m.seat)
        return [c] if c else []
    name = re.sub(r"^(?:the|de|het)\s+", "", m.text, flags=re.IGNORECASE)
    cands = gaz.lookup(name, variants=m.source in {"entity", "context"})
    part = _PART_OF.match(name)
    if not cands and part:  # "Noord-Engeland", "Eastern Ukraine": a part of a known place
        cands = gaz.lookup(part.group(2), variants=False)
        m.part = part.group(1)
    if len(cands) > MAX_CANDIDATES:
        cands = sorted(cands, key=lambda c: -c.population)[:MAX_CANDIDATES]
    return cands


def _prior(c: Candidate, m: Mention, prev: str) -> float:
    score = POPULATION_WEIGHT * math.log10(c.population + 1) + FEATURE_BONUS.get(c.feature_code, 0.0)
    score -= MATCH_COST[c.match]
    if prev in _CITY_NOUNS and c.feature_class == "P" or prev in _REGION_NOUNS and c.feature_class == "A":
        score += 3.0
    return score


def _city_over_region(priors: list[float], cands: list[Candidate]) -> list[float]:
    """A region named after its city ("Kyiv City", a county around its seat) yields to the
    city when both are candidates within `CITY_REGION_KM` of each other; a region that
    shares its name with a national capital yields to the capital ("Washington")."""
    towns = [c for c in cands if c.feature_class == "P"]
    capital = any(t.feature_code == "PPLC" for t in towns)
    return [p - 3.0 if c.feature_code.startswith("ADM") and (capital or any(
        t.country_code == c.country_code and _distance_km(t, c) < CITY_REGION_KM for t in towns
    )) else p for p, c in zip(priors, cands, strict=True)]  # fmt: skip


CITY_REGION_KM = 40.0

# "Dublin, Ohio", "Paris (Texas)", "Alexandria, Egypt": a place followed by a region that
# contains one of its readings. Both the contained readings and the containing region's
# reading get this bonus (enough to beat any population prior; checked on LGL).
CONTAIN_BONUS = 6.0
_CONTAIN_GAP = re.compile(r"^\s*(?:,|\()\s*$")


def _contains(region: Candidate, c: Candidate) -> bool:
    if region.feature_class != "A" or region.geonameid == c.geonameid:
        return False
    if region.country_code != c.country_code:
        return False
    if region.feature_code.startswith("PCL"):
        return True
    if region.feature_code == "ADM1":
        return region.admin1 == c.admin1
    return region.feature_code == "ADM2" and (region.admin1, region.admin2) == (c.admin1, c.admin2)


def _containment(text: str, mentions: list[Mention], priors: list[list[float]]) -> None:
    """Raise the readings of "X, Region" that lie in the region (see `CONTAIN_BONUS`)."""
    order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
    for i, j in zip(order, order[1:], strict=False):
        m, r = mentions[i], mentions[j]
        if not m.cands or not r.cands or not _CONTAIN_GAP.match(text[m.end : r.start]):
            continue
        hits = [(a, b) for a, c in enumerate(m.cands) for b, reg in enumerate(r.cands)
                if _contains(reg, c)]  # fmt: skip
        for a in {a for a, _b in hits}:
            priors[i][a] += CONTAIN_BONUS
        for b in {b for _a, b in hits}:
            priors[j][b] += CONTAIN_BONUS


def _distance_km(a: Candidate, b: Candidate) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    x = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2)  # fmt: skip
    return 12742.0 * math.asin(min(1.0, math.sqrt(x)))


def resolve_mentions(doc: Doc, mentions: list[Mention], gaz: SqliteGazetteer, lex: Lexicon) -> None:
    """Choose a candidate for every mention that has some (sets `best`, `scores`)."""
    priors: list[list[float]] = []
    for m in mentions:
        m.cands = _candidates(m, gaz, lex)
        prev = (_prev_words(doc.text, m.start, 1) or [""])[-1].lower()
        priors.append(_city_over_region([_prior(c, m, prev) for c in m.cands], m.cands))
    _containment(doc.text, mentions, priors)
    for m, pri in zip(mentions, priors, strict=True):
        m.scores = list(pri)
        m.best = max(range(len(m.cands)), key=m.scores.__getitem__) if m.cands else -1
    borders = gaz.neighbours()
    for _round in range(2):
        countries, admin1s, n = _votes(mentions)
        near_votes = _neighbour_votes(countries, borders)
        chosen = list({c.geonameid: c for c in (m.cands[m.best] for m in mentions if m.best >= 0)
                       if c.feature_code not in _WIDE}.values())  # fmt: skip
        for m, pri in zip(mentions, priors, strict=True):
            if not m.cands:
                continue
            m.scores = [p + _context(c, countries, admin1s, n, chosen, m.cands[m.best])
                        + NEIGHBOUR_WEIGHT * near_votes[c.country_code] / max(n, 1)
                        for c, p in zip(m.cands, pri, strict=True)]  # fmt: skip
            m.best = max(range(len(m.cands)), key=m.scores.__getitem__)
    _one_sense_per_name(mentions)
    _reject_weak_variants(mentions)


# A spelling-variant match to a small place outside the article's regions is more likely
# another village with a similar name than the one meant (checked on the reference
# article's village names and on LGL): such mentions fall back to their region instead.
MIN_POPULATION_VARIANT = 10_000


def _reject_weak_variants(mentions: list[Mention]) -> None:
    """Drop the reading of a small place matched by an alternate or variant spelling when
    nothing else in the article is in its region or within `FAR_KM` of it."""
    _countries, admin1s, _n = _votes(mentions)
    chosen = [m.cands[m.best] for m in mentions if m.best >= 0]
    for m in mentions:
        if m.best < 0:
            continue
        c = m.cands[m.best]
        if (c.match != "name" and c.population < MIN_POPULATION_VARIANT
                and admin1s[(c.country_code, c.admin1)] <= 1
                and not any(o is not c and o.feature_class != "A" and _distance_km(o, c) < FAR_KM
                            for o in chosen)):  # fmt: skip
            m.best = -1


FAR_KM = 300.0


# × share of mentions in countries bordering the candidate's: a town across the border from
# the places an article names ("Gaza" next to Israel and Egypt; villages "net over de
# grens"). Tuned on LGL/GeoVirus.
NEIGHBOUR_WEIGHT = 2.0


def _neighbour_votes(countries: Counter[str], borders: dict[str, frozenset[str]]) -> Counter[str]:
    out: Counter[str] = Counter()
    for cc, votes in countries.items():
        for nb in borders.get(cc, ()):
            out[nb] += votes
    return out


def _votes(mentions: list[Mention]) -> tuple[Counter[str], Counter[tuple[str, str]], int]:
    countries: Counter[str] = Counter()
    admin1s: Counter[tuple[str, str]] = Counter()
    n = 0
    for m in mentions:
        if m.best < 0:
            continue
        c = m.cands[m.best]
        n += 1
        countries[c.country_code] += 1
        if c.admin1 and c.feature_code != "PCLI":
            admin1s[(c.country_code, c.admin1)] += 1
    return countries, admin1s, n


def _context(c: Candidate, countries: Counter[str], admin1s: Counter[tuple[str, str]], n: int,
             chosen: list[Candidate], own: Candidate) -> float:  # fmt: skip
    if n == 0:
        return 0.0
    own_vote = 1 if own.country_code == c.country_code else 0
    score = COUNTRY_WEIGHT * (countries[c.country_code] - own_vote) / n
    own_a1 = 1 if (own.country_code, own.admin1) == (c.country_code, c.admin1) else 0
    score += ADMIN1_WEIGHT * (admin1s[(c.country_code, c.admin1)] - own_a1) / n
    if c.feature_code not in _WIDE and _near(c, own, chosen):
        score += NEAR_BONUS
    return score


_WIDE = frozenset({"PCLI", "CONT", "ADM1"})  # too large to be "near" anything
_NEAR_DEG = NEAR_KM / 111.0


def _near(c: Candidate, own: Candidate, chosen: list[Candidate]) -> bool:
    """Whether another chosen place of the article lies within `NEAR_KM` of `c`."""
    for o in chosen:
        if o.geonameid == own.geonameid or abs(o.lat - c.lat) > _NEAR_DEG:
            continue
        if abs(o.lon - c.lon) * math.cos(math.radians(c.lat)) > _NEAR_DEG:
            continue
        if _distance_km(o, c) < NEAR_KM:
            return True
    return False


def _one_sense_per_name(mentions: list[Mention]) -> None:
    """The same name gets the same place throughout the article (the best-scored reading)."""
    best: dict[str, tuple[float, int]] = {}
    for m in mentions:
        if m.best >= 0:
            key = fold(m.text)
            gid = m.cands[m.best].geonameid
            score = m.scores[m.best]
            if key not in best or score > best[key][0]:
                best[key] = (score, gid)
    for m in mentions:
        if m.best >= 0:
            gid = best[fold(m.text)][1]
            for k, c in enumerate(m.cands):
                if c.geonameid == gid:
                    m.best = k


# -- metonymy ---------------------------------------------------------------------------

_AUXILIARIES = frozenset(["is", "was", "zijn", "waren", "heeft", "had", "hebben", "zal", "zou", "kan", "kon", "moet", "moest", "staat", "stond", "has", "have", "will", "would", "could", "can", "may", "might", "must"])  # fmt: skip
_SUBJECT_STOP = frozenset(["die", "dat", "welke", "who", "which", "that", "en", "and", "maar", "but"])


def _is_capital(c: Candidate, capitals: dict[int, str]) -> bool:
    return c.geonameid in capitals or c.feature_code == "PPLG"


def metonym_reason(doc: Doc, m: Mention, c: Candidate | None, lex: Lexicon,
                   capitals: dict[int, str]) -> str | None:  # fmt: skip
    """Why this mention stands for a government (None when it is a location)."""
    is_seat = m.seat is not None
    is_capital = c is not None and _is_capital(c, capitals)
    if not (is_seat or is_capital):
        return None
    text = doc.text
    prev = [w.lower() for w in _prev_words(text, m.start, 2)]
    nxt = [w.lower() for w in _next_words(text, m.end)]
    what = f"the seat of power of {m.seat}" if is_seat else "a capital"
    if prev and prev[-1] in lex.locative:
        return None
    if prev and prev[-1] in lex.metonym_preps and (prev[-1] != "voor" or nxt[:1] and nxt[0] in _AUXILIARIES):
        return f"{what} used for its government ('{prev[-1]} {m.text}')"
    if prev[-2:] == ["according", "to"]:
        return f"{what} used for its government ('according to {m.text}')"
    if prev and prev[-1] in lex.speech_verbs and prev[-1] not in _AUXILIARIES:
        return f"{what} used for its government (subject of '{prev[-1]}')"
    for w in nxt[:5]:
        if w in _SUBJECT_STOP:
            break
        if w in lex.speech_verbs:
            return f"{what} used for its government (subject of '{w}')"
    return f"{what} standing for its government" if is_seat else None


# -- the fallback for places the gazetteer lacks ----------------------------------------


def fallback_region(doc: Doc, m: Mention, located: list[tuple[Mention, Candidate]],
                    gaz: SqliteGazetteer, lex: Lexicon) -> tuple[Candidate, str, str] | None:  # fmt: skip
    """(region, precision, note) for a mention without candidates, from nearby places."""
    if not located:
        return None

    def rank(item: tuple[Mention, Candidate]) -> tuple[int, int]:
        other, c = item
        specific = 0 if c.feature_code != "PCLI" else 1
        return specific, abs(other.start - m.start)

    anchor, c = min(located, key=rank)
    region = gaz.admin1(c.country_code, c.admin1) if c.feature_code != "PCLI" else None
    precision = "region"
    if region is None:
        region, precision = gaz.country(c.country_code), "country"
    if region is None:
        return None
    sent = doc.text[max(0, m.start - 200) : m.end + 200].lower()
    border = any(w in sent for w in lex.border)
    note = (f"'{m.text}' has no fitting gazetteer entry: placed in {region.name}, the "
            f"{'region' if precision == 'region' else 'country'} of the nearest place the "
            f"article locates ('{anchor.text}')" + ("; the article puts it near a border"
                                                    if border else ""))  # fmt: skip
    return region, precision, note


# -- the stage --------------------------------------------------------------------------


def _precision(c: Candidate) -> str:
    if c.feature_code.startswith("PCL"):
        return "country"
    return "region" if c.feature_class == "A" else "exact"


def _confidence(m: Mention) -> float:
    top = m.scores[m.best]
    rest = [s for k, s in enumerate(m.scores) if k != m.best]
    margin = top - max(rest) if rest else 4.0
    conf = 1.0 / (1.0 + math.exp(-margin))
    if m.cands[m.best].match == "variant":
        conf *= 0.7
    return round(conf * (0.8 if m.source in {"gazetteer", "context"} else 1.0), 3)


def _place(pid: str, m: Mention, c: Candidate | None, **kw: Any) -> Place:
    p = Place(id=pid, start=m.start, end=m.end, text=m.text, entity=m.entity, **kw)
    if c is not None:
        p.geonameid, p.name, p.lat, p.lon = c.geonameid, c.name, c.lat, c.lon
        p.feature_code, p.country_code = c.feature_code, c.country_code
        p.admin1, p.admin2 = c.admin1 or None, c.admin2 or None
    return p


@register_stage("kroniek.places.v1")
class PlacesStage:
    requires = ("entities", "tokens")
    assigns = ("places",)

    def __call__(self, doc: Doc) -> Doc:
        if doc.lang not in ("nl", "en"):
            return doc
        gaz = load_gazetteer()
        lex = lexicon(doc.lang)
        mentions = find_mentions(doc, gaz, lex)
        resolve_mentions(doc, mentions, gaz, lex)
        capitals = gaz.capitals()
        located: list[tuple[Mention, Candidate]] = []
        roles: dict[int, str | None] = {}
        for k, m in enumerate(mentions):
            c = m.cands[m.best] if m.best >= 0 else None
            roles[k] = metonym_reason(doc, m, c, lex, capitals)
            seat = next((j for j, o in enumerate(m.cands) if _is_capital(o, capitals)), -1)
            if roles[k] is None and seat >= 0 and seat != m.best:
                # A name that is also a capital ("Washington") read as the government
                # when it speaks or decides.
                roles[k] = metonym_reason(doc, m, m.cands[seat], lex, capitals)
                if roles[k] is not None:
                    m.best = seat
            m.relative = bool(lex.relative.search(doc.text[max(0, m.start - 60) : m.start])) * "y"
            if c is not None and roles[k] is None and not m.relative:
                located.append((m, c))
        doc.places = [self._record(doc, k, m, roles[k], located, gaz, lex)
                      for k, m in enumerate(mentions)]  # fmt: skip
        return doc

    @staticmethod
    def _record(doc: Doc, k: int, m: Mention, reason: str | None,
                located: list[tuple[Mention, Candidate]], gaz: SqliteGazetteer,
                lex: Lexicon) -> Place:  # fmt: skip
        pid = f"p{k + 1}"
        if m.best >= 0:
            c = m.cands[m.best]
            role = "metonym" if reason else "location"
            if m.part:
                return _place(pid, m, c, precision="region", role=role, confidence=_confidence(m),
                              note=f"the {m.part.lower()} part of {c.name}: its centre is given")  # fmt: skip
            return _place(pid, m, c, precision=_precision(c), role=role,
                          confidence=_confidence(m), note=reason)  # fmt: skip
        fb = fallback_region(doc, m, located, gaz, lex)
        if fb is None:
            return _place(pid, m, None, precision="region", confidence=0.1,
                          note=f"'{m.text}' is not in the gazetteer and the article names no "
                               "place to locate it by")  # fmt: skip
        region, precision, note = fb
        return _place(pid, m, region, precision=precision, confidence=0.3, note=note)
