"""The English tagger and parser come from an installed package (PARSE_PACKAGES) beside
kroniek's own English NER: the parse is real, the NER is kroniek's, and a missing package
is a ResourceError that names it with an install hint."""

from __future__ import annotations

import pytest

from kroniek.errors import ResourceError
from kroniek.stages import english_parse
from kroniek.stages.english_parse import parse_package_path
from kroniek.stages.linguistic import analyse_sentences, load_model


def test_english_pipeline_parses_and_keeps_kroniek_ner() -> None:
    nlp = load_model("en")
    assert nlp.pipe_names[-1] == "ner" and "parser" in nlp.pipe_names
    assert "lemmatizer" in nlp.pipe_names and "senter" not in nlp.pipe_names
    # kroniek's NER labels (CoNLL), not the package's OntoNotes ones.
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}
    text = "The minister told reporters that the talks would resume."
    tokens, _ = analyse_sentences(nlp, [text], [0])
    by = {t.text: t for t in tokens}
    told, resume = by["told"], by["resume"]
    assert told.upos == "VERB" and told.lemma == "tell" and told.dep == "root"
    assert tokens[resume.head] is told and resume.dep == "ccomp"
    assert tokens[by["minister"].head] is told and by["minister"].dep == "nsubj"
    assert by["that"].dep == "mark" and tokens[by["that"].head] is resume


def test_hyphenated_words_stay_whole_with_the_packages_tagger() -> None:
    # kroniek's English tokenizer rules (CoNLL-2003 style) replace the package's.
    tokens, _ = analyse_sentences(load_model("en"), ["A Japan-based firm won 6-2."], [0])
    assert [t.text for t in tokens] == ["A", "Japan-based", "firm", "won", "6-2", "."]


def test_missing_package_names_it_with_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(english_parse.PARSE_PACKAGES, "en", "kroniek_no_such_parse_package")
    with pytest.raises(ResourceError) as err:
        parse_package_path("en")
    assert "kroniek_no_such_parse_package" in str(err.value)
    assert "pip install kroniek-no-such-parse-package" in (err.value.hint or "")


def test_dutch_parses_with_its_own_model() -> None:
    assert parse_package_path("nl") is None
