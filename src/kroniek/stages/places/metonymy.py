"""Metonymy and the fallback (steps 3 and 4 of `kroniek.places.v1`)."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from kroniek.doc import Doc, Token
from kroniek.gazetteer import Candidate, SqliteGazetteer
from kroniek.stages.places.lexicon import Lexicon, Mention, next_words, prev_words

__all__ = ["acting_verb", "fallback_region", "is_capital", "metonym_reason"]


_AUXILIARIES = frozenset(["is", "was", "zijn", "waren", "heeft", "had", "hebben", "zal", "zou", "kan", "kon", "moet", "moest", "staat", "stond", "has", "have", "will", "would", "could", "can", "may", "might", "must"])  # fmt: skip
_SUBJECT_STOP = frozenset(["die", "dat", "welke", "who", "which", "that", "en", "and", "maar", "but"])


def is_capital(c: Candidate, capitals: dict[int, str]) -> bool:
    return c.geonameid in capitals or c.feature_code == "PPLG"


def metonym_reason(doc: Doc, m: Mention, c: Candidate | None, lex: Lexicon,
                   capitals: dict[int, str]) -> str | None:  # fmt: skip
    """Why this mention stands for a government (None when it is a location)."""
    is_seat = m.seat is not None
    capital_here = c is not None and is_capital(c, capitals)
    country_here = c is not None and c.feature_code.startswith("PCL")
    if not (is_seat or capital_here or country_here):
        return None
    text = doc.text
    prev = [w.lower() for w in prev_words(text, m.start, 2)]
    nxt = [w.lower() for w in next_words(text, m.end)]
    what = f"the seat of power of {m.seat}" if is_seat else "a capital" if capital_here else "a country"
    if prev and prev[-1] in lex.locative:
        return None
    if prev and prev[-1] in lex.metonym_preps and (prev[-1] != "voor" or nxt[:1] and nxt[0] in _AUXILIARIES):
        return f"{what} used for its government ('{prev[-1]} {m.text}')"
    if prev[-2:] == ["according", "to"]:
        return f"{what} used for its government ('according to {m.text}')"
    if prev and prev[-1] in lex.speech_verbs and prev[-1] not in _AUXILIARIES:
        return f"{what} used for its government (subject of '{prev[-1]}')"
    for w in nxt[:5]:
        if w in _SUBJECT_STOP:
            break
        if w in lex.speech_verbs:
            return f"{what} used for its government (subject of '{w}')"
    verb = acting_verb(doc, m)
    if verb:
        return f"{what} acting as its government or people (subject of '{verb}')"
    return f"{what} standing for its government" if is_seat else None


# Verbs whose subject a place can be as a place: being, lying, bordering, counting,
# having inhabitants ("Nederland telt 17 miljoen inwoners", "Kyiv ligt aan de Dnipro").
_PLACE_VERBS = frozenset(["zijn", "worden", "blijven", "liggen", "grenzen", "tellen", "hebben", "krijgen", "be", "become", "remain", "lie", "border", "have", "get", "count", "see"])  # fmt: skip


def _token_start(token: Token) -> int:
    return token.start


def acting_verb(doc: Doc, m: Mention) -> str | None:
    """The verb a mention is the subject of (dependency parse), unless a verb of being,
    lying or having: "Duitsland ontmaskerde", "Den Haag wil" — the country or capital acts."""
    # Bisected by key, not over a list of every token's start made per mention (n², #17).
    k = bisect_left(doc.tokens, m.start, key=_token_start)
    while k < len(doc.tokens) and doc.tokens[k].end <= m.end:
        tok = doc.tokens[k]
        if tok.dep.startswith("nsubj") and 0 <= tok.head < len(doc.tokens) and not (
                doc.tokens[tok.head].start >= m.start and doc.tokens[tok.head].end <= m.end):  # fmt: skip
            head = doc.tokens[tok.head]
            if head.upos == "VERB" and (head.lemma or head.text).lower() not in _PLACE_VERBS:
                return head.text
        k += 1
    return None


# -- the fallback for places the gazetteer lacks ----------------------------------------


# An anchor further than this many characters is no evidence of where a name lies (Dutch
# only: on LGL, English, it cost a little precision, 0.795 -> 0.794, acc161 unchanged).
FAR_ANCHOR = 300
FAR_ANCHOR_LANGS = frozenset({"nl"})


def fallback_region(doc: Doc, m: Mention, located: list[tuple[Mention, Candidate]],
                    gaz: SqliteGazetteer, lex: Lexicon) -> tuple[Candidate, str, str] | None:  # fmt: skip
    """(region, precision, note) for a mention without candidates, from nearby places."""
    if not located:
        return None

    def rank(item: tuple[Mention, Candidate]) -> tuple[int, int]:
        other, c = item
        specific = 0 if c.feature_code != "PCLI" else 1
        return specific, abs(other.start - m.start)

    anchor, c = min(located, key=rank)
    if lex.lang in FAR_ANCHOR_LANGS and abs(anchor.start - m.start) > FAR_ANCHOR:
        # Far from every place: the article's own country, the one most of its located
        # mentions lie in (a country named by itself counts twice), rather than a region
        # of whatever place is nearest ("rond de Kuip" in a Feyenoord story that names
        # Nederland was a Slovak region by a player's home town 550 characters away).
        counts: Counter[str] = Counter()
        for _, o in located:
            counts[o.country_code] += 2 if o.feature_code == "PCLI" else 1
        top = max(counts.values())
        leading = [cc for cc, k in counts.items() if k == top]
        if c.country_code not in leading:
            c = next(o for _, o in sorted(located, key=rank) if o.country_code in leading)
            country = gaz.country(c.country_code)
            if country is None:
                return None
            return country, "country", (
                f"'{m.text}' has no fitting gazetteer entry and no place near it: placed in "
                f"{country.name}, where most places of the article lie")
    region = gaz.admin1(c.country_code, c.admin1) if c.feature_code != "PCLI" else None
    precision = "region"
    if region is None:
        region, precision = gaz.country(c.country_code), "country"
    if region is None:
        return None
    sent = doc.text[max(0, m.start - 200) : m.end + 200].lower()
    border = any(w in sent for w in lex.border)
    note = (f"'{m.text}' has no fitting gazetteer entry: placed in {region.name}, the "
            f"{'region' if precision == 'region' else 'country'} of the nearest place the "
            f"article locates ('{anchor.text}')" + ("; the article puts it near a border"
                                                    if border else ""))  # fmt: skip
    return region, precision, note


