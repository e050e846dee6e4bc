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
    from spacy.util import compile_infix_regex

    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    # A hyphen inside a word or a number does not split it ("Japan-based", "6-2",
    # "1996-08-31"), as in CoNLL-2003, which the English model is trained on: splitting
    # them cost the pipeline 1.2 NER F1 points on the CoNLL-2003 dev documents. Dashes
    # (– — --) still split.
    infixes = [
        rule.replace("(?:-|", "(?:").replace(r"[+\-\*^]", r"[+\*^]")
        for rule in nlp.Defaults.infixes
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
