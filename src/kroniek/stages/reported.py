"""What the indirect-speech patterns share (`kroniek.stages.indirect`,
`kroniek.stages.nominal_cues`): a found report (`Hit`), the trimming of its span, where
the content starts after a cue, and whether a noun phrase could be a source.
"""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.stages.phrases import AUX, Lexicon, Mention, Words, source_type

__all__ = [
    "ANAPHORIC",
    "MAX_SOURCE_WORDS",
    "Hit",
    "content_start",
    "definite",
    "fronted",
    "plausible_source",
    "span",
    "subject_np",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

ANAPHORIC = frozenset({"dat", "dit", "zo", "this", "that"})

_FRONTED_WORDS = _words(
    """wel ook toch zo daar hier nu dan maar inmiddels eerder later gisteren vandaag
    zelf bovendien daarnaast verder tegelijk intussen ondertussen desondanks daarom
    vorige volgende eerst"""
)

_NEGATIONS = frozenset({"niet", "geen", "nooit", "not", "never", "no"})

_FUNCTION_WORDS = _words(
    """de het een die dit deze dat er hier daar wat wie welke ook en maar want toch zo
    the a an this that these those there here what who which also and but so it its"""
)

# A subject noun phrase longer than this is more likely a clause than a source.
MAX_SOURCE_WORDS = 8

@dataclass(slots=True)
class Hit:
    start: int
    end: int
    cue_start: int
    cue_end: int
    cue_token: int
    mention: Mention | None

    def cue_text(self, text: str) -> str:
        return text[self.cue_start : self.cue_end]

def span(w: Words, i: int, j: int) -> tuple[int, int]:
    """Offsets of tokens i..j-1, trimmed of punctuation at both ends."""
    while i < j and not w.words[i][0].isalnum() and w.words[i] not in "„“\"'‘«":
        i += 1
    while j > i and not w.words[j - 1][0].isalnum() and w.words[j - 1] not in "”\"'’»":
        j -= 1
    if j <= i:
        return w.starts[i] if i < len(w.starts) else len(w.text), w.starts[i] if i < len(
            w.starts) else len(w.text)
    return w.starts[i], w.ends[j - 1]

def content_start(w: Words, i: int, hi: int, lex: Lexicon, cue_end: int) -> int:
    """First token of the reported content after a cue (after "dat"/"that" if near)."""
    for j in range(i, min(hi, i + 8)):
        if w.words[j].lower() in lex.complementizers:
            return j + 1 if w.words[j].lower() in ("dat", "that") else j
        if w.words[j] == ":":
            return j + 1
    j = i
    while j < hi and (w.starts[j] < cue_end or w.words[j].lower() in lex.after_cue
                      or w.words[j] == ","):
        j += 1
    return j

def subject_np(w: Words, lo: int, hi: int, lex: Lexicon) -> Mention | None:
    """The noun phrase opening a sentence: determiners, a few adjectives, then names and
    role nouns ("Het OM", "GroenLinks-europarlementariër Bas Eickhout", "De nieuwe
    minister"); it ends at the first other word after its head."""
    j, head, adjectives = lo, False, 0
    while j < hi:
        word = w.words[j]
        low = word.lower()
        if low in lex.determiners and not head:
            j += 1
        elif word[:1].isupper() or lex.role_class(word) or (head and low in lex.name_particles):
            head = True
            j += 1
        elif not head and word[:1].isalpha() and adjectives < 2 and low not in AUX:
            adjectives += 1
            j += 1
        else:
            break
    if not head:
        return None
    return Mention(w.starts[lo], w.ends[j - 1], w.text[w.starts[lo] : w.ends[j - 1]])

def definite(m: Mention, lex: Lexicon) -> bool:
    """"de universiteit", "het ministerie": after an inverted cue, a source."""
    words = m.text.split()
    return 2 <= len(words) <= 5 and words[0].lower() in ("de", "het", "the")

def fronted(m: Mention, lex: Lexicon) -> bool:
    """A phrase before the finite verb that is not its subject (prepositional, adverb)."""
    first = m.text.split()[0].lower()
    if first in _FRONTED_WORDS or first in lex.according_first:
        return True
    return first in lex.speaker_stop and first not in lex.pronouns and first not in lex.determiners

def plausible_source(m: Mention, lex: Lexicon) -> bool:
    """Could this noun phrase be who says something (a name, role, pronoun, source noun)?"""
    words = m.text.split()
    if not words or len(words) > MAX_SOURCE_WORDS:
        return False
    if lex.lang == "en" and words[0].lower() in ("the", "a", "an", "his", "her", "their",
                                                 "some", "many", "most", "several", "two"):
        # English puts the subject before the verb: "the report said", "sources said".
        return not any(x.lower() in AUX or x.lower() in _NEGATIONS for x in words)
    low = m.text.lower()
    if low in lex.pronouns or low in ("ik", "wij", "we", "i", "you", "jij", "u", "it"):
        # English narrators and documents speak too ("I always knew", "It says …");
        # in Dutch reporting a first or second person outside a quotation is not a source.
        return lex.lang == "en" or low not in ("ik", "jij", "u")
    if any(not x[:1].isupper() and (x.lower() in AUX or x.lower() in _NEGATIONS) for x in words):
        return False
    if words[0].lower() in ANAPHORIC:
        return False
    if any(x[0].isupper() for x in words[1:]) or (
        words[0][0].isupper() and words[0].lower() not in _FUNCTION_WORDS
    ):
        return True
    if any(lex.role_class(x) for x in words):
        return True
    return any(source_type(x, lex.lang) for x in words)
