"""Quotation marks: pairing them into quotations over sentences and paragraphs.

`scan_quotes` pairs quotation marks of every common style („…” “…” "…" '…' ‘…’ «…» ‹…›),
with nesting, and quotes that run on over paragraphs (a paragraph that ends inside a quote
and a next paragraph opening with the same mark continue one quote). Used by
`kroniek.stages.quotes`, which splits such a quote per paragraph again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kroniek.doc import Block

__all__ = ["PAIRS", "RawQuote", "closes_later", "is_fragment", "normalize_marks", "open_quote_at",
           "scan_quotes", "split_at_quotes", "word_before"]

PAIRS = {"„": "”“\"", "“": "”", "‘": "’", "«": "»", "‹": "›", "‚": "‘’", '"': '"', "'": "'’"}
_AMBIGUOUS_OPEN = "\"'‘"
_APOSTROPHE_WORD = re.compile(r"(?:s|t|n|k|m|r|\d\d)\b", re.IGNORECASE)
_OPEN_BEFORE = " \t\n([{—–-/:;„“‘«‹"
_SURE_OPEN = "„“«‹‚"  # marks that only open (straight " and ' may be apostrophes or closers)


@dataclass(slots=True)
class RawQuote:
    """A pair of quotation marks: open mark at `open`, close mark at `close`."""

    open: int
    close: int
    depth: int

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in _AMBIGUOUS_OPEN:
        return True
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev not in _OPEN_BEFORE or nxt.isspace():
        return False
    return not (ch == "'" and _APOSTROPHE_WORD.match(text, i + 1))


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not (text[i] in "'’\"" and (prev.isspace() or nxt.isalnum()))


def normalize_marks(text: str) -> str:
    """The text with ",,…''" written as " „… ”" (same length, so offsets still hold)."""
    text = re.sub(r",,(?=\S)", " „", text)
    text = re.sub(r"(?:(?<=\s)|(?<=\A))''(?=\S)", " “", text)  # English ''…'' (NYT)
    return re.sub(r"(?<=\S)''", "” ", text)


def open_quote_at(text: str, start: int, pos: int) -> str | None:
    """The opening mark of a quotation opened in `text[start:pos]` and not closed before
    `pos`, counting only marks that surely open („ “ « ‹ ‚ and ",,") and closing each with
    any mark `PAIRS` lets close it (",,…\"", "„…“", "„…”", ",,…''"); None outside quotes."""
    part = text[start:pos]
    if ",," not in part and not any(ch in part for ch in _SURE_OPEN):
        return None
    part = normalize_marks(part)
    stack: list[str] = []
    for i, ch in enumerate(part):
        if stack and ch in PAIRS[stack[-1]] and _can_close(part, i):
            stack.pop()
        elif ch in _SURE_OPEN and (ch != "“" or (part[i - 1] if i else " ") in _OPEN_BEFORE):
            stack.append(ch)  # (a “ after a word closes a German-style „…“)
    return stack[-1] if stack else None


def closes_later(text: str, mark: str, pos: int, end: int) -> bool:
    """Does a mark that can close a quotation opened with `mark` occur in `text[pos:end]`?"""
    part = normalize_marks(text[pos:end])
    return any(ch in PAIRS.get(mark, "") and _can_close(part, i) for i, ch in enumerate(part))


def scan_quotes(text: str, blocks: list[Block] | None = None) -> list[RawQuote]:
    """Every matched pair of quotation marks, outer quotes with depth 0."""
    text = normalize_marks(text)
    para_ends = sorted(b.end for b in blocks or [])
    ordered = sorted(blocks or [], key=lambda b: b.start)
    next_para = {a.end: b.start for a, b in zip(ordered, ordered[1:], strict=False)}
    out: list[RawQuote] = []
    stack: list[tuple[str, int]] = []
    i, n = 0, len(text)
    pi = 0
    while i < n:
        while pi < len(para_ends) and para_ends[pi] <= i:
            pe = para_ends[pi]
            pi += 1
            if stack:
                nxt = next_para.get(pe)
                if nxt is not None and text[nxt : nxt + 2] == " „":
                    nxt += 1  # ",," normalised to " „" (same length)
                if stack and nxt is not None and nxt < n and text[nxt] == stack[0][0]:
                    # A quote running on into the next paragraph: skip its opening mark.
                    if nxt >= i:
                        i = nxt + 1
                    stack = stack[:1]
                else:
                    stack = []
        if i >= n:
            break
        ch = text[i]
        if (stack and stack[-1][0] == '"' and ch in "'’" and text[i - 1] in ",.!?"
                and text[i + 1 : i + 2] in (" ", "")):
            # "…getroffen,' schreef ze": a quote opened with " and closed with '.
            opener, at = stack.pop()
            out.append(RawQuote(open=at, close=i, depth=len(stack)))
        elif stack and ch in PAIRS[stack[-1][0]] and _can_close(text, i):
            opener, at = stack.pop()
            out.append(RawQuote(open=at, close=i, depth=len(stack)))
        elif (ch in PAIRS and _can_open(text, i)
              and not (ch in "\"'" and any(s[0] == ch for s in stack))):
            stack.append((ch, i))
        i += 1
    out.sort(key=lambda q: (q.open, -q.close))
    # Depth = how many matched quotes contain this one (an opening mark that never closes
    # does not make the quotes after it nested).
    for q in out:
        q.depth = sum(1 for o in out if o is not q and o.open < q.open and q.close < o.close)
    return out


def word_before(text: str, r: RawQuote) -> bool:
    """Does a word end right before the opening mark of `r` (spaces aside): "de 'Mars …'"?"""
    return text[max(0, r.open - 3) : r.open].rstrip()[-1:].isalnum()


def is_fragment(text: str, r: RawQuote) -> bool:
    """Is the pair of marks `r` a quoted phrase inside a sentence (a scare quote, a title,
    part of a mixed quote) rather than a quotation of its own?"""
    inner = text[r.start : r.end].strip()
    if not inner:
        return True
    words = inner.split()
    after = text[r.close + 1 : r.close + 4].lstrip()
    letter_before = word_before(text, r)
    letter_after = bool(after) and after[0].isalnum()
    if inner[0].islower():
        # "noemde de aanslag 'een klap …'": lower case is a fragment, unless it is the
        # rest of an interrupted quotation ending a sentence ("…, 'maar niet strafbaar.'").
        return not (inner[-1] in ".!?" and not letter_before)
    if inner[-1] == "," and len(words) > 2:
        return False  # "Kop "Dit ruikt naar bedrog," zegt X": interrupted by its attribution
    if letter_before and letter_after:
        return True  # "de 'Mars van 20 miljoen' werd": a name or a title
    # a quoted term or a heading: 'Onterecht'
    return len(words) <= 2 and inner[-1] not in ".!?" and (letter_before or not after.startswith(","))


def split_at_quotes(
    text: str, sents: list[tuple[int, int]], raws: list[RawQuote]
) -> list[tuple[int, int]]:
    """Sentences also end where a quotation opens after a full stop (",,Veel groen …''"
    after "Volgens X is dat nodig." is not always split by the sentence splitter)."""
    cuts = sorted(r.open for r in raws if r.depth == 0
                  and text[max(0, r.open - 3) : r.open].rstrip()[-1:] in (".", "!", "?"))
    out: list[tuple[int, int]] = []
    for a, b in sents:
        start = a
        for c in cuts:
            if start < c < b:
                out.append((start, c))
                start = c
        out.append((start, b))
    return out
