"""Stage `kroniek.places.v1`: toponyms recognised, resolved to GeoNames, never dropped.

Steps, in order:

1. **Recognise** (`find_mentions`): LOC entities; ORG/MISC/PER entities whose whole text is
   a country, region or large city; seats of power ("het Kremlin"); and, as a path of its
   own, runs of capitalised words that the gazetteer knows (longest match first), filtered
   by the language's function words, sentence position, lower-case use elsewhere in the
   article and neighbouring capitalised words. Unknown capitalised words right after a
   locative preposition or joined to a known place ("rondom X en Y") are kept too.
2. **Resolve** (`resolve_mentions`): each candidate gets a prior (population, feature
   class, how the name matched), then context — the article's focus countries and regions
   (votes of all mentions), closeness to the other places, "the city"/"the region" nouns —
   in two rounds; one name gets one place per article.
3. **Metonymy** (`mark_metonyms`): a capital or seat of government, or a seat-of-power
   noun, that speaks, decides or wants ("Kyiv wil", "zegt Moskou", "volgens Moskou") gets
   role `metonym` and a note.
4. **Fallback** (`fallback_region`): a toponym the gazetteer lacks gets the region of the
   nearest resolved place that is a location (not a metonym, not the reference point of
   "ten zuiden van X"), precision `region` (or `country`), and a note saying so.
"""


from __future__ import annotations

import math
from typing import Any

from kroniek.doc import Doc, Place
from kroniek.gazetteer import Candidate, SqliteGazetteer, fold, load_gazetteer
from kroniek.pipeline import register_stage
from kroniek.stages.places.lexicon import Lexicon, Mention, lexicon
from kroniek.stages.places.metonymy import fallback_region, is_capital, metonym_reason
from kroniek.stages.places.recognition import find_mentions
from kroniek.stages.places.resolution import resolve_mentions

__all__ = ["Lexicon", "Mention", "PlacesStage", "find_mentions", "lexicon", "resolve_mentions"]



def _precision(c: Candidate) -> str:
    if c.feature_code.startswith("PCL"):
        return "country"
    return "region" if c.feature_class == "A" else "exact"


def _confidence(m: Mention) -> float:
    top = m.scores[m.best]
    rest = [s for k, s in enumerate(m.scores) if k != m.best]
    margin = top - max(rest) if rest else 4.0
    conf = 1.0 / (1.0 + math.exp(-margin))
    if m.cands[m.best].match == "variant":
        conf *= 0.7
    return round(conf * (0.8 if m.source in {"gazetteer", "context"} else 1.0), 3)


def _place(pid: str, m: Mention, c: Candidate | None, **kw: Any) -> Place:
    p = Place(id=pid, start=m.start, end=m.end, text=m.text, entity=m.entity, **kw)
    if c is not None:
        p.geonameid, p.name, p.lat, p.lon = c.geonameid, c.name, c.lat, c.lon
        p.feature_code, p.country_code = c.feature_code, c.country_code
        p.admin1, p.admin2 = c.admin1 or None, c.admin2 or None
    return p


@register_stage("kroniek.places.v1")
class PlacesStage:
    requires = ("entities", "tokens")
    assigns = ("places",)

    def __call__(self, doc: Doc) -> Doc:
        if doc.lang not in ("nl", "en"):
            return doc
        gaz = load_gazetteer()
        lex = lexicon(doc.lang)
        mentions = find_mentions(doc, gaz, lex)
        resolve_mentions(doc, mentions, gaz, lex)
        capitals = gaz.capitals()
        located: list[tuple[Mention, Candidate]] = []
        roles: dict[int, str | None] = {}
        for k, m in enumerate(mentions):
            c = m.cands[m.best] if m.best >= 0 else None
            roles[k] = metonym_reason(doc, m, c, lex, capitals)
            seat = next((j for j, o in enumerate(m.cands) if is_capital(o, capitals)), -1)
            if roles[k] is None and seat >= 0 and seat != m.best and not (
                    c is not None and c.feature_code.startswith("PCL")):  # fmt: skip
                # A name that is also a capital ("Washington") read as the government
                # when it speaks or decides.
                roles[k] = metonym_reason(doc, m, m.cands[seat], lex, capitals)
                if roles[k] is not None:
                    m.best = seat
            m.relative = bool(lex.relative.search(doc.text[max(0, m.start - 60) : m.start])) * "y"
            if c is not None and roles[k] is None and not m.relative:
                located.append((m, c))
        doc.places = [self._record(doc, k, m, roles[k], located, gaz, lex)
                      for k, m in enumerate(mentions)]  # fmt: skip
        return doc

    @staticmethod
    def _record(doc: Doc, k: int, m: Mention, reason: str | None,
                located: list[tuple[Mention, Candidate]], gaz: SqliteGazetteer,
                lex: Lexicon) -> Place:  # fmt: skip
        pid = f"p{k + 1}"
        if m.best >= 0:
            c = m.cands[m.best]
            role = "metonym" if reason else "location"
            if m.part:
                return _place(pid, m, c, precision="region", role=role, confidence=_confidence(m),
                              note=f"the {m.part.lower()} part of {c.name}: its centre is given")  # fmt: skip
            return _place(pid, m, c, precision=_precision(c), role=role,
                          confidence=_confidence(m), note=reason)  # fmt: skip
        if fold(m.text) in lex.wide_regions:
            return _place(pid, m, None, precision="region", confidence=0.1,
                          note=f"'{m.text}' is a region wider than a country: not placed")  # fmt: skip
        fb = fallback_region(doc, m, located, gaz, lex)
        if fb is None:
            return _place(pid, m, None, precision="region", confidence=0.1,
                          note=f"'{m.text}' is not in the gazetteer and the article names no "
                               "place to locate it by")  # fmt: skip
        region, precision, note = fb
        return _place(pid, m, region, precision=precision, confidence=0.3, note=note)
