"""Event dating (`kroniek.stages.events.dating`): a definite noun that refers back to an
earlier incident. Sentences written for these tests (not taken from any article)."""

from __future__ import annotations

import pytest

import kroniek
from kroniek.stages.events import happened


def _attack(text: str) -> tuple[str | None, str | None]:
    doc = kroniek.analyze(text, published="2019-05-14", lang="nl", events="rules")
    ev = next(e for e in doc.events if happened(e) and e.trigger.text == "aanslag")
    return ev.time.from_, ev.time.to


def test_a_definite_noun_takes_the_date_of_the_incident_the_article_recounts() -> None:
    # The arrests are of Tuesday; "de aanslag" refers back to the incident of March 2018 the
    # article recounts, not to the days before publication.
    text = ("De recherche heeft dinsdag in Rotterdam vier mannen aangehouden die betrokken "
            "zouden zijn bij de aanslag op het bedrijfspand van een uitgeverij. Op 3 maart 2018 "
            "reed een auto vol benzine tegen de gevel van het pand, dat daarna uitbrandde.")
    assert _attack(text) == ("2018-03-03", "2018-03-03")


def test_two_recounted_dates_say_nothing_about_which_one_is_meant() -> None:
    text = ("De recherche heeft dinsdag in Rotterdam vier mannen aangehouden die betrokken "
            "zouden zijn bij de aanslag op het bedrijfspand van een uitgeverij. Op 3 maart 2018 "
            "reed een auto tegen de gevel van het pand. Op 9 oktober 2017 brandde een ander pand uit.")
    assert _attack(text) != ("2018-03-03", "2018-03-03")
    assert _attack(text) != ("2017-10-09", "2017-10-09")


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-03", "0001"])
def test_a_publication_date_in_year_one_dates_the_week_without_crashing(published: str) -> None:
    # the week up to publication cannot start before 1 January of year 1
    events = kroniek.analyze("Er was een aanslag in Kabul. De aanslag werd opgeëist.",
                             lang="nl", published=published).events
    assert events and all(e.time.from_ and e.time.from_.startswith("0001-01-0") for e in events)


def test_an_undated_definite_noun_is_dated_to_the_week_before_publication() -> None:
    # Nothing dates "de aanslag": the week up to publication, as for an indefinite one. A
    # wider range for a known incident bought one pair of dev date (overlap) and cost five of
    # date_tight (kroniek eval events: 0.828 -> 0.750), so it was taken back.
    doc = kroniek.analyze("In de Tweede Kamer werd een minuut stilte gehouden voor de slachtoffers "
                          "van de aanslag in Utrecht.", published="2019-03-25", lang="nl", events="rules")
    ev = next(e for e in doc.events if e.trigger.text == "aanslag")
    assert (ev.time.from_, ev.time.to) == ("2019-03-19", "2019-03-25")


def test_an_undated_indefinite_event_stays_in_the_week_before_publication() -> None:
    doc = kroniek.analyze("Er werd een aanslag gepleegd in Utrecht.", published="2019-03-25",
                          lang="nl", events="rules")
    ev = next(e for e in doc.events if e.trigger.text == "aanslag")
    assert (ev.time.from_, ev.time.to) == ("2019-03-19", "2019-03-25")


def test_an_event_of_last_year_is_background() -> None:
    # April paper: "vorig jaar" dates the attacks to 2018, less than 365 days before
    # publication at the year's end, but told as past news of their own.
    doc = kroniek.analyze("Vorig jaar werden aanslagen gepleegd op twee krantengebouwen in Amsterdam.",
                          published="2019-04-02", lang="nl", events="rules")
    ev = next(e for e in doc.events if e.trigger.text == "aanslagen")
    assert ev.background


def test_an_event_of_last_december_is_not_background_by_its_year() -> None:
    doc = kroniek.analyze("In december werden aanslagen gepleegd op twee krantengebouwen in Amsterdam.",
                          published="2019-04-02", lang="nl", events="rules")
    ev = next(e for e in doc.events if e.trigger.text == "aanslagen")
    assert not ev.background
