"""scripts/store_quality.py build: the store leaves out frozen articles and their syndicated copies."""

import importlib.util
import json
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "store_quality.py"
_spec = importlib.util.spec_from_file_location("store_quality", SCRIPT)
assert _spec and _spec.loader
store_quality = importlib.util.module_from_spec(_spec)
sys.modules["store_quality"] = store_quality
_spec.loader.exec_module(store_quality)


def test_build_skips_frozen_articles_and_copies_under_other_ids(tmp_path: Path) -> None:
    arts = [
        {"id": 1, "title": "Aanslag in  Utrecht", "text": "frozen"},
        {"id": 2, "title": "aanslag in Utrecht", "text": "the same story in another paper"},
        {"id": 3, "title": "Betoging in Den Haag", "text": "kept"},
        {"id": 4, "title": None, "text": "no title, kept"},
    ]
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    out = tmp_path / "store.jsonl"
    n, kept = store_quality.build(src, out, skip={1})
    assert (n, kept) == (4, 2)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [3, 4]
