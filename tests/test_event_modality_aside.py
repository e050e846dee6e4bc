"""An aside in brackets is read on its own (issue #13, session 28)."""

from __future__ import annotations

import kroniek
from kroniek.stages.events.modality import masked_text


def test_negation_outside_the_aside_does_not_reach_in() -> None:
    doc = kroniek.analyze("Sympathisanten schuwen geweld niet (bij demonstraties tegen Pegida worden wapens "
                          "en vuurwerk aangetroffen), en ageren tegen extreemrechts.", published="2019-03-25", lang="nl")
    assert [e.modality for e in doc.events if e.trigger.text == "demonstraties"] == ["habitual"]


def test_masked_text_keeps_only_the_aside_that_holds_the_trigger() -> None:
    text = "De politie zei niets (bij de betoging in Parijs werd een man opgepakt) over de zaak."
    doc = kroniek.analyze(text, published="2019-03-25", lang="nl")
    k = text.index("opgepakt")
    masked = masked_text(doc, k, k + len("opgepakt"))
    assert "niets" not in masked and "werd een man opgepakt" in masked


def test_an_aside_not_holding_the_trigger_is_blanked() -> None:
    text = "Zaterdag werd in Parijs een betoger opgepakt (de politie wil niet zeggen wie)."
    doc = kroniek.analyze(text, published="2019-03-25", lang="nl")
    k = text.index("opgepakt")
    assert "niet" not in masked_text(doc, k, k + len("opgepakt"))
