"""Near-duplicate detection scored on real news texts (`kroniek eval dedup`).

There is no gold set of story versions, so the probes are made from real articles in a
fixed, documented way and the truth is known by construction:

- every article of the news file (with ≥ `MIN_WORDS` words) is indexed in file order;
  articles whose text is identical (white space and case folded) to an earlier one must
  join its story (`exact_duplicate_recall`);
- a *wire copy* of each of the first `probes` articles (a dateline added, every 50th word
  changed) must join its source's story as a copy (`copy_recall`);
- an *update* of each (90 words of an article from outside the index put on top, a new
  last sentence) must join its source's story (`update_recall`);
- a *rewrite* of each (every third sentence dropped, 60 words of an outside article on
  top) must join its source's story too (`rewrite_recall`);
- a probe joining any other story is an error (`story_precision` = 1 - its rate).

`linked_originals` counts the real articles that joined an earlier article's story: the
news file holds real copies (one story in several titles); it is reported, not scored.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

__all__ = ["format_dedup", "rewrite_of", "run_dedup_eval", "update_of", "wire_copy_of"]

MIN_WORDS = 150  # shorter texts have too few 5-shingles for a stable estimate


def wire_copy_of(text: str) -> str:
    words = text.split()
    for i in range(7, len(words), 50):
        words[i] = words[i][::-1]  # a changed word: another token, same length
    return "AMSTERDAM (ANP) - " + " ".join(words)


def update_of(text: str, extra: str) -> str:
    lead = " ".join(extra.split()[:90])
    return f"{lead}\n\n{text}\n\nDit bericht is bijgewerkt."


def rewrite_of(text: str, extra: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept = [s for i, s in enumerate(sentences) if i % 3 != 1]
    return " ".join(extra.split()[-60:]) + "\n\n" + " ".join(kept)


def _load(path: Path, limit: int | None) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec.get("text") or ""
            if len(text.split()) >= MIN_WORDS:
                out.append((str(rec.get("id", len(out))), text))
            if limit is not None and len(out) >= limit:
                break
    return out


def run_dedup_eval(
    path: str | Path, *, limit: int | None = None, probes: int = 200
) -> dict[str, Any]:
    """Scores of `kroniek.dedup` on the news file at `path` (see the module docstring)."""
    from kroniek.dedup import Deduplicator, signature

    articles = _load(Path(path), limit)
    n_probe = min(probes, len(articles) // 2)
    indexed, outside = articles[: len(articles) - n_probe], articles[len(articles) - n_probe :]
    index = Deduplicator()
    story: dict[str, str] = {}
    first_of_text: dict[str, str] = {}
    exact = exact_hit = linked = 0
    for key, text in indexed:
        sig = signature(text)
        verdict = index.check(sig)
        story[key] = index.add(key, sig, verdict)
        linked += verdict.relation != "new"
        folded = " ".join(text.lower().split())
        if folded in first_of_text:
            exact += 1
            exact_hit += story[key] == story[first_of_text[folded]]
        else:
            first_of_text[folded] = key
    found = {"copy": 0, "update": 0, "rewrite": 0}
    wrong = 0
    for (key, text), (_, extra) in zip(indexed[:n_probe], outside, strict=False):
        made = {"copy": wire_copy_of(text), "update": update_of(text, extra),
                "rewrite": rewrite_of(text, extra)}
        for kind, probe in made.items():
            verdict = index.check(signature(probe))
            if verdict.story_id == story[key]:
                found[kind] += kind != "copy" or verdict.relation == "copy"
            elif verdict.story_id is not None:
                wrong += 1
    n = max(1, n_probe)
    return {
        "articles_indexed": len(indexed),
        "probes": n_probe,
        "copy_recall": round(found["copy"] / n, 4),
        "update_recall": round(found["update"] / n, 4),
        "rewrite_recall": round(found["rewrite"] / n, 4),
        "story_precision": round(1 - wrong / (3 * n), 4),
        "exact_duplicates": exact,
        "exact_duplicate_recall": round(exact_hit / exact, 4) if exact else 1.0,
        "linked_originals": linked,
    }


def format_dedup(result: dict[str, Any]) -> str:
    width = max(len(k) for k in result)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in result.items())
