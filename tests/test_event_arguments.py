"""Event arguments (#13): the second look at modality (`stages.events.modality`), the place
and the date of an event. Sentences written for these tests (not taken from any article)."""

from __future__ import annotations

from typing import Any

import pytest

import kroniek
from kroniek.stages.events import happened
from kroniek.stages.events.modality import masked_text


def _events(text: str, *, published: str = "2019-04-10") -> list[Any]:
    return kroniek.analyze(text, published=published, lang="nl").events


def _modalities(text: str, word: str, **kw: Any) -> list[str]:
    return [e.modality for e in _events(text, **kw) if e.trigger.text == word]


@pytest.mark.parametrize(("text", "word"), [
    # a cue inside a quotation the event is not in: what was said, not how it is told
    ("De man riep zaterdag tijdens een demonstratie in Utrecht 'Als je de minister wilt raken, "
     "doe het dan nu'.", "demonstratie"),
    # a singular noun read as a plural by its last letter
    ("Tijdens de vredesmars scandeerde een groep betogers leuzen tegen de regering in Rotterdam.",
     "vredesmars"),
    # a plural in an undated sentence that its clause locates in a town
    ("Na de uitspraak braken rellen uit in Eindhoven.", "rellen"),
])
def test_happened_despite_a_cue_that_is_not_about_it(text: str, word: str) -> None:
    mods = _modalities(text, word)
    assert mods and all(m in ("asserted", "claimed") for m in mods), (word, mods)


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Als de rebellen de stad aanvallen, vluchten de inwoners.", "aanvallen", "hypothetical"),
    ("In dat land wordt elke week gedemonstreerd tegen de regering.", "gedemonstreerd", "habitual"),
    ("De rebellen dreigden de hoofdstad aan te vallen.", "vallen", "hypothetical"),
    ("Hij ontkende dat zijn eenheid het dorp had beschoten.", "beschoten", "negated"),
])
def test_cues_that_are_about_it_still_count(text: str, word: str, expected: str) -> None:
    events = [e for e in _events(text) if word in e.trigger.text]
    assert events and not any(happened(e) for e in events), (word, [e.modality for e in events])
    assert events[0].modality == expected


def test_a_noun_dated_before_publication_happened() -> None:
    text = ("De rechter zal zich dinsdag buigen over de zaak als de activiste zich moet verantwoorden "
            "voor haar leuzen tijdens een demonstratie twee weken geleden in Utrecht.")
    assert _modalities(text, "demonstratie") == ["asserted"]


def test_masked_text_keeps_offsets_and_blanks_only_what_says_nothing() -> None:
    doc = kroniek.analyze("Als advocate heeft zij tijdens een protest 'men moet vechten' geroepen.",
                          published="2019-04-10", lang="nl")
    at = doc.text.index("protest")
    masked = masked_text(doc, at, at + len("protest"))
    assert len(masked) == len(doc.text)
    assert "men moet vechten" not in masked and "protest" in masked
    assert not masked.startswith("Als")  # "als" before a noun: a role, not a condition
