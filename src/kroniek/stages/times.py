"""Stage `kroniek.times.v1` (first skeleton: being written; assigns nothing yet)."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import register_stage

__all__ = ["TimesStage"]


@register_stage("kroniek.times.v1")
class TimesStage:
    requires = ("sentences", "lang")
    assigns = ("times",)

    def __call__(self, doc: Doc) -> Doc:
        return doc
