"""Dutch factuality cues and evidence constructions for claims.

- `HEDGES`: words that make a statement hedged ("zou", "naar verluidt", "mogelijk").
- `UNCONFIRMED`: phrases saying a report could not be checked.
- `DENIAL_CUES`: cue verbs of denial ("ontkent", "spreekt tegen").
- `DECLINE`: regular expressions for a source declining to say more; group `who`
  is the source when it is named in the phrase.
- `EVIDENCE_FROM`: "Uit <bron> blijkt dat ..." and its kin; group `src` is the source,
  group `cue` the cue verb.
"""

from __future__ import annotations

__all__ = ["DECLINE", "DENIAL_CUES", "EVIDENCE_FROM", "GUARDS", "HEDGES", "UNCONFIRMED"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

HEDGES = (
    r"\bzou(?:den)?\b", r"\bnaar verluidt\b", r"\bmogelijk\b", r"\bvermoedelijk\b",
    r"\bwaarschijnlijk\b", r"\bmogelijkerwijs\b", r"\bwellicht\b", r"\bblijkbaar\b",
    r"\bzogenaamd(?:e)?\b", r"\bnaar (?:eigen )?zeggen\b", r"\blijk(?:t|en)\b",
    r"\bvolgens onbevestigde berichten\b", r"\bmisschien\b", r"\bkan zijn\b",
)
UNCONFIRMED = (
    r"\bniet onafhankelijk (?:worden |te )?(?:geverifieerd|bevestigd|verifiëren|controleren)",
    r"\bniet (?:worden |te )?(?:bevestigd|geverifieerd|gecontroleerd)\b",
    r"\bonbevestigd(?:e)?\b", r"\bniet bevestigen\b",
)
DENIAL_CUES = _words(
    "ontkent ontkennen ontkende ontkenden ontkend weerspreekt weersprak tegenspreekt "
    "spreekt spraken sprak"
)
# A named source is at most 6 capitalised words: unbounded, a run of names ("Kyiv Kyiv
# ...") was matched in time growing with its square (#17).
DECLINE = (
    r"\b(?:[Mm]eer )?(?:informatie|details|commentaar|mededelingen) (?:wilde|wil|wilden|willen|"
    r"kon|kan) (?P<who>[A-ZÀ-Þ][\w-]*(?: [A-ZÀ-Þ][\w-]*){0,5}|de \w+|het \w+) niet "
    r"(?:geven|kwijt|verstrekken|delen)",
    r"\b(?P<who>[Dd]e \w+|[Hh]et \w+|(?!Dat\b|Dit\b|Het\b|Die\b|De\b)[A-ZÀ-Þ][\w-]*"
    r"(?: [A-ZÀ-Þ][\w-]*){0,5}) "
    r"(?:wilde|wil|wilden|willen) (?:geen|niet) (?:\w+ ){0,3}(?:informatie|commentaar|"
    r"details|reageren|ingaan op|bevestigen)\b",
    r"\b(?:wilde|wil|wilden|willen|kon|kan) (?P<who>[Dd]e \w+|[Hh]et \w+|[A-ZÀ-Þ][\w-]*"
    r"(?: [A-ZÀ-Þ][\w-]*){0,5}) (?:geen|niet) (?:\w+ ){0,2}(?:informatie|commentaar|details|"
    r"mededelingen)(?: (?:geven|kwijt|verstrekken|delen))?",
    r"\bgeen commentaar\b", r"\bwilde(?:n)? niet reageren\b", r"\bniet bereikbaar voor commentaar\b",
)
EVIDENCE_FROM = (
    r"\bUit\s+(?P<src>[^,.;]{3,80}?)\s+(?P<cue>blijkt|bleek|blijken|bleken)\b"
    r"(?:\s+(?:onder meer|ook|verder|echter|wel))?(?:\s+dat)?",
    r"\b(?P<src>(?:[Oo]p\s+)?(?:de\s+|het\s+)?(?:\w+\s+){0,2}(?:beelden|video's|foto's|"
    r"satellietbeelden|opnamen))\s+(?:is|zijn)\s+te\s+(?P<cue>zien)(?:\s+dat)?",
)
# For speed: per pattern of `DECLINE` and `EVIDENCE_FROM` (same order), a cheaper pattern
# that every text it matches also matches (its fixed words), or None; the pattern runs
# only where its guard is found (the search for a speaker before "wil geen ..." at each
# capital is the costly part).
GUARDS = {
    "DECLINE": (
        r"(?:informatie|details|commentaar|mededelingen) (?:wilde|wil|wilden|willen|kon|kan) ",
        r"\b(?:wilde|wil|wilden|willen) (?:geen|niet) ",
        r"(?:informatie|commentaar|details|mededelingen)",
        None, None, None,
    ),
    "EVIDENCE_FROM": (
        None,
        r"(?:beelden|video's|foto's|satellietbeelden|opnamen)\s+(?:is|zijn)\s+te\s+zien",
    ),
}
