"""A lone capitalised word that the gazetteer knows only as a small town abroad is, in a
Dutch article, a name more often than that town (issue #13, session 29: "de Rai", "zakenblad
Forbes", "de ziekte van Lyme" on the DPG store). Sentences written for these tests."""

from __future__ import annotations

import pytest

from kroniek.analysis import make_doc
from kroniek.evaluation.geo import places_pipeline

NLP = places_pipeline()


def _names(text: str) -> set[str]:
    return {p.text for p in NLP(make_doc(text, lang="nl")).places}


@pytest.mark.parametrize(("text", "name"), [
    ("Volgens zakenblad Forbes is hij de rijkste man van het land.", "Forbes"),
    ("Dit jaar kregen meer mensen de ziekte van Lyme dan ooit.", "Lyme"),
    ("Ik heb Howick meteen gebeld, zegt zijn moeder.", "Howick"),
])
def test_a_small_town_abroad_without_a_cue_is_a_name(text: str, name: str) -> None:
    assert name not in _names(text)


@pytest.mark.parametrize(("text", "name"), [
    # a locative cue keeps it
    ("De fabriek staat in Spenge, vlak over de grens.", "Spenge"),
    # a large town abroad needs no cue
    ("Kortrijk en Lille werken samen aan een nieuwe tramlijn.", "Lille"),
])
def test_places_with_a_cue_or_of_size_stay(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_village_abroad_tagged_loc_without_a_cue_is_a_name() -> None:
    # The NER model tags the cat's name LOC; the gazetteer knows only a French village.
    text = "Na twaalf jaar is poes Eu herenigd met haar baasjes. Dat Eu terug is, danken ze aan de chip."
    assert "Eu" not in _names(text)


def test_a_tv_series_named_like_villages_abroad_is_no_place() -> None:
    # "Empire": two US villages by that name, and Coos Bay, Oregon, by an old alternate name.
    text = "Hij speelde jarenlang een rol in de tv-serie Empire. De makers van Empire schreven hem uit."
    assert "Empire" not in _names(text)
