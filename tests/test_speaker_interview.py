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


def test_a_name_and_the_thing_after_an_article_are_split(nlp: Pipeline) -> None:
    text = ("Volgens Trump de CIA loog. Het rapport van de CIA is geheim. Peter de Vries zegt "
            "dat. De Vries bleef. Mark Rutte de CO2-heffing. Jan de Boer kwam.")
    names = Names(nlp(Doc(text=text, lang="nl")), lexicon("nl"))
    assert names.tidy_name("Trump de CIA") == "Trump"  # "van de CIA": an article
    assert names.tidy_name("Rutte de CO2-heffing") == "Mark Rutte"  # a compound noun
    assert names.tidy_name("Peter de Vries") == "Peter de Vries"  # "De Vries": a particle
    assert names.tidy_name("Jan de Boer") == "Jan de Boer"
