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
5. **Arguments.** Actors (`actors.find_actors`), place, time, fatalities and the claims
   that report the event (`arguments`), and a note when only one side reports it.

The package: `triggers` (steps 1-3 and the relevance filter), `arguments` (place, time,
fatalities, claims, mentions), `dating` (the time), `actors` (who did it to whom); the
stage is here.
"""

from __future__ import annotations

import dataclasses
import logging
import re

from kroniek import acled
from kroniek.doc import Cue, Doc, Event
from kroniek.pipeline import register_stage
from kroniek.stages.claims import link_events
from kroniek.stages.events import arguments as args
from kroniek.stages.events.modality import presupposed
from kroniek.stages.events.modality import revise as revise_modality
from kroniek.stages.events.triggers import (
    SPECIFICITY,
    Trigger,
    clause_bounds,
    compiled,
    family_of,
    find_triggers,
    in_scope,
    is_noun_form,
    is_sport,
    lexicon,
    refine_sub_type,
    trigger_modality,
)

__all__ = [
    "HAPPENED",
    "EventsStage",
    "Trigger",
    "clause_bounds",
    "group_triggers",
    "happened",
    "in_scope",
    "is_noun_form",
    "lexicon",
    "merge_same_incident",
    "modality_from_claims",
    "rule_modality",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())


HAPPENED = ("asserted", "claimed")


def happened(event: Event) -> bool:
    """True for events reported as having happened: asserted, or claimed on a source's word
    (not negated, future, hypothetical or habitual)."""
    return event.modality in HAPPENED


def modality_from_claims(doc: Doc, event: Event) -> str:
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


def rule_modality(doc: Doc, event: Event) -> str:
    """The rules' last word on an event's modality, after its trigger's cues: a second look
    at them with the event's date and place known (`modality.revise`), a future date makes
    an asserted event future, then the claims that cover it (`modality_from_claims`)."""
    lang = doc.lang if doc.lang in ("nl", "en") else "nl"
    event.modality = revise_modality(doc, event, lang=lang)
    if event.modality == "asserted" and args.time_is_future(doc, event):
        event.modality = "future"
    if event.modality == "asserted" and presupposed(doc, event, lang=lang):
        return "asserted"  # "De man die vorig jaar werd mishandeld, houdt waarschijnlijk ...": not hedged
    return modality_from_claims(doc, event)


# -- 4. events from triggers ---------------------------------------------------------------


def _own_place(doc: Doc, t: Trigger) -> str | None:
    """The place in a trigger's own clause, if one is there, as "name|country code"."""
    lo, hi = clause_bounds(doc, t.start, t.end, t.sent)
    for p in doc.places:
        if p.role == "location" and lo <= p.start < hi:
            return f"{p.name or p.text}|{p.country_code or ''}"
    return None


def group_triggers(doc: Doc, triggers: list[Trigger]) -> list[Trigger]:
    """One trigger per (sentence, family, modality, place of its own clause); the most
    specific sub-type wins. Two clauses that each name their own, different place are two
    incidents ("X werd beschoten, in Y vielen bommen")."""
    groups: dict[tuple[int, str, str, str | None], Trigger] = {}
    own: dict[tuple[int, str, str], str] = {}
    for t in triggers:
        # Strategic developments are different things (an arrest is not a looting).
        family = t.sub_type if family_of(t.sub_type) == "strategic" else family_of(t.sub_type)
        base = (t.sent, family, t.modality)
        # Only a verb tells a second incident; a noun beside it names the same one again
        # ("de massamoord in Srebrenica, de grootste moordpartij in Europa").
        # A noun is another incident only where its place lies in another country ("de
        # aanslag op moskeeën in Nieuw-Zeeland, de aanslag in een tram in Utrecht").
        lang = doc.lang if doc.lang in ("nl", "en") else "nl"
        place = _own_place(doc, t)
        if is_noun_form(t.text, lang=lang) and place is not None:
            first = own.setdefault(base, place)  # a first noun's place counts too
            place = place if first.split("|")[1] not in ("", place.split("|")[1]) \
                and place.split("|")[1] != "" else None
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
            and SPECIFICITY.index(t.sub_type) < SPECIFICITY.index(head.sub_type)
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
                        and not _disagree(k, e) and not args.counter_differs(k, e)
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
        kin = (family_of(e.sub_type) == family_of(event.sub_type)
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
    per location and day); "zware gevechten rondom Bachmoet en Soledar" is two events. Only a
    list in the trigger's own sentence: a place borrowed from an earlier sentence ("De
    arrestaties vonden plaats in A, B en C. ... De aanval op ...") is no list of this event."""
    place = next((p for p in doc.places if p.id == event.place), None)
    if place is None or not happened(event):
        return []
    sent = doc.sentences[doc.sentence_index(event.trigger.start)]
    if not sent.start <= place.start < sent.end:
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

    def __init__(self, variant: str = "hybrid", mode: str = "fast") -> None:
        """`variant`: rules, hybrid (the default), learned or combined
        (`kroniek.models.event_classifier.VARIANTS`)."""
        self.variant, self.mode = variant, mode

    def __call__(self, doc: Doc) -> Doc:
        lang = doc.lang if doc.lang in ("nl", "en") else "nl"
        if not doc.sentences:
            return doc
        comp = compiled(lang)
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
            event.modality = rule_modality(doc, event)
            earlier = ((args.antecedent(events, event, doc=doc) if trig.anaphoric else None)
                       or _repeat_of(doc, events, event, trig, lang=lang))
            if earlier is not None:
                args.absorb(earlier, event)
                continue
            events.append(event)
            events.extend(_one_per_place(doc, event))
        args.borrow_dates(doc, events, lang=lang)  # "de aanslag" undated, dated elsewhere
        events = merge_same_incident(doc, events)
        if self.variant != "rules":  # the learned variants (kroniek.models.event_classifier)
            from kroniek.stages.events.variants import apply_variant

            events = apply_variant(doc, events, self.variant, mode=self.mode)
            args.borrow_dates(doc, events, lang=lang)  # also for the model's additions
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
        link_events(doc)  # claims that name an event's incident elsewhere in the article
        return doc
