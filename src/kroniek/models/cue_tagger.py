"""Cues as a learned decision: is this verb or noun, here, a cue of reported speech?

The rules of `kroniek.stages.indirect` and `kroniek.stages.clauses` take a word as a cue
when its form or lemma is in the language's cue lexicon. The tagger looks at every verb
and noun of a body sentence (words inside quotation marks excepted) and weighs:

- the word: its lemma, its lexicon kind (verb, clause, noun, particle verb, impersonal,
  none), a lemma with its separable particle ("stel+bij", "meld+aan");
- its place in the parse: its own relation, its complements (a dat/of clause, a te- or
  om-infinitive, an object, a reflexive "zich", a particle), the kind of its subject
  (a name, a role or source noun, a third-person pronoun, a first- or second-person
  pronoun, a relative pronoun, a thing), a passive auxiliary;
- the surface around it: a comma or a quotation mark just before or after it, a "dat",
  "of" or colon within a few words, a subject pronoun right after it (inversion), the
  particle of a separable cue verb later in the clause ("laat … weten").

Most features carry no lemma, so a verb the lexicon lacks ("opperde", "bijt toe dat")
is judged by its construction; the lemma features let the model learn the non-speech
readings of lexicon words ("meldde zich aan", "stelt eisen").

The model is a sparse logistic regression over these string features, trained on the
cues of the Dutch dev gold by `scripts/train_cue_tagger.py`; the weights are a small JSON
file (`resources/models/cue-tagger/weights.json`). Lexical and parse features only, no
encoder: it runs in fast mode. How the quotes stage uses it: `kroniek.stages.quotes`
(`$KRONIEK_CUES`), scores in the model card. `$KRONIEK_CUE_WEIGHTS` points at another
weights file (read once per process): how the dev halves were scored with weights
trained on the other half.
"""

from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from kroniek.doc import Doc
from kroniek.errors import ResourceError, env_choice
from kroniek.lang.nl.quotes import PARTICLE_PLURALS
from kroniek.stages.phrases import DepIndex, Lexicon, source_type

__all__ = [
    "CUE_CHOICES",
    "DEFAULT_CUES",
    "CueJudge",
    "CueTagger",
    "candidate_tokens",
    "cue_features",
    "fit",
    "get_tagger",
    "is_candidate",
    "resolve_cues",
    "scores_at",
    "weights_file",
    "write_weights",
]

DEFAULT_CUES = "learned"
CUE_CHOICES = ("rules", "learned")
_CANDIDATE_UPOS = frozenset({"VERB", "AUX", "NOUN"})
_FIRST_SECOND = frozenset({"ik", "wij", "we", "u", "jij", "je", "jullie", "i", "you", "me", "mij"})
_THIRD = frozenset({"hij", "zij", "ze", "he", "she", "they", "men"})
_RELATIVE = frozenset({"die", "dat", "wie", "wat", "who", "which", "that"})
_MARKS = frozenset("\"'„“”‘’«»")
_COMPLEMENTS = frozenset({"dat", "of", "om", "te", "hoe", "waarom", "wat", "wie", "that", "if",
                          "whether", "to"})


def resolve_cues(choice: str | None = None) -> str:
    """`choice`, else $KRONIEK_CUES, else DEFAULT_CUES; ConfigError otherwise."""
    return env_choice(choice, env="KRONIEK_CUES", choices=CUE_CHOICES, default=DEFAULT_CUES,
                      what="cues choice")


def weights_file(lang: str = "nl") -> Path:
    return (Path(__file__).resolve().parent.parent / "resources" / "models" / "cue-tagger"
            / f"weights-{lang}.json")


def is_candidate(doc: Doc, k: int, quoted: list[tuple[int, int]]) -> bool:
    """Does the tagger judge token k: a verb or noun outside the quoted spans?"""
    t = doc.tokens[k]
    # Without a parse (English has no tagger or parser yet) every word may be judged.
    return (t.upos in _CANDIDATE_UPOS or not t.upos) and t.text[:1].isalpha() and not any(
        a <= t.start < b for a, b in quoted)


def candidate_tokens(doc: Doc, quoted: list[tuple[int, int]]) -> list[int]:
    """Indices in `doc.tokens` of the verbs and nouns outside the quoted spans."""
    return [k for k in range(len(doc.tokens)) if is_candidate(doc, k, quoted)]


def _lex_kind(form: str, lemma: str, lex: Lexicon) -> str:
    for name, words in (("verb", lex.cue_verbs), ("clause", lex.clause_verbs),
                        ("noun", lex.cue_nouns), ("particle", lex.particle_verbs),
                        ("impersonal", lex.impersonal)):
        if name == "particle":  # the plural forms are the rules' alone (see PARTICLE_PLURALS)
            if any(x in words and x not in PARTICLE_PLURALS for x in (form, lemma)):
                return name
        elif form in words or lemma in words:
            return name
    return "none"


def _subject_kind(doc: Doc, i: int, lex: Lexicon) -> str:
    t = doc.tokens[i]
    low = t.text.lower()
    if low in _FIRST_SECOND:
        return "first_second"
    if low in _RELATIVE:
        return "relative"
    if low in _THIRD:
        return "third"
    if t.upos == "PROPN":
        return "name"
    if lex.role_class(t.text) or source_type(t.text, lex.lang) or low in lex.org_nouns:
        return "source_noun"
    if t.upos == "NOUN":
        return "noun"
    return "other"


def cue_features(doc: Doc, deps: DepIndex, k: int, lex: Lexicon) -> list[str]:
    """The string features of token k as a possible cue (see the module docstring)."""
    toks = doc.tokens
    t = toks[k]
    form, lemma = t.text.lower(), (t.lemma or t.text).lower()
    kind = _lex_kind(form, lemma, lex)
    kids = deps.children.get(k, [])
    f = [f"upos={t.upos}", f"lex={kind}", f"lemma={lemma}", f"dep={t.dep.split(':')[0]}",
         f"lex_upos={kind}_{t.upos}"]
    prt = [toks[c].text.lower() for c in kids if toks[c].dep == "compound:prt"]
    for p in prt:
        f += [f"prt={p}", f"lemma_prt={lemma}+{p}"]
    if any(toks[c].text.lower() == "zich" for c in kids):
        f += ["zich", f"lemma_zich={lemma}"]
    comp = ""
    for c in kids:
        dep = toks[c].dep.split(":")[0]
        if dep in ("ccomp", "xcomp", "advcl"):
            marks = [toks[m].text.lower() for m in deps.children.get(c, [])
                     if toks[m].dep in ("mark", "aux") and toks[m].text.lower() in _COMPLEMENTS]
            comp = marks[0] if marks else "bare"
            f += [f"{dep}={comp}", f"kind_{dep}={kind}_{comp}"]
            if c > k:
                f.append(f"{dep}_after")
        elif dep in ("obj", "iobj", "obl", "expl", "aux", "dobj", "auxpass", "prep", "agent"):
            f.append(f"has_{dep}")  # dobj … agent: English (ClearNLP labels), never Dutch
            if dep == "prep":
                f += [f"obl={toks[c].text.lower()}", f"lemma_obl={lemma}+{toks[c].text.lower()}"]
            if dep == "auxpass":
                f.append("passive")
            if dep == "obl":
                case = [toks[m].text.lower() for m in deps.children.get(c, [])
                        if toks[m].dep == "case"]
                if case:
                    f += [f"obl={case[0]}", f"lemma_obl={lemma}+{case[0]}"]
            if dep == "aux" and toks[c].dep == "aux:pass":
                f.append("passive")
    if comp:
        f.append(f"lemma_comp={lemma}_{comp}")
    else:
        f.append(f"kind_nocomp={kind}")
    subj = next((c for c in kids if toks[c].dep.startswith("nsubj")), None)
    sk = _subject_kind(doc, subj, lex) if subj is not None else "none"
    f += [f"subj={sk}", f"kind_subj={kind}_{sk}", f"comp_subj={comp}_{sk}"]
    if subj is not None:
        f.append("subj_after" if subj > k else "subj_before")
    # The surface around the word.
    text = doc.text
    before = text[max(0, t.start - 3) : t.start].rstrip()
    after = text[t.end : t.end + 3].lstrip()
    if before.endswith((",", "–", "—")):
        f += ["comma_before", f"kind_comma_before={kind}"]
    if before[-1:] in _MARKS:
        f.append("mark_before")
    if after[:1] in (",", ":"):
        f.append(f"after={after[:1]}")
    if after[:1] in _MARKS:
        f.append("mark_after")
    parts = lex.particles(form)
    if parts and form not in PARTICLE_PLURALS:  # "laat … weten", "wijst … op": is the particle there, as the rules read it?
        later = [x.text.lower() for x in toks[k + 1 : k + 11] if x.sent == t.sent]
        found = any(x in parts or (x.startswith("er") and x[2:] in parts) for x in later)
        f.append("particle_found" if found else "particle_missing")
    nxt = [x.text.lower() for x in toks[k + 1 : k + 6] if x.sent == t.sent]
    if any(x in ("dat", "of") for x in nxt):
        f.append("dat_near")
    if ":" in nxt:
        f.append("colon_near")
    if nxt and nxt[0] in _THIRD:
        f += ["pron_after", f"kind_pron_after={kind}"]
    prev = toks[k - 1] if k > 0 and toks[k - 1].sent == t.sent else None
    if prev is None:
        f.append("opens")
    elif prev.text.lower() in _RELATIVE:
        f.append("after_relative")
    window = text[max(0, t.start - 60) : t.end + 60]
    if any(ch in _MARKS for ch in window):
        f.append("marks_near")
    if not t.upos:
        f += _surface_features(doc, k, lemma)
    return f


def _surface_features(doc: Doc, k: int, lemma: str) -> list[str]:
    """Without a parse: the neighbouring words stand in for the relations ("the United
    States" vs "the report states", "his support" vs "they support")."""
    toks, t = doc.tokens, doc.tokens[k]
    same = [x for x in toks[max(0, k - 2) : k + 3] if x.sent == t.sent]
    at = same.index(t)
    prev = [x.text.lower() for x in same[:at]]
    nxt = [x.text.lower() for x in same[at + 1 :]]
    f = [f"prev={prev[-1] if prev else '<s>'}", f"next={nxt[0] if nxt else '</s>'}",
         f"lemma_prev={lemma}|{prev[-1] if prev else '<s>'}",
         f"lemma_next={lemma}|{nxt[0] if nxt else '</s>'}"]
    if t.text[:1].isupper() and prev:
        f.append("capital_inside")
    later = [x.text.lower() for x in toks[k + 1 : k + 8] if x.sent == t.sent]
    if any(x in _COMPLEMENTS for x in later[:3]):
        f += ["complement_near", f"lemma_complement={lemma}"]
    return f


class CueTagger:
    """Sparse logistic regression: p(cue) = σ(bias + Σ weight[feature])."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.bias = float(params["bias"])
        self.weights: dict[str, float] = {k: float(v) for k, v in params["weights"].items()}
        self.reject = float(params.get("reject", 0.0))
        self.accept = float(params.get("accept", 1.0))
        # Weights trained on surface features only judge texts without a parse too.
        self.needs_parse = bool(params.get("needs_parse", True))
        # The relations of a verb's complement for which an accepted verb is a cue: the
        # English weights add "dobj" (PolNeAR's "X criticised Y": Y is the content).
        self.accept_relations = frozenset(params.get("accept_relations", ("ccomp", "xcomp")))

    @classmethod
    def load(cls, path: Path) -> CueTagger:
        try:
            params = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise ResourceError(f"cannot read the cue-tagger weights: {e}", source=str(path),
                                hint="reinstall kroniek or retrain with scripts/train_cue_tagger.py") from e
        return cls(params)

    def prob(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(x, 0.0) for x in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class CueJudge:
    """The tagger's view of one document, for the quotes stage: probabilities computed
    only for the words asked about (the fast-mode budget), given the direct quotes'
    spans (words inside them are never cues)."""

    def __init__(self, tagger: CueTagger, doc: Doc, deps: DepIndex, lex: Lexicon,
                 quoted: list[tuple[int, int]]) -> None:
        self.tagger, self.doc, self.deps, self.lex, self.quoted = tagger, doc, deps, lex, quoted
        self.probs: dict[int, float] = {}

    def prob(self, k: int) -> float | None:
        """p(cue) of token k; None for a word the tagger does not judge."""
        if k not in self.probs:
            ok = is_candidate(self.doc, k, self.quoted)
            self.probs[k] = self.tagger.prob(
                cue_features(self.doc, self.deps, k, self.lex)) if ok else -1.0
        p = self.probs[k]
        return p if p >= 0 else None

    def rejected(self, cue_start: int, at: float | None = None) -> bool:
        """Is the word starting at `cue_start` judged not to be a cue (p < reject, or p <
        `at` where the caller asks for more)?"""
        k = self.deps.at.get(cue_start)
        p = self.prob(k) if k is not None else None
        return p is not None and p < (self.tagger.reject if at is None else at)

    def accepted(self) -> frozenset[int]:
        """Verbs with a complement clause judged to be cues (p >= accept), as token
        indices: the lexicon's own verbs are cues for the clause reader anyway."""
        toks = self.doc.tokens
        heads = {t.head for t in toks if t.dep in self.tagger.accept_relations and t.head >= 0}
        out = set()
        for k in heads:
            p = self.prob(k) if toks[k].upos in ("VERB", "AUX") else None
            if p is not None and p >= self.tagger.accept:
                out.add(k)
        return frozenset(out)


@lru_cache(maxsize=4)
def get_tagger(lang: str) -> CueTagger | None:
    """The shipped tagger for `lang`, loaded once; None when there is none."""
    path = Path(os.environ.get("KRONIEK_CUE_WEIGHTS", "")) if os.environ.get(
        "KRONIEK_CUE_WEIGHTS") else weights_file(lang)
    if not path.is_file():
        return None
    return CueTagger.load(path)


def fit(xs: list[list[str]], ys: list[int], *, min_count: int, l2: float,
        steps: int) -> dict[str, Any]:
    """Train the tagger's weights: logistic regression with Adam on sparse binary features.

    `xs` are each example's feature strings (`cue_features`), `ys` 1 for a cue; features
    seen in fewer than `min_count` examples are dropped. Returns the `bias` and `weights`
    of a `CueTagger` (the caller adds its thresholds and provenance).
    """
    counts: dict[str, int] = {}
    for f in xs:
        for x in set(f):
            counts[x] = counts.get(x, 0) + 1
    index = {x: i for i, x in enumerate(sorted(x for x, n in counts.items() if n >= min_count))}
    rows = [sorted({index[x] for x in f if x in index}) for f in xs]
    lens = np.asarray([len(r) for r in rows])
    cols = np.asarray([i for r in rows for i in r], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]]).astype(np.int64)
    n, d = len(rows), len(index)
    y = np.asarray(ys, dtype=np.float64)
    w = np.zeros(d)
    b = math.log((y.mean() + 1e-6) / (1 - y.mean() + 1e-6))
    mw, vw, mb, vb, lr = np.zeros(d), np.zeros(d), 0.0, 0.0, 0.1
    for step in range(1, steps + 1):
        z = np.where(lens > 0, np.add.reduceat(w[cols], starts) if len(cols) else 0.0, 0.0)
        p = 1.0 / (1.0 + np.exp(-(z + b)))
        g = p - y
        gw = np.bincount(cols, weights=np.repeat(g, lens), minlength=d) / n + l2 * w / n
        gb = float(g.mean())
        mw, vw = 0.9 * mw + 0.1 * gw, 0.999 * vw + 0.001 * gw * gw
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        w -= lr * (mw / (1 - 0.9**step)) / (np.sqrt(vw / (1 - 0.999**step)) + 1e-8)
        b -= lr * (mb / (1 - 0.9**step)) / (math.sqrt(vb / (1 - 0.999**step)) + 1e-8)
    weights = {x: round(float(w[i]), 4) for x, i in index.items() if abs(w[i]) >= 1e-3}
    return {"bias": round(float(b), 4), "weights": weights}


def scores_at(params: dict[str, Any], xs: list[list[str]], ys: list[int], at: float) -> str:
    """Token-level precision, recall and F1 of `params` on held-out examples at threshold `at`."""
    tagger = CueTagger(params)
    probs = [tagger.prob(f) for f in xs]
    tp = sum(1 for p, y in zip(probs, ys, strict=True) if p >= at and y)
    fp = sum(1 for p, y in zip(probs, ys, strict=True) if p >= at and not y)
    fn = sum(1 for p, y in zip(probs, ys, strict=True) if p < at and y)
    pr, rc = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return f"at {at:.2f}: P {pr:.3f} R {rc:.3f} F1 {f1:.3f} ({tp}/{tp + fp}/{tp + fn})"


def write_weights(params: dict[str, Any], path: Path) -> None:
    """Write a trained tagger (`fit` plus thresholds and provenance) as the JSON `CueTagger` reads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(params, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                    encoding="utf-8")
