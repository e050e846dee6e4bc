"""English lexicons for recognising and resolving places (used by `kroniek.places.v1`).

Same concerns as `kroniek.lang.nl.places`: function and common words that are also place
names, locative prepositions, relative location phrases, verbs that make a capital stand
for its government, and seats of power.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATIONS",
    "CLUB_BEFORE",
    "SPORT_WORDS",
    "ORGANISATION_HEADS",
    "NEVER_PLACES",
    "NOT_PLACE_NEXT",
    "BORDER_WORDS",
    "FUNCTION_WORDS",
    "LOCATIVE_PREPOSITIONS",
    "METONYM_PREPOSITIONS",
    "RELATIVE_PATTERNS",
    "SEATS_OF_POWER",
    "SPEECH_VERBS",
]

# Words that are capitalised at a sentence start or in headlines and are also the name of
# some small place: never a place on their own. The titles, months, weekdays and common
# nouns here were found as false positives on LGL and GeoVirus (tuning data).
FUNCTION_WORDS = frozenset(["the", "a", "an", "and", "but", "or", "if", "in", "on", "at", "of", "for", "with", "by", "as", "he", "she", "it", "we", "they", "you", "i", "his", "her", "its", "their", "our", "this", "that", "these", "those", "there", "here", "not", "no", "yes", "more", "most", "some", "many", "much", "all", "any", "each", "every", "both", "other", "such", "what", "who", "whom", "whose", "which", "when", "where", "why", "how", "than", "then", "so", "also", "only", "just", "still", "even", "very", "too", "now", "today", "tonight", "tomorrow", "yesterday", "after", "before", "while", "during", "since", "until", "about", "over", "under", "between", "against", "into", "onto", "from", "to", "up", "down", "out", "off", "again", "once", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "lt", "sgt", "st", "jr", "sr", "gen", "col", "capt", "president", "senator", "governor", "mayor", "judge", "chief", "sheriff", "police", "officer", "director", "manager", "university", "college", "school", "hospital", "church", "county", "city", "state", "street", "road", "avenue", "highway", "river", "lake", "park", "center", "centre", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "new", "old", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "spring", "summer", "fall", "autumn", "winter", "christmas", "easter", "god", "lord", "pope", "agent", "saint", "man", "woman", "people", "health", "ebola", "virus", "flu", "swine", "zika", "department", "ministry", "office", "agency", "authority", "council", "committee", "commission", "association", "national", "international", "federal", "world", "global", "union", "united", "news", "online", "media", "report", "story", "photo", "video", "business", "market", "bank", "company", "group", "family", "home", "house", "hall", "court", "bay", "beach", "harbor", "port", "island", "islands", "mountain", "valley", "station", "airport", "district", "region", "union", "army", "navy", "force", "forces", "government", "republic", "kingdom", "province", "territory"])

LOCATIVE_PREPOSITIONS = frozenset(["in", "at", "near", "from", "to", "into", "across", "throughout", "outside", "inside", "around", "toward", "towards", "via"])

RELATIVE_PATTERNS = (
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of",
    r"(?:just )?(?:across|over) the border(?: from| with)?",
    r"near|close to|outside|on the outskirts of|in the vicinity of|not far from",
    r"(?:a few|several|some|\d+) (?:kilometers|kilometres|km|miles) (?:from|outside|of)",
)

BORDER_WORDS = frozenset({"border", "frontier", "front", "frontline", "borderland"})

SPEECH_VERBS = frozenset(["said", "says", "say", "saying", "told", "tells", "announced", "announces", "wants", "wanted", "warned", "warns", "denied", "denies", "refused", "refuses", "accused", "accuses", "claimed", "claims", "demanded", "demands", "decided", "decides", "insisted", "insists", "rejected", "rejects", "confirmed", "confirms", "condemned", "condemns", "hopes", "hoped", "threatened", "threatens", "responded", "responds", "urged", "urges", "called", "calls", "believes", "believed", "has", "had", "will", "would", "could", "can", "may", "might", "must", "is", "was"])

METONYM_PREPOSITIONS = frozenset({"according"})

SEATS_OF_POWER = {
    "kremlin": "RU", "white house": "US", "pentagon": "US", "elysee": "FR",
    "downing street": "GB", "whitehall": "GB", "bankova": "UA", "zhongnanhai": "CN",
    "capitol hill": "US", "quai d orsay": "FR", "knesset": "IL",
}  # fmt: skip

# Abbreviated and short country names (and Australian states), and the AP-style abbreviations of US states that news datelines
# use ("Charleston, W.Va."), as GeoNames admin codes ("US" or "US.WV").
ABBREVIATIONS = {"US": "US", "U.S.": "US", "U.S.A.": "US", "USA": "US", "UK": "GB",
                 "U.K.": "GB", "UAE": "AE", "DRC": "CD",
                 "Britain": "GB", "America": "US", "Great Britain": "GB", "Democratic Republic of the Congo": "CD",
                 "Democratic Republic of Congo": "CD", "NSW": "AU.02", "ACT": "AU.01", "D.C.": "US.DC",
                 **{k: f"US.{v}" for k, v in (
                     ("Ala.", "AL"), ("Ariz.", "AZ"), ("Ark.", "AR"), ("Calif.", "CA"),
                     ("Colo.", "CO"), ("Conn.", "CT"), ("Del.", "DE"), ("Fla.", "FL"),
                     ("Ga.", "GA"), ("Ill.", "IL"), ("Ind.", "IN"), ("Kan.", "KS"),
                     ("Ky.", "KY"), ("La.", "LA"), ("Md.", "MD"), ("Mass.", "MA"),
                     ("Mich.", "MI"), ("Minn.", "MN"), ("Miss.", "MS"), ("Mo.", "MO"),
                     ("Mont.", "MT"), ("Neb.", "NE"), ("Nev.", "NV"), ("N.H.", "NH"),
                     ("N.J.", "NJ"), ("N.M.", "NM"), ("N.Y.", "NY"), ("N.C.", "NC"),
                     ("N.D.", "ND"), ("Okla.", "OK"), ("Ore.", "OR"), ("Pa.", "PA"),
                     ("R.I.", "RI"), ("S.C.", "SC"), ("S.D.", "SD"), ("Tenn.", "TN"),
                     ("Vt.", "VT"), ("Va.", "VA"), ("Wash.", "WA"), ("W.Va.", "WV"),
                     ("W. Va.", "WV"), ("Wis.", "WI"), ("Wyo.", "WY"))}}  # fmt: skip

# Never a place on their own, whatever precedes them ("in August", "in mei").
NEVER_PLACES = frozenset(["god", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])

# A name followed by one of these is what is named after the place (a disease, a strain),
# not a mention of the place ("Marburg virus"; GeoVirus tuning data).
NOT_PLACE_NEXT = frozenset(["virus", "fever", "flu", "disease", "outbreak", "strain", "hemorrhagic", "poisoning",
                            "haemorrhagic"])

# Head nouns of organisation names: a place name followed by one of these in the same run of
# capitalised words names the organisation ("New York Times", "Beijing Health Bureau").
ORGANISATION_HEADS = frozenset(["department", "ministry", "schools", "congress", "postal", "times", "daily", "broadcasting", "airlines", "airways", "telegraph", "observer", "chronicle", "gazette", "post", "tribune", "herald", "journal", "gazette", "news", "bureau", "agency", "service", "services", "university", "institute", "college", "school", "elementary", "academy", "council", "committee", "commission", "society", "corporation", "company", "association", "organization", "organisation", "union", "federation", "board", "authority", "hospital", "clinic", "zoo", "church", "olympic", "olympics", "games", "act", "party", "army", "police"])

# No club rule in English (see the Dutch lexicon): LGL's gold counts a town named for its
# team as a toponym ("a 43-21 win over Delano", "the meet against Delano"), and on LGL tune
# the rule only removed such matches.
SPORT_WORDS: frozenset[str] = frozenset()
CLUB_BEFORE: frozenset[str] = frozenset()
