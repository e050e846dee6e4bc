"""Dutch articles: an unrelated alternate name and a Belgian namesake, and persons after "bij"
(issue #13, session 30)."""

from __future__ import annotations

import kroniek


def _places(text: str) -> dict[str, str | None]:
    doc = kroniek.analyze(text, published="2019-04-03", lang="nl", events="rules")
    return {p.text: p.country_code for p in doc.places}


def test_waterloo_is_the_belgian_town_not_austin() -> None:
    # Austin, Texas was called Waterloo before 1839 (a GeoNames alternate name)
    places = _places("Napoleon verloor in 1815 de slag bij Waterloo.")
    assert places.get("Waterloo") == "BE"


def test_persons_after_bij_are_no_places() -> None:
    places = _places("Premier May reisde naar Parijs en Berlijn om bij Macron en Merkel aan te dringen op uitstel.")
    assert places.get("Parijs") == "FR" and places.get("Berlijn") == "DE"
    assert "Macron" not in places and "Merkel" not in places


def test_an_unknown_name_far_from_every_place_takes_the_articles_country() -> None:
    filler = "Het publiek floot de spelers uit en de trainer zweeg na afloop. " * 6
    text = ("Feyenoord speelt slecht in Nederland. De middenvelder kwam uit Trencin. " + filler
            + "Er hangt een sfeer van chagrijn rond de Kuip, waar supporters boos zijn.")
    doc = kroniek.analyze(text, published="2019-04-03", lang="nl", events="rules")
    kuip = [p for p in doc.places if p.text == "Kuip"]
    assert kuip and kuip[0].country_code == "NL"
