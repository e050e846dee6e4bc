"""PolNeAR's univocal conversion of kroniek's quotes (kroniek.evaluation.quotes.to_attributions):
each token of a PolNeAR article is in one attribution at most (the corpus README), so quotes
that share one cue, or that lie inside another attribution's content, are one attribution."""

from __future__ import annotations

from kroniek.doc import Cue, Doc, Quote, QuoteKind, Speaker
from kroniek.evaluation.quotes import to_attributions


def _quote(text: str, words: str, cue: Cue | None, kind: QuoteKind = "direct") -> Quote:
    a = text.index(words)
    return Quote(id="", start=a, end=a + len(words), text=words, kind=kind,
                 cue=cue, speaker=Speaker(name="Smith"))


def test_quotes_sharing_a_cue_are_one_attribution() -> None:
    text = "“We will win,” Smith said, “and we will win big.”"
    said = Cue(text.index("said"), text.index("said") + 4, "said")
    doc = Doc(text=text, lang="en")
    doc.quotes = [_quote(text, "We will win", said), _quote(text, "and we will win big", said)]
    atts = to_attributions(doc)
    assert len(atts) == 1 and len(atts[0].content) == 2


def test_a_quote_inside_another_attributions_content_is_none_of_its_own() -> None:
    text = "Smith said the party would “win the state” by a wide margin."
    said = Cue(text.index("said"), text.index("said") + 4, "said")
    doc = Doc(text=text, lang="en")
    doc.quotes = [_quote(text, "the party would “win the state” by a wide margin", said, "mixed"),
                  _quote(text, "win the state", None)]
    doc.quotes[1].speaker = None  # a scare quote nobody is named for
    atts = to_attributions(doc)
    assert [a.cue for a in atts] == [[(said.start, said.end)]]


def test_a_cueless_quote_sharing_words_with_a_cued_one_is_none_of_its_own() -> None:
    text = "Smith said the party would win the state by a wide margin in November."
    said = Cue(text.index("said"), text.index("said") + 4, "said")
    doc = Doc(text=text, lang="en")
    doc.quotes = [_quote(text, "the party would win the state", said, "indirect"),
                  _quote(text, "the state by a wide margin in November", None, "mixed")]
    doc.quotes[1].speaker = None
    assert len(to_attributions(doc)) == 1
