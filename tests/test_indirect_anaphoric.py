"""A fronted "Dat"/"Dit" before a perfect or passive of a speech verb takes up the
sentence before (`kroniek.stages.indirect._anaphoric_perfect`): "X. Dat heeft het
ministerie gisteren bekendgemaakt." reports X. The cue tagger, which has seen few of
these, does not reject them (`quotes._Finder._takes_up_previous`)."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline


def _quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    pipe = build_pipeline(disable=("times", "places", "claims", "events"))
    doc = pipe(Doc(text=text, lang="nl"))
    return [(q.kind, q.text, q.cue.text if q.cue else None,
             q.speaker.name if q.speaker else None) for q in doc.quotes]


_LEAD = "De staat geeft op 21 mei de eerste groene obligatie uit."


def test_perfect_of_a_speech_verb_reports_the_sentence_before() -> None:
    assert _quotes(_LEAD + " Dat heeft het ministerie van Financiën gisteren bekendgemaakt.") == [
        ("indirect", "De staat geeft op 21 mei de eerste groene obligatie uit", "bekendgemaakt",
         "ministerie van Financiën")]
    assert _quotes(_LEAD + " Dat heeft het ministerie van Financiën gisteren laten weten.") == [
        ("indirect", "De staat geeft op 21 mei de eerste groene obligatie uit", "laten weten",
         "ministerie van Financiën")]


def test_source_with_an_apposition() -> None:
    assert _quotes(_LEAD + " Dat heeft Jan Peters, woordvoerder van het ministerie, in ieder "
                   "geval gezegd.") == [
        ("indirect", "De staat geeft op 21 mei de eerste groene obligatie uit", "gezegd",
         "Jan Peters")]


def test_passive_with_an_agent() -> None:
    assert _quotes(_LEAD + " Dit werd vanochtend bekendgemaakt door het ministerie.") == [
        ("indirect", "De staat geeft op 21 mei de eerste groene obligatie uit", "bekendgemaakt",
         "ministerie")]


def test_participle_without_ge_and_agent_before_it() -> None:
    assert [q[:3] for q in _quotes(_LEAD + " Dat heeft de organisatie achter het festival "
                                          "bevestigd.")] == [
        ("indirect", "De staat geeft op 21 mei de eerste groene obligatie uit", "bevestigd")]
    assert [q[:3] for q in _quotes(_LEAD + " Dit werd vanochtend door het ministerie bevestigd.")] == [
        ("indirect", "De staat geeft op 21 mei de eerste groene obligatie uit", "bevestigd")]


def test_no_report_without_a_speech_verb_or_a_source() -> None:
    # The participle belongs to a clause of its own.
    assert _quotes(_LEAD + " Dat is zelfs nog iets beter dan op Prinsjesdag werd verwacht.") == []
    assert _quotes(_LEAD + " Dat heeft geen zin gehad.") == []
    assert _quotes(_LEAD + " Dat heeft het ministerie gisteren gemaakt.") == []
