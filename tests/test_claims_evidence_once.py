"""A statement the quote stages read as a quote ("blijkt uit" is a cue) and the claims stage
as an evidence construction ("Uit <bron> blijkt dat …") is one claim, whose source is the
construction's; and "twitterde" says a claim was made on social media as "tweette" does."""

from __future__ import annotations

import pytest

from kroniek.doc import Claim, Doc
from kroniek.pipeline import Pipeline, build_pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "events"))


def covering(doc: Doc, word: str) -> list[Claim]:
    at = doc.text.index(word)
    return [c for c in doc.claims if c.start <= at < c.end]


@pytest.mark.parametrize(
    ("text", "word", "source"),
    [
        ("Uit het onderzoek blijkt dat er grote verschillen bestaan tussen kiezers van "
         "verschillende partijen.", "verschillen", "onderzoek"),
        ("De zaak ligt gevoelig. Uit Amerikaans onderzoek blijkt dat kiezers na een aanslag "
         "vooral rechtse partijen steunen.", "aanslag", "Amerikaans onderzoek"),
        ("Volgens de Amsterdamse bank loopt het onderzoek nog. Uit de gegevens in dit lek "
         "blijkt dat de bank zeker 100 miljoen euro ontvangt uit Litouwen.", "miljoen",
         "gegevens"),
    ],
)
def test_an_evidence_construction_read_as_a_quote_is_one_claim(
        nlp: Pipeline, text: str, word: str, source: str) -> None:
    doc = nlp(Doc(text=text, lang="nl"))
    hits = covering(doc, word)
    assert len(hits) == 1, [(c.source.name, c.start, c.end) for c in hits]
    assert hits[0].source.name is not None and source in hits[0].source.name
    assert hits[0].source.name != "Amsterdamse bank"


def test_a_quote_around_the_construction_keeps_its_speaker(nlp: Pipeline) -> None:
    doc = nlp(Doc(text="'Uit onderzoek blijkt dat de meeste kiezers twijfelen', zegt "
                       "hoogleraar Jan de Vries.", lang="nl"))
    hits = covering(doc, "kiezers")
    assert hits and all(c.source.name == "Jan de Vries" for c in hits if c.quote)


def test_twitterde_is_social_media(nlp: Pipeline) -> None:
    doc = nlp(Doc(text="De acteur werd opgepakt. Donald Trump twitterde dat de acteur "
                       "miljoenen Amerikanen had beledigd.", lang="nl"))
    (claim,) = covering(doc, "miljoenen")
    assert claim.source.type == "social_media"
