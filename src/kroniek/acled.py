"""The ACLED event taxonomy, its PLOVER mapping and ACLED's actor codes.

Shared by the events stage, the cross-article chronicle, the export and the evaluation.
Names are ACLED's own spelling (ACLED Codebook, 2023), so exported rows keep working in
scripts written for ACLED data.

PLOVER codes are (event, mode) pairs from the PLOVER ontology; every pair used here is
checked against the PLOVER gold-standard records (`kroniek eval events --plover`, and
tests/test_events.py). `Strategic developments / Other` has no PLOVER counterpart ("").
"""

from __future__ import annotations

__all__ = [
    "ACTOR_TYPES",
    "DISORDER",
    "EVENT_TYPES",
    "FAMILY",
    "INTER_CODES",
    "PLOVER",
    "SUB_TYPES",
    "disorder_type",
    "interaction",
    "plover_code",
]

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

EVENT_TYPES = (BATTLES, EXPLOSIONS, VAC, PROTESTS, RIOTS, STRATEGIC)

SUB_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

# The event type of each sub-type.
TYPE_OF: dict[str, str] = {sub: t for t, subs in SUB_TYPES.items() for sub in subs}

# Type families for merging reports across articles: reports of one incident may be
# typed differently by different outlets ("aanval" vs "beschieting"), but a protest is
# never the same incident as an air strike.
FAMILY: dict[str, str] = {
    BATTLES: "violence",
    EXPLOSIONS: "violence",
    VAC: "violence",
    PROTESTS: "demonstration",
    RIOTS: "demonstration",
    STRATEGIC: "strategic",
}

DISORDER: dict[str, str] = {
    BATTLES: "Political violence",
    EXPLOSIONS: "Political violence",
    VAC: "Political violence",
    PROTESTS: "Demonstrations",
    RIOTS: "Demonstrations",
    STRATEGIC: "Strategic developments",
}

PLOVER: dict[str, tuple[str, str | None]] = {
    "Armed clash": ("FIGHT", "firearms"),
    "Government regains territory": ("FIGHT", None),
    "Non-state actor overtakes territory": ("FIGHT", None),
    "Chemical weapon": ("FIGHT", "other"),
    "Air/drone strike": ("FIGHT", "heavy-weapons"),
    "Suicide bomb": ("ASSAULT", "suicide-attack"),
    "Shelling/artillery/missile attack": ("FIGHT", "heavy-weapons"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", None),
    "Abduction/forced disappearance": ("COERCE", "detain"),
    "Peaceful protest": ("PROTEST", "demo-org"),
    "Protest with intervention": ("PROTEST", "obstruct"),
    "Excessive force against protesters": ("ASSAULT", "beat"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("PROTEST", "riot-spon"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", None),
    "Disrupted weapons use": ("COERCE", "confiscate"),
    "Headquarters or base established": ("MOBILIZE", "troops"),
    "Looting/property destruction": ("COERCE", "destroy"),
    "Non-violent transfer of territory": ("RETREAT", None),
    "Other": ("", None),
}

# ACLED actor types and their `inter` codes.
ACTOR_TYPES = (
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_other",
)
INTER_CODES: dict[str, int] = {t: i for i, t in enumerate(ACTOR_TYPES, start=1)}


def plover_code(sub_type: str) -> str:
    """'FIGHT', or 'FIGHT:heavy-weapons' when the sub-type fixes a PLOVER mode."""
    event, mode = PLOVER.get(sub_type, ("", None))
    return f"{event}:{mode}" if event and mode else event


def disorder_type(event_type: str) -> str:
    return DISORDER.get(event_type, "")


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the two inter codes, smaller first (10 = alone)."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b
