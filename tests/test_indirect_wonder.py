""""X vraagt zich af hoe/of …" reports a thought (`lang/nl/quotes.py`, NON_SPEECH)."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline


def test_vraagt_zich_af_reports_the_question() -> None:
    nlp = build_pipeline(disable=("times", "places", "events"))
    text = "Directeur Anna de Boer vraagt zich dan ook af hoe het zo ver heeft kunnen komen."
    quotes = nlp(Doc(text=text, lang="nl")).quotes
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "hoe het zo ver heeft kunnen komen")]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Anna de Boer"
