"""Who did it to whom: the actors of an event (used by `kroniek.stages.events`).

Actors come from the dependency parse when the linguistic stage produced one (nsubj/obj/
obl:agent of the trigger, passives swapped), and surface rules over the trigger's clause
fill what it leaves open: the first actor phrase before a verb is actor1 (after it, in
Dutch verb-second order, when nothing precedes), the next one or the object is actor2, a
passive's agent ("door X") is actor1. Actor phrases are role nouns with a demonym ("het
Oekraïense leger" → Military Forces of Ukraine), country places (the state acting),
capitals and metonymic places from the places stage ("Kyiv" → Government of Ukraine).
Claim sources ("volgens de staatsaanklager", "bloggers melden") are never actors.
`default_actors` applies ACLED's conventions (protesters protest, civilians are the
target of violence against civilians).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kroniek.doc import Actor, Doc, Event, Place
from kroniek.stages.events.triggers import is_noun_form, lexicon

__all__ = [
    "INFERRED_NOTE",
    "LOCATIVE",
    "NEAR",
    "NOUN_BEFORE",
    "actor_candidates",
    "country_name",
    "default_actors",
    "demonym",
    "find_actors",
    "is_noun",
]

# The note on places the events stage infers from adjectives ("de Nieuw-Zeelandse premier").
INFERRED_NOTE = "inferred by the events stage"

NEAR = re.compile(
    r"(?:ten\s+(?:noorden|zuiden|oosten|westen|noordoosten|noordwesten|zuidoosten|zuidwesten)\s+van|"
    r"nabij|rond|rondom|bij|in\s+de\s+buurt\s+van|buiten|near|outside|around|"
    r"(?:north|south|east|west)\s+of)\s+(?:de\s+|het\s+|the\s+)?(?:(?:stad|dorp|plaats|town|"
    r"city|village)\s+)?$",
    re.IGNORECASE,
)
LOCATIVE = re.compile(
    r"(?:\bin|\bop|\bte|\baan|\bat|\bon|\binto|\bnaar)\s+(?:de\s+|het\s+|the\s+|een\s+|a\s+)?"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_LOCATIVE_ANY = re.compile(
    r"\b(?:in|op|te|bij|naar|uit|van|over|at|in|to|from|into|near|rond|rondom|nabij)\s+$", re.IGNORECASE
)
_PASSIVE = re.compile(
    r"\b(?:werd|werden|worden|wordt|is|zijn|was|waren|raakte|raakten|were|was|been|is|are)\b",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"\w*ge\w+[dt]$|(?:be|ver|ont|her)\w+[dt]$|\w+ed$", re.IGNORECASE)
NOUN_BEFORE = re.compile(
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

@cache
def _actor_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    _, ax = lexicon(lang)
    nouns = "|".join(f"(?:{p})" for p, _, _ in ax.FORCES)
    phrase = re.compile(
        rf"(?<![\w-])(?:(?P<adj>[\w-]+?(?:se|sche|e|n|an|sh|ch|i))\s+)?(?:\w+\s+)?"
        rf"(?P<noun>{nouns})(?![\w-])|(?<![\w-])(?P<group>[\w]+-?(?:{ax.GROUP_SUFFIXES}))(?![\w-])",
        re.IGNORECASE,
    )
    people = re.compile(r"(?<![\w-])(?P<people>[A-Z][\w'-]+?(?:ers|anen|en|ën|s|ians|ans|is))(?![\w-])")
    return phrase, people


def demonym(word: str, lang: str) -> tuple[str, str] | None:
    _, ax = lexicon(lang)
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
    _, ax = lexicon(lang)
    for pat, kind, template in ax.FORCES:
        if re.fullmatch(pat, noun, re.IGNORECASE):
            return kind, template
    return "external_other", "{country}"


def country_name(cc: str | None) -> str | None:
    if not cc:
        return None
    try:
        from kroniek.gazetteer import load_gazetteer

        cand = load_gazetteer().country(cc)
    except Exception:  # a missing gazetteer must not stop event extraction
        return cc
    name = getattr(cand, "name", None) or cc
    return name[4:] if name.startswith("The ") else name


# Countries whose ACLED name takes "the" after "of" ("Police Forces of the Netherlands",
# "Military Forces of the United States"); in brackets it does not ("Protesters
# (Netherlands)").
_OF_THE = re.compile(r" of (Netherlands|United States|United Kingdom|Philippines|Czech Republic|"
                     r"Dominican Republic|Central African Republic|Democratic Republic of Congo|"
                     r"United Arab Emirates|Gambia|Bahamas|Comoros|Maldives)$")


def _of_the(name: str) -> str:
    """An actor name in ACLED's words: "Police Forces of Netherlands" → "... of the Netherlands"."""
    return _OF_THE.sub(r" of the \1", name)


def _actor_from_phrase(m: re.Match[str], lang: str, *, default_cc: str | None) -> Actor:
    if m.groupdict().get("group"):
        return Actor(name=m.group("group"), type="political_militia")
    kind, template = _classify(m.group("noun"), lang)
    dem = demonym(m.group("adj"), lang) if m.group("adj") else None
    cc, country = (dem if dem else (default_cc, country_name(default_cc)))
    name = _of_the(template.format(country=country or "").strip())
    name = re.sub(r"\s*\(\)|\s+of$", "", name) or m.group("noun")
    return Actor(name=name, type=kind, side=country if kind == "state_forces" else None)


def actor_candidates(doc: Doc, lo: int, hi: int, lang: str, default_cc: str | None) -> list[tuple[int, int, Actor]]:
    """Actor phrases in [lo, hi) with their spans."""
    phrase, people = _actor_patterns(lang)
    text = doc.text
    out: list[tuple[int, int, Actor]] = []
    for m in phrase.finditer(text, lo, hi):
        out.append((m.start(), m.end(), _actor_from_phrase(m, lang, default_cc=default_cc)))
    for m in people.finditer(text, lo, hi):
        dem = demonym(m.group("people"), lang)
        if dem and not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), Actor(name=_of_the(f"Military Forces of {dem[1]}"),
                                                   type="state_forces", side=dem[1])))
    for p in doc.places:
        if p.note and p.note.startswith(INFERRED_NOTE):
            continue  # a place inferred from an adjective is where, never who
        code = str(p.feature_code or "")
        if lo <= p.start and p.end <= hi and (p.role == "metonym" or code.startswith(("PCL", "PPLC"))):
            before = text[max(0, p.start - 45) : p.start]
            if p.role != "metonym" and (_LOCATIVE_ANY.search(before[-25:]) or LOCATIVE.search(before)
                                        or NEAR.search(before)):
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
    country = country_name(p.country_code) or p.name or p.text
    if p.role == "metonym" or str(p.feature_code or "") == "PPLC":
        # A capital acting ("Kyiv lanceerde een offensief") stands for its government.
        return Actor(name=_of_the(f"Government of {country}"), entity=p.entity, side=country,
                     type="state_forces", place=p.id)
    return Actor(name=_of_the(f"Military Forces of {country}"), entity=p.entity, side=country,
                 type="state_forces", place=p.id)


def is_noun(trigger: str, lang: str) -> bool:
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
    before = [c for c in actor_candidates(doc, lo, t0, lang, default_cc)
              if not _is_source(doc, c[0]) and not any(a <= c[0] < b for a, b in sources)]
    after = actor_candidates(doc, first_end, hi, lang, default_cc)
    agent = None
    for m in re.finditer(r"\b(?:door|by)\s+", doc.text[sent.start : sent.end]):
        a0 = sent.start + m.end()
        agent = next((c[2] for c in actor_candidates(doc, a0, min(a0 + 40, sent.end), lang, default_cc)
                      if c[0] - a0 < 30), None)
        if agent is not None:
            break
    head = doc.text[max(lo, t0 - 30) : t0]
    if is_noun(event.trigger.text, lang) and NOUN_BEFORE.search(head):
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
        event.actor1 = Actor(name=_of_the(f"Police Forces of {country}") if country else "Police Forces",
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
        cands = actor_candidates(doc, span[0], span[1], lang, default_cc)
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
