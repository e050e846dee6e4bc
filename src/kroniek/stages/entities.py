"""Entities made consistent within a document: ids, one type per name, canonical names.

A short mention is linked to a full name mentioned in the same document:

* a person's surname (or surname with a possessive: "Poetins", "Zelensky's") to the full
  name that ends with it ("Zandee" → "Dick Zandee"), whatever type the recogniser gave the
  short mention; with two candidates ("Anna Zandee", "Dick Zandee"), the closest full
  name before the mention wins, else the first after it;
* an organisation's or other name's word to the longer name containing it
  ("Clingendael" → "Instituut Clingendael"), and an acronym to the name whose initials it
  spells ("VN" → "Verenigde Naties"). Places are not linked by containment: "Belgorod" and
  "oblast Belgorod" are different places.

`canonical` holds the full name. All mentions of one canonical name then get one type:
the majority type of the full name's own mentions.

Before linking, names the recogniser found once are looked for again in the rest of the
document (`propagate_mentions`): a capitalised token sequence equal to a recognised
mention, or to a recognised person's surname, becomes a mention too (a sentence-initial
"Merz" after "Friedrich Merz"), with a lower confidence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from kroniek.doc import Doc, Entity, Token
from kroniek.pipeline import register_stage

__all__ = ["EntitiesStage", "link_mentions", "normalize_name", "propagate_mentions"]

# A propagated mention is right about as often as the recogniser's own (it repeats a name
# the recogniser typed), but its type was not decided in its own context.
PROPAGATED_CONFIDENCE = 0.6
_MAX_NAME_TOKENS = 6

_POSSESSIVE = re.compile(r"(?:['’]s|['’]|s)$")
_LOWER_WORDS = frozenset(
    [
        "de",
        "het",
        "van",
        "der",
        "den",
        "voor",
        "en",
        "of",
        "in",
        "op",
        "aan",
        "'t",
        "d'",
        "of",
        "the",
        "and",
        "for",
    ]
)


def normalize_name(text: str) -> str:
    """Whitespace collapsed and quotes straightened: the form names are compared in."""
    return " ".join(text.replace("’", "'").split())


def _words(name: str) -> list[str]:
    return name.split(" ")


def _initials(name: str) -> str:
    parts = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _LOWER_WORDS]
    return "".join(w[0] for w in parts if w[0].isalpha()).upper()


def _person_keys(text: str) -> list[str]:
    """The forms under which a short person mention may end a full name."""
    keys = [text]
    stripped = _POSSESSIVE.sub("", text)
    if stripped != text and len(stripped) > 2:
        keys.append(stripped)
    return keys


def _candidates(
    e: Entity, text: str, names: Sequence[tuple[str, list[str], str]]
) -> list[str]:
    """Longer names in the document that `e` (normalised `text`) can stand for; `names`
    holds each distinct name with its words and majority label."""
    out: list[str] = []
    words = _words(text)
    for name, nwords, label in names:
        if len(name) <= len(text):
            continue
        if label == "PER" and len(nwords) > len(words):
            if any(_words(k) == nwords[-len(words) :] for k in _person_keys(text)):
                out.append(name)
        elif (
            label not in ("PER", "LOC")
            and e.label != "PER"
            and (
                (len(words) == 1 and words[0] in nwords)
                or (text.isupper() and len(text) >= 2 and _initials(name) == text)
            )
        ):
            out.append(name)
    return out


def _closest(e: Entity, names: list[str], full: dict[str, list[Entity]]) -> str:
    before = [(max(m.start for m in full[n] if m.start < e.start), n) for n in names
              if any(m.start < e.start for m in full[n])]  # fmt: skip
    if before:
        return max(before)[1]
    return min((min(m.start for m in full[n]), n) for n in names)[1]


def link_mentions(entities: list[Entity]) -> None:
    """Fill `canonical` and harmonise labels in place."""
    full: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        full[normalize_name(e.text)].append(e)
    described = [
        (name, _words(name), Counter(m.label for m in mentions).most_common(1)[0][0])
        for name, mentions in full.items()
    ]
    for e in entities:
        text = normalize_name(e.text)
        names = _candidates(e, text, described)
        e.canonical = _closest(e, names, full) if names else text
    clusters: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        clusters[e.canonical].append(e)
    for canonical, mentions in clusters.items():
        # The full name's own mentions decide (they are typed more reliably than a bare
        # surname); a name never linked to a longer one takes its mentions' majority.
        voters = [m for m in mentions if normalize_name(m.text) == canonical] or mentions
        label = Counter(m.label for m in voters).most_common(1)[0][0]
        for m in mentions:
            m.label = label


def _known_names(entities: list[Entity]) -> dict[tuple[str, ...], str]:
    """Token tuples of recognised names (and persons' surnames) → their majority type."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for e in entities:
        words = tuple(normalize_name(e.text).split(" "))
        votes[words][e.label] += 1
        if e.label == "PER" and len(words) > 1 and words[-1][:1].isupper():
            votes[(words[-1],)][e.label] += 1
    return {
        w: c.most_common(1)[0][0]
        for w, c in votes.items()
        if len(w) <= _MAX_NAME_TOKENS and w[0][:1].isupper() and len(w[0]) > 1
    }


def propagate_mentions(text: str, tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """New mentions for unrecognised repetitions of recognised names (see module doc)."""
    known = _known_names(entities)
    if not known or not tokens:
        return []
    covered = [False] * len(tokens)
    starts = {t.start: i for i, t in enumerate(tokens)}
    for e in entities:
        i = starts.get(e.start)
        while i is not None and i < len(tokens) and tokens[i].start < e.end:
            covered[i] = True
            i += 1
    norms = [normalize_name(t.text) for t in tokens]
    firsts = {words[0] for words in known}
    found: list[Entity] = []
    i = 0
    while i < len(tokens):
        match = 0
        if norms[i] in firsts:  # most tokens start no known name: skip them cheaply
            for n in range(min(_MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
                if any(covered[i : i + n]) or tokens[i].sent != tokens[i + n - 1].sent:
                    continue
                if tuple(norms[i : i + n]) in known:
                    match = n
                    break
        if not match:
            i += 1
            continue
        span = tokens[i : i + match]
        label = known[tuple(norms[i : i + match])]
        start, end = span[0].start, span[-1].end
        found.append(Entity(id="", start=start, end=end, text=text[start:end], label=label,  # type: ignore[arg-type]
                            confidence=PROPAGATED_CONFIDENCE))  # fmt: skip
        i += match
    return found


@register_stage("kroniek.entities.v1")
class EntitiesStage:
    requires = ("mentions",)
    assigns = ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        doc.entities += propagate_mentions(doc.text, doc.tokens, doc.entities)
        doc.entities.sort(key=lambda e: (e.start, -e.end))
        link_mentions(doc.entities)
        for i, e in enumerate(doc.entities, start=1):
            e.id = f"e{i}"
        return doc
