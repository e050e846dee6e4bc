"""English time-expression lexicon for `kroniek.stages.times` (words only)."""

from __future__ import annotations

__all__ = [
    "AGO",
    "DECADES",
    "DEICTIC",
    "DIRECTIONS",
    "SAME_DAY",
    "FUTURE_CUES",
    "FUTURE_WEEKDAY",
    "MONTHS",
    "NAMED_PERIODS",
    "NUMBERS",
    "PART_OF",
    "PAST_WEEKDAY",
    "SINCE",
    "UNITS",
    "VAGUE_NUMBERS",
    "WEEKDAYS",
    "YEAR_PREPOSITIONS",
]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
DAY_PARTS = (" morning", " afternoon", " evening", " night")

PAST_WEEKDAY = ("last", "on", "past")
FUTURE_WEEKDAY = ("next", "coming", "this coming")
# A sentence about what is to come: a bare weekday in it ("on Saturday") is the next one.
FUTURE_CUES = (
    r"will|shall|(?:is|are)\s+going\s+to|(?:is|are)\s+(?:due|set|scheduled|planned)\s+to|"
    r"plans?\s+to|planned|announced|called\s+for|upcoming|next|coming"
)

DEICTIC = {
    "today": ("day", 0), "this morning": ("day", 0), "this afternoon": ("day", 0),
    "this evening": ("day", 0), "tonight": ("day", 0), "overnight": ("night", 0),
    "yesterday": ("day", -1), "last night": ("night", 0), "the day before yesterday": ("day", -2),
    "tomorrow": ("day", 1), "this week": ("week", 0), "last week": ("week", -1),
    "past week": ("week", -1), "next week": ("week", 1), "this month": ("month", 0),
    "last month": ("month", -1), "past month": ("month", -1), "next month": ("month", 1),
    "this year": ("year", 0), "last year": ("year", -1), "past year": ("year", -1),
    "next year": ("year", 1), "earlier this week": ("week", 0),
    "earlier this month": ("month", 0), "earlier this year": ("year", 0),
    "last weekend": ("weekend", -1), "this weekend": ("weekend", 0),
    "last summer": ("summer", -1),
}  # fmt: skip

PART_OF = {"early": "early", "late": "late", "mid": "mid", "mid-": "mid", "the end of": "late",
           "the beginning of": "early", "the middle of": "mid", "end of": "late"}  # fmt: skip

SINCE = ("since", "from")
AGO = ("ago",)
YEAR_PREPOSITIONS = ("in", "since", "from", "until", "till", "by", "before", "after", "early",
                     "late", "mid", "between", "and", "of", "year")  # fmt: skip

UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
         "months": "month", "year": "year", "years": "year"}  # fmt: skip

NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "a few": 3, "several": 3, "a couple of": 2}  # fmt: skip

DIRECTIONS = {"later": 1, "after": 1, "afterwards": 1, "earlier": -1, "before": -1}
SAME_DAY = ("the same day", "that same day", "that day")

# Named periods of history, as their conventional date ranges.
NAMED_PERIODS = {
    "the first world war": ("1914-07-28", "1918-11-11"), "world war i": ("1914-07-28", "1918-11-11"),
    "the second world war": ("1939-09-01", "1945-09-02"), "world war ii": ("1939-09-01", "1945-09-02"),
    "the cold war": ("1947-03-12", "1991-12-26"),
}  # fmt: skip

VAGUE_NUMBERS = ("a few", "several", "a couple of")

DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
           "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip
DECADE_PHRASE = r"(?:in\s+)?the\s+"
