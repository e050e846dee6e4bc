"""The document model: one `Doc` owns the text, every annotation is a span record.

Offsets are character offsets (Python `str` indices) into `Doc.text`, end exclusive.
Records refer to each other by id (`Place.entity`, `Claim.events`, `Event.claims`), never
by copying text. `Doc.to_json()` produces the `kroniek/1` contract described in DESIGN.md
and validated by `kroniek/schema/kroniek-1.schema.json`; `Doc.from_json()` reads it back
losslessly.

Records that are not part of the contract (tokens) live on the `Doc` for the stages that
need them and are not serialised.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

__all__ = [
    "SCHEMA",
    "SOURCE_TYPES",
    "Actor",
    "Block",
    "Claim",
    "Cue",
    "Doc",
    "Entity",
    "Event",
    "EventTime",
    "Evidence",
    "Place",
    "Published",
    "Quote",
    "Sentence",
    "Source",
    "SourceType",
    "Speaker",
    "TimeExpr",
    "TimeValue",
    "Token",
    "storable_text",
]

SCHEMA = "kroniek/1"

BlockKind = Literal["body", "heading", "caption", "pullquote"]
EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
Precision = Literal["exact", "near", "region", "country"]
PlaceRole = Literal["location", "metonym"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Factuality = Literal["asserted", "hedged", "denied", "declined", "unconfirmed"]
# Who a claim comes from (`Source.type`); the one list the schema, the API, the CLI and the
# exports use (README "Claims"). The first six are the contract's first version; `civilian`,
# `civil_society` and `business` were added (additively) for the sources none of them fits:
# - party_to_conflict: an armed force or armed group, or one speaking for it;
# - official: a government, a state body, a court, a political party, or one speaking for it;
# - expert: a researcher, an analyst, a research institute, a poll;
# - media: a newspaper, a broadcaster, a news agency, a journalist;
# - social_media: a post, a blogger, a channel on a platform;
# - imagery: photos, video, satellite images;
# - civilian: a private person speaking for themselves, from their own experience
#   (residents, victims, relatives, witnesses, bystanders, patients, passengers, fans);
# - civil_society: a non-governmental, non-commercial organisation or one speaking for it
#   (NGOs, aid and human-rights groups, unions, churches, associations, clubs, schools,
#   hospitals, museums);
# - business: a company or one speaking for it (firms, banks, shops, entrepreneurs);
# - unknown: nothing said about the source (hearsay, no speaker, a name and nothing else).
SourceType = Literal[
    "party_to_conflict", "official", "expert", "media", "social_media", "imagery",
    "civilian", "civil_society", "business", "unknown",
]
SOURCE_TYPES: tuple[SourceType, ...] = get_args(SourceType)


def _json_name(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("json", f.name))


@dataclass(slots=True)
class Published:
    """The publication date as given, with its precision (year, month, day)."""

    value: str
    precision: Literal["year", "month", "day"]


@dataclass(slots=True)
class Block:
    """A paragraph-like stretch of the article: body text, a heading, a caption, a pull quote."""

    start: int
    end: int
    kind: BlockKind = "body"


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Token:
    """A token with its analysis. Internal: not part of the JSON contract."""

    start: int
    end: int
    text: str
    upos: str = ""
    lemma: str = ""
    head: int = -1  # index of the head token in Doc.tokens; -1 for the root
    dep: str = ""
    sent: int = 0  # index into Doc.sentences


@dataclass(slots=True)
class Entity:
    id: str
    start: int
    end: int
    text: str
    label: EntityLabel
    canonical: str = ""
    confidence: float = 0.0


@dataclass(slots=True)
class Place:
    id: str
    start: int
    end: int
    text: str
    entity: str | None = None
    geonameid: int | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_code: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    precision: Precision = "exact"
    role: PlaceRole = "location"
    confidence: float = 0.0
    note: str | None = None  # why a fallback or a metonymy was chosen, in words


@dataclass(slots=True)
class TimeValue:
    from_: str | None = field(default=None, metadata={"json": "from"})
    to: str | None = None


@dataclass(slots=True)
class TimeExpr:
    id: str
    start: int
    end: int
    text: str
    value: TimeValue = field(default_factory=TimeValue)
    precision: str = "day"  # day|week|month|year|range|unknown


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Speaker:
    entity: str | None = None
    name: str | None = None
    descriptor: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Quote:
    id: str
    start: int
    end: int
    text: str
    kind: QuoteKind = "direct"
    cue: Cue | None = None
    speaker: Speaker | None = None
    confidence: float = 0.0
    repeats: str | None = None  # id of the body quote a pull quote or caption repeats


@dataclass(slots=True)
class Source:
    name: str | None = None
    type: SourceType = "unknown"
    side: str | None = None
    start: int | None = None
    end: int | None = None
    entity: str | None = None


@dataclass(slots=True)
class Evidence:
    """How the claim is known: a statement, a report, imagery, a document."""

    kind: str = "statement"
    start: int | None = None
    end: int | None = None
    text: str | None = None


@dataclass(slots=True)
class Claim:
    id: str
    start: int
    end: int
    source: Source = field(default_factory=Source)
    cue: Cue | None = None
    evidence: Evidence | None = None
    factuality: Factuality = "asserted"
    events: list[str] = field(default_factory=list)
    confidence: float = 0.0
    quote: str | None = None  # id of the quote this claim comes from, if any


@dataclass(slots=True)
class Actor:
    name: str
    entity: str | None = None
    side: str | None = None
    type: str | None = None  # ACLED actor type: state_forces, rebel_group, civilians, ...
    place: str | None = None  # id of a metonymic place standing for this actor


@dataclass(slots=True)
class EventTime:
    from_: str | None = field(default=None, metadata={"json": "from"})
    to: str | None = None
    precision: str = "unknown"
    time_precision: int = 3  # ACLED: 1 day, 2 week, 3 month or vaguer
    ref: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str
    sub_type: str
    plover: str
    trigger: Cue
    actor1: Actor | None = None
    actor2: Actor | None = None
    place: str | None = None
    time: EventTime = field(default_factory=EventTime)
    fatalities: int | None = None
    claims: list[str] = field(default_factory=list)
    confidence: float = 0.0
    modality: str = "asserted"  # asserted|claimed|negated|hypothetical|future|habitual
    geo_precision: int | None = None  # ACLED: 1 exact, 2 near, 3 region
    note: str | None = None  # e.g. "reported only by one side (Russia)"; set by the events stage
    background: bool = False  # history told with its own date, well before the article's news


_RECORD_LISTS: dict[str, type] = {
    "blocks": Block,
    "sentences": Sentence,
    "entities": Entity,
    "places": Place,
    "times": TimeExpr,
    "quotes": Quote,
    "claims": Claim,
    "events": Event,
}

R = TypeVar("R")


@dataclass(slots=True)
class Doc:
    """An article and everything kroniek found in it."""

    text: str
    id: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    lang: str | None = None
    published: Published | None = None
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Internal annotations, not serialised.
    tokens: list[Token] = field(default_factory=list, metadata={"internal": True})
    assigned: set[str] = field(default_factory=set, metadata={"internal": True})

    def __post_init__(self) -> None:
        self.text = storable_text(self.text)
        for name in ("title", "url", "outlet"):
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, storable_text(value))
        if not self.id:
            self.id = content_id(self.text)

    # -- helpers for stages -------------------------------------------------------------

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def by_id(self, record_id: str) -> Any:
        """The record with this id, whatever its kind; KeyError if there is none."""
        for name in _RECORD_LISTS:
            for rec in getattr(self, name):
                if getattr(rec, "id", None) == record_id:
                    return rec
        raise KeyError(record_id)

    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "body"]

    def block_at(self, offset: int) -> Block | None:
        for b in self.blocks:
            if b.start <= offset < b.end:
                return b
        return None

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing `offset` (-1 when outside every sentence)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1

    def tokens_in(self, start: int, end: int) -> list[Token]:
        return [t for t in self.tokens if t.start >= start and t.end <= end]

    # -- JSON ---------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The document as a `kroniek/1` JSON object (a dict ready for `json.dumps`)."""
        out: dict[str, Any] = {"schema": SCHEMA}
        for f in dataclasses.fields(self):
            if f.metadata.get("internal"):
                continue
            out[f.name] = _to_plain(getattr(self, f.name))
        return out

    def dumps(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Doc:
        """Read a `kroniek/1` object back into a `Doc`."""
        if data.get("schema") != SCHEMA:
            from kroniek.errors import SchemaError

            raise SchemaError(
                f"expected schema {SCHEMA!r}, got {data.get('schema')!r}",
                hint="only kroniek/1 documents can be read by this version",
            )
        kwargs = {k: v for k, v in data.items() if k != "schema"}
        return _from_plain(cls, kwargs)


# What no encoder or store takes: NUL (PostgreSQL text) and lone surrogates (UTF-8, from a
# JSON "\ud800" escape or a file name's undecodable bytes).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable_text(text: str) -> str:
    """`text` with each NUL and lone surrogate replaced by U+FFFD, one character for one,
    so that every offset into it still holds."""
    return _UNSTORABLE.sub("\ufffd", text) if _UNSTORABLE.search(text) else text


def content_id(text: str) -> str:
    """A stable id from the text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            _json_name(f): _to_plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.metadata.get("internal")
        }
    if isinstance(value, list):
        return [_to_plain(v) for v in value]
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _from_plain(cls: type[R], data: dict[str, Any]) -> R:
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        key = _json_name(f)
        if f.metadata.get("internal") or key not in data:
            continue
        kwargs[f.name] = _coerce(hints[f.name], data[key])
    return cls(**kwargs)


def _coerce(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin is list:
        (inner,) = get_args(tp)
        return [_coerce(inner, v) for v in value]
    if origin is not None and origin is not Literal:  # Optional / Union
        for arg in get_args(tp):
            if dataclasses.is_dataclass(arg) and isinstance(value, dict):
                return _from_plain(arg, value)  # type: ignore[arg-type]
        return value
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        return _from_plain(tp, value)  # type: ignore[arg-type]
    return value
