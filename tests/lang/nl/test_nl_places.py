"""Dutch places: function words, exonyms, metonymy, relative phrases, region fallback."""

from __future__ import annotations

import pytest

from kroniek.analysis import make_doc
from kroniek.doc import Doc
from kroniek.evaluation.geo import places_pipeline

NLP = places_pipeline()


def places(text: str) -> Doc:
    return NLP(make_doc(text, lang="nl"))


def by_text(doc: Doc, text: str) -> list:
    return [p for p in doc.places if p.text == text]


@pytest.mark.parametrize(
    "sentence",
    ["Meer informatie kwam er niet.", "Die dorpen liggen aan de rivier.",
     "Naast de weg stond een tank.", "Een dag later was het stil.",
     "Met de trein ging het verder."],
)  # fmt: skip
def test_function_words_are_not_places(sentence: str) -> None:
    assert places(sentence).places == []


def test_exonyms_resolve_with_coordinates() -> None:
    doc = places("Het leger trok op van Charkiv naar Koersk, en daarna verder naar Moskou.")
    got = {p.text: (p.name, p.country_code) for p in doc.places}
    assert got["Charkiv"] == ("Kharkiv", "UA")
    assert got["Koersk"][1] == "RU"
    assert all(p.lat is not None for p in doc.places)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [("Meer informatie wilde Kyiv niet geven.", "Kyiv"),
     ("Moskou zegt dat de aanval is afgeslagen.", "Moskou"),
     ("Volgens Washington is de steun niet in gevaar.", "Washington"),
     ("Het Kremlin ontkent elke betrokkenheid.", "Kremlin")],
)  # fmt: skip
def test_capitals_that_speak_are_metonyms(sentence: str, name: str) -> None:
    doc = places(sentence)
    (place,) = by_text(doc, name)
    assert place.role == "metonym"
    assert place.note and "government" in place.note
    assert place.lat is not None


def test_a_capital_as_location_stays_a_location() -> None:
    doc = places("Een raket trof een flatgebouw in Kyiv, meldden hulpdiensten.")
    (place,) = by_text(doc, "Kyiv")
    assert place.role == "location" and place.country_code == "UA"


def test_unknown_villages_fall_back_to_the_region() -> None:
    doc = places(
        "Er wordt gevochten rondom Zybrovka en Grozdovka, op enkele kilometers van de grens. "
        "Het leger viel de stad Belgorod aan."
    )
    for name in ("Zybrovka", "Grozdovka"):
        (place,) = by_text(doc, name)
        assert place.precision == "region"
        assert place.feature_code == "ADM1" and place.country_code == "RU"
        assert place.note and "gazetteer" in place.note and "grens" not in place.note.lower()


def test_relative_phrase_keeps_the_reference_place() -> None:
    doc = places("De ingreep vond plaats ten zuiden van Koersk.")
    (place,) = by_text(doc, "Koersk")
    assert place.country_code == "RU" and place.role == "location"
