"""`kroniek info`: which store, what it holds, and which models and gazetteer read it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from kroniek.cli.output import CREATE, DB, open_reading_store

__all__ = ["info_command", "store_info"]

COUNTED = ("articles", "events", "incidents", "quotes", "claims", "places", "entities")


def _models() -> dict[str, Any]:
    from kroniek.stages.linguistic import model_path

    out: dict[str, Any] = {}
    for lang in ("nl", "en"):
        meta = model_path(lang) / "meta.json"
        if not meta.is_file():
            out[lang] = None
            continue
        data = json.loads(meta.read_text(encoding="utf-8"))
        out[lang] = {"name": data.get("name"), "version": data.get("version"),
                     "pipeline": data.get("pipeline")}
    return out


def _gazetteer() -> dict[str, Any]:
    try:
        from kroniek.gazetteer import load_gazetteer

        gaz = load_gazetteer()
        return {"files": [str(p) for p in gaz.paths], "places": gaz.stats()}
    except Exception as exc:  # info reports a broken gazetteer, it does not fail on it
        return {"error": str(exc)}


def store_info(store: Any, target: str) -> dict[str, Any]:
    """What `kroniek info` prints, as data."""
    from importlib.metadata import version

    counts = {t: store.count(t) for t in COUNTED}
    facets = store.facets()
    size = Path(target).stat().st_size if Path(target).is_file() else None
    migrations = store.applied_migrations() if hasattr(store, "applied_migrations") else []
    return {
        "kroniek": version("kroniek"),
        "store": {"target": target, "backend": getattr(store, "dialect", "?"),
                  "bytes": size, "migrations": migrations},
        "counts": counts,
        "dates": facets["dates"],
        "models": _models(),
        "gazetteer": _gazetteer(),
    }


def info_command(
    db: str | None = DB, create: bool = CREATE,
    as_json: bool = typer.Option(False, "--json", help="One JSON object instead of text."),
) -> None:
    """Say which store is used, how much it holds, and the model and gazetteer versions.

    Example:  kroniek info --db chronicle.sqlite
    """
    from kroniek.store import default_store_path

    target = str(db) if db is not None else str(default_store_path())
    with open_reading_store(db, create=create) as store:
        info = store_info(store, target)
    if as_json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return
    st = info["store"]
    size = f", {st['bytes'] / 1e6:.1f} MB" if st["bytes"] else ""
    lines = [f"kroniek {info['kroniek']}",
             f"store      {st['target']} ({st['backend']}{size})",
             f"migrations {', '.join(st['migrations']) or '-'}"]
    lines.append("counts     " + ", ".join(f"{v} {k}" for k, v in info["counts"].items()))
    d = info["dates"] or {}
    lines.append(f"events     {d.get('first') or '-'} .. {d.get('last') or '-'}")
    for lang, m in info["models"].items():
        lines.append(f"model {lang}   " + (f"{m['name']} {m['version']} "
                                           f"({', '.join(m['pipeline'] or [])})"
                                           if m else "missing"))
    g = info["gazetteer"]
    lines.append("gazetteer  " + (g["error"] if "error" in g else
                                  ", ".join(f"{k}: {v} places" for k, v in g["places"].items())))
    print("\n".join(lines))
