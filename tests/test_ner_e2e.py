"""NER measured end to end (the pipeline on raw text), the two modes, BIO decoding."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kroniek.errors import ConfigError
from kroniek.evaluation import check_floors
from kroniek.evaluation.ner import gold_documents, predict_pipeline, read_conll
from kroniek.models.tagger import bio_viterbi, tagger_path

CONLL = """-DOCSTART- -DOCSTART- O
Bomaanslag N O
op Prep O
Indiase Adj B-MISC
trein N O

De Art O
Russische Adj B-MISC
president N O
Vladimir N B-PER
Poetin N I-PER
sprak V O
dinsdag N O
in Prep O
Moskou N B-LOC
met Prep O
de Art O
Verenigde N B-ORG
Naties N I-ORG
. Punc O
"""


def test_gold_documents_are_rebuilt_one_sentence_per_line(tmp_path: Path) -> None:
    path = tmp_path / "g.conll"
    path.write_text(CONLL, encoding="utf-8")
    sents = read_conll(path)
    [(text, offsets)] = gold_documents(sents)
    assert text.split("\n") == [" ".join(s.words) for s in sents]
    for sent, offs in zip(sents, offsets, strict=True):
        assert [text[a:b] for a, b in offs] == sent.words


def test_pipeline_spans_map_back_to_gold_tokens(tmp_path: Path) -> None:
    path = tmp_path / "g.conll"
    path.write_text(CONLL, encoding="utf-8")
    sents = read_conll(path)
    pred = predict_pipeline(sents, lang="nl", mode="fast")
    assert len(pred) == 2
    # the title line without a final period is a sentence of its own: nothing of it
    # runs into the next line's names
    assert all(e <= len(s.words) for s, p in zip(sents, pred, strict=True) for _, e, _ in p)
    assert (3, 5, "PER") in pred[1] and (8, 9, "LOC") in pred[1]


def test_bio_decoding_never_continues_what_did_not_begin() -> None:
    labels = ["O", "B-LOC", "B-PER", "I-LOC", "I-PER"]
    rng = np.random.default_rng(0)
    for _ in range(50):
        scores = np.log(rng.dirichlet(np.ones(len(labels)), size=7))
        tags = bio_viterbi(scores, labels)
        for prev, cur in zip(["O", *tags], tags, strict=False):
            if cur.startswith("I-"):
                assert prev != "O" and prev[2:] == cur[2:]
    # a clear B-PER I-PER wins over the invalid O I-PER
    scores = np.log(np.array([[0.1, 0.1, 0.6, 0.1, 0.1], [0.05, 0.05, 0.05, 0.05, 0.8]]))
    assert bio_viterbi(scores, labels) == ["B-PER", "I-PER"]


def test_unknown_mode_is_a_config_error() -> None:
    import kroniek

    with pytest.raises(ConfigError) as err:
        kroniek.analyze("Rusland viel dinsdag Charkiv aan.", lang="nl", mode="slow")
    assert "fast, accurate" in (err.value.hint or "")


@pytest.mark.skipif(not (tagger_path("nl") / "head.npz").exists(), reason="no accurate nl model")
def test_accurate_mode_keeps_the_contract() -> None:
    import kroniek

    text = (
        "Vooralsnog is niet duidelijk wie de aanval uitvoerde. Het Kremlin zei dat Moskou "
        "geen rol speelde. De Oekraïense president Volodymyr Zelensky sprak in Kyiv met "
        "onderzoekers van Instituut Clingendael."
    )
    fast = kroniek.analyze(text, lang="nl", mode="fast")
    acc = kroniek.analyze(text, lang="nl", mode="accurate")
    assert [t.text for t in acc.tokens] == [t.text for t in fast.tokens]
    assert set(acc.to_json()) == set(fast.to_json())
    labels = {e.text: e.label for e in acc.entities}
    assert labels.get("Volodymyr Zelensky") == "PER"
    for place in ("Kyiv", "Moskou", "Kremlin"):
        assert labels.get(place) != "PER", place
    assert "Vooralsnog" not in labels
    assert all(text[e.start : e.end] == e.text for e in acc.entities)


@pytest.mark.parametrize(
    ("lang", "gold", "modes"),
    [("nl", "conll2002-nl/dev.conll", ("fast", "accurate")),
     ("en", "conll2003-en/dev.conll", ("fast", "accurate"))],
)  # fmt: skip
def test_end_to_end_ner_stays_above_floors(
    shared_data: Path, lang: str, gold: str, modes: tuple[str, ...]
) -> None:
    from kroniek.evaluation.ner import evaluate_ner

    sents = read_conll(shared_data / "ner" / gold)
    for mode in modes:
        if mode == "accurate" and not (tagger_path(lang) / "head.npz").exists():
            continue
        scores = evaluate_ner(sents, lambda s, m=mode: predict_pipeline(s, lang=lang, mode=m))
        f1 = scores.as_dict()["f1"]
        assert not check_floors(f"ner-{lang}-{mode}", {"pipeline_f1": f1}), (mode, f1)
