"""Shared fixtures: paths to the shared data, the reference article, schema validation."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KRONIEK_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
REFERENCE = SHARED / "examples" / "nl-belgorod-2025-04.txt"

pytest_plugins: list[str] = []


def require(path: Path) -> Path:
    """The shared data is part of the checkout's environment: missing is an error, not a skip."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: tests need ../shared beside the checkout")
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return require(DATA)


@pytest.fixture(scope="session")
def reference_path() -> Path:
    return require(REFERENCE)


@pytest.fixture(scope="session")
def reference_doc(reference_path: Path) -> Any:
    """The reference article analysed once per test session."""
    from kroniek.analysis import analyze_article
    from kroniek.readers import read_text_file

    doc = analyze_article(read_text_file(reference_path))
    assert_valid(doc.to_json())
    return doc


def assert_valid(data: dict[str, Any]) -> None:
    """Every test that produces a document validates it against the schema."""
    from kroniek.schema import validate_document

    validate_document(data)


@pytest.fixture
def validate() -> Any:
    return assert_valid


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kroniek.sqlite"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: Any) -> None:
    """Never touch the real user's data folder from a test."""
    home = tmp_path_factory.getbasetemp() / "home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("KRONIEK_DB", raising=False)
