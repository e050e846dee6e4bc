"""Plural forms of separable cue verbs ("wijzen erop dat", "hielden vol dat"):
`lang/nl/quotes.py` (PARTICLE_PLURALS), read by the rules of `stages/indirect.py`."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.lang.nl.quotes import PARTICLE_PLURALS
from kroniek.models.cue_tagger import _lex_kind
from kroniek.pipeline import Pipeline, build_pipeline
from kroniek.stages.phrases import lexicon


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "events"))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("De onderzoekers wijzen erop dat het bedrag van de schade nog kan veranderen.",
         "het bedrag van de schade nog kan veranderen"),
        ("Bij de behandeling van de zaak hielden de agenten vol dat ze niets verkeerds hadden "
         "gedaan.", "ze niets verkeerds hadden gedaan"),
    ],
)
def test_plural_particle_cue(nlp: Pipeline, text: str, content: str) -> None:
    quotes = nlp(Doc(text=text, lang="nl")).quotes
    assert [(q.kind, q.text) for q in quotes] == [("indirect", content)]


def test_tagger_features_leave_plurals_out() -> None:
    """The shipped tagger weights were trained without the plural forms: its lexicon
    feature reads them as before, while the singular forms stay particle verbs."""
    lex = lexicon("nl")
    assert "wijzen" in PARTICLE_PLURALS and "wijzen" in lex.particle_verbs
    assert _lex_kind("wijzen", "wijzen", lex) == "none"
    assert _lex_kind("wijst", "wijzen", lex) == "particle"
