"""Pull quotes and captions that repeat a body quote, for `kroniek.stages.quotes`.

A quotation inside a `pullquote` or `caption` block whose words occur, in order, in a
quote of the body is a quote of its own with `repeats` = that body quote's id and the
same speaker; other quotations in those blocks are left out.
"""

from __future__ import annotations

import re

from kroniek.doc import Block, Quote
from kroniek.stages.marks import scan_quotes

__all__ = ["mark_repeats", "repeated_in"]

# Fewer words than this are too common to show a repeat ("Nee", "Zeker niet").
_MIN_WORDS = 3


def mark_repeats(text: str, blocks: list[Block], quotes: list[Quote]) -> None:
    """Append to `quotes` (numbered q1, q2, … already) the pull quotes and captions of
    `blocks` that repeat one of them, numbered on."""
    for b in blocks:
        if b.kind not in ("pullquote", "caption"):
            continue
        for r in scan_quotes(text[b.start : b.end]):
            if r.depth:
                continue
            start, end = b.start + r.start, b.start + r.end
            inner = text[start:end]
            body = repeated_in(inner, quotes)
            if body is None:
                continue
            q = Quote(id=f"q{len(quotes) + 1}", start=start, end=end, text=inner,
                      kind="direct", confidence=0.8, repeats=body.id, speaker=body.speaker)
            quotes.append(q)


def _norm_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def repeated_in(inner: str, quotes: list[Quote]) -> Quote | None:
    """The body quote whose words contain the pull quote's words in order."""
    want = _norm_words(inner)
    if len(want) < _MIN_WORDS:
        return None
    for q in quotes:
        if q.repeats is not None:
            continue
        have = iter(_norm_words(q.text))
        if all(word in have for word in want):
            return q
    return None
