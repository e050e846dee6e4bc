"""Pull quotes and captions repeating a body quote (`kroniek.stages.pullquotes`)."""

from __future__ import annotations

from kroniek.doc import Block, Quote
from kroniek.stages.pullquotes import mark_repeats, repeated_in


def _body() -> list[Quote]:
    return [Quote(id="q1", start=0, end=40, text="We trekken ons niet terug uit de stad, nooit",
                  kind="direct")]


def test_repeated_in_needs_the_words_in_order() -> None:
    quotes = _body()
    assert repeated_in("niet terug uit de stad", quotes) is quotes[0]
    assert repeated_in("de stad uit terug", quotes) is None
    assert repeated_in("Nooit", quotes) is None  # too short to tell


def test_mark_repeats_numbers_on() -> None:
    body = "We trekken ons niet terug uit de stad, nooit. "
    pull = "„Niet terug uit de stad”"
    text = body + pull
    quotes = _body()
    mark_repeats(text, [Block(0, len(body)), Block(len(body), len(text), kind="pullquote")],
                 quotes)
    assert [(q.id, q.text, q.repeats) for q in quotes[1:]] == [
        ("q2", "Niet terug uit de stad", "q1")]
