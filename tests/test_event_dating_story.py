"""Event dating (`kroniek.stages.events.dating`): the story's time set by a decade or a named
period, and a month without a year in such a story. Sentences written for these tests (not
taken from any article)."""

from __future__ import annotations

import kroniek
from kroniek.stages.events import happened


def _dated(text: str, trigger: str, *, published: str = "2019-04-08") -> tuple[str | None, str | None]:
    doc = kroniek.analyze(text, published=published, lang="nl", events="rules")
    ev = next(e for e in doc.events if e.trigger.text == trigger)
    return ev.time.from_, ev.time.to


def test_a_decade_set_after_a_year_dates_the_story_that_follows() -> None:
    # "Destijds" is told in the decade the sentence before sets, not in the year named earlier.
    text = ("De minister bezocht in 2014 de hoofdstad. Hij sprak over de oorlog eind jaren "
            "negentig. Destijds werd tijdens de bombardementen ook het ziekenhuis in Zagreb geraakt.")
    frm, to = _dated(text, "bombardementen")
    assert frm is not None and to is not None
    assert "1990" <= frm[:4] <= to[:4] <= "1999"


def test_a_month_without_a_year_is_not_moved_into_a_decade() -> None:
    # A decade names no single year: "10 maart" stays the coming or last 10 March.
    text = ("In de jaren tachtig liepen mijn ouders al mee. Ik zal deelnemen aan de klimaatmars "
            "op 10 maart in Amsterdam.")
    doc = kroniek.analyze(text, published="2019-03-05", lang="nl", events="rules")
    ev = next(e for e in doc.events if e.trigger.text == "klimaatmars")
    assert ev.time.from_ == "2019-03-10"
    assert not happened(ev)


def test_a_deictic_time_told_since_brings_the_story_back_to_the_present() -> None:
    # "in 2013" is told, then "gisteren": the attack after it is not dated in 2013.
    text = ("De man werd in 2013 al eens veroordeeld. Gisteren werd hij opnieuw aangehouden. "
            "Volgens de politie werd er bij de aanslag in Zwolle niemand gewond.")
    frm, to = _dated(text, "aanslag", published="2019-03-19")
    assert frm is not None and frm[:4] == "2019"
