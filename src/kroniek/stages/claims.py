"""Stage `kroniek.claims.v1` (first skeleton: being written; assigns nothing yet)."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import register_stage

__all__ = ["ClaimsStage"]


@register_stage("kroniek.claims.v1")
class ClaimsStage:
    requires = ("quotes", "entities", "places")
    assigns = ("claims",)

    def __call__(self, doc: Doc) -> Doc:
        return doc
