"""Speakers as a learned choice: candidates for each quote ranked by a small model.

The rules of `kroniek.stages.quotes` give every quote at most one speaker. The ranker
looks again at each quote and chooses among candidates:

1. **Candidates**: the rules' choice; the speaker of the previous quote (carry-over);
   the subject of the cue verb from the parse; every person the document names (after a
   role noun, opening a sentence, a PER entity) and every PER or ORG entity within a
   window of sentences around the quote; all as full names (`Resolver.full_name`).
2. **Features** (`FEATURES`): which sources proposed the candidate, the distance of its
   nearest mention to the cue (or to the quote without one), before or after it, same
   sentence / previous sentence / same paragraph / inside the quote, after a preposition
   (an addressee or object: "tegen de BBC"), how often the document names it and how
   often the rules chose it, whether it is the article's main speaker, its number of
   words, and the quote's kind and cue. No encoder states: the ranker runs in fast mode
   within the attribution budget (see the model card).
3. **Model**: a listwise linear-softmax scorer plus one hidden layer (`hidden`), trained
   by `scripts/train_speaker_ranker.py`; at run time numpy only. The weights are a small
   JSON file (`resources/models/speaker-ranker/weights.json`).

Hard constraints, whatever the model says: a name mentioned near the quote only inside
its reported content, or as the addressee of the cue's sentence ("tegen de BBC vertelde
hij", "told The Wall Street Journal"), is no candidate (the rules' own choice always is).

Which speakers a run uses (`SPEAKER_CHOICES`): `rules`; `learned`, the ranker on every
quote; `hybrid`, the rules' speaker kept where it is an explicit source at the quote's
cue (`settled`: the subject of the cue verb, "volgens X", "aldus X", a source noun
phrase such as "Russische militaire bloggers" or "geverifieerde beelden"), the ranker
choosing elsewhere (pronouns, role nouns, no cue, carry-over, interviews). Set by
`speakers=` on `find_quotes` and on the quotes stage (`stage_config={"quotes":
{"speakers": "hybrid"}}`), else `$KRONIEK_SPEAKERS`, else `DEFAULT_SPEAKERS`.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from kroniek.doc import Doc, Quote, Speaker
from kroniek.errors import ResourceError, env_choice
from kroniek.stages.names import SELF_NAMED
from kroniek.stages.phrases import DepIndex, Mention
from kroniek.stages.speakers import Resolver

__all__ = [
    "DEFAULT_SPEAKERS",
    "FEATURES",
    "HYBRID_YIELD",
    "Candidate",
    "SpeakerRanker",
    "candidates_for",
    "get_ranker",
    "mention_at_cue",
    "rerank_speakers",
    "resolve_speakers",
    "settled",
    "weights_file",
]

DEFAULT_SPEAKERS = "hybrid"  # rules, learned and hybrid compared on dev: see the model card
SPEAKER_CHOICES = ("rules", "learned", "hybrid")

FEATURES = (
    "bias_rule", "is_rule", "is_prev", "is_prev2", "is_subject", "is_person", "is_role_person",
    "is_per_entity", "is_org_entity", "log_dist", "nearest_after", "same_sentence",
    "prev_sentence", "same_block", "inside_quote_only", "after_preposition", "log_mentions",
    "log_rule_count", "is_main", "n_words_1", "n_words_3plus", "lowercase_word",
    "kind_direct", "has_cue", "rule_empty", "rule_x_cue", "prev_x_nocue", "subject_x_cue",
    "dist_x_cue", "first_person_named", "opens_sentence", "rule_confidence", "conf_x_rule",
    "nearest_is_subject", "subject_prev_sentence", "named_in_quote", "rule_unknown",
    "same_sentence_before", "closest_before", "second_before", "closest_person_before",
    "last_subject_before", "anaphor_x_last_subject", "anaphor_x_rule", "from_doc_only",
    "gender_agree", "gender_clash", "role_match", "pronoun_x_nonperson", "last_subject_x_nocue",
    "is_none", "none_x_nocue", "none_x_rule_empty", "none_x_direct", "none_x_anaphor",
)
# The features of the "no speaker" candidate (`Candidate.name == ""`), zero for the others.
_NONE_FEATURES = 5
# How many sentences before and after the quote's sentence a name counts as a candidate.
# Chosen on the even half of the Dutch dev gold (4 before covers carry-over chains).
_WINDOW_BEFORE = 4
_WINDOW_AFTER = 1
# How far (characters) the rules' speaker mention may lie from the cue and still be the
# quote's own explicit source when it is in another sentence by the splitter's count
# ("„…”, zegt X." split after the closing mark). Set by hand, not tuned.
_NEAR_CUE = 60
# Hybrid: a settled rules' speaker yields to the ranker when the ranker gives it a
# probability (softmax over the quote's candidates) below this. Chosen on the even article
# ids of dev (5-fold CV by article, round 6: hybrid 532 of 664 at 0 (never yield), 538 from
# 0.1 to 0.4, 537 at 1 (= learned)); confirmed on the odd ids: 542 -> 546 of 705. A settled
# quote whose rules name nobody keeps that (536 / 544 then: 4 fewer named right, but the
# gold leaves "men vermoedt" unnamed).
HYBRID_YIELD = 0.1
# Rows scored at once. OpenBLAS runs a product over several threads from about 123 rows
# of 53 features times 40 hidden units (m*n*k >= 262,144; a matrix-vector product from
# m*n >= 9,216), and starting and spinning them cost a document of ~425 candidates 3.5 ms
# CPU against 0.24 ms in one thread (84 PolNeAR dev articles). Blocks of 64 rows stay in
# one thread and give the same scores.
_ROWS = 64
# A name after one of these (and a determiner) in the cue's sentence is spoken to.
_ADDRESSEE = frozenset({"tegen", "aan", "told", "to"})
_PREPOSITIONS = frozenset({"tegen", "aan", "met", "over", "door", "bij", "voor", "naar", "van",
                           "to", "with", "about", "by", "for", "at", "told"})


@dataclass(slots=True)
class Candidate:
    """One possible speaker of a quote and the facts the ranker weighs."""

    name: str
    entity: str | None = None
    sources: set[str] = field(default_factory=set)
    positions: list[int] = field(default_factory=list)
    features: list[float] = field(default_factory=list)


def resolve_speakers(choice: str | None = None) -> str:
    """`choice`, else $KRONIEK_SPEAKERS, else DEFAULT_SPEAKERS; ConfigError otherwise."""
    return env_choice(choice, env="KRONIEK_SPEAKERS", choices=SPEAKER_CHOICES,
                      default=DEFAULT_SPEAKERS, what="speakers choice")


def weights_file() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "models" / "speaker-ranker" / "weights.json"


class SpeakerRanker:
    """A listwise scorer: score = w·x + v·tanh(W x + b), softmax over a quote's candidates."""

    def __init__(self, params: dict[str, Any]) -> None:
        names = params.get("features")
        if names != list(FEATURES):
            raise ResourceError("the speaker-ranker weights were trained on other features",
                                source=str(weights_file()),
                                hint="retrain: python scripts/train_speaker_ranker.py")
        self.mean = np.asarray(params["mean"], dtype=np.float64)
        self.std = np.asarray(params["std"], dtype=np.float64)
        self.w = np.asarray(params["w"], dtype=np.float64)
        self.hidden_w = np.asarray(params.get("hidden_w", np.zeros((0, len(FEATURES)))),
                                   dtype=np.float64).reshape(-1, len(FEATURES))
        self.hidden_b = np.asarray(params.get("hidden_b", []), dtype=np.float64)
        self.hidden_v = np.asarray(params.get("hidden_v", []), dtype=np.float64)
        # Whether the model was trained with a "no speaker" candidate in every list.
        self.none = bool(params.get("none", False))

    @classmethod
    def load(cls, path: Path | None = None) -> SpeakerRanker:
        path = path or weights_file()
        try:
            params = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise ResourceError(f"cannot read the speaker-ranker weights: {e}", source=str(path),
                                hint="reinstall kroniek or retrain with scripts/train_speaker_ranker.py") from e
        return cls(params)

    def scores(self, x: np.ndarray) -> np.ndarray:
        """The score of each row of `x` (a document's candidates, `FEATURES` columns)."""
        if len(x) > _ROWS:  # in blocks: see _ROWS
            return np.concatenate([self.scores(x[i : i + _ROWS]) for i in range(0, len(x), _ROWS)])
        z = (x - self.mean) / self.std
        out = z @ self.w
        if self.hidden_v.size:
            out = out + np.tanh(z @ self.hidden_w.T + self.hidden_b) @ self.hidden_v
        return np.asarray(out)


@lru_cache(maxsize=1)
def get_ranker() -> SpeakerRanker:
    """The shipped ranker, loaded once per process."""
    return SpeakerRanker.load()


def rerank_speakers(doc: Doc, quotes: list[Quote], resolver: Resolver, deps: DepIndex,
                    *, ranker: SpeakerRanker | None = None, keep_settled: bool = False) -> None:
    """Replace each quote's speaker by the best-scored candidate (in place); with
    `keep_settled` (the `hybrid` choice) quotes whose speaker is `settled` keep it unless
    the ranker gives it a probability below `HYBRID_YIELD`."""
    if not quotes:
        return
    ranker = ranker or get_ranker()
    sure = ({i for i, q in enumerate(quotes) if settled(doc, q, resolver, deps)}
            if keep_settled else set())
    lists = candidates_for(doc, quotes, resolver, deps, none=ranker.none)
    flat = [c.features for cands in lists for c in cands]
    if not flat:
        return
    scores = ranker.scores(np.asarray(flat, dtype=np.float64)).tolist()  # one call per document
    at = 0
    for i, (q, cands) in enumerate(zip(quotes, lists, strict=True)):
        if not cands:
            continue
        mine = scores[at : at + len(cands)]
        at += len(cands)
        if i in sure and _rule_probability(cands, mine) >= HYBRID_YIELD:
            continue
        best = cands[mine.index(max(mine))]
        rule = q.speaker.name if q.speaker is not None else None
        if best.name == (rule or ""):
            continue
        old = q.speaker
        if not best.name:  # the "no speaker" candidate: the mention stays, unnamed
            if old is not None:
                old.name, old.entity = None, None
            continue
        q.speaker = Speaker(entity=best.entity or resolver.entity_id(best.name), name=best.name,
                            descriptor=old.descriptor if old is not None else None)
        if old is not None and (mention_at_cue(doc, q, old) or "subject" in best.sources):
            # The mention at the cue ("hij", "de minister", also a settled source the ranker
            # overrules) stays the source's span; the ranker only says whom it refers to.
            q.speaker.start, q.speaker.end = old.start, old.end


def _rule_probability(cands: list[Candidate], scores: list[float]) -> float:
    """The ranker's probability (softmax over the quote's candidates) of the rules' choice;
    1 where the rules name nobody ("men vermoedt", "een bekende zegt": no one to overrule)."""
    k = next((k for k, c in enumerate(cands) if "rule" in c.sources), None)
    if k is None:
        return 1.0
    top = max(scores)
    return math.exp(scores[k] - top) / sum(math.exp(v - top) for v in scores)


def settled(doc: Doc, q: Quote, resolver: Resolver, deps: DepIndex) -> bool:
    """Is the rules' answer for this quote an explicit source at its cue, which the
    `hybrid` choice keeps: the speaker's mention lies at the cue (same sentence, or within
    `_NEAR_CUE` characters) and is no pronoun or definite role noun ("hij", "de
    minister"), or the cue verb's parse subject is such a phrase (also when the rules give
    no name for it: "men vermoedt", "een bekende zegt")."""
    cue = q.cue
    if cue is None:
        return False
    lex = resolver.lex
    sp = q.speaker
    if sp is not None and mention_at_cue(doc, q, sp):
        assert sp.start is not None and sp.end is not None
        m = Mention(sp.start, sp.end, doc.text[sp.start : sp.end])
        return bool(sp.name) and not _anaphoric(resolver, m) and (
            not _definite_noun(resolver, m) or _self_named(doc, m, sp))
    if cue.text == ":" or cue.text.split()[0].lower() in lex.according_first:
        return False
    subj = deps.subject(cue.start)
    if subj is None or _anaphoric(resolver, subj):
        return False
    # A subject with a name the rules did not take ("Maar Kirsty Carden van … houdt vol
    # dat") is the ranker's to choose; one without ("men", "Een bekende") is no one.
    return not any(w[:1].isupper() for w in subj.text.split()[1:])


def mention_at_cue(doc: Doc, q: Quote, sp: Speaker) -> bool:
    """Is `sp`'s mention the quote's own, at its cue (same sentence, or within `_NEAR_CUE`
    characters), rather than one carried over from an earlier quote?"""
    cue = q.cue
    if cue is None or sp.start is None or sp.end is None:
        return False
    return (abs(sp.start - cue.start) <= _NEAR_CUE
            or doc.sentence_index(sp.start) == doc.sentence_index(cue.start))


def _self_named(doc: Doc, m: Mention, sp: Speaker) -> bool:
    """Dutch "het kabinet", "de recherche" at the cue, named as such by the rules: an
    institution that is its own name (`SELF_NAMED`), which the hybrid keeps."""
    words = m.text.lower().split()
    return (doc.lang == "nl" and len(words) == 2 and words[1] in SELF_NAMED
            and (sp.name or "").lower() == words[1])


def _definite_noun(resolver: Resolver, m: Mention) -> bool:
    """A definite noun phrase without a name ("het pensioenfonds", "de ondernemer"): it
    points back to a name, which the ranker chooses."""
    words = m.text.split()
    return (1 < len(words) <= 4 and words[0].lower() in resolver.lex.determiners
            and words[0].lower() not in ("een", "a", "an")
            and not any(w[:1].isupper() or w[:1].isdigit() for w in words[1:]))


def _anaphoric(resolver: Resolver, m: Mention) -> bool:
    """A pronoun or definite role noun, or a phrase opening with a pronoun (a misread
    cue: "Hij wordt emotioneel: „…”")."""
    words = m.text.split()
    if words and words[0].lower() in resolver.lex.pronouns:
        return True
    roles = {c for c in (resolver.lex.role_class(t) for t in words) if c}
    return resolver.anaphoric(m, roles)


class _Context:
    """What every quote of a document shares: mentions by name, sentences, counts."""

    def __init__(self, doc: Doc, quotes: list[Quote], resolver: Resolver) -> None:
        self.doc = doc
        self.resolver = resolver
        self.quotes = quotes
        self.mentions: dict[str, list[int]] = {}
        self.kind: dict[str, set[str]] = {}
        for pos, name, has_role, opens in resolver.person_mentions():
            self._add(name, pos, "person")
            if has_role:
                self.kind[name].add("role_person")
            if opens:
                self.kind[name].add("opens")
        for e in doc.entities:
            if e.label not in ("PER", "ORG"):
                continue
            name = resolver.full_name(resolver.clean_name(e.canonical or e.text))
            if len(name) >= 2 and name[:1].isupper():
                self._add(name, e.start, "per_entity" if e.label == "PER" else "org_entity")
        self.rule_count: dict[str, int] = {}
        for q in quotes:
            if q.speaker is not None and q.speaker.name:
                self.rule_count[q.speaker.name] = self.rule_count.get(q.speaker.name, 0) + 1
        total = sum(self.rule_count.values())
        main = max(self.rule_count, key=lambda n: self.rule_count[n]) if self.rule_count else None
        self.main = main if main is not None and self.rule_count[main] * 2 >= total else None
        self.subject_at = resolver.subject_at
        self.quoted = sorted((q.start, q.end) for q in quotes)
        self._sent: dict[int, int] = {}
        self._block_starts = [b.start for b in doc.blocks]
        self.sentences = {n: [self.sentence(p) for p in ps] for n, ps in self.mentions.items()}
        self.addressee = {p for ps in self.mentions.values() for p in ps if self._spoken_to(p)}
        firsts = sorted((min(p), n) for n, p in self.mentions.items() if "person" in self.kind[n])
        self.first_person = firsts[0][1] if firsts else None
        # Candidates for every quote wherever they are named: the rules' speakers of the
        # document's quotes, its first person and the person it names most (an
        # interviewee, a portrait's subject named far from the quote).
        most = max((n for n in self.mentions if "person" in self.kind[n]),
                   key=lambda n: len(self.mentions[n]), default=None)
        self.doc_speakers = [n for n in dict.fromkeys(
            [*self.rule_count, self.first_person, most]) if n]
        self.roles: dict[str, set[str]] = {}
        for _, name, word in resolver.person_roles():
            if word:
                self.roles.setdefault(name, set()).add(word.lower())
        self.gender = self._gender_votes()
        # Each sentence's names (their index in `names`, the order of `sentences`).
        self.names = list(self.sentences)
        self.named_in: dict[int, list[int]] = {}
        for n, name in enumerate(self.names):
            for si in set(self.sentences[name]):
                self.named_in.setdefault(si, []).append(n)
        self._after_prep: dict[int, bool] = {}
        self.tidy: dict[str, tuple[str, str]] = {}  # a name -> its tidy form, casefolded
        self._name_features: dict[str, list[float]] = {}

    def after_preposition(self, pos: int) -> bool:
        """Is the word right before the mention at `pos` a preposition ("met X", "told X")?
        Remembered per position."""
        got = self._after_prep.get(pos)
        if got is None:
            before = self.doc.text[max(0, pos - 12) : pos].split()
            got = self._after_prep[pos] = bool(before) and before[-1].lower() in _PREPOSITIONS
        return got

    def name_features(self, name: str) -> list[float]:
        """The features of a candidate that depend on its name alone: is_person,
        is_role_person, is_per_entity, is_org_entity, log_mentions, log_rule_count, is_main,
        n_words_1, n_words_3plus, lowercase_word, first_person_named, opens_sentence."""
        got = self._name_features.get(name)
        if got is None:
            kinds = self.kind.get(name, set())
            words = name.split()
            got = self._name_features[name] = [
                float("person" in kinds), float("role_person" in kinds),
                float("per_entity" in kinds), float("org_entity" in kinds),
                math.log1p(len(self.mentions.get(name, []))),
                math.log1p(self.rule_count.get(name, 0)), float(name == self.main),
                float(len(words) == 1), float(len(words) >= 3),
                float(any(w[:1].islower() and w not in _PARTICLES for w in words)),
                float(name == self.first_person), float("opens" in kinds),
            ]
        return got

    def _gender_votes(self) -> dict[str, float]:
        """Each person's gender as the document writes it, from -1 (male) to 1 (female):
        the subject pronouns that follow their mention before another person is named
        ("Ece Temelkuran … Ze noemt"), and female role words before the name
        ("woordvoerster", "moeder")."""
        votes: dict[str, list[int]] = {}
        persons = sorted((p, n) for n, ps in self.mentions.items()
                         if "person" in self.kind[n] for p in ps)
        starts = [p for p, _ in persons]
        # Not the pronouns at the quotes' cues: those are what the features judge.
        at_cue = {q.speaker.start for q in self.quotes if q.speaker is not None}
        for m in _GENDERED.finditer(self.doc.text):
            if self.in_quotation(m.start()) or m.start() in at_cue:
                continue
            k = bisect.bisect_left(starts, m.start()) - 1
            if k < 0 or self.sentence(m.start()) - self.sentence(starts[k]) > 1:
                continue
            votes.setdefault(persons[k][1], []).append(_PRONOUN_GENDER[m.group().lower()])
        for name, words in self.roles.items():
            if any(_female(w) for w in words):
                votes.setdefault(name, []).extend([1, 1])
        return {n: sum(v) / len(v) for n, v in votes.items() if v}

    def cue_mention(self, q: Quote, anaphor: bool) -> tuple[int, str]:
        """The gender (1 female, -1 male, 0 unknown) and role word of the pronoun or role
        noun at the quote's cue ("hij", "de woordvoerster", "de moeder")."""
        sp = q.speaker
        if not anaphor or sp is None or sp.start is None or sp.end is None:
            return 0, ""
        words = self.doc.text[sp.start : sp.end].lower().split()
        gender = sum(_PRONOUN_GENDER.get(w, 0) for w in words)
        roles = [w for w in words if self.resolver.lex.role_class(w)]
        role = roles[-1] if roles else ""
        if _female(role):
            gender = 1
        return max(-1, min(1, gender)), role

    def _add(self, name: str, pos: int, kind: str) -> None:
        self.mentions.setdefault(name, []).append(pos)
        self.kind.setdefault(name, set()).add(kind)

    def _spoken_to(self, pos: int) -> bool:
        """Is the name at `pos` the addressee: "tegen (de) X", "told X" (not "according to")?"""
        words = self.doc.text[max(0, pos - 30) : pos].lower().split()
        while words and words[-1] in self.resolver.lex.determiners:
            words.pop()
        if not words or words[-1] not in _ADDRESSEE:
            return False
        return not (words[-1] == "to" and len(words) >= 2 and words[-2] == "according")

    def in_quotation(self, pos: int) -> bool:
        """Is `pos` inside a quote of the document, direct or the content of reported
        speech ("Verhagen zegt dat De Jonge …": De Jonge is no clause subject to take up)?"""
        i = bisect.bisect_right(self.quoted, (pos, 1 << 30)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def sentence(self, pos: int) -> int:
        got = self._sent.get(pos)
        if got is None:
            got = self._sent[pos] = self.doc.sentence_index(pos)
        return got

    def block(self, pos: int) -> int:
        i = bisect.bisect_right(self._block_starts, pos) - 1
        return i if i >= 0 and pos < self.doc.blocks[i].end else -1


def candidates_for(doc: Doc, quotes: list[Quote], resolver: Resolver, deps: DepIndex,
                   *, only: set[int] | None = None, none: bool = False) -> list[list[Candidate]]:
    """The candidates of each quote (of the quotes whose index is in `only`, when given),
    with their feature vectors (in `FEATURES` order); with `none`, also a "no speaker"
    candidate (name "") in every list."""
    ctx = _Context(doc, quotes, resolver)
    order = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
    prev: list[str] = []
    out: list[list[Candidate]] = [[] for _ in quotes]
    for i in order:
        q = quotes[i]
        if only is None or i in only:
            out[i] = _quote_candidates(ctx, q, prev, deps, none=none)
        if q.speaker is not None and q.speaker.name and (not prev or prev[-1] != q.speaker.name):
            prev.append(q.speaker.name)
    return out


def _quote_candidates(ctx: _Context, q: Quote, prev: list[str], deps: DepIndex, *,
                      none: bool = False) -> list[Candidate]:
    resolver = ctx.resolver
    anchor = q.cue.start if q.cue is not None else q.start
    s_anchor = ctx.sentence(anchor)
    s_quote = ctx.sentence(q.start)
    lo = min(s_anchor, s_quote) - _WINDOW_BEFORE
    hi = max(s_anchor, s_quote) + _WINDOW_AFTER
    cands: dict[str, Candidate] = {}
    tidy = ctx.tidy

    def add(name: str | None, source: str) -> None:
        if not name:
            return
        got = tidy.get(name)
        if got is None:
            tidied = resolver.tidy_name(name)
            got = tidy[name] = (tidied, tidied.casefold())
        name, key = got
        if not name:
            return  # no name after all ("Lachend", "Eén")
        c = cands.get(key)
        if c is None:
            c = cands[key] = Candidate(name=name)
        c.sources.add(source)

    rule = q.speaker.name if q.speaker is not None else None
    add(rule, "rule")
    if prev:
        add(prev[-1], "prev")
    if len(prev) >= 2:
        add(prev[-2], "prev2")
    if q.cue is not None and q.cue.text != ":":
        subj = deps.subject(q.cue.start)
        if subj is not None and subj.text.lower() not in resolver.lex.pronouns:
            name = resolver.full_name(resolver.clean_name(subj.text))
            if name[:1].isupper():
                add(name, "subject")
    near_names: set[int] = set()
    for si in range(lo, hi + 1):
        near_names.update(ctx.named_in.get(si, ()))
    for n in sorted(near_names):  # in the order of ctx.sentences, as names are added
        add(ctx.names[n], "window")
    for name in ctx.doc_speakers:
        add(name, "doc")
    rule_empty = not rule
    out = list(cands.values())
    for c in out:
        c.positions = ctx.mentions.get(c.name, [])
    out = [c for c in out if not _ruled_out(ctx, q, c, s_anchor, lo, hi)]
    # One pass over each candidate's mentions: the nearest outside the quote, the nearest
    # before the cue outside the quote (its rank below) and the nearest before the cue
    # as a clause subject outside every quotation (the last subject, below).
    far = 1 << 30
    q_start, q_end = q.start, q.end
    subject_at = ctx.subject_at
    nearest: dict[int, tuple[int | None, bool, bool]] = {}
    gaps: dict[int, int] = {}
    sgaps: dict[int, int] = {}
    for c in out:
        near = None
        near_d = far
        n_out = 0
        g = sg = far
        for p in c.positions:
            if p < anchor and p in subject_at and anchor - p < sg and not ctx.in_quotation(p):
                sg = anchor - p
            if q_start <= p < q_end:
                continue
            n_out += 1
            d = abs(p - anchor)
            if d < near_d:
                near, near_d = p, d
            if p < anchor and anchor - p < g:
                g = anchor - p
        nearest[id(c)] = (near, n_out == 0, n_out < len(c.positions))
        gaps[id(c)] = g
        sgaps[id(c)] = sg
    # Which candidates are named nearest before the cue (outside the quote), by rank.
    ranked = sorted(out, key=lambda c: gaps[id(c)])
    rank = {id(c): k if gaps[id(c)] < far else 99 for k, c in enumerate(ranked)}
    kind = ctx.kind
    person = next((c for c in ranked if "person" in kind.get(c.name, ()) and gaps[id(c)] < far),
                  None)

    # The candidate last named as a clause subject outside quotations before the cue:
    # what a pronoun at the cue most often refers to ("Zue vergat … . „…”, geeft hij toe").
    last_subject = min(out, key=lambda c: sgaps[id(c)], default=None)
    if last_subject is not None and sgaps[id(last_subject)] == far:
        last_subject = None
    sp = q.speaker
    anaphor = sp is not None and mention_at_cue(ctx.doc, q, sp) and _anaphoric(
        resolver, Mention(sp.start or 0, sp.end or 0, ctx.doc.text[sp.start or 0 : sp.end or 0]))
    cue_gender, cue_role = ctx.cue_mention(q, anaphor)
    # A personal pronoun at the cue ("zegt hij", "volgens haar") points to a person.
    pronoun = anaphor and sp is not None and ctx.doc.text[sp.start or 0 : sp.end or 0].lower() in _PERSONAL
    has_cue = q.cue is not None
    conf = q.confidence
    quote_part = (float(q.kind == "direct"), float(has_cue), float(rule_empty))
    for c in out:
        k = rank[id(c)]
        last = c is last_subject
        c.features = _features(ctx, c, nearest[id(c)], anchor, s_anchor, has_cue, conf,
                               quote_part) + [
            float(k == 0), float(k == 1), float(person is c),
            float(last), float(last and anaphor), float(anaphor and "rule" in c.sources),
            float(c.sources == {"doc"}),
            *_agreement(ctx, c, cue_gender, cue_role),
            float(pronoun and not ctx.kind.get(c.name, set()) & _PERSON_KINDS),
            float(last and not has_cue),
        ] + [0.0] * _NONE_FEATURES
    if none:
        # "No speaker": the quote names nobody the gold would name ("een bron zegt", an
        # unattributed line). Only its own features and the constant are set.
        x = [0.0] * len(FEATURES)
        x[0] = 1.0
        x[-_NONE_FEATURES:] = [1.0, float(q.cue is None), float(rule_empty),
                               float(q.kind == "direct"), float(anaphor)]
        out.append(Candidate(name="", sources={"none"}, features=x))
    return out


def _agreement(ctx: _Context, c: Candidate, gender: int, role: str) -> list[float]:
    """Whether the candidate fits the pronoun or role noun at the cue: its gender as the
    document writes it agrees or clashes, and whether it was introduced with the same
    role noun ("wethouder X" … "de wethouder")."""
    g = ctx.gender.get(c.name, 0.0) * gender
    same = bool(role) and any(w.endswith(role) or role.endswith(w)
                              for w in ctx.roles.get(c.name, ()))
    return [float(g > 0.3), float(g < -0.3), float(same)]


def _ruled_out(ctx: _Context, q: Quote, c: Candidate, s_anchor: int, lo: int, hi: int) -> bool:
    """The hard constraints: the addressee of the cue's sentence, and a name that the
    window around the quote mentions only inside the quote, are no speakers (the rules'
    own choice is never ruled out; the previous speakers only as addressees)."""
    if "rule" in c.sources:
        return False
    if any(p in ctx.addressee and ctx.sentence(p) == s_anchor for p in c.positions):
        return True
    if c.sources & {"prev", "prev2", "subject", "doc"}:
        return False
    return not any(lo <= ctx.sentence(p) <= hi and not q.start <= p < q.end
                   and p not in ctx.addressee for p in c.positions)


def _features(ctx: _Context, c: Candidate, nearest: tuple[int | None, bool, bool], anchor: int,
              s_anchor: int, has_cue: bool, conf: float,
              quote_part: tuple[float, float, float]) -> list[float]:
    """The first `_N_BASE` features (`FEATURES` order) of candidate `c`: `nearest` is its
    nearest mention outside the quote, whether it has none outside, and whether it has one
    inside; `quote_part` the quote's kind_direct, has_cue and rule_empty."""
    near, inside_only, named_in = nearest
    sources = c.sources
    is_rule = "rule" in sources
    is_prev = "prev" in sources
    is_subject = "subject" in sources
    if near is not None:
        dist = abs(near - anchor)
        s_near = ctx.sentence(near)
        near_subject = near in ctx.subject_at
        same_sentence = s_near == s_anchor
        prev_sentence = s_near == s_anchor - 1
        same_block = ctx.block(near) == ctx.block(anchor)
        after_prep = ctx.after_preposition(near)
        after = near > anchor
    else:
        dist = 5000
        near_subject = same_sentence = prev_sentence = same_block = after_prep = after = False
    log_dist = math.log1p(dist / 50)
    static = ctx.name_features(c.name)
    return [
        1.0, float(is_rule), float(is_prev), float("prev2" in sources), float(is_subject),
        *static[:4],
        log_dist, float(after), float(same_sentence), float(prev_sentence), float(same_block),
        float(bool(c.positions) and inside_only), float(after_prep),
        *static[4:10],
        *quote_part,
        float(is_rule and has_cue), float(is_prev and not has_cue), float(is_subject and has_cue),
        log_dist * float(has_cue),
        *static[10:12],
        conf, conf * float(is_rule),
        float(near_subject), float(near_subject and prev_sentence), float(named_in),
        float(is_rule and not c.positions), float(same_sentence and near is not None and near < anchor),
    ]


_N_BASE = 38  # the features _features gives; the rest are set by _quote_candidates


# Subject and object pronouns with their gender (1 female, -1 male): "zij" is also
# plural, "ze" too often plural to count.
_PRONOUN_GENDER = {"hij": -1, "hem": -1, "zij": 1, "haar": 1, "he": -1, "him": -1, "his": -1,
                   "she": 1, "her": 1}
# Each pronoun lowercase or capitalised, as it opens a sentence (not in capitals: headings).
_GENDERED = re.compile(r"\b(?:" + "|".join(
    f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _PRONOUN_GENDER) + r")\b")
# Female forms of role nouns ("woordvoerster", "directrice", "moeder", "mevrouw"); "-ster"
# also ends male or neutral nouns ("burgemeester", "minister", "priester").
_FEMALE_ROLE = ("ster", "trice", "vrouw", "moeder", "dochter", "zus", "mevrouw", "oma", "weduwe",
                "koningin", "prinses", "woman", "mother", "daughter", "sister", "mrs", "ms")
_NOT_FEMALE = ("meester", "minister", "priester", "mister")


def _female(word: str) -> bool:
    return word.endswith(_FEMALE_ROLE) and not word.endswith(_NOT_FEMALE)

# Personal pronouns at a cue: their referent is a person, not an organisation or a title.
_PERSONAL = frozenset({"hij", "hem", "zij", "haar", "ze", "he", "him", "she", "her"})
_PERSON_KINDS = frozenset({"person", "per_entity", "role_person"})

_PARTICLES = frozenset(re.findall(r"\w+", "van de der den ter von al bin el da du le la"))
