"""What the dependency parse adds to the event triggers and their modality.

The linguistic stage gives every token a lemma, a head and a relation (Universal
Dependencies). Word lists match written forms; the parse sees what they cannot:

- **Verbs by lemma**, whatever their inflection ("executeerden", "ontvoert"), and
  **separable verbs** whose particle stands apart ("pakte ... op", "viel ... aan",
  "schoot ... dood"): the particle and the verb are joined and looked up as one word
  (`kroniek.lang.<lang>.events.VERB_LEMMAS`, `SEPARABLE_FORMS`).
- **Modality from the clause structure** (`parse_modality`): an auxiliary on the trigger
  (zal, kan, moet), a negator attached to it or to the verb whose complement it is ("wil de
  stad niet aanvallen"), a conditional subordinator ("als ze ... aanvallen"), and a verb or
  noun that governs it ("dreigde aan te vallen", "ontkende gevochten te hebben", "een oproep
  tot protest").

Nothing here runs without a parse: a document without heads gets no parse triggers and
`parse_modality` returns None.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from kroniek.doc import Doc, Token

__all__ = ["compound_triggers", "parse_modality", "token_at", "verb_triggers"]

# Relations through which a trigger is the complement of the word above it.
_COMPLEMENT = ("xcomp", "ccomp", "csubj")
# Relations through which a noun trigger is an argument of a governing verb or noun
# ("dreigde met een aanval", "de angst voor een aanslag").
_ARGUMENT = ("obj", "obl", "nmod", "iobj", "obl:arg", "nsubj", "nsubj:pass")
# Past forms of modal verbs tell what could and did happen ("konden de stad innemen").
_PAST_MODAL = ("kon", "konden", "mocht", "mochten", "moest", "moesten", "could", "had to")
_ALLEGED = ("zou", "zouden")  # "zou drie mensen hebben gedood": on someone's word
_PERFECT = ("hebben", "zijn", "have", "be")


def _lex(lang: str) -> object:
    from kroniek.stages.events.triggers import lexicon

    return lexicon(lang)[0]


@cache
def _separable(lang: str) -> list[tuple[re.Pattern[str], str, bool]]:
    forms = getattr(_lex(lang), "SEPARABLE_FORMS", [])
    return [(re.compile(p, re.IGNORECASE), sub, ctx) for p, sub, ctx in forms]


def _parsed(doc: Doc) -> bool:
    return any(t.dep for t in doc.tokens[:50])


def token_at(doc: Doc, offset: int) -> int:
    """Index of the token that contains `offset` (-1 if none)."""
    i = bisect.bisect_right(doc.tokens, offset, key=lambda t: t.start) - 1
    if 0 <= i < len(doc.tokens) and doc.tokens[i].start <= offset < doc.tokens[i].end:
        return i
    return -1


def verb_triggers(doc: Doc, *, lang: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, sub-type, needs context) of verbs that are event triggers by their lemma
    or, for a separable verb, by its particle and verb joined. The span is the verb alone
    (its particle may stand after other words that are triggers themselves)."""
    if not doc.tokens or not _parsed(doc):
        return []
    lemmas: dict[str, tuple[str, bool]] = getattr(_lex(lang), "VERB_LEMMAS", {})
    if not lemmas:
        return []
    # The encoder-proposed verbs (`EXPANDED_VERBS`) under the curated ones, also by their
    # written forms (`EXPANDED_FORMS`: the lemmatiser gives "schoten" back as it is).
    expanded: dict[str, tuple[str, bool]] = getattr(_lex(lang), "EXPANDED_VERBS", {})
    forms: dict[str, str] = getattr(_lex(lang), "EXPANDED_FORMS", {})
    lemmas = {**expanded, **lemmas}
    particle: dict[int, Token] = {}
    toks = doc.tokens
    idioms: dict[str, tuple[str, ...]] = getattr(_lex(lang), "IDIOM_PARTICLES", {})
    for j, t in enumerate(toks):
        after = toks[j + 1].text.lower() if j + 1 < len(toks) else ""
        if after in idioms.get(t.text.lower(), ()):
            continue
        if 0 <= t.head < len(toks) and (
                t.dep == "compound:prt"
                or (t.dep in ("advmod", "xcomp") and t.text.lower() in ("dood", "neer"))):
            particle[t.head] = t
    out: list[tuple[int, int, str, bool]] = []
    for i, t in enumerate(toks):
        if t.upos != "VERB" or t.dep == "amod" or re.search(r"[^e]ende?$|ing$", t.text.lower()):
            continue  # "het plunderende opperhoofd": a present participle describes
        prt = particle.get(i)
        frame = _frame_trigger(doc, i, prt, lang=lang)
        if frame is not None:
            out.append((t.start, t.end, *frame))
            continue
        if prt is not None:
            joined = prt.text.lower() + t.text.lower()
            hit = next(((sub, ctx) for pat, sub, ctx in _separable(lang) if pat.fullmatch(joined)), None)
            if hit is None:
                hit = lemmas.get(prt.text.lower() + t.lemma.lower())
            if hit is None and joined in forms:
                hit = expanded[forms[joined]]
            if hit is not None:
                out.append((t.start, t.end, hit[0], hit[1]))
            continue
        hit = lemmas.get(t.lemma.lower())
        if hit is None and lang == "nl" and t.lemma.lower() == t.text.lower():
            # The lemmatizer gave the form back ("executeerden"): its regular infinitives.
            hit = next((lemmas[g] for g in dutch_infinitives(t.text) if g in lemmas), None)
        if hit is None and t.text.lower() in forms:
            hit = expanded[forms[t.text.lower()]]
        if hit is not None:
            out.append((t.start, t.end, hit[0], hit[1]))
    return out


@cache
def _frames(lang: str) -> list[tuple[re.Pattern[str], str, str, bool]]:
    frames = getattr(_lex(lang), "VERB_FRAMES", [])
    return [(re.compile(p, re.IGNORECASE), need, sub, ctx) for p, need, sub, ctx in frames]


@cache
def _frame_screen(lang: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p, *_ in _frames(lang)) or "(?!)", re.IGNORECASE)


# Subjects that make a verb a nominal infinitive or a clause's object, not an actor's act:
# "Dat staken alleen maar ten koste gaat van ...".
_NO_ACTOR = ("dat", "dit", "het", "wat", "die", "deze")


def _frame_trigger(doc: Doc, i: int, prt: Token | None, *, lang: str) -> tuple[str, bool] | None:
    """(sub-type, needs context) when the verb at token `i` is an event in the argument frame
    the lexicon asks of it (`VERB_FRAMES`: "leraren staakten" without an object, "legden het
    werk neer", "verzamelden zich"), else None."""
    t = doc.tokens[i]
    forms = ((prt.text.lower() if prt is not None else "") + t.text.lower(), t.lemma.lower())
    frames = _frames(lang)
    if not frames or not any(_frame_screen(lang).fullmatch(w) for w in forms):
        return None  # one pattern for all frames first: most verbs are in none
    hits = [f for f in frames if any(f[0].fullmatch(w) for w in forms)]
    kids = [k for k in doc.tokens[max(0, i - 40) : i + 40] if k.head == i]
    deps = {k.dep for k in kids}
    subject = next((k.text.lower() for k in kids if k.dep == "nsubj"), "")
    for _pat, need, sub, ctx in hits:
        if need == "-":
            ok = not deps & {"obj", "aux:pass", "nsubj:pass", "expl:pv"} and subject not in _NO_ACTOR
        elif need == "zich":
            ok = any(k.text.lower() == "zich" and k.dep in ("expl:pv", "obj") for k in kids)
        else:
            ok = any(k.dep == "obj" and k.lemma.lower() == need for k in kids)
        if ok:
            return sub, ctx
    return None


def dutch_infinitives(form: str) -> list[str]:
    """The infinitives a regular Dutch verb form can come from: past and present endings
    stripped, a doubled vowel of the closed stem undone ("executeerden" → "executeren",
    "ontvoert" → "ontvoeren"), f/s voiced ("leefde" → "leven")."""
    w = form.lower()
    out: list[str] = []
    for suffix in ("den", "ten", "de", "te", "t", "en"):
        if not w.endswith(suffix) or len(w) - len(suffix) < 3:
            continue
        stem = w[: len(w) - len(suffix)]
        stem = re.sub(r"(aa|ee|oo|uu)([^aeiou])$", lambda m: m[1][0] + m[2], stem)
        for variant in (stem, stem[:-1] + {"f": "v", "s": "z"}.get(stem[-1], stem[-1])):
            if variant + "en" not in out:
                out.append(variant + "en")
    return out


def _participle(word: str) -> bool:
    """A Dutch or English past participle by its form ("gedood", "gemarteld", "ontvoerd",
    "killed"), not an infinitive ("aanvallen", "doden")."""
    w = word.lower()
    return bool(re.search(r"(?:^ge\w+|^\w+ge\w+|[dt]|ed)$", w)) and not w.endswith("en") or w.startswith("ge")


def compound_triggers(doc: Doc, *, lang: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, sub-type, needs context) of compound nouns by their head
    ("vergeldingsaanval", "straatgevechten"; `COMPOUND_HEADS`), also at the end of a
    hyphenated word. Needs tokens, not the parse."""
    heads = getattr(_lex(lang), "COMPOUND_HEADS", [])
    if not heads:
        return []
    plurals = getattr(_lex(lang), "COMPOUND_PLURALS", ("",))
    ends = tuple(h + p for h, *_ in heads for p in plurals)
    # The encoder-proposed nouns ("strubbelingen"), by their written forms: ambiguous.
    nouns: dict[str, tuple[str, bool]] = getattr(_lex(lang), "EXPANDED_NOUNS", {})
    noun_forms: dict[str, str] = getattr(_lex(lang), "EXPANDED_NOUN_FORMS", {})
    out: list[tuple[int, int, str, bool]] = []
    for t in doc.tokens:
        word = t.text.lower().rsplit("-", 1)[-1]
        if word in noun_forms:
            out.append((t.start, t.end, *nouns[noun_forms[word]]))
            continue
        if len(word) < 9 or not word.endswith(ends):
            continue
        for head, sub, ctx, not_after in heads:
            for p in plurals:
                if word.endswith(head + p) and len(word) - len(head + p) >= 3:
                    first = word[: len(word) - len(head + p)]
                    if not first.startswith(not_after) and first.isalpha():
                        out.append((t.start, t.end, sub, ctx))
                    break
            else:
                continue
            break
    return out


def _children(doc: Doc, i: int, lo: int, hi: int) -> list[Token]:
    return [t for t in doc.tokens[lo:hi] if t.head == i]


def parse_modality(doc: Doc, start: int, *, lang: str, definite: bool = False) -> str | None:
    """The modality the clause structure gives the trigger at `start` (None: nothing says
    it did not happen). `definite`: a definite noun presupposes its event, so only what
    governs it as a whole ("ontkende de aanval") counts, not its own determiner."""
    if not _parsed(doc):
        return None
    i = token_at(doc, start)
    if i < 0:
        return None
    ev = _lex(lang)
    governors: dict[str, str] = getattr(ev, "GOVERNORS", {})
    negators = getattr(ev, "NEGATORS", ())
    conditional = getattr(ev, "CONDITIONAL_MARKS", ())
    habitual = getattr(ev, "HABITUAL_ADVERBS", ())
    s = doc.sentences[doc.tokens[i].sent] if doc.tokens[i].sent < len(doc.sentences) else None
    if s is None:
        return None
    lo = token_at(doc, s.start)
    lo = lo if lo >= 0 else max(0, i - 80)
    hi = min(len(doc.tokens), i + 80)
    while hi > i + 1 and doc.tokens[hi - 1].start >= s.end:
        hi -= 1
    node, steps, via = i, 0, "self"
    while 0 <= node < len(doc.tokens) and steps < 4:
        tok = doc.tokens[node]
        kids = _children(doc, node, lo, hi)
        own = node == i
        if own and tok.dep == "conj" and 0 <= tok.head < len(doc.tokens):
            # "zou gemarteld en mishandeld zijn": conjuncts share auxiliaries and negators.
            kids += [k for k in _children(doc, tok.head, lo, hi)
                     if k.dep in ("aux", "aux:pass") or k.text.lower() in negators]
        if own and any(k.dep == "advmod" and k.text.lower() in habitual for k in kids):
            return "habitual"
        if via in ("self", "xcomp") and not (own and definite) and any(
                k.dep in ("advmod", "det") and k.text.lower() in negators for k in kids):
            return "negated"
        auxes = [k for k in kids if k.dep in ("aux", "aux:pass")]
        for a in auxes:
            word = a.text.lower()
            if word in _ALLEGED:
                # "zou ... hebben gedood", "zou gemarteld zijn": reported; "zou aanvallen": not.
                perfect = any(b.lemma.lower() in _PERFECT for b in auxes if b is not a) or (
                    doc.tokens[i].upos == "VERB" and _participle(doc.tokens[i].text))
                return "claimed" if perfect else "hypothetical"
            mod = governors.get(a.lemma.lower())
            # A definite noun's event is presupposed: "de aanslag zal gevolgen hebben".
            if mod is not None and word not in _PAST_MODAL and not (definite and via in ("self", "argument")):
                return mod
        if any(k.dep == "mark" and k.text.lower() in conditional for k in kids) and tok.upos == "VERB":
            return "hypothetical"
        if not own:
            # A separable governor is its particle and lemma: "riep ... op" is "oproepen".
            prt = next((k.text.lower() for k in kids if k.dep == "compound:prt"), "")
            mod = governors.get(prt + tok.lemma.lower()) or governors.get(tok.lemma.lower())
            if mod is not None and tok.text.lower() not in _PAST_MODAL and (
                    via != "argument" or tok.upos == "NOUN" or not definite):
                return mod
            if via == "argument":
                return None  # one step up only for an argument: the verb that takes it
        if tok.dep in _COMPLEMENT:
            via = "xcomp" if tok.dep == "xcomp" else "ccomp"
        elif own and tok.dep in _ARGUMENT:
            via = "argument"
        else:
            return None
        node, steps = tok.head, steps + 1
    return None
