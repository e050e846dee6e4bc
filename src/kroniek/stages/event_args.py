"""The arguments of an event: actors, place, time, fatalities, claims.

Used by `kroniek.stages.events`. Actors come from the dependency parse when the
linguistic stage produced one (nsubj/obj/obl:agent of the trigger), else from surface
rules over the trigger's clause: the nearest actor phrase before the trigger is actor1
(after it, in Dutch verb-second order, when nothing precedes), the phrase after "op"/"door"
or the object is actor2, and passives swap them. Actor phrases are role nouns with a
demonym ("het Oekraïense leger" → Military Forces of Ukraine), country places (actor of
its state) and metonymic places from the places stage ("Kyiv" → Government of Ukraine).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import cache
from typing import Any

from kroniek import acled
from kroniek.doc import Actor, Claim, Doc, Event, EventTime, Place
from kroniek.stages.times import publication_range

__all__ = [
    "absorb",
    "antecedent",
    "fill_arguments",
    "find_actors",
    "link_claims_back",
    "parse_number",
    "time_is_future",
]

_NEAR = re.compile(
    r"(?:ten\s+(?:noorden|zuiden|oosten|westen|noordoosten|noordwesten|zuidoosten|zuidwesten)\s+van|"
    r"nabij|rond|rondom|bij|in\s+de\s+buurt\s+van|buiten|near|outside|around|"
    r"(?:north|south|east|west)\s+of)\s+(?:de\s+|het\s+|the\s+)?(?:(?:stad|dorp|plaats|town|"
    r"city|village)\s+)?$",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"(?:\bin|\bop|\bte|\baan|\bat|\bon|\binto|\bnaar)\s+(?:de\s+|het\s+|the\s+|een\s+|a\s+)?"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_LOCATIVE_ANY = re.compile(
    r"\b(?:in|op|te|bij|naar|uit|van|over|at|in|to|from|into|near|rond|rondom|nabij)\s+$", re.IGNORECASE
)
_ORIGIN = re.compile(r"(?:\buit|\bnaar|\bfrom|\bto|\bvoor|\bfor)\s+(?:de\s+|het\s+|the\s+)?$", re.IGNORECASE)
_PASSIVE = re.compile(
    r"\b(?:werd|werden|worden|wordt|is|zijn|was|waren|raakte|raakten|were|was|been|is|are)\b",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"\w*ge\w+[dt]$|(?:be|ver|ont|her)\w+[dt]$|\w+ed$", re.IGNORECASE)
_NOUN_BEFORE = re.compile(
    r"\b(?:de|het|een|die|deze|dit|dat|zware|hevige|nieuwe|the|a|an|this|that|heavy|fierce|new)"
    r"\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_SUPPORT_VERB = re.compile(
    r"\b(?:voerde|voerden|voert|pleegde|pleegden|pleegt|lanceerde|lanceerden|lanceert|begon|"
    r"begonnen|opende|openden|opent|ondernam|ondernamen|hield|hielden|houdt|organiseerde|"
    r"organiseerden|zette|zetten|carried|carries|launched|launches|staged|mounted|began|"
    r"opened|held|holds|organi[sz]ed)\b",
    re.IGNORECASE,
)
_SOURCE_BEFORE = re.compile(r"\b(?:volgens|aldus|according\s+to)\s+(?:de\s+|het\s+|the\s+)?(?:\w+\s+)?$", re.I)
_ADVERBIAL_PP = re.compile(
    r"\b(?:na|bij|tijdens|sinds|voor|vóór|na|door|om|over|naar|after|during|since|before|in|"
    r"following)\s+(?:de|het|een|die|deze|the|a|an|this|that)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_PRECISION = {"exact": 1, "near": 2, "region": 3, "country": 3}


def _lex(lang: str) -> Any:
    from kroniek.stages.events import lexicon

    return lexicon(lang)


# -- actors -------------------------------------------------------------------------------


@cache
def _actor_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    _, ax = _lex(lang)
    nouns = "|".join(f"(?:{p})" for p, _, _ in ax.FORCES)
    phrase = re.compile(
        rf"(?<![\w-])(?:(?P<adj>[\w-]+?(?:se|sche|e|n|an|sh|ch|i))\s+)?(?:\w+\s+)?"
        rf"(?P<noun>{nouns})(?![\w-])|(?<![\w-])(?P<group>[\w]+-?(?:{ax.GROUP_SUFFIXES}))(?![\w-])",
        re.IGNORECASE,
    )
    people = re.compile(r"(?<![\w-])(?P<people>[A-Z][\w'-]+?(?:ers|anen|en|ën|s|ians|ans|is))(?![\w-])")
    return phrase, people


def _demonym(word: str, lang: str) -> tuple[str, str] | None:
    _, ax = _lex(lang)
    w = word.lower()
    tries = [w, w[:-1], w[:-2], w[:-3], w[:-4]]
    if w.endswith("anen"):
        tries.insert(0, w[:-4] + "aan")
    if w.endswith("ssen"):
        tries.insert(0, w[:-3])
    for t in tries:
        if t in ax.DEMONYMS:
            return ax.DEMONYMS[t]
    return None


def _classify(noun: str, lang: str) -> tuple[str, str]:
    _, ax = _lex(lang)
    for pat, kind, template in ax.FORCES:
        if re.fullmatch(pat, noun, re.IGNORECASE):
            return kind, template
    return "external_other", "{country}"


def _country_name(cc: str | None) -> str | None:
    if not cc:
        return None
    try:
        from kroniek.gazetteer import load_gazetteer

        cand = load_gazetteer().country(cc)
    except Exception:  # a missing gazetteer must not stop event extraction
        return cc
    name = getattr(cand, "name", None) or cc
    return name[4:] if name.startswith("The ") else name


def _actor_from_phrase(m: re.Match[str], lang: str, *, default_cc: str | None) -> Actor:
    if m.groupdict().get("group"):
        return Actor(name=m.group("group"), type="political_militia")
    kind, template = _classify(m.group("noun"), lang)
    dem = _demonym(m.group("adj"), lang) if m.group("adj") else None
    cc, country = (dem if dem else (default_cc, _country_name(default_cc)))
    name = template.format(country=country or "").replace(" of ", " of ").strip()
    name = re.sub(r"\s*\(\)|\s+of$", "", name) or m.group("noun")
    return Actor(name=name, type=kind, side=country if kind == "state_forces" else None)


def _candidates(doc: Doc, lo: int, hi: int, lang: str, default_cc: str | None) -> list[tuple[int, int, Actor]]:
    """Actor phrases in [lo, hi) with their spans."""
    phrase, people = _actor_patterns(lang)
    text = doc.text
    out: list[tuple[int, int, Actor]] = []
    for m in phrase.finditer(text, lo, hi):
        out.append((m.start(), m.end(), _actor_from_phrase(m, lang, default_cc=default_cc)))
    for m in people.finditer(text, lo, hi):
        dem = _demonym(m.group("people"), lang)
        if dem and not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), Actor(name=f"Military Forces of {dem[1]}",
                                                   type="state_forces", side=dem[1])))
    for p in doc.places:
        if _inferred(p):
            continue
        code = str(p.feature_code or "")
        if lo <= p.start and p.end <= hi and (p.role == "metonym" or code.startswith(("PCL", "PPLC"))):
            before = text[max(0, p.start - 45) : p.start]
            if p.role != "metonym" and (_LOCATIVE_ANY.search(before[-25:]) or _LOCATIVE.search(before)
                                        or _NEAR.search(before)):
                continue  # "in Oekraïne", "in de hoofdstad Khartoem" say where, not who
            out.append((p.start, p.end, _place_actor(p)))
    for e in doc.entities:
        if lo <= e.start and e.end <= hi and e.label == "ORG" and not any(
            s <= e.start < en for s, en, _ in out
        ):
            out.append((e.start, e.end, Actor(name=e.canonical or e.text, entity=e.id,
                                              type="external_other")))
    return sorted(out, key=lambda x: x[0])


def _place_actor(p: Place) -> Actor:
    country = _country_name(p.country_code) or p.name or p.text
    if p.role == "metonym" or str(p.feature_code or "") == "PPLC":
        # A capital acting ("Kyiv lanceerde een offensief") stands for its government.
        return Actor(name=f"Government of {country}", entity=p.entity, side=country,
                     type="state_forces", place=p.id)
    return Actor(name=f"Military Forces of {country}", entity=p.entity, side=country,
                 type="state_forces", place=p.id)


def _is_noun(trigger: str, lang: str) -> bool:
    from kroniek.stages.events import is_noun_form

    return is_noun_form(trigger, lang=lang)


def _is_source(doc: Doc, start: int) -> bool:
    """'volgens de staatsaanklager', 'aldus X': a source of the report, not an actor."""
    return bool(_SOURCE_BEFORE.search(doc.text[max(0, start - 25) : start]))


def find_actors(doc: Doc, event: Event, *, lang: str, clause: tuple[int, int],
                default_cc: str | None) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2): subject and object of the trigger, passives and agents resolved.

    The dependency parse (when the linguistic stage produced one) names them first; surface
    rules over the clause fill what it leaves open."""
    d1, d2 = _dep_actors(doc, event, lang=lang, default_cc=default_cc)
    s1, s2 = _surface_actors(doc, event, lang=lang, clause=clause, default_cc=default_cc)
    return _distinct(d1 or s1, d2 or s2)


def _surface_actors(doc: Doc, event: Event, *, lang: str, clause: tuple[int, int],
                    default_cc: str | None) -> tuple[Actor | None, Actor | None]:
    t0, t1 = event.trigger.start, event.trigger.end
    lo, hi = clause
    sent = doc.sentences[doc.sentence_index(t0)]
    first_end = t0 + len(event.trigger.text.split()[0])
    sources = [(c.source.start, c.source.end) for c in doc.claims
               if c.source.start is not None and c.source.end is not None]
    before = [c for c in _candidates(doc, lo, t0, lang, default_cc)
              if not _is_source(doc, c[0]) and not any(a <= c[0] < b for a, b in sources)]
    after = _candidates(doc, first_end, hi, lang, default_cc)
    agent = None
    for m in re.finditer(r"\b(?:door|by)\s+", doc.text[sent.start : sent.end]):
        a0 = sent.start + m.end()
        agent = next((c[2] for c in _candidates(doc, a0, min(a0 + 40, sent.end), lang, default_cc)
                      if c[0] - a0 < 30), None)
        if agent is not None:
            break
    head = doc.text[max(lo, t0 - 30) : t0]
    if _is_noun(event.trigger.text, lang) and _NOUN_BEFORE.search(head):
        # A noun: its agent follows as "van X"/"door X", its target as "op X"; inside an
        # adverbial phrase ("na de aanval", "bij de aanslag") the clause subject is not its agent.
        target = re.match(r"\s*(?:op|tegen|on|against)\s+", doc.text[t1:hi], re.IGNORECASE)
        of = re.match(r"\s*(?:van|of|door|by)\s+", doc.text[t1:hi], re.IGNORECASE)
        near = [c for c in after if c[0] - t1 < 30]
        a2 = near[0][2] if near and target else None
        a1 = near[0][2] if near and of else None
        if a1 is None and before and not _ADVERBIAL_PP.search(head) and _SUPPORT_VERB.search(
                doc.text[before[0][1] : t0]):
            a1 = before[0][2]  # "de CIA opende een drone-basis", not "mensen herdachten de aanslag"
        return _distinct(a1 or agent, a2)
    passive = bool(_PASSIVE.search(doc.text[lo:t0])) and bool(_PARTICIPLE.match(event.trigger.text))
    if passive:
        return _distinct(agent, before[0][2] if before else (after[0][2] if after else None))
    a1 = before[0][2] if before else (after.pop(0)[2] if after else None)
    a2 = before[1][2] if len(before) > 1 else (after[0][2] if after else None)
    return _distinct(a1 or agent, a2)


def _distinct(a1: Actor | None, a2: Actor | None) -> tuple[Actor | None, Actor | None]:
    if a1 is not None and a2 is not None and a1.name == a2.name:
        return a1, None
    return a1, a2


def default_actors(event: Event, *, country: str | None) -> None:
    """ACLED always names who protested, rioted or arrested: fill or correct those roles."""
    where = f" ({country})" if country else ""
    if event.type == "Protests" and (event.actor1 is None or event.actor1.type == "civilians"):
        name = f"Protesters{where}"
        event.actor1 = Actor(name=name, type="protesters")
    elif event.type == "Riots" and (event.actor1 is None or event.actor1.type in ("civilians", "protesters")):
        event.actor1 = Actor(name=f"Rioters{where}", type="rioters")
    elif event.sub_type == "Arrests" and (event.actor1 is None or event.actor1.type == "civilians"):
        if event.actor1 is not None and event.actor2 is None:
            event.actor2 = event.actor1
        event.actor1 = Actor(name=f"Police Forces of {country}" if country else "Police Forces",
                             type="state_forces", side=country)
    if event.type == "Violence against civilians" and event.actor1 is not None \
            and event.actor1.type == "civilians":
        # Civilians are the target of violence against civilians, never its perpetrator.
        event.actor2 = event.actor2 or event.actor1
        event.actor1 = None
    if event.type in ("Violence against civilians", "Explosions/Remote violence") and event.actor1 is None:
        event.actor1 = Actor(name=f"Unidentified Armed Group{where}", type="political_militia")
    # By ACLED's definition the target of violence against civilians, and whoever is
    # arrested unless named, are civilians.
    if event.actor2 is None and (event.type == "Violence against civilians" or event.sub_type == "Arrests"):
        event.actor2 = Actor(name=f"Civilians{where}", type="civilians")


def _dep_actors(doc: Doc, event: Event, *, lang: str, default_cc: str | None) -> tuple[Actor | None, Actor | None]:
    toks = doc.tokens
    if not toks or not any(t.dep for t in toks):
        return None, None
    idx = next((i for i, t in enumerate(toks) if t.start <= event.trigger.start < t.end), None)
    if idx is None:
        return None, None
    # A parser may hang the subject on the auxiliary ("Het leger heeft ... beschoten").
    heads = {idx} | {j for j, t in enumerate(toks) if t.head == idx and t.dep.startswith(("aux", "cop"))}
    sent = doc.sentences[doc.sentence_index(event.trigger.start)]
    passive = any(toks[j].dep == "aux:pass" for j in heads) or any(
        t.head == idx and t.dep == "aux:pass" for t in toks) or (
        bool(_PASSIVE.search(doc.text[sent.start : event.trigger.start]))
        and bool(_PARTICIPLE.match(event.trigger.text)))
    a1 = a2 = None
    for i, t in enumerate(toks):
        if t.head not in heads or i in heads:
            continue
        span = _subtree(toks, i)
        if _is_source(doc, span[0]) or any(
            c.source.start is not None and c.source.start <= span[0] < (c.source.end or 0)
            for c in doc.claims
        ):
            continue
        cands = _candidates(doc, span[0], span[1], lang, default_cc)
        if not cands:
            continue
        actor = cands[-1][2]
        if (t.dep == "obl:agent" or (t.dep == "nsubj" and not passive)) and a1 is None:
            a1 = actor
        elif (t.dep in ("nsubj:pass", "obj") or (t.dep == "nsubj" and passive)) and a2 is None:
            a2 = actor
    return a1, a2


def _subtree(toks: list[Any], i: int) -> tuple[int, int]:
    members = {i}
    changed = True
    while changed:
        changed = False
        for j, t in enumerate(toks):
            if j not in members and t.head in members:
                members.add(j)
                changed = True
    return toks[min(members)].start, toks[max(members)].end


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
    for p in doc.places:
        if p.role != "location" or not (sent.start <= p.start < sent.end) or p.id in (exclude or ()):
            continue
        before = doc.text[max(sent.start, p.start - 45) : p.start]
        if not (_NEAR.search(before) or _LOCATIVE.search(before)) or _ORIGIN.search(before):
            continue
        score = 2.0 if clause[0] <= p.start < clause[1] else 0.0
        score -= abs(p.start - t0) / 60
        # Tuned on gold/events-nl: a city beats the country named beside it.
        score += {"exact": 1.5, "near": 1.0, "region": 0.5, "country": 0.0}.get(p.precision, 0)
        if best is None or score > best[0]:
            best = (score, p)
    if best is not None:
        p = best[1]
        prec = _PRECISION.get(p.precision, 3)
        if _NEAR.search(doc.text[max(sent.start, p.start - 45) : p.start]):
            prec = max(prec, 2)
        return p, prec
    return _fallback_place(doc, si, previous=previous)


_ARMED_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:leger|troepen|militairen|strijdkrachten|luchtmacht|marine|soldaten|"
    r"bloggers|army|troops|soldiers|forces|military|air\s+force|navy)\b",
    re.IGNORECASE,
)
_ADJ_PLACE = re.compile(r"(?<![\w-])([A-Z][\w'-]+?)(?:se|sche|e)(?![\w-])")


_INFERRED_NOTE = "inferred by the events stage"


def _inferred(p: Place) -> bool:
    return bool(p.note) and str(p.note).startswith(_INFERRED_NOTE)


def infer_place(doc: Doc, lo: int, hi: int) -> Place | None:
    """A place named only by an adjective in [lo, hi), added to `doc.places` with a note."""
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
        dem = _demonym(word, lang)
        cand = gaz.country(dem[0]) if dem and dem[0] else None
        precision = "country"
        if cand is None and not dem:
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
            note=f"{_INFERRED_NOTE} from the adjective {word!r}",
        )
        doc.places.append(place)
        return place
    return None


def _fallback_place(
    doc: Doc, si: int, *, previous: list[Event] | None = None
) -> tuple[Place | None, int | None]:
    """Earlier sentences of the paragraph, then adjectives, then the place of the event told
    just before (same paragraph, within eight sentences), then the most mentioned place."""
    block = doc.block_at(doc.sentences[si].start)
    back = [doc.sentences[j] for j in range(si - 1, max(-1, si - 5), -1)
            if block is not None and doc.sentences[j].start >= block.start]
    for prev in back:
        cands = [p for p in doc.places if p.role == "location" and prev.start <= p.start < prev.end
                 and not _inferred(p)]
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
    if not locs:
        return None, None
    counts: dict[str, int] = {}
    for p in locs:
        key = p.name or p.text
        counts[key] = counts.get(key, 0) + 1
    top = max(counts.values())
    first = next(p for p in locs if counts[p.name or p.text] == top)
    return first, 3


# -- time -----------------------------------------------------------------------------------


def choose_time(doc: Doc, event: Event, *, clause: tuple[int, int], definite: bool = False) -> EventTime:
    """The governing time expression: in the clause, after a noun trigger, in the sentence,
    or in the sentence before (same paragraph); else the week up to publication."""
    t0 = event.trigger.start
    si = doc.sentence_index(t0)
    sent = doc.sentences[si]
    in_sent = [t for t in doc.times if sent.start <= t.start < sent.end and t.value.from_]
    if in_sent:
        in_clause = [t for t in in_sent if clause[0] <= t.start < clause[1]]
        following = [t for t in in_sent if 0 <= t.start - event.trigger.end < 40]
        lang = doc.lang if doc.lang in ("nl", "en") else "nl"
        noun = _is_noun(event.trigger.text, lang) and _NOUN_BEFORE.search(
            doc.text[max(sent.start, t0 - 30) : t0])
        pool = (following if noun and following else None) or in_clause or in_sent
        if definite and not following:
            # "gelinkt aan de aanslag op De Telegraaf" on Monday: Monday dates the linking,
            # not the attack the definite noun refers back to.
            pool = []
        if pool:
            t = min(pool, key=lambda t: abs(t.start - t0))
            return _event_time(t.value.from_, t.value.to, t.precision, ref=t.id)
    block = doc.block_at(sent.start)
    if si > 0 and block is not None and doc.sentences[si - 1].start >= block.start:
        prev = doc.sentences[si - 1]
        earlier = [t for t in doc.times if prev.start <= t.start < prev.end and t.value.from_]
        if earlier:
            t = earlier[-1]
            return _event_time(t.value.from_, t.value.to, t.precision, ref=t.id)
    pub = doc.published
    rng = publication_range(pub.value, pub.precision) if pub else None
    if pub is None or rng is None:
        return EventTime()
    # Nothing dates it: news reports what happened lately, so the week up to publication
    # (or the publication month); the precision says it is an assumption.
    if pub.precision == "day":
        return _event_time((rng[0] - dt.timedelta(days=6)).isoformat(), rng[1].isoformat(),
                           "week", ref=None)
    return _event_time(rng[0].isoformat(), rng[1].isoformat(), pub.precision, ref=None)


def _event_time(frm: str | None, to: str | None, precision: str, *, ref: str | None) -> EventTime:
    tp = 3
    if frm and to:
        days = (dt.date.fromisoformat(to) - dt.date.fromisoformat(frm)).days + 1
        tp = 1 if days <= 1 else 2 if days <= 7 else 3
    return EventTime(from_=frm, to=to, precision=precision, time_precision=tp, ref=ref)


def time_is_future(doc: Doc, event: Event) -> bool:
    if event.time.ref is None or not event.time.from_ or doc.published is None:
        return False
    rng = publication_range(doc.published.value, doc.published.precision)
    return rng is not None and event.time.from_ > rng[1].isoformat()


# -- fatalities -----------------------------------------------------------------------------


def parse_number(word: str, *, lang: str) -> int | None:
    """'157', '1.300', 'elf', 'achtduizend', 'twelve' → int; None for anything else."""
    ev, _ = _lex(lang)
    w = word.lower().strip(".,")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+|\d+", w):
        return int(re.sub(r"[.,]", "", w))
    if w in ev.NUMBER_WORDS:
        return int(ev.NUMBER_WORDS[w])
    for big, mult in (("duizend", 1000), ("honderd", 100)):
        if w.endswith(big) and w != big:
            head = parse_number(w[: -len(big)], lang=lang)
            return head * mult if head else None
    return None


@cache
def _fatality_patterns(lang: str) -> list[re.Pattern[str]]:
    ev, _ = _lex(lang)
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
    from kroniek.stages.events import clause_bounds

    clause = clause_bounds(doc, event.trigger.start, event.trigger.end, trig.sent)
    place, geo = choose_place(doc, event, clause=clause, previous=previous)
    event.place = place.id if place else None
    event.geo_precision = geo
    event.time = choose_time(doc, event, clause=clause, definite=bool(trig.anaphoric))
    cc = place.country_code if place else None
    event.actor1, event.actor2 = find_actors(doc, event, lang=lang, clause=clause, default_cc=cc)
    if event.actor1 is None and trig.anaphoric and trig.sent > 0:
        # "Oekraïne heeft ... ondernomen. De ingreep ..." : the subject that opens the
        # sentence before is the agent of an anaphoric noun.
        prev = doc.sentences[trig.sent - 1]
        cands = _candidates(doc, prev.start, min(prev.end, prev.start + 40), lang, cc)
        event.actor1 = cands[0][2] if cands else None
    default_actors(event, country=_country_name(cc))
    used = {a.place for a in (event.actor1, event.actor2) if a is not None and a.place}
    if place is not None and place.id in used:
        place, geo = choose_place(doc, event, clause=clause, exclude=used)
        event.place, event.geo_precision = (place.id if place else None), geo
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
