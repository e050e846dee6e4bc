"""Speaker name forms (`kroniek.stages.names.Names`): what sticks to a name is taken off."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline
from kroniek.stages.phrases import Mention, lexicon
from kroniek.stages.speakers import Resolver

TEXT = (
    "Doordat Anouk zo bekend is, volgen veel meisjes haar. "
    "In de slotminuut zette invaller Bram Kortstee Heracles op voorsprong. "
    "Na afloop zei Kortstee dat hij blij was. "
    "Woordvoerder Lisa Moerman van de KNVB reageerde dinsdag. "
    "„Dat is goed nieuws”, zei Moerman van de KNVB. "
    "Lachend: „Dat doen we vaker.” Hij bleef lachend staan. Dat bevestigt Moerman. "
    "Premier Vos sprak in Brussel. "
    "Dat blijkt uit cijfers van het Centraal Bureau voor de Statistiek die dinsdag verschenen."
)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    pipe = build_pipeline(disable=("times", "places", "quotes", "claims", "events"))
    doc = pipe(Doc(text=TEXT, lang="nl"))
    return Resolver(doc, lexicon("nl"))


def test_a_sentence_opener_before_a_name_is_dropped(resolver: Resolver) -> None:
    assert resolver.tidy_name("Doordat Anouk") == "Anouk"


def test_a_word_that_is_no_name_leaves_no_name(resolver: Resolver) -> None:
    assert resolver.tidy_name("Lachend") == ""
    assert resolver.tidy_name("Eén") == ""


def test_a_surname_finds_the_full_name_glued_to_the_next_word(resolver: Resolver) -> None:
    assert resolver.full_name("Kortstee") == "Bram Kortstee"


def test_an_organisation_or_place_after_van_is_an_affiliation(resolver: Resolver) -> None:
    assert resolver.tidy_name("Moerman van de KNVB") == "Lisa Moerman"
    assert resolver.tidy_name("van KNVB Lisa Moerman") == "Lisa Moerman"


def test_a_finding_speaks_for_the_organisation_whose_finding_it_is(resolver: Resolver) -> None:
    text = resolver.doc.text
    phrase = "cijfers van het Centraal Bureau voor de Statistiek"
    at = text.index(phrase)
    got = resolver.speaker(Mention(at, at + len(phrase), phrase))
    assert got.name == "Centraal Bureau voor de Statistiek"
    assert resolver.speaker(Mention(0, 11, "CBS-cijfers")).name == "CBS"
