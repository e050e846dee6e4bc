"""Segmentation: blocks (body, heading, caption, pull quote) and sentences.

Blocks are paragraphs separated by blank lines. A paragraph is classified by its shape:

- caption: a short paragraph carrying a photo credit ("beeld", "foto", "©", "ANP", ...);
- pullquote: a short paragraph that is one quotation followed by its speaker's name, and
  that does not read as a sentence of the body;
- heading: a short line without final punctuation;
- body: everything else.

Sentences are found inside each block by `split_sentences`: a break after . ! ? (and any
closing quote) before whitespace and an uppercase letter, digit or opening quote, unless
the period ends a known abbreviation or an initial. A single line break inside a body block
ends a sentence too (a title line, one sentence per line), unless the block is hard-wrapped
text (`is_hard_wrapped`). Non-body blocks are one sentence each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kroniek.doc import Block, Doc, Sentence
from kroniek.pipeline import register_stage
from kroniek.stages.marks import closes_later, open_quote_at

__all__ = [
    "SegmentStage",
    "classify_block",
    "is_hard_wrapped",
    "split_blocks",
    "split_lines",
    "split_sentences",
]

_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# Photo-credit markers of Dutch, Flemish and English outlets.
_CREDIT = re.compile(
    r"(?:\b(?:beeld|foto|foto's|fotografie|illustratie|image|photo|photograph)\b\s*[:\-]?"
    r"|©|\((?:ANP|AFP|AP|Reuters|EPA|Getty)[^)]*\)|\b(?:ANP|AFP|Reuters|EPA|Getty Images)\s*$)",
    re.IGNORECASE,
)
_OPEN_QUOTES = "„“\"'‘«‹‚"
_CLOSE_QUOTES = "”\"'’»›“‘"
_PULLQUOTE = re.compile(
    r"\A\s*[„“\"«‘'](?P<quote>[^\n]{10,400}?)[”\"»’'“]\s+(?P<who>[A-Z][^\n„“\"«]{2,120})(?<![.!?])\Z"
)

# Abbreviations after which a period does not end a sentence (lowercased, without the
# final period). General Dutch and English; not tuned to any article.
ABBREVIATIONS = frozenset(
    """
    a.s bijv bv blz ca d.w.z dhr dr drs e.a e.d enz etc evt i.e ing ir jl jhr m.a.w max min
    mr mevr mw nl nr o.a o.m p pag prof resp s.v.p sr st t.a.v t.o.v v.chr n.chr vgl vs zg
    zgn jr lt gen kol maj kap sgt adm cdt
    mr mrs ms dr prof gen col lt capt sgt rep sen gov jan feb mar apr jun jul aug sep sept
    oct okt nov dec inc corp co ltd no fig e.g i.e u.s u.k u.n a.m p.m
    """.split()
)

# Abbreviations that stand before a number ("No. 5", "nr. 12", "blz. 3"): elsewhere their
# period ends a sentence ("He said no. But …").
_NUMBER_ABBREVIATIONS = frozenset({"no", "nr", "blz", "pag", "fig"})

_SENT_END = re.compile(r"[.!?…]+(?:''|[”\"’'»“)])*(?=\s+)")  # “ closes a German-style „…“
# The next sentence may open with a quote, including the typewriter style ,,… '' that
# Dutch newspapers use.
_NEXT_START = re.compile(r"\s+(?:,,|[\"'„“‘«(])*[A-ZÀ-ÖØ-Þ0-9]")
_WORD_BEFORE = re.compile(r"(\S+)$")
_WORD_AFTER = re.compile(r"\s+(\w+)")
# Capitalised words that open a Dutch or English sentence and are no part of a name, so a
# single letter and a period before them ends a sentence. "De", "Van", "Le" are left out:
# they open Flemish and French surnames ("B. De Wever").
_OPENERS = frozenset(
    """
    Hij Zij Ze We Wij Ik Het Dat Die Dit Deze Er Een In Op Maar En Toen Ook Volgens Daar
    He She We It They This That The There In But And
    """.split()
)


def split_blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty paragraph, whitespace trimmed."""
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        yield from _trimmed(text, pos, m.start())
        pos = m.end()
    yield from _trimmed(text, pos, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def classify_block(text: str) -> str:
    """The kind of one paragraph: body, heading, caption or pullquote."""
    words = text.split()
    n = len(words)
    if n <= 20 and _CREDIT.search(text) and not _looks_like_body_sentence(text):
        return "caption"
    if n <= 60 and _PULLQUOTE.match(text):
        return "pullquote"
    if n <= 8 and "\n" not in text and text[-1] not in ".!?:;,”\"’" and text[0].isupper():
        return "heading"
    return "body"


def _looks_like_body_sentence(text: str) -> bool:
    # A caption is a name or a phrase plus a credit; a body paragraph has a few sentences.
    return len(_SENT_END.findall(text + " ")) >= 3


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within text[start:end]."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    sent_start = start
    for m in _SENT_END.finditer(text, start, end):
        brk = m.end()
        if not _NEXT_START.match(text, brk, end):
            continue
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        if _inside_open_quote(text, sent_start, brk, end):
            continue
        out.extend(_trimmed(text, sent_start, brk))
        sent_start = brk
    out.extend(_trimmed(text, sent_start, end))
    return out


def is_hard_wrapped(block: str) -> bool:
    """Whether the lines of `block` were wrapped at a fixed width (mail, plain-text
    archives): every line but the last is so long that the next line's first word would
    not have fitted after it within the block's longest line."""
    lines = block.split("\n")
    if len(lines) < 2:
        return False
    width = max(len(line.rstrip()) for line in lines)
    for line, nxt in zip(lines, lines[1:], strict=False):
        first = nxt.split(maxsplit=1)[0] if nxt.strip() else ""
        if len(line.rstrip()) + 1 + len(first) <= width:
            return False
    return True


def split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of text[start:end]: one line when the block is
    hard-wrapped (its line breaks are not the writer's)."""
    if "\n" not in text[start:end] or is_hard_wrapped(text[start:end]):
        return [(start, end)]
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.extend(_trimmed(text, pos, stop))
        pos = stop + 1
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).lstrip("(\"'„“‘«").lower()
    if len(word) == 1 and word.isalpha():
        # an initial: "J. Smit"; but a pronoun or function word after it opens a sentence
        # ("rapporten over Michael P. Hij erkende", "in vak K. Het ...")
        nxt = _WORD_AFTER.match(text, dot + 1)
        return nxt is None or nxt.group(1) not in _OPENERS
    if word in _NUMBER_ABBREVIATIONS:
        # "No. 5", "nr. 12": an abbreviation only before its number ("He said no. But …")
        nxt = _WORD_AFTER.match(text, dot + 1)
        return nxt is not None and nxt.group(1)[0].isdigit()
    return word in ABBREVIATIONS


def _inside_open_quote(text: str, start: int, pos: int, end: int) -> bool:
    # A quotation of several sentences is split into sentences as usual; only a
    # quotation that never closes in this block keeps its sentences together. Marks are
    # paired as `kroniek.stages.marks` pairs them: a straight " closes ",,…" too.
    mark = open_quote_at(text, start, pos)
    return mark is not None and not closes_later(text, mark, pos, end)


@register_stage("kroniek.segment.v1")
class SegmentStage:
    requires = ("text",)
    assigns = ("blocks", "sentences")

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        doc.blocks = []
        doc.sentences = []
        for start, end in split_blocks(text):
            kind = classify_block(text[start:end])
            doc.blocks.append(Block(start=start, end=end, kind=kind))  # type: ignore[arg-type]
            if kind == "body":
                # A line break the writer put in ends a sentence: the CoNLL documents
                # rebuilt one sentence per line lost 2.8 F1 points (nl dev) without it.
                for ls, le in split_lines(text, start, end):
                    for s, e in split_sentences(text, ls, le):
                        doc.sentences.append(Sentence(start=s, end=e))
            else:
                doc.sentences.append(Sentence(start=start, end=end))
        return doc
