"""Where an event happened when its own sentence names no place (issue #13, session 29):
not a place a speaker names in a quotation, not a person's first name read as a city's
adjective; a counter-demonstration is an incident of its own. Sentences written for these
tests (not taken from any article)."""

from __future__ import annotations

import kroniek
from kroniek.stages.events import happened
from kroniek.stages.events.arguments import infer_place


def _place_of(text: str, trigger: str) -> tuple[str | None, str | None]:
    doc = kroniek.analyze(text, published="2019-03-25", lang="nl", events="rules")
    places = {p.id: p for p in doc.places}
    ev = next(e for e in doc.events if happened(e) and trigger in e.trigger.text)
    p = places.get(ev.place or "")
    return (p.name, p.country_code) if p else (None, None)


def test_a_place_named_in_a_quotation_is_not_where_the_next_event_happened() -> None:
    text = ("Duizenden mensen liepen zaterdag mee in een mars tegen racisme in Utrecht. "
            "Een spreker zei op het plein: \"In Christchurch hebben we gezien waar haat toe leidt.\" "
            "Daarna demonstreerden nog honderden mensen bij het stadhuis.")
    doc = kroniek.analyze(text, published="2019-03-25", lang="nl", events="rules")
    places = {p.id: p for p in doc.places}
    told = [e for e in doc.events if happened(e)]
    assert told and all(places[e.place].country_code == "NL" for e in told if e.place)


def test_a_first_name_is_not_the_adjective_of_a_city() -> None:
    text = ",,Niemand wil dat'', zei minister Florence Parly. De Haagse politie greep in."
    doc = kroniek.analyze(text, published="2019-03-25", lang="nl", events="rules")
    found = infer_place(doc, 0, len(text))
    assert found is not None and found.country_code == "NL"  # "Haagse", not "Florence"


def test_counter_demonstrators_are_not_the_march_they_answer() -> None:
    text = ("Duizenden mensen demonstreerden zaterdag in Amsterdam tegen racisme. "
            "Op een plein in Amsterdam hadden zich zaterdag tien tegendemonstranten verzameld.")
    doc = kroniek.analyze(text, published="2019-03-25", lang="nl", events="rules")
    assert len([e for e in doc.events if happened(e)]) == 2
