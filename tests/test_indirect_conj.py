"""A Dutch cue verb coordinated with an earlier verb shares its subject
(`kroniek.stages.clauses.ParsedClauses._shared_subject`): "X wees op …, maar moest ook
erkennen dat …" reports the dat-clause with X as source."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline


def _quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    pipe = build_pipeline(disable=("times", "places", "claims", "events"))
    doc = pipe(Doc(text=text, lang="nl"))
    return [(q.kind, q.text, q.cue.text if q.cue else None,
             q.speaker.name if q.speaker else None) for q in doc.quotes]


def test_conjunct_cue_takes_the_subject_of_the_first_verb() -> None:
    assert _quotes("Dijkhoff wees naar het loonstrookje, maar moest ook erkennen dat dit "
                   "nog niet genoeg is.") == [
        ("indirect", "dit nog niet genoeg is", "erkennen", "Dijkhoff")]


def test_infinitive_conjunct_is_no_cue() -> None:
    # "te stellen" is an infinitive; "zonder dat …" is no content of it.
    assert _quotes("Leraren geven minder overhoringen, maar toetsen dat met quizzen of door "
                   "vragen te stellen zonder dat daar een cijfer aan is gekoppeld.") == []
