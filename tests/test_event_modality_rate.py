"""A rate before the relative clause of a trigger makes it an aggregate (issue #13, session 27)."""

from __future__ import annotations

import pytest

import kroniek
from kroniek.doc import Cue, Event
from kroniek.stages.events.modality import _counted_per_period


def _counted(text: str, word: str) -> bool:
    doc = kroniek.analyze(text, published="2019-04-01", lang="nl")
    k = text.index(word)
    event = Event(id="e1", type="Violence against civilians", sub_type="Attack", plover="ASSAULT",
                  trigger=Cue(k, k + len(word), word))
    return _counted_per_period(doc, event, lang="nl")


def test_a_rate_before_the_relative_clause_counts_many() -> None:
    assert _counted("Het gaat om 1000 slachtoffers per jaar die worden verkracht, mishandeld of "
                    "zelfs gedood.", "mishandeld")


@pytest.mark.parametrize(("text", "word"), [
    ("Jaarlijks herdenkt de stad de slachtoffers die in 1995 werden vermoord.", "vermoord"),
    ("De politie heeft zaterdag een man mishandeld die drie auto's stal.", "mishandeld"),
])
def test_no_rate_or_a_dated_clause_is_no_aggregate(text: str, word: str) -> None:
    assert not _counted(text, word)
