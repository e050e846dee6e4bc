"""Entities made consistent within a document: ids, one type per name, canonical names.

A short mention ("Zandee", "Poetin") is linked to the longest earlier-or-later mention of
the same type whose tokens end with it or contain it ("Dick Zandee", "Vladimir Poetin");
`canonical` holds that full name. A name tagged with different types in one document gets
its majority type.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from kroniek.doc import Doc, Entity
from kroniek.pipeline import register_stage

__all__ = ["EntitiesStage", "link_mentions"]


def link_mentions(entities: list[Entity]) -> None:
    """Fill `canonical` and harmonise labels in place."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for e in entities:
        votes[e.text][e.label] += 1
    for e in entities:
        e.label = votes[e.text].most_common(1)[0][0]  # type: ignore[assignment]
    full_names = sorted({e.text for e in entities}, key=len, reverse=True)
    by_text = {e.text: e.label for e in entities}
    for e in entities:
        parts = e.text.split()
        canonical = e.text
        for name in full_names:
            if len(name) <= len(e.text) or by_text[name] != e.label:
                continue
            words = name.split()
            if (e.label == "PER" and parts == words[-len(parts) :]) or (
                e.label != "PER" and len(parts) == 1 and parts[0] in words
            ):
                canonical = name
                break
        e.canonical = canonical


@register_stage("kroniek.entities.v1")
class EntitiesStage:
    requires = ("mentions",)
    assigns = ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        doc.entities.sort(key=lambda e: (e.start, -e.end))
        link_mentions(doc.entities)
        for i, e in enumerate(doc.entities, start=1):
            e.id = f"e{i}"
        return doc
