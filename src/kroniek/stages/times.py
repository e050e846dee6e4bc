"""Stage `kroniek.times.v1`: Dutch and English time expressions, normalised.

Steps, in order:

1. Patterns are compiled once per language from the lexicon in `kroniek.lang.<lang>.times`
   (month and weekday names, deictic phrases such as "vorige week"/"last week", "sinds",
   "geleden", decades).
2. Every match in the text becomes a candidate; overlapping candidates are resolved
   longest-first, so "sinds vorige week" wins over "vorige week" and "26 juni 2018" over
   "juni 2018".
3. Each candidate is normalised against the publication date (`doc.published`) into a
   `TimeExpr` with `value = {from, to}` (ISO dates, inclusive) and a `precision`
   (day|week|month|year|range|unknown). A relative expression is resolved against both
   ends of the publication period (a month-precision date "2025-04" spans 1-30 April), so
   "vorige week" in an April article is "2025-03-24 .. 2025-04-29", honest about what is
   not known. Without a publication date, relative expressions stay unresolved
   (precision "unknown"); absolute ones ("in 2014", "3 maart 2019") are still resolved.
   "drie dagen later" counts from the time told before it, and so does "vijf dagen voor de
   aanslag" (a noun of violence or protest after a definite article: the incident told with
   that date; "twee weken voor de verkiezingen" is left alone).

`resolve_expression` is the stable API for other modules (the events stage uses it through
`doc.times`; tests call it directly).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from kroniek.doc import Doc, TimeExpr, TimeValue
from kroniek.pipeline import register_stage

__all__ = ["TimesStage", "find_time_expressions", "publication_range", "resolve_expression"]

Range = tuple[dt.date, dt.date]


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    kind: str
    groups: dict[str, Any]


def _lexicon(lang: str) -> ModuleType:
    if lang == "en":
        from kroniek.lang.en import times as en

        return en
    from kroniek.lang.nl import times as nl

    return nl


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    lx = _lexicon(lang)
    month = rf"(?P<month>{_alt(lx.MONTHS)})"
    month2 = rf"(?P<month2>{_alt(lx.MONTHS)})"
    year = r"(?P<year>(?:1[89]|20)\d\d)"
    year2 = r"(?P<year2>(?:1[89]|20)\d\d)"
    day = r"(?P<day>[0-3]?\d)(?:e|ste|de|th|st|nd|rd)?"
    wday = rf"(?P<wday>{_alt(lx.WEEKDAYS)})(?:{_alt(lx.DAY_PARTS)})?"
    part = rf"(?P<part>{_alt(lx.PART_OF)})\s+"
    since = rf"(?P<since>{_alt(lx.SINCE)})\s+"
    deictic = rf"(?P<deictic>{_alt(lx.DEICTIC)})"
    number = rf"(?P<num>\d+|{_alt(lx.NUMBERS)})"
    unit = rf"(?P<unit>{_alt(lx.UNITS)})"
    ago = rf"(?P<ago>{_alt(lx.AGO)})"
    decade = rf"{lx.DECADE_PHRASE}(?P<decade>{_alt(lx.DECADES)}|(?:1[89]|20)\d0'?s)"
    yearprep = rf"(?P<prep>{_alt(lx.YEAR_PREPOSITIONS)})\s+"
    prev = rf"(?:\s+(?P<rel>{_alt(k for k in lx.DEICTIC if lx.DEICTIC[k][0] == 'year')}))?"
    pats = [
        ("years", rf"(?:(?:tussen|between|van|from)\s+)?{year}\s*(?:-|–|\s(?:en|and|tot|to|until)\s){year2}"),
        ("between", rf"(?:tussen|between)\s+{month}(?:\s+{year})?\s+(?:en|and)\s+{month2}\s+{year2}"),
        ("date", rf"(?:{since})?(?:(?:{wday}),?\s+)?{day}\s+{month}(?:\s+{year})?{prev}"),
        ("date_en", rf"(?:{since})?(?:(?:{wday}),?\s+)?{month}\s+{day}(?:,?\s+{year})?"),
        ("months", rf"(?:{part}|{since}|(?:in|de maand|in de maand)\s+)?{month}"
                   rf"(?:\s+(?:en|and|of|or)\s+{month2})?(?:\s+{year})?{prev}"),
        ("year", rf"(?:{part}|{since}|{yearprep}){year}"),
        ("decade", decade),
        ("period", rf"(?:in\s+|during\s+|tijdens\s+)?(?P<period>{_alt(lx.NAMED_PERIODS)})"),
        ("ago", rf"(?:(?:ruim|bijna|zo'n|ongeveer|about|nearly|some|more than)\s+)?{number}\s+{unit}\s+{ago}"),
        ("deictic", rf"(?:{part}|{since})?{deictic}"),
        ("relprev", rf"{number}\s+{unit}\s+(?P<dir>{_alt(lx.DIRECTIONS)})"),
        *([("relevent", rf"{number}\s+(?P<unit>{_alt(k for k in lx.UNITS if lx.UNITS[k] in ('day', 'week'))})"
                         rf"\s+(?P<dir>{_alt(lx.EVENT_DIRECTIONS)})"
                         rf"(?=\s+(?:{_alt(lx.EVENT_DEFINITES)})\s+(?:[\w-]+\s+)?[\w-]*?(?:{lx.EVENT_NOUNS})(?![\w-]))")]
          if getattr(lx, "EVENT_DIRECTIONS", None) else []),
        ("sameday", rf"(?:op\s+|on\s+)?(?P<same>{_alt(lx.SAME_DAY)})"),
        ("weekday", rf"(?:(?P<wmod>{_alt((*lx.PAST_WEEKDAY, *lx.FUTURE_WEEKDAY))})\s+)?{wday}"),
    ]
    if lang != "en":  # "maart 3" is not Dutch; spare the pass
        pats = [(k, p) for k, p in pats if k != "date_en"]
    # Every pattern starts with a letter or digit: "(?=\w)" refuses other positions at once
    # (1,000,000 quotation marks: 2.8 s before, 0.7 s with it).
    return [(kind, re.compile(rf"(?<![\w-])(?=\w){p}(?![\w-])", re.IGNORECASE))
            for kind, p in pats]


def find_time_expressions(text: str, *, lang: str = "nl") -> list[_Match]:
    """Non-overlapping matches, longest first, in text order."""
    cands: list[_Match] = []
    for kind, pat in _patterns(lang):
        for m in pat.finditer(text):
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if kind == "months" and not _plausible_month(text, m, groups):
                continue
            cands.append(_Match(m.start(), m.end(), kind, groups))
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[_Match] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _plausible_month(text: str, m: re.Match[str], groups: dict[str, Any]) -> bool:
    """'mei', 'may', 'mar' are also words: accept them only with a cue or capital or year."""
    word = groups["month"].lower()
    if word not in ("mei", "may", "mar", "jan", "dec", "sep", "aug", "nov"):
        return True
    if "year" in groups or "part" in groups or "since" in groups:
        return True
    before = text[max(0, m.start() - 4) : m.start()].lower()
    cased = groups["month"][0].isupper() and word in ("may", "mei")
    return before.strip() in ("in", "of") and (word != "may" or cased)


# -- resolution -------------------------------------------------------------------------


def publication_range(value: str | None, precision: str | None) -> Range | None:
    """The days a publication date covers ("2025-04" → 1-30 April 2025)."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if precision == "day" and len(parts) >= 3:
            d = dt.date(parts[0], parts[1], parts[2])
            return d, d
        if precision == "month" and len(parts) >= 2:
            return _month(parts[0], parts[1])
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:  # not a date the calendar has (year 0, month 13): no range
        return None


def _month(y: int, m: int) -> Range:
    while m < 1:
        y, m = y - 1, m + 12
    while m > 12:
        y, m = y + 1, m - 12
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _part(r: Range, part: str | None) -> Range:
    """The early/mid/late third of a range."""
    if part not in ("early", "mid", "late"):
        return r
    days = (r[1] - r[0]).days + 1
    third = max(days // 3, 1)
    if part == "early":
        return r[0], r[0] + dt.timedelta(days=third - 1)
    if part == "late":
        return r[1] - dt.timedelta(days=third - 1), r[1]
    return r[0] + dt.timedelta(days=third), r[1] - dt.timedelta(days=third)


def _deictic(ref: dt.date, unit: str, offset: int) -> Range:
    if unit == "day":
        d = ref + dt.timedelta(days=offset)
        return d, d
    if unit == "night":
        return ref - dt.timedelta(days=1), ref
    if unit == "past week":
        # "(de) afgelopen week": the seven days before publication, not the calendar week
        # before ("afgelopen week" in a Saturday paper takes in its Tuesday; in a Monday
        # paper both readings are the same week).
        return ref - dt.timedelta(days=7), ref - dt.timedelta(days=1)
    if unit in ("week", "weekend"):
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=offset)
        if unit == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        return _month(ref.year, ref.month + offset)
    if unit == "summer":
        y = ref.year if ref.month > 8 else ref.year - 1
        return dt.date(y, 6, 1), dt.date(y, 8, 31)
    return dt.date(ref.year + offset, 1, 1), dt.date(ref.year + offset, 12, 31)


def _weekday(ref: dt.date, wday: int, *, future: bool) -> Range:
    if future:
        delta = (wday - ref.weekday()) % 7 or 7
        d = ref + dt.timedelta(days=delta)
    else:
        d = ref - dt.timedelta(days=(ref.weekday() - wday) % 7)
    return d, d


def _num(lx: ModuleType, s: str) -> float:
    s = s.lower()
    return float(s) if s.isdigit() else float(lx.NUMBERS.get(s, 1))


def _ago(ref: dt.date, n: float, unit: str) -> Range:
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
    centre = ref - dt.timedelta(days=round(days))
    # A vague "three days ago" covers a day either side; longer spans proportionally more. A
    # count of weeks is counted in weeks: "twee weken geleden" in a Tuesday paper is as often
    # the Saturday 17 days back as the Tuesday 14 days back, so half a week either side.
    slack = dt.timedelta(days=max(1, round(days * 0.15), 3 if unit == "week" else 0))
    return centre - slack, min(centre + slack, ref)


def _year_of(lx: ModuleType, g: dict[str, Any], ref: dt.date | None) -> int | None:
    if "year" in g:
        return int(g["year"])
    if "rel" in g and ref is not None:
        return ref.year + lx.DEICTIC[g["rel"].lower()][1]
    return None


def _absolute_or_anchored(
    kind: str, g: dict[str, Any], lx: ModuleType, ref: dt.date | None
) -> tuple[Range, str] | None:
    if kind == "year":
        yr = int(g["year"])
        whole = (dt.date(yr, 1, 1), dt.date(yr, 12, 31))
        return _part(whole, lx.PART_OF.get(str(g.get("part", "")).lower())), "year"
    if kind == "decade":
        d = str(g["decade"]).lower()
        digits = d.removesuffix("s").removesuffix("'")  # "1960s", "1960's"; not "sixties"
        start = int(digits) if len(digits) == 4 and digits.isdigit() else 1900 + int(lx.DECADES[d])
        whole = (dt.date(start, 1, 1), dt.date(start + 9, 12, 31))
        return _part(whole, lx.PART_OF.get(str(g.get("part", "")).lower())), "range"
    if kind == "period":
        a, b = lx.NAMED_PERIODS[re.sub(r"\s+", " ", g["period"].lower())]
        return (dt.date.fromisoformat(a), dt.date.fromisoformat(b)), "range"
    if kind == "years":
        return (dt.date(int(g["year"]), 1, 1), dt.date(int(g["year2"]), 12, 31)), "range"
    if kind == "between":
        y2 = int(g["year2"])
        y1 = int(g.get("year", y2))
        first = _month(y1, lx.MONTHS[g["month"].lower()])[0]
        last = _month(y2, lx.MONTHS[g["month2"].lower()])[1]
        return (first, last), "range"
    y: int | None = _year_of(lx, g, ref)
    if kind in ("date", "date_en", "months"):
        mon = lx.MONTHS[g["month"].lower()]
        if y is None:
            if ref is None:
                return None
            # A month without a year is the most recent such month (news looks back).
            y = ref.year if mon <= ref.month + 1 else ref.year - 1
        if kind == "months":
            r = _month(y, mon)
            if "month2" in g:
                r = (r[0], _month(y, lx.MONTHS[g["month2"].lower()])[1])
            return _part(r, lx.PART_OF.get(str(g.get("part", "")).lower())), "month"
        try:
            day = dt.date(y, mon, int(g["day"]))
        except ValueError:
            return None
        return (day, day), "day"
    return None


def _relative(kind: str, g: dict[str, Any], lx: ModuleType, ref: dt.date) -> tuple[Range, str]:
    if kind == "deictic":
        unit, off = lx.DEICTIC[re.sub(r"\s+", " ", g["deictic"].lower())]
        r = _part(_deictic(ref, unit, off), lx.PART_OF.get(str(g.get("part", "")).lower()))
        precision = {"night": "day", "weekend": "week", "past week": "week", "summer": "range"}
        return r, precision.get(unit, unit)
    if kind == "ago":
        unit = lx.UNITS[g["unit"].lower()]
        return _ago(ref, _num(lx, g["num"]), unit), unit if unit != "day" else "week"
    wday = lx.WEEKDAYS[g["wday"].lower()]
    future = str(g.get("wmod", "")).lower() in lx.FUTURE_WEEKDAY
    return _weekday(ref, wday, future=future), "day"


def resolve_expression(
    kind: str, groups: dict[str, Any], *, lang: str, published: Range | None
) -> tuple[TimeValue, str]:
    """Normalise one matched expression against the publication range."""
    lx = _lexicon(lang)
    results: list[tuple[Range, str]] = []
    refs: list[dt.date | None] = list(published) if published else [None]
    for ref in refs:
        try:
            got = _absolute_or_anchored(kind, groups, lx, ref)
            if got is None and ref is not None and kind in ("deictic", "ago", "weekday"):
                got = _relative(kind, groups, lx, ref)
        except (OverflowError, ValueError):  # "9999 years ago", "tomorrow" in year 9999
            got = None
        if got is not None:
            results.append(got)
    if not results:
        return TimeValue(), "unknown"
    lo = min(r[0][0] for r in results)
    hi = max(r[0][1] for r in results)
    if "since" in groups and published:
        hi = max(hi, published[1])
        return TimeValue(lo.isoformat(), hi.isoformat()), "range"
    # The precision is the expression's own grain; the range says how much is known.
    return TimeValue(lo.isoformat(), hi.isoformat()), results[0][1]


@cache
def _future_cues(lang: str) -> re.Pattern[str] | None:
    cues = getattr(_lexicon(lang), "FUTURE_CUES", "")
    return re.compile(rf"(?<![\w-])(?:{cues})(?![\w-])", re.IGNORECASE) if cues else None


def _future_sentence(doc: Doc, offset: int, lang: str) -> bool:
    """Whether the sentence at `offset` speaks of what is to come (a bare weekday in it is
    the next such day, not the last)."""
    pat = _future_cues(lang)
    if pat is None:
        return False
    si = doc.sentence_index(offset)
    if si < 0:  # no sentences (the stage run alone): the words around it
        return bool(pat.search(doc.text, max(0, offset - 120), offset + 120))
    s = doc.sentences[si]
    return bool(pat.search(doc.text, s.start, s.end))


def _relative_to_previous(m: _Match, times: list[TimeExpr], *, lang: str) -> tuple[TimeValue, str]:
    """'drie dagen later', 'op dezelfde dag': counted from the last time told before it."""
    prev = next((t for t in reversed(times) if t.value.from_ and t.value.to), None)
    if prev is None or prev.value.from_ is None or prev.value.to is None:
        return TimeValue(), "unknown"
    lo, hi = dt.date.fromisoformat(prev.value.from_), dt.date.fromisoformat(prev.value.to)
    if m.kind == "sameday":
        return TimeValue(lo.isoformat(), hi.isoformat()), prev.precision
    lx = _lexicon(lang)
    unit = lx.UNITS[m.groups["unit"].lower()]
    days = round({"day": 1, "week": 7, "month": 30, "year": 365}[unit] * _num(lx, m.groups["num"]))
    direction = {**getattr(lx, "EVENT_DIRECTIONS", {}), **lx.DIRECTIONS}[m.groups["dir"].lower()]
    shift = dt.timedelta(days=days * direction)
    vague = m.groups["num"].lower() in lx.VAGUE_NUMBERS
    slack = dt.timedelta(days=max(1, days // 2)) if vague else dt.timedelta(0)
    return TimeValue((lo + shift - slack).isoformat(), (hi + shift + slack).isoformat()), unit


def _weekday_in(text: str, m: _Match, prev: TimeExpr, value: TimeValue, *, lang: str) -> TimeValue:
    """A weekday right after a week-long time ("een week geleden op zaterdag", "vorige week,
    zaterdag") is that week's day: the one inside it, else the one nearest its middle; not
    the last such day before publication."""
    if prev.precision != "week" or not prev.value.from_ or not prev.value.to \
            or not re.fullmatch(r"\s*,?\s*", text[prev.end : m.start]):
        return value
    lo, hi = dt.date.fromisoformat(prev.value.from_), dt.date.fromisoformat(prev.value.to)
    if (hi - lo).days > 7:  # a week of a month-precision publication: which day is not known
        return value
    wday = _lexicon(lang).WEEKDAYS[m.groups["wday"].lower()]
    mid = lo + (hi - lo) / 2
    days = [mid + dt.timedelta(days=k) for k in range(-6, 7)]
    day = min((d for d in days if d.weekday() == wday), key=lambda d: (not lo <= d <= hi, abs(d - mid)))
    return TimeValue(day.isoformat(), day.isoformat())


def _span_up_to(text: str, m: _Match, value: TimeValue, *, lang: str) -> TimeValue:
    """"in de twee weken voor de aanslag": the days between, not the one day two weeks before."""
    if not value.from_ or not value.to or not re.search(r"\b(?:de|die|the)\s+$", text[max(0, m.start - 6) : m.start],
                                                         re.IGNORECASE):
        return value
    lx = _lexicon(lang)
    days = round({"day": 1, "week": 7}.get(lx.UNITS[m.groups["unit"].lower()], 0) * _num(lx, m.groups["num"]))
    lo, hi = dt.date.fromisoformat(value.from_), dt.date.fromisoformat(value.to)
    if lx.EVENT_DIRECTIONS.get(m.groups["dir"].lower(), 0) < 0:  # the incident is `days` after lo
        return TimeValue(lo.isoformat(), (hi + dt.timedelta(days=days - 1)).isoformat())
    return TimeValue((lo - dt.timedelta(days=days - 1)).isoformat(), hi.isoformat())


@register_stage("kroniek.times.v1")
class TimesStage:
    """Finds and normalises time expressions into `doc.times` (ids t1, t2, ...)."""

    requires = ("sentences", "lang")
    assigns = ("times",)

    def __call__(self, doc: Doc) -> Doc:
        lang = doc.lang if doc.lang in ("nl", "en") else "nl"
        pub = doc.published
        published = publication_range(pub.value, pub.precision) if pub else None
        times: list[TimeExpr] = []
        counted: set[str] = set()  # ids of the times counted from an incident ("vijf dagen voor de aanslag")
        for m in find_time_expressions(doc.text, lang=lang):
            if m.kind in ("relprev", "relevent", "sameday"):
                # "Twee dagen na de aanslag ... in de twee weken voor de aanslag": both count
                # from the attack's date, not the one from the other.
                anchors = [t for t in times if t.id not in counted] if m.kind == "relevent" else times
                try:
                    value, precision = _relative_to_previous(m, anchors, lang=lang)
                    if m.kind == "relevent":
                        counted.add(f"t{len(times) + 1}")
                        value = _span_up_to(doc.text, m, value, lang=lang)
                except (OverflowError, ValueError):  # shifted past the calendar's ends
                    value, precision = TimeValue(), "unknown"
            else:
                if m.kind == "weekday" and "wmod" not in m.groups and _future_sentence(doc, m.start, lang):
                    # "De boeren gaan zaterdag demonstreren": the coming Saturday.
                    m.groups["wmod"] = _lexicon(lang).FUTURE_WEEKDAY[0]
                value, precision = resolve_expression(m.kind, m.groups, lang=lang, published=published)
                if m.kind == "weekday" and times:
                    value = _weekday_in(doc.text, m, times[-1], value, lang=lang)
            times.append(
                TimeExpr(
                    id=f"t{len(times) + 1}",
                    start=m.start,
                    end=m.end,
                    text=doc.text[m.start : m.end],
                    value=value,
                    precision=precision,
                )
            )
        doc.times = times
        return doc
