"""Encoder-proposed event verbs (#13): `EXPANDED_VERBS` / `EXPANDED_FORMS` from
`kroniek/resources/event-verbs-expanded.tsv` (scripts/build_event_expansion.py)."""

from __future__ import annotations

import pytest

import kroniek
from kroniek.lang.nl.events import (
    EXPANDED_FORMS,
    EXPANDED_NOUN_FORMS,
    EXPANDED_NOUNS,
    EXPANDED_VERBS,
    VERB_LEMMAS,
)
from kroniek.stages.events.triggers import find_triggers


def _triggers(text: str) -> list[tuple[str, str]]:
    doc = kroniek.analyze(text, published="2019-04-10", lang="nl", events="rules")
    return [(t.text, t.sub_type) for t in find_triggers(doc, lang="nl")]


def test_the_resource_loads_and_stays_under_the_curated_lemmas() -> None:
    assert len(EXPANDED_VERBS) >= 10
    assert all(ctx for _sub, ctx in EXPANDED_VERBS.values())  # all ambiguous: weaker
    assert not set(EXPANDED_VERBS) & set(VERB_LEMMAS)
    assert set(EXPANDED_FORMS.values()) <= set(EXPANDED_VERBS)
    assert set(EXPANDED_NOUN_FORMS.values()) <= set(EXPANDED_NOUNS)
    assert EXPANDED_FORMS["neerschoten"] == "neerschieten"  # particle joined


@pytest.mark.parametrize(("text", "word", "sub"), [
    ("Soldaten schoten op de demonstranten in Khartoem. Er vielen doden.", "schoten", "Attack"),
    ("De militie voerde na gevechten met het leger twintig dorpelingen weg.", "voerde",
     "Abduction/forced disappearance"),
    ("Rebellen overvielen een legerpost in het noorden van Mali.", "overvielen", "Armed clash"),
    # "vol" is no idiom here: riddled with bullets
    ("Militanten schoten de auto van de soldaten vol kogels.", "schoten", "Attack"),
    ("Bij de mars kwam het tot strubbelingen tussen betogers en de politie.", "strubbelingen",
     "Violent demonstration"),
])  # fmt: skip
def test_an_expanded_verb_is_a_trigger_near_a_conflict_word(text: str, word: str, sub: str) -> None:
    assert (word, sub) in _triggers(text)


@pytest.mark.parametrize(("text", "word"), [
    # no conflict word near it: an ambiguous trigger
    ("De spits schoot in de tweede helft op het doel van Ajax.", "schoot"),
    # an idiom of "schieten"
    ("Bij de politie schiet het toezicht op wapens totaal tekort.", "schiet"),
])  # fmt: skip
def test_no_expanded_trigger_without_context_or_in_an_idiom(text: str, word: str) -> None:
    assert word not in [w for w, _ in _triggers(text)]
