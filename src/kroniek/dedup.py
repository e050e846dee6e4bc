"""Near-duplicate articles: wire copies and updated versions of one story.

Each article's text is cut into word 5-shingles and summarised by a MinHash signature
(datasketch, 128 permutations). An LSH index finds earlier articles that share many
shingles; for each candidate the Jaccard similarity and the containment (the share of the
shorter text's shingles found in the longer) are estimated from the signatures:

- `copy`: Jaccard ≥ `COPY_JACCARD` and about the same length (`COPY_SIZE_RATIO`) — the
  same text with small edits (a wire story as another outlet ran it, a corrected typo);
- `update`: Jaccard ≥ `UPDATE_JACCARD`, or containment ≥ `UPDATE_CONTAINMENT` — the story
  rewritten or extended as news came in;
- otherwise a new story.

A copy or update joins the story of the article it matched (`story_id`: the story's first
article), so the store keeps one story with its versions instead of unrelated articles.
In the store the signatures live in the `article_versions` table (migration
`0003_article_versions`), read back into the index when a run starts.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "COPY_JACCARD",
    "COPY_SIZE_RATIO",
    "UPDATE_CONTAINMENT",
    "UPDATE_JACCARD",
    "Deduplicator",
    "Signature",
    "StoreVersions",
    "Verdict",
    "shingles",
    "signature",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

NUM_PERM = 128  # estimates within ~±0.09 (2σ) of the true Jaccard; 1 KB per article
SHINGLE = 5  # words per shingle: common phrases (3-grams) would link unrelated stories
# Chosen by hand on constructed cases from the news file (`kroniek eval dedup`), not
# tuned on a labelled set: a copy with ~2% of its words changed scores J ≈ 0.8, a story
# with a paragraph put on top J ≈ 0.6-0.8 (so length tells the two apart), unrelated
# news about the same subject under 0.1.
COPY_JACCARD = 0.7
COPY_SIZE_RATIO = 0.9  # shingle counts within 10%: a copy, not a longer version
# 0.5/0.8 found 44% of rewrites (a third of the sentences dropped, a new lead), 0.4/0.7
# 87% and linked 2 more real pairs in the news file, both the same story retitled;
# 0.35/0.65 found 95% of rewrites and no more real pairs. The middle is kept: news of one
# conflict repeats phrases across different stories.
UPDATE_JACCARD = 0.4
UPDATE_CONTAINMENT = 0.7
MIN_SHINGLES_FOR_CONTAINMENT = 30  # a short brief inside a long article is not a version
LSH_THRESHOLD = 0.3  # candidates below UPDATE_JACCARD, so containment cases are found

Relation = Literal["new", "copy", "update"]
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, *, k: int = SHINGLE) -> set[str]:
    """Word k-shingles of the text, lower-cased, punctuation and white space ignored."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


@dataclass(slots=True)
class Signature:
    minhash: Any  # datasketch.LeanMinHash
    size: int  # number of distinct shingles

    def to_text(self) -> str:
        """`<hash scheme>:<hash values in base64>`: text, the same on SQLite and PostgreSQL."""
        values = base64.b64encode(self.minhash.hashvalues.astype("<u8").tobytes()).decode()
        return f"{self.minhash.scheme}:{values}"

    @classmethod
    def from_text(cls, text: str, size: int) -> Signature:
        import numpy as np
        from datasketch import LeanMinHash

        scheme, _, b64 = text.rpartition(":")
        values = np.frombuffer(base64.b64decode(b64), dtype="<u8").astype(np.uint64)
        return cls(LeanMinHash(seed=1, hashvalues=values, scheme=scheme or "legacy"), size)


def signature(text: str) -> Signature:
    from datasketch import LeanMinHash, MinHash

    sh = shingles(text)
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch([s.encode("utf-8") for s in sh])
    return Signature(LeanMinHash(mh), len(sh))


@dataclass(slots=True)
class Verdict:
    relation: Relation
    story_id: str | None = None  # the story joined (None for a new story)
    matched: str | None = None  # the article it matched best
    jaccard: float = 0.0
    containment: float = 0.0


def _size_ratio(a: Signature, b: Signature) -> float:
    return min(a.size, b.size) / max(a.size, b.size, 1)


def _compare(a: Signature, b: Signature) -> tuple[float, float]:
    j = float(a.minhash.jaccard(b.minhash))
    if min(a.size, b.size) < MIN_SHINGLES_FOR_CONTAINMENT:
        return j, j
    inter = j * (a.size + b.size) / (1.0 + j)  # |A∩B| from J and the set sizes
    return j, min(1.0, inter / min(a.size, b.size))


@dataclass
class Deduplicator:
    """An LSH index over the articles seen (or stored); `check` then `add` each article."""

    _lsh: Any = field(default=None, init=False, repr=False)
    _sigs: dict[str, Signature] = field(default_factory=dict, init=False, repr=False)
    _story: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)

    def __len__(self) -> int:
        return len(self._sigs)

    def check(self, sig: Signature) -> Verdict:
        """How an article with this signature relates to those already added."""
        if sig.size == 0:
            return Verdict("new")
        best: Verdict = Verdict("new")
        for key in self._lsh.query(sig.minhash):
            j, c = _compare(sig, self._sigs[key])
            if j >= COPY_JACCARD and _size_ratio(sig, self._sigs[key]) >= COPY_SIZE_RATIO:
                relation: Relation = "copy"
            elif j >= UPDATE_JACCARD or c >= UPDATE_CONTAINMENT:
                relation = "update"
            else:
                continue
            if (j, c) > (best.jaccard, best.containment):
                best = Verdict(relation, self._story[key], key, round(j, 4), round(c, 4))
        return best

    def add(self, article_id: str, sig: Signature, verdict: Verdict) -> str:
        """Index an article; returns its story id."""
        story = verdict.story_id or article_id
        if article_id in self._sigs or sig.size == 0:
            return self._story.get(article_id, story)
        self._lsh.insert(article_id, sig.minhash)
        self._sigs[article_id] = sig
        self._story[article_id] = story
        return story

    def load(self, rows: Iterable[tuple[str, str, str, int]]) -> None:
        """Fill the index from (article_id, story_id, signature text, size) rows."""
        for article_id, story_id, text, size in rows:
            sig = Signature.from_text(text, size)
            self.add(article_id, sig, Verdict("new", story_id))


class StoreVersions:
    """Dedup over a kroniek SQL store (SQLite or PostgreSQL): its `article_versions` table.

    The store's `add` records each article through `record_in`, in the article's own
    transaction; `check` tells how a text relates to the stored ones without storing it.
    """

    def __init__(self, store: Any) -> None:
        self.store = store
        self.index = Deduplicator()
        rows = store._rows(
            "SELECT article_id, story_id, signature, n_shingles FROM article_versions"
        )
        self.index.load(
            (r["article_id"], r["story_id"], r["signature"], r["n_shingles"]) for r in rows
        )
        self.repair()

    def repair(self) -> int:
        """Give every stored article without a story row one (stores written before story
        rows were part of the article's transaction); returns how many were missing."""
        missing = self.store._rows(
            "SELECT a.id, a.text FROM articles a LEFT JOIN article_versions v"
            " ON v.article_id = a.id WHERE v.article_id IS NULL ORDER BY a.ingested_at, a.id"
        )
        for row in missing:
            with self.store._tx() as cur:
                self.record_in(cur, row["id"], row["text"])
        return len(missing)

    def record_in(self, cur: Any, article_id: str, text: str) -> str:
        """Check and record an article inside the caller's write transaction (the store's
        `add`): the story row commits with the article. Returns its story id."""
        sig, verdict = self.check(text)
        story = self.index.add(article_id, sig, verdict)
        self.store._exec(
            cur,
            "INSERT INTO article_versions (article_id, story_id, relation, similarity,"
            " n_shingles, signature, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (article_id) DO NOTHING",
            (article_id, story, verdict.relation, verdict.jaccard, sig.size, sig.to_text(),
             dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")),
        )
        return story

    @classmethod
    def open(cls, store: Any) -> StoreVersions | None:
        """Versions over `store`, or None for a store that is not a kroniek SQL store."""
        if not (hasattr(store, "_rows") and hasattr(store, "_tx")):
            return None
        return cls(store)

    def add(self, content_hash: str, text: str) -> Verdict:
        """Check and record a just-stored article in one call (for ingest loops)."""
        sig, verdict = self.check(text)
        self.record(content_hash, sig, verdict)
        return verdict

    def check(self, text: str) -> tuple[Signature, Verdict]:
        sig = signature(text)
        return sig, self.index.check(sig)

    def record(self, content_hash: str, sig: Signature, verdict: Verdict) -> str | None:
        """Remember the stored article (found by its content hash) as a story version."""
        found = self.store._rows("SELECT id FROM articles WHERE content_hash = ?",
                                 (content_hash,))
        if not found:
            return None
        article_id = found[0]["id"]
        story = self.index.add(article_id, sig, verdict)
        with self.store._tx() as cur:
            self.store._exec(
                cur,
                "INSERT INTO article_versions (article_id, story_id, relation, similarity,"
                " n_shingles, signature, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (article_id) DO NOTHING",
                (article_id, story, verdict.relation, verdict.jaccard, sig.size, sig.to_text(),
                 dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")),
            )
        return story

    def versions(self, story_id: str) -> list[dict[str, Any]]:
        """The articles of one story, first one first."""
        return list(self.store._rows(
            "SELECT v.article_id, v.relation, v.similarity, a.title, a.url, a.outlet,"
            " a.published FROM article_versions v JOIN articles a ON a.id = v.article_id"
            " WHERE v.story_id = ? ORDER BY v.added_at, v.article_id", (story_id,),
        ))
