"""English factuality cues and evidence constructions (same shape as lang/nl/claims.py)."""

from __future__ import annotations

__all__ = ["DECLINE", "DENIAL_CUES", "EVIDENCE_FROM", "GUARDS", "HEDGES", "UNCONFIRMED"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

HEDGES = (
    r"\breportedly\b", r"\ballegedly\b", r"\bpossibly\b", r"\bprobably\b", r"\blikely\b",
    r"\bmay have\b", r"\bmight\b", r"\bcould\b", r"\bwould\b", r"\bapparently\b",
    r"\bseem(?:s|ed)?\b", r"\bappear(?:s|ed)? to\b", r"\bsuspected\b", r"\bperhaps\b",
)
UNCONFIRMED = (
    r"\bcould not be (?:independently )?(?:verified|confirmed)\b",
    r"\bunconfirmed\b", r"\bunverified\b", r"\bnot (?:been )?(?:independently )?verified\b",
)
DENIAL_CUES = _words(
    "denied denies deny rejected rejects refuted refutes disputed"
)
# A named source is at most 6 capitalised words: unbounded, a run of names ("Kyiv Kyiv
# ...") was matched in time growing with its square (#17).
DECLINE = (
    r"\b(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5}|the\s+\w+)\s+(?:would|did|could)\s+not\s+"
    r"(?:say|comment|elaborate|confirm|give)\b",
    r"\b(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5}|the\s+\w+)\s+declined\s+to\s+"
    r"(?:comment|say|elaborate|confirm|give)",
    r"\bno comment\b", r"\bdid not respond to (?:a )?requests? for comment\b",
)
EVIDENCE_FROM = (
    r"\b(?P<src>(?:\w+\s+){0,2}(?:footage|images|video|videos|photos|imagery|documents))\s+"
    r"(?P<cue>shows?|showed|shown|suggests?|suggested|indicates?|indicated)\b(?:\s+that)?",
)
# The fixed words each pattern needs (kroniek.stages.claims._guarded): a text without them
# is not searched with the pattern, whose unanchored capitalised source would otherwise be
# tried at every capital of the text.
GUARDS = {
    "DECLINE": (
        r"(?:would|did|could)\s+not\s+(?:say|comment|elaborate|confirm|give)\b",
        r"declined\s+to\s+(?:comment|say|elaborate|confirm|give)",
        None, None,
    ),
    "EVIDENCE_FROM": (
        r"(?:footage|images|video|videos|photos|imagery|documents)\s+(?:shows?|showed|shown|"
        r"suggests?|suggested|indicates?|indicated)\b",
    ),
}
