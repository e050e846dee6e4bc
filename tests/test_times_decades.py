"""Dutch decades with a part or in digits (issue #13, session 28)."""

from __future__ import annotations

import pytest

import kroniek


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("Hij doelde op de Kosovo-oorlog eind jaren negentig.", "eind jaren negentig",
     ("1996-09-01", "1999-12-31")),
    ("Beiden kregen begin jaren tachtig carte blanche.", "begin jaren tachtig",
     ("1980-01-01", "1983-05-01")),
    ("Bewoners kochten in de jaren 90 daar hun huis.", "in de jaren 90", ("1990-01-01", "1999-12-31")),
    ("Het duo bouwde in de jaren '80 een portfolio op.", "in de jaren '80", ("1980-01-01", "1989-12-31")),
    ("In de jaren negentig was het onrustig.", "In de jaren negentig", ("1990-01-01", "1999-12-31")),
])
def test_decades(text: str, expr: str, value: tuple[str, str]) -> None:
    doc = kroniek.analyze(text, published="2019-04-08", lang="nl")
    assert [(t.text, (t.value.from_, t.value.to)) for t in doc.times] == [(expr, value)]


def test_years_then_a_number_is_no_decade() -> None:
    doc = kroniek.analyze("Het bedrijf groeit al jaren twintig procent per jaar.",
                          published="2019-04-08", lang="nl")
    assert [t.text for t in doc.times if "twintig" in t.text] == []
