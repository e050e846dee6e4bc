"""A separable cue's particle must close the verb's middle field (`indirect._particle_end`):
a particle word followed by a noun phrase, with no complement later, is a preposition
("sprak … uit haar regering"), so the verb has no particle reading and reports nothing."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    pipe = build_pipeline(disable=("times", "places", "claims", "events"))
    doc = pipe(Doc(text=text, lang="nl"))
    return [(q.kind, q.text, q.cue.text if q.cue else None) for q in doc.quotes]


def test_preposition_before_a_noun_phrase_is_no_particle() -> None:
    assert _quotes("Hij gaf zijn laatste minuten spreektijd aan een andere partij: D66.") == []
    assert _quotes("In Londen sprak ze drie uur lang met louter mannelijke kopstukken uit "
                   "haar regering en partij.") == []


def test_particle_before_its_content_stays() -> None:
    assert [(k, t) for k, t, _ in _quotes(
        "De minister gaf gisteren in de Kamer aan dat het plan niet doorgaat.")] == [
        ("indirect", "het plan niet doorgaat")]
    assert [(k, t) for k, t, _ in _quotes(
        "De minister legde de Kamer uit waarom het plan niet doorgaat.")] == [
        ("indirect", "waarom het plan niet doorgaat")]


def test_noun_phrase_first_then_a_complement_stays() -> None:
    assert [k for k, _, _ in _quotes(
        "De burgemeester gaf opdracht aan de politie om het plein te ontruimen.")] == ["indirect"]
