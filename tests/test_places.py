"""The places stage on English text and on the reference article, and the geo floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REFERENCE, require
from kroniek.analysis import make_doc
from kroniek.evaluation import load_floors
from kroniek.evaluation.geo import (
    Toponym,
    document_ids,
    evaluate,
    load_corpus,
    places_pipeline,
    score,
)

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


def _places(text: str, lang: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    doc = NLP(make_doc(text, lang=lang))
    return {p.text: (p.feature_code, p.country_code, p.role) for p in doc.places}


def test_a_country_name_is_the_country_and_continents_are_continents() -> None:
    got = _places("Mexico and Canada signed the deal in Europe, far from the Atlantic.", "en")
    assert got["Mexico"][:2] == ("PCLI", "MX") and got["Canada"][:2] == ("PCLI", "CA")
    assert got["Europe"][0] == "CONT" and got["Atlantic"][0] == "OCN"
    doc = NLP(make_doc("Het congres was in Europa.", lang="nl"))
    europe = next(p for p in doc.places if p.text == "Europa")
    assert (europe.geonameid, europe.lat, europe.lon) == (6255148, 48.69096, 9.14062)


def test_the_name_form_decides_city_or_state() -> None:
    got = _places("Police in New York City and officials in Washington State agreed.", "en")
    assert got["New York City"][:2] == ("PPL", "US")
    assert got["Washington State"][0] == "ADM1"


def test_mentions_of_one_name_do_not_vote_for_each_other() -> None:
    doc = NLP(make_doc("Hij vloog van Argentinië via Spanje naar Valencia. In Valencia werd hij "
                       "opgepakt; Spanje leverde hem uit.", lang="nl"))  # fmt: skip
    assert {p.country_code for p in doc.places if p.text == "Valencia"} == {"ES"}


def test_a_repeated_name_is_matched_once_and_read_alike_every_time() -> None:
    from kroniek.gazetteer import load_gazetteer

    sentence = "Bij een aanval op Charkiv vielen doden, meldt de gouverneur van Charkiv. "
    one = NLP(make_doc(sentence, lang="nl")).places
    many = NLP(make_doc(sentence * 200, lang="nl")).places
    assert len(many) == 200 * len(one) > 0
    width = len(sentence)
    for k, p in enumerate(many):
        q = one[k % len(one)]
        assert (p.start - q.start, p.end - q.end) == ((k // len(one)) * width,) * 2
        assert (p.text, p.geonameid, p.role) == (q.text, q.geonameid, q.role)
    matcher = load_gazetteer().derived[("places.runs", "nl")]
    assert matcher.cache_info().hits > 0  # the run "Charkiv" was matched once, then reused


@pytest.mark.parametrize(
    ("text", "name"),
    [("Feyenoord verloor zondag van Ajax in de Kuip.", "Ajax"),
     ("Shell maakte een recordwinst bekend.", "Shell"),
     ("Hij leerde Engels en Frans op school.", "Engels"),
     ("Obama sprak gisteren met de pers.", "Obama"),
     ("Ze stemde op de Partij voor de Dieren.", "Dieren"),
     (",,Handen af van onze hulpverleners'', riep ze.", "Handen")],
)  # fmt: skip
def test_clubs_firms_people_languages_and_words_are_not_places(text: str, name: str) -> None:
    assert name not in _places(text, "nl")


@pytest.mark.parametrize(
    ("text", "name"),
    [("Turkse troepen rukten op naar Afrin. Bij Koerdische en Syrische dorpen vielen doden.",
      "Koerdische"),
     ("Het leger trok rondom Koerdische steden in Syrië samen.", "Koerdische"),
     ("Volgende week speelt Feyenoord tegen Heerenveen. De club hoopt op veel supporters in het "
      "stadion; het treffen met Heerenveen is uitverkocht.", "Heerenveen"),
     ("Ben Damen schreef een boek over Strijp. Toen ik begon, bleek Ben er ook al mee bezig.",
      "Ben")],
)  # fmt: skip
def test_adjectives_clubs_and_first_names_are_not_places(text: str, name: str) -> None:
    assert name not in _places(text, "nl")


def test_places_inside_hyphenated_words_and_placed_by_their_region() -> None:
    got = _places("Rep. Wendell Gilliard, D-Charleston, spoke in Columbia. Greer, South "
                  "Carolina, is growing. Greer Station is busy and Greer plans a new hall.",
                  "en")  # fmt: skip
    assert got["Charleston"][1] == "US" and got["Greer"][1] == "US"
    assert "Mart" not in _places("Wal-Mart opened a store in Waco.", "en")


def test_a_dateline_in_capitals_is_a_place() -> None:
    got = _places("Man accused of threatening tax worker. ST. PAUL -- No matter how angry "
                  "people get, threats are a crime.", "en")  # fmt: skip
    assert got["ST. PAUL"][1] == "US"


def test_a_club_town_stays_a_place_after_in() -> None:
    doc = NLP(make_doc("De wedstrijd tegen Heerenveen eindigde in een gelijkspel. De trainer en "
                       "de supporters reisden daarna terug. Hij woont zelf in Heerenveen.",
                       lang="nl"))  # fmt: skip
    got = [p.start for p in doc.places if p.text == "Heerenveen"]
    assert got == [doc.text.rindex("Heerenveen")]


def test_dutch_places_are_read_in_dutch_first() -> None:
    got = _places("Jonge moeders in Twente leren opvoeden. De betoging ging over de Dam.", "nl")
    assert got["Twente"][1] == "NL"


def test_countries_and_capitals_that_act_are_metonyms() -> None:
    got = _places("Duitsland ontmaskerde een spionagenetwerk. Den Haag wil meer geld. "
                  "Volgens Moskou is dat onzin. In Frankrijk regent het. Nederland telt 17 "
                  "miljoen inwoners.", "nl")  # fmt: skip
    assert got["Duitsland"][2] == "metonym" and got["Den Haag"][2] == "metonym"
    assert got["Moskou"][2] == "metonym"
    assert got["Frankrijk"][2] == "location" and got["Nederland"][2] == "location"
    assert got["Den Haag"][:2] == ("PPLG", "NL")


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
    by_text = {p.text: p for p in doc.places}
    for town in ("Koersk", "Belgorod"):
        assert by_text[town].country_code == "RU" and by_text[town].feature_code != "ADM1"
    for village in ("Popovka", "Demidovka"):
        p = by_text[village]
        assert p.precision == "region" and p.admin1 is not None and p.country_code == "RU"
        assert "no fitting gazetteer entry" in (p.note or "")


# The whole corpora (`kroniek eval geo --corpus lgl|geovirus`, EUPEG's inexact match).
@pytest.mark.parametrize("corpus", ["lgl", "geovirus"])
def test_geo_floors(corpus: str) -> None:
    floors = load_floors()[f"geo-{corpus}"]
    scores = evaluate(corpus)[0].as_dict()
    for metric, floor in floors.items():
        assert scores[metric] >= floor, (metric, scores[metric], floor)


def test_exact_matching_is_stricter_and_geovirus_gold_is_shifted() -> None:
    texts, gold, _peers = load_corpus("geovirus", limit=20)
    assert all(texts[k][t.start : t.end] == t.mention for k, doc in enumerate(gold) for t in doc)
    shifted = [[Toponym(t.mention, t.lat, t.lon, t.start + 1, t.end + 1) for t in doc] for doc in gold]
    assert score("x", shifted, gold).f1 == 1.0  # one character off: a match for EUPEG
    assert score("x", shifted, gold, exact=True).f1 == 0.0


def test_lgl_parts_are_disjoint_and_cover_the_corpus() -> None:
    tune, frozen = document_ids("lgl", "tune"), document_ids("lgl", "frozen")
    assert tune is not None and frozen is not None
    assert not set(tune) & set(frozen) and sorted(tune + frozen) == list(range(588))


def test_dutch_places_check_floors() -> None:
    from kroniek.evaluation.places_nl import evaluate_places_nl

    floors = load_floors()["geo-nl"]
    scores = evaluate_places_nl(Path(__file__).resolve().parents[1] / "gold" / "places-nl").as_dict()
    for metric, floor in floors.items():
        assert scores[metric] >= floor, (metric, scores[metric], floor)
