"""Reported speech carried on without a cue (`kroniek.stages.indirect.carried_on`): a
sentence right after a reported quote, with a reportative "zou(den)", is the same
source's report."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline
from kroniek.stages.indirect import carried_on
from kroniek.stages.phrases import Words, lexicon


def _quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    pipe = build_pipeline(disable=("times", "places", "claims", "events"))
    doc = pipe(Doc(text=text, lang="nl"))
    return [(q.kind, q.text, q.cue.text if q.cue else None,
             q.speaker.name if q.speaker else None) for q in doc.quotes]


def test_reportative_sentence_after_a_reported_quote_is_carried_on() -> None:
    text = ("De buurman zegt dat de man al weken overlast veroorzaakte. "
            "Hij zou 's nachts met deuren slaan en bewoners bedreigen. "
            "De politie onderzoekt de zaak.")
    quotes = _quotes(text)
    carried = [q for q in quotes if q[1].startswith("Hij zou")]
    assert carried == [("indirect", "Hij zou 's nachts met deuren slaan en bewoners bedreigen",
                        None, carried[0][3])]
    first = next(q for q in quotes if q[2] == "zegt")
    assert carried[0][3] == first[3]  # the speaker of the quote carried on
    # The writer's own sentence after it (no reportative modal) is no quote.
    assert not any("politie" in q[1] for q in quotes)


def test_no_carry_without_a_reported_quote_or_a_modal() -> None:
    lex = lexicon("nl")
    text = "Het regende de hele dag. De wedstrijd zou later beginnen. Hij zei niets."
    w = Words.of(text)
    sents = [(0, 24), (25, 57), (58, len(text))]
    assert carried_on(w, sents, [], [], lex) == []  # nothing reported before it
    # A reported quote that runs to its sentence's end carries on into "zou" only.
    assert carried_on(w, sents, [(13, 23)], [], lex) == [(25, 56, 0)]
    assert carried_on(w, sents, [(0, 10)], [], lex) == []  # ends before the sentence does
    assert carried_on(w, sents, [(13, 23)], [(30, 40)], lex) == []  # a quote of its own
    assert carried_on(w, sents[1:], [(25, 56)], [], lex) == []  # "Hij zei niets": no modal
    assert carried_on(w, sents, [(13, 23)], [], lexicon("en")) == []  # Dutch only


def test_speech_verb_closed_by_a_colon_reports_the_rest() -> None:
    """"X heeft het vaak gezegd: als …": the unquoted rest after the colon is reported;
    a quotation after the colon stays direct, and a colon far from the verb is no cue's."""
    quotes = _quotes("De minister heeft het al vaak tegen zijn collega's gezegd: als de regering "
                     "niets doet, gaat het mis.")
    assert ("indirect", "als de regering niets doet, gaat het mis", "gezegd") in [
        q[:3] for q in quotes]
    direct = _quotes("De minister heeft het al vaak gezegd: 'Als de regering niets doet, gaat "
                     "het mis.'")
    assert [q[0] for q in direct] == ["direct"]
    far = _quotes("De minister zegt het al jaren tegen iedereen die het maar horen wil in de "
                  "Kamer: de regering doet niets.")
    assert not any(q[2] == "zegt" and q[1].startswith("de regering") for q in far)
