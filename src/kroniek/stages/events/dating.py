"""The date of an event: the governing time expression, the story's year, or the days up to
publication; and whether that date makes the event background or future.

Used by `kroniek.stages.events.arguments` (`fill_arguments`), which re-exports these names.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from functools import cache
from typing import Any

from kroniek.doc import Doc, Event, EventTime
from kroniek.stages.events.actors import NOUN_BEFORE, is_noun
from kroniek.stages.events.parse import token_at
from kroniek.stages.events.triggers import lexicon
from kroniek.stages.times import publication_range

__all__ = ["BACKGROUND_DAYS", "borrow_dates", "choose_time", "definite_noun", "is_background", "time_is_future"]


@cache
def _anaphoric(lang: str) -> re.Pattern[str]:
    return re.compile(lexicon(lang)[0].ANAPHORIC, re.IGNORECASE)


def definite_noun(doc: Doc, event: Event, *, lang: str) -> bool:
    """A noun trigger after a definite determiner ("de aanslag", "die aanval"), whichever
    variant found it: it names an event the reader knows, told before."""
    t0 = event.trigger.start
    return is_noun(event.trigger.text, lang) and bool(_anaphoric(lang).search(doc.text[max(0, t0 - 30) : t0]))


# "sinds" / "since" before a time expression after the trigger: the time opens a period the
# event is measured against ("de grootste betoging sinds ruim twee weken geleden het protest
# begon"), not the event's date.
_SINCE = re.compile(r"\b(?:sinds|since)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# A superlative or ordinal ("de grootste demonstratie sinds ...", "de zwaarste aanslag in
# jaren", "het zoveelste bombardement") ranks the event it introduces: a definite article
# before it does not point back to one told before. "eerste", "laatste", "vorige" and
# "volgende" can point back ("de laatste aanval") and keep the definite reading.
_RANKED = re.compile(r"\b(?:de|het|the)\s+(?!eerste\b|laatste\b|vorige\b|volgende\b)"
                     r"(?:\w+ste|\w+iest|biggest|largest|greatest|worst)\s+$", re.IGNORECASE)


def choose_time(doc: Doc, event: Event, *, clause: tuple[int, int], definite: bool = False) -> EventTime:
    """The governing time expression: in the clause, after a noun trigger, in the sentence,
    or in the sentence before (same paragraph); else the week up to publication."""
    t0 = event.trigger.start
    si = doc.sentence_index(t0)
    sent = doc.sentences[si]
    if definite and _RANKED.search(doc.text[max(sent.start, t0 - 30) : t0]):
        definite = False
    in_sent = [t for t in doc.times if sent.start <= t.start < sent.end and t.value.from_
               and not (t0 < t.start and _SINCE.search(doc.text[max(sent.start, t.start - 25) : t.start]))]
    if in_sent:
        in_clause = [t for t in in_sent if clause[0] <= t.start < clause[1]]
        following = [t for t in in_sent if 0 <= t.start - event.trigger.end < 40]
        lang = doc.lang if doc.lang in ("nl", "en") else "nl"
        noun = is_noun(event.trigger.text, lang) and NOUN_BEFORE.search(
            doc.text[max(sent.start, t0 - 30) : t0])
        pool = (following if noun and following else None) or in_clause or in_sent
        if definite and not following:
            # "gelinkt aan de aanslag op De Telegraaf" on Monday: Monday dates the linking,
            # not the attack the definite noun refers back to. A year the sentence names
            # still dates it ("de dagen voor de verkiezingen in 2017, met de rellen"; "vorig
            # jaar: toen kwamen ... af op de demonstratie"): nobody reports by the year.
            pool = [t for t in in_sent if t.value.from_ and t.value.to
                    and t.value.from_[:4] == t.value.to[:4]
                    and (re.search(r"\d{4}", t.text) or t.precision == "year")]
        if pool:
            t = min(pool, key=lambda t: abs(t.start - t0))
            return _weekday_ahead(doc, event, t) or _in_story_year(doc, t)
    block = doc.block_at(sent.start)
    # A definite noun refers back to an event told before ("hoe ze de aanslag hebben
    # beleefd"): the sentence before dates its own news, not that event.
    refused = definite
    if si > 0 and block is not None and doc.sentences[si - 1].start >= block.start and not refused:
        prev = doc.sentences[si - 1]
        earlier = [t for t in doc.times if prev.start <= t.start < prev.end and t.value.from_]
        if earlier:
            t = earlier[-1]
            return _in_story_year(doc, t)
    pub = doc.published
    rng = publication_range(pub.value, pub.precision) if pub else None
    if pub is None or rng is None:
        return EventTime()
    story = _story_year(doc, t0, rng[1].year)
    if story is not None:
        return story
    # Nothing dates it: news reports what happened lately, so the week up to publication
    # (or the publication month); the precision says it is an assumption.
    if pub.precision == "day":
        return _event_time(_week_before(rng[0]).isoformat(), rng[1].isoformat(),
                           "week", ref=None)
    return _event_time(rng[0].isoformat(), rng[1].isoformat(), pub.precision, ref=None)


_BARE_WEEKDAY = re.compile(
    r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)(?:ochtend|morgen|middag|avond|nacht|\s+(?:morning|afternoon|"
    r"evening|night))?", re.IGNORECASE)
# Present forms of the future auxiliaries: "gaan demonstreren", "zal betogen" ("gingen" is past).
_FUTURE_AUX = frozenset(("zal", "zullen", "zult", "gaat", "gaan", "ga", "will", "shall"))


def _future_clause(doc: Doc, event: Event) -> bool:
    """Whether a present-tense future auxiliary governs the trigger ("gaan zaterdag
    demonstreren", "zullen zaterdag betogen")."""
    ti = token_at(doc, event.trigger.start)
    if ti < 0:
        return False
    tok = doc.tokens[ti]
    if 0 <= tok.head < len(doc.tokens) and tok.dep in ("xcomp", "ccomp") \
            and doc.tokens[tok.head].text.lower() in _FUTURE_AUX:
        return True
    return any(k.head == ti and k.dep == "aux" and k.text.lower() in _FUTURE_AUX
               for k in doc.tokens[max(0, ti - 8) : ti + 8])


def _weekday_ahead(doc: Doc, event: Event, t: Any) -> EventTime | None:
    """A bare weekday in a clause told in the future ("De bonden gaan zaterdag
    demonstreren"): the coming one, not the one before publication that the times stage
    takes when nothing says which (issue #13: a future weekday resolved backwards)."""
    pub = doc.published
    rng = publication_range(pub.value, pub.precision) if pub else None
    if rng is None or not t.value.from_ or not t.value.to or not _BARE_WEEKDAY.fullmatch(t.text.strip()):
        return None
    frm = dt.date.fromisoformat(t.value.from_)
    if frm >= rng[0] or not _future_clause(doc, event):  # the day itself may be meant
        return None
    week = dt.timedelta(days=7)
    to = dt.date.fromisoformat(t.value.to)
    return _event_time((frm + week).isoformat(), (to + week).isoformat(), t.precision, ref=t.id)


def _in_story_year(doc: Doc, t: Any) -> EventTime:
    """The event time of a time expression; a month that names no year ("In oktober") in a
    story set in another year ("In 1944 ...") is moved into that year. A weekday or a
    deictic expression ("maandag", "vorige week") is counted from the publication date,
    whatever year the story told before."""
    frm, to = t.value.from_, t.value.to
    pub = doc.published
    rng = publication_range(pub.value, pub.precision) if pub else None
    if rng is not None and frm and to and frm[:4] == to[:4] and not re.search(r"\d{4}|'\d\d", t.text) \
            and _MONTH_WORDS.search(t.text):
        story = _sentence_year(doc, t) or _story_year(doc, t.start, rng[1].year)
        if story is not None and story.precision == "year" and story.from_ and story.from_[:4] != frm[:4]:
            year = story.from_[:4]
            try:
                dt.date.fromisoformat(year + frm[4:])
                dt.date.fromisoformat(year + to[4:])
            except ValueError:  # 29 February of a year without it
                return _event_time(frm, to, t.precision, ref=t.id)
            return _event_time(year + frm[4:], year + to[4:], t.precision, ref=t.id)
    return _event_time(frm, to, t.precision, ref=t.id)


def _sentence_year(doc: Doc, t: Any) -> EventTime | None:
    """A year the same sentence names ("toen in oktober, in 2012, ..."): it dates a month or
    day told without one. Only a single year (not a range) and only for a time expression
    that is not deictic ("vorige week" is counted from the publication date)."""
    if not _MONTH_WORDS.search(t.text):
        return None
    si = doc.sentence_index(t.start)
    if si < 0:
        return None
    s = doc.sentences[si]
    years = {x.value.from_[:4] for x in doc.times
             if s.start <= x.start < s.end and x is not t and x.value.from_ and x.value.to
             and x.value.from_[:4] == x.value.to[:4] and re.search(r"\d{4}", x.text)}
    if len(years) != 1:
        return None
    year = years.pop()
    return _event_time(f"{year}-01-01", f"{year}-12-31", "year", ref=t.id)


_MONTH_WORDS = re.compile(r"(?<!\w)(?:\d{1,2}\s+)?(?:januari|februari|maart|april|mei|juni|juli|augustus|"
                          r"september|oktober|november|december|january|february|march|june|"
                          r"july|august|october)(?!\w)", re.IGNORECASE)


def _story_year(doc: Doc, t0: int, published_year: int) -> EventTime | None:
    """A story set in another year ("In 1944 ..."): the last year named before the trigger
    carries until another is set, but not into a sentence set in the present ("Nu ...",
    "tot nu toe"). Only years two or more before publication: news of the last months is
    dated by the publication fallback instead."""
    # A year the text names, not one resolved; or a decade or named period ("eind jaren
    # negentig", "de Tweede Wereldoorlog"), which sets the story's time as a year does: a
    # later "Destijds ..." is told then, not in a year named before it.
    before = [t for t in doc.times if t.start < t0 and t.value.from_ and t.value.to
              and (re.search(r"\d{4}", t.text) or _ERA.search(t.text))]
    if not before:
        return None
    si = doc.sentence_index(t0)
    if si >= 0 and _now(doc.lang).search(doc.text[doc.sentences[si].start : doc.sentences[si].end]):
        return None  # "Nu ...", "tot nu toe": the sentence is set in the present
    last = before[-1]
    frm, to = last.value.from_, last.value.to
    if any(last.start < t.start < t0 and _present(t, published_year) for t in doc.times):
        return None  # "vorige week", "gisteren" told since: the story is back in the present
    if _ERA.search(last.text) and not re.search(r"\d{4}", last.text):
        if published_year - int(to[:4]) < 2:  # type: ignore[index]
            return None
        return _event_time(frm, to, "range", ref=last.id)
    year = int(frm[:4])  # type: ignore[index]
    if published_year - year < 2 or to[:4] != frm[:4]:  # type: ignore[index]
        return None
    return _event_time(f"{year}-01-01", f"{year}-12-31", "year", ref=last.id)


def _present(t: Any, published_year: int) -> bool:
    """A deictic time near publication ("vorige week", "gisteren", "dit jaar"): not a month or
    a year the text names, which a story told in another year may carry."""
    return bool(t.value.from_ and t.value.to and int(t.value.to[:4]) >= published_year - 1
                and not re.search(r"\d", t.text) and not _MONTH_WORDS.search(t.text)
                and not _ERA.search(t.text))


# A decade or a named period of history: a time the text sets without naming a year.
_ERA = re.compile(r"(?<![\w-])(?:jaren\s+['’]?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|\d0)|wereldoorlog|koude\s+oorlog|world\s+war|cold\s+war|\d0'?s|"
                  r"twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w-])",
                  re.IGNORECASE)


@cache
def _now(lang: str | None) -> re.Pattern[str]:
    """The words that set a sentence in the present (`kroniek.lang.<lang>.times.NOW_WORDS`)."""
    try:
        words = importlib.import_module(f"kroniek.lang.{lang if lang in ('nl', 'en') else 'nl'}.times").NOW_WORDS
    except (ImportError, AttributeError):
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


def _event_time(frm: str | None, to: str | None, precision: str, *, ref: str | None) -> EventTime:
    tp = 3
    if frm and to:
        days = (dt.date.fromisoformat(to) - dt.date.fromisoformat(frm)).days + 1
        tp = 1 if days <= 1 else 2 if days <= 7 else 3
    return EventTime(from_=frm, to=to, precision=precision, time_precision=tp, ref=ref)


# An event dated by its text this many days or more before publication is background
# (history told with its own date), not the article's news. ACLED-minded choice: a year.
BACKGROUND_DAYS = 365


def borrow_dates(doc: Doc, events: list[Event], *, lang: str) -> None:
    """A definite noun that nothing in its sentence dates ("gelinkt aan de aanslag op De
    Telegraaf") names an incident the article dates elsewhere ("de aanslag op het pand van De
    Telegraaf, in juni vorig jaar"): it takes the date of the dated event of its sub-type at
    the same named place (the same sub-type or the same noun: "aanslag" on a building may be
    typed a destruction once and an attack once), the one told nearest, instead of the week
    before publication. Only one such dated incident may be in the article; with two
    ("de aanslag van maart" and "die van juni") nothing says which one is meant."""
    names = {p.id: (p.name or p.text) for p in doc.places}
    for e in events:
        if e.time.ref is not None or not definite_noun(doc, e, lang=lang) or e.place not in names:
            continue
        dated = [k for k in events if k is not e and k.time.ref is not None
                 and k.modality in ("asserted", "claimed") and not time_is_future(doc, k)
                 and (k.sub_type == e.sub_type or k.trigger.text.lower() == e.trigger.text.lower())
                 and names.get(k.place or "") == names[e.place or ""]]
        if {(k.time.from_, k.time.to) for k in dated} and len({(k.time.from_, k.time.to) for k in dated}) == 1:
            e.time = min(dated, key=lambda k: abs(k.trigger.start - e.trigger.start)).time
    recounted = _recounted_date(doc)
    if recounted is None:
        return
    for e in events:
        if e.time.ref is None and e.modality in ("asserted", "claimed") and definite_noun(doc, e, lang=lang):
            e.time = recounted


def _week_before(day: dt.date) -> dt.date:
    """The first day of the week that ends on `day` (not before 1 January of year 1: a
    publication date that early is a typing error, not a reason to crash)."""
    return day - min(dt.timedelta(days=6), day - dt.date.min)


def _recounted_date(doc: Doc) -> EventTime | None:
    """The one earlier incident the article recounts with its full date ("Op de vroege ochtend
    van 26 juni 2018 reed een man ..."): a time expression that names its year and its day or
    month, before the publication week; the only such date in the article. A definite noun
    that nothing else dates ("twaalf verdachten opgepakt van wie een deel betrokken was bij de
    aanslag") refers back to that incident, not to the days before publication."""
    pub = doc.published
    rng = publication_range(pub.value, pub.precision) if pub else None
    if rng is None:
        return None
    week = _week_before(rng[0]).isoformat()
    dated = [t for t in doc.times if t.value.from_ and t.value.to and t.precision in ("day", "month")
             and re.search(r"\d{4}", t.text) and t.value.to < week]
    if len({(t.value.from_, t.value.to) for t in dated}) != 1:
        return None
    return _event_time(dated[0].value.from_, dated[0].value.to, dated[0].precision, ref=dated[0].id)


def is_background(doc: Doc, event: Event) -> bool:
    """History told with its own date ("in 1944", "in de jaren negentig"): the text dates
    the event (a time expression, not the publication fallback) a year or more before
    publication, or dates it by no more than an earlier year ("vorig jaar", "in 2018")."""
    if event.time.ref is None or not event.time.to or doc.published is None:
        return False
    rng = publication_range(doc.published.value, doc.published.precision)
    if rng is None:
        return False
    if (rng[0] - dt.date.fromisoformat(event.time.to)).days >= BACKGROUND_DAYS:
        return True
    # Dated by no more than its year, a year before publication's ("vorig jaar", "in 2018"):
    # told as past news of its own, not the article's news.
    frm = event.time.from_ or ""
    return (frm[5:] == "01-01" and event.time.to[5:] == "12-31" and frm[:4] == event.time.to[:4]
            and int(frm[:4]) < rng[0].year)


def time_is_future(doc: Doc, event: Event) -> bool:
    if event.time.ref is None or not event.time.from_ or doc.published is None:
        return False
    rng = publication_range(doc.published.value, doc.published.precision)
    return rng is not None and event.time.from_ > rng[1].isoformat()
