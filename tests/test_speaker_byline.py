"""The columnist as speaker (`kroniek.stages.names.Names._byline`): a Dutch title that
ends in the author's name alone names the "ik" of the text and the full form of their
first name. Invented titles and sentences."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline
from kroniek.stages.names import Names
from kroniek.stages.phrases import lexicon

COLUMN = (
    "Ik zit in een café en praat met een vriendin. \"Ik vind dit verschrikkelijk\", zeg ik. "
    "\"Ben jij conservatief, Karel?\" \"Ik wil de jaren zeventig terug.\""
)


def _names(text: str, title: str | None, lang: str = "nl") -> Names:
    return Names(Doc(text=text, lang=lang, title=title), lexicon(lang))


@pytest.mark.parametrize("title", ["Op zoek naar moraliteit. KAREL DOMMELSTEIN",
                                   "Moeder. Column Karel Dommelstein",
                                   "Caroliene. KAREL DOMMELSTEIN Column"])
def test_a_title_ending_in_a_name_alone_names_the_author(title: str) -> None:
    names = _names(COLUMN, title)
    assert names.author == "Karel Dommelstein"
    assert names.full_name("Karel") == "Karel Dommelstein"


@pytest.mark.parametrize("title", [
    "Tv-president kan de echte zijn. Profiel Karel Dommelstein",  # the text names him
    "Flexwerkers minst tevreden. Onderzoek Flexwerkers",  # words of the text
    "KAREL DOMMELSTEIN",  # no headline before it
    "Een headline. Karel",  # one word
    None,
])
def test_no_author_from_other_titles(title: str | None) -> None:
    text = COLUMN if title is None or "Profiel" not in title else COLUMN + " Dommelstein lacht."
    if title and "Onderzoek" in title:
        text += " Uit onderzoek blijkt het."
    assert _names(text, title).author is None


def test_no_author_without_ik_or_in_english() -> None:
    assert _names("Hij zit in een café.", "Een headline. Karel Dommelstein").author is None
    assert _names(COLUMN, "A headline. Karel Dommelstein", lang="en").author is None


def test_the_columnists_ik_is_the_author() -> None:
    pipe = build_pipeline(disable=("times", "places", "claims", "events"))
    doc = pipe(Doc(text=COLUMN, lang="nl", title="Op zoek naar moraliteit. KAREL DOMMELSTEIN"))
    q = next(q for q in doc.quotes if "verschrikkelijk" in doc.text[q.start:q.end])
    assert q.speaker is not None and q.speaker.name == "Karel Dommelstein"


def test_a_signature_under_the_column_is_no_mention_of_the_surname() -> None:
    names = _names(COLUMN + " k.dommelstein@krant.nl", "Moraliteit. KAREL DOMMELSTEIN")
    assert names.author == "Karel Dommelstein"


def test_an_upper_case_subheading_of_text_words_is_no_author() -> None:
    text = COLUMN + " Het gaat over links onderwijs."
    assert _names(text, "Leraren boos over kliklijn. LINKS ONDERWIJS").author is None
