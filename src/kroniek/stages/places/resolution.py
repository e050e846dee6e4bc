"""Resolution: a gazetteer entry for every mention (step 2 of `kroniek.places.v1`)."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable

from kroniek.doc import Doc
from kroniek.gazetteer import Candidate, SqliteGazetteer, fold
from kroniek.stages.places.lexicon import CITY_NOUNS, REGION_NOUNS, Lexicon, Mention, prev_words

__all__ = ["distance_km", "name_form", "resolve_mentions"]


# Prior weights, tuned on LGL and GeoVirus (both tuning data): a country or first-level
# region beats a same-named town; seats of government are the default reading of a
# capital's name; second-level regions lose to the town they are named after unless the
# mention says "County"; alternate-name and spelling-variant matches cost a little.
FEATURE_BONUS = {"CONT": 4.0, "PCLI": 4.0, "ADM1": 2.5, "PPLC": 1.0, "PPLG": 1.5, "PPLA": 1.0,
                 "PPLA2": 0.5, "ADM2": -0.5, "PPLX": -1.0, "PPLH": -2.0,
                 "OCN": 8.0, "SEA": 6.0, "GULF": 6.0}  # fmt: skip
# Oceans and seas have no population: their bonus stands in for it, so that "Atlantic"
# is the ocean, not Atlantic, Iowa (population 6,833; GeoVirus/LGL not tuned on this).
# A country's own name (main or localized, not an alternate) is the country, not a city or
# region of that country named after it ("Mexico" is not Mexico City or México state):
# those readings lose this much. Towns of other countries keep their chance ("Georgia"
# the US state: a bonus for the country itself cost 9 mentions on LGL tune).
COUNTRY_NAME_PENALTY = 4.0
# Articles in Dutch mention Dutch places first: the Netherlands' readings of a name get
# this much (the outlet's country; "Dam", "Twente", villages of the full NL dump).
HOME_COUNTRY = {"nl": "NL"}
HOME_BONUS = 2.0
# In an article in the outlet's language, a national capital's name is the capital: Moscow,
# Idaho (an alternate name "Moskou") and Washington, England are no readings a Dutch reader
# takes, however many places of the article lie in the US or Britain (both seen on the DPG
# store). Only where HOME_COUNTRY knows the language: LGL and GeoVirus (English, US local
# news) are untouched. Session 28: on 965 DPG store articles it changes those two readings
# and nothing else; places-nl unchanged.
HOME_CAPITAL_BONUS = 3.0
MATCH_COST = {"name": 0.0, "alt": 0.3, "variant": 2.0}
# An alternate name (not the place's name nor an exonym) that shares nothing with the
# place's own name, where another place bears it as its own name: a former or unofficial
# name ("Waterloo" for Austin, Texas, its name before 1839) is rarely what an article means.
ALT_UNRELATED_COST = 2.0
# Dutch is also Flanders' language: Belgium's readings of a name get this much in an
# article in Dutch (less than the outlet's own country: "Waterloo" in Belgium, not in Iowa).
SECOND_HOME = {"nl": "BE"}
SECOND_HOME_BONUS = 1.0
POPULATION_WEIGHT = 1.0  # × log10(population + 1)
COUNTRY_WEIGHT = 6.0  # × share of the other mentions voting for the country
ADMIN1_WEIGHT = 8.0  # × share voting for the first-level region (grid-searched on LGL)
NEAR_KM, NEAR_BONUS = 150.0, 3.0  # another place of the article within this distance (LGL)


_PART_OF = re.compile(
    r"^((?:noord|zuid|oost|west|midden|centraal|north|south|east|west|central)(?:-?(?:oost|"
    r"west|east))?(?:ern|elijk|e)?)[- ]+(\w.*)$", re.IGNORECASE,
)
MAX_CANDIDATES = 30  # the most populous readings of a name are kept (speed)
_ARTICLE = re.compile(r"^(?:the|de|het)\s+", re.IGNORECASE)


def _candidates(m: Mention, gaz: SqliteGazetteer, lex: Lexicon) -> list[Candidate]:
    if m.source == "abbreviation":
        code = lex.abbreviations[m.text].split(".")
        c = gaz.country(code[0]) if len(code) == 1 else gaz.admin1(code[0], code[1])
        return [c] if c else []
    if m.seat:
        c = gaz.seat_of_government(m.seat)
        return [c] if c else []
    if fold(m.text) in lex.wide_regions:
        return []  # wider than a country: no point (see PlacesStage._record)
    # The article is part of some names ("De Lutte", "De Haan", "The Hague"): the whole name
    # first; without the article only when the whole is unknown ("Het Gooi" -> "Gooi").
    # (Stripped first, "De Lutte" was Lotte, Germany, a spelling variant of "Lutte".)
    cands = gaz.lookup(m.text, variants=False) if _ARTICLE.match(m.text) else []
    name = _ARTICLE.sub("", m.text) if not cands else m.text
    cands = cands or gaz.lookup(name, variants=m.source in {"entity", "context"})
    part = _PART_OF.match(name)
    if not cands and part:  # "Noord-Engeland", "Eastern Ukraine": a part of a known place
        cands = gaz.lookup(part.group(2), variants=False)
        m.part = part.group(1)
    if len(cands) > MAX_CANDIDATES:
        cands = sorted(cands, key=lambda c: -c.population)[:MAX_CANDIDATES]
    return cands


def _prior(c: Candidate, m: Mention, prev: str, home: str, *, second: str = "", own: bool = False) -> float:
    """`second`: the language's second home country; `own`: another reading bears the
    mention as its own name (an unrelated alternate name then costs more)."""
    score = POPULATION_WEIGHT * math.log10(c.population + 1) + FEATURE_BONUS.get(c.feature_code, 0.0)
    score -= MATCH_COST[c.match]
    if own and c.match == "alt" and _unrelated(m.text, c.name):
        score -= ALT_UNRELATED_COST
    if c.country_code == home:
        score += HOME_BONUS
    elif second and c.country_code == second:
        score += SECOND_HOME_BONUS
    if home and c.feature_code == "PPLC":
        score += HOME_CAPITAL_BONUS
    if prev in CITY_NOUNS and c.feature_class == "P" or prev in REGION_NOUNS and c.feature_class == "A":
        score += 3.0
    return score


def _unrelated(text: str, name: str) -> bool:
    """Whether a mention and a place's own name share nothing: neither holds the other and
    their first four letters differ ("Waterloo" and "Austin"; not "New York" and "New York
    City")."""
    a, b = fold(_ARTICLE.sub("", text)), fold(name)
    return bool(a) and bool(b) and a not in b and b not in a and a[:4] != b[:4]


def _city_over_region(priors: list[float], cands: list[Candidate], form: str) -> list[float]:
    """A region named after its city ("Kyiv City", a county around its seat) yields to the
    city when both are candidates within `CITY_REGION_KM` of each other; a region that
    shares its name with a national capital yields to the capital ("Washington"), and a
    first-level region to a large city inside it ("New York"). The name's own form decides
    first: "Washington State", "the state of New York" are the region (`form` "region").
    A second-level region yields to a same-named town inside it ("Antwerpen" the city, not
    the province)."""
    towns = [c for c in cands if c.feature_class == "P"]
    capital = any(t.feature_code == "PPLC" for t in towns)

    def yields(c: Candidate) -> bool:
        if not c.feature_code.startswith("ADM"):
            return False
        return capital or any(t.country_code == c.country_code and (
            distance_km(t, c) < CITY_REGION_KM
            or c.feature_code == "ADM2" and (t.admin1, t.admin2) == (c.admin1, c.admin2)
            or c.feature_code == "ADM1"
            and t.admin1 == c.admin1 and t.population >= BIG_CITY) for t in towns)  # fmt: skip

    # A first-level region's bonus is for names that mean the region ("Georgia", "Ohio"):
    # not when a town of that name elsewhere is as populous ("Gaza" the city, not Gaza
    # province in Mozambique).
    largest_town = max((t.population for t in towns), default=0)
    priors = [p - FEATURE_BONUS["ADM1"] if c.feature_code == "ADM1"
              and c.population < ADM1_TOWN_RATIO * largest_town else p
              for p, c in zip(priors, cands, strict=True)]  # fmt: skip
    countries = {c.country_code for c in cands if c.feature_code == "PCLI" and c.match == "name"}
    if countries:
        priors = [p - COUNTRY_NAME_PENALTY if c.country_code in countries
                  and c.feature_code != "PCLI" else p for p, c in zip(priors, cands, strict=True)]  # fmt: skip
    if form == "region":
        return [p + 3.0 if c.feature_class == "A" else p for p, c in zip(priors, cands, strict=True)]
    return [p - CITY_REGION_PENALTY if yields(c) else p for p, c in zip(priors, cands, strict=True)]


ADM1_TOWN_RATIO = 2.0  # checked on LGL tune (US states keep their bonus over their towns)
BIG_CITY = 100_000  # a city this large is what its state's name means on its own
_REGION_FORM = re.compile(r"^\s*(?:state|staat)\b", re.IGNORECASE)
_REGION_FORM_BEFORE = re.compile(r"\b(?:state|staat|province|provincie) of\s*$|\bstaat\s*$",
                                 re.IGNORECASE)  # fmt: skip


def name_form(text: str, m: Mention) -> str:
    """"region" when the words around the name say it is the state or province."""
    if _REGION_FORM.match(text[m.end : m.end + 8]) or _REGION_FORM_BEFORE.search(
            text[max(0, m.start - 20) : m.start]):  # fmt: skip
        return "region"
    return ""


CITY_REGION_KM = 40.0
CITY_REGION_PENALTY = 3.0  # what a region loses to its city (LGL tune: 3 and 4 score alike)

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


# A town and the second-level region it lies in, both named in the article (anywhere, not
# only as "X, Region"): "Paris" and "Henry County" are Paris, Tennessee, the seat of Henry
# County, Tennessee — not Paris, Texas and a Henry County in Georgia. Both readings get this
# (checked on LGL tune).
COUNTY_BONUS = 3.0


def _county_seats(mentions: list[Mention], priors: list[list[float]]) -> None:
    """Raise the readings of a town and of a county of the article that contain it."""
    counties: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for i, m in enumerate(mentions):
        for b, c in enumerate(m.cands):
            if c.feature_code == "ADM2" and c.admin2:
                counties.setdefault((c.country_code, c.admin1, c.admin2), []).append((i, b))
    if not counties:
        return
    raised: set[tuple[int, int]] = set()
    for i, m in enumerate(mentions):
        key_i = fold(m.text)
        for a, c in enumerate(m.cands):
            if c.feature_class != "P" or not c.admin2:
                continue
            for j, b in counties.get((c.country_code, c.admin1, c.admin2), ()):
                if fold(mentions[j].text) != key_i:
                    raised |= {(i, a), (j, b)}
    for i, a in raised:
        priors[i][a] += COUNTY_BONUS


def distance_km(a: Candidate, b: Candidate) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    x = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2)  # fmt: skip
    return 12742.0 * math.asin(min(1.0, math.sqrt(x)))


def resolve_mentions(doc: Doc, mentions: list[Mention], gaz: SqliteGazetteer, lex: Lexicon) -> None:
    """Choose a candidate for every mention that has some (sets `best`, `scores`).

    Work is shared between mentions of one name (#17: a text naming one place thousands
    of times): candidates and priors are computed once per name and what decides them
    (`_prior_key`). The result is the same as for every mention on its own.
    """
    priors: list[list[float]] = []
    home = HOME_COUNTRY.get(doc.lang or "", "")
    second = SECOND_HOME.get(doc.lang or "", "")
    firsts: dict[PriorKey, tuple[list[Candidate], str, list[float]]] = {}
    for m in mentions:
        prev = (prev_words(doc.text, m.start, 1) or [""])[-1].lower()
        key = _prior_key(m, prev, name_form(doc.text, m))
        first = firsts.get(key)
        if first is None:
            cands = _candidates(m, gaz, lex)
            own = any(c.match == "name" for c in cands)
            first = firsts[key] = (cands, m.part, _city_over_region(
                [_prior(c, m, prev, home, second=second, own=own) for c in cands], cands, key[4]))  # fmt: skip
        m.cands, m.part = list(first[0]), first[1]
        priors.append(list(first[2]))
    _containment(doc.text, mentions, priors)
    _county_seats(mentions, priors)
    for m, pri in zip(mentions, priors, strict=True):
        m.scores = list(pri)
        m.best = max(range(len(m.cands)), key=m.scores.__getitem__) if m.cands else -1
    borders = gaz.neighbours()
    for _round in range(2):
        voters = _voters(mentions, home)
        votes = _votes(voters)
        near = _neighbour_votes(votes[0], borders)
        by_name = {key: (v, _neighbour_votes(v[0], borders))
                   for key, v in _votes_by_name(voters).items()}  # fmt: skip
        empty: tuple[Votes, Counter[str]] = ((Counter(), Counter(), 0), Counter())
        chosen = list({c.geonameid: c for c in (m.cands[m.best] for m in voters if m.best >= 0)
                       if c.feature_code not in _WIDE}.values())  # fmt: skip
        named = _named_countries(voters)
        spots = _country_spots(voters)
        for m, pri in zip(mentions, priors, strict=True):
            if not m.cands:
                continue
            # The other mentions vote; mentions of the same name do not vote for its
            # readings (two "Valencia"s are not evidence for Venezuela). (Sharing these
            # scores between mentions of a name was tried: slower on ordinary articles.)
            same, same_near = by_name.get(fold(m.text), empty)
            k = votes[2] - same[2]
            near_ok = _near_allowed(m, named)
            m.scores = [p + _context(c, votes, same, chosen, m.cands[m.best], near_ok(c))
                        + NEIGHBOUR_WEIGHT * (near[c.country_code] - same_near[c.country_code])
                        / max(k, 1) for c, p in zip(m.cands, pri, strict=True)]  # fmt: skip
            close = _countries_close(m, spots) if _local_clue_counts(m) else set()
            if close:
                m.scores = [s + CLOSE_BONUS * (c.country_code in close and c.feature_code != "PCLI")
                            for c, s in zip(m.cands, m.scores, strict=True)]  # fmt: skip
            m.best = max(range(len(m.cands)), key=m.scores.__getitem__)
    _one_sense_per_name(mentions)
    _reject_weak_variants(mentions)


# A small town (under this population) whose country nothing else in the article supports
# is more often a misreading than the place meant (a goddess's name on a protest sign read as
# a village in Ohio, which then pulled the article's "Amsterdam" to Amsterdam, Ohio, by the
# country, first-level region and nearness votes): it does not vote for the other names'
# readings. Found on the events-nl dev half A (place 0.829 -> 0.886), held
# out on half B (0.939 -> 0.939); LGL tune acc161 0.860 -> 0.859, GeoVirus 0.838, places-nl
# 0.936 unchanged. (Also dropping such a reading, falling back to a region, was tried: half
# B 0.939 -> 0.909, not kept.)
SMALL_TOWN = 10_000


def _supported(mentions: list[Mention], home: str) -> dict[str, set[str]]:
    """For each country, the names whose chosen reading supports it: the country itself, a
    region of it or a town of at least `SMALL_TOWN` people."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        if m.best < 0:
            continue
        c = m.cands[m.best]
        if c.feature_class == "A" or c.feature_code in _WIDE or c.population >= SMALL_TOWN:
            out.setdefault(c.country_code, set()).add(fold(m.text))
    if home:
        out.setdefault(home, set()).add("")
    return out


def _lone_small(m: Mention, support: dict[str, set[str]]) -> bool:
    """Whether the mention's reading is a small town of a country no other name supports."""
    if m.best < 0:
        return False
    c = m.cands[m.best]
    if c.feature_class != "P" or c.population >= SMALL_TOWN:
        return False
    return not (support.get(c.country_code, set()) - {fold(m.text)})


def _voters(mentions: list[Mention], home: str) -> list[Mention]:
    """The mentions whose readings vote for the others' (not a lone small town)."""
    support = _supported(mentions, home)
    return [m for m in mentions if not _lone_small(m, support)]


PriorKey = tuple[str, str, str, str, str]


def _prior_key(m: Mention, prev: str, form: str) -> PriorKey:
    """What a mention's candidates and priors depend on: its text, how it was found, the
    seat it stands for, a place noun right before it, and the name's form."""
    noun = "city" if prev in CITY_NOUNS else "region" if prev in REGION_NOUNS else ""
    return m.text, m.source, m.seat or "", noun, form


# A spelling-variant match to a small place outside the article's regions is more likely
# another village with a similar name than the one meant (checked on the reference
# article's village names and on LGL): such mentions fall back to their region instead.
MIN_POPULATION_VARIANT = 10_000


def _reject_weak_variants(mentions: list[Mention]) -> None:
    """Drop the reading of a small place matched by an alternate or variant spelling when
    nothing else in the article is in its region or within `FAR_KM` of it."""
    _countries, admin1s, _n = _votes(mentions)
    # Each chosen reading once (the same object for every mention of a name): linear time.
    chosen = list({id(c): c for c in (m.cands[m.best] for m in mentions if m.best >= 0)}.values())
    for m in mentions:
        if m.best < 0:
            continue
        c = m.cands[m.best]
        if (c.match != "name" and c.population < MIN_POPULATION_VARIANT
                and admin1s[(c.country_code, c.admin1)] <= 1
                and not any(o is not c and o.feature_class != "A" and distance_km(o, c) < FAR_KM
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


def _votes(mentions: list[Mention]) -> Votes:
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


def _votes_by_name(mentions: list[Mention]) -> dict[str, Votes]:
    """`_votes` of the mentions of each name."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(fold(m.text), []).append(m)
    return {key: _votes(group) for key, group in groups.items()}


Votes = tuple[Counter[str], Counter[tuple[str, str]], int]


# A country named close to a name, in a text of this many characters either side
# ("de aanslag in Christchurch ... de tragedie in Nieuw-Zeeland"), raises that name's readings
# in the country by `CLOSE_BONUS`: a local clue that the article-wide votes (an article that
# also names York, England and London) may drown. Not for a name read as a country or
# first-level region, nor one of whose readings is a capital. Checked (session 27): LGL tune
# acc161 0.859 -> 0.861, all 0.862 -> 0.863, GeoVirus 0.838 and places-nl unchanged; on the
# 1,120 DPG store articles only two Christchurch readings change (both to New Zealand).
CLOSE_CHARS = 250
CLOSE_BONUS = 2.0


def _country_spots(mentions: list[Mention]) -> tuple[list[int], list[tuple[str, str]]]:
    """The starts of the mentions read as a country, in order, with (country, name)."""
    spots = sorted((m.start, m.cands[m.best].country_code, fold(m.text)) for m in mentions
                   if m.best >= 0 and m.cands[m.best].feature_code == "PCLI")  # fmt: skip
    return [s[0] for s in spots], [(s[1], s[2]) for s in spots]


def _local_clue_counts(m: Mention) -> bool:
    """Whether a country named close may move `m`: not when it reads as a country or
    first-level region, nor when one of its readings is a national capital (what the name
    means on its own: "Amsterdam" near "de VS" is not Amsterdam, New York)."""
    return m.cands[m.best].feature_code not in _WIDE and not any(
        c.feature_code == "PPLC" for c in m.cands)


def _countries_close(m: Mention, spots: tuple[list[int], list[tuple[str, str]]]) -> set[str]:
    """The countries another name reads as within `CLOSE_CHARS` of `m`."""
    starts, what = spots
    lo = bisect.bisect_left(starts, m.start - CLOSE_CHARS)
    hi = bisect.bisect_right(starts, m.end + CLOSE_CHARS)
    key = fold(m.text)
    return {cc for cc, name in what[lo:hi] if name != key}


def _named_countries(mentions: list[Mention]) -> dict[str, set[str]]:
    """For each country the article names as a country, the names that read as it."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        if m.best >= 0 and m.cands[m.best].feature_code == "PCLI":
            out.setdefault(m.cands[m.best].country_code, set()).add(fold(m.text))
    return out


def _near_allowed(m: Mention, named: dict[str, set[str]]) -> Callable[[Candidate], bool]:
    """Which readings of `m` may take the nearness bonus: where another name of the
    article names the country of one of its readings, only the readings in a named country
    ("Christchurch" in an article on New Zealand that also names London is not
    Christchurch, Dorset, 150 km from London)."""
    key = fold(m.text)
    countries = {cc for cc, names in named.items() if names - {key}}
    if not any(c.country_code in countries for c in m.cands):
        return lambda c: True
    return lambda c: c.country_code in countries


def _context(c: Candidate, votes: Votes, same: Votes, chosen: list[Candidate],
             own: Candidate, near_ok: bool = True) -> float:  # fmt: skip
    """Votes of the other names' mentions: all `votes` less this name's (`same`)."""
    n = votes[2] - same[2]
    if n <= 0:
        return 0.0
    score = COUNTRY_WEIGHT * (votes[0][c.country_code] - same[0][c.country_code]) / n
    a1 = (c.country_code, c.admin1)
    score += ADMIN1_WEIGHT * (votes[1][a1] - same[1][a1]) / n
    if near_ok and c.feature_code not in _WIDE and _near(c, own, chosen):
        score += NEAR_BONUS
    return score


_WIDE = frozenset({"PCLI", "CONT", "ADM1", "OCN", "SEA", "GULF"})  # too large to be "near" anything
_NEAR_DEG = NEAR_KM / 111.0


def _near(c: Candidate, own: Candidate, chosen: list[Candidate]) -> bool:
    """Whether another chosen place of the article lies within `NEAR_KM` of `c`."""
    for o in chosen:
        if o.geonameid == own.geonameid or abs(o.lat - c.lat) > _NEAR_DEG:
            continue
        if abs(o.lon - c.lon) * math.cos(math.radians(c.lat)) > _NEAR_DEG:
            continue
        if distance_km(o, c) < NEAR_KM:
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


