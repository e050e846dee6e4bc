"""A Dutch noun of saying with a short prepositional phrase before its dat-clause
(`kroniek.stages.nominal_cues._cue_noun_nl`): "met zijn oproep via de media dat …"."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    pipe = build_pipeline(disable=("times", "places", "claims", "events"))
    doc = pipe(Doc(text=text, lang="nl"))
    return [(q.kind, q.text, q.cue.text if q.cue else None) for q in doc.quotes]


def test_noun_of_saying_with_a_phrase_before_its_clause() -> None:
    assert _quotes("De fractieleider kreeg veel aandacht in het debat, met zijn oproep via de "
                   "media dat Nederland arbeidsmigranten welkom moet heten.") == [
        ("indirect", "Nederland arbeidsmigranten welkom moet heten", "oproep")]


def test_relative_dat_after_the_phrase_is_no_content() -> None:
    assert _quotes("De oproep via de media dat werd verstuurd, bleef onbeantwoord.") == []
