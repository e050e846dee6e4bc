"""A country the text names decides between readings of a town (issue #13, session 27)."""

from __future__ import annotations

from kroniek.analysis import make_doc
from kroniek.evaluation.geo import places_pipeline

NLP = places_pipeline()


def _country(text: str, name: str) -> list[str | None]:
    doc = NLP(make_doc(text, lang="nl"))
    return [p.country_code for p in doc.places if p.text == name]


def test_a_named_country_outweighs_nearness_to_another_place() -> None:
    # Christchurch, Dorset lies 145 km from London; the article names New Zealand.
    text = ("Na de aanslag in Christchurch is Nieuw-Zeeland in rouw. Premier Ardern sprak "
            "over de slachtoffers. Ook in Londen werden bloemen gelegd bij moskeeën. "
            "In Nieuw-Zeeland worden de wapenwetten aangescherpt.")
    assert set(_country(text, "Christchurch")) == {"NZ"}


def test_a_country_named_close_by_outweighs_the_article_wide_votes() -> None:
    # York, England and London vote for Britain; the country named next to Christchurch
    # is New Zealand.
    text = ("Het drama in Nigeria speelt al jaren, maar wordt sinds de aanslag in Christchurch "
            "sterk aangezet op websites. Alsof er na de tragedie in Nieuw-Zeeland meer aandacht "
            "kwam voor Nigeria. In Nigeria worden al jaren christenen gedood. De regering van "
            "Nigeria zwijgt. Een onderzoeker aan de universiteit van York in Engeland bevestigt "
            "het. In Londen werd daarover vergaderd. Ook in Nigeria werd een kerk aangevallen. "
            "Zoveel aandacht als Nieuw-Zeeland kreeg Nigeria nooit.")
    assert set(_country(text, "Christchurch")) == {"NZ"}


def test_a_capital_keeps_its_reading_next_to_another_country() -> None:
    # Amsterdam, New York is no reading for "Amsterdam" near "de VS".
    text = ("Nederland wijst de klacht af. Volgens Nederland zijn er geen fouten. De VS klagen "
            "over KLM. Het ministerie in Washington onderzoekt de zaak. De vrachtjumbo vloog "
            "tussen Schiphol en New York. Ook Boston en Chicago worden genoemd. Jetblue wil dat "
            "de toegang van KLM tot de VS wordt beperkt. De slotpolitiek in Amsterdam is daarop "
            "gericht, zegt Jetblue.")
    assert set(_country(text, "Amsterdam")) == {"NL"}


def test_a_battle_named_after_a_place_names_the_place() -> None:
    # "Gallipoli" is also a film's name; after "de Slag om" it is the place.
    text = ("Erdogan verwees naar de Slag om Gallipoli in de Eerste Wereldoorlog, toen het "
            "Ottomaanse Rijk aan de zijde van Duitsland stond.")
    assert _country(text, "Gallipoli") == ["TR"]
