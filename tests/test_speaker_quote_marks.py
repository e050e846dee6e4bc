"""Quotation marks as the sentence splitter pairs them: every mix of „ ,, “ ” " and ''
Dutch papers print closes the quote, so the sentences after it are split as usual."""

from __future__ import annotations

import pytest

from kroniek.stages.marks import closes_later, open_quote_at
from kroniek.stages.segment import split_sentences


def _sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize("opening, closing", [
    (",,", '"'),     # ,,…"  (AD, Brabants Dagblad)
    (",,", "''"),    # ,,…''
    ("„", "”"),      # „…”   (NRC, Volkskrant)
    ("„", '"'),      # „…"
    ("„", "“"),      # „…“   (German style)
    ("“", "”"),      # “…”
])
def test_a_closed_quote_does_not_swallow_the_sentences_after_it(opening: str, closing: str) -> None:
    text = f"{opening}Dat is geen goed idee.{closing} Daarna ging hij weg. De raad stemde tegen."
    assert _sents(text) == [f"{opening}Dat is geen goed idee.{closing}", "Daarna ging hij weg.",
                            "De raad stemde tegen."]


@pytest.mark.parametrize("opening, closing", [(",,", '"'), ("„", "“"), ("„", "”"), ("“", "”")])
def test_a_quote_of_two_sentences_and_its_cue(opening: str, closing: str) -> None:
    text = f"{opening}Het is voorbij. We gaan door,{closing} zegt Jansen. Daarna volgt de stemming."
    assert _sents(text) == [f"{opening}Het is voorbij.", f"We gaan door,{closing} zegt Jansen.",
                            "Daarna volgt de stemming."]


def test_a_quote_that_never_closes_keeps_its_sentences_together() -> None:
    text = ",,Het is voorbij. We gaan door. Niemand houdt ons tegen"
    assert _sents(text) == [text]


def test_open_quote_at() -> None:
    text = ',,Het is voorbij," zegt hij. ,,We gaan door.'
    assert open_quote_at(text, 0, text.index("zegt")) is None
    assert open_quote_at(text, 0, len(text)) == "„"
    assert open_quote_at("Hij zei „ja“ en ging.", 0, 20) is None
    assert closes_later(',,A. B," zegt hij.', "„", 4, 18)
    assert not closes_later(",,A. B. C", "„", 4, 9)
