"""Stage `kroniek.quotes.v1` (first skeleton: being written; assigns nothing yet)."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import register_stage

__all__ = ["QuotesStage"]


@register_stage("kroniek.quotes.v1")
class QuotesStage:
    requires = ("entities", "tokens", "blocks")
    assigns = ("quotes",)

    def __call__(self, doc: Doc) -> Doc:
        return doc
