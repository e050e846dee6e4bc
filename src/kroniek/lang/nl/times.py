"""Dutch time-expression lexicon for `kroniek.stages.times`.

Only words: the patterns built from them and the arithmetic live in the stage. Every
entry is general Dutch; nothing here is taken from a particular article.
"""

from __future__ import annotations

__all__ = [
    "AGO",
    "BETWEEN",
    "DECADES",
    "DEICTIC",
    "DIRECTIONS",
    "EVENT_DEFINITES",
    "EVENT_DIRECTIONS",
    "EVENT_NOUNS",
    "SAME_DAY",
    "FUTURE_CUES",
    "FUTURE_WEEKDAY",
    "MONTHS",
    "NAMED_PERIODS",
    "NOW_WORDS",
    "NUMBERS",
    "PART_OF",
    "PAST_WEEKDAY",
    "RELATIVE_UNITS",
    "SINCE",
    "UNITS",
    "VAGUE_NUMBERS",
    "WEEKDAYS",
    "YEAR_PREPOSITIONS",
]

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5,
    "zondag": 6,
}  # fmt: skip
# A weekday suffix for parts of the day: "maandagavond", "zaterdagochtend".
DAY_PARTS = ("ochtend", "morgen", "middag", "avond", "nacht")

PAST_WEEKDAY = ("afgelopen", "vorige", "jongstleden", "op")
FUTURE_WEEKDAY = ("komende", "volgende", "aanstaande")
# A sentence about what is to come: a bare weekday in it ("zaterdag") is the next one.
# (Not "wil"/"gaat" alone: "het gaat om", "wil niet zeggen" speak of no future.)
FUTURE_CUES = (
    r"zal|zullen|zult|gaat\s+\w+\s+\w*en|gaan\s+\w+\s+\w*en|gepland|wordt\s+verwacht|"
    r"worden\s+verwacht|van\s+plan|roep(?:t|en)\s+(?:\w+\s+){0,4}op|komende|aanstaande"
)

# Words for a deictic day/week/month/year: phrase -> (unit, offset from the reference).
DEICTIC = {
    "vandaag": ("day", 0), "vanochtend": ("day", 0), "vanmorgen": ("day", 0),
    "vanmiddag": ("day", 0), "vanavond": ("day", 0), "vannacht": ("night", 0),
    "gisteren": ("day", -1), "gisteravond": ("day", -1), "gistermiddag": ("day", -1),
    "gisterochtend": ("day", -1), "gistermorgen": ("day", -1), "gisternacht": ("day", -1),
    "eergisteren": ("day", -2), "morgen": ("day", 1), "overmorgen": ("day", 2),
    "deze week": ("week", 0), "afgelopen week": ("past week", -1), "vorige week": ("week", -1),
    "verleden week": ("week", -1), "volgende week": ("week", 1), "komende week": ("week", 1),
    "deze maand": ("month", 0), "vorige maand": ("month", -1), "afgelopen maand": ("month", -1),
    "verleden maand": ("month", -1), "volgende maand": ("month", 1),
    "komende maand": ("month", 1), "dit jaar": ("year", 0), "vorig jaar": ("year", -1),
    "verleden jaar": ("year", -1), "afgelopen jaar": ("year", -1), "volgend jaar": ("year", 1),
    "komend jaar": ("year", 1), "eerder deze week": ("week", 0),
    "eerder deze maand": ("month", 0), "eerder dit jaar": ("year", 0),
    "afgelopen weekeinde": ("weekend", -1), "afgelopen weekend": ("weekend", -1),
    "dit weekeinde": ("weekend", 0), "dit weekend": ("weekend", 0),
    "vorig weekend": ("weekend", -1), "vorig weekeinde": ("weekend", -1),
    "afgelopen zomer": ("summer", -1),
}  # fmt: skip

# "begin maart", "eind vorig jaar", "half april": which part of the period.
PART_OF = {
    "begin": "early", "eind": "late", "einde": "late", "eind van": "late", "medio": "mid",
    "half": "mid", "halverwege": "mid", "midden": "mid", "eerder": None,
}  # fmt: skip

SINCE = ("sinds", "sedert", "vanaf")
BETWEEN = ("tussen", "en", "van", "tot")  # "tussen januari 2016 en oktober 2018"
AGO = ("geleden",)
YEAR_PREPOSITIONS = ("in", "sinds", "sedert", "vanaf", "uit", "tot", "voor", "vóór", "na", "begin",
                     "eind", "medio", "anno", "tussen", "en", "van", "jaar")  # fmt: skip

UNITS = {
    "dag": "day", "dagen": "day", "week": "week", "weken": "week", "maand": "month",
    "maanden": "month", "jaar": "year", "jaren": "year",
}  # fmt: skip
RELATIVE_UNITS = UNITS

NUMBERS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "anderhalve": 1.5,
    "anderhalf": 1.5, "enkele": 3, "een paar": 2, "paar": 2, "ruim twee": 2,
    # past twelve: "dertig jaar geleden" (issue #13: no date without them)
    "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
    "negentien": 19, "twintig": 20, "vijfentwintig": 25, "dertig": 30, "veertig": 40, "vijftig": 50,
    "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90, "honderd": 100,
}  # fmt: skip

# "drie dagen later", "een paar dagen eerder": relative to the time told just before.
DIRECTIONS = {"later": 1, "daarna": 1, "erna": 1, "eerder": -1, "daarvoor": -1, "ervoor": -1}
# "vijf dagen voor de aanslag", "een week na het protest": counted, like "eerder"/"later", from
# the time told before, which dates the incident the definite noun refers back to. Only in
# days or weeks, before a definite article and a noun of violence or protest (EVENT_NOUNS, the
# head of a compound: "de bomaanslag"): "twee weken voor de verkiezingen", "nog twee dagen voor
# de top" count from a date the article does not tell.
EVENT_DIRECTIONS = {"voor": -1, "vóór": -1, "na": 1}
EVENT_DEFINITES = ("de", "het", "die", "dat", "deze", "dit")
EVENT_NOUNS = (r"aanslag(?:en)?|aanval(?:len)?|bombardement(?:en)?|beschieting(?:en)?|schietpartij(?:en)?|"
               r"steekpartij(?:en)?|explosie(?:s)?|ontploffing(?:en)?|moord(?:en)?|ontvoering(?:en)?|"
               r"overval(?:len)?|inval(?:len)?|rellen|ongeregeldheden|protest(?:en)?|demonstratie(?:s)?|"
               r"betoging(?:en)?|opstand|staatsgreep|couppoging|brandstichting|ramkraak|bestorming|"
               r"gevecht(?:en)?|invasie|arrestatie(?:s)?|aanhouding(?:en)?")
SAME_DAY = ("dezelfde dag", "diezelfde dag", "die dag", "datzelfde moment")

# "in de jaren negentig" -> 1990s (twentieth century unless a century is written).
# Named periods of history, as their conventional date ranges.
NAMED_PERIODS = {
    "de eerste wereldoorlog": ("1914-07-28", "1918-11-11"),
    "de tweede wereldoorlog": ("1939-09-01", "1945-09-02"),
    "de koude oorlog": ("1947-03-12", "1991-12-26"),
    # A day named by its date the American way (issue #13: "de aanslagen van 9/11" had no date).
    "9/11": ("2001-09-11", "2001-09-11"), "nine eleven": ("2001-09-11", "2001-09-11"),
}  # fmt: skip

# Words that set a sentence in the present: the year a story told before does not carry
# into it ("Nu interrumpeerde hij het moment stilte voor de slachtoffers van de aanslag",
# "heeft tot nu toe tot één aanhouding geleid").
NOW_WORDS = r"nu|tot\s+nu\s+toe|inmiddels|momenteel|tegenwoordig|thans|intussen|onlangs|recent|recentelijk"

VAGUE_NUMBERS = ("een paar", "paar", "enkele", "anderhalve", "anderhalf")

DECADES = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
    "zeventig": 70, "tachtig": 80, "negentig": 90,
    # "de jaren '90", "de jaren 90"
    **{f"{q}{d}0": d * 10 for d in range(2, 10) for q in ("", "'", "’")},
}  # fmt: skip
# "in de jaren negentig", and a part of one, with or without the article: "eind jaren
# negentig", "begin van de jaren tachtig" (the early/mid/late third; `part` as PART_OF). Bare
# "jaren twintig" only after such a part word ("al jaren twintig procent" is no decade).
DECADE_PHRASE = (r"(?:in\s+)?(?:(?P<part>begin|eind|einde|midden|halverwege|medio)\s+(?:van\s+)?"
                 r"(?:de\s+)?|de\s+)jaren\s+")
