"""English source nouns and sides (same shape as `kroniek.lang.nl.sources`; the types are
`kroniek.doc.SOURCE_TYPES`)."""

from __future__ import annotations

__all__ = ["SIDES", "SOURCE_NOUNS", "TYPING_NOUNS"]

SOURCE_NOUNS = {
    "blogger": "social_media", "bloggers": "social_media", "telegram": "social_media",
    "social media": "social_media", "posts": "social_media", "tweet": "social_media",
    "footage": "imagery", "images": "imagery", "imagery": "imagery", "video": "imagery",
    "videos": "imagery", "photos": "imagery", "photographs": "imagery",
    "army": "party_to_conflict", "military": "party_to_conflict", "forces": "party_to_conflict",
    "troops": "party_to_conflict", "militants": "party_to_conflict",
    "rebels": "party_to_conflict", "militia": "party_to_conflict",
    "ministry": "official", "government": "official", "officials": "official",
    "official": "official", "authorities": "official", "spokesman": "official",
    "spokeswoman": "official", "spokesperson": "official", "minister": "official",
    "president": "official", "kremlin": "official", "police": "official",
    "department": "official", "administration": "official", "governor": "official",
    "analyst": "expert", "analysts": "expert", "expert": "expert", "experts": "expert",
    "researchers": "expert", "researcher": "expert", "professor": "expert",
    "institute": "expert", "think tank": "expert", "observers": "expert", "poll": "expert",
    "polls": "expert", "survey": "expert", "study": "expert", "sources": "unknown",
    "campaign": "official", "statement": "official", "data": "expert",
    "newspaper": "media", "agency": "media", "media": "media", "reporters": "media",
    "journalist": "media", "journalists": "media", "network": "media", "times": "media",
    "post": "media", "news": "media", "correspondent": "media",
    # Shares of a polled public and the public itself speak too ("47 percent said they
    # would vote for ..."); their type is not known from the noun.
    "percent": "unknown", "respondents": "unknown", "voters": "unknown",
    "supporters": "unknown", "delegates": "unknown", "americans": "unknown",
}

# Nouns that type a claim's source beside `SOURCE_NOUNS` but that the quote stages do not
# use to find speakers: the public as private persons, and the kinds of source
# `civilian`, `civil_society` and `business`.
TYPING_NOUNS = {
    "respondents": "civilian",
    "voters": "civilian", "supporters": "civilian", "americans": "civilian",
    "resident": "civilian", "residents": "civilian", "witness": "civilian",
    "witnesses": "civilian", "eyewitness": "civilian", "eyewitnesses": "civilian",
    "victim": "civilian", "victims": "civilian", "relatives": "civilian",
    "mother": "civilian", "father": "civilian", "neighbor": "civilian",
    "neighbour": "civilian", "neighbors": "civilian", "passenger": "civilian",
    "passengers": "civilian", "survivor": "civilian", "survivors": "civilian",
    "refugee": "civilian", "refugees": "civilian", "protesters": "civilian",
    "union": "civil_society", "unions": "civil_society", "charity": "civil_society",
    "ngo": "civil_society", "church": "civil_society", "hospital": "civil_society",
    "school": "civil_society", "activist": "civil_society", "activists": "civil_society",
    "red cross": "civil_society", "amnesty international": "civil_society",
    "human rights watch": "civil_society", "doctors without borders": "civil_society",
    "company": "business", "companies": "business", "firm": "business",
    "corporation": "business", "businessman": "business", "businesswoman": "business",
    "bank": "business", "banks": "business", "european union": "official",
    "soviet union": "official", "african union": "official",
    "employer": "business", "employers": "business", "investor": "business",
    "investors": "business",
}

SIDES = {
    "ukraine": "Ukraine", "ukrainian": "Ukraine", "ukrainians": "Ukraine", "kyiv": "Ukraine",
    "kiev": "Ukraine", "russia": "Russia", "russian": "Russia", "russians": "Russia",
    "moscow": "Russia", "kremlin": "Russia", "israel": "Israel", "israeli": "Israel",
    "hamas": "Hamas", "hezbollah": "Hezbollah", "palestinian": "Palestine",
    "syria": "Syria", "syrian": "Syria", "iran": "Iran", "iranian": "Iran",
    "american": "United States", "pentagon": "United States", "washington": "United States",
    "china": "China", "chinese": "China", "beijing": "China", "turkey": "Turkey",
    "turkish": "Turkey", "nato": "NATO",
}
