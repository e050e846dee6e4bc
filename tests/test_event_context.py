"""An ambiguous trigger in an article about conflict or protest (#13, `triggers.conflict_article`):
it needs no conflict word of its own sentences there. Sentences written for these tests (not
taken from any article)."""

from __future__ import annotations

import kroniek
from kroniek.stages.events.triggers import conflict_article

_CLASHES = (
    "Bij de demonstratie in Lyon raakten tien agenten gewond. De politie zette geweld in tegen "
    "de betogers. Demonstranten gooiden stenen naar de agenten en er vielen gewonden. De politie "
    "hield dertig demonstranten vast. "
)
_ARSON = (
    "De burgemeester sprak van een zwarte dag voor de stad. Hij vraagt de gemeenteraad om een "
    "debat. Een week later werd brand gesticht in een schuur van de burgemeester."
)


def _words(text: str) -> list[str]:
    doc = kroniek.analyze(text, published="2019-04-10", lang="nl")
    return [e.trigger.text for e in doc.events]


def test_an_ambiguous_trigger_far_from_conflict_words_in_a_conflict_article() -> None:
    assert "brand gesticht" in _words(_CLASHES + _ARSON)


def test_an_ambiguous_trigger_without_conflict_words_in_an_ordinary_article() -> None:
    assert "brand gesticht" not in _words(_ARSON)


def test_conflict_article_counts_conflict_words() -> None:
    doc = kroniek.analyze(_CLASHES, published="2019-04-10", lang="nl")
    assert conflict_article(doc, lang="nl")
    assert not conflict_article(kroniek.analyze(_ARSON, published="2019-04-10", lang="nl"), lang="nl")


def test_idioms_stay_no_events_in_a_conflict_article() -> None:
    words = _words(_CLASHES + "De burgemeester sprak van een zwarte dag. Hij vraagt de raad om een "
                   "debat. Achter de onrust gaat een ideologische strijd schuil. De zoektocht "
                   "stopte bij het invallen van de duisternis.")
    assert "strijd" not in words and "invallen" not in words
