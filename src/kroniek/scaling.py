"""How analysis time grows with the size of pathological texts (`kroniek bench --scaling`).

Four kinds of text that once took time growing with the square of their size (#17): long
runs of digits, of quotation marks, of one place name repeated, and very long lines
without a sentence end. Each is analysed at several sizes; the slope of log(time) against
log(size) says how time grows: 1 is linear, 2 quadratic. Timing is measured here, never in
tests.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

__all__ = ["KINDS", "pathological_text", "scaling_report", "slope"]

# The ordinary sentence that pads each kind, so that every stage has work to do.
_SENTENCE = "Bij een aanval op Charkiv zijn dinsdag drie mensen gedood, meldt de gouverneur. "

KINDS: dict[str, Callable[[int], str]] = {
    "digits": lambda n: _SENTENCE + "Er vielen " + "9" * n + " doden.",
    "quotes": lambda n: _SENTENCE + '"' * n,
    "places": lambda n: _SENTENCE + "Kyiv " * (n // 5),
    "long_lines": lambda n: "Rusland viel Charkiv aan en " * (n // 28 + 1),
}


def pathological_text(kind: str, size: int) -> str:
    """A text of the kind, `size` characters long (cut to the size)."""
    return KINDS[kind](size)[:size]


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(seconds) on log(size)."""
    xs = [math.log(s) for s, _ in points]
    ys = [math.log(max(t, 1e-6)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else 0.0


def scaling_report(sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000), *,
                   kinds: tuple[str, ...] = tuple(KINDS), lang: str = "nl") -> dict[str, object]:
    """CPU seconds per kind and size, in all and per stage, and each one's slope."""
    from kroniek.analysis import make_doc
    from kroniek.bench import CpuTimed
    from kroniek.pipeline import get_pipeline

    pipeline = get_pipeline()
    pipeline(make_doc("Opwarmen.", lang=lang))  # load the models outside the timings
    original = list(pipeline.stages)
    rows: dict[str, object] = {}
    for kind in kinds:
        total: list[tuple[int, float]] = []
        stages: dict[str, list[tuple[int, float]]] = {}
        for size in sizes:
            doc = make_doc(pathological_text(kind, size), lang=lang)
            cpu: dict[str, float] = {}  # CPU seconds per stage (wall time: noise when busy)
            pipeline.stages = [CpuTimed(stage, cpu) for stage in original]  # type: ignore[misc]
            t0 = time.process_time()
            try:
                pipeline(doc)
            finally:
                pipeline.stages = original
            total.append((size, time.process_time() - t0))
            for name, seconds in cpu.items():
                stages.setdefault(name, []).append((size, seconds))
        worst = max(stages, key=lambda n: stages[n][-1][1]) if stages else None
        rows[kind] = {
            "seconds": {str(s): round(t, 3) for s, t in total},
            "slope": round(slope(total), 2),
            "stage_slopes": {n: round(slope(p), 2) for n, p in stages.items()
                             if p[-1][1] >= 0.05},  # stages under 50 ms are noise
            "stage_seconds": {n: {str(s): round(t, 3) for s, t in p} for n, p in stages.items()},
            "slowest_stage": worst,
        }
    return {"sizes": list(sizes), "lang": lang, "kinds": rows}
