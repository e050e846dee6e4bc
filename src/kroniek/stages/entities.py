"""Entities made consistent within a document: ids, one type per name, canonical names.

A short mention is linked to a full name mentioned in the same document:

* a person's surname (or surname with a possessive: "Poetins", "Zelensky's") to the full
  name that ends with it ("Zandee" → "Dick Zandee"), whatever type the recogniser gave the
  short mention; with two candidates ("Anna Zandee", "Dick Zandee"), the closest full
  name before the mention wins, else the first after it;
* a mention typed as an organisation to the longer organisation or other name containing
  it ("Clingendael" → "Instituut Clingendael"), and an acronym to the name whose initials
  it spells ("VN" → "Verenigde Naties"). Places are not linked by containment, neither as
  the long name ("Belgorod" and "oblast Belgorod" are different places) nor as the short
  one ("Canada" in "Bank of Canada"), and nor are adjectives ("Vlaamse" in "Vlaamse
  Gemeenschap"); an acronym is linked whatever its type ("OM" → "Openbaar Ministerie").

`canonical` holds the full name. All mentions of one canonical name then get one type:
the majority type of the full name's own mentions, except a mention the recogniser is
sure of (confidence ≥ KEEP_TYPE_CONFIDENCE: only the accurate tagger's probabilities
reach it) that its namesakes do not outweigh twice over: it keeps its type and its
own name as canonical. On CoNLL dev, taking the majority type for every mention cost the
accurate tagger 1.7 (nl) and 1.9 (en) F1 points (see the E5NER model card).

Before linking, names the recogniser found once are looked for again in the rest of the
document (`propagate_mentions`): a capitalised token sequence equal to a recognised
mention, or to a recognised person's surname, becomes a mention too (a sentence-initial
"Merz" after "Friedrich Merz"), with a lower confidence.

Then names the text or the gazetteer says are places are typed LOC whatever type the
recogniser gave them (`retype_places`): a name right after a place word of the language
("in", "rondom": `kroniek.lang.<lang>.entities`) or listed after such a name ("rondom X en
Y"), and a person-typed name that is a well-known or large place and no person's name
("Kyiv wilde niet...": a capital that speaks stays a place, read as its government by the
places and claims stages). On CoNLL dev end to end: fast nl 0.8008 -> 0.8030, accurate nl
0.8730 -> 0.8764, English fast 0.8941 -> 0.8947, accurate 0.9289 -> 0.9290 (E5NER model card).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from functools import cache
from importlib import import_module
from pathlib import Path

from kroniek.doc import Doc, Entity, Token
from kroniek.pipeline import register_stage

__all__ = ["PERSON_ALT_PLACES", "EntitiesStage", "large_place", "link_mentions", "normalize_name",
           "place_name", "propagate_mentions", "retype_places", "well_known_place"]

# A propagated mention is right about as often as the recogniser's own (it repeats a name
# the recogniser typed), but its type was not decided in its own context.
PROPAGATED_CONFIDENCE = 0.6
_MAX_NAME_TOKENS = 6
# A mention at least this confident keeps its type when its namesakes vote otherwise. The
# accurate tagger's confidence is its probability of the type in context; the fast CNN's is
# a constant below this (linguistic.NER_CONFIDENCE, at most 0.85), so in fast mode every
# mention takes its name's type. Tuned on the even-numbered documents of CoNLL-2002 and
# CoNLL-2003 dev (0.8 and 0.9 scored alike), checked on the odd ones (E5NER model card).
KEEP_TYPE_CONFIDENCE = 0.9
# ... unless the confidence its namesakes give the name's type is over this many times
# the confidence they give its own (two "Koersk" as a person among six as a place). 1.5-4
# and no limit scored within 0.0004 F1 on CoNLL-2002 and CoNLL-2003 dev (1.0: -0.4 en).
OUTVOTED = 2.0

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
    e: Entity,
    text: str,
    names: Sequence[tuple[str, list[str], str]],
    known_place: Callable[[str], bool],
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
        elif label not in ("PER", "LOC") and e.label != "PER":
            if text.isupper() and len(text) >= 2 and _initials(name) == text:
                out.append(name)  # an acronym, whatever its type ("OM")
            elif (
                len(words) == 1
                and words[0] in nwords
                # Not an adjective, nor a well-known place, inside an organisation's
                # name: another entity ("Vlaamse" in "Vlaamse Gemeenschap", "Canada" in
                # "Bank of Canada"); a lesser "place" is often the organisation's short
                # name ("Turner").
                and e.label != "MISC"
                and not (e.label == "LOC" and known_place(text))
            ):
                out.append(name)
    return out


def _closest(e: Entity, names: list[str], full: dict[str, list[Entity]]) -> str:
    before = [(max(m.start for m in full[n] if m.start < e.start), n) for n in names
              if any(m.start < e.start for m in full[n])]  # fmt: skip
    if before:
        return max(before)[1]
    return min((min(m.start for m in full[n]), n) for n in names)[1]


def _no_place(name: str) -> bool:
    return False


def link_mentions(
    entities: list[Entity],
    *,
    keep_type: float = KEEP_TYPE_CONFIDENCE,
    known_place: Callable[[str], bool] = _no_place,
) -> None:
    """Fill `canonical` and harmonise labels in place. A mention whose confidence is at
    least `keep_type` keeps its own label (and its own name as canonical); a place name
    for which `known_place` is true, or an adjective, is not linked to an organisation
    containing it (an acronym is)."""
    full: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        full[normalize_name(e.text)].append(e)
    described = [
        (name, _words(name), Counter(m.label for m in mentions).most_common(1)[0][0])
        for name, mentions in full.items()
    ]
    for e in entities:
        text = normalize_name(e.text)
        names = _candidates(e, text, described, known_place)
        e.canonical = _closest(e, names, full) if names else text
    clusters: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        clusters[e.canonical].append(e)
    for canonical, mentions in clusters.items():
        # The full name's own mentions decide (they are typed more reliably than a bare
        # surname); a name never linked to a longer one takes its mentions' majority.
        voters = [m for m in mentions if normalize_name(m.text) == canonical] or mentions
        label = Counter(m.label for m in voters).most_common(1)[0][0]
        weight: dict[str, float] = defaultdict(float)
        for m in mentions:
            weight[m.label] += m.confidence
        for m in mentions:
            if (
                m.label != label
                and m.confidence >= keep_type
                and weight[label] < OUTVOTED * weight[m.label]
            ):
                # The recogniser is sure of another type here ("Westerlo" the town
                # beside "Westerlo" the club), and its namesakes do not outweigh it
                # twice over: another entity, under its own name.
                m.canonical = normalize_name(m.text)
            else:
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


def well_known_place(name: str, lang: str) -> bool:
    """Whether `name` is a country's short name in `lang` ("U.S.", "VS"), or the gazetteer
    knows it by its main name as a country, a large region or a large city (the places
    stage's `is_strong`)."""
    from kroniek.gazetteer import load_gazetteer
    from kroniek.stages.places.lexicon import is_strong, lexicon

    if name in lexicon(lang).abbreviations:
        return True
    return is_strong(load_gazetteer().lookup(name, variants=False))


def retype_places(
    tokens: list[Token],
    entities: list[Entity],
    *,
    place_before: Collection[str],
    coordinators: Collection[str],
    is_place: Callable[[str], bool],
    is_known: Callable[[str], bool] = _no_place,
    keep_type: float = KEEP_TYPE_CONFIDENCE,
) -> int:
    """Type as places (LOC) the mentions the recogniser typed otherwise but the text or the
    gazetteer says are places: a name right after a word of `place_before` ("in", "nabij"),
    or joined by `coordinators` to such a name ("rond X en Y"), if it is a person (PER), an
    organisation (ORG, not an acronym) or another name (MISC) the gazetteer `is_known` by;
    and a person whose name `is_place` without a cue. A mention at least `keep_type` confident keeps its type. Returns the number
    of mentions retyped; one type per name is decided afterwards (`link_mentions`)."""
    if not entities or not tokens:
        return 0
    first = {t.start: i for i, t in enumerate(tokens)}
    last = {t.end: i for i, t in enumerate(tokens)}
    # last token of a mention after a place word -> the type the recogniser gave it
    cued: dict[int, str] = {}
    retyped = 0
    for e in sorted(entities, key=lambda e: e.start):
        i = first.get(e.start)
        if i is None:
            continue
        j = last.get(e.end)
        cue = False
        if i > 0 and tokens[i - 1].sent == tokens[i].sent:
            word = tokens[i - 1].text.lower()
            head = cued.get(i - 2)
            cue = word in place_before or (
                word in coordinators
                and head is not None
                # not a list of other things after a place the recogniser typed ("in België,
                # Rodamco en Unibail")
                and (head != "LOC" or head == e.label)
                # a comma joins a list only if the list goes on ("in X, Y en Z"), not in
                # "In Seattle, Pete Incaviglia's grand slam"
                and (word != "," or j is not None and j + 1 < len(tokens)
                     and tokens[j + 1].text.lower() in coordinators)
            )  # fmt: skip
        if cue and j is not None:
            cued[j] = e.label
        if e.label == "LOC" or e.confidence >= keep_type:
            continue
        name = normalize_name(e.text)
        if e.label == "PER":
            place = cue or is_place(name)
        else:
            # One-word organisations after a place word are places unless they are acronyms
            # ("in KDP headquarters"; longer ones are often papers: "in The New York Times");
            # other names must be known places too (not "in English club rugby", "in World
            # War Two").
            place = cue and not name.isupper() and (
                e.label == "ORG" and " " not in name or e.label == "MISC" and is_known(name))
        if place:
            e.label = "LOC"
            retyped += 1
    return retyped


# Person names the gazetteer matches loosely to large places ("Senna" ~ Sanandaj, "Bush" ~
# Būsh): derived from the Alpino name lists (LGPL-2.1) by scripts/person_place_names.py.
PERSON_ALT_PLACES = Path(__file__).resolve().parents[1] / "resources" / "names" / "person-alt-places.txt"


@cache
def _person_alt_places() -> frozenset[str]:
    if not PERSON_ALT_PLACES.exists():
        return frozenset()
    return frozenset(PERSON_ALT_PLACES.read_text(encoding="utf-8").split("\n")) - {""}


# A place known only by an alternate name must be this large to outweigh a person-typed
# mention: "Charkiv" (Kharkiv, 1.4M) is a place, "Lili" (Lille, 234k: a girl in a Dutch
# quotes dev article, her quote's speaker lost at 100,000) is not. CoNLL dev scored the
# same at either threshold (fast nl 0.8034 / 0.8031 without the alternate names at all).
ALTERNATE_NAME_POPULATION = 1_000_000


def large_place(name: str) -> bool:
    """Whether the gazetteer has a country called `name` by any of its names, or a
    populated place of `ALTERNATE_NAME_POPULATION` people or more."""
    from kroniek.gazetteer import load_gazetteer

    return any(c.feature_code == "PCLI" or c.feature_class == "P" and c.population >= ALTERNATE_NAME_POPULATION
               for c in load_gazetteer().lookup(name, variants=False))  # fmt: skip


@cache
def place_name(name: str, lang: str) -> bool:
    """Whether `name` is, by the gazetteer alone, a place rather than a person: a well-known
    place (`well_known_place`) or a very large one by an alternate name (`large_place`:
    "Charkiv" for Kharkiv), and not on the person or organisation name lists
    (`Gazetteer.non_place`, `PERSON_ALT_PLACES`)."""
    from kroniek.gazetteer import load_gazetteer

    if load_gazetteer().non_place(name) is not None or name in _person_alt_places():
        return False
    return well_known_place(name, lang) or large_place(name)


@cache
def _gazetteer_name(name: str) -> bool:
    """Whether some place in the gazetteer has `name` as its main or localized name."""
    from kroniek.gazetteer import load_gazetteer

    return any(c.match == "name" for c in load_gazetteer().lookup(name, variants=False))


@cache
def _cues(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    try:
        mod = import_module(f"kroniek.lang.{lang}.entities")
    except ModuleNotFoundError:
        return frozenset(), frozenset()
    return frozenset(mod.PLACE_BEFORE), frozenset(mod.COORDINATORS)


@register_stage("kroniek.entities.v1")
class EntitiesStage:
    requires = ("mentions",)
    assigns = ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        doc.entities += propagate_mentions(doc.text, doc.tokens, doc.entities)
        doc.entities.sort(key=lambda e: (e.start, -e.end))
        lang = doc.lang or "en"
        place_before, coordinators = _cues(lang)
        retype_places(doc.tokens, doc.entities, place_before=place_before, coordinators=coordinators,
                      is_place=lambda name: place_name(name, lang), is_known=_gazetteer_name)  # fmt: skip
        link_mentions(doc.entities, known_place=lambda name: well_known_place(name, lang))
        for i, e in enumerate(doc.entities, start=1):
            e.id = f"e{i}"
        return doc
