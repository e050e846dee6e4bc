"""The chronicle's merge logic on real-looking event rows (as the store passes them)."""

from __future__ import annotations

from typing import Any

import pytest

from kroniek.chronicle import build_incident, find_incident, incident_score, type_family


def row(**kw: Any) -> dict[str, Any]:
    base = {
        "uid": "a1:ev1", "article_id": "a1", "type": "Explosions/Remote violence",
        "sub_type": "Air/drone strike", "date_from": "2019-03-24", "date_to": "2019-03-24",
        "time_precision": 1, "lat": 35.93, "lon": 36.63, "place_name": "Idlib",
        "country_code": "SY", "geo_precision": 1, "actor1": "Military Forces of Russia",
        "actor2": "Civilians (Syria)", "modality": "asserted", "fatalities": 12,
    }
    base.update(kw)
    return base


def incident(**kw: Any) -> dict[str, Any]:
    base = {
        "id": "inc-idlib", "type": "Explosions/Remote violence", "sub_type": "Air/drone strike",
        "date_from": "2019-03-24", "date_to": "2019-03-24", "lat": 35.93, "lon": 36.63,
        "place_name": "Idlib", "country_code": "SY", "actor1": "Military Forces of Russia",
        "actor2": "Civilians (Syria)",
    }
    base.update(kw)
    return base


def test_same_strike_from_another_outlet_joins() -> None:
    other = row(type="Violence against civilians", sub_type="Attack", lat=35.96, lon=36.60,
                date_from="2019-03-23", date_to="2019-03-24", time_precision=2)
    assert find_incident(other, [incident()]) == "inc-idlib"


def test_the_other_side_telling_the_same_clash_joins() -> None:
    cand = incident(type="Battles", sub_type="Armed clash", actor1="Military Forces of Ukraine",
                    actor2="Military Forces of Russia", lat=50.60, lon=36.59, country_code="RU",
                    place_name="Belgorod")
    report = row(type="Battles", sub_type="Armed clash", actor1="Military Forces of Russia",
                 actor2="Military Forces of Ukraine", lat=50.63, lon=36.62, country_code="RU",
                 place_name="Belgorod", geo_precision=2)
    assert find_incident(report, [cand]) == "inc-idlib"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"type": "Protests", "sub_type": "Peaceful protest", "actor1": "Protesters (Syria)",
          "actor2": None}, "a protest is never an air strike"),
        ({"lat": 36.20, "lon": 37.16, "place_name": "Aleppo"}, "Aleppo is ~57 km from Idlib"),
        ({"date_from": "2019-03-28", "date_to": "2019-03-28"}, "four days later"),
        ({"actor1": "Military Forces of Turkey", "actor2": "Military Forces of Israel"},
         "different forces on both sides"),
        ({"modality": "future"}, "a threatened strike did not happen"),
        ({"date_from": None, "date_to": None}, "undated reports found no incident"),
    ],
)
def test_what_keeps_incidents_apart(change: dict[str, Any], why: str) -> None:
    assert find_incident(row(**change), [incident()]) is None, why


def test_region_level_reports_may_be_farther_apart() -> None:
    vague = row(lat=36.0, lon=36.9, geo_precision=3, place_name="Idlib Governorate")
    assert find_incident(vague, [incident()]) == "inc-idlib"
    assert find_incident(row(lat=36.0, lon=36.9, geo_precision=1), [incident()]) is None


def test_the_closest_candidate_wins() -> None:
    near = incident(id="near", lat=35.931, lon=36.631)
    far = incident(id="far", lat=36.05, lon=36.70, sub_type="Shelling/artillery/missile attack")
    assert find_incident(row(), [far, near]) == "near"
    score_near = incident_score(row(), near)
    score_far = incident_score(row(), far)
    assert score_near is not None and score_far is not None and score_near > score_far


def test_strategic_developments_only_join_their_own_type() -> None:
    arrest = row(type="Strategic developments", sub_type="Arrests", actor1="Police Forces of Syria",
                 actor2=None)
    looting = incident(type="Strategic developments", sub_type="Looting/property destruction")
    assert find_incident(arrest, [looting]) is None
    assert type_family("Strategic developments") == ["Strategic developments"]
    assert set(type_family("Battles")) == {"Battles", "Explosions/Remote violence",
                                           "Violence against civilians"}
    assert set(type_family("Riots")) == {"Protests", "Riots"}


def test_incident_keeps_every_report_and_both_sides_fatality_claims() -> None:
    syrian = row(uid="a1:ev1", article_id="a1", fatalities=12, fatalities_claim="c2",
                 claims=[{"id": "c2", "source": "Syrian Observatory for Human Rights",
                          "type": "media", "side": None, "factuality": "asserted"}])
    russian = row(uid="a2:ev3", article_id="a2", fatalities=0, fatalities_claim="c1",
                  time_precision=2, date_from="2019-03-23",
                  claims=[{"id": "c1", "source": "Russian Ministry of Defence",
                           "type": "party_to_conflict", "side": "Rusland", "factuality": "denied"}])
    inc = build_incident("inc-idlib", [syrian, russian])
    assert inc["n_reports"] == 2 and inc["n_articles"] == 2
    counts = {(f["count"], f["source"]) for f in inc["fatality_claims"]}
    assert counts == {(12, "Syrian Observatory for Human Rights"), (0, "Russian Ministry of Defence")}
    assert inc["fatalities"] == 0 and inc["fatalities_disputed"] is True
    assert inc["date_from"] == "2019-03-24"  # the report with the finer date wins
    assert not inc["one_sided"]
    only_russian = build_incident("x", [russian])
    assert only_russian["one_sided"] is True


def test_an_incident_needs_a_report() -> None:
    with pytest.raises(ValueError, match="no reports"):
        build_incident("inc-empty", [])


def test_two_events_of_one_article_are_two_incidents(tmp_path: Any) -> None:
    """Incidents count what they say: a second strike told in the same article at the same
    place and day is not another report of the first (real SQLite file)."""
    import dataclasses

    from kroniek.doc import Cue
    from kroniek.store import open_store
    from kroniek_docs import make_doc

    doc = make_doc(extra=" Even later volgde een tweede drone-aanval.")
    second = doc.text.rindex("drone-aanval")
    doc.events.append(dataclasses.replace(
        doc.events[0], id="ev2", trigger=Cue(second, second + len("drone-aanval"), "drone-aanval"),
        claims=[]))
    store = open_store(tmp_path / "k.sqlite")
    try:
        assert store.add(doc, content_hash="one") is True
        assert store.count("incidents") == 2
        other = make_doc(extra=" Een tweede bron bevestigt het.")  # another article: joins
        assert store.add(other, content_hash="two") is True
        assert store.count("incidents") == 2 and store.count("incident_reports") == 3
    finally:
        store.close()
