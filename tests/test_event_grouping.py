"""One trigger per sentence, family and place: a second noun with its own place in another
country is another incident, also when the first noun has a place of its own."""

from __future__ import annotations

import kroniek
from kroniek.stages.events import happened

# Sentences written for this test (not taken from any article).


def test_two_nouns_in_two_countries_are_two_incidents() -> None:
    text = ("De politicoloog doelt op de terroristische aanslag op moskeeën in Nieuw-Zeeland, "
            "de aanslag in een tram in Utrecht en de onrust in Europa.")
    doc = kroniek.analyze(text, published="2019-03-21", lang="nl")
    attacks = [e for e in doc.events if happened(e) and e.sub_type == "Attack"]
    assert sorted(doc.by_id(e.place).name for e in attacks if e.place) == ["New Zealand", "Utrecht"]


def test_a_noun_told_again_in_the_same_country_stays_one_incident() -> None:
    text = "Na de aanslag in Utrecht, de zwaarste aanslag in Nederland in jaren, was de stad in shock."
    doc = kroniek.analyze(text, published="2019-03-21", lang="nl")
    assert len([e for e in doc.events if happened(e) and e.sub_type == "Attack"]) == 1
