"""Names inside a speaker phrase that are not the speaker (`Resolver._split`): a party or
ministry in brackets after the name, an organisation after a role in an apposition.
Invented sentences."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline
from kroniek.stages.phrases import Mention, lexicon
from kroniek.stages.speakers import Resolver


@pytest.mark.parametrize(("phrase", "name"), [
    ("Pieter Klaver, journalist bij RTL Nieuws", "Pieter Klaver"),
    ("staatssecretaris Bergsma (Asiel, VVD)", "Bergsma"),
    ("Maarten Groenhuis (D66)", "Maarten Groenhuis"),
    ("de aan Instituut Waterland verbonden specialist Dirk Zandvoort", "Dirk Zandvoort"),
    ("politicoloog Jan Smit van de Universiteit Leiden", "Jan Smit"),
])
def test_the_speaker_not_the_affiliation(phrase: str, name: str) -> None:
    pipe = build_pipeline(disable=("times", "places", "quotes", "claims", "events"))
    doc = pipe(Doc(text=phrase + " zegt dat het goed gaat.", lang="nl"))
    got, _, _ = Resolver(doc, lexicon("nl"))._split(Mention(0, len(phrase), phrase))
    assert got == name
