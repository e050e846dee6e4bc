"""Dutch lexicons for recognising and resolving places (used by `kroniek.places.v1`).

General Dutch: function words that are also place names somewhere, prepositions that
announce a place, relative location phrases, verbs of speaking and deciding that make a
capital stand for its government, and nouns for seats of power.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATIONS",
    "WIDE_REGIONS",
    "ADJECTIVE_ENDINGS",
    "CLUB_BEFORE",
    "CLUB_MEMBERSHIP",
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

# Capitalised at the start of a sentence, these are words, not the places that share their
# name (Die in France, Een and Meer in the Low Countries, Naast in Belgium, ...).
FUNCTION_WORDS = frozenset(["de", "het", "een", "men", "die", "dat", "deze", "dit", "die", "daar", "hier", "er", "en", "of", "maar", "want", "dus", "toch", "ook", "nog", "al", "wel", "niet", "geen", "meer", "minder", "veel", "weinig", "naast", "met", "zonder", "voor", "na", "over", "onder", "boven", "tussen", "tegen", "door", "om", "op", "in", "uit", "aan", "bij", "tot", "van", "naar", "sinds", "tijdens", "vanaf", "volgens", "via", "zo", "toen", "nu", "dan", "als", "wie", "wat", "waar", "hoe", "waarom", "welke", "wanneer", "ik", "jij", "je", "u", "hij", "zij", "ze", "wij", "we", "jullie", "zijn", "haar", "hun", "ons", "onze", "mijn", "zijn", "was", "waren", "is", "wordt", "werd", "heeft", "hebben", "had", "kan", "kon", "zal", "zou", "moet", "mag", "elke", "ieder", "iedere", "alle", "enkele", "sommige", "beide", "andere", "zelf", "zeker", "vooral", "echter", "ondanks", "desondanks", "daarom", "daarnaast", "bovendien", "intussen", "inmiddels", "vooralsnog", "ook", "eerst", "later", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december", "moraal", "beeld", "foto", "lees"])

# Prepositions after which a capitalised word is most likely a place.
LOCATIVE_PREPOSITIONS = frozenset(["in", "naar", "uit", "bij", "rond", "rondom", "nabij", "richting", "vanuit", "via", "langs", "tegenover", "buiten", "binnen"])

# Relative location phrases just before a place name (regular expressions, lower case).
RELATIVE_PATTERNS = (
    r"ten (?:noord|zuid)?(?:noorden|zuiden|oosten|westen) van",
    r"(?:net|vlak|pal) (?:over|aan|bij) de grens(?: met| van)?",
    r"vlak bij|vlakbij|dicht bij|dichtbij|nabij|in de buurt van|in de omgeving van",
    r"op (?:\w+ )?(?:enkele|een paar|\d+) (?:kilometer|km)s? (?:van|ten \w+ van)",
    r"aan de rand van|buiten|rondom|rond",
)

# Words that tie a place to a border ("op enkele kilometers van de grens").
BORDER_WORDS = frozenset({"grens", "grensgebied", "grensregio", "frontlinie", "front"})

# Finite verbs (and a few auxiliaries) of speaking, deciding and wanting: a capital that
# is their subject stands for its government ("Kyiv wil", "zegt Moskou").
SPEECH_VERBS = frozenset(["zegt", "zei", "zeggen", "zeiden", "meldt", "meldde", "melden", "meldden", "wil", "wilde", "willen", "wilden", "kiest", "koos", "kiezen", "kozen", "eist", "eiste", "eisen", "ontkent", "ontkende", "ontkennen", "verklaart", "verklaarde", "stelt", "stelde", "waarschuwt", "waarschuwde", "dreigt", "dreigde", "beschuldigt", "beschuldigde", "besluit", "besloot", "besloten", "weigert", "weigerde", "erkent", "erkende", "bevestigt", "bevestigde", "reageert", "reageerde", "hoopt", "hoopte", "vindt", "vond", "vreest", "vreesde", "noemt", "noemde", "kondigt", "kondigde", "laat", "liet", "stuurt", "stuurde", "beweert", "beweerde", "ontkende", "benadrukt", "benadrukte", "veroordeelt", "veroordeelde", "roept", "riep", "staat", "stond", "zal", "zou", "heeft", "had", "kan", "kon", "moet", "moest", "lijkt", "leek", "gaf", "geeft", "maakt", "maakte"])

# "volgens Moskou", "voor Moskou is ...": the capital as a point of view, not a location.
METONYM_PREPOSITIONS = frozenset({"volgens", "voor", "namens"})

# Seats of power that stand for a government, with its country (ISO code).
SEATS_OF_POWER = {
    "kremlin": "RU", "witte huis": "US", "pentagon": "US", "elysee": "FR",
    "downing street": "GB", "binnenhof": "NL", "torentje": "NL", "bankova": "UA",
    "zhongnanhai": "CN", "quai d orsay": "FR", "knesset": "IL", "capitool": "US",
}  # fmt: skip

# Abbreviated and colloquial country names ("Amerika" is the United States in Dutch news;
# GeoNames' Dutch names lack it, and a hamlet in Limburg is called America), and the
# everyday Dutch names of countries and regions that GeoNames' Dutch names lack or spell
# otherwise (code "CC" or "CC.ADM1"). Without them the name had no entry and fell back to
# the region of a nearby place ("Groot-Brittannië" placed in Peru and in Washington, D.C. on
# the DPG store), or matched another place's spelling variant ("Bosnië" ~ Besni, Turkey;
# "Birma" ~ Parma; "Krim" ~ Krum, Texas).
ABBREVIATIONS = {"VS": "US", "V.S.": "US", "VK": "GB", "VAE": "AE", "Amerika": "US",
                 "Groot-Brittannië": "GB", "Brittannië": "GB", "Wit-Rusland": "BY",
                 "Noord-Korea": "KP", "Zuid-Korea": "KR", "Saoedi-Arabië": "SA",
                 "Slowakije": "SK", "Libië": "LY", "Bosnië": "BA", "Birma": "MM",
                 "Macedonië": "MK", "Vaticaanstad": "VA", "Krim": "UA.11",
                 "Tsjetsjenië": "RU.12", "Vlaanderen": "BE.VLG",
                 "Westelijke Jordaanoever": "PS.WE"}  # fmt: skip

# Regions wider than a country, with no point of their own in the gazetteer: a mention is a
# place but is not placed ("bosbranden in Scandinavië" fell back to the region of the nearest
# place, California; "de Balkan" is also a province of Turkmenistan, "de Sahel" one of
# Burkina Faso).
WIDE_REGIONS = frozenset(["Scandinavië", "Latijns-Amerika", "Midden-Amerika", "Centraal-Amerika", "Midden-Oosten", "Nabije Oosten", "Verre Oosten", "Balkan", "Kaukasus", "Sahel", "Maghreb", "Levant", "Benelux", "Baltische staten", "Golfstaten", "Centraal-Azië", "Hoorn van Afrika"])  # fmt: skip

# Never a place on their own, whatever precedes them ("in August", "in mei", "in het Frans").
# Language names are capitalised in Dutch ("in het Engels"): Engels, Frans and Turks are
# also places somewhere (seen on the DPG news set: "Engels" → Russia 33 times).
# (A compass word alone is a district of a city the article knows, never a foreign region:
# "reden door West" was the West region of Cameroon.)
NEVER_PLACES = frozenset(["noord", "zuid", "oost", "west", "centrum", "zuidoost", "noordoost", "zuidwest", "noordwest", "god", "engels", "frans", "duits", "spaans", "italiaans", "russisch", "arabisch", "turks", "chinees", "japans", "pools", "grieks", "portugees", "nederlands", "vlaams", "fries", "oekraiens", "oekraïens", "hebreeuws", "perzisch", "koerdisch", "latijn", "zweeds", "noors", "deens", "fins", "hongaars", "roemeens", "tsjechisch", "servisch", "kroatisch", "hindi", "swahili", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"])

# A name followed by one of these is what is named after the place (a disease, a strain),
# not a mention of the place ("Marburg virus"; GeoVirus tuning data).
NOT_PLACE_NEXT = frozenset(["virus", "koorts", "griep", "ziekte", "uitbraak"])

# Head nouns of organisation names: a place name followed by one of these in the same run of
# capitalised words names the organisation ("New York Times", "Beijing Health Bureau").
ORGANISATION_HEADS = frozenset(["universiteit", "hogeschool", "instituut", "school", "ziekenhuis", "raad", "commissie", "vereniging", "stichting", "bond", "partij", "krant", "courant", "dagblad", "nieuwsblad", "politie", "leger", "omroep"])

# Endings of adjectives and inhabitant nouns made from place names ("Koerdische",
# "Russische", "Haagse", "Oekraïners", "Italianen", "Chinezen"): a capitalised word with one
# of them is never a place unless the gazetteer knows it by that very name ("Lisse",
# "Toulouse"); spelling variants do not count ("Duitse" ~ Dutse, Nigeria).
ADJECTIVE_ENDINGS = ("se", "sche", "isch", "ers", "anen", "ezen")

# Words of sports reporting: an article with several of them is about sport, and there a
# town's name after "tegen" or tagged as an organisation is the club ("speelt tegen
# Heerenveen", "in de Champions League tegen Napoli").
SPORT_WORDS = frozenset(["wedstrijd", "wedstrijden", "competitie", "eredivisie", "doelpunt", "doelpunten", "doelman", "scoorde", "scoren", "gescoord", "trainer", "coach", "voetbal", "voetballer", "voetballers", "elftal", "speelronde", "uitwedstrijd", "thuiswedstrijd", "stadion", "supporters", "kampioen", "kampioenschap", "play-offs", "beker", "bekerwedstrijd", "finale", "league", "keeper", "spits", "middenvelder", "verdediger", "scheidsrechter", "degradatie", "titel", "seizoen", "ploeg", "club", "clubs", "fans", "tuchtcommissie", "knvb", "uefa", "fifa", "punten", "gelijkspel", "nederlaag", "overwinning", "transfer"])

# Words right before a town's name that, in sports reporting, make it the club.
CLUB_BEFORE = frozenset(["tegen", "versus", "vs"])
# Locative prepositions that before a club's name say who one plays for, not where ("speelt
# bij Napoli"): once a name is a club in the article, only the other locatives keep it a place.
CLUB_MEMBERSHIP = frozenset(["bij"])
