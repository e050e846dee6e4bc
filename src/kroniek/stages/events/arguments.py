"""The arguments of an event: place, time, fatalities, claims (actors: `actors`; the time
itself: `dating`, re-exported here).

Used by `kroniek.stages.events`; `fill_arguments` fills them all for one event, and
`antecedent`/`absorb` make a later mention part of an earlier event.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

from kroniek import acled
from kroniek.doc import Claim, Doc, Event, EventTime, Place
from kroniek.stages.events.actors import (
    INFERRED_NOTE,
    LOCATIVE,
    NEAR,
    actor_candidates,
    country_name,
    default_actors,
    demonym,
    find_actors,
)
from kroniek.stages.events.dating import (
    BACKGROUND_DAYS,
    borrow_dates,
    choose_time,
    definite_noun,
    is_background,
    time_is_future,
)
from kroniek.stages.events.parse import token_at
from kroniek.stages.events.triggers import clause_bounds, lexicon

__all__ = [
    "BACKGROUND_DAYS",
    "absorb",
    "antecedent",
    "borrow_dates",
    "choose_place",
    "choose_time",
    "coordinated_places",
    "counter_differs",
    "definite_noun",
    "fill_arguments",
    "find_actors",
    "infer_place",
    "link_claims_back",
    "one_sided_note",
    "is_background",
    "parse_number",
    "time_is_future",
]

_ORIGIN = re.compile(r"(?:\buit|\bnaar|\bfrom|\bto|\bvoor|\bfor)\s+(?:de\s+|het\s+|the\s+)?$", re.IGNORECASE)
_PRECISION = {"exact": 1, "near": 2, "region": 3, "country": 3}

# -- place ----------------------------------------------------------------------------------


def choose_place(
    doc: Doc, event: Event, *, clause: tuple[int, int], exclude: set[str] | None = None,
    previous: list[Event] | None = None,
) -> tuple[Place | None, int | None]:
    """The place where the event happened, and its ACLED geo_precision.

    A place counts when a locative preposition introduces it ("in", "bij", "rond", "ten
    zuiden van", "in de hoofdstad"); the best scores on being in the trigger's clause, near
    the trigger and specific. Without one in the sentence: a place named by an adjective
    ("de Parijse politie", "de Nieuw-Zeelandse premier"), a place of the two sentences
    before in the same paragraph, or the article's most mentioned place (precision 3).
    """
    t0 = event.trigger.start
    si = doc.sentence_index(t0)
    sent = doc.sentences[si]
    best: tuple[float, Place] | None = None
    located: list[Place] = []
    for p in doc.places:
        if p.role != "location" or not (sent.start <= p.start < sent.end) or p.id in (exclude or ()):
            continue
        before = doc.text[max(sent.start, p.start - 45) : p.start]
        if not (NEAR.search(before) or LOCATIVE.search(before) or _trigger_object(doc, p, t0)) \
                or _ORIGIN.search(before):
            continue
        if _seat(doc.lang).search(before):
            continue  # "de regering in Berlijn": where an authority sits
        if _adjective(doc, p):
            continue  # "in Koerdische gebieden": a people's adjective, not a place named
        located.append(p)
        score = 2.0 if clause[0] <= p.start < clause[1] else 0.0
        score -= abs(p.start - t0) / 60
        # Tuned on gold/events-nl: a city beats the country named beside it.
        score += {"exact": 1.5, "near": 1.0, "region": 0.5, "country": 0.0}.get(p.precision, 0)
        if best is None or score > best[0]:
            best = (score, p)
    if best is not None:
        p = best[1]
        if p.precision in ("country", "region"):
            # ACLED codes the most specific location: "in Algerije ..., zoals in Oran".
            inside = [q for q in located if q.precision == "exact" and q.country_code == p.country_code]
            p = min(inside, key=lambda q: abs(q.start - t0)) if inside else p
        prec = _PRECISION.get(p.precision, 3)
        if NEAR.search(doc.text[max(sent.start, p.start - 45) : p.start]):
            prec = max(prec, 2)
        return p, prec
    return _fallback_place(doc, si, previous=previous)


# Nouns for a settlement or an area that a name stands in apposition to ("de stad Aleppo").
_AREA_NOUNS = frozenset((
    "stad", "dorp", "hoofdstad", "havenstad", "grensstad", "plaats", "wijk", "stadsdeel", "regio",
    "provincie", "gebied", "kamp", "vluchtelingenkamp", "city", "town", "village", "capital",
    "district", "region", "province", "camp", "area",
))


def _trigger_object(doc: Doc, p: Place, t0: int) -> bool:
    """Whether the parse makes the place what the trigger acts on ("heroverden Mosul", "Aleppo
    werd gebombardeerd", "bombardeerden de stad Aleppo"): what is attacked, taken or occupied
    is where it happened. A settlement noun with the name ("de stad Benghazi") may stand as
    any core argument (the fast parse often reads an object as a subject); a bare name only
    as the object or the passive subject ("Rusland bombardeerde" names who did it)."""
    ti, pi = token_at(doc, t0), token_at(doc, p.start)
    if ti < 0 or pi < 0:
        return False
    tok = doc.tokens[pi]
    deps: tuple[str, ...] = ("obj", "nsubj:pass")
    if tok.dep in ("appos", "flat", "nmod") and 0 <= tok.head < len(doc.tokens) \
            and doc.tokens[tok.head].text.lower() in _AREA_NOUNS:
        tok = doc.tokens[tok.head]
        deps = ("obj", "nsubj", "nsubj:pass")
    return tok.dep in deps and tok.head == ti


def _located(doc: Doc, p: Place, lo: int) -> bool:
    before = doc.text[max(lo, p.start - 45) : p.start]
    return bool(NEAR.search(before) or LOCATIVE.search(before)) and not _ORIGIN.search(before)


@cache
def _seat(lang: str | None) -> re.Pattern[str]:
    words = lexicon(lang if lang in ("nl", "en") else "nl")[0].SEAT_NOUNS
    return re.compile(rf"\b(?:{words})\s+(?:in|te|at)\s+$", re.IGNORECASE)


def _adjective(doc: Doc, p: Place) -> bool:
    """A place mention that the parse reads as an adjective ("Koerdische", "Syrische")."""
    i = token_at(doc, p.start)
    return i >= 0 and doc.tokens[i].upos == "ADJ" and doc.tokens[i].end >= p.end - 1


_ARMED_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:leger|troepen|militairen|strijdkrachten|luchtmacht|marine|soldaten|"
    r"bloggers|army|troops|soldiers|forces|military|air\s+force|navy|"
    # an organisation's seat, not where it acts: "De Hongkongse organisatie China Labour Bulletin"
    r"organisatie|bedrijf|firma|universiteit|krant|omroep|zender|club|organization|company|"
    r"university|newspaper)\b",
    re.IGNORECASE,
)
# Private people named by their nationality ("twee verdachten opgepakt, Nigeriaanse broers" in
# a story set in Chicago; DPG store): who they are, not where the event happened. (Officials
# stay: "de Nieuw-Zeelandse premier" speaks for the country where it happened.)
_PEOPLE_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:broers?|zussen|zus|man|mannen|vrouw|vrouwen|jongen|jongens|meisje|meisjes|"
    r"verdachten?|toeristen?|studenten?|echtpaar|stel|zakenman|werknemers?|vluchtelingen?|"
    r"asielzoekers?|migranten?|brothers?|sisters?|man|men|woman|women|tourists?|students?|"
    r"suspects?|couple|migrants?|refugees?)\b",
    re.IGNORECASE,
)
# Tags of words that are never a place's adjective ("Hoe", "Deze"); nouns and names stay
# open (the tagger reads some adjectives of places as nouns).
_NOT_ADJECTIVE = frozenset(("ADV", "SCONJ", "CCONJ", "PRON", "DET", "ADP", "AUX", "VERB", "NUM"))
_ADJ_PLACE = re.compile(r"(?<![\w-])([A-Z][\w'-]+?)(?:se|sche|e)(?![\w-])")


def _inferred(p: Place) -> bool:
    return bool(p.note) and str(p.note).startswith(INFERRED_NOTE)


def infer_place(doc: Doc, lo: int, hi: int, *, cities_only: bool = False) -> Place | None:
    """A place named only by an adjective in [lo, hi), added to `doc.places` with a note;
    `cities_only`: a well-known city's adjective ("de Haagse Schilderswijk"), not a people's
    ("de Russische aanval" names who, not where). A word the parse tags as no adjective or
    name is none ("Hoe het protest verliep": not Ho, Ghana)."""
    lang = doc.lang if doc.lang in ("nl", "en") else "nl"
    try:
        from kroniek.gazetteer import load_gazetteer

        gaz = load_gazetteer()
    except Exception:  # no gazetteer: nothing to infer from
        return None
    for m in _ADJ_PLACE.finditer(doc.text, lo, hi):
        word = doc.text[m.start() : m.end()]
        if _ARMED_NOUN.match(doc.text, m.end()):
            continue  # "het Oekraïense leger" says who fights, not where
        if _PEOPLE_NOUN.match(doc.text, m.end()):
            continue  # "Nigeriaanse broers": who, not where
        i = token_at(doc, m.start())
        if i >= 0 and doc.tokens[i].upos in _NOT_ADJECTIVE:
            continue
        dem = demonym(word, lang)
        if dem and cities_only:
            continue
        cand = gaz.country(dem[0]) if dem and dem[0] else None
        precision = "country"
        if cand is None and not dem:
            if any(c.feature_class == "P" and c.population >= 50_000
                   for c in gaz.lookup(word, variants=False)):
                continue  # a city's own name that the places stage did not take: "minister
                # Florence Parly" is a person, not the adjective of a city
            stem = m.group(1)
            found = [c for c in gaz.lookup(stem, variants=False) if c.feature_class == "P"]
            cand = max(found, key=lambda c: c.population) if found else None
            precision = "exact"
            if cand is None or cand.population < 50_000:  # only well-known cities
                continue
        if cand is None:
            continue
        place = Place(
            id=f"p{len(doc.places) + 1}", start=m.start(), end=m.end(), text=word,
            geonameid=cand.geonameid, name=cand.name, lat=cand.lat, lon=cand.lon,
            feature_code=cand.feature_code, country_code=cand.country_code,
            admin1=cand.admin1 or None, precision=precision, confidence=0.5,  # type: ignore[arg-type]
            note=f"{INFERRED_NOTE} from the adjective {word!r}",
        )
        doc.places.append(place)
        return place
    return None


def coordinated_places(doc: Doc, place: Place) -> list[Place]:
    """Places named with `place` as one list ("in Oran en Constantine", "in Amsterdam,
    Utrecht en Den Haag"): ACLED codes one event per location."""
    chain = [place]
    by_start = sorted((p for p in doc.places if p.role == "location"), key=lambda p: p.start)
    for p in by_start:
        if p.start <= chain[-1].start:
            continue
        if re.fullmatch(r"\s*(?:,|,?\s*(?:en|and|of|or))\s*", doc.text[chain[-1].end : p.start]):
            if _contains(p, chain[-1]):
                break  # "in Palm Beach, Florida": the region that holds it, not another place
            chain.append(p)
        elif p.start > chain[-1].end:
            break
    return chain[1:]


def _contains(outer: Place, inner: Place) -> bool:
    """Whether a country or region holds a place (same country; a region: same admin1)."""
    if outer.precision not in ("country", "region") or outer.country_code != inner.country_code:
        return False
    return outer.precision == "country" or (outer.admin1 is not None and outer.admin1 == inner.admin1)


def _fallback_place(
    doc: Doc, si: int, *, previous: list[Event] | None = None
) -> tuple[Place | None, int | None]:
    """A well-known city's adjective in the sentence, earlier sentences of the paragraph, then
    other adjectives, then the place of the event told just before (same paragraph, within eight sentences), then the most mentioned place when
    every place of the article lies in one country."""
    block = doc.block_at(doc.sentences[si].start)
    back = [doc.sentences[j] for j in range(si - 1, max(-1, si - 5), -1)
            if block is not None and doc.sentences[j].start >= block.start]
    own = doc.sentences[si]
    city = infer_place(doc, own.start, own.end, cities_only=True)
    if city is not None:  # "braken rellen uit in de Haagse Schilderswijk": its own sentence
        return city, 2
    # A place a speaker names in a quotation ("We hebben in Christchurch kunnen zien waar deze
    # ideeën toe leiden", said at a rally in Amsterdam) is not where the next events happen.
    quoted = [(q.start, q.end) for q in doc.quotes if q.kind == "direct" and not q.start <= own.start < q.end]
    for located, prev in [(True, s) for s in back] + [(False, s) for s in back]:
        cands = [p for p in doc.places if p.role == "location" and prev.start <= p.start < prev.end
                 and not _inferred(p) and (_located(doc, p, prev.start) or not located)
                 and not any(a <= p.start < b for a, b in quoted)]
        if cands:
            p = min(cands, key=lambda p: _PRECISION.get(p.precision, 3))
            return p, max(2, _PRECISION.get(p.precision, 3))
    for sent in [doc.sentences[si], *back]:
        inferred = infer_place(doc, sent.start, sent.end)
        if inferred is not None:
            return inferred, 3 if inferred.precision == "country" else 2
    places = {p.id: p for p in doc.places}
    for e in reversed(previous or []):
        ei = doc.sentence_index(e.trigger.start)
        if e.place in places and 0 < si - ei <= 8 and doc.block_at(e.trigger.start) is block:
            return places[e.place], max(2, e.geo_precision or 2)
    locs = [p for p in doc.places if p.role == "location" and not _inferred(p)]
    if not locs or len({p.country_code for p in locs}) > 1:
        # No place ties the event to a country: an article that names places in several
        # countries says nothing about where this one happened (issue #13: fallbacks to the
        # most-mentioned country put the Christchurch attack in Austria).
        return None, None
    counts: dict[str, int] = {}
    for p in locs:
        key = p.name or p.text
        counts[key] = counts.get(key, 0) + 1
    top = max(counts.values())
    # Among the most mentioned, the most specific: ACLED codes the most precise location.
    first = min((p for p in locs if counts[p.name or p.text] == top),
                key=lambda p: _PRECISION.get(p.precision, 3))
    return first, 3


# What a state does to the people it holds happens on its own ground: "Polen arresteerde een
# Huawei-werknemer" is an arrest in Poland (issue #13: a country acting as a state is an actor
# and still the place where things happen in it), not in the "Europa" of the sentence before.
_AT_HOME = frozenset({"Arrests"})


def _doc_place(doc: Doc, pid: str | None) -> Place | None:
    return next((p for p in doc.places if p.id == pid), None) if pid else None


def _state_at_home(doc: Doc, event: Event, place: Place | None) -> Place | None:
    """The country whose state makes the arrest, named in the trigger's sentence, when the
    sentence itself locates the event nowhere in that country."""
    actor = event.actor1
    if event.sub_type not in _AT_HOME or actor is None or actor.type != "state_forces":
        return None
    home = _doc_place(doc, actor.place)
    si = doc.sentence_index(event.trigger.start)
    if home is None or home.precision != "country" or doc.sentence_index(home.start) != si:
        return None
    if place is not None and (place.country_code == home.country_code
                              or doc.sentence_index(place.start) == si):  # fmt: skip
        return None  # located in that country, or somewhere the sentence itself names
    return home


# -- fatalities -----------------------------------------------------------------------------


MAX_NUMBER_DIGITS = 18  # a count, never an identifier; int() refuses over 4,300 digits


def parse_number(word: str, *, lang: str) -> int | None:
    """'157', '1.300', 'elf', 'achtduizend', 'twelve' → int; None for anything else."""
    ev, _ = lexicon(lang)
    w = word.lower().strip(".,")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+|\d+", w):
        digits = re.sub(r"[.,]", "", w)
        return int(digits) if len(digits) <= MAX_NUMBER_DIGITS else None
    if w in ev.NUMBER_WORDS:
        return int(ev.NUMBER_WORDS[w])
    for big, mult in (("duizend", 1000), ("honderd", 100)):
        if w.endswith(big) and w != big:
            head = parse_number(w[: -len(big)], lang=lang)
            return head * mult if head else None
    return None


@cache
def _fatality_patterns(lang: str) -> list[re.Pattern[str]]:
    ev, _ = lexicon(lang)
    words = "|".join(sorted(ev.NUMBER_WORDS, key=len, reverse=True))
    num = rf"\d[\d.,]*|(?:{words})(?:honderd|duizend|hundred|thousand)?"
    return [re.compile(p.replace("{NUM}", num), re.IGNORECASE) for p in ev.FATALITIES]


def find_fatalities(doc: Doc, event: Event, *, lang: str) -> tuple[int | None, int | None]:
    """(count, offset of the phrase) from the trigger's sentence, for violent events."""
    if event.type not in ("Battles", "Explosions/Remote violence", "Violence against civilians",
                          "Riots", "Protests"):
        return None, None
    sent = doc.sentences[doc.sentence_index(event.trigger.start)]
    text = doc.text[sent.start : sent.end]
    for pat in _fatality_patterns(lang):
        for m in pat.finditer(text):
            n = parse_number(m.group("n"), lang=lang)
            if n is not None and 0 < n < 1_000_000 and not (1900 <= n <= 2100 and m.group("n").isdigit() and len(m.group("n")) == 4):
                return n, sent.start + m.start()
    return None, None


# -- claims ---------------------------------------------------------------------------------


def claims_for(doc: Doc, event: Event, *, anaphoric: bool) -> list[Claim]:
    t0 = event.trigger.start
    covering = [c for c in doc.claims if c.start <= t0 < c.end]
    if covering:
        return covering
    si = doc.sentence_index(t0)
    sent = doc.sentences[si]
    same = [c for c in doc.claims if c.start < sent.end and c.end > sent.start]
    if same or not anaphoric or si == 0:
        return same
    prev = doc.sentences[si - 1]
    return [c for c in doc.claims if c.start < prev.end and c.end > prev.start]


def one_sided_note(claims: list[Claim]) -> str | None:
    """A note when every claim behind an event comes from one party to the conflict."""
    if not claims:
        return None
    sides = {c.source.side for c in claims}
    parties = all(c.source.type in ("party_to_conflict", "official") for c in claims)
    if len(sides) == 1 and None not in sides and parties:
        return f"reported only by one side ({sides.pop()})"
    if all(c.source.type == "party_to_conflict" for c in claims):
        return "reported only by a party to the conflict"
    return None


# -- all together ---------------------------------------------------------------------------


def fill_arguments(doc: Doc, event: Event, trig: Any, *, lang: str,
                   previous: list[Event] | None = None) -> None:
    clause = clause_bounds(doc, event.trigger.start, event.trigger.end, trig.sent)
    place, geo = choose_place(doc, event, clause=clause, previous=previous)
    event.place = place.id if place else None
    event.geo_precision = geo
    event.time = choose_time(doc, event, clause=clause,
                             definite=bool(trig.anaphoric) or definite_noun(doc, event, lang=lang))
    cc = place.country_code if place else None
    event.actor1, event.actor2 = find_actors(doc, event, lang=lang, clause=clause, default_cc=cc)
    if event.actor1 is None and trig.anaphoric and trig.sent > 0:
        # "Oekraïne heeft ... ondernomen. De ingreep ..." : the subject that opens the
        # sentence before is the agent of an anaphoric noun.
        prev = doc.sentences[trig.sent - 1]
        cands = actor_candidates(doc, prev.start, min(prev.end, prev.start + 40), lang, cc)
        event.actor1 = cands[0][2] if cands else None
    default_actors(event, country=country_name(cc))
    used = {a.place for a in (event.actor1, event.actor2) if a is not None and a.place}
    if place is not None and place.id in used:
        place, geo = choose_place(doc, event, clause=clause, exclude=used)
        event.place, event.geo_precision = (place.id if place else None), geo
    home = _state_at_home(doc, event, _doc_place(doc, event.place))
    if home is not None:
        event.place, event.geo_precision = home.id, 3
    if event.sub_type == "Non-state actor overtakes territory" and event.actor1 is not None \
            and event.actor1.type == "state_forces":
        event.sub_type = "Government regains territory"
        event.plover = acled.plover_code(event.sub_type)
    n, at = find_fatalities(doc, event, lang=lang)
    claims = claims_for(doc, event, anaphoric=trig.anaphoric)
    event.claims = [c.id for c in claims]
    notes = []
    one_sided = one_sided_note(claims)
    if one_sided:
        notes.append(one_sided)
    if n is not None:
        event.fatalities = n
        stating = [c for c in doc.claims if at is not None and c.start <= at < c.end]
        if stating:
            notes.append(f"fatalities stated in claim {stating[0].id}")
    event.note = "; ".join(notes) or None
    if event.place and event.time.ref:
        event.confidence = min(0.9, event.confidence + 0.2)


# A counter-event ("tegendemonstranten verzameld", "tegenaanval", "counter-protest") is another
# incident than the one it answers, at the same place and time.
_COUNTER = ("tegen", "counter")


def counter_differs(a: Event, b: Event) -> bool:
    """Whether one of two events is a counter-event of the other ("tien tegendemonstranten
    verzameld" at a march against racism): never one incident."""
    return a.trigger.text.lower().startswith(_COUNTER) != b.trigger.text.lower().startswith(_COUNTER)


def _places_compatible(doc_places: dict[str, Place], a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    pa, pb = doc_places.get(a), doc_places.get(b)
    if pa is None or pb is None:
        return False
    if pa.lat is not None and pb.lat is not None and pa.lon is not None and pb.lon is not None:
        return _km(pa.lat, pa.lon, pb.lat, pb.lon) <= 50
    return pa.name == pb.name


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def antecedent(events: list[Event], event: Event, *, doc: Doc) -> Event | None:
    """The earlier event a definite noun refers back to: same family, compatible place."""
    from kroniek.acled import FAMILY

    places = {p.id: p for p in doc.places}
    si = doc.sentence_index(event.trigger.start)
    block = doc.block_at(event.trigger.start)
    for e in reversed(events):
        if e.modality != "asserted" or e.sub_type != event.sub_type or FAMILY[e.type] != FAMILY[event.type]:
            continue
        ei = doc.sentence_index(e.trigger.start)
        same_name = _same_place_name(places, e.place, event.place)
        if si - ei > 2 and doc.block_at(e.trigger.start) is not block and not same_name:
            continue
        if _places_compatible(places, e.place, event.place) and (
            event.time.ref is None or e.time.ref is None or _overlap(e.time, event.time)
        ):
            return e
    return None


def _same_place_name(places: dict[str, Place], a: str | None, b: str | None) -> bool:
    pa, pb = places.get(a or ""), places.get(b or "")
    return pa is not None and pb is not None and (pa.name or pa.text) == (pb.name or pb.text)


def _overlap(a: EventTime, b: EventTime) -> bool:
    if not (a.from_ and a.to and b.from_ and b.to):
        return True
    return a.from_ <= b.to and b.from_ <= a.to


def absorb(earlier: Event, later: Event) -> None:
    """Make `later` another mention of `earlier`: claims, missing fields, fatalities."""
    for c in later.claims:
        if c not in earlier.claims:
            earlier.claims.append(c)
    if earlier.place is None:
        earlier.place, earlier.geo_precision = later.place, later.geo_precision
    earlier.actor1 = earlier.actor1 or later.actor1
    earlier.actor2 = earlier.actor2 or later.actor2
    if earlier.fatalities is None:
        earlier.fatalities = later.fatalities
    if earlier.time.ref is None and later.time.ref is not None and later.time.time_precision == 1:
        earlier.time = later.time  # "de aanslag op 18 maart" dates what was told undated
    if later.note and later.note not in (earlier.note or ""):
        earlier.note = "; ".join(x for x in (earlier.note, later.note) if x)


def link_claims_back(doc: Doc) -> None:
    by_id = {c.id: c for c in doc.claims}
    for e in doc.events:
        for cid in e.claims:
            claim = by_id.get(cid)
            if claim is not None and e.id not in claim.events:
                claim.events.append(e.id)
