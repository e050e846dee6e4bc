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

__all__ = ["EventsStage", "happened", "is_noun_form", "lexicon", "merge_same_incident"]

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
    return {
        "triggers": [
            (re.compile(bound.format(f"(?:{p})"), re.IGNORECASE), sub, ctx)
            for p, sub, ctx in ev.TRIGGERS
        ],
        # Zero-width: every position where some trigger pattern matches. One pass with it
        # and `match` at those positions finds what a `finditer` per pattern finds, in
        # less than half the time (39 Dutch patterns, each one pass over the text).
        "screen": re.compile(
            r"(?<![\w-])(?=" + "|".join(rf"(?:{p})(?![\w-])" for p, _, _ in ev.TRIGGERS) + ")",
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
    }


def is_noun_form(word: str, *, lang: str) -> bool:
    """Whether a trigger is one of the lexicon's noun forms ("aanval", "gevechten"; not the
    participle "beschoten")."""
    return bool(_compiled(lang)["noun"].fullmatch(word))  # type: ignore[attr-defined]


def happened(event: Event) -> bool:
    """True for events reported as having happened (not negated/future/hypothetical/habitual)."""
    return event.modality == "asserted"


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
            if any(a <= m.start() < b for a, b in idioms):
                continue
            if needs_ctx:
                if si not in context_of:
                    context_of[si] = _has_context(doc, si, comp["context"])  # type: ignore[arg-type]
                if not context_of[si]:
                    continue
            by_sent.setdefault(si, []).append(Trigger(m.start(), m.end(), m.group(0), sub, si))
    out: list[Trigger] = []
    for si in sorted(by_sent):
        found = sorted(by_sent[si], key=lambda t: (-(t.end - t.start), t.start))
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
    if comp["habitual"].search(clause + " " + matrix) or _generic_plural(doc, trig):  # type: ignore[attr-defined]
        return "habitual"
    if trig.anaphoric:
        matrix = ""
    elif comp["purpose"].search(doc.text[s.start : trig.start]):  # type: ignore[attr-defined]
        return "future"  # "om Constantinopel te veroveren": intended, not (yet) done
    scope = clause + " " + matrix
    if trig.anaphoric:
        return "negated" if re.search(r"\b(?:geen|no)\s+$", before, re.I) else "asserted"
    if comp["negation"].search(before) or comp["negation"].search(matrix):  # type: ignore[attr-defined]
        return "negated"
    opener = re.compile(rf"\W*(?:{ev.CONDITIONAL_OPENERS})\b", re.IGNORECASE)
    if (comp["hypothetical"].search(scope)  # type: ignore[attr-defined]
            or opener.match(clause) or opener.match(doc.text[s.start : s.end])
            or re.search(rf"\b(?:{ev.CONDITIONAL_OPENERS})\b", matrix, re.I)):
        return "hypothetical"
    if comp["future"].search(scope):  # type: ignore[attr-defined]
        return "future"
    return "asserted"


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


# -- 4. events from triggers ---------------------------------------------------------------


def _family(sub: str) -> str:
    return acled.FAMILY[acled.TYPE_OF[sub]]


def group_triggers(doc: Doc, triggers: list[Trigger]) -> list[Trigger]:
    """One trigger per (sentence, family, modality); the most specific sub-type wins."""
    groups: dict[tuple[int, str, str], Trigger] = {}
    for t in triggers:
        # Strategic developments are different things (an arrest is not a looting).
        family = t.sub_type if _family(t.sub_type) == "strategic" else _family(t.sub_type)
        key = (t.sent, family, t.modality)
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
        if e.modality == "asserted" and p is not None and p.precision != "country":
            for k in kept:
                q = places.get(k.place or "")
                if (k.modality == "asserted" and k.sub_type == e.sub_type and q is not None
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


def _one_per_place(doc: Doc, event: Event) -> list[Event]:
    """Copies of an event for the other places of a list it happened in (ACLED: one event
    per location and day); "zware gevechten rondom Popovka en Demidovka" is two events."""
    place = next((p for p in doc.places if p.id == event.place), None)
    if place is None or event.modality != "asserted":
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
        events: list[Event] = []
        for trig in group_triggers(doc, triggers):
            event = _make_event(doc, trig, len(events) + 1, lang=lang)
            args.fill_arguments(doc, event, trig, lang=lang, previous=events)
            if event.modality == "asserted" and args.time_is_future(doc, event):
                event.modality = "future"
            earlier = args.antecedent(events, event, doc=doc) if trig.anaphoric else None
            if earlier is not None:
                args.absorb(earlier, event)
                continue
            events.append(event)
            events.extend(_one_per_place(doc, event))
        events = merge_same_incident(doc, events)
        by_claim = {c.id: c for c in doc.claims}
        for i, e in enumerate(events, start=1):
            e.id = f"ev{i}"
            # Mentions merged in may have brought other sources: say one-sided only if still so.
            notes = [n for n in (e.note or "").split("; ") if n and not n.startswith("reported only")]
            one_sided = args.one_sided_note([by_claim[c] for c in e.claims if c in by_claim])
            e.note = "; ".join(([one_sided] if one_sided else []) + notes) or None
        doc.events = events
        args.link_claims_back(doc)
        return doc
