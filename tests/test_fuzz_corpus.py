"""The corpus sweep (#17): real texts from every corpus in `../shared/data` are analysed
and none may raise. CI analyses a fixed sample of each corpus; `KRONIEK_SWEEP=all`
analyses every text (the figure in the issue's closing note).
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from kroniek.analysis import analyze_article
from kroniek.evaluation import shared_data_dir
from kroniek.readers import read_jsonl
from kroniek.readers.base import Article

# Texts per corpus in CI: ~60 articles in all, about a minute on one core.
PER_CORPUS = 8
# Novels and sentence lists are cut into pieces of about this many characters.
PIECE = 20_000


def _pieces(path: Path, name: str) -> Iterator[Article]:
    text = path.read_text(encoding="utf-8", errors="replace")
    for i in range(0, len(text), PIECE):
        yield Article(text=text[i : i + PIECE], source=f"{name}@{i}")


def corpora(data: Path) -> dict[str, list[Article]]:
    """Every corpus's texts, as articles (read lazily would not let us sample)."""
    out: dict[str, list[Article]] = {}
    news = data / "news" / "dpgmedia2019-nl.jsonl"
    out["news/dpgmedia2019-nl"] = list(read_jsonl(news, on_error=lambda e: None))
    for corpus in ("LGL", "GeoVirus"):
        folder = data / "geo" / "eupeg" / "texts" / corpus
        out[f"geo/{corpus}"] = [Article(text=p.read_text(encoding="utf-8", errors="replace"),
                                        source=str(p)) for p in sorted(folder.iterdir())
                                if p.is_file()]
    for part in ("train", "dev"):
        folder = data / "quotes" / "polnear" / part / "text"
        out[f"polnear/{part}"] = [Article(text=p.read_text(encoding="utf-8"), source=str(p))
                                  for p in sorted(folder.glob("*.txt"))]
    out["openboek"] = [a for p in sorted((data / "quotes" / "openboek" / "original")
                                         .glob("*.txt")) for a in _pieces(p, p.name)]
    out["raw/nl"] = [a for p in sorted((data / "raw" / "nl").glob("*.sents"))
                     for a in _pieces(p, p.name)]
    return out


def _sample() -> list[tuple[str, Article]]:
    data = shared_data_dir()
    if not data.is_dir():
        raise FileNotFoundError(f"{data} is missing: the sweep needs ../shared/data")
    rng = random.Random(17)
    picked: list[tuple[str, Article]] = []
    for name, articles in corpora(data).items():
        assert articles, f"corpus {name} is empty or missing"
        chosen = articles if os.environ.get("KRONIEK_SWEEP") == "all" else rng.sample(
            articles, min(PER_CORPUS, len(articles)))
        picked += [(name, a) for a in chosen if a.text.strip()]
    return picked


def test_every_sampled_corpus_text_analyses(capsys: pytest.CaptureFixture[str]) -> None:
    failures: list[str] = []
    sample = _sample()
    for name, article in sample:
        try:
            doc = analyze_article(article)
            json.dumps(doc.to_json(), ensure_ascii=False).encode("utf-8")
        except Exception as exc:  # the sweep's point: any exception is a finding
            failures.append(f"{name} {article.source}: {type(exc).__name__}: {exc}")
    with capsys.disabled():
        print(f"\ncorpus sweep: {len(sample)} texts, {len(failures)} failures")
    assert not failures, "\n".join(failures[:20])
