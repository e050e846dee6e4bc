"""Dutch report constructions of session 30 (`nominal_cues.written`, `INDEFINITES`, the
strong past forms in `lang/nl/quotes.NON_SPEECH`): what a document says is reported
speech with the document as its source; an indefinite pronoun ("Alles wijst erop dat …")
names no source; "vroeg het faillissement aan" is no question asked."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import Pipeline, build_pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "claims", "events"))


def _indirect(nlp: Pipeline, text: str) -> list[tuple[str, str]]:
    doc = nlp(Doc(text=text, lang="nl"))
    return [(q.text, text[q.cue.start:q.cue.end] if q.cue else "")
            for q in doc.quotes if q.kind == "indirect"]


def test_what_a_report_says_is_reported(nlp: Pipeline) -> None:
    found = _indirect(nlp, "In het rapport staat dat de politie te laat ingreep bij de rellen.")
    assert [t for t, _ in found] == ["de politie te laat ingreep bij de rellen"]


def test_whereby_a_letter_says_is_reported(nlp: Pipeline) -> None:
    found = _indirect(nlp, "De burgemeester stuurde een brief, waarin staat dat de betoging verboden is.")
    assert [t for t, _ in found] == ["de betoging verboden is"]


def test_fixed_expressions_with_staan_report_nothing(nlp: Pipeline) -> None:
    assert _indirect(nlp, "Het staat vast dat de brug dicht blijft.") == []


def test_indefinite_subject_names_no_source(nlp: Pipeline) -> None:
    assert _indirect(nlp, "Alles wijst erop dat de aanslag lang was voorbereid.") == []


def test_strong_past_with_a_non_speech_particle_is_no_cue(nlp: Pipeline) -> None:
    assert _indirect(nlp, "Het bedrijf vroeg vorige week het faillissement aan.") == []
