"""Stage `kroniek.places.v1` (first skeleton: being written; assigns nothing yet)."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import register_stage

__all__ = ["PlacesStage"]


@register_stage("kroniek.places.v1")
class PlacesStage:
    requires = ("entities", "tokens")
    assigns = ("places",)

    def __call__(self, doc: Doc) -> Doc:
        return doc
