"""A noun trigger named as a kind is no incident (issue #13, session 28)."""

from __future__ import annotations

import pytest

import kroniek
from kroniek.doc import Cue, Event
from kroniek.stages.events.modality import _kind_noun


def _kind(text: str, word: str, lang: str = "nl") -> bool:
    doc = kroniek.analyze(text, published="2019-03-25", lang=lang)
    k = text.index(word)
    event = Event(id="e1", type="Protests", sub_type="Peaceful protest", plover="PROTEST",
                  trigger=Cue(k, k + len(word), word))
    return _kind_noun(doc, event, lang=lang)


@pytest.mark.parametrize(("text", "word", "lang"), [
    ("Het is het type protest dat Baudet in de kaart speelt.", "protest", "nl"),
    ("Dit soort gewelddadige aanslagen komt vaker voor.", "aanslagen", "nl"),
    ("Police say this kind of attack is rare.", "attack", "en"),
])
def test_a_kind_of_event(text: str, word: str, lang: str) -> None:
    assert _kind(text, word, lang)


@pytest.mark.parametrize(("text", "word"), [
    ("De actie was een vorm van protest tegen de regering.", "protest"),
    ("Zaterdag was er een groot protest in Amsterdam.", "protest"),
])
def test_no_kind(text: str, word: str) -> None:
    assert not _kind(text, word)


def test_the_event_is_habitual() -> None:
    doc = kroniek.analyze("Het is het type protest dat Baudet in de kaart speelt.",
                          published="2019-03-25", lang="nl")
    assert [e.modality for e in doc.events if e.trigger.text == "protest"] == ["habitual"]
