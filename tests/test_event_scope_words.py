"""Words that keep a trigger out of scope, found on DPG store articles outside gold:
underworld compounds as crime framing, "gebombardeerd met" words, a film in a compound, a
house shot at with a firearm (an attack, ordinary crime without a political word; not shelling)."""

from __future__ import annotations

import pytest

import kroniek
from kroniek.stages.events import happened

# Sentences written for these tests (not taken from any article).
NO_EVENT = [
    ("De burgemeester van Tilburg sprak over de veiligheid tijdens de kermis. "
     "Een man uit Breda werd gisteren opgepakt met een tas vol harddrugs."),
    ("De burgemeester sprak over de ondermijning. Een man werd vorige week in een schuur in Gilze "
     "mishandeld door hennepcriminelen."),
    "De minister werd wekenlang gebombardeerd met vragen van journalisten.",
    "In een mini-speelfilm trekt de band langs de veldslagen van de Romeinen tegen de Germanen.",
    "Een woning in Breda is vannacht beschoten met een vuurwapen. Niemand raakte gewond.",
    ("De minister verdedigde zich gisteren in het debat. Een vrouw werd vorig jaar in Delft "
     "neergestoken door een verwarde man op verlof."),
]
EVENT = [
    "De stad werd gisteren gebombardeerd met clusterbommen, meldt het leger.",
    "De politie heeft gisteren in Breda drie demonstranten opgepakt.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event_told(text: str) -> None:
    doc = kroniek.analyze(text, published="2019-04-10", lang="nl")
    assert not [e.trigger.text for e in doc.events if happened(e)]


@pytest.mark.parametrize("text", EVENT)
def test_event_still_told(text: str) -> None:
    doc = kroniek.analyze(text, published="2019-04-10", lang="nl")
    assert [e for e in doc.events if happened(e)]


def test_shot_with_a_firearm_is_an_attack_not_shelling() -> None:
    text = "De burgemeester sprak over de onrust. Een woning in Breda is vannacht beschoten met een vuurwapen."
    doc = kroniek.analyze(text, published="2019-04-10", lang="nl")
    assert [e.sub_type for e in doc.events if happened(e)] == ["Attack"]
