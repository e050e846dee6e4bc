"""One event per listed place (ACLED) only for a list in the trigger's own sentence."""

from __future__ import annotations

import kroniek
from kroniek.stages.events import happened

# Sentences written for this test (not taken from any article).
TEXT = ("Agenten hebben maandag in Rotterdam, Utrecht en Groningen betogers opgepakt. "
        "De aanslag op het partijkantoor werd volgens de krant door extremisten gepleegd.")


def test_a_list_in_the_trigger_sentence_makes_one_event_per_place() -> None:
    doc = kroniek.analyze(TEXT, published="2019-04-09", lang="nl")
    arrests = [e for e in doc.events if e.sub_type == "Arrests" and happened(e)]
    assert sorted(doc.by_id(e.place).name for e in arrests) == ["Groningen", "Rotterdam", "Utrecht"]


def test_a_place_borrowed_from_an_earlier_list_is_not_copied() -> None:
    doc = kroniek.analyze(TEXT, published="2019-04-09", lang="nl")
    attacks = [e for e in doc.events if e.trigger.text == "aanslag" and happened(e)]
    assert len(attacks) == 1
