"""Near-duplicates: wire copies and updated versions join one story; other news does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.dedup import Deduplicator, Signature, StoreVersions, shingles, signature


@pytest.fixture(scope="module")
def stories(shared_data: Path) -> list[str]:
    """Real news texts of 150+ words (unrelated stories), from the shared news file."""
    out: list[str] = []
    with (shared_data / "news" / "dpgmedia2019-nl.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text", "")
            if 150 <= len(text.split()) <= 300:  # long enough for shingles, quick to analyse
                out.append(text)
            if len(out) == 4:
                break
    return out


def wire_copy(text: str) -> str:
    """The same story as another outlet runs it: a few words changed, a line added."""
    words = text.split()
    for i in range(7, len(words), 60):
        words[i] = words[i].upper() + "!"
    return "(ANP) " + " ".join(words) + " Meer nieuws volgt."


def updated(text: str, extra: str) -> str:
    """The story later in the day: two paragraphs added at the top."""
    return " ".join(extra.split()[:90]) + "\n\n" + text


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("Een, twee; DRIE vier vijf zes.") == {
        "een twee drie vier vijf", "twee drie vier vijf zes"
    }
    assert shingles("kort bericht") == {"kort bericht"} and shingles("  ") == set()


def test_copy_update_and_unrelated(stories: list[str]) -> None:
    base, other, third, _ = stories
    index = Deduplicator()
    first = signature(base)
    assert index.check(first).relation == "new"
    assert index.add("a", first, index.check(first)) == "a"
    assert index.add("b", signature(other), index.check(signature(other))) == "b"

    copy = index.check(signature(wire_copy(base)))
    assert (copy.relation, copy.story_id, copy.matched) == ("copy", "a", "a")
    assert copy.jaccard >= 0.85

    upd_sig = signature(updated(base, third))
    upd = index.check(upd_sig)
    assert (upd.relation, upd.story_id) == ("update", "a")
    assert upd.containment >= 0.8
    # A later version matched through the update still joins the first article's story.
    assert index.add("c", upd_sig, upd) == "a"
    assert index.check(signature(third)).relation == "new"


def test_signature_round_trips_as_text(stories: list[str]) -> None:
    sig = signature(stories[0])
    back = Signature.from_text(sig.to_text(), sig.size)
    assert back.size == sig.size and back.minhash.jaccard(sig.minhash) == 1.0


def test_ingest_stores_versions_of_one_story(stories: list[str], tmp_path: Path) -> None:
    from kroniek.cli.store_commands import ingest_articles
    from kroniek.store import open_store

    base, other, third, fourth = stories
    records = [
        {"id": "1", "title": "Origineel", "text": base, "outlet": "Krant A"},
        {"id": "2", "title": "Origineel (ANP)", "text": wire_copy(base), "outlet": "Krant B"},
        {"id": "3", "title": "Los verhaal", "text": other},
        {"id": "4", "title": "Bijgewerkt", "text": updated(base, third)},
    ]
    data = tmp_path / "news.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = str(tmp_path / "k.sqlite")
    result = ingest_articles([str(data)], db=db, show_progress=False)
    assert result["added"] == 4

    store = open_store(db)
    try:
        rows = store._rows(  # type: ignore[attr-defined]
            "SELECT a.title, v.story_id, v.relation FROM article_versions v "
            "JOIN articles a ON a.id = v.article_id"
        )
        by_title = {r["title"]: r for r in rows}
        story = by_title["Origineel"]["story_id"]
        assert by_title["Origineel"]["relation"] == "new"
        assert (by_title["Origineel (ANP)"]["story_id"], by_title["Origineel (ANP)"]["relation"]) \
            == (story, "copy")
        assert (by_title["Bijgewerkt"]["story_id"], by_title["Bijgewerkt"]["relation"]) \
            == (story, "update")
        assert by_title["Los verhaal"]["story_id"] != story
        versions = StoreVersions.open(store)
        assert versions is not None
        assert [v["title"] for v in versions.versions(story)] == [
            "Origineel", "Origineel (ANP)", "Bijgewerkt"
        ]
        # The index is rebuilt from the store: a new copy in a later run finds the story.
        assert versions.check(wire_copy(base))[1].story_id == story
        assert versions.check(fourth)[1].relation == "new"
    finally:
        store.close()


def test_eval_dedup_meets_its_floors(shared_data: Path) -> None:
    from kroniek.evaluation import check_floors
    from kroniek.evaluation.dedup import run_dedup_eval

    result = run_dedup_eval(shared_data / "news" / "dpgmedia2019-nl.jsonl", limit=300,
                            probes=100)
    assert result["probes"] == 100 and result["exact_duplicates"] > 0
    assert check_floors("dedup", result) == []
