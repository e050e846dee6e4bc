"""Hedges, commitments, examples and headings in an event's modality (issue #13, session 30):
"Mogelijk wordt er ... gedemonstreerd", "hebben gezworen ... aan te vallen", "zoals een
bombardement" and a capitalised heading are no events told as having happened."""

from __future__ import annotations

import pytest

import kroniek


def _modalities(text: str, word: str) -> list[str]:
    doc = kroniek.analyze(text, published="2019-04-03", lang="nl", events="rules")
    return [e.modality for e in doc.events if e.trigger.text == word]


@pytest.mark.parametrize(("text", "word"), [
    ("Het nieuws van de dag. Mogelijk wordt er zaterdag in Utrecht gedemonstreerd tegen het kabinet.",
     "gedemonstreerd"),
    ("Het nieuws van de dag. Mogelijk gaan de boeren zaterdag demonstreren in Den Haag.", "demonstreren"),
])
def test_an_epistemic_adverb_leaves_it_open(text: str, word: str) -> None:
    assert _modalities(text, word) == ["hypothetical"]


@pytest.mark.parametrize(("text", "word", "modality"), [
    ("Het nieuws van de dag. De rebellen hebben gezworen de stad opnieuw aan te vallen.", "aan te vallen",
     "future"),
    ("Het nieuws van de dag. De rebellen zwoeren de stad te bestormen.", "bestormen", "future"),
    ("Het nieuws van de dag. De betogers weigerden de stad te bestormen.", "bestormen", "negated"),
])
def test_a_sworn_or_refused_infinitive_did_not_happen(text: str, word: str, modality: str) -> None:
    assert _modalities(text, word) == [modality]


def test_an_example_of_a_kind_is_no_incident() -> None:
    text = "Het nieuws van de dag. Het leger reageert met geweld, zoals een bombardement op de stad."
    assert _modalities(text, "bombardement") == ["habitual"]


def test_a_capitalised_heading_names_a_topic() -> None:
    text = ("Ingezonden brieven. PROTEST KLIMAAT Ik snap er niets van dat 'demonstraties voor het klimaat' "
            "zoveel aandacht krijgen (AD 2-4).")
    assert _modalities(text, "PROTEST") == ["habitual"]


@pytest.mark.parametrize(("text", "word"), [
    # a hedged past and a hedged number: it happened
    ("Het nieuws van de dag. Mogelijk werd de journalist vorige week in Istanbul gearresteerd.", "gearresteerd"),
    ("Het nieuws van de dag. Bij de aanval op het dorp vielen mogelijk tientallen doden.", "aanval"),
    # dated: one that happened, not an example
    ("Het nieuws van de dag. De stad werd vorige week getroffen door aanvallen, zoals een bombardement op de markt.",
     "bombardement"),
    # a word in capitals alone is no heading
    ("Het nieuws van de dag. De politie heeft zondag in Amsterdam twee betogers GEARRESTEERD.", "GEARRESTEERD"),
])
def test_what_happened_stays_asserted(text: str, word: str) -> None:
    mods = _modalities(text, word)
    assert mods and all(m in ("asserted", "claimed") for m in mods), mods


def test_a_present_under_a_coming_day_is_still_to_come() -> None:
    text = ("De bonden verwachten dat komende vrijdag duizenden leraren in Den Haag gaan staken. "
            "Het is de eerste keer dat het hele onderwijs actie voert. "
            "Leraren leggen het werk neer om te strijden voor betere salarissen.")
    assert _modalities(text, "leggen") == ["future"]


def test_a_present_after_a_past_day_is_left_alone() -> None:
    text = ("Vorige week vrijdag staakten duizenden leraren in Den Haag. "
            "Het was de eerste keer dat het hele onderwijs actie voerde. "
            "Leraren leggen het werk neer om te strijden voor betere salarissen.")
    assert "future" not in _modalities(text, "leggen")


def test_a_quotation_that_opens_with_a_condition() -> None:
    text = ("Tijdens een demonstratie in Amsterdam tegen racisme en geweld scandeerde een betoger 'Als je "
            "de premier dood wil schieten, zeg dan paf'. De politie arresteerde de betoger na de betoging.")
    assert _modalities(text, "schieten") == ["hypothetical"]
    assert _modalities(text, "arresteerde") == ["asserted"]
