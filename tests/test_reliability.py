"""Issue #17's crash defects, each pinned by its one-line reproduction.

Every case here once raised a traceback (KeyError, ValueError, UnicodeEncodeError, ...);
now it either analyses or raises a typed `kroniek.errors` error naming the input.
"""

from __future__ import annotations

import pytest

import kroniek
from kroniek.errors import DateHeaderError
from kroniek.readers.text import parse_published
from kroniek.stages.event_args import parse_number


def test_defect1_english_decade_words_resolve() -> None:
    doc = kroniek.analyze("Troops fought there in the sixties.", lang="en")
    (t,) = doc.times
    assert (t.text, t.value.from_, t.value.to) == ("in the sixties", "1960-01-01", "1969-12-31")


@pytest.mark.parametrize("text,lang", [("in the 1960s", "en"), ("in the 1960's", "en"),
                                       ("in de jaren zestig", "nl")])
def test_defect1_other_decade_forms(text: str, lang: str) -> None:
    doc = kroniek.analyze(f"Het gebeurde {text}." if lang == "nl" else f"It happened {text}.",
                          lang=lang)
    assert [t.value.from_ for t in doc.times] == ["1960-01-01"]


@pytest.mark.parametrize("text,lang", [
    ("Russian shelling killed {n} people in Kharkiv on Monday.", "en"),
    ("Bij een aanval op Charkiv zijn dinsdag {n} mensen gedood.", "nl"),
])
def test_defect2_a_number_of_5000_digits_is_no_count(text: str, lang: str) -> None:
    doc = kroniek.analyze(text.format(n="9" * 5000), lang=lang)  # once a ValueError
    assert doc.events and all((e.fatalities or 0) < 1_000_000 for e in doc.events)
    assert parse_number("9" * 5000, lang=lang) is None
    assert parse_number("1.300", lang=lang) == 1300


@pytest.mark.parametrize("value", ["0000", "0000-01", "0000-01-01"])
def test_defect3_year_zero_is_no_date(value: str) -> None:
    with pytest.raises(DateHeaderError, match="unknown date"):
        parse_published(value, source="x")
    with pytest.raises(DateHeaderError):
        kroniek.analyze("Rusland viel dinsdag Charkiv aan.", published=value)


@pytest.mark.parametrize("published,text,lang", [
    ("0001", "Dat gebeurde 99999999 jaar geleden, en drie dagen later weer.", "nl"),
    ("9999-12-31", "Tomorrow, 9999999999 days ago, and 5 days later.", "en"),
])
def test_defect3_dates_past_the_calendar_stay_unknown(published: str, text: str,
                                                      lang: str) -> None:
    doc = kroniek.analyze(text, published=published, lang=lang)
    assert doc.times and all(t.precision == "unknown" for t in doc.times)
