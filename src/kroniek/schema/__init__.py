"""The JSON Schema of the `kroniek/1` document contract, and a validator for it."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from kroniek.errors import SchemaError

__all__ = ["SCHEMA_PATH", "check_offsets", "load_schema", "validate_document"]

SCHEMA_PATH = Path(__file__).with_name("kroniek-1.schema.json")


@cache
def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate_document(data: dict[str, Any]) -> None:
    """Raise SchemaError unless `data` is a valid `kroniek/1` document with sound offsets."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        path = "/".join(str(p) for p in first.absolute_path) or "(document)"
        raise SchemaError(
            f"{len(errors)} schema error(s); first at {path}: {first.message}",
            source=str(data.get("id", "<document>")),
        )
    problems = check_offsets(data)
    if problems:
        raise SchemaError(
            f"{len(problems)} offset problem(s); first: {problems[0]}",
            source=str(data.get("id", "<document>")),
        )


def check_offsets(data: dict[str, Any]) -> list[str]:
    """Every span lies inside the text, its `text` slices it exactly, ids are unique and
    every cross-reference points at an existing record."""
    text: str = data["text"]
    problems: list[str] = []
    ids: set[str] = set()
    for layer in ("blocks", "sentences", "entities", "places", "times", "quotes", "claims",
                  "events"):
        for i, rec in enumerate(data.get(layer, [])):
            where = f"{layer}[{i}]"
            rid = rec.get("id")
            if rid is not None:
                if rid in ids:
                    problems.append(f"{where}: duplicate id {rid!r}")
                ids.add(rid)
            spans = [(where, rec)]
            for key in ("cue", "trigger", "speaker", "source", "evidence"):
                sub = rec.get(key)
                if isinstance(sub, dict) and sub.get("start") is not None:
                    spans.append((f"{where}.{key}", sub))
            for name, sp in spans:
                if "start" not in sp:
                    continue
                s, e = sp["start"], sp["end"]
                if not (0 <= s <= e <= len(text)):
                    problems.append(f"{name}: span {s}-{e} outside the text")
                elif "text" in sp and sp["text"] is not None and text[s:e] != sp["text"]:
                    problems.append(f"{name}: text {sp['text']!r} != slice {text[s:e]!r}")
    refs = [("places", "entity"), ("claims", "events"), ("events", "claims"), ("events", "place")]
    for layer, key in refs:
        for i, rec in enumerate(data.get(layer, [])):
            val = rec.get(key)
            for ref in val if isinstance(val, list) else [val]:
                if ref is not None and ref not in ids:
                    problems.append(f"{layer}[{i}].{key}: unknown id {ref!r}")
    return problems
