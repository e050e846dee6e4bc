"""The cue and source written next to a direct quotation, for `kroniek.stages.quotes`.

After the closing mark ("…', zegt X.", "…,” X said.", "…', klinkt het.") or before the
opening mark in the same sentence ("X zegt: „…”", "X: „…”", "Volgens X is dat …: „…”").
Each finder returns the cue's word index in `Words`, the source mention (or None) and
the index of a separated particle ("laat … weten"), or None when no cue is there.
"""

from __future__ import annotations

from kroniek.stages.indirect import definite, fronted, plausible_source
from kroniek.stages.marks import RawQuote
from kroniek.stages.phrases import Lexicon, Mention, Words, np_after, np_before

__all__ = ["CueFound", "cue_after", "cue_before", "has_name_or_role", "looks_like_speaker"]

CueFound = tuple[int, Mention | None, int | None]


def cue_after(w: Words, lex: Lexicon, r: RawQuote, sent_end: int) -> CueFound | None:
    """A cue right after the closing mark: "…', zegt X." or "…,” X said."; `sent_end`:
    the end offset of the sentence holding the closing mark."""
    i = w.index_at(r.close + 1)
    sent_end = max(sent_end, r.close + 1)
    end = w.index_at(sent_end)
    while i < end and w.words[i] in ",–—-":
        i += 1
    if i < end and w.words[i].lower() == "zo":
        i += 1
    if i >= end:
        return None
    low = w.words[i].lower()
    if low in lex.cue_verbs or low in lex.particle_verbs:
        m = np_after(w, i + 1, end, lex)
        return i, m, _particle(w, lex, i, end)
    # English and Dutch "…”, X said." / "…', klinkt het."
    for k in range(i + 1, min(i + 9, end)):
        kl = w.words[k].lower()
        if kl in lex.cue_verbs:
            m = np_before(w, k, i, lex)
            if m is not None and m.start >= w.starts[i]:
                return k, m, None
        if not w.words[k][0].isalnum():
            break
    return None


def cue_before(w: Words, lex: Lexicon, r: RawQuote, sent_start: int) -> CueFound | None:
    """A cue before the opening mark in the same sentence: "X zegt: „…”", "X: „…”";
    `sent_start`: the start offset of the sentence holding the opening mark."""
    lo = w.index_at(sent_start)
    j = w.index_at(r.open)
    if j - 1 < lo or w.words[j - 1] not in ":,":
        return None
    colon = j - 1
    for k in range(colon - 1, max(lo - 1, colon - 14), -1):
        low = w.words[k].lower()
        if low in lex.cue_verbs or low in lex.particle_verbs:
            after = np_after(w, k + 1, colon, lex)
            if after is not None and k > lo and plausible_source(after, lex):
                return k, after, None
            before = np_before(w, k, lo, lex)
            if before is not None and (
                not (plausible_source(before, lex) or definite(before, lex))
                or fronted(before, lex)
            ):
                before = None
            return k, before or after, None
        if w.words[k] in ",;" or (w.words[k] in "„“\"'" and k < colon - 1):
            break
    if w.words[colon] != ":":
        return None
    for k in range(lo, colon):  # "Maar volgens Airwars is dat ...: „…”"
        if w.words[k].lower() in lex.according_first:
            m = np_after(w, k + 1, colon, lex)
            if m is not None and plausible_source(m, lex):
                return k, m, None
    m = np_before(w, colon, lo, lex)
    if m is not None and looks_like_speaker(m, lex):
        return colon, m, None
    m = np_after(w, lo, colon, lex)  # "VVD-voorman X verwerpt het plan: „…”"
    if m is not None and has_name_or_role(m, lex) and plausible_source(m, lex):
        return colon, m, None
    return None


def looks_like_speaker(m: Mention, lex: Lexicon) -> bool:
    """A short phrase with a capital or a role noun ("De burgemeester: „…”")."""
    words = m.text.split()
    if len(words) > 7:
        return False
    return any(x[0].isupper() for x in words) or any(lex.role_class(x) for x in words)


def has_name_or_role(m: Mention, lex: Lexicon) -> bool:
    words = m.text.split()
    return any(x[:1].isupper() for x in words[1:]) or any(lex.role_class(x) for x in words)


def _particle(w: Words, lex: Lexicon, i: int, end: int) -> int | None:
    parts = lex.particles(w.words[i])
    for k in range(i + 1, min(end, i + 12)):
        if w.words[k].lower() in parts:
            return k
    return None
