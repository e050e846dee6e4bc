"""Dutch words around names for `kroniek.stages.entities`: what marks a recognised name as a
place whatever type the recogniser gave it. General Dutch only.
"""

from __future__ import annotations

__all__ = ["COORDINATORS", "PLACE_BEFORE"]

# A name right after one of these is a place. Each is followed by a place in at least 0.8 of
# its uses before a name in CoNLL-2002 train ("in" 0.87, "uit" 0.83: n >= 50) and WikiNEuRal
# nl ("in" 0.98 of 3,192, "uit" 0.94, "vanuit" 1.0 of 49, "te" 1.0 of 100, "nabij", "richting",
# "buiten", "rondom", "rond" 0.78-1.0 of 10-37). Left out though locative: "naar" (0.71 in
# CoNLL: clubs and persons), "bij" (0.11: employers), "via", "op", "tegen", "binnen".
PLACE_BEFORE = frozenset(["in", "uit", "vanuit", "te", "nabij", "richting", "buiten", "rond", "rondom"])

# Words that join names in a list ("rond X, Y en Z"): a cue before the first is a cue for all.
COORDINATORS = frozenset([",", "en", "of"])
