"""Stage `kroniek.events.v1`: events typed in the ACLED taxonomy, placed, dated, sourced.

Steps, in order, for each sentence:

1. **Triggers.** Lexicon patterns (`kroniek.lang.<lang>.events.TRIGGERS`) find event words
   ("gevechten", "beschiet", "luchtaanval", "demonstratie", "opgepakt"); ambiguous ones
   ("strijd", "operatie") need a conflict word within one sentence. Overlaps keep the
   longest match.
2. **Typing.** The trigger's sub-type is refined by the words of its clause ("aanval" with
   "drone" is an Air/drone strike, a protest with "traangas" a Protest with intervention);
   the PLOVER code follows from the sub-type (`kroniek.acled.PLOVER`).
3. **Modality.** Negation, future, hypothetical and habitual cues in the trigger's clause
   (or a governing time expression after the publication date) set `modality`; such
   events are kept but never reported as having happened (`happened(event)` is False).
4. **One event per incident.** Triggers of one type family in one sentence are one event;
   a definite noun ("de aanval", "het protest") that refers back to an earlier event of the
   same family at a compatible place becomes another mention of it.
5. **Arguments.** Actors (`kroniek.stages.event_args.find_actors`), place, time,
   fatalities and the claims that report the event (`event_args`), and a note when only
   one side reports it.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

from kroniek import acled
from kroniek.doc import Cue, Doc, Event
from kroniek.pipeline import register_stage
from kroniek.stages import event_args as args

__all__ = [
    "HAPPENED",
    "EventsStage",
    "happened",
    "in_scope",
    "is_noun_form",
    "lexicon",
    "merge_same_incident",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# When several triggers of one family share a sentence, the most specific sub-type wins.
_SPECIFICITY = [
    "Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Excessive force against protesters",
    "Violent demonstration", "Mob violence", "Protest with intervention",
    "Abduction/forced disappearance", "Sexual violence", "Government regains territory",
    "Non-state actor overtakes territory", "Attack", "Peaceful protest", "Armed clash",
    "Arrests", "Looting/property destruction", "Headquarters or base established",
    "Disrupted weapons use", "Agreement", "Non-violent transfer of territory",
    "Change to group/activity", "Other",
]  # fmt: skip


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    text: str
    sub_type: str
    sent: int
    anaphoric: bool = False
    modality: str = "asserted"
    extra: list[tuple[int, int]] = field(default_factory=list)  # other trigger spans


def lexicon(lang: str) -> tuple[ModuleType, ModuleType]:
    """The (events, actors) lexicon modules of a language (Dutch for anything else)."""
    if lang == "en":
        from kroniek.lang.en import actors, events

        return events, actors
    from kroniek.lang.nl import actors as nl_actors
    from kroniek.lang.nl import events as nl_events

    return nl_events, nl_actors


@cache
def _compiled(lang: str) -> dict[str, object]:
    ev, _ = lexicon(lang)
    bound = r"(?<![\w-]){}(?![\w-])"
    # A trigger may end a hyphenated compound ("Navo-bombardementen", "Gele-Hesjesdemonstratie").
    compound = r"(?<![\w-])(?:\w+-)?{}(?![\w-])"
    return {
        "triggers": [
            (re.compile((bound if _family(sub) == "strategic" else compound).format(f"(?:{p})"),
                        re.IGNORECASE), sub, ctx)
            for p, sub, ctx in ev.TRIGGERS
        ],
        # Zero-width: every position where some trigger pattern matches. One pass with it
        # and `match` at those positions finds what a `finditer` per pattern finds, in
        # less than half the time (39 Dutch patterns, each one pass over the text).
        "screen": re.compile(
            r"(?<![\w-])(?=(?:\w+-)?(?:" + "|".join(rf"(?:{p})(?![\w-])" for p, _, _ in ev.TRIGGERS) + "))",
            re.IGNORECASE,
        ),
        "context": re.compile(bound.format(f"(?:{ev.CONTEXT})"), re.IGNORECASE),
        "refine": [
            (re.compile(bound.format(f"(?:{p})"), re.IGNORECASE), subs, new)
            for p, subs, new in ev.REFINE
        ],
        "anaphoric": re.compile(ev.ANAPHORIC, re.IGNORECASE),
        "noun": re.compile(ev.NOUN_FORMS, re.IGNORECASE),
        "not_events": re.compile(ev.NOT_EVENTS, re.IGNORECASE),
        "purpose": re.compile(ev.PURPOSE, re.IGNORECASE),
        "negation": re.compile(bound.format(f"(?:{ev.NEGATION})"), re.IGNORECASE),
        "future": re.compile(bound.format(f"(?:{ev.FUTURE})"), re.IGNORECASE),
        "hypothetical": re.compile(bound.format(f"(?:{ev.HYPOTHETICAL})"), re.IGNORECASE),
        "habitual": re.compile(bound.format(f"(?:{ev.HABITUAL})"), re.IGNORECASE),
        "denial": re.compile(bound.format(f"(?:{ev.DENIAL})"), re.IGNORECASE),
        "aggregate": re.compile(bound.format(f"(?:{ev.AGGREGATE})"), re.IGNORECASE),
        "fiction": re.compile(bound.format(f"(?:{ev.FICTION})"), re.IGNORECASE),
        "sport": re.compile(bound.format(f"(?:{ev.SPORT})"), re.IGNORECASE),
        "political": re.compile(bound.format(f"(?:{ev.POLITICAL})"), re.IGNORECASE),
    }


def is_noun_form(word: str, *, lang: str) -> bool:
    """Whether a trigger is one of the lexicon's noun forms ("aanval", "gevechten"; not the
    participle "beschoten")."""
    return bool(_compiled(lang)["noun"].fullmatch(word))  # type: ignore[attr-defined]


HAPPENED = ("asserted", "claimed")


def happened(event: Event) -> bool:
    """True for events reported as having happened: asserted, or claimed on a source's word
    (not negated, future, hypothetical or habitual)."""
    return event.modality in HAPPENED


# -- 1. triggers --------------------------------------------------------------------------


def find_triggers(doc: Doc, *, lang: str) -> list[Trigger]:
    """Trigger matches in sentence order; one pass per pattern over the whole text."""
    comp = _compiled(lang)
    idioms = [m.span() for m in comp["not_events"].finditer(doc.text)]  # type: ignore[attr-defined]
    by_sent: dict[int, list[Trigger]] = {}
    context_of: dict[int, bool] = {}
    candidates = [m.start() for m in comp["screen"].finditer(doc.text)]  # type: ignore[attr-defined]
    for pat, sub, needs_ctx in comp["triggers"]:  # type: ignore[attr-defined]
        for m in _matches_at(pat, doc.text, candidates):
            si = doc.sentence_index(m.start())
            if si < 0 or m.end() > doc.sentences[si].end:
                continue
            if any(a < m.end() and m.start() < b for a, b in idioms):
                continue
            if needs_ctx:
                if si not in context_of:
                    context_of[si] = _has_context(doc, si, comp["context"])  # type: ignore[arg-type]
                if not context_of[si]:
                    continue
            by_sent.setdefault(si, []).append(Trigger(m.start(), m.end(), m.group(0), sub, si))
    out: list[Trigger] = []
    for si in sorted(by_sent):
        # Longest first; of two equally long, the more specific sub-type ("drone-aanval").
        found = sorted(by_sent[si], key=lambda t: (-(t.end - t.start), t.start,
                                                   _SPECIFICITY.index(t.sub_type)))
        kept: list[Trigger] = []
        for t in found:
            if all(t.end <= k.start or t.start >= k.end for k in kept):
                kept.append(t)
        out.extend(sorted(kept, key=lambda t: t.start))
    return out


def _matches_at(pat: re.Pattern[str], text: str, positions: list[int]) -> list[re.Match[str]]:
    """What `pat.finditer(text)` yields, when every match starts at one of `positions`."""
    out: list[re.Match[str]] = []
    last = 0
    for p in positions:
        if p < last:
            continue
        m = pat.match(text, p)
        if m:
            out.append(m)
            last = max(m.end(), p + 1)
    return out


def _has_context(doc: Doc, si: int, context: re.Pattern[str]) -> bool:
    lo, hi = max(0, si - 1), min(len(doc.sentences), si + 2)
    return any(
        context.search(doc.text[s.start : s.end]) for s in doc.sentences[lo:hi]
    )


# -- 2./3. typing and modality -----------------------------------------------------------


def clause_bounds(doc: Doc, start: int, end: int, sent: int) -> tuple[int, int]:
    """The clause around a trigger: the sentence cut at , ; : and clause conjunctions."""
    s = doc.sentences[sent]
    text = doc.text
    boundary = re.compile(
        r"[,;:–—]|\s(?:maar|terwijl|omdat|want|waardoor|nadat|zodat|but|while|because|after|"
        r"although|whereas|which|who|die|dat|waar|waarbij|toen|when|als|indien|wanneer|if)\s",
        re.IGNORECASE,
    )
    lo = s.start
    for m in boundary.finditer(text, s.start, start):
        lo = m.start()
    nxt = boundary.search(text, end, s.end)
    hi = nxt.start() if nxt else s.end
    return lo, hi


def refine_sub_type(sub: str, window: str, *, lang: str) -> str:
    for pat, subs, new in _compiled(lang)["refine"]:  # type: ignore[attr-defined]
        if sub in subs and pat.search(window):
            sub = new
    return sub


def trigger_modality(doc: Doc, trig: Trigger, *, lang: str) -> str:
    """asserted, negated, hypothetical, future or habitual, from the trigger's clause.

    A definite noun ("de aanval op Belgorod") presupposes its event: only habitual cues and
    a plural without any date (a generic statement: "drone-aanvallen groeiden uit tot ...")
    apply to it. A complement clause ("..., zullen niet toestaan dat die stad wordt
    ingenomen") is governed by the clause it depends on.
    """
    comp = _compiled(lang)
    ev, _ = lexicon(lang)
    s = doc.sentences[trig.sent]
    lo, hi = clause_bounds(doc, trig.start, trig.end, trig.sent)
    clause = doc.text[lo:hi]
    before = doc.text[max(lo, trig.start - 60) : trig.start]
    dependent = re.match(r"\W*(?:dat|om|die|of|waar|that|to|which|who|whether)\b", clause, re.I)
    matrix = doc.text[s.start : lo] if dependent else ""
    if re.search(r"\b(?:geen|no)\s+(?:[\w-]+\s+)?$", before, re.I):
        return "negated"
    if comp["denial"].search(doc.text[s.start : trig.start]):  # type: ignore[attr-defined]
        return "negated"  # "Hij ontkende gevochten te hebben"
    generic = bool(comp["habitual"].search(clause + " " + matrix)  # type: ignore[attr-defined]
                   or _generic_plural(doc, trig) or _aggregate(doc, trig))
    if trig.anaphoric:
        return "habitual" if generic else "asserted"
    if comp["purpose"].search(doc.text[s.start : trig.start]):  # type: ignore[attr-defined]
        return "future"  # "om Constantinopel te veroveren": intended, not (yet) done
    scope = clause + " " + matrix
    if comp["negation"].search(before) or comp["negation"].search(matrix):  # type: ignore[attr-defined]
        return "negated"
    opener = re.compile(rf"\W*(?:{ev.CONDITIONAL_OPENERS})\b", re.IGNORECASE)
    if (comp["hypothetical"].search(scope)  # type: ignore[attr-defined]
            or opener.match(clause) or opener.match(doc.text[s.start : s.end])
            or re.search(rf"\b(?:{ev.CONDITIONAL_OPENERS})\b", matrix, re.I)
            or doc.text[s.start : s.end].rstrip(" \"'”’»").endswith("?")):
        return "hypothetical"  # conditions, threats, plots, calls, questions
    if generic:
        return "habitual"
    if comp["future"].search(scope):  # type: ignore[attr-defined]
        return "future"
    return "asserted"


_COUNT = re.compile(
    r"(?:\d[\d.,]*|een\s+paar|enkele|(?:tien|honderd|duizend)tallen|honderden|duizenden|tientallen|"
    r"twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|"
    r"dozens|hundreds|thousands|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _aggregate(doc: Doc, trig: Trigger) -> bool:
    """A counted plural with an aggregating cue ("vorig jaar slechts zes aanslagen", "het
    aantal aanslagen", "sinds januari tientallen arrestaties"): a statistic, not an event."""
    comp = _compiled(doc.lang if doc.lang in ("nl", "en") else "nl")
    if not comp["noun"].fullmatch(trig.text) or not re.search(r"(?:en|s)$", trig.text.lower()):  # type: ignore[attr-defined]
        return False
    s = doc.sentences[trig.sent]
    before = doc.text[max(s.start, trig.start - 40) : trig.start]
    if re.search(r"\b(?:aantal|number\s+of)\s+(?:[\w-]+\s+)?$", before, re.I):
        return True
    return bool(_COUNT.search(before)) and bool(comp["aggregate"].search(doc.text[s.start : s.end]))  # type: ignore[attr-defined]


def _generic_plural(doc: Doc, trig: Trigger) -> bool:
    """A generic statement: a bare plural ("drone-aanvallen groeiden uit tot ...") or a noun
    with no determiner ("een verbod op protest"), in a sentence with no date and no number."""
    comp = _compiled(doc.lang if doc.lang in ("nl", "en") else "nl")
    if not comp["noun"].fullmatch(trig.text):  # type: ignore[attr-defined]
        return False
    s = doc.sentences[trig.sent]
    before = doc.text[max(s.start, trig.start - 30) : trig.start]
    if re.search(r"\b(?:will|would|shall|should|can|could|may|might|must|to|did|does|do|not|"
                 r"n't|zal|zullen|wil|willen|kan|kunnen|gaat|gaan|te)\s+$", before, re.I):
        return False  # a verb after a modal or "to", not a bare noun
    plural = bool(re.search(r"(?:en|s)$", trig.text.lower()))
    determined = re.search(r"\b(?:de|het|een|die|deze|dit|dat|zijn|haar|hun|the|a|an|this|that|"
                           r"these|those|its|their)\s+(?:[\w-]+\s+)?$", before, re.IGNORECASE)
    if not plural and determined:
        return False
    if any(s.start <= t.start < s.end for t in doc.times):
        return False
    return not re.search(r"\d", doc.text[s.start : s.end])


# -- relevance ----------------------------------------------------------------------------

# Sub-types that ordinary crime shares with political violence: kept only with a political
# word near them (ACLED's scope; GUIDE round 2: a murder in a family quarrel, a fraud arrest
# and drug crime are not events).
_CRIME_LIKE = {"Attack", "Sexual violence", "Abduction/forced disappearance", "Arrests",
               "Looting/property destruction"}
# An article about sport: at least this many sport words. Chosen by reading the round-2 dev
# articles (a match report has dozens, a conflict article none or one).
_SPORT_WORDS = 4


def in_scope(doc: Doc, trig: Trigger, *, lang: str, sport: bool | None = None) -> bool:
    """Whether a trigger can be an ACLED event at all: not told in fiction, film or games;
    not a sport article's "strijd" or "gevechten"; not ordinary crime (no political word in
    its sentence, the sentences beside it or the title)."""
    comp = _compiled(lang)
    s = doc.sentences[trig.sent]
    sentence = doc.text[s.start : s.end]
    if comp["fiction"].search(sentence):  # type: ignore[attr-defined]
        return False
    lo = doc.sentences[max(0, trig.sent - 2)].start
    hi = doc.sentences[min(len(doc.sentences) - 1, trig.sent + 2)].end
    near = doc.text[lo:hi] + " " + (doc.title or "")
    if sport is None:
        sport = is_sport(doc, lang=lang)
    if sport and _family(trig.sub_type) == "violence" and not comp["political"].search(sentence):  # type: ignore[attr-defined]
        return False
    if trig.sub_type in _CRIME_LIKE:
        return bool(comp["political"].search(near)) or political_article(doc, lang=lang)  # type: ignore[attr-defined]
    return True


# An article with at least this many political words is about politics or conflict, and
# its arrests and attacks are in scope even far from those words. Chosen by reading the
# round-2 dev articles (crime reports have none to two).
_POLITICAL_WORDS = 4


def political_article(doc: Doc, *, lang: str) -> bool:
    """An article about politics or conflict (by how many political words it has)."""
    comp = _compiled(lang)
    return len(comp["political"].findall((doc.title or "") + " " + doc.text)) >= _POLITICAL_WORDS  # type: ignore[attr-defined]


def is_sport(doc: Doc, *, lang: str) -> bool:
    """An article about sport (by how many sport words it has)."""
    comp = _compiled(lang)
    found = comp["sport"].findall((doc.title or "") + " " + doc.text)  # type: ignore[attr-defined]
    return len(found) >= _SPORT_WORDS


def _modality_from_claims(doc: Doc, event: Event) -> str:
    """A denial covering the trigger negates it; a hedged or unconfirmed report makes it
    claimed ("volgens Russische bloggers werd er gevochten")."""
    if event.modality != "asserted":
        return event.modality
    t0 = event.trigger.start
    covering = [c for c in doc.claims if c.start <= t0 < c.end]
    if any(c.factuality == "denied" for c in covering):
        return "negated"
    lang = doc.lang if doc.lang in ("nl", "en") else "nl"
    if covering and all(c.factuality in ("hedged", "unconfirmed") for c in covering) \
            and not is_noun_form(event.trigger.text, lang=lang):
        return "claimed"  # a noun ("na de aanslag") presupposes its event even in an opinion
    return "asserted"


# -- 4. events from triggers ---------------------------------------------------------------


def _family(sub: str) -> str:
    return acled.FAMILY[acled.TYPE_OF[sub]]


def _own_place(doc: Doc, t: Trigger) -> str | None:
    """The name of the place in a trigger's own clause, if one is there."""
    lo, hi = clause_bounds(doc, t.start, t.end, t.sent)
    for p in doc.places:
        if p.role == "location" and lo <= p.start < hi:
            return p.name or p.text
    return None


def group_triggers(doc: Doc, triggers: list[Trigger]) -> list[Trigger]:
    """One trigger per (sentence, family, modality, place of its own clause); the most
    specific sub-type wins. Two clauses that each name their own, different place are two
    incidents ("X werd beschoten, in Y vielen bommen")."""
    groups: dict[tuple[int, str, str, str | None], Trigger] = {}
    own: dict[tuple[int, str, str], str | None] = {}
    for t in triggers:
        # Strategic developments are different things (an arrest is not a looting).
        family = t.sub_type if _family(t.sub_type) == "strategic" else _family(t.sub_type)
        base = (t.sent, family, t.modality)
        # Only a verb tells a second incident; a noun beside it names the same one again
        # ("de massamoord in Srebrenica, de grootste moordpartij in Europa").
        lang = doc.lang if doc.lang in ("nl", "en") else "nl"
        place = None if is_noun_form(t.text, lang=lang) else _own_place(doc, t)
        key: tuple[int, str, str, str | None] = (*base, None)
        if place is not None and own.setdefault(base, place) != place:
            key = (*base, place)
        head = groups.get(key)
        if head is None:
            groups[key] = t
            continue
        # A definite noun in the sentence ("vijf dagen voor de aanslag") often points at
        # another event; the verb or indefinite noun is the event told here.
        if (head.anaphoric and not t.anaphoric) or (
            head.anaphoric == t.anaphoric
            and _SPECIFICITY.index(t.sub_type) < _SPECIFICITY.index(head.sub_type)
        ):
            t.extra = [*head.extra, (head.start, head.end)]
            t.anaphoric = t.anaphoric and head.anaphoric
            groups[key] = t
        else:
            head.extra.append((t.start, t.end))
            head.anaphoric = head.anaphoric and t.anaphoric
    return sorted(groups.values(), key=lambda t: t.start)


def _make_event(doc: Doc, trig: Trigger, n: int, *, lang: str) -> Event:
    sub = trig.sub_type
    etype = acled.TYPE_OF[sub]
    return Event(
        id=f"ev{n}",
        type=etype,
        sub_type=sub,
        plover=acled.plover_code(sub),
        trigger=Cue(start=trig.start, end=trig.end, text=trig.text),
        modality=trig.modality,
        confidence=0.6 if trig.modality == "asserted" else 0.4,
    )


def merge_same_incident(doc: Doc, events: list[Event]) -> list[Event]:
    """Events of one article told twice ("de aanslag in Christchurch" ... "opende vrijdag het
    vuur in Christchurch en doodde vijftig mensen"): same sub-type, same named place, dates
    that agree. The later one becomes a mention of the earlier."""
    places = {p.id: p for p in doc.places}
    kept: list[Event] = []
    for e in events:
        p = places.get(e.place or "")
        same = None
        if happened(e) and p is not None and p.precision != "country":
            for k in kept:
                q = places.get(k.place or "")
                if (happened(k) and k.sub_type == e.sub_type and q is not None
                        and not _disagree(k, e)
                        and (q.name or q.text) == (p.name or p.text)
                        and (e.time.ref is None or k.time.ref is None
                             or (k.time.from_ or "") <= (e.time.to or "")
                             and (e.time.from_ or "") <= (k.time.to or ""))):
                    same = k
                    break
        if same is None:
            kept.append(e)
        else:
            args.absorb(same, e)
    return kept


def _repeat_of(doc: Doc, events: list[Event], event: Event, trig: Trigger, *,
               lang: str) -> Event | None:
    """The earlier event that a noun mention tells again ("Hij sprak van 'een aanslag'",
    "na de aanslagen in Utrecht" a second time): a noun of the same sub-type with no place
    of its own (or the same place) and no date that disagrees. A verb tells a new event."""
    if not happened(event) or not is_noun_form(trig.text, lang=lang):
        return None
    places = {p.id: p for p in doc.places}
    s = doc.sentences[trig.sent]
    mine = places.get(event.place or "")
    own = mine if mine is not None and s.start <= mine.start < s.end else None
    for e in reversed(events):
        # A definite noun with no place of its own ("Rutte noemde de aanslag ...") refers
        # to the last event of its family; an indefinite one to one of its own sub-type.
        kin = (_family(e.sub_type) == _family(event.sub_type)
               and _plural(e.trigger.text) == _plural(trig.text)
               if trig.anaphoric and own is None else e.sub_type == event.sub_type)
        if not happened(e) or not kin or _disagree(e, event):
            continue
        theirs = places.get(e.place or "")
        if own is not None and (theirs is None or (theirs.name or theirs.text) != (own.name or own.text)):
            continue
        if _dated_by_noun(doc, event) and e.time.ref and not (
                (e.time.from_ or "") <= (event.time.to or "") and (event.time.from_ or "") <= (e.time.to or "")):
            continue
        return e
    return None


def _plural(word: str) -> bool:
    return bool(re.search(r"(?:en|s)$", word.lower()))


def _dated_by_noun(doc: Doc, event: Event) -> bool:
    """Whether a noun trigger's time is its own ("de aanslag van vrijdag"), not the time of
    the sentence's verb ("sprak zaterdag van een aanslag")."""
    t = next((t for t in doc.times if t.id == event.time.ref), None)
    return t is not None and 0 <= t.start - event.trigger.end < 40


def _one_per_place(doc: Doc, event: Event) -> list[Event]:
    """Copies of an event for the other places of a list it happened in (ACLED: one event
    per location and day); "zware gevechten rondom Popovka en Demidovka" is two events."""
    place = next((p for p in doc.places if p.id == event.place), None)
    if place is None or not happened(event):
        return []
    copies = []
    for other in args.coordinated_places(doc, place):
        copy = dataclasses.replace(event, place=other.id, claims=list(event.claims))
        copies.append(copy)
    return copies


def _disagree(a: Event, b: Event) -> bool:
    """Two tolls, or two different named perpetrators: two incidents, not one."""
    if a.fatalities is not None and b.fatalities is not None and a.fatalities != b.fatalities:
        return True
    known = [x.actor1.name for x in (a, b)
             if x.actor1 is not None and not x.actor1.name.startswith("Unidentified")]
    return len(known) == 2 and known[0] != known[1]


@register_stage("kroniek.events.v1")
class EventsStage:
    """Finds events (ids ev1, ev2, ...) and links claims back to them (`Claim.events`)."""

    requires = ("claims", "places", "times")
    assigns = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        lang = doc.lang if doc.lang in ("nl", "en") else "nl"
        if not doc.sentences:
            return doc
        comp = _compiled(lang)
        sport = is_sport(doc, lang=lang)
        triggers = find_triggers(doc, lang=lang)
        for t in triggers:
            lo, hi = clause_bounds(doc, t.start, t.end, t.sent)
            t.sub_type = refine_sub_type(t.sub_type, doc.text[lo:hi], lang=lang)
            if t.sub_type == "Peaceful protest":  # the police's answer is often told aside
                s = doc.sentences[t.sent]
                t.sub_type = refine_sub_type(t.sub_type, doc.text[s.start : s.end], lang=lang)
            s = doc.sentences[t.sent]
            t.anaphoric = bool(comp["noun"].fullmatch(t.text)) and bool(  # type: ignore[attr-defined]
                comp["anaphoric"].search(doc.text[s.start : t.start][-25:]))  # type: ignore[attr-defined]
            t.modality = trigger_modality(doc, t, lang=lang)
        triggers = [t for t in triggers if in_scope(doc, t, lang=lang, sport=sport)]
        events: list[Event] = []
        for trig in group_triggers(doc, triggers):
            event = _make_event(doc, trig, len(events) + 1, lang=lang)
            args.fill_arguments(doc, event, trig, lang=lang, previous=events)
            if event.modality == "asserted" and args.time_is_future(doc, event):
                event.modality = "future"
            event.modality = _modality_from_claims(doc, event)
            earlier = ((args.antecedent(events, event, doc=doc) if trig.anaphoric else None)
                       or _repeat_of(doc, events, event, trig, lang=lang))
            if earlier is not None:
                args.absorb(earlier, event)
                continue
            events.append(event)
            events.extend(_one_per_place(doc, event))
        events = merge_same_incident(doc, events)
        by_claim = {c.id: c for c in doc.claims}
        for i, e in enumerate(events, start=1):
            e.id = f"ev{i}"
            e.background = args.is_background(doc, e)
            # Mentions merged in may have brought other sources: say one-sided only if still so.
            notes = [n for n in (e.note or "").split("; ") if n and not n.startswith("reported only")]
            one_sided = args.one_sided_note([by_claim[c] for c in e.claims if c in by_claim])
            e.note = "; ".join(([one_sided] if one_sided else []) + notes) or None
        doc.events = events
        args.link_claims_back(doc)
        return doc
