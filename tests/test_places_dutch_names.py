"""Dutch names of places that GeoNames lacks or that start with an article (issue #13,
session 28: wrong-country readings on the DPG store)."""

from __future__ import annotations

import pytest

from kroniek.analysis import make_doc
from kroniek.evaluation.geo import places_pipeline

NLP = places_pipeline()


def _readings(text: str, name: str) -> list[tuple[str | None, str | None]]:
    doc = NLP(make_doc(text, lang="nl"))
    return [(p.country_code, p.feature_code) for p in doc.places if p.text == name]


@pytest.mark.parametrize(("text", "name", "country"), [
    # No Dutch entry in GeoNames: the name fell back to the region of a nearby place (Peru).
    ("Ook Groot-Brittannië stuurt troepen. Peru en Chili doen niet mee.", "Groot-Brittannië", "GB"),
    ("In Wit-Rusland is een massagraf ontdekt, vlak bij Brest.", "Wit-Rusland", "BY"),
    # A spelling variant of another place: Besni, Turkey; Krum, Texas.
    ("De oorlog in Bosnië duurde van 1992 tot 1995.", "Bosnië", "BA"),
    ("In 2014 annexeerde Rusland de Krim.", "Krim", "UA"),
])
def test_everyday_dutch_names(text: str, name: str, country: str) -> None:
    assert {cc for cc, _ in _readings(text, name)} == {country}


def test_a_name_with_its_article_is_looked_up_whole() -> None:
    # Without "De", "Lutte" was a spelling variant of Lotte, Germany.
    text = "Van de van terrorisme verdachte Groninger in De Lutte werd gezegd dat hij rustig was."
    assert _readings(text, "De Lutte") == [("NL", "PPL")]
