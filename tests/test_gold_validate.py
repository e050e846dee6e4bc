"""The events gold validator (gold/events-nl/validate.py): the dev gold passes, broken files fail."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = 10755166  # a round-1 dev article: "Bloedbad in Mali onderwerp van onderzoek VN"


@pytest.fixture(scope="module")
def validate() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gold_validate", ROOT / "gold" / "events-nl" / "validate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def articles(validate: ModuleType, shared_data: Path) -> dict[int, dict[str, Any]]:
    return validate.load_articles(shared_data / "news" / "dpgmedia2019-nl.jsonl")


def _write(folder: Path, record: dict[str, Any]) -> Path:
    path = folder / f"{record['article']['id']}.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


def _record(
    articles: dict[int, dict[str, Any]], events: list[dict[str, Any]], **article: Any
) -> dict[str, Any]:
    src = articles[ARTICLE]
    meta = {
        "id": ARTICLE,
        "source": "dpgmedia2019-nl.jsonl",
        "published": src["published_at"][:10],
        "title": src["title"],
        "chars": len(src["text"]),
        **article,
    }
    return {"split": "frozen-test", "article": meta, "events": events}


def test_dev_gold_folder_has_no_problems(validate: ModuleType, shared_data: Path) -> None:
    news = shared_data / "news" / "dpgmedia2019-nl.jsonl"
    assert validate.main([str(ROOT / "gold" / "events-nl"), "--news", str(news)]) == 0


def test_a_good_event_passes(
    validate: ModuleType, articles: dict[int, dict[str, Any]], tmp_path: Path
) -> None:
    event = {
        "id": "g1",
        "anchor": "het bloedbad",
        "trigger": "bloedbad",
        "mentions": [],
        "type": "Violence against civilians",
        "sub_type": "Attack",
        "modality": "asserted",
        "place": None,
        "date": {"from": "2019-03-23", "to": "2019-03-23"},
        "actor1": [],
        "actor2": [],
        "fatalities": 157,
    }
    path = _write(tmp_path, _record(articles, [event]))
    assert validate.check_file(path, articles, validate.acled_sub_types()) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"anchor": "een zin die niet in het artikel staat"}, "anchor is not in the article text"),
        ({"trigger": "aanslag"}, "is not inside the anchor"),
        ({"mentions": ["niet in de tekst"]}, "mention is not in the article text"),
        ({"sub_type": "Armed clash"}, "is not a sub-type of"),
        ({"type": "Terrorism"}, "is not an ACLED event type"),
        ({"modality": "possible"}, "modality 'possible'"),
        ({"date": {"from": "23-03-2019", "to": "2019-03-23"}}, "is not YYYY-MM-DD"),
        ({"date": {"from": "2019-03-24", "to": "2019-03-23"}}, "is after to"),
        ({"fatalities": -1}, "fatalities must be a count"),
        (
            {
                "place": {
                    "name": "Mali",
                    "lat": 17.0,
                    "lon": -4.0,
                    "precision": "city",
                    "country_code": "ML",
                }
            },
            "place precision 'city'",
        ),
    ],
)
def test_a_broken_event_is_reported(
    validate: ModuleType,
    articles: dict[int, dict[str, Any]],
    tmp_path: Path,
    change: dict[str, Any],
    expected: str,
) -> None:
    event = {
        "id": "g1",
        "anchor": "het bloedbad",
        "trigger": "bloedbad",
        "mentions": [],
        "type": "Violence against civilians",
        "sub_type": "Attack",
        "place": None,
        "date": None,
        "actor1": [],
        "actor2": [],
        "fatalities": None,
        **change,
    }
    path = _write(tmp_path, _record(articles, [event]))
    problems = validate.check_file(path, articles, validate.acled_sub_types())
    assert any(expected in p for p in problems), problems


def test_article_fields_and_no_event_are_checked(
    validate: ModuleType, articles: dict[int, dict[str, Any]], tmp_path: Path
) -> None:
    path = _write(tmp_path, _record(articles, [], chars=1))
    problems = validate.check_file(path, articles, validate.acled_sub_types())
    assert any("article chars 1" in p for p in problems)
    assert any("needs 'no_event': true" in p for p in problems)
    path = _write(tmp_path, _record(articles, [], no_event=True))
    assert validate.check_file(path, articles, validate.acled_sub_types()) == []
