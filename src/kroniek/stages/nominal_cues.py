"""Reported speech without a finite verb of saying as its cue, for
`kroniek.stages.indirect`: according-to cues ("Volgens X …", "…, aldus X"), nouns of
saying ("het bericht dat …", "de oproep van X om …", "De gedachte is dat …", "…, is de
vrees"), evidence ("Uit X blijkt dat …") and impersonal passives ("Gevreesd wordt dat …").
"""

from __future__ import annotations

import re

from kroniek.stages.phrases import AUX, Lexicon, Mention, Words, np_after
from kroniek.stages.reported import (
    ANAPHORIC,
    Hit,
    content_start,
    plausible_source,
    span,
    subject_np,
)

__all__ = ["INDEFINITES", "according_to", "cue_noun", "evidence", "impersonal", "own_account", "written",
           "written_cue"]


# Nouns of saying that take a that-clause (PolNeAR annotates them as cues).
_CUE_NOUNS = frozenset({
    "claim", "claims", "statement", "assertion", "suggestion", "argument", "belief", "view",
    "promise", "warning", "admission", "allegation", "allegations", "accusation",
    "insistence", "contention", "fear", "fears", "hope", "hopes", "pledge", "vow",
    "bewering", "uitspraak", "verklaring", "belofte", "waarschuwing", "suggestie",
})

# Prepositions of a short phrase between a noun of saying and its dat-clause.
_NOUN_PP = frozenset({"via", "aan", "in", "op", "tijdens", "bij", "tegen"})

_COPULA = frozenset({"is", "was", "blijft", "bleef"})

_EVIDENCE_VERBS = frozenset({"blijkt", "bleek", "blijken", "bleken"})
# "In het rapport staat dat …", "…, waarin staat dat …": what a text says (general Dutch).
_STAND = frozenset({"staat", "stond", "staan", "stonden"})
_STAND_FILLERS = frozenset({"er", "ook", "vermeld", "geschreven", "letterlijk", "expliciet",
                            "duidelijk", "nu", "onder", "meer", "andere", "wel", "zelfs"})

def _match_phrase(w: Words, k: int, phrase: str) -> int:
    parts = phrase.split()
    if k + len(parts) > len(w.words):
        return 0
    if all(w.words[k + n].lower() == p for n, p in enumerate(parts)):
        return len(parts)
    return 0

# Indefinite pronouns: as the subject of a cue verb ("Alles wijst erop dat …", "Niets
# wijst op …") or before "volgens" ("alles volgens de regels") they name no source and
# the clause reports nothing (general Dutch).
INDEFINITES = frozenset({"alles", "niets", "niks", "iets"})


def according_to(w: Words, k: int, lo: int, hi: int, lex: Lexicon) -> Hit | None:
    first = w.words[k].lower()
    if first not in lex.according_first:
        return None
    if lex.lang == "nl" and k > lo and w.words[k - 1].lower() in INDEFINITES:
        return None  # "alles volgens de regels": a norm, no source
    for phrase in lex.according_to:
        n = _match_phrase(w, k, phrase)
        if not n:
            continue
        m = np_after(w, k + n, hi, lex)
        if m is None:
            return None
        cut = next((x for x in range(k + n + 1, w.index_at(m.end)) if w.starts[x] in w.verbs), None)
        if cut is not None:  # "Volgens het bedrijf krijgt Nederland …": ends at the verb
            m = Mention(m.start, w.ends[cut - 1], w.text[m.start : w.ends[cut - 1]])
        np_end = w.index_at(m.end)
        if np_end < hi and w.words[np_end].lower() in lex.cue_verbs:
            return None  # "Volgens ITN zei de premier dat …": the speaker is the premier
        cue = (w.starts[k], w.ends[k + n - 1], k)
        if k == lo or (k == lo + 1 and not w.words[lo][0].isalnum()):
            a, b = span(w, np_end, hi)  # "Volgens X is ..."
        elif np_end >= hi or w.words[np_end] in ",.;":
            a, b = span(w, lo, k)  # "…, aldus X." / "…, according to X."
        else:
            a, b = span(w, lo, hi)  # "… kunnen volgens hem niet …"
        return Hit(a, b, cue[0], cue[1], cue[2], m)
    return None

# Adverbs of a speaker's own account and of hearsay (general Dutch): the clause they sit
# in is reported; its subject is the source of "naar eigen zeggen" ("Het bedrijf heeft
# naar eigen zeggen …"), hearsay ("naar verluidt") has none.
_OWN_ACCOUNT = {"naar eigen zeggen": True, "naar verluidt": False, "naar verluid": False}


def own_account(w: Words, k: int, lo: int, hi: int, lex: Lexicon) -> Hit | None:
    """"X heeft naar eigen zeggen …", "De president is naar verluidt …": the sentence,
    after its opening subject, is the content."""
    if lex.lang != "nl" or w.words[k].lower() != "naar":
        return None
    for phrase, own in _OWN_ACCOUNT.items():
        n = _match_phrase(w, k, phrase)
        if not n:
            continue
        src = subject_np(w, lo, k, lex) if own else None
        if src is not None and not plausible_source(src, lex):
            src = None
        a, b = span(w, w.index_at(src.end) if src is not None else lo, hi)
        return Hit(a, b, w.starts[k], w.ends[k + n - 1], k, src)
    return None


def cue_noun(w: Words, k: int, lo: int, hi: int, lex: Lexicon) -> Hit | None:
    """"Trump's claim that …", "de bewering van X dat …": a speech noun with its
    owner and a that-clause."""
    low = w.words[k].lower()
    if lex.lang == "nl" and low in lex.cue_nouns:
        return _cue_noun_nl(w, k, lo, hi, lex)
    if low not in _CUE_NOUNS or k + 1 >= hi or w.words[k + 1].lower() not in ("that", "dat"):
        return None
    owner: Mention | None = None
    if k >= 1 and re.search(r"['’]s?$", w.words[k - 1]):  # "Trump's claim"
        i = k - 1
        while i > 0 and w.words[i - 1][:1].isupper():
            i -= 1
        text = re.sub(r"['’]s?$", "", w.text[w.starts[i] : w.ends[k - 1]])
        owner = Mention(w.starts[i], w.starts[i] + len(text), text)
    elif k + 3 < hi and w.words[k + 1].lower() in ("van", "of", "by"):
        return None  # the owner follows the noun: left to the verb patterns
    if owner is None:
        return None
    a, b = span(w, k + 2, hi)
    return Hit(a, b, w.starts[k], w.ends[k], k, owner)

def _cue_noun_nl(w: Words, k: int, lo: int, hi: int, lex: Lexicon) -> Hit | None:
    """"het bericht dat …", "de oproep van X om …", "geruchten dat …": the owner after
    "van" is the source (none when the noun stands alone). With a copula: "De gedachte
    is dat …", "…, is de vrees." (the content before the comma)."""
    j, owner = k + 1, None
    if k >= 1 and w.words[k - 1].lower() in ("de", "het"):
        if j + 1 < hi and w.words[j].lower() in _COPULA and w.words[j + 1].lower() == "dat":
            a, b = span(w, j + 2, hi)
            return Hit(a, b, w.starts[k], w.ends[k], k, None)
        c = k - 3
        if j >= hi and c > lo and w.words[k - 2].lower() in _COPULA and w.words[c] == ",":
            a, b = span(w, lo, c)
            return Hit(a, b, w.starts[k], w.ends[k], k, None)
    if j < hi and w.words[j].lower() == "van":
        owner = np_after(w, j + 1, hi, lex)
        if owner is None or not plausible_source(owner, lex):
            return None
        j = w.index_at(owner.end)
        if j < hi and w.words[j] == ",":
            j += 1
    if j < hi and w.words[j].lower() in _NOUN_PP and owner is None:
        x = j + 1  # "zijn oproep via de media dat …", "de waarschuwing aan de regering dat …"
        while x < hi and x <= j + 3 and w.words[x][0].isalnum() and w.words[x].lower() != "dat":
            x += 1
        if x < hi and w.words[x].lower() == "dat":
            j = x
    if j >= hi or w.words[j].lower() not in ("dat", "om", ":"):
        return None
    if w.words[j].lower() == "dat" and j + 1 < hi and (
            w.words[j + 1].lower() in AUX or w.words[j + 1].lower() in lex.cue_verbs):
        return None  # "het bericht dat werd verstuurd": a relative clause
    a, b = span(w, j + 1 if w.words[j].lower() != "om" else j, hi)
    return Hit(a, b, w.starts[k], w.ends[k], k, owner)

def evidence(
    w: Words, k: int, lo: int, hi: int, lex: Lexicon, prev: tuple[int, int] | None
) -> Hit | None:
    """"Uit X blijkt (dat) …", "…, blijkt uit X", "Dat blijkt uit X": X is the source."""
    if w.words[k].lower() not in _EVIDENCE_VERBS:
        return None
    src: Mention | None = None
    if k > lo + 1 and w.words[lo].lower() == "uit":
        src = np_after(w, lo + 1, k, lex) or Mention(
            w.starts[lo + 1], w.ends[k - 1], w.text[w.starts[lo + 1] : w.ends[k - 1]])
        c = content_start(w, k + 1, hi, lex, w.ends[k])
        return Hit(*span(w, c, hi), w.starts[k], w.ends[k], k, src) if c < hi else None
    j = k + 1
    while j < hi and j <= k + 4 and w.words[j].lower() != "uit" and w.words[j][0].isalnum():
        j += 1  # "bleek deze week uit dat onderzoek"
    if j < hi and w.words[j].lower() == "uit":
        src = np_after(w, j + 1, hi, lex)
        if src is None:
            return None
        if k == lo + 1 and w.words[lo].lower() in ANAPHORIC and prev is not None:
            return Hit(prev[0], prev[1], w.starts[k], w.ends[k], k, src)
        if k > lo and w.words[k - 1] in ",–—":
            a, b = span(w, lo, k - 1)
            return Hit(a, b, w.starts[k], w.ends[k], k, src)
    return None

def impersonal(w: Words, k: int, lo: int, hi: int, lex: Lexicon) -> Hit | None:
    """"Gevreesd wordt dat …", "Er wordt gevreesd dat …": reported content, no source."""
    if w.words[k].lower() not in lex.impersonal:
        return None
    near = {x.lower() for x in w.words[max(lo, k - 2) : k + 2]}
    if not near & {"wordt", "werd", "worden", "werden"}:
        return None
    j = k + 1
    while j < hi and w.words[j].lower() in ("wordt", "werd", "worden", "werden", "er", "al",
                                            "ook", "nog", "algemeen", "inmiddels"):
        j += 1
    if j >= hi or w.words[j].lower() != "dat":
        return None
    a, b = span(w, j + 1, hi)
    return Hit(a, b, w.starts[k], w.ends[k], k, None)


def written(w: Words, k: int, lo: int, hi: int, lex: Lexicon) -> Hit | None:
    """"In het rapport staat (vermeld) dat …", "…, waarin staat dat …": the dat-clause is
    what a text says; the noun phrase after "in" is the source. Dutch only. Only with the
    "in" phrase right before the verb, so "staat vast dat", "daar staat tegenover dat" and
    "het staat in de krant" stay out."""
    if lex.lang != "nl" or w.words[k].lower() not in _STAND or k <= lo:
        return None
    j = k + 1
    while j < hi and j <= k + 3 and w.words[j].lower() in _STAND_FILLERS:
        j += 1
    if j + 1 >= hi or w.words[j].lower() != "dat":
        return None
    src: Mention | None = None
    if w.words[k - 1].lower() == "waarin":
        pass
    elif w.words[lo].lower() == "in" and 2 <= k - lo <= 10:
        end = k - 1 if w.words[k - 1] == "," else k
        if any(not x[0].isalnum() for x in w.words[lo + 1 : end]):
            return None
        src = np_after(w, lo + 1, end, lex) or Mention(
            w.starts[lo + 1], w.ends[end - 1], w.text[w.starts[lo + 1] : w.ends[end - 1]])
    else:
        return None
    if w.words[j + 1].lower() in AUX:
        return None  # "waarin staat dat werd …": no clause of its own
    a, b = span(w, j + 1, hi)
    return Hit(a, b, w.starts[k], w.ends[k], k, src)


def written_cue(cue: str) -> bool:
    """Is `cue` the verb of `written` ("staat"), which only that construction yields? The
    cue tagger, trained on few of them, is not asked about it."""
    return cue.lower() in _STAND
