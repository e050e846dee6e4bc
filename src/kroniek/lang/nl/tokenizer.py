"""Dutch tokenizer rules on top of spaCy's: abbreviations, `’s-Hertogenbosch`, `’s avonds`.

`customize_tokenizer(nlp)` changes only regex patterns and special cases, which spaCy
serialises with the pipeline, so a model saved after it tokenises the same way without
kroniek's code. It is applied when the model is assembled (scripts/train_models.py) and
again, idempotently, when kroniek loads a model.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["ABBREVIATIONS", "customize_tokenizer"]

# Abbreviations spaCy's Dutch rules split off their final period. Day names (zo., di.,
# do.) are left out: "Het was zo." ends a sentence far more often than it means Sunday.
ABBREVIATIONS = [
    "a.d.h.v.",
    "afb.",
    "aug.",
    "excl.",
    "feb.",
    "incl.",
    "jan.",
    "kol.",
    "lt.-gen.",
    "m.b.v.",
    "m.i.",
    "mld.",
    "mrd.",
    "n.Chr.",
    "okt.",
    "ong.",
    "sept.",
    "tel.",
    "z.g.n.",
    "gen.-maj.",
    "brig.-gen.",
    "luit.-gen.",
    "lt.-kol.",
    "dec.",
    "nov.",
    "apr.",
    "mrt.",
    "jun.",
    "jul.",
    "v.l.n.r.",
    "red.",
    "e.v.",
    "t/m",
]

# ’s and ’t (des, het) as tokens; "’s-Hertogenbosch" and "’s-Gravenhage" as one token.
_ELISIONS = {"’s": "des", "'s": "des", "‘s": "des", "’t": "het", "'t": "het", "‘t": "het"}
_KEEP_APOSTROPHE = r"(?!['’‘][st](?:-|$))"
_PLACE_WITH_S = r"^['’‘]s-[A-ZÀ-Ý][\w-]+$"


def customize_tokenizer(nlp: Any) -> None:
    from spacy.attrs import NORM, ORTH

    tok = nlp.tokenizer
    for abbr in ABBREVIATIONS:
        tok.add_special_case(abbr, [{ORTH: abbr}])
    for form, norm in _ELISIONS.items():
        tok.add_special_case(form, [{ORTH: form, NORM: norm}])
    prefix = tok.prefix_search.__self__.pattern if tok.prefix_search else ""
    if prefix and not prefix.startswith("^" + _KEEP_APOSTROPHE):
        body = prefix[1:] if prefix.startswith("^") else prefix
        tok.prefix_search = re.compile("^" + _KEEP_APOSTROPHE + "(?:" + body + ")").search
    match = tok.token_match.__self__.pattern if tok.token_match else ""
    if _PLACE_WITH_S not in match:
        tok.token_match = re.compile(_PLACE_WITH_S + ("|" + match if match else "")).match
