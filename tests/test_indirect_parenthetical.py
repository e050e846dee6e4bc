"""Dutch parenthetical inversion with a verb outside the cue lexicon
(`kroniek.stages.indirect._parenthetical`): a main clause, a comma, a finite verb with its
subject after it and nothing more ("…, valt X op", "…, klinkt het in Den Haag", "…, mailt
X in een reactie"): the clause before the comma is reported."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    pipe = build_pipeline(disable=("times", "places", "claims", "events"))
    doc = pipe(Doc(text=text, lang="nl"))
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in doc.quotes]


def test_inverted_frame_after_a_main_clause() -> None:
    assert _quotes("Die zit wat dromerig met zijn glas te draaien, valt klimaatspijbelaar "
                   "Stijn Warmenhoven op.") == [
        ("indirect", "Die zit wat dromerig met zijn glas te draaien", "Stijn Warmenhoven")]
    assert _quotes("Hij spant een web om er vervolgens zelf in verstrikt te raken, klinkt het "
                   "in Den Haag.") == [
        ("indirect", "Hij spant een web om er vervolgens zelf in verstrikt te raken", None)]


def test_no_report_after_a_fronted_phrase_or_a_subordinate_clause() -> None:
    # The verb after the comma is the sentence's own main verb.
    assert _quotes("Na het drama dat in juli plaatsvond, keerde de arts terug naar huis.") == []
    assert _quotes("Als het morgen regent, blijft de burgemeester thuis.") == []
    assert _quotes("Vervolgens, daar was het hem om te doen geweest, at hij het op.") == []
    assert _quotes("Om de rekeningen te betalen, doet hij duizend-en-een andere klussen.") == []
    # Coordination without a subject after the verb; a cross-reference.
    assert _quotes("De man kwam om tien uur thuis, at zijn eten en ging slapen.") == []
    assert _quotes("Ajax is al geruime tijd in topvorm, zie ook de resultaten.") == []
