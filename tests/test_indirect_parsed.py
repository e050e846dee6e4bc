"""Reported dat-clauses read from the parse (`kroniek.stages.clauses.ParsedClauses`): a
"dat" the parser hangs on a word inside the clause rather than on the clause's head
still opens the content (after an inverted cue the surface patterns do not read)."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline


def _quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    pipe = build_pipeline(disable=("times", "places", "claims", "events"))
    doc = pipe(Doc(text=text, lang="nl"))
    return [(q.kind, q.text, q.cue.text if q.cue else None,
             q.speaker.name if q.speaker else None) for q in doc.quotes]


def test_dat_hung_inside_the_clause_after_an_inverted_cue() -> None:
    # The parse: "dat" is the mark of "onbesproken"/"ongestraft", an xcomp under the
    # clause's head "blijven"; the cue "vindt" follows a fronted "Anders dan ...".
    assert _quotes("Anders dan zijn partijgenoten vindt Pieters dat het gedrag van de "
                   "wethouder niet onbesproken mag blijven.") == [
        ("indirect", "het gedrag van de wethouder niet onbesproken mag blijven", "vindt",
         "Pieters")]
    assert _quotes("Anders dan de coalitie vindt Van Dam dat het besluit niet ongestraft "
                   "mag blijven.") == [
        ("indirect", "het besluit niet ongestraft mag blijven", "vindt", "Van Dam")]


def test_no_report_without_a_speech_verb() -> None:
    # The same clause under a verb that reports nothing stays no quote.
    assert _quotes("Anders dan de coalitie zorgt Van Dam dat het besluit niet ongestraft "
                   "blijft.") == []
    # "Wie …" is anyone who thought so: no source, no report.
    assert _quotes("Wie kan het nog gek vinden dat de burgemeester zo snel mogelijk "
                   "vertrekt?") == []


def test_dat_clause_hung_on_the_verb_the_cue_hangs_on() -> None:
    # The parse hangs the dat-clause on "laten" (root), "weten" is its xcomp.
    got = _quotes("Jan de Vries heeft na verschillende verzoeken laten weten dat hij daar "
                  "niet op ingaat.")
    assert [(k, t, s) for k, t, _, s in got] == [
        ("indirect", "hij daar niet op ingaat", "Jan de Vries")]
