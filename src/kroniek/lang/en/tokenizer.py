"""English tokenizer rules on top of spaCy's (which already handle ’s, n't and U.S.).

Kept as a hook with the same shape as `kroniek.lang.nl.tokenizer`, so both models are
assembled and loaded the same way.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ABBREVIATIONS", "customize_tokenizer"]

ABBREVIATIONS = ["Lt.-Gen.", "Maj.-Gen.", "Brig.-Gen.", "Lt.-Col.", "approx.", "est."]


def customize_tokenizer(nlp: Any) -> None:
    from spacy.attrs import ORTH

    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
