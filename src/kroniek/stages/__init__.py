"""Pipeline stages, one module per stage. Importing a module registers its stage(s).

Order (see `kroniek.pipeline.DEFAULT_PIPELINE`): segment → language → linguistic →
entities → times → places → quotes → claims → events.
"""

from __future__ import annotations

__all__ = ["register_builtin_stages"]

_done = False


def register_builtin_stages() -> None:
    global _done
    if _done:
        return
    from kroniek.stages import (  # noqa: F401
        claims,
        entities,
        events,
        language,
        linguistic,
        places,
        quotes,
        segment,
        times,
    )

    _done = True
