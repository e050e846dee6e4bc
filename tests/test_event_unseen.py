"""The unseen-word estimate of event detection (`kroniek.evaluation.events`): which gold
trigger words a lexicon written from other articles would not know, and how many of their
events the system finds."""

from __future__ import annotations

from collections import Counter
from typing import Any

import kroniek
from kroniek.evaluation.events import trigger_key, unseen_keys, unseen_recall


def rec(*triggers: str) -> dict[str, Any]:
    return {"events": [{"trigger": t, "anchor": t, "sub_type": "Attack"} for t in triggers]}


def test_trigger_key_is_the_first_word_s_first_five_letters() -> None:
    assert trigger_key("Aanvallen") == trigger_key("aanval") == "aanva"
    assert trigger_key("gooiden activisten kilo's asbest neer") == "gooid"
    assert trigger_key("vergeldingsaanval") == "verge"
    assert trigger_key("") == trigger_key("...") == ""


def test_unseen_keys_are_the_test_words_no_training_article_has() -> None:
    test = [rec("bestookte", "aanval"), rec("beklad")]
    train = [rec("aanvallen", "demonstratie"), rec("")]
    assert unseen_keys(test, train) == {"besto", "bekla"}
    assert unseen_keys(test, test) == set()


def test_unseen_recall_counts_the_unseen_events_found() -> None:
    text = "Het leger bombardeerde dinsdag de stad Aleppo. Het weer was goed in Utrecht."
    doc = kroniek.analyze(text, published="2019-03-01", lang="nl", events="rules")
    assert any(e.trigger.text == "bombardeerde" for e in doc.events)
    gold = [
        {"trigger": "bombardeerde", "anchor": "Het leger bombardeerde dinsdag de stad", "sub_type": "Air/drone strike"},
        {"trigger": "weer", "anchor": "Het weer was goed", "sub_type": "Attack"},
        {"trigger": "bombardeerde", "anchor": "bombardeerde", "modality": "future", "sub_type": "Air/drone strike"},
    ]
    counts: Counter[str] = Counter()
    unseen_recall(doc, gold, {"bomba", "weer"}, counts)
    assert counts == Counter({"gold": 2, "found": 1})  # the future event is not counted
    unseen_recall(doc, gold, {"weer"}, counts)
    assert counts == Counter({"gold": 3, "found": 1})
