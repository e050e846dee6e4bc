"""A Dutch source name with an elided compound ("de Voedsel- en Warenautoriteit") runs
on past the hyphen and "en"/"of" (`phrases.np_after`); a dash between spaces does not."""

from __future__ import annotations

import pytest

from kroniek.stages.phrases import Words, lexicon, np_after


def _after_volgens(text: str) -> str | None:
    w = Words.of(text)
    i = w.words.index("volgens") + 1
    m = np_after(w, i, len(w.words), lexicon("nl"))
    return m.text if m else None


@pytest.mark.parametrize(("text", "name"), [
    ("Het voedsel is volgens de Nederlandse Voedsel- en Warenautoriteit niet veilig.",
     "de Nederlandse Voedsel- en Warenautoriteit"),
    ("Het ging volgens het ministerie van Justitie- en Veiligheid mis.",
     "het ministerie van Justitie- en Veiligheid"),
    ("Het is volgens de Kamer- of Senaatsleden onjuist.", "de Kamer- of Senaatsleden"),
])
def test_elided_compound_stays_in_the_name(text: str, name: str) -> None:
    assert _after_volgens(text) == name


def test_dash_between_spaces_ends_the_name() -> None:
    assert not (_after_volgens("Het is volgens Rutte - en dat is vreemd - onjuist.") or "").endswith("en")
