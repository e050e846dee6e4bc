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


def test_a_national_capital_is_the_capital_in_a_dutch_article_about_another_country() -> None:
    # Every other place of the article is in the US (or the UK): Moscow, Idaho and
    # Washington, England are no readings a Dutch reader takes (both seen on the DPG store).
    text = ("Amerika kijkt toe. In Washington wordt gepraat over de VS en de Verenigde Staten. "
            "Trump probeerde een vergunning te krijgen voor een flat in Moskou. Het Witte Huis "
            "zwijgt. De VS wachten af.")
    assert {cc for cc, _ in _readings(text, "Moskou")} == {"RU"}
    text = ("Groot-Brittannië en de Verenigde Staten praten over handel. Nederland kijkt toe. "
            "Diplomaten in Londen en Washington zijn optimistisch. Groot-Brittannië hoopt op "
            "een akkoord met de Verenigde Staten.")
    assert {cc for cc, _ in _readings(text, "Washington")} == {"US"}


@pytest.mark.parametrize(("text", "name"), [
    # An organisation the gazetteer knows only as an alternate name of Topeka, Kansas.
    ("Patiëntgegevens van honderdduizenden Nederlanders zijn in stilte verplaatst naar de "
     "cloud van Google, blijkt uit onderzoek van deze krant.", "Google"),
    # The pronoun, not Maine (an alternate name).
    ("Het is volgens Pennings grotendeels onwetendheid. ,,Men denkt dat het een soort plastic "
     "is.''", "Men"),
])
def test_no_place_where_only_another_places_alternate_name_matches(text: str, name: str) -> None:
    assert _readings(text, name) == []


@pytest.mark.parametrize(("text", "name"), [
    # Fell back to the region of the nearest place the article locates: California.
    ("Er vielen doden in Canada, de stroom viel uit in Californië en er waren bosbranden in "
     "Scandinavië.", "Scandinavië"),
    # Also a province of Turkmenistan.
    ("De vluchtelingen kwamen via de Balkan naar Duitsland.", "Balkan"),
])
def test_a_region_wider_than_a_country_is_not_placed(text: str, name: str) -> None:
    doc = NLP(make_doc(text, lang="nl"))
    found = [p for p in doc.places if p.text == name]
    assert found and all(p.country_code is None and p.lat is None for p in found)


def test_the_surname_of_a_person_named_in_full_is_no_town() -> None:
    # Pereira, Colombia, four times in an article on La Scala's director.
    text = ("Het bestuur van La Scala wees het plan van directeur Alexander Pereira af. "
            "Pereira kwam toen onder vuur te liggen. Maandag werd het plan ingetrokken.")
    doc = NLP(make_doc(text, lang="nl"))
    assert any(e.label == "PER" and e.text == "Pereira" for e in doc.entities)
    assert [p for p in doc.places if p.text == "Pereira"] == []
