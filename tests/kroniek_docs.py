"""Small, valid `kroniek/1` documents built directly from the Doc dataclasses.

Every span is found in the text, so offsets always slice exactly; the values vary with
the arguments so filters have something to tell apart.
"""

from __future__ import annotations

from kroniek.doc import (
    Actor,
    Block,
    Claim,
    Cue,
    Doc,
    Entity,
    Event,
    EventTime,
    Evidence,
    Place,
    Published,
    Quote,
    Sentence,
    Source,
    Speaker,
    TimeExpr,
    TimeValue,
)

__all__ = ["make_doc", "sample_docs"]


def _at(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def make_doc(
    *,
    place: str = "Kozatsje",
    lat: float = 50.1,
    lon: float = 36.2,
    day: str = "2025-04-08",
    event_type: str = "Explosions/Remote violence",
    sub_type: str = "Air/drone strike",
    actor1: str = "Russische strijdkrachten",
    actor2: str = "Burgers",
    side1: str = "RU",
    source_type: str = "party_to_conflict",
    speaker: str = "Jan de Vries",
    precision: str = "exact",
    extra: str = "",
) -> Doc:
    """One article with a sentence per record kind and one event with its claim."""
    s1 = (f"Bij een drone-aanval op {place} zijn op {day} drie burgers gedood, "
          f"meldt het Oekraïense leger.{extra}")
    s2 = f'"Het was een zware nacht," zei burgemeester {speaker}.'
    text = f"{s1}\n\n{s2}"
    p_start, p_end = _at(text, place)
    t_start, t_end = _at(text, day)
    trig = _at(text, "drone-aanval")
    leger = _at(text, "het Oekraïense leger")
    cue = _at(text, "meldt")
    q = _at(text, '"Het was een zware nacht,"')
    zei = _at(text, "zei")
    spk = _at(text, speaker)
    doc = Doc(
        text=text, url=f"https://example.org/{place}/{day}", title=f"Aanval op {place}",
        outlet="Voorbeeldkrant", lang="nl", published=Published(day, "day"),
        blocks=[Block(0, len(s1)), Block(len(s1) + 2, len(text))],
        sentences=[Sentence(0, len(s1)), Sentence(len(s1) + 2, len(text))],
        entities=[
            Entity("e1", p_start, p_end, place, "LOC", place, 0.9),
            Entity("e2", spk[0], spk[1], speaker, "PER", speaker, 0.9),
        ],
        places=[Place("p1", p_start, p_end, place, entity="e1", geonameid=700000 + int(lat),
                      name=place, lat=lat, lon=lon, feature_code="PPL", country_code="UA",
                      precision=precision, confidence=0.8)],  # type: ignore[arg-type]
        times=[TimeExpr("t1", t_start, t_end, day, TimeValue(day, day), "day")],
        quotes=[Quote("q1", q[0], q[1], text[q[0]:q[1]], "direct", Cue(*zei, "zei"),
                      Speaker("e2", speaker, "burgemeester", *spk), 0.9)],
        claims=[Claim("c1", 0, len(s1), Source("het Oekraïense leger", source_type,  # type: ignore[arg-type]
                                               "UA", *leger),
                      Cue(*cue, "meldt"), Evidence("statement", *leger, text[leger[0]:leger[1]]),
                      "asserted", ["ev1"], 0.8)],
        events=[Event("ev1", event_type, sub_type, "ATTACK", Cue(*trig, "drone-aanval"),
                      Actor(actor1, side=side1), Actor(actor2, side="civilians"), "p1",
                      EventTime(day, day, "day", 1, "t1"), 3, ["c1"], 0.8, geo_precision=1)],
    )
    return doc


def sample_docs() -> list[Doc]:
    """Three reports that differ in place, date, type, side, source type and precision:
    the default (exact), one in Sumy (official source) and a region fallback."""
    return [
        make_doc(),
        make_doc(place="Sumy", lat=50.9, lon=34.8, day="2025-04-20", event_type="Battles",
                 sub_type="Armed clash", actor1="Oekraïense strijdkrachten", side1="UA",
                 source_type="official", speaker="Olga Petrenko"),
        make_doc(place="Koersk", lat=51.7, lon=36.2, day="2025-03-02",
                 actor1="Oekraïense drones", side1="UA", source_type="social_media",
                 precision="region", speaker="Ivan Smirnov"),
    ]
