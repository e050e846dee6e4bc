"""The learned event detection (kroniek.models.event_classifier): its shipped weights, its
screen, its features' alignment with the Doc, the variants of the events stage and their
switches. No training here."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import numpy as np
import pytest

import kroniek
from kroniek.doc import Doc, Sentence, Token
from kroniek.errors import ConfigError, ResourceError
from kroniek.models import event_classifier as ec
from kroniek.models.e5 import get_encoder
from kroniek.stages.events.variants import NEVER, decode


def one_sentence_doc(text: str) -> Doc:
    return Doc(text=text, lang="nl", sentences=[Sentence(0, len(text))])


def candidate(doc: Doc, trigger: str, **kw: object) -> ec.Candidate:
    i = doc.text.index(trigger)
    return ec.Candidate(i, i + len(trigger), **kw)


@pytest.fixture(scope="module")
def clf() -> ec.EventClassifier:
    return ec.get_event_classifier()


def test_shipped_weights_load_and_fit_the_features(clf: ec.EventClassifier) -> None:
    h = get_encoder(layers=12).H
    fast = ec.get_event_classifier("fast")
    for model, width in ((clf, (1 + len(clf.trigger_layers)) * h + len(clf.meta["lexical_features"])),
                         (fast, len(fast.meta["lexical_features"]))):
        assert set(model.meta["lexical_features"]) <= set(ec.LEXICAL_FEATURES)
        a = model.arrays
        assert a["mean"].shape == a["scale"].shape == (width,)
        assert a["outcome.w"].shape == (width, len(ec.OUTCOMES))
        assert a["sub_type.w"].shape == (width, len(model.sub_types))
        assert a["modality.w"].shape == (width, len(ec.MODALITIES))
        assert set(model.sub_types) <= set(ec.SUB_TYPES)
        assert all(0.0 < model.thresholds[v] < 1.0 for v in ("hybrid", "hybrid_keep", "learned", "combined"))
        assert 0.5 <= model.thresholds["hybrid_modality"] <= NEVER
    assert clf.use_encoder and not ec.get_event_classifier("fast").use_encoder
    card = ec.classifier_path() / "MODEL_CARD.md"
    assert "cross-validation" in card.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("threat", "done"),
    [
        ("Het leger dreigde met een aanval op de hoofdstad als de rebellen niet vertrekken.",
         "Het leger voerde dinsdag een aanval uit op de hoofdstad, waarbij drie doden vielen."),
        ("De oppositie riep op tot een demonstratie komende zaterdag in het centrum.",
         "Duizenden mensen hielden zaterdag een demonstratie in het centrum van de stad."),
    ],
)
def test_a_threat_or_call_scores_lower_than_a_told_event(clf: ec.EventClassifier, threat: str,
                                                         done: str) -> None:
    trigger = "aanval" if "aanval" in threat else "demonstratie"
    sub = "Attack" if trigger == "aanval" else "Peaceful protest"
    judged = []
    for text in (threat, done):
        doc = one_sentence_doc(text)
        # the rules' view is the same for both: only the text can tell them apart
        (j,) = clf.judge(doc, [candidate(doc, trigger, sub_type=sub)])
        judged.append(j)
    print(f"happened: {judged[0].happened:.3f} (threat/call) < {judged[1].happened:.3f} (told)")
    assert judged[0].happened < judged[1].happened
    assert judged[1].modality == "asserted"


def test_encoder_window_words_are_spans_of_the_doc() -> None:
    text = "In Kramatorsk sloeg zondag een raket in; de luchtaanval  kostte twee levens."
    doc = one_sentence_doc(text)
    c = candidate(doc, "luchtaanval")
    w = ec.encoder_window(doc, c, encoder=get_encoder(layers=12))
    assert [text[a:b] for a, b in w.words] == text.split()
    first, last = w.trigger
    assert [text[a:b] for a, b in w.words[first:last]] == ["luchtaanval"]


def test_trigger_subwords_are_the_trigger() -> None:
    enc = get_encoder(layers=12)
    text = "Betogers werden gisteren door de politie opgepakt in Algiers."
    doc = one_sentence_doc(text)
    w = ec.encoder_window(doc, candidate(doc, "opgepakt"), encoder=enc)
    words = [ec.PROMPT] + [text[a:b] for a, b in w.words]
    sub = enc.encode_tokens(words, [True] * len(words))
    lo, hi = sub.token_ranges[w.trigger[0] + 1][0], sub.token_ranges[w.trigger[1]][1]
    assert sub.ids[:lo] == enc.encode_text(ec.PROMPT + " " + " ".join(words[1 : w.trigger[0] + 1]))
    pieces = {i: p for p, i in enc.pieces.items()}
    assert "".join(pieces[i] for i in sub.ids[lo:hi]).replace("\u2581", "") == "opgepakt"


def test_a_long_sentence_is_cut_around_its_trigger() -> None:
    enc = get_encoder(layers=12)
    filler = " ".join(["woord"] * 400)
    text = f"{filler} en toen volgde de beschieting van de haven {filler}."
    doc = one_sentence_doc(text)
    c = candidate(doc, "beschieting")
    w = ec.encoder_window(doc, c, encoder=enc)
    words = [ec.PROMPT] + [text[a:b] for a, b in w.words]
    assert len(enc.encode_tokens(words, [True] * len(words)).ids) + 2 <= ec.MAX_SUBWORDS + 2
    first, last = w.trigger
    assert [text[a:b] for a, b in w.words[first:last]] == ["beschieting"]
    x = ec.encoder_features(doc, [c], trigger_layers=(8, 12), encoder=enc)
    assert x.shape == (1, 3 * enc.H)
    assert np.allclose(np.linalg.norm(x.reshape(3, enc.H), axis=1), 1.0, atol=1e-4)
    sentence_only = ec.encoder_features(doc, [c], trigger_layers=(), encoder=enc)
    assert np.allclose(sentence_only[0], x[0, : enc.H], atol=1e-5)


def test_lexical_features_read_the_clause_and_the_rules() -> None:
    doc = one_sentence_doc("De regering ontkende dat er een aanval was gepleegd?")
    (row,) = ec.lexical_features(doc, [candidate(doc, "aanval", sub_type="Attack",
                                                 modality="negated", has_place=True)])
    on = {name for name, v in zip(ec.LEXICAL_FEATURES, row, strict=True) if v}
    assert f"word_hash={ec.word_bucket('regering')}" in on
    assert {"rule_candidate", "rule_modality=negated", "rule_sub_type=Attack", "sentence_cue=denial", "question",
            "event_has_place", "noun_form", "first_sentence"} <= on
    assert "rule_modality=asserted" not in on and "event_has_time" not in on
    assert f"trigger_hash={ec.trigger_bucket('aanvallen')}" in {
        f"trigger_hash={ec.trigger_bucket('aanval')}"}


def test_actor_types_and_the_sentence_anchor_are_features() -> None:
    doc = one_sentence_doc("De politie heeft een man aangehouden.")
    (row,) = ec.lexical_features(doc, [candidate(doc, "aangehouden", sub_type="Arrests",
                                                 actor1_type="police", actor2_type="civilians")])
    on = {name for name, v in zip(ec.LEXICAL_FEATURES, row, strict=True) if v}
    assert {"actor1_type=police", "actor2_type=civilians", "sentence_unanchored"} <= on
    assert "sentence_has_place" not in on and "sentence_has_time" not in on


def test_weights_of_fewer_features_read_their_own_columns(tmp_path: Path) -> None:
    """Weights trained before a feature was added still load and read the columns they know."""
    known = [f for f in ec.LEXICAL_FEATURES if not f.startswith("actor")]
    rng = np.random.default_rng(0)
    arrays = {"mean": np.zeros(len(known), np.float32), "scale": np.ones(len(known), np.float32)}
    for head, k in (("outcome", 3), ("sub_type", 2), ("modality", 4)):
        arrays[f"{head}.w"] = rng.normal(size=(len(known), k)).astype(np.float32)
        arrays[f"{head}.b"] = np.zeros(k, np.float32)
    meta = {"lexical_features": known, "trigger_layers": [], "encoder": False,
            "sub_types": ["Attack", "Arrests"], "modalities": list(ec.MODALITIES)}
    ec.EventClassifier(arrays, meta).save(tmp_path)
    old = ec.EventClassifier.load(tmp_path, name=ec.WEIGHTS_LEXICAL)
    x = rng.integers(0, 2, size=(3, len(ec.LEXICAL_FEATURES))).astype(np.float32)
    cols = [ec.LEXICAL_FEATURES.index(f) for f in known]
    expected = ec.softmax(x[:, cols] @ arrays["outcome.w"])
    assert np.allclose(old.probabilities(x)["outcome"], expected, atol=1e-5)


def test_missing_or_foreign_weights_are_a_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="no event classifier weights"):
        ec.EventClassifier.load(tmp_path)
    clf = ec.EventClassifier.load()
    meta = {**clf.meta, "lexical_features": ["something else"]}
    ec.EventClassifier(clf.arrays, meta).save(tmp_path)
    with pytest.raises(ResourceError, match="other features"):
        ec.EventClassifier.load(tmp_path)
    (tmp_path / ec.WEIGHTS).write_bytes(b"not a zip")
    with pytest.raises(ResourceError, match="unreadable"):
        ec.EventClassifier.load(tmp_path)
    assert json.loads(json.dumps(clf.meta))["trigger_layers"] == clf.trigger_layers


def test_the_screen_reaches_past_the_trigger_lexicon() -> None:
    text = ("Het leger bestookte de stad met vergeldingsaanvallen; bij steekpartijen vielen "
            "doden en het schip werd gekaapt. Het weer was goed.")
    doc = one_sentence_doc(text)
    words = [text[c.start : c.end] for c in ec.screen_candidates(doc)]
    assert words == ["leger", "bestookte", "vergeldingsaanvallen", "steekpartijen"]  # 4 a sentence
    i = text.index("bestookte")
    taken = [text[c.start : c.end] for c in ec.screen_candidates(doc, [(i, i + 9)])]
    assert "bestookte" not in taken and "gekaapt" in taken
    assert all(not c.from_rules and c.sub_type == "" for c in ec.screen_candidates(doc))
    assert ec.screen_candidates(one_sentence_doc("Het weer was goed en de trein reed op tijd.")) == []


def tokens_doc(text: str) -> Doc:
    doc = one_sentence_doc(text)
    doc.tokens = [Token(m.start(), m.end(), m.group()) for m in re.finditer(r"[\w-]+|[^\w\s]", text)]
    return doc


def test_the_screen_skips_names_and_headings_but_not_compounds_or_sentence_starts() -> None:
    text = ("Protesten volgden: Protest bij de Protestantse Kerk, waar ook Jett Rebel speelde, na "
            "Navo-bombardementen en een PROTEST tegen het leger.")
    words = [text[c.start : c.end] for c in ec.screen_candidates(tokens_doc(text))]
    assert words == ["Protesten", "Protest", "Navo-bombardementen", "leger"]
    # without tokens (no analysis) the screen takes every word
    assert "Protestantse" in [text[c.start : c.end] for c in ec.screen_candidates(one_sentence_doc(text))]


def test_variants_are_switched_by_argument_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KRONIEK_EVENTS", raising=False)
    assert ec.resolve_variant() == ec.DEFAULT_VARIANT
    assert ec.resolve_variant("rules") == "rules"
    assert ec.resolve_variant("combined") == "combined"
    monkeypatch.setenv("KRONIEK_EVENTS", "learned")
    assert ec.resolve_variant() == "learned"
    monkeypatch.setenv("KRONIEK_EVENTS", "neural")
    with pytest.raises(ConfigError, match="KRONIEK_EVENTS"):
        ec.resolve_variant()
    with pytest.raises(ConfigError, match="unknown events variant 'x'"):
        kroniek.analyze("Er werd gevochten in Charkiv.", lang="nl", events="x")


TOLD = ("Rebellen bestookten dinsdag het dorp Popasna met mortiergranaten. "
        "Daarna zijn honderden inwoners uit Popasna geëvacueerd. Het weer was goed.")


def test_decode_adds_screen_words_with_their_arguments_and_filters_rule_events() -> None:
    doc = kroniek.analyze(TOLD, published="2025-04-10", lang="nl")
    rules = list(doc.events)
    cands = ec.candidates(doc, rules)
    screen = [c for c in cands if not c.from_rules]
    assert screen, "the screen finds words the rules did not take"
    n = len(cands)
    # every candidate very likely an event that happened, sub-type 0 of ["Armed clash"]
    probs = {"outcome": np.tile([0.05, 0.9, 0.05], (n, 1)), "sub_type": np.ones((n, 1)),
             "modality": np.tile([0.7, 0.1, 0.1, 0.1], (n, 1))}
    added = decode(doc, [], screen, probs, variant="learned", threshold=0.5, sub_types=["Armed clash"])
    sentences = [doc.sentence_index(e.trigger.start) for e in added]
    assert len(sentences) == len(set(sentences))  # one per sentence and type
    first = added[0]
    assert first.sub_type == "Armed clash" and first.modality == "asserted"
    assert "learned model" in (first.note or "")
    assert first.time.from_ == "2025-04-08"  # "dinsdag" before the 10th: the arguments' code
    # nothing reaches a threshold of 0.99: learned keeps nothing, combined keeps the rules'
    assert decode(doc, [], screen, probs, variant="learned", threshold=0.99,
                     sub_types=["Armed clash"]) == []
    probs["outcome"] = np.tile([0.05, 0.05, 0.9], (n, 1))  # did not happen: future
    e = decode(doc, [], screen, probs, variant="learned", threshold=0.5, sub_types=["Armed clash"])[0]
    assert e.modality == "future"


def test_every_variant_runs_in_the_pipeline_in_both_modes() -> None:
    rules = kroniek.analyze(TOLD, published="2025-04-10", lang="nl", events="rules")
    assert kroniek.analyze(TOLD, published="2025-04-10", lang="nl").to_json() == kroniek.analyze(
        TOLD, published="2025-04-10", lang="nl", events=ec.DEFAULT_VARIANT).to_json()
    for mode in ("fast", "accurate"):
        for variant in ("hybrid", "learned", "combined"):
            doc = kroniek.analyze(TOLD, published="2025-04-10", lang="nl", mode=mode, events=variant)
            assert [e.id for e in doc.events] == [f"ev{i}" for i in range(1, len(doc.events) + 1)]
            if variant == "combined":  # the rules' events stay, in the fast mode's pipeline
                assert {e.trigger.start for e in rules.events} <= {e.trigger.start for e in doc.events} \
                    or mode == "accurate"


def test_eval_events_names_a_bad_variant_in_one_line() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "kroniek", "eval", "events", "--events-variant", "neural",
                           "--limit", "1"], capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 3
    assert "unknown events variant 'neural'" in done.stderr and "Traceback" not in done.stderr


NOT_HAPPENED = ("Het leger zal volgende week het dorp Popasna aanvallen. "
                "Rebellen bestookten dinsdag het dorp Popasna met mortiergranaten.")


def test_hybrid_keeps_the_rules_modality_and_the_model_decides_relevance() -> None:
    doc = kroniek.analyze(NOT_HAPPENED, published="2025-04-10", lang="nl", events="rules")
    rules = list(doc.events)
    assert [e.modality for e in rules] == ["future", "asserted"]
    cands = ec.candidates(doc, rules)[: len(rules)]
    n = len(cands)

    def run(outcome: list[float], **kw: float) -> list[tuple[str, str]]:
        probs = {"outcome": np.tile(outcome, (n, 1)), "sub_type": np.ones((n, 1)),
                 "modality": np.tile([0.1, 0.7, 0.1, 0.1], (n, 1))}
        events = decode(doc, [dataclasses.replace(e) for e in rules], cands, probs, variant="hybrid",
                        threshold=NEVER, sub_types=["Armed clash"], **kw)  # fmt: skip
        return [(e.trigger.text, e.modality) for e in events]

    # the model says "no event" for both: the future one stays, marked; the other goes
    assert run([0.9, 0.05, 0.05], keep_threshold=0.5) == [("aanvallen", "future")]
    # the model says "did not happen": the rules' cue wins; where they read none, the
    # model's modality only at a share it reaches
    assert run([0.1, 0.1, 0.8], keep_threshold=0.5) == [("aanvallen", "future"), ("bestookten", "asserted")]
    assert run([0.1, 0.1, 0.8], keep_threshold=0.5, modality_threshold=0.8) == [
        ("aanvallen", "future"), ("bestookten", "hypothetical")]
    # learned, by contrast, drops what it judges no event whatever the rules read
    probs = {"outcome": np.tile([0.9, 0.05, 0.05], (n, 1)), "sub_type": np.ones((n, 1)),
             "modality": np.tile([0.1, 0.7, 0.1, 0.1], (n, 1))}
    assert decode(doc, [dataclasses.replace(e) for e in rules], cands, probs, variant="learned",
                  threshold=NEVER, sub_types=["Armed clash"]) == []


def test_hybrid_additions_take_the_rules_cue_first() -> None:
    text = "Als de rebellen het dorp Popasna belegeren, vluchten de bewoners naar het zuiden."
    doc = kroniek.analyze(text, published="2025-04-10", lang="nl", events="rules")
    screen = [c for c in ec.screen_candidates(doc) if doc.text[c.start : c.end] == "belegeren"]
    assert screen and screen[0].modality == "hypothetical"
    n = len(screen)
    probs = {"outcome": np.tile([0.1, 0.8, 0.1], (n, 1)), "sub_type": np.ones((n, 1)),
             "modality": np.tile([0.1, 0.7, 0.1, 0.1], (n, 1))}
    (added,) = decode(doc, [], screen, probs, variant="hybrid", threshold=0.5, sub_types=["Armed clash"])
    assert added.modality == "hypothetical"  # the model said "happened"; the rules read "als"
    (learned,) = decode(doc, [], screen, probs, variant="learned", threshold=0.5, sub_types=["Armed clash"])
    assert learned.modality == "asserted"
