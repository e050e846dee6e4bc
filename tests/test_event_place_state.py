"""An arrest by a state named as the actor happens in that state (issue #13, session 28)."""

from __future__ import annotations

import kroniek


def _places(text: str) -> list[tuple[str, str | None]]:
    doc = kroniek.analyze(text, published="2019-02-12", lang="nl")
    names = {p.id: p.name for p in doc.places}
    return [(e.sub_type, names.get(e.place or "")) for e in doc.events]


def test_an_arrest_by_a_country_is_in_that_country() -> None:
    # Before: "Europa", the place of the sentence before.
    text = ("Overal in Europa nemen staten de activiteiten van het Chinese telecombedrijf Huawei "
            "onder de loep. Polen arresteerde een Huawei-werknemer op verdenking van spionage.")
    assert ("Arrests", "Poland") in _places(text)


def test_a_place_the_sentence_names_stays() -> None:
    for city, name in (("Berlijn", "Berlin"), ("Warschau", "Warsaw")):
        text = ("Overal in Europa kijken staten naar Huawei. Polen arresteerde in " + city
                + " een Huawei-werknemer op verdenking van spionage.")
        assert _places(text) == [("Arrests", name)]


def test_the_nationality_of_the_people_arrested_is_no_place() -> None:
    # Before: Nigeria, from "Nigeriaanse broers", for an arrest in a story set in Chicago.
    from kroniek.stages.events.arguments import infer_place

    for text, country in (("Er werden twee verdachten opgepakt, Nigeriaanse broers.", None),
                          ("Er werden twee verdachten opgepakt door de Nigeriaanse politie.", "NG")):
        doc = kroniek.analyze(text, published="2019-03-27", lang="nl")
        place = infer_place(doc, 0, len(text))
        assert (place.country_code if place else None) == country
