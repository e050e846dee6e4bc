"""The English tagger and parser come from an installed package (PARSE_PACKAGES) beside
kroniek's own English NER: the parse is real, the NER is kroniek's, and a missing package
is a ResourceError that names it with an install hint."""

from __future__ import annotations

from typing import Any

import pytest

from kroniek.errors import ResourceError
from kroniek.stages import english_parse
from kroniek.stages.english_parse import fast_attribute_ruler, parse_package_path, with_parse
from kroniek.stages.linguistic import analyse_sentences, import_spacy, load_model, model_path


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


def _annotations(nlp: Any, texts: list[str]) -> list[list[tuple[str, ...]]]:
    return [[(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i)) for t in doc]
            for doc in nlp.pipe(texts)]  # fmt: skip


def test_array_steps_give_spacys_annotations(monkeypatch: pytest.MonkeyPatch) -> None:
    # The package's attribute_ruler and lemmatizer get array steps (fast_attribute_ruler,
    # fast_rule_lemmatizer); every token's annotations must stay what spaCy's steps give,
    # including the two-token rules ("There is"), REGEX rules ("n't") and spaces.
    spacy = import_spacy()
    texts = ["There is no deal, he didn't say.", "It was 'nothin' , y' know  ok", "",
             "I told you: it said that those were theirs.", "  \n Do they have it? They do."]
    monkeypatch.setattr(english_parse, "FAST_STEPS", False)
    plain = with_parse(spacy.load(model_path("en")), "en")
    monkeypatch.setattr(english_parse, "FAST_STEPS", True)
    fast = with_parse(spacy.load(model_path("en")), "en")
    assert type(fast.get_pipe("attribute_ruler")).__name__ == "ArrayRuler"
    assert type(fast.get_pipe("lemmatizer")).__name__ == "ArrayLemmatizer"
    assert _annotations(fast, texts * 2) == _annotations(plain, texts * 2)


def test_array_ruler_lets_the_later_rule_win_and_keeps_spacys_step_for_other_patterns() -> None:
    spacy = import_spacy()

    def ruler(patterns: list[dict[str, Any]]) -> tuple[Any, Any]:
        nlp = spacy.blank("en")
        nlp.add_pipe("attribute_ruler").add_patterns(patterns)
        return nlp, nlp.get_pipe("attribute_ruler")

    rules: list[dict[str, Any]] = [{"patterns": [[{"LOWER": "ok"}]], "attrs": {"POS": "ADJ", "LEMMA": "okay"}},
             {"patterns": [[{"LOWER": {"IN": ["ok", "fine"]}}]], "attrs": {"POS": "INTJ"}},
             {"patterns": [[{"LOWER": "so"}, {"LOWER": "ok"}]], "attrs": {"LEMMA": "so-ok"},
              "index": 1}]  # fmt: skip
    nlp, proc = ruler(rules)
    assert fast_attribute_ruler(proc)
    doc = nlp("Ok fine so ok")
    assert [(t.pos_, t.lemma_) for t in doc] == [("INTJ", "okay"), ("INTJ", ""), ("", ""),
                                                 ("INTJ", "so-ok")]  # fmt: skip
    _, other = ruler([{"patterns": [[{"LENGTH": 2}]], "attrs": {"POS": "X"}}])
    assert not fast_attribute_ruler(other)


def test_array_lemmatizer_reads_the_lemma_index_as_sets_with_spacys_lemmas() -> None:
    # spaCy's rule_lemmatize asks `form in index` of lists (linear); fast_rule_lemmatizer
    # gives it sets: the same lemmas, a first-seen word no longer costs a list scan.
    spacy = import_spacy()
    fast = with_parse(spacy.load(model_path("en")), "en")
    plain = spacy.load(parse_package_path("en"), exclude=["ner", "senter"])
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index and all(isinstance(index[k], frozenset) for k in index)
    text = "The mice were running while analysts stopped writing their analyses of the crises."
    ref = plain.get_pipe("lemmatizer")
    for token in fast(text):
        assert fast.get_pipe("lemmatizer").lemmatize(token) == ref.lemmatize(token)
