"""The claims stage's speed edits find what the slower forms found: `mentions` is the
`(?<![\\w-])word(?![\\w-])` search without a pattern per name, and a pattern of
`DECLINE`/`EVIDENCE_FROM` is skipped only where its guard (its fixed words) is absent."""

from __future__ import annotations

import re

import pytest

from kroniek.lang.nl import claims as nl_claims
from kroniek.stages.source_types import mentions

TEXTS = [
    "Jansen zegt: Jansen-Smit en Jansens zijn niet Jansen_x of 2Jansen, wel (Jansen).",
    "Müller, Müller-Lüdenscheidt, àMüller Müller",
    "De Vries de Vries De Vries-Bakker  De Vries",
    "aaa aa a aaaa aa",
    "Özil. Özil3 Özil-",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("word", ["Jansen", "Müller", "De Vries", "aa", "Özil", "a"])
def test_mentions_finds_what_the_pattern_finds(text: str, word: str) -> None:
    want = [(m.start(), m.end())
            for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
    assert list(mentions(text, word)) == want


DECLINES_AND_EVIDENCE = [
    "Meer informatie wilde de politie niet geven.",
    "Details kan het OM niet kwijt.",
    "De woordvoerder wil geen commentaar geven op de zaak.",
    "Shell wilde niet ingaan op de vragen.",
    "Wilde de burgemeester geen informatie geven?",
    "Kon de minister geen details verstrekken",
    "Op de beelden is te zien dat de man wegrent.",
    "Op satellietbeelden zijn te zien dat het dorp is verwoest.",
    "Uit onderzoek blijkt dat het werkt.",
]


@pytest.mark.parametrize("name", ["DECLINE", "EVIDENCE_FROM"])
def test_a_guard_matches_wherever_its_pattern_does(name: str) -> None:
    patterns = getattr(nl_claims, name)
    guards = nl_claims.GUARDS[name]
    assert len(guards) == len(patterns)
    matched = 0
    for pat, guard in zip(patterns, guards, strict=True):
        for text in DECLINES_AND_EVIDENCE:
            if re.search(pat, text):
                matched += 1
                assert guard is None or re.search(guard, text), (pat, text)
    assert matched >= 3  # the examples exercise the patterns
