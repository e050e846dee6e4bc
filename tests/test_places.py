"""The places stage on English text and on the reference article, and the geo floors."""

from __future__ import annotations

import pytest

from conftest import REFERENCE, require
from kroniek.analysis import make_doc
from kroniek.evaluation import load_floors
from kroniek.evaluation.geo import evaluate, places_pipeline

NLP = places_pipeline()


def test_context_picks_the_local_reading() -> None:
    doc = NLP(make_doc("Police in Alexandria, Louisiana, said the fire in Pineville "
                       "spread to Rapides Parish.", lang="en"))  # fmt: skip
    alex = next(p for p in doc.places if p.text == "Alexandria")
    assert alex.country_code == "US" and alex.admin1 == "LA"


def test_a_following_region_picks_the_reading_inside_it() -> None:
    doc = NLP(make_doc("The festival in Paris, Texas, drew a large crowd.", lang="en"))
    paris = next(p for p in doc.places if p.text == "Paris")
    assert paris.country_code == "US" and paris.admin1 == "TX"


def test_organisation_names_and_strains_are_not_places() -> None:
    doc = NLP(make_doc("Researchers at the University of Georgia and the Texas Department of "
                       "Transportation studied the A/California/7/2009 strain and Reston "
                       "ebolavirus in Manila.", lang="en"))  # fmt: skip
    assert [p.text for p in doc.places] == ["Manila"]


def test_person_names_are_not_places() -> None:
    doc = NLP(make_doc("John Brown arrived on Monday. Brown said he was tired.", lang="en"))
    assert [p.text for p in doc.places] == []


def test_reference_article_places_have_coordinates_or_regions() -> None:
    text = require(REFERENCE).read_text(encoding="utf-8")
    doc = NLP(make_doc(text, lang="nl"))
    assert len(doc.places) >= 10
    for p in doc.places:
        assert p.lat is not None and p.lon is not None, p
        if p.precision == "region" and p.note:
            assert "gazetteer" in p.note or p.feature_code in {"ADM1", "ADM2"}
    assert any(p.role == "metonym" for p in doc.places)
    assert all(p.role == "metonym" for p in doc.places if p.text == "Kremlin")


# Subsets keep this under a minute; the full runs are `kroniek eval geo --corpus ...`.
@pytest.mark.parametrize(("corpus", "limit"), [("lgl", 588), ("geovirus", 229)])
def test_geo_floors(corpus: str, limit: int) -> None:
    floors = load_floors()[f"geo-{corpus}"]
    scores = evaluate(corpus, limit=limit)[0].as_dict()
    for metric, floor in floors.items():
        assert scores[metric] >= floor, (metric, scores[metric], floor)
