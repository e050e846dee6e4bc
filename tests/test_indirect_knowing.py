"""Dutch verbs of knowing, seeing and wanting are left to the surface rules by the parsed
clause reader (`kroniek.stages.clauses.ParsedClauses._knowing`): "wist dat …" reports
nothing; "wil dat …" and "weet niet of …" right after a source still do."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp() -> Callable[[Doc], Doc]:
    return build_pipeline(disable=("times", "places", "events"))


@pytest.mark.parametrize("text", [
    "Zo regelde Yousra een visum voor Turkije, zonder dat haar familie in Nederland wist dat ze "
    "daar heen zou gaan.",
    "De bemanning van het toestel heeft niet geweten dat het vreemde gedrag door de software "
    "werd veroorzaakt.",
])
def test_knowing_in_the_parse_reports_nothing(nlp: Callable[[Doc], Doc], text: str) -> None:
    assert [q for q in nlp(Doc(text=text, lang="nl")).quotes if q.kind != "direct"] == []


@pytest.mark.parametrize(("text", "content"), [
    ("Minister Jan de Groot wil dat de provincie zich alleen nog met kerntaken bezighoudt.",
     "de provincie zich alleen nog met kerntaken bezighoudt"),
    ("De burgemeester weet niet of de brug op tijd klaar is.", "of de brug op tijd klaar is"),
])
def test_wanting_after_a_source_still_reports(nlp: Callable[[Doc], Doc], text: str,
                                              content: str) -> None:
    quotes = nlp(Doc(text=text, lang="nl")).quotes
    assert [(q.kind, q.text) for q in quotes] == [("indirect", content)]
