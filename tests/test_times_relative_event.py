"""Times stage: "vijf dagen voor de aanslag" counted from the date the article told before.
Sentences written for these tests (not taken from any article)."""

from __future__ import annotations

import kroniek


def _times(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = kroniek.analyze(text, published="2019-04-08", lang="nl", events="rules")
    return [(t.text, t.value.from_, t.value.to) for t in doc.times]


def test_days_before_a_told_attack_count_from_its_date() -> None:
    text = ("Op 26 juni vorig jaar reed een auto in op de gevel van een krantengebouw in Utrecht. "
            "Vijf dagen voor de aanslag was op een kantoor in de buurt een granaat afgeschoten.")
    assert ("Vijf dagen voor", "2018-06-21", "2018-06-21") in _times(text)


def test_two_counts_from_one_attack_do_not_chain() -> None:
    text = ("Op 14 juli 2016 reed een vrachtwagen in op een menigte. Twee dagen na de aanslag werd "
            "de daad opgeëist. In de twee weken voor de aanslag keek de dader dagelijks propaganda.")
    got = _times(text)
    assert ("Twee dagen na", "2016-07-16", "2016-07-16") in got
    assert ("twee weken voor", "2016-06-30", "2016-07-13") in got


def test_days_before_an_election_are_not_counted_from_the_last_date() -> None:
    # The election's date is not told: nothing to count from.
    text = ("De partij won in 2018 nog drie zetels. Twee weken voor de verkiezingen steekt de "
            "minister de boeren een hart onder de riem.")
    assert all(t[0].lower() != "twee weken voor" for t in _times(text))


def test_a_weekday_after_a_week_is_that_weeks_day() -> None:
    # Monday paper: "een week geleden op zaterdag" is the Saturday before last, and "een week
    # eerder" counts from it.
    doc = kroniek.analyze("Toen relschoppers een week geleden op zaterdag een ravage aanrichtten in "
                          "Lyon, was de burgemeester op vakantie. Een week eerder werd de minister "
                          "in een nachtclub gefotografeerd.", published="2019-03-25", lang="nl")
    got = [(t.text, t.value.from_, t.value.to) for t in doc.times]
    assert ("op zaterdag", "2019-03-16", "2019-03-16") in got
    assert ("Een week eerder", "2019-03-09", "2019-03-09") in got


def test_last_and_next_weeks_weekday() -> None:
    doc = kroniek.analyze("De scholen zijn vorige week maandag begonnen. Volgende week woensdag "
                          "volgt een debat.", published="2019-04-08", lang="nl")
    got = [(t.text, t.value.from_) for t in doc.times]
    assert ("maandag", "2019-04-01") in got
    assert ("woensdag", "2019-04-17") in got


def test_weeks_ago_span_half_a_week_either_side() -> None:
    # Tuesday paper: "twee weken geleden" may be the Saturday 17 days back.
    doc = kroniek.analyze("Ze zong het lied tijdens een demonstratie twee weken geleden in Arnhem.",
                          published="2019-04-09", lang="nl")
    t = next(t for t in doc.times if t.text == "twee weken geleden")
    assert (t.value.from_, t.value.to) == ("2019-03-23", "2019-03-29")


def test_the_past_week_is_the_seven_days_before_publication() -> None:
    # Saturday paper: "afgelopen week" takes in its own Tuesday, not the calendar week before;
    # "vorige week" stays that calendar week.
    doc = kroniek.analyze("De man werd afgelopen week opgepakt. Vorige week was er een betoging.",
                          published="2019-03-30", lang="nl", events="rules")
    got = [(t.text, t.value.from_, t.value.to) for t in doc.times]
    assert ("afgelopen week", "2019-03-23", "2019-03-29") in got
    assert ("Vorige week", "2019-03-18", "2019-03-24") in got


def test_the_past_week_in_a_monday_paper_is_the_calendar_week_before() -> None:
    doc = kroniek.analyze("De afgelopen week werden tien betogers opgepakt.",
                          published="2019-03-25", lang="nl", events="rules")
    assert ("afgelopen week", "2019-03-18", "2019-03-24") in [
        (t.text, t.value.from_, t.value.to) for t in doc.times]
