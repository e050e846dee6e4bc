"""Verbs that tell an event only in one frame of their arguments (#13, `VERB_FRAMES`): a
strike told with "staken" and no object, "het werk neerleggen", a gathering with "zich
verzamelen" near a protest word. Sentences written for these tests (not taken from any
article)."""

from __future__ import annotations

import pytest

import kroniek
from kroniek.stages.events.parse import verb_triggers


def _triggers(text: str) -> list[tuple[str, str]]:
    doc = kroniek.analyze(text, published="2019-04-10", lang="nl", events="rules")
    return [(e.trigger.text, e.sub_type) for e in doc.events]


@pytest.mark.parametrize(("text", "word"), [
    ("De leraren staakten vrijdag in Den Haag.", "staakten"),
    ("Duizenden ambtenaren hebben gisteren gestaakt in Brussel.", "gestaakt"),
    ("In Frankrijk legden duizenden spoorwegmedewerkers het werk neer.", "legden"),
    ("Bij het provinciehuis verzamelden honderden boeren zich zaterdag met spandoeken en "
     "protestborden.", "verzamelden"),
])
def test_a_verb_in_its_event_frame_is_a_protest(text: str, word: str) -> None:
    assert (word, "Peaceful protest") in _triggers(text)


@pytest.mark.parametrize(("text", "word"), [
    ("De zoektocht werd gisteravond gestaakt.", "gestaakt"),  # passive: stopped
    ("Alle partijen staken hun campagnes na de ramp.", "staken"),  # an object: stopped
    ("Dat staken alleen maar ten koste gaat van de kwaliteit.", "staken"),  # a nominal infinitive
    ("De minister legde de verantwoordelijkheid bij de gemeente neer.", "legde"),
    ("De liberalen verzamelden zich in het café voor de uitslag.", "verzamelden"),  # no protest word
])
def test_outside_its_frame_the_verb_is_no_event(text: str, word: str) -> None:
    assert word not in [w for w, _ in _triggers(text)]


def test_no_frame_triggers_without_a_parse() -> None:
    doc = kroniek.analyze("De leraren staakten vrijdag.", published="2019-04-10", lang="nl")
    for t in doc.tokens:
        t.dep, t.head = "", -1
    assert verb_triggers(doc, lang="nl") == []
