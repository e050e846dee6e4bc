"""Stages, their registry, and the pipeline that runs them in order.

A stage is a callable `Doc -> Doc` that only adds annotations. It declares what it
`requires` (names of annotation layers an earlier stage must have assigned, or "text")
and what it `assigns`. Stages are registered under a versioned name
(`kroniek.segment.v1`) and chosen by a pipeline configuration: a list of
`(slot, factory name)` pairs, so any slot can be given another implementation, for example
another NER backend:

    >>> from kroniek.pipeline import build_pipeline
    >>> nlp = build_pipeline(overrides={"linguistic": "kroniek.linguistic.rules.v1"})

`build_pipeline` checks the order once, when the pipeline is built. Heavy resources
(models, the gazetteer) are loaded lazily by the stages themselves, once per process.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

from kroniek.doc import Doc
from kroniek.errors import ConfigError, PipelineOrderError, env_choice

__all__ = [
    "DEFAULT_MODE",
    "DEFAULT_PIPELINE",
    "MODES",
    "Pipeline",
    "Stage",
    "build_pipeline",
    "get_pipeline",
    "register_stage",
    "registered_stages",
    "resolve_mode",
    "use_mode",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())


@runtime_checkable
class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Doc) -> Doc: ...


# A stage may also define `pipe(self, docs: list[Doc]) -> list[Doc]`, giving the same docs
# as calling it on each, faster; `Pipeline.batch` uses it (see LinguisticStage).


_REGISTRY: dict[str, Callable[..., Stage]] = {}


def register_stage(name: str) -> Callable[[type], type]:
    """Class decorator: register a stage class under a versioned factory name."""

    def deco(cls: type) -> type:
        for attr in ("requires", "assigns"):
            if not isinstance(getattr(cls, attr, None), tuple):
                raise TypeError(f"stage {cls.__name__} must declare a tuple {attr!r}")
        cls.name = name  # type: ignore[attr-defined]
        _REGISTRY[name] = cls
        return cls

    return deco


def registered_stages() -> dict[str, Callable[..., Stage]]:
    _import_builtin_stages()
    return dict(_REGISTRY)


# Slot -> default factory. The order is the order the stages run in.
DEFAULT_PIPELINE: tuple[tuple[str, str], ...] = (
    ("segment", "kroniek.segment.v1"),
    ("language", "kroniek.language.v1"),
    ("linguistic", "kroniek.linguistic.spacy.v1"),
    ("entities", "kroniek.entities.v1"),
    ("times", "kroniek.times.v1"),
    ("places", "kroniek.places.v1"),
    ("quotes", "kroniek.quotes.v1"),
    ("claims", "kroniek.claims.v1"),
    ("events", "kroniek.events.v1"),
)


def _import_builtin_stages() -> None:
    # Importing a stage module registers it.
    from kroniek.stages import register_builtin_stages

    register_builtin_stages()


@dataclass
class Pipeline:
    """Runs stages in order over a Doc; records time spent per stage for benchmarks."""

    stages: list[Stage]
    timings: dict[str, float] = field(default_factory=dict)
    time_stages: bool = False

    def __call__(self, doc: Doc) -> Doc:
        for stage in self.stages:
            if self.time_stages:
                t0 = time.perf_counter()
                doc = stage(doc)
                self.timings[stage.name] = self.timings.get(stage.name, 0.0) + (
                    time.perf_counter() - t0
                )
            else:
                doc = stage(doc)
            doc.assigned.update(stage.assigns)
        return doc

    def batch(self, docs: list[Doc]) -> list[Doc]:
        """Run the stages over several docs together: a stage with a `pipe` method (the
        linguistic stage) gets them all at once, so spaCy batches their sentences; every
        other stage sees one doc at a time. The docs come out as `self(doc)` makes them.
        An exception leaves the docs half-analysed: start again from fresh docs."""
        for stage in self.stages:
            t0 = time.perf_counter()
            together = getattr(stage, "pipe", None)
            docs = together(docs) if together is not None else [stage(d) for d in docs]
            if self.time_stages:
                self.timings[stage.name] = self.timings.get(stage.name, 0.0) + (
                    time.perf_counter() - t0
                )
            for doc in docs:
                doc.assigned.update(stage.assigns)
        return docs

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]


def build_pipeline(
    *,
    overrides: Mapping[str, str] | None = None,
    disable: Iterable[str] = (),
    stage_config: Mapping[str, Mapping[str, Any]] | None = None,
) -> Pipeline:
    """Build the pipeline, swapping slots by `overrides` and dropping `disable`d slots.

    Raises `ConfigError` for an unknown slot or factory and `PipelineOrderError` when a
    stage requires a layer that no earlier stage assigns.
    """
    _import_builtin_stages()
    overrides = dict(overrides or {})
    slots = [slot for slot, _ in DEFAULT_PIPELINE]
    for slot in list(overrides) + list(disable):
        if slot not in slots:
            raise ConfigError(
                f"unknown pipeline slot {slot!r}", hint=f"slots are: {', '.join(slots)}"
            )
    disabled = set(disable)
    stages: list[Stage] = []
    have = {"text"}
    for slot, default in DEFAULT_PIPELINE:
        if slot in disabled:
            continue
        factory_name = overrides.get(slot, default)
        factory = _REGISTRY.get(factory_name)
        if factory is None:
            raise ConfigError(
                f"no stage registered as {factory_name!r} for slot {slot!r}",
                hint=f"registered: {', '.join(sorted(_REGISTRY))}",
            )
        stage = factory(**dict((stage_config or {}).get(slot, {})))
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise PipelineOrderError(
                f"stage {factory_name!r} requires {', '.join(missing)}, "
                "which no earlier stage assigns",
                hint="put the stage that assigns it earlier, or do not disable it",
            )
        have.update(stage.assigns)
        stages.append(stage)
    return Pipeline(stages)


# Analysis modes: "fast" recognises names with the CNN of the spaCy models; "accurate"
# with the e5 encoder and its trained tagger (kroniek.models.tagger). Everything else is
# the same, and so is the output contract. The default is chosen from the measured
# trade-off (README, "Modes"); $KRONIEK_MODE overrides it for the process.
MODES = ("fast", "accurate")
DEFAULT_MODE = "fast"

_PIPELINES: dict[str, Pipeline] = {}


def resolve_mode(mode: str | None = None) -> str:
    """`mode`, else $KRONIEK_MODE, else DEFAULT_MODE; a ConfigError for anything else."""
    return env_choice(mode, env="KRONIEK_MODE", choices=MODES, default=DEFAULT_MODE, what="mode")


def use_mode(mode: str | None) -> str:
    """Make `mode` (checked) this process's default, and its child processes' (Dask and
    server workers) through $KRONIEK_MODE. None keeps the current default."""
    import os

    chosen = resolve_mode(mode)
    os.environ["KRONIEK_MODE"] = chosen
    return chosen


def get_pipeline(mode: str | None = None, events: str | None = None) -> Pipeline:
    """The default pipeline of `mode` (see resolve_mode) and events variant `events`
    (rules, hybrid, learned or combined; default $KRONIEK_EVENTS, else hybrid: see
    `kroniek.models.event_classifier`), built once per process."""
    from kroniek.models.event_classifier import resolve_variant

    chosen = resolve_mode(mode)
    variant = resolve_variant(events)
    key = chosen if variant == "rules" else f"{chosen}+{variant}"
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        pipeline = _PIPELINES[key] = build_pipeline(
            stage_config={"linguistic": {"ner": chosen},
                          "events": {"variant": variant, "mode": chosen}}
        )
    return pipeline
