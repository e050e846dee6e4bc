"""Time expressions (Dutch and English) normalised against the publication date."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc, Published
from kroniek.stages.times import TimesStage


def times_of(text: str, published: str | None, *, precision: str = "day", lang: str = "nl") -> dict[str, tuple]:
    doc = Doc(text=text, lang=lang, published=Published(published, precision) if published else None)  # type: ignore[arg-type]
    TimesStage()(doc)
    for t in doc.times:
        assert doc.text[t.start : t.end] == t.text
    return {t.text.lower(): (t.value.from_, t.value.to, t.precision) for t in doc.times}


# Sentences written for these tests; the publication day 2019-04-10 is a Wednesday.
NL = [
    ("Dinsdag vielen er elf doden bij een beschieting.", "dinsdag", ("2019-04-09", "2019-04-09", "day")),
    ("De betogers gingen gisteren de straat op.", "gisteren", ("2019-04-09", "2019-04-09", "day")),
    ("Het leger trok vorige week de stad binnen.", "vorige week", ("2019-04-01", "2019-04-07", "week")),
    ("Sinds vorige week wordt er rond het dorp gevochten.", "sinds vorige week", ("2019-04-01", "2019-04-10", "range")),
    ("Eind maart werd de grensovergang gesloten.", "eind maart", ("2019-03-22", "2019-03-31", "month")),
    ("Vorig jaar veroverden de rebellen de stad.", "vorig jaar", ("2018-01-01", "2018-12-31", "year")),
    ("De aanslag vond plaats op 3 maart.", "3 maart", ("2019-03-03", "2019-03-03", "day")),
    ("In 2014 annexeerde Rusland de Krim.", "in 2014", ("2014-01-01", "2014-12-31", "year")),
    ("Op 26 juni vorig jaar brandde het pand af.", "26 juni vorig jaar", ("2018-06-26", "2018-06-26", "day")),
    ("In de jaren negentig woedde er een burgeroorlog.", "in de jaren negentig", ("1990-01-01", "1999-12-31", "range")),
    ("Het geweld duurde van 1992 tot 1995.", "van 1992 tot 1995", ("1992-01-01", "1995-12-31", "range")),
    ("Zaterdag wordt er opnieuw gedemonstreerd, komende zaterdag dus.", "komende zaterdag", ("2019-04-13", "2019-04-13", "day")),
    ("De raket sloeg afgelopen zaterdag in.", "afgelopen zaterdag", ("2019-04-06", "2019-04-06", "day")),
    ("Tussen januari 2016 en oktober 2018 vielen duizenden doden.", "tussen januari 2016 en oktober 2018", ("2016-01-01", "2018-10-31", "range")),
]

EN = [
    ("On Tuesday, at least 12 people were killed.", "on tuesday", ("2019-04-09", "2019-04-09", "day")),
    ("Rebels seized the town last week.", "last week", ("2019-04-01", "2019-04-07", "week")),
    ("Protesters gathered yesterday in the capital.", "yesterday", ("2019-04-09", "2019-04-09", "day")),
    ("Fighting has continued since last year.", "since last year", ("2018-01-01", "2019-04-10", "range")),
    ("The ceasefire was signed on March 3, 2019.", "march 3, 2019", ("2019-03-03", "2019-03-03", "day")),
    ("Shelling resumed in early March.", "early march", ("2019-03-01", "2019-03-10", "month")),
]


@pytest.mark.parametrize(("text", "expr", "expected"), NL)
def test_dutch_expressions(text: str, expr: str, expected: tuple) -> None:
    assert times_of(text, "2019-04-10")[expr] == expected


@pytest.mark.parametrize(("text", "expr", "expected"), EN)
def test_english_expressions(text: str, expr: str, expected: tuple) -> None:
    assert times_of(text, "2019-04-10", lang="en")[expr] == expected


def test_month_precision_publication_widens_relative_expressions() -> None:
    """A "2025-04" article: "vorige week" is any week before a day in April."""
    got = times_of("Al sinds vorige week zijn er gevechten. Vorig jaar werd er ook gevochten.",
                   "2025-04", precision="month")
    assert got["sinds vorige week"] == ("2025-03-24", "2025-04-30", "range")
    assert got["vorig jaar"] == ("2024-01-01", "2024-12-31", "year")


def test_without_publication_date_relative_stays_unresolved() -> None:
    got = times_of("Gisteren werd er gevochten, in 2014 ook.", None)
    assert got["gisteren"] == (None, None, "unknown")
    assert got["in 2014"] == ("2014-01-01", "2014-12-31", "year")


def test_relative_to_the_time_told_before() -> None:
    got = times_of("Hij vluchtte op 22 december 1989 en werd op dezelfde dag opgepakt. "
                   "Drie dagen later werd hij geëxecuteerd.", "2019-04-09")
    assert got["op dezelfde dag"][:2] == ("1989-12-22", "1989-12-22")
    assert got["drie dagen later"][:2] == ("1989-12-25", "1989-12-25")


def test_words_that_only_look_like_months_are_not_times() -> None:
    got = times_of("De regering mag mei niet vergeten; wie weet mag ze het wel.", "2019-04-10")
    assert not got


def test_bare_weekday_in_a_future_sentence_is_the_next_one() -> None:
    # Published Wednesday 20 March 2019.
    future = times_of("De boeren zullen zaterdag in Den Haag demonstreren.", "2019-03-20")
    past = times_of("Zaterdag demonstreerden de boeren in Den Haag.", "2019-03-20")
    assert future["zaterdag"][:2] == ("2019-03-23", "2019-03-23")
    assert past["zaterdag"][:2] == ("2019-03-16", "2019-03-16")
