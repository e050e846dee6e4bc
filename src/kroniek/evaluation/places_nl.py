"""The Dutch places check: 100 DPG articles' places checked by hand (`gold/places-nl`).

The gold (`gold.json`, made from `annotations.tsv` by `gold/places-nl/make_gold.py`
without kroniek) lists, per article, every name the annotator read as a place, with its
country and the GeoNames entries that are right for it, and the capitalised names that
are not places there (organisations, clubs, people, languages, titles), with their kind.
One name has one reading in one article, so the gold is keyed by the name as written.

Each place kroniek resolves in an article (title and text, analysed as Dutch) is scored:

- **right entry**: its geonameid is one the gold accepts for that name;
- **right country**: its country is the gold country (or its entry is right);
- a name the gold lists as **not a place** counts against both, by kind;
- a name the gold does not list at all is **unjudged** (listed, so that it can be read
  and annotated; counted against both meanwhile).

Places kroniek locates only by the fallback (a name the gazetteer lacks, placed in the
region of a nearby place) are scored apart: they are not a claim about an entry.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kroniek.errors import InputError

__all__ = ["DEFAULT_GOLD", "DutchPlaceScores", "evaluate_places_nl", "format_places_nl"]

DEFAULT_GOLD = Path("gold/places-nl")


@dataclass(slots=True)
class DutchPlaceScores:
    articles: int = 0
    resolved: int = 0
    right_entry: int = 0
    right_country: int = 0
    non_places: Counter[str] = field(default_factory=Counter)
    unjudged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    fallbacks: int = 0
    fallback_right_country: int = 0
    gold_places: int = 0
    found: int = 0

    def as_dict(self) -> dict[str, Any]:
        n = max(self.resolved, 1)
        return {"articles": self.articles, "resolved": self.resolved,
                "right_country": round(self.right_country / n, 4),
                "right_entry": round(self.right_entry / n, 4),
                "non_places": dict(self.non_places), "unjudged": len(self.unjudged),
                "fallbacks": self.fallbacks,
                "fallback_right_country": round(self.fallback_right_country / max(self.fallbacks, 1), 4),
                "recall": round(self.found / max(self.gold_places, 1), 4)}  # fmt: skip


def _load(gold_dir: Path) -> dict[str, dict[str, dict[str, Any]]]:
    path = gold_dir / "gold.json"
    if not path.exists():
        raise InputError("Dutch places gold not found", source=str(path),
                         hint="run python gold/places-nl/make_gold.py, or pass --gold")  # fmt: skip
    gold = dict(json.loads(path.read_text(encoding="utf-8"))["articles"])
    chosen = gold_dir / "articles.json"  # articles without a place or name are in the check too
    if chosen.exists():
        for art in json.loads(chosen.read_text(encoding="utf-8"))["articles"]:
            gold.setdefault(str(art), {})
    return gold


def _texts(news: Path, ids: set[str]) -> dict[str, str]:
    if not news.exists():
        raise InputError("news file not found", source=str(news),
                         hint="pass --news with the DPG JSONL the gold articles come from")  # fmt: skip
    out = {}
    with news.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if str(rec.get("id")) in ids:
                out[str(rec["id"])] = f"{rec.get('title') or ''}\n\n{rec.get('text') or ''}".strip()
    return out


def evaluate_places_nl(gold_dir: Path = DEFAULT_GOLD, *, news: Path | None = None) -> DutchPlaceScores:
    """Analyse every gold article (places stage and what it needs) and score its places."""
    from kroniek.analysis import make_doc
    from kroniek.evaluation import shared_data_dir
    from kroniek.evaluation.geo import places_pipeline

    gold = _load(gold_dir)
    texts = _texts(news or shared_data_dir() / "news" / "dpgmedia2019-nl.jsonl", set(gold))
    nlp = places_pipeline()
    sc = DutchPlaceScores()
    for art, names in gold.items():
        if art not in texts:
            raise InputError(f"article {art} is not in the news file", source=str(gold_dir),
                             hint="pass --news with the DPG JSONL the gold articles come from")  # fmt: skip
        doc = nlp(make_doc(texts[art], lang="nl"))
        sc.articles += 1
        found = set()
        for p in doc.places:
            if p.lat is None:
                continue
            _score_place(sc, art, p, names.get(p.text))
            found.add(p.text)
        places = [n for n, g in names.items() if "geonameids" in g]
        sc.gold_places += len(places)
        sc.found += sum(1 for n in places if n in found)
    return sc


def _score_place(sc: DutchPlaceScores, art: str, p: Any, g: dict[str, Any] | None) -> None:
    label = f"{art} {p.text!r} → {p.name} ({p.feature_code}, {p.country_code}, {p.geonameid})"
    fallback = (p.note or "").startswith(f"'{p.text}' has no fitting gazetteer entry")
    if fallback:
        sc.fallbacks += 1
        if g is not None and g.get("country") == p.country_code:
            sc.fallback_right_country += 1
        return
    sc.resolved += 1
    if g is None:
        sc.unjudged.append(label)
        return
    kind = str(g["kind"])
    if kind.startswith("not:"):
        sc.non_places[kind[4:]] += 1
        sc.errors.append(f"{label}: not a place here ({kind[4:]})")
        return
    entry = p.geonameid in g.get("geonameids", [])
    country = entry or (g.get("country") is not None and g["country"] == p.country_code)
    sc.right_entry += entry
    sc.right_country += country
    if not entry:
        want = g.get("geonameids") or "no entry"
        sc.errors.append(f"{label}: {'right country, ' if country else ''}gold {g.get('country')} {want}")


def format_places_nl(sc: DutchPlaceScores, *, errors: bool = False) -> str:
    d = sc.as_dict()
    lines = [
        f"articles {d['articles']}, places resolved to an entry {d['resolved']}",
        f"right country   {d['right_country']:.3f}   ({sc.right_country}/{sc.resolved})",
        f"right entry     {d['right_entry']:.3f}   ({sc.right_entry}/{sc.resolved})",
        "not places resolved: " + (", ".join(f"{k} {v}" for k, v in sorted(sc.non_places.items())) or "none"),
        f"unjudged (not in the gold) {len(sc.unjudged)}",
        f"fallbacks {sc.fallbacks} (right country {sc.fallback_right_country})",
        f"gold places found (by name) {d['recall']:.3f}   ({sc.found}/{sc.gold_places})",
    ]  # fmt: skip
    if errors:
        lines += ["", "errors:"] + [f"  {e}" for e in sc.errors]
        lines += ["", "unjudged:"] + [f"  {u}" for u in sc.unjudged]
    return "\n".join(lines)
