"""Learned event detection on the e5 encoder: which words of an article tell an ACLED
event, of which sub-type, and whether it happened.

Four variants of the events stage (`VARIANTS`, chosen by `kroniek.analyze(...,
events=...)`, `$KRONIEK_EVENTS` or `--events-variant`; `DEFAULT_VARIANT` is the default);
what each makes of the rules' events and the model's judgements is
`kroniek.stages.events.variants`:

- `rules`: the lexicon rules of `kroniek.stages.events` alone; this module is not called;
- `hybrid`: the model decides whether a rule event or a screen word is an event at all;
  whether it happened is the rules' call wherever they read a cue (future, condition,
  negation, denial, habitual or aggregate), the model's only where they read none;
- `learned`: the model decides every event: each rule event is kept or dropped and given
  its modality by the model (its sub-type stays the rules': cross-validated on dev, the
  sub-type head was less accurate than the rules, 0.77 against 1.0), and words the rules
  did not take become events, typed by the model, when the model says so;
- `combined`: the rules' events as the rules made them, plus what the model adds in
  sentences where the rules found no event of that type.

Steps, for one Doc:

1. **Candidates** (`candidates`). The rules' events (their triggers), and every word the
   broad stem screen (`SCREEN`: violence, protest and strategic-development stems, far
   wider than the trigger lexicon, compounds included: "vergeldingsaanval",
   "steekpartijen", "bestookte") finds outside those triggers, at most
   `MAX_SCREEN_PER_SENTENCE` a sentence.
2. **Encoder features** (accurate mode only). The candidate's sentence, split at
   whitespace, prefixed with `passage:` (the e5 passage prompt), one forward pass per
   sentence shared by its candidates: the mean of the last layer (the passage vector) and
   the mean of the trigger's subwords at each layer of `trigger_layers`, each
   L2-normalised. A sentence over `MAX_SUBWORDS` is cut to a window around the trigger.
3. **Lexical features** (`LEXICAL_FEATURES`): whether the rules proposed it, the rules'
   sub-type and modality (for a screen word: the rules' modality cues read around it),
   negation, denial, future, conditional, habitual and aggregate cues of the sentence (the
   language's event lexicon), a question, a quote around the trigger, a place or time in
   the sentence (or neither), the rule event's arguments and its actors' ACLED types (the
   police apart), the article's sport/politics counts, the trigger's first five letters and
   the sentence's words hashed into buckets.
4. **Heads** (logistic regressions over the standardised features, numpy): `outcome`
   (none / happened / not happened), `sub_type` (the ACLED sub-types seen in training),
   `modality` (future / hypothetical / negated / habitual, for what did not happen).
5. **Decoding** (`kroniek.stages.events.variants.decode`): a candidate whose P(not none)
   reaches the variant's threshold is an event; one per sentence and ACLED type; an added
   event gets its place, date, actors, fatalities and claims from
   `kroniek.stages.events.arguments.fill_arguments`.

Two weight files, trained by `scripts/train_event_classifier.py` (scores and data in the
folder's `MODEL_CARD.md`): `event-classifier.npz` (encoder + lexical features, used in
accurate mode) and `event-classifier-lexical.npz` (lexical features only, used in fast
mode: the encoder costs about 160 ms a sentence, far over the fast mode's budget).
"""

from __future__ import annotations

import json
import re
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from kroniek import acled
from kroniek.doc import Doc, Event
from kroniek.errors import ResourceError, env_choice
from kroniek.models.e5 import E5Encoder, get_encoder

__all__ = [
    "DEFAULT_VARIANT",
    "LEXICAL_FEATURES",
    "MAX_SCREEN_PER_SENTENCE",
    "MAX_SUBWORDS",
    "MODALITIES",
    "OUTCOMES",
    "SCREEN",
    "VARIANTS",
    "Candidate",
    "EncoderWindow",
    "EventClassifier",
    "Judgement",
    "candidates",
    "candidates_from_events",
    "classifier_path",
    "encoder_features",
    "encoder_window",
    "feature_matrix",
    "get_event_classifier",
    "lexical_features",
    "resolve_variant",
    "screen_candidates",
    "softmax",
    "trigger_bucket",
]

MODELS_DIR = Path(__file__).resolve().parent.parent / "resources" / "models"
WEIGHTS = "event-classifier.npz"  # encoder + lexical features: accurate mode
WEIGHTS_LEXICAL = "event-classifier-lexical.npz"  # lexical features only: fast mode
VARIANTS = ("rules", "hybrid", "learned", "combined")
DEFAULT_VARIANT = "hybrid"  # rules until 4 December 2026: see the model card
OUTCOMES = ("none", "happened", "not_happened")
# What the modality head chooses between (the system's words: habitual = the gold's generic).
MODALITIES = ("future", "hypothetical", "negated", "habitual")
RULE_MODALITIES = ("asserted", "claimed", "negated", "hypothetical", "future", "habitual")
SUB_TYPES = tuple(sorted(acled.TYPE_OF))
# Subwords the encoder reads per window ("passage:" and <s> </s> included, e5 takes 512).
MAX_SUBWORDS = 500
# Hashed first five letters of the trigger and of the sentence's words, keyed by language:
# with one key for both, English PLOVER rows shared buckets with Dutch words ("clashes",
# "raid" and "bestookte" in one of 64) and taught them English labels.
TRIGGER_BUCKETS = 128
WORD_BUCKETS = 128
# Screen words a sentence gives at most (the first ones); all share one forward pass.
MAX_SCREEN_PER_SENTENCE = 4
_CUES = ("NEGATION", "DENIAL", "FUTURE", "HYPOTHETICAL", "HABITUAL", "AGGREGATE", "POLITICAL",
         "SPORT", "FICTION")  # fmt: skip

# Who acts in a rule event (`Candidate.actor1_type`): the police apart from other state forces.
ACTOR_KINDS = ("police", *acled.ACTOR_TYPES)

LEXICAL_FEATURES: tuple[str, ...] = (
    "rule_candidate",
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
    "sentence_has_place",
    "sentence_unanchored",
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
    *(f"word_hash={i}" for i in range(WORD_BUCKETS)),
    *(f"actor{n}_type={k}" for n in (1, 2) for k in ACTOR_KINDS),
)

# The broad screen: stems of violence, protest and strategic developments, matched
# anywhere inside a word (compounds, inflections, separable verbs' participles). Written
# from the ACLED definitions and the list of missed kinds (surrender, deployment,
# annexation, coup, evacuation, extradition, fall of a territory), not from dev sentences;
# it is meant to over-generate: the model decides.
SCREEN: dict[str, str] = {
    "nl": (
        r"aanval|aanslag|aangevallen|bombard|bommen|\bbom\b|bombe|beschiet|beschot|bestook|"
        r"belager|beleger|schiet|schoot|schoten|\bschot\b|vuurgevecht|gevecht|vecht|strijd|"
        r"oorlog|gewapend|militair|militie|leger|troepen|soldat|strijder|rebel|opstandeling|"
        r"raket|drone|granaat|granaten|explo|ontplof|opgeblazen|mortier|artiller|geweld|moord|"
        r"gedood|doodde|doodgeschoten|doodgestoken|omgekomen|omgebracht|gesneuveld|sneuvel|"
        r"gewond|slachtoffer|gijzel|ontvoer|gekaapt|kaping|steekpartij|neergestoken|"
        r"neergeschoten|terror|protest|demonstr|betog|staking|staakt|rellen|relschop|opstand|"
        r"onlust|ongeregeld|traangas|waterkanon|arrest|opgepakt|aangehouden|gevangengenomen|"
        r"evacu|overgave|overgegeven|capitul|annex|staatsgreep|coup|inname|ingenomen|verover|"
        r"bezet|terugtrek|teruggetrokken|uitlever|uitgeleverd|ingezet|ontplooi|stationer|"
        r"bevrijd|offensief|invasie|binnengevallen|inval|plunder|brandstich|in\s+brand|vernield|"
        r"vernietig|kalifaat|wapenstilstand|vredesakkoord|bestand\s+(?:gesloten|getekend)|"
        r"executie|geëxecuteerd|onthoofd|lynch|mishandel|blokkade|avondklok|noodtoestand|"
        r"bestorm|mars\b|marcheer|voorarrest|huisarrest|brand\s+gesticht"
    ),
    "en": (
        r"attack|bomb|shell|airstrike|air\s+strike|strikes?\b|fight|clash|battle|\bwar\b|"
        r"troops|soldier|military|militia|fighter|rebel|insurgent|rocket|missile|drone|"
        r"grenade|explo|mortar|artillery|violen|kill|\bdead\b|death|murder|wounded|injur|"
        r"casualt|hostage|kidnap|abduct|hijack|stab|shoot|\bshot\b|gunfire|gunm[ae]n|terror|"
        r"protest|demonstrat|\brall(?:y|ied|ies)\b|march|riot|unrest|uprising|arrest|detain|"
        r"evacuat|surrender|annex|\bcoup\b|captur|seiz|occup|withdr|retreat|extradit|deploy|"
        r"liberat|offensive|invasion|invade|raid|loot|arson|torched|destroy|ceasefire|truce|"
        r"peace\s+(?:deal|agreement)|execut|behead|lynch|assault|blockade|curfew"
    ),
}


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
    from_rules: bool = True  # a rule event's trigger (else a word of the screen)
    actor1_type: str = ""  # the rule event's actors' ACLED types (`acled.ACTOR_TYPES`), "police"
    actor2_type: str = ""  # for the police among state forces


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
            actor1_type=_actor_type(e.actor1), actor2_type=_actor_type(e.actor2),
        ))  # fmt: skip
    return out


def _actor_type(actor: Any) -> str:
    """An actor's ACLED type, "police" for police forces ("" for none): who acts tells
    ordinary crime (the police and an unknown person) from political violence."""
    if actor is None:
        return ""
    return "police" if actor.name.startswith("Police") else (actor.type or "")


@cache
def _screen_keys(lang: str) -> tuple[tuple[str, str], ...]:
    """(lower-case literal every match contains, the alternative) for each alternative."""
    out, alts, depth, start = [], [], 0, 0
    pattern = SCREEN[lang]
    for i, ch in enumerate(pattern):  # split at the top-level bars only
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            alts.append(pattern[start:i])
            start = i + 1
    alts.append(pattern[start:])
    for alt in alts:
        m = re.match(r"[^\\\[\](){}?*+]+", alt.replace("\\b", ""))
        key = m.group() if m else ""
        if m and alt.replace("\\b", "")[m.end() : m.end() + 1] == "?":
            key = key[:-1]  # "strikes?": the s may be absent
        out.append((key.lower(), alt))
    return tuple(out)


@cache
def _screen(alt: str) -> re.Pattern[str]:
    return re.compile(alt, re.IGNORECASE)


def _screen_words(text: str, lang: str) -> list[tuple[int, int]]:
    """The spans of the words that hold a screen stem. A literal test per stem first (a
    C-speed substring search), the regex only over the stems present: the whole
    alternation at every position cost 6-8 ms per news article, this well under one."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: offsets would shift
        lower = ""
    words: set[tuple[int, int]] = set()
    for key, alt in _screen_keys(lang):
        if lower and key not in lower:
            continue
        for m in _screen(alt).finditer(text):
            a, b = m.span()
            while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "-_"):
                a -= 1
            while b < len(text) and (text[b].isalnum() or text[b] in "-_"):
                b += 1
            words.add((a, b))
    spans: list[tuple[int, int]] = []
    for a, b in sorted(words):
        if not spans or a >= spans[-1][1]:
            spans.append((a, b))
    return spans


def _name_or_modifier(doc: Doc, i: int) -> bool:
    """Whether token `i` is a name or a heading, not an event word: a word of a flat name
    in the parse ("Jett Rebel"), a word (the last part of a hyphenated one: not
    "Navo-bombardementen") capitalised inside its sentence, not after a colon or quote
    ("de Protestantse Kerk"), or a rubric heading in capitals ("PROTEST"). Without
    tokens, no."""
    if i < 0:
        return False
    t = doc.tokens[i]
    if t.dep in ("flat", "flat:name"):
        return True
    word = t.text.rsplit("-", 1)[-1]
    if len(word) >= 4 and word.isupper():
        return True
    si = doc.sentence_index(t.start)
    before = doc.text[doc.sentences[si].start : t.start].rstrip() if si >= 0 else ""
    return bool(before) and word[:1].isupper() and before[-1] not in ":'\"‘“„(-"


def screen_candidates(doc: Doc, taken: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """The words of the broad screen (`SCREEN`) outside the `taken` spans (the rules'
    triggers), not ruled out by the lexicon (`triggers.no_event_words`) and not read by the
    parse as a name or an attribute (`_name_or_modifier`), at most
    `MAX_SCREEN_PER_SENTENCE` a sentence; each with the rules'
    modality cues read around it (`trigger_modality`)."""
    from kroniek.stages.events.parse import token_at
    from kroniek.stages.events.triggers import Trigger, no_event_words, trigger_modality

    lang = doc.lang if doc.lang in ("nl", "en") else "nl"
    out = []
    per_sentence: dict[int, int] = {}
    words = _screen_words(doc.text, lang)
    # the rules' idioms and no-violence compounds ("hartaanval") are no candidates either
    words = [w for w, no in zip(words, no_event_words(doc, words, lang=lang), strict=True) if not no]
    for a, b in words:
        si = doc.sentence_index(a)
        if si < 0 or b > doc.sentences[si].end or per_sentence.get(si, 0) >= MAX_SCREEN_PER_SENTENCE:
            continue
        if any(a < y and x < b for x, y in taken):
            continue
        if _name_or_modifier(doc, token_at(doc, a)):
            continue
        per_sentence[si] = per_sentence.get(si, 0) + 1
        trig = Trigger(a, b, doc.text[a:b], "Other", si)
        out.append(Candidate(a, b, sub_type="", modality=trigger_modality(doc, trig, lang=lang),
                             from_rules=False))  # fmt: skip
    return out


def candidates(doc: Doc, events: Sequence[Event]) -> list[Candidate]:
    """The rules' `events` (one candidate each), then the screen's words outside their
    triggers (step 1)."""
    taken = [(e.trigger.start, e.trigger.end) for e in events]
    return candidates_from_events(doc, events) + screen_candidates(doc, taken)


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
    from kroniek.stages.events.triggers import is_noun_form, is_sport, political_article

    lang = doc.lang if doc.lang in ("nl", "en") else "nl"
    cues, opener = _cue_patterns(lang)
    negation = cues[0]
    index = {name: i for i, name in enumerate(LEXICAL_FEATURES)}
    sport, political = is_sport(doc, lang=lang), political_article(doc, lang=lang)
    x = np.zeros((len(cands), len(LEXICAL_FEATURES)), dtype=np.float32)
    hashed: dict[int, list[int]] = {}  # sentence -> word-bucket columns
    first_word = index["word_hash=0"]
    for row, c in enumerate(cands):
        si = doc.sentence_index(c.start)
        s = doc.sentences[si] if si >= 0 else None
        lo, hi = (s.start, s.end) if s else (max(0, c.start - 150), min(len(doc.text), c.end + 150))
        sentence = doc.text[lo:hi]
        trigger = doc.text[c.start : c.end]
        on = [f"rule_modality={c.modality}", f"rule_sub_type={c.sub_type}"]
        if c.from_rules:
            on.append("rule_candidate")
        if si not in hashed:
            hashed[si] = sorted({first_word + word_bucket(w, lang) for w in re.findall(r"\w{3,}", sentence)})
        x[row, hashed[si]] = 1.0
        on += [f"sentence_cue={name.lower()}" for name, pat in zip(_CUES, cues, strict=True)
               if pat.search(sentence)]  # fmt: skip
        has_time = any(lo <= t.start < hi for t in doc.times)
        has_place = any(lo <= p.start < hi for p in doc.places)
        flags = {
            "noun_form": is_noun_form(trigger, lang=lang),
            "negation_before_trigger": bool(negation.search(doc.text[max(lo, c.start - 60) : c.start])),
            "conditional_opener": bool(opener.match(sentence)),
            "question": sentence.rstrip(" \"'”’»").endswith("?"),
            "in_quote": any(q.start <= c.start < q.end for q in doc.quotes),
            "sentence_has_number": bool(re.search(r"\d", sentence)),
            "sentence_has_time": has_time,
            # a place named in the sentence; neither a place nor a time: an event with no
            # when and where of its own (ACLED codes events by day and location)
            "sentence_has_place": has_place,
            "sentence_unanchored": not has_time and not has_place,
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
        on.append(f"trigger_hash={trigger_bucket(trigger, lang)}")
        on += [f"actor1_type={c.actor1_type}", f"actor2_type={c.actor2_type}"]
        for name in on:
            if name in index:
                x[row, index[name]] = 1.0
    return x


@cache
def _cue_patterns(lang: str) -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    from kroniek.stages.events.triggers import lexicon

    ev, _ = lexicon(lang)
    bound = r"(?<![\w-])(?:{})(?![\w-])"
    cues = [re.compile(bound.format(getattr(ev, c)), re.I) for c in _CUES]
    return cues, re.compile(rf"\W*(?:{ev.CONDITIONAL_OPENERS})\b", re.I)


def trigger_bucket(trigger: str, lang: str = "nl") -> int:
    """The hash bucket of a trigger's first five letters ("aanval", "aanvallen" share one)."""
    key = re.sub(r"\W", "", trigger.lower())[:5]
    return zlib.crc32(f"{lang}:{key}".encode()) % TRIGGER_BUCKETS


def word_bucket(word: str, lang: str = "nl") -> int:
    """The hash bucket of a sentence word's first five letters."""
    return zlib.crc32(f"{lang}:{word.lower()[:5]}".encode()) % WORD_BUCKETS


def feature_matrix(doc: Doc, cands: Sequence[Candidate], *, trigger_layers: Sequence[int],
                   encoder: E5Encoder | None = None, use_encoder: bool = True) -> np.ndarray:
    """Encoder features (unless not `use_encoder`) then lexical features, as the heads
    read them."""
    if not cands:
        return np.zeros((0, 0), dtype=np.float32)
    if not use_encoder:
        return lexical_features(doc, cands)
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
        self.use_encoder: bool = bool(meta.get("encoder", True))
        # Weights trained before a feature was added read the columns they know, in their order.
        known = list(meta.get("lexical_features", LEXICAL_FEATURES))
        index = {f: i for i, f in enumerate(LEXICAL_FEATURES)}
        self._lexical = (None if known == list(LEXICAL_FEATURES) or not set(known) <= set(index)
                         else np.array([index[f] for f in known], dtype=np.int64))  # (`load` refuses the rest)

    @property
    def file_name(self) -> str:
        return WEIGHTS if self.use_encoder else WEIGHTS_LEXICAL

    @classmethod
    def load(cls, folder: Path | None = None, *, name: str = WEIGHTS) -> EventClassifier:
        """The weights file `name` in `folder` (the shipped one by default)."""
        path = (folder or classifier_path()) / name
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
        if not set(meta.get("lexical_features", ())) <= set(LEXICAL_FEATURES):
            raise ResourceError("the event classifier weights were trained on other features",
                                source=str(path),
                                hint="retrain with `python scripts/train_event_classifier.py --save`")  # fmt: skip
        return cls(arrays, meta)

    def save(self, folder: Path) -> Path:
        """Write `file_name` (float32, compressed) into `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self.file_name
        small: dict[str, Any] = {k: v.astype(np.float32) for k, v in self.arrays.items()}
        small["meta"] = np.array(json.dumps(self.meta))
        np.savez_compressed(path, **small)
        return path

    def probabilities(self, x: np.ndarray) -> dict[str, np.ndarray]:
        """Each head's class probabilities for feature rows `x` (from `feature_matrix`)."""
        a = self.arrays
        if self._lexical is not None:  # the full rows of `feature_matrix`: this model's columns
            n_enc = x.shape[1] - len(LEXICAL_FEATURES)
            x = np.concatenate([x[:, :n_enc], x[:, n_enc + self._lexical]], axis=1)
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
                                              encoder=encoder, use_encoder=self.use_encoder))
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



_LOCK = threading.Lock()
_LOADED: dict[str, EventClassifier] = {}


def get_event_classifier(mode: str = "accurate") -> EventClassifier:
    """The shipped event classifier of `mode` (accurate: with the encoder; fast: lexical
    features only), loaded once per process (lazily)."""
    name = WEIGHTS if mode == "accurate" else WEIGHTS_LEXICAL
    with _LOCK:
        clf = _LOADED.get(name)
        if clf is None:
            clf = _LOADED[name] = EventClassifier.load(name=name)
        return clf


# -- 5. variants --------------------------------------------------------------------------


def resolve_variant(variant: str | None = None) -> str:
    """`variant`, else $KRONIEK_EVENTS, else DEFAULT_VARIANT; a ConfigError for anything else."""
    return env_choice(variant, env="KRONIEK_EVENTS", choices=VARIANTS, default=DEFAULT_VARIANT,
                      what="events variant")
