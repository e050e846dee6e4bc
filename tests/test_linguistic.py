"""The linguistic stage's shortcuts give the analysis of the full spaCy pipeline."""

from __future__ import annotations

from typing import Any

from kroniek.stages.linguistic import load_model, may_hold_names, spacy_docs

TEXTS = [
    "Hij zei dat het goed ging en dat er morgen niets verandert.",
    "Oekraïense drones vielen zondag een raffinaderij in Belgorod aan, zei gouverneur Jansen.",
    "daarom wil het kabinet dat de kamer vóór 1 juli over het plan stemt.",
    "De Verenigde Naties sturen 300 waarnemers naar de grens tussen Armenië en Azerbeidzjan.",
    "",
]


def _analysis(docs: list[Any]) -> list[Any]:
    return [[(t.text, t.pos_, t.lemma_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_) for t in d]
            for d in docs]  # fmt: skip


def test_sentences_without_a_capital_after_their_opener_skip_the_ner() -> None:
    nlp = load_model("nl")
    docs = {t: d for t, d in zip(TEXTS, nlp.pipe(TEXTS), strict=True)}
    assert not may_hold_names(docs[TEXTS[0]])  # "Hij" opens it, nothing else is capitalised
    assert not may_hold_names(docs[TEXTS[2]])  # no capital at all
    assert not may_hold_names(docs[""])
    assert may_hold_names(docs[TEXTS[1]]) and may_hold_names(docs[TEXTS[3]])


def test_spacy_docs_is_the_full_pipeline_where_names_may_be() -> None:
    """Same tokens, tags, lemmas, heads everywhere; the same entities in the sentences the
    NER reads; none in the others."""
    nlp = load_model("nl")
    full = list(nlp.pipe(TEXTS))
    ours = spacy_docs(nlp, TEXTS, batch_size=2)
    assert len(ours) == len(full)
    for a, b in zip(ours, full, strict=True):
        if may_hold_names(b):
            assert _analysis([a]) == _analysis([b])
        else:
            assert not a.ents
            assert [(t.text, t.pos_, t.lemma_, t.head.i, t.dep_) for t in a] == [
                (t.text, t.pos_, t.lemma_, t.head.i, t.dep_) for t in b]  # fmt: skip
    assert any(d.ents for d in ours)
    without = spacy_docs(nlp, TEXTS, batch_size=2, ner=False)
    assert not any(d.ents for d in without)


def test_cached_lemmatiser_gives_spacys_lemmas() -> None:
    """cache_lemmas: the same lemmas as spaCy's own steps, also for words seen twice."""
    from kroniek.stages.linguistic import cache_lemmas, import_spacy, model_path

    spacy = import_spacy()
    ours, plain = spacy.load(model_path("nl")), spacy.load(model_path("nl"))
    assert cache_lemmas(ours.get_pipe("trainable_lemmatizer"))
    texts = TEXTS + TEXTS[:2] + ["De kinderen liepen gisteren naar de scholen van hun ouders."]

    def lemmas(nlp: Any) -> list[list[str]]:
        with nlp.select_pipes(disable=["ner"]):
            return [[t.lemma_ for t in d] for d in nlp.pipe(texts)]

    assert lemmas(ours) == lemmas(plain)
    assert "kind" in lemmas(ours)[-1]  # the lemmatiser ran (an edit tree, not the backoff)
