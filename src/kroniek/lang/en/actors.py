"""English actor lexicon for `kroniek.stages.events` (see `kroniek.lang.nl.actors`)."""

from __future__ import annotations

__all__ = ["AGENT_PREPOSITIONS", "DEMONYMS", "FORCES", "GROUP_SUFFIXES", "TARGET_PREPOSITIONS"]

FORCES: list[tuple[str, str, str]] = [
    (r"army|armies|troops|soldiers|military|armed\s+forces|air\s+force|navy|marines|forces|"
     r"artillery|units|special\s+forces", "state_forces", "Military Forces of {country}"),
    (r"police|riot\s+police|officers|security\s+forces|security\s+services|intelligence\s+services?",
     "state_forces", "Police Forces of {country}"),
    (r"government|authorities|president|prime\s+minister|ministry|regime|Kremlin|prosecutors?",
     "state_forces", "Government of {country}"),
    (r"rebels|insurgents|militants|fighters|separatists|guerrillas|jihadists|islamists|terrorists",
     "rebel_group", "Rebels ({country})"),
    (r"gunm[ae]n|shooters?|attackers?|assailants?|perpetrators?|unknown\s+assailants",
     "political_militia", "Unidentified Armed Group ({country})"),
    (r"militias?|militiamen|paramilitaries|hunters", "political_militia", "Militia ({country})"),
    (r"protesters|demonstrators|activists|supporters|marchers|strikers",
     "protesters", "Protesters ({country})"),
    (r"rioters|looters|mobs?", "rioters", "Rioters ({country})"),
    (r"civilians|residents|villagers|herders|farmers|christians|muslims|worshippers|women|"
     r"children|journalists|students|people|victims|refugees|suspects|prisoners",
     "civilians", "Civilians ({country})"),
]

GROUP_SUFFIXES = r"hunters|herders|fighters|militias|drivers|farmers|protesters|activists"

DEMONYMS: dict[str, tuple[str, str]] = {
    "ukrainian": ("UA", "Ukraine"), "russian": ("RU", "Russia"), "syrian": ("SY", "Syria"),
    "israeli": ("IL", "Israel"), "palestinian": ("PS", "Palestine"),
    "american": ("US", "United States"), "turkish": ("TR", "Turkey"), "iraqi": ("IQ", "Iraq"),
    "iranian": ("IR", "Iran"), "afghan": ("AF", "Afghanistan"), "yemeni": ("YE", "Yemen"),
    "saudi": ("SA", "Saudi Arabia"), "venezuelan": ("VE", "Venezuela"),
    "algerian": ("DZ", "Algeria"), "sudanese": ("SD", "Sudan"), "malian": ("ML", "Mali"),
    "nigerian": ("NG", "Nigeria"), "french": ("FR", "France"), "dutch": ("NL", "Netherlands"),
    "british": ("GB", "United Kingdom"), "german": ("DE", "Germany"), "libyan": ("LY", "Libya"),
    "egyptian": ("EG", "Egypt"), "pakistani": ("PK", "Pakistan"), "indian": ("IN", "India"),
    "chinese": ("CN", "China"), "somali": ("SO", "Somalia"), "congolese": ("CD", "Democratic Republic of Congo"),
    "ethiopian": ("ET", "Ethiopia"), "lebanese": ("LB", "Lebanon"), "belgian": ("BE", "Belgium"),
    "romanian": ("RO", "Romania"), "bosnian": ("BA", "Bosnia and Herzegovina"),
    "serbian": ("RS", "Serbia"), "serb": ("RS", "Serbia"), "georgian": ("GE", "Georgia"),
    "armenian": ("AM", "Armenia"), "azerbaijani": ("AZ", "Azerbaijan"),
    "belarusian": ("BY", "Belarus"), "polish": ("PL", "Poland"), "kurdish": ("", "Kurdish"),
    "colombian": ("CO", "Colombia"), "mexican": ("MX", "Mexico"), "burmese": ("MM", "Myanmar"),
    "filipino": ("PH", "Philippines"), "kenyan": ("KE", "Kenya"), "chadian": ("TD", "Chad"),
    "nigerien": ("NE", "Niger"), "mozambican": ("MZ", "Mozambique"), "tunisian": ("TN", "Tunisia"),
    "moroccan": ("MA", "Morocco"), "jordanian": ("JO", "Jordan"), "us": ("US", "United States"),
    "u.s.": ("US", "United States"),
}  # fmt: skip

AGENT_PREPOSITIONS = r"by"
TARGET_PREPOSITIONS = r"on|against"
