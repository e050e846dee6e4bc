"""Stage `kroniek.events.v1` (first skeleton: being written; assigns nothing yet)."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import register_stage

__all__ = ["EventsStage"]


@register_stage("kroniek.events.v1")
class EventsStage:
    requires = ("claims", "places", "times")
    assigns = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        return doc
