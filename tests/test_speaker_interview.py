"""Speakers of an interview's answers and words that open a sentence but are no names."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import Pipeline, build_pipeline
from kroniek.stages.names import Names
from kroniek.stages.phrases import lexicon


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "events"))


def test_interview_answers_go_to_the_person_named_most_not_to_an_indirect_cue(nlp: Pipeline) -> None:
    # The only quotation with a cue is indirect and names someone else: the answers are
    # the interviewee's, the person the article names most often.
    text = ("Anna Bakker zit al twintig jaar in de raad. Pieter Smit zegt dat Bakker altijd al "
            "actief was. Anna Bakker woont in Deurne. Waarom deed u het? "
            ",,Ik wilde iets doen voor het dorp.'' En nu? ,,Nu stop ik ermee.''")
    doc = nlp(Doc(text=text, lang="nl"))
    answers = [q for q in doc.quotes if q.kind == "direct"]
    assert len(answers) == 2
    assert [q.speaker.name if q.speaker else None for q in answers] == ["Anna Bakker"] * 2


@pytest.mark.parametrize("word", ["Dertig", "Daardoor", "Bijvoorbeeld", "Honderd"])
def test_a_numeral_or_adverb_opening_a_sentence_is_no_name(nlp: Pipeline, word: str) -> None:
    text = f"Jan de Boer richtte de partij op. {word} was het toen hij begon."
    doc = nlp(Doc(text=text, lang="nl"))
    assert Names(doc, lexicon("nl")).tidy_name(word) == ""
