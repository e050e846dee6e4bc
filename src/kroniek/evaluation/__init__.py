"""Scorers for every extractor, and the floors pinned in CI (`floors.json`)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

__all__ = ["FLOORS_PATH", "check_floors", "load_floors", "shared_data_dir"]

FLOORS_PATH = Path(__file__).with_name("floors.json")


def shared_data_dir() -> Path:
    """Where the evaluation data sets are: `$KRONIEK_SHARED_DATA`, `$KRONIEK_SHARED/data`,
    or `shared/data` beside the checkout (or beside the working directory)."""
    if os.environ.get("KRONIEK_SHARED_DATA"):
        return Path(os.environ["KRONIEK_SHARED_DATA"])
    if os.environ.get("KRONIEK_SHARED"):
        return Path(os.environ["KRONIEK_SHARED"]) / "data"
    checkout = Path(__file__).resolve().parents[3]
    for base in (checkout.parent, Path.cwd().parent, Path.cwd()):
        if (base / "shared" / "data").is_dir():
            return base / "shared" / "data"
    return checkout.parent / "shared" / "data"


def load_floors() -> dict[str, dict[str, float]]:
    return json.loads(FLOORS_PATH.read_text(encoding="utf-8")) if FLOORS_PATH.exists() else {}


def check_floors(name: str, scores: dict[str, Any]) -> list[str]:
    """Messages for every score of evaluation `name` that is below its pinned floor."""
    floors = load_floors().get(name, {})
    return [
        f"{name}: {metric} = {scores.get(metric)} is below its floor {floor}"
        for metric, floor in floors.items()
        if not isinstance(scores.get(metric), int | float) or scores[metric] < floor
    ]
