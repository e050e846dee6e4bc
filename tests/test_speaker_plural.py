"""Plural and collective speakers (`kroniek.stages.names.Names`): members named only in
the plural speak for their party or organisation. Invented sentences."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline
from kroniek.stages.phrases import lexicon
from kroniek.stages.speakers import Resolver

TEXT = (
    "Twee CDA-Kamerleden vinden dat de brug open moet. "
    "De GGD-woordvoerders zeggen dat er geen gevaar is. "
    "Een CDA-Kamerlid was er niet bij. Oud-premier Jan Smit zweeg."
)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    pipe = build_pipeline(disable=("times", "places", "quotes", "claims", "events"))
    doc = pipe(Doc(text=TEXT, lang="nl"))
    return Resolver(doc, lexicon("nl"))


def test_members_in_the_plural_speak_for_their_party(resolver: Resolver) -> None:
    assert resolver.tidy_name("Twee CDA-Kamerleden") == "CDA"
    assert resolver.tidy_name("CDA-Kamerleden") == "CDA"
    assert resolver.tidy_name("GGD-woordvoerders") == "GGD"


def test_a_single_member_or_a_prefix_is_no_party(resolver: Resolver) -> None:
    assert resolver.tidy_name("CDA-Kamerlid") == "CDA-Kamerlid"
    assert resolver.tidy_name("Oud-premier") == "Oud-premier"


def test_the_quote_of_plural_members_goes_to_the_party() -> None:
    pipe = build_pipeline(disable=("times", "places", "claims", "events"))
    doc = pipe(Doc(text=TEXT, lang="nl"))
    names = {q.speaker.name for q in doc.quotes if q.speaker is not None}
    assert "CDA" in names


def test_an_institution_named_by_its_noun_at_the_cue_is_settled() -> None:
    from kroniek.models.speaker_ranker import settled
    from kroniek.stages.phrases import DepIndex

    text = ("Minister Piet de Boer zei dinsdag dat de brug open moet. "
            "Het kabinet zegt dat de brug dicht blijft tot de zomer.")
    pipe = build_pipeline(disable=("times", "places", "claims", "events"))
    doc = pipe(Doc(text=text, lang="nl"))
    res = Resolver(doc, lexicon("nl"))
    q = next(q for q in doc.quotes if "dicht blijft" in doc.text[q.start:q.end])
    assert q.speaker is not None and q.speaker.name == "kabinet"
    assert settled(doc, q, res, DepIndex(doc))


def test_a_plural_noun_speaks_for_the_pair_its_compound_introduced() -> None:
    from kroniek.stages.phrases import Mention

    text = ("Werkgeversorganisaties ABN-ZW en MKB-Zuid stuurden een brief. "
            "De werkgevers waarschuwen dat bedrijven vertrekken. "
            "Het waren de zorgondernemers Piet Klaver en Kees Ruis van Klaver Beheer. "
            "De ondernemers vinden het onzin. Louis van Gaal en Jan de Boer zweeg.")
    pipe = build_pipeline(disable=("times", "places", "quotes", "claims", "events"))
    doc = pipe(Doc(text=text, lang="nl"))
    res = Resolver(doc, lexicon("nl"))
    for mention, name in (("De werkgevers", "ABN-ZW en MKB-Zuid"),
                          ("De ondernemers", "Piet Klaver en Kees Ruis")):
        i = text.find(mention)
        assert res.speaker(Mention(i, i + len(mention), mention)).name == name


def test_a_plural_noun_speaks_for_the_organisation_its_members_are_of() -> None:
    from kroniek.stages.phrases import Mention

    text = ("Volgens de activisten was de actie vreedzaam. "
            "In mei bezetten dertig klimaatactivisten van Groen Verzet de haven.")
    pipe = build_pipeline(disable=("times", "places", "quotes", "claims", "events"))
    doc = pipe(Doc(text=text, lang="nl"))
    res = Resolver(doc, lexicon("nl"))
    i = text.find("de activisten")
    assert res.speaker(Mention(i, i + len("de activisten"), "de activisten")).name == "Groen Verzet"
