"""The quote evaluations run on the full Dutch gold set and PolNeAR dev, and fail under
the floors pinned in kroniek/evaluation/floors.json (quotes-nl, quotes-polnear)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.evaluation import check_floors, load_floors
from kroniek.evaluation import quotes as q

ROOT = Path(__file__).resolve().parent.parent


def test_dutch_gold_is_above_its_floors() -> None:
    result = q.score_gold(q.load_gold(ROOT / "gold" / "quotes-nl"))
    assert result["articles"] >= 20
    assert check_floors("quotes-nl", q.flat_scores(result)) == []


def test_polnear_dev_is_above_its_floors(shared_data: Path) -> None:
    arts = q.load_polnear(shared_data / "quotes" / "polnear" / "dev")
    assert len(arts) >= 80
    result = q.score_polnear(arts)
    assert check_floors("quotes-polnear", q.flat_scores(result)) == []


def test_floors_are_pinned() -> None:
    floors = load_floors()
    assert {"direct_f1", "indirect_f1", "speaker_accuracy"} <= set(floors["quotes-nl"])
    assert "attribution_overlap_f1" in floors["quotes-polnear"]


def test_a_score_under_the_floor_is_reported() -> None:
    assert check_floors("quotes-nl", {"direct_f1": 0.1, "indirect_f1": 0.9,
                                      "speaker_accuracy": 0.99})


@pytest.mark.parametrize(
    ("pred", "gold", "exact", "n"),
    [
        ([[(0, 5)]], [[(3, 9)]], False, 1),    # overlap
        ([[(0, 5)]], [[(3, 9)]], True, 0),     # not exact
        ([[(0, 12)]], [[(0, 4)], [(6, 12)]], False, 1),  # one-to-one
        ([[(1, 5)]], [[(0, 6)]], True, 1),     # quotation marks trimmed for exact
    ],
)
def test_span_matching(pred: list, gold: list, exact: bool, n: int) -> None:
    text = '"abc" defghi'
    assert len(q.match_spans(text, pred, gold, exact=exact)) == n


def test_bad_gold_path_is_a_clear_error(tmp_path: Path) -> None:
    from kroniek.errors import InputError

    (tmp_path / "x.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not JSON"):
        q.load_gold(tmp_path)
    with pytest.raises(InputError, match="PolNeAR"):
        q.load_polnear(tmp_path)
