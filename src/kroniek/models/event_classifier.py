"""A learned judge of event candidates on the e5 encoder: is a candidate a real ACLED event,
was it told as having happened, which sub-type, which modality.

The events stage (`kroniek.stages.events`) finds candidates with lexicon rules; this model
reads each candidate again and gives a `Judgement`. It does not change a `Doc`: the stage
decides what to do with the judgements (drop an event, override its modality).

Steps, for the candidates of one Doc:

1. **Encoder window.** The candidate's sentence, split at whitespace, prefixed with
   `passage:` (the e5 passage prompt); each word is one pipeline token for
   `E5Encoder.encode_tokens`, so subwords map back to characters of `Doc.text`. A
   sentence over `MAX_SUBWORDS` is cut to a window of words around the trigger.
2. **Encoder features.** One forward pass per sentence (candidates of one sentence share
   it): the mean of all positions of the last layer (the `passage()` sentence vector) and
   the mean of the trigger's subwords at each layer of `trigger_layers`, each L2-normalised.
3. **Lexical features** (`LEXICAL_FEATURES`): the rules' sub-type and modality, negation,
   denial, future, conditional, habitual and aggregate cues of the sentence (the
   language's event lexicon, `kroniek.stages.events.triggers.lexicon`), a question, a quote around
   the trigger, the event's arguments, and the article's sport/politics counts.
4. **Heads** (logistic regressions over the standardised features, numpy): `outcome`
   (none / happened / not happened), `sub_type` (the ACLED sub-types seen in training),
   `modality` (future / hypothetical / negated / habitual, for what did not happen).

Weights: `resources/models/event-classifier/event-classifier.npz`, trained by
`scripts/train_event_classifier.py` (scores and data in the folder's `MODEL_CARD.md`).
The encoder makes this an accurate-mode feature: it costs one e5 forward pass per sentence
with a candidate.
"""

from __future__ import annotations

import json
import re
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from kroniek import acled
from kroniek.doc import Doc, Event
from kroniek.errors import ResourceError
from kroniek.models.e5 import E5Encoder, get_encoder

__all__ = [
    "LEXICAL_FEATURES",
    "MAX_SUBWORDS",
    "MODALITIES",
    "OUTCOMES",
    "Candidate",
    "EncoderWindow",
    "EventClassifier",
    "Judgement",
    "candidates_from_events",
    "classifier_path",
    "encoder_features",
    "encoder_window",
    "feature_matrix",
    "get_event_classifier",
    "lexical_features",
    "softmax",
    "trigger_bucket",
]

MODELS_DIR = Path(__file__).resolve().parent.parent / "resources" / "models"
WEIGHTS = "event-classifier.npz"
OUTCOMES = ("none", "happened", "not_happened")
# What the modality head chooses between (the system's words: habitual = the gold's generic).
MODALITIES = ("future", "hypothetical", "negated", "habitual")
RULE_MODALITIES = ("asserted", "claimed", "negated", "hypothetical", "future", "habitual")
SUB_TYPES = tuple(sorted(acled.TYPE_OF))
# Subwords the encoder reads per window ("passage:" and <s> </s> included, e5 takes 512).
MAX_SUBWORDS = 500
TRIGGER_BUCKETS = 64  # hashed first five letters of the trigger
_CUES = ("NEGATION", "DENIAL", "FUTURE", "HYPOTHETICAL", "HABITUAL", "AGGREGATE", "POLITICAL",
         "SPORT", "FICTION")  # fmt: skip

LEXICAL_FEATURES: tuple[str, ...] = (
    *(f"rule_modality={m}" for m in RULE_MODALITIES),
    *(f"rule_sub_type={s}" for s in SUB_TYPES),
    "noun_form",
    *(f"sentence_cue={c.lower()}" for c in _CUES),
    "negation_before_trigger",
    "conditional_opener",
    "question",
    "in_quote",
    "sentence_has_number",
    "sentence_has_time",
    "event_has_place",
    "event_has_time",
    "event_has_actor1",
    "event_has_actor2",
    "event_has_fatalities",
    "event_has_claims",
    "article_sport",
    "article_political",
    "first_sentence",
    *(f"trigger_hash={i}" for i in range(TRIGGER_BUCKETS)),
)


def classifier_path() -> Path:
    return MODELS_DIR / "event-classifier"


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the model judges: a trigger span in `Doc.text` and what the rules said of it."""

    start: int
    end: int
    sub_type: str = "Other"
    modality: str = "asserted"
    has_place: bool = False
    has_time: bool = False
    has_actor1: bool = False
    has_actor2: bool = False
    has_fatalities: bool = False
    has_claims: bool = False


@dataclass(frozen=True, slots=True)
class Judgement:
    """The model's view of one candidate.

    `relevance`: probability that it is an ACLED event mention of any modality;
    `happened`: that it is one told as having happened (asserted or claimed);
    `modality`: `asserted` when `happened` reaches the model's `happened` threshold, else
    the likeliest of `MODALITIES`.
    """

    relevance: float
    happened: float
    sub_type: str
    sub_type_probability: float
    modality: str


def candidates_from_events(doc: Doc, events: Sequence[Event] | None = None) -> list[Candidate]:
    """One candidate per event (the Doc's own when `events` is None)."""
    out = []
    for e in doc.events if events is None else events:
        out.append(Candidate(
            e.trigger.start, e.trigger.end, sub_type=e.sub_type, modality=e.modality,
            has_place=e.place is not None, has_time=e.time.ref is not None,
            has_actor1=e.actor1 is not None, has_actor2=e.actor2 is not None,
            has_fatalities=e.fatalities is not None, has_claims=bool(e.claims),
        ))  # fmt: skip
    return out


# -- 1./2. the encoder ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EncoderWindow:
    """The words the encoder reads for one candidate: `words` are character spans of
    `Doc.text` (after the `passage:` prompt, which has no span), `trigger` the [first,
    last + 1) indices into `words` of the words the trigger overlaps."""

    words: tuple[tuple[int, int], ...]
    trigger: tuple[int, int]


_WORD = re.compile(r"\S+")
PROMPT = "passage:"


def encoder_window(doc: Doc, cand: Candidate, *, encoder: E5Encoder | None = None) -> EncoderWindow:
    """The candidate's sentence as whitespace words (the sentence that holds the trigger's
    start, or a 300-character stretch around it when no sentence does); cut to words
    around the trigger when it is longer than `MAX_SUBWORDS` subwords (`encoder` counts
    them; without one, words count as two subwords each)."""
    si = doc.sentence_index(cand.start)
    if si >= 0:
        lo, hi = doc.sentences[si].start, max(doc.sentences[si].end, cand.end)
    else:
        lo, hi = max(0, cand.start - 150), min(len(doc.text), cand.end + 150)
    words = [(m.start() + lo, m.end() + lo) for m in _WORD.finditer(doc.text[lo:hi])]
    inside = [i for i, (a, b) in enumerate(words) if a < cand.end and cand.start < b]
    if not inside:  # a trigger of whitespace only: the word after it
        inside = [next((i for i, (a, _) in enumerate(words) if a >= cand.start), len(words) - 1)]
    first, last = inside[0], inside[-1] + 1

    def cost(i: int) -> int:
        w = doc.text[words[i][0] : words[i][1]]
        return len(encoder.encode_tokens([w], [True]).ids) if encoder is not None else 2

    budget = MAX_SUBWORDS - 2 - (len(encoder.encode_text(PROMPT)) if encoder else 3)
    used = sum(cost(i) for i in range(first, last))
    a, b = first, last
    while (a > 0 or b < len(words)) and used < budget:
        grew = False
        for side in (0, 1):
            if side == 0 and a > 0 and used + cost(a - 1) <= budget:
                a -= 1
                used += cost(a)
                grew = True
            elif side == 1 and b < len(words) and used + cost(b) <= budget:
                used += cost(b)
                b += 1
                grew = True
        if not grew:
            break
    return EncoderWindow(tuple(words[a:b]), (first - a, last - a))


def encoder_features(
    doc: Doc,
    cands: Sequence[Candidate],
    *,
    trigger_layers: Sequence[int] = (12,),
    encoder: E5Encoder | None = None,
) -> np.ndarray:
    """[n, (1 + len(trigger_layers)) * H]: per candidate the sentence vector and the
    trigger's vector at each of `trigger_layers` (each L2-normalised). Candidates with the
    same window share one forward pass."""
    enc = encoder or get_encoder(layers=max([12, *trigger_layers]))
    layers = sorted({*trigger_layers, enc.layers})
    windows = [encoder_window(doc, c, encoder=enc) for c in cands]
    out = np.zeros((len(cands), (1 + len(trigger_layers)) * enc.H), dtype=np.float32)
    by_words: dict[tuple[tuple[int, int], ...], list[int]] = {}
    for i, w in enumerate(windows):
        by_words.setdefault(w.words, []).append(i)
    for words, idx in by_words.items():
        texts = [PROMPT] + [doc.text[a:b] for a, b in words]
        sub = enc.encode_tokens(texts, [True] * len(texts))
        h = enc.forward([sub.ids], layers=layers)[0]  # [n_layers, L + 2, H]
        sent = _unit(h[layers.index(enc.layers)].mean(0))
        for i in idx:
            t0, t1 = windows[i].trigger
            s0, s1 = sub.token_ranges[t0 + 1][0] + 1, sub.token_ranges[t1][1] + 1  # +1: <s>
            parts = [sent] + [_unit(h[layers.index(k), s0:s1].mean(0)) for k in trigger_layers]
            out[i] = np.concatenate(parts)
    return out


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / max(float(np.linalg.norm(v)), 1e-12)).astype(np.float32)


# -- 3. lexical features ----------------------------------------------------------------


def lexical_features(doc: Doc, cands: Sequence[Candidate]) -> np.ndarray:
    """[n, len(LEXICAL_FEATURES)] of 0/1 values (see the module docstring)."""
    from kroniek.stages.events.triggers import is_noun_form, is_sport, lexicon, political_article

    lang = doc.lang if doc.lang in ("nl", "en") else "nl"
    ev, _ = lexicon(lang)
    bound = r"(?<![\w-])(?:{})(?![\w-])"
    cues = [re.compile(bound.format(getattr(ev, c)), re.I) for c in _CUES]
    negation = cues[0]
    opener = re.compile(rf"\W*(?:{ev.CONDITIONAL_OPENERS})\b", re.I)
    index = {name: i for i, name in enumerate(LEXICAL_FEATURES)}
    sport, political = is_sport(doc, lang=lang), political_article(doc, lang=lang)
    x = np.zeros((len(cands), len(LEXICAL_FEATURES)), dtype=np.float32)
    for row, c in enumerate(cands):
        si = doc.sentence_index(c.start)
        s = doc.sentences[si] if si >= 0 else None
        lo, hi = (s.start, s.end) if s else (max(0, c.start - 150), min(len(doc.text), c.end + 150))
        sentence = doc.text[lo:hi]
        trigger = doc.text[c.start : c.end]
        on = [f"rule_modality={c.modality}", f"rule_sub_type={c.sub_type}"]
        on += [f"sentence_cue={name.lower()}" for name, pat in zip(_CUES, cues, strict=True)
               if pat.search(sentence)]  # fmt: skip
        flags = {
            "noun_form": is_noun_form(trigger, lang=lang),
            "negation_before_trigger": bool(negation.search(doc.text[max(lo, c.start - 60) : c.start])),
            "conditional_opener": bool(opener.match(sentence)),
            "question": sentence.rstrip(" \"'”’»").endswith("?"),
            "in_quote": any(q.start <= c.start < q.end for q in doc.quotes),
            "sentence_has_number": bool(re.search(r"\d", sentence)),
            "sentence_has_time": any(lo <= t.start < hi for t in doc.times),
            "event_has_place": c.has_place,
            "event_has_time": c.has_time,
            "event_has_actor1": c.has_actor1,
            "event_has_actor2": c.has_actor2,
            "event_has_fatalities": c.has_fatalities,
            "event_has_claims": c.has_claims,
            "article_sport": sport,
            "article_political": political,
            "first_sentence": si == 0,
        }
        on += [k for k, v in flags.items() if v]
        on.append(f"trigger_hash={trigger_bucket(trigger)}")
        for name in on:
            if name in index:
                x[row, index[name]] = 1.0
    return x


def trigger_bucket(trigger: str) -> int:
    """The hash bucket of a trigger's first five letters ("aanval", "aanvallen" share one)."""
    key = re.sub(r"\W", "", trigger.lower())[:5]
    return zlib.crc32(key.encode("utf-8")) % TRIGGER_BUCKETS


def feature_matrix(doc: Doc, cands: Sequence[Candidate], *, trigger_layers: Sequence[int],
                   encoder: E5Encoder | None = None) -> np.ndarray:
    """Encoder features then lexical features, as the heads read them."""
    if not cands:
        return np.zeros((0, 0), dtype=np.float32)
    enc = encoder_features(doc, cands, trigger_layers=trigger_layers, encoder=encoder)
    return np.concatenate([enc, lexical_features(doc, cands)], axis=1)


# -- 4. the heads ---------------------------------------------------------------------------


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(1, keepdims=True))


class EventClassifier:
    """The trained heads (`WEIGHTS` in `folder`) and the features they read."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        """From the heads' `arrays` (`mean`, `scale`, `<head>.w`, `<head>.b`) and `meta`
        (`trigger_layers`, `sub_types`, `modalities`, `thresholds`, ...)."""
        self.arrays = arrays
        self.meta = meta
        self.trigger_layers: list[int] = list(meta["trigger_layers"])
        self.sub_types: list[str] = list(meta["sub_types"])
        self.modalities: list[str] = list(meta["modalities"])
        self.thresholds: dict[str, float] = dict(meta.get("thresholds", {}))

    @classmethod
    def load(cls, folder: Path | None = None) -> EventClassifier:
        """The weights file `WEIGHTS` in `folder` (the shipped one by default)."""
        path = (folder or classifier_path()) / WEIGHTS
        if not path.is_file():
            raise ResourceError("no event classifier weights here", source=str(path),
                                hint="train them with `python scripts/train_event_classifier.py --save`")  # fmt: skip
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(str(z["meta"]))
                arrays = {k: z[k].astype(np.float32) for k in z.files if k != "meta"}
        except (OSError, ValueError, KeyError) as exc:
            raise ResourceError(f"unreadable event classifier weights: {exc}", source=str(path),
                                hint="retrain with `python scripts/train_event_classifier.py --save`") from exc  # fmt: skip
        if tuple(meta.get("lexical_features", ())) != LEXICAL_FEATURES:
            raise ResourceError("the event classifier weights were trained on other features",
                                source=str(path),
                                hint="retrain with `python scripts/train_event_classifier.py --save`")  # fmt: skip
        return cls(arrays, meta)

    def save(self, folder: Path) -> Path:
        """Write `WEIGHTS` (float32, compressed; about 100 kB) into `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / WEIGHTS
        small: dict[str, Any] = {k: v.astype(np.float32) for k, v in self.arrays.items()}
        small["meta"] = np.array(json.dumps(self.meta))
        np.savez_compressed(path, **small)
        return path

    def probabilities(self, x: np.ndarray) -> dict[str, np.ndarray]:
        """Each head's class probabilities for feature rows `x` (from `feature_matrix`)."""
        a = self.arrays
        z = (x - a["mean"]) / a["scale"]
        return {head: softmax(z @ a[f"{head}.w"] + a[f"{head}.b"])
                for head in ("outcome", "sub_type", "modality")}

    def judge(self, doc: Doc, cands: Sequence[Candidate] | None = None, *,
              encoder: E5Encoder | None = None) -> list[Judgement]:
        """One judgement per candidate (the Doc's events when `cands` is None)."""
        cands = candidates_from_events(doc) if cands is None else list(cands)
        if not cands:
            return []
        p = self.probabilities(feature_matrix(doc, cands, trigger_layers=self.trigger_layers,
                                              encoder=encoder))
        out = []
        for i in range(len(cands)):
            none, happened, _ = p["outcome"][i]
            k = int(p["sub_type"][i].argmax())
            modality = ("asserted" if happened >= self.thresholds.get("happened", 0.5)
                        else self.modalities[int(p["modality"][i].argmax())])
            out.append(Judgement(relevance=float(1.0 - none), happened=float(happened),
                                 sub_type=self.sub_types[k],
                                 sub_type_probability=float(p["sub_type"][i, k]),
                                 modality=modality))  # fmt: skip
        return out


    def revise(self, doc: Doc, events: Sequence[Event], *,
               encoder: E5Encoder | None = None) -> list[Judgement]:
        """The cross-validated use (MODEL_CARD.md, variant `happened`): an event the rules
        tell as having happened whose `happened` probability is under the `happened`
        threshold gets the model's modality, so it is no longer reported as having
        happened. Sub-type and everything else stay the rules'. Returns the judgements."""
        judged = self.judge(doc, candidates_from_events(doc, events), encoder=encoder)
        for e, j in zip(events, judged, strict=True):
            if e.modality in ("asserted", "claimed") and j.modality != "asserted":
                e.modality = j.modality
        return judged


_LOCK = threading.Lock()
_LOADED: dict[str, EventClassifier] = {}


def get_event_classifier() -> EventClassifier:
    """The shipped event classifier, loaded once per process (lazily)."""
    with _LOCK:
        clf = _LOADED.get("default")
        if clf is None:
            clf = _LOADED["default"] = EventClassifier.load()
        return clf
