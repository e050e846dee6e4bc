"""Scoring events against the Dutch gold set (`gold/events-nl/`, format in its GUIDE.md).

For each gold article the text is read from the news JSONL it names (by `id`), analysed
with the full pipeline, and scored in four passes:

1. **Detection.** Gold events told as having happened (`modality` asserted or claimed)
   against the system's events that `happened`. A system event **matches** a gold event
   when its trigger starts inside the gold event's anchor or one of its mentions (one
   incident told several times is one gold event with several mentions). Precision =
   matching system events / system events; recall = gold events with a match / gold
   events. Each gold event is **paired** with its first matching system event not yet
   paired.
2. **Attributes over pairs.** Sub-type accuracy (and macro-F1 over the union of gold and
   system sub-types: unpaired gold events count as false negatives, unmatched system events
   as false positives), place (within 25 km of the gold coordinates, or the same country
   when the gold place is a country or region), date (the system and gold ranges overlap;
   `date_tight` also asks that the system range be at most six days wider than the gold one),
   actors (actor1/actor2 against the gold alternatives), fatalities (equal; none = 0),
   background (where the gold file says it).
3. **Modality** over every gold event of any modality with a system event of any modality
   whose trigger lies in it: the system's `habitual` is the gold's `generic`.
4. **No-event articles** (`"no_event": true`): every system event that happened there is a
   false event (`no_event_false`).

`--errors` lists each miss and false event with its cause (`errors_by_cause` counts them):
misses are `not_found` or `marked_not_happened`; false events are `did_not_happen` (the
gold has it with another modality), `repeat_mention` (a second system event for a gold
event already matched), `no_event_article` or `not_an_event`.

Round-1 files are read with the round-2 defaults: `modality` asserted, `background`
false, `no_event` false, `split` dev. Which files (`load_gold`): `--split dev` (the
default) is the folder's own files except frozen-test ones; `frozen-test` also looks in
its `frozen-test/` subfolder; `all` is both. Pointing `--gold` at a frozen-test folder
scores that folder (`--split` defaults to what is there). `--ids FILE` scores only the
articles it lists (e.g. the round-3 dev articles: `gold/splits/round3-dev.json` holds them).

`check_plover` checks the PLOVER mapping against the PLOVER gold-standard records.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kroniek.errors import InputError
from kroniek.evaluation import shared_data_dir

__all__ = [
    "DEFAULT_NEWS",
    "HAPPENED",
    "EventScores",
    "actor_matches",
    "check_plover",
    "evaluate_events",
    "gold_modality",
    "load_gold",
    "read_ids",
    "score_article",
    "system_modality",
    "trigger_key",
    "unseen_keys",
    "unseen_recall",
]

DEFAULT_NEWS = shared_data_dir() / "news" / "dpgmedia2019-nl.jsonl"
FROZEN = "frozen-test"
HAPPENED = ("asserted", "claimed")  # gold modalities that count for detection
_PLACE_KM = 25.0


@dataclass
class EventScores:
    articles: int = 0
    gold: int = 0
    system: int = 0
    system_matched: int = 0
    gold_found: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    type_right: int = 0
    sub_type: list[bool] = field(default_factory=list)
    modality: list[bool] = field(default_factory=list)
    modality_confusion: Counter[str] = field(default_factory=Counter)
    place: list[bool] = field(default_factory=list)
    date: list[bool] = field(default_factory=list)
    date_tight: list[bool] = field(default_factory=list)
    actor1: list[bool] = field(default_factory=list)
    actor2: list[bool] = field(default_factory=list)
    fatalities: list[bool] = field(default_factory=list)
    background: list[bool] = field(default_factory=list)
    modal_misses: int = 0  # gold events the system found but marked as not having happened
    no_event_articles: int = 0
    no_event_false: int = 0
    empty_articles: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        p = self.system_matched / self.system if self.system else 0.0
        r = self.gold_found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        subs = set(self.tp) | set(self.fp) | set(self.fn)
        f1s = []
        for s in subs:
            tp, fp, fn = self.tp[s], self.fp[s], self.fn[s]
            f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)

        def rate(xs: list[bool]) -> float:
            return round(sum(xs) / len(xs), 3) if xs else 0.0

        actors = self.actor1 + self.actor2
        causes = Counter(e["cause"] for e in self.errors if "cause" in e)
        return {
            "articles": self.articles,
            "gold_events": self.gold,
            "system_events": self.system,
            "detection_precision": round(p, 3),
            "detection_recall": round(r, 3),
            "detection_f1": round(f, 3),
            "subtype_accuracy": rate(self.sub_type),
            "subtype_macro_f1": round(sum(f1s) / len(f1s), 3) if f1s else 0.0,
            "type_accuracy": rate([True] * self.type_right + [False] * (self.gold_found - self.type_right)),
            "modality_accuracy": rate(self.modality),
            "modality_pairs": len(self.modality),
            "place": rate(self.place),
            "date": rate(self.date),
            "date_tight": rate(self.date_tight),
            "actor1": rate(self.actor1),
            "actor2": rate(self.actor2),
            "actors": rate(actors),
            "fatalities": rate(self.fatalities),
            "background": rate(self.background),
            "pairs": self.gold_found,
            "modal_misses": self.modal_misses,
            "no_event_articles": self.no_event_articles,
            "no_event_false": self.no_event_false,
            "empty_articles": self.empty_articles,
            "errors_by_cause": dict(sorted(causes.items())),
            "modality_confusion": dict(self.modality_confusion.most_common()),
        }


def _read(f: Path) -> dict[str, Any]:
    try:
        rec = json.loads(f.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc}", source=str(f), hint="fix the gold file") from exc
    if not isinstance(rec, dict) or "article" not in rec or "events" not in rec:
        raise InputError("a gold file needs 'article' and 'events'", source=str(f),
                         hint="see gold/events-nl/GUIDE.md")
    rec["_file"] = str(f)
    rec.setdefault("split", "dev")
    rec["article"].setdefault("no_event", False)
    for ev in rec["events"]:
        ev.setdefault("modality", "asserted")
        ev["_background_marked"] = "background" in ev  # round-1 files do not say
        ev.setdefault("background", False)
        ev.setdefault("mentions", [])
    return rec


def load_gold(path: Path, *, split: str | None = None) -> list[dict[str, Any]]:
    """The gold article records of a folder (or one file), of one split.

    `split`: `dev` (the folder's own files that are not frozen-test), `frozen-test` (also
    from its `frozen-test/` subfolder), `all`, any other value a file's `split` has
    (`test`: the round-1 held-out files), or None: what the folder holds (its frozen-test
    files when that is all it has, else `dev`).
    """
    if not path.exists():
        raise InputError(f"gold not found: {path}", source=str(path),
                         hint="point --gold at gold/events-nl")
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise InputError(f"no gold files (*.json) in {path}", source=str(path),
                         hint="point --gold at gold/events-nl")
    recs = [_read(f) for f in files]
    if split is None:
        split = FROZEN if all(r["split"] == FROZEN for r in recs) else "dev"
    if split in (FROZEN, "all") and path.is_dir() and (path / FROZEN).is_dir():
        recs += [_read(f) for f in sorted((path / FROZEN).glob("*.json"))]
    if split == "dev":
        return [r for r in recs if r["split"] != FROZEN]
    if split == "all":
        return recs
    return [r for r in recs if r["split"] == split]


def _texts(news: Path, ids: set[Any]) -> dict[Any, dict[str, Any]]:
    if not news.exists():
        raise InputError(f"news file not found: {news}", source=str(news),
                         hint="pass --news with the JSONL the gold articles come from")
    found = {}
    with news.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") in ids:
                found[rec["id"]] = rec
    return found


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\([^)]*\)", "", s)).strip().lower()


def actor_matches(system: Any, gold: list[str]) -> bool:
    """A system actor (or None) against gold alternatives (ACLED name or surface words)."""
    if system is None:
        return False
    name = _norm(system.name)
    full = system.name.lower()
    for g in gold:
        gl = g.lower()
        if _norm(g) == name or gl == full or (len(gl) > 3 and (gl in full or full in gl)):
            return True
    return False


def _place_ok(place: Any, gold: dict[str, Any]) -> bool:
    if place is None:
        return False
    if (place.lat is not None and place.lon is not None and gold.get("lat") is not None
            and _km(place.lat, place.lon, gold["lat"], gold["lon"]) <= _PLACE_KM):
        return True
    if gold.get("precision") in ("country", "region"):
        return bool(place.country_code) and place.country_code == gold.get("country_code")
    return bool(gold.get("geonameid")) and place.geonameid == gold.get("geonameid")


def date_tight(sys_from: str, sys_to: str, gold_from: str, gold_to: str) -> bool:
    """Whether a system date range that overlaps the gold one is also no wider than the gold
    range plus six days. Overlap alone (`date`) cannot punish a range made wider; this
    figure does, so a widening that buys `date` shows here as a loss."""
    try:
        width = (date.fromisoformat(sys_to[:10]) - date.fromisoformat(sys_from[:10])).days
        gold = (date.fromisoformat(gold_to[:10]) - date.fromisoformat(gold_from[:10])).days
    except ValueError:
        return False
    return width <= gold + 6


def _spans(text: str, ev: dict[str, Any]) -> list[tuple[int, int]]:
    out = []
    for s in [ev["anchor"], *ev.get("mentions", [])]:
        i = text.find(s)
        if i >= 0:
            out.append((i, i + len(s)))
    return out


def gold_modality(ev: dict[str, Any]) -> str:
    return str(ev.get("modality") or "asserted")


def system_modality(event: Any) -> str:
    """The system's modality in the gold's words (`habitual` is the gold's `generic`)."""
    return "generic" if event.modality == "habitual" else str(event.modality)


def _inside(e: Any, spans: list[tuple[int, int]]) -> bool:
    return any(a <= e.trigger.start < b for a, b in spans)


def score_article(doc: Any, gold_events: list[dict[str, Any]], sc: EventScores, *,
                  no_event: bool = False) -> None:
    """Add one analysed article's scores to `sc` (the passes of the module docstring)."""
    from kroniek.stages.events import happened

    sc.articles += 1
    places = {p.id: p for p in doc.places}
    system = [e for e in doc.events if happened(e)]
    others = [e for e in doc.events if not happened(e)]
    spans = [_spans(doc.text, g) for g in gold_events]
    real = [gi for gi, g in enumerate(gold_events) if gold_modality(g) in HAPPENED]
    sc.gold += len(real)
    sc.system += len(system)
    matched_sys: set[int] = set()
    paired: set[int] = set()
    for gi in real:
        g = gold_events[gi]
        hits = [e for e in system if _inside(e, spans[gi])]
        hits.sort(key=lambda e: id(e) in paired)  # one-to-one where possible
        matched_sys.update(id(e) for e in hits)
        if not hits:
            sc.fn[g["sub_type"]] += 1
            modal = [e for e in others if _inside(e, spans[gi])]
            sc.modal_misses += bool(modal)
            sc.errors.append({"article": doc.id, "error": "missed", "gold": g["anchor"][:70],
                              "sub_type": g["sub_type"],
                              "cause": "marked_not_happened" if modal else "not_found",
                              **({"system_modality": modal[0].modality} if modal else {})})
            continue
        e = hits[0]
        paired.add(id(e))
        sc.gold_found += 1
        _score_pair(e, g, places, sc, doc.id)
    _score_modality(doc, gold_events, spans, sc)
    if no_event:
        sc.no_event_articles += 1
        sc.no_event_false += len(system)
    for e in system:
        if id(e) in matched_sys:
            sc.system_matched += 1
            continue
        sc.fp[e.sub_type] += 1
        inside = [gi for gi in range(len(gold_events)) if _inside(e, spans[gi])]
        if no_event:
            cause = "no_event_article"
        elif any(gold_modality(gold_events[gi]) not in HAPPENED for gi in inside):
            cause = "did_not_happen"
        elif inside:
            cause = "repeat_mention"
        else:
            cause = "not_an_event"
        sent = doc.sentences[doc.sentence_index(e.trigger.start)]
        sc.errors.append({"article": doc.id, "error": "false", "system": e.trigger.text,
                          "sub_type": e.sub_type, "cause": cause,
                          "sentence": doc.text[sent.start : sent.end][:160]})


def _score_modality(doc: Any, gold_events: list[dict[str, Any]], spans: list[list[tuple[int, int]]],
                    sc: EventScores) -> None:
    used: set[int] = set()
    for gi, g in enumerate(gold_events):
        hits = sorted((e for e in doc.events if _inside(e, spans[gi])), key=lambda e: id(e) in used)
        if not hits:
            continue
        e = hits[0]
        used.add(id(e))
        ok = system_modality(e) == gold_modality(g)
        sc.modality.append(ok)
        if not ok:
            sc.modality_confusion[f"{gold_modality(g)} -> {system_modality(e)}"] += 1
            sc.errors.append({"article": doc.id, "error": "modality", "gold": gold_modality(g),
                              "system": system_modality(e), "trigger": e.trigger.text})


def _score_pair(e: Any, g: dict[str, Any], places: dict[str, Any], sc: EventScores, doc_id: str) -> None:
    sc.sub_type.append(e.sub_type == g["sub_type"])
    if e.sub_type == g["sub_type"]:
        sc.tp[e.sub_type] += 1
    else:
        sc.fn[g["sub_type"]] += 1
        sc.fp[e.sub_type] += 1
        sc.errors.append({"article": doc_id, "gold": g["sub_type"], "system": e.sub_type,
                          "trigger": e.trigger.text, "error": "sub_type"})
    sc.type_right += e.type == g["type"]
    if g.get("place"):
        ok = _place_ok(places.get(e.place), g["place"])
        sc.place.append(ok)
        if not ok:
            p = places.get(e.place)
            sc.errors.append({"article": doc_id, "gold": g["place"]["name"],
                              "system": p.name if p else None, "trigger": e.trigger.text,
                              "error": "place"})
    if g.get("date"):
        d = g["date"]
        ok = bool(e.time.from_ and e.time.to and e.time.from_ <= d["to"] and d["from"] <= e.time.to)
        sc.date.append(ok)
        sc.date_tight.append(ok and date_tight(e.time.from_, e.time.to, d["from"], d["to"]))
        if not ok:
            sc.errors.append({"article": doc_id, "gold": d, "system": [e.time.from_, e.time.to],
                              "trigger": e.trigger.text, "error": "date"})
    if g.get("actor1"):
        sc.actor1.append(actor_matches(e.actor1, g["actor1"]))
    if g.get("actor2"):
        sc.actor2.append(actor_matches(e.actor2, g["actor2"]))
    if g.get("_background_marked"):
        ok = bool(getattr(e, "background", False)) == bool(g["background"])
        sc.background.append(ok)
        if not ok:
            sc.errors.append({"article": doc_id, "gold": g["background"], "system": not g["background"],
                              "trigger": e.trigger.text, "error": "background"})
    if g.get("fatalities") is not None:
        ok = (e.fatalities or 0) == g["fatalities"]
        sc.fatalities.append(ok)
        if not ok:
            sc.errors.append({"article": doc_id, "gold": g["fatalities"], "system": e.fatalities,
                              "trigger": e.trigger.text, "error": "fatalities"})


# -- the unseen-word estimate ------------------------------------------------------------


def trigger_key(text: str) -> str:
    """A trigger's word key: the first five letters of its first word ("aanvallen" and
    "aanval" share one; "vergeldingsaanval" is its own)."""
    words = re.findall(r"\w+", text.lower())
    return words[0][:5] if words else ""


def unseen_keys(test: list[dict[str, Any]], train: list[dict[str, Any]]) -> set[str]:
    """The word keys of the gold triggers of the `test` records that no gold trigger of
    the `train` records has: the words a lexicon written from `train` would not know."""
    def keys(recs: list[dict[str, Any]]) -> set[str]:
        return {trigger_key(g["trigger"]) for r in recs for g in r["events"] if g.get("trigger")}

    return keys(test) - keys(train) - {""}


def unseen_recall(doc: Any, gold_events: list[dict[str, Any]], unseen: set[str],
                  counts: Counter[str]) -> None:
    """Add to `counts` (`gold`, `found`) the gold events told as having happened whose
    trigger key is in `unseen`, and how many of them an event of `doc` told as having
    happened falls in (the detection scorer's match)."""
    from kroniek.stages.events import happened

    system = [e for e in doc.events if happened(e)]
    for g in gold_events:
        if gold_modality(g) not in HAPPENED or trigger_key(g.get("trigger") or "") not in unseen:
            continue
        counts["gold"] += 1
        counts["found"] += any(_inside(e, _spans(doc.text, g)) for e in system)


def read_ids(path: Path) -> set[int]:
    """Article ids from a file: a JSON list, or one id a line (`#` starts a comment)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the id list: {exc}", source=str(path),
                         hint="pass a JSON list of article ids or one id a line") from exc
    try:
        values = json.loads(text) if text.lstrip().startswith("[") else [
            line.split("#")[0].strip() for line in text.splitlines()]
        return {int(v) for v in values if str(v).strip()}
    except (ValueError, TypeError) as exc:
        raise InputError(f"not a list of article ids: {exc}", source=str(path),
                         hint="pass a JSON list of article ids or one id a line") from exc


def evaluate_events(gold_path: Path, *, news: Path = DEFAULT_NEWS, limit: int | None = None,
                    split: str | None = None, mode: str | None = None,
                    events: str | None = None, ids: set[int] | None = None) -> EventScores:
    """Analyse every gold article of `split` (see `load_gold`), or only those of `ids`, in
    `mode` with the events variant `events` (`kroniek.analyze`'s options) and score it."""
    import kroniek

    records = load_gold(gold_path, split=split)
    if ids is not None:
        records = [r for r in records if int(r["article"]["id"]) in ids]
    records = records[:limit]
    texts = _texts(news, {r["article"]["id"] for r in records})
    sc = EventScores()
    for rec in records:
        art = rec["article"]
        src = texts.get(art["id"])
        if src is None:
            raise InputError(f"article {art['id']} is not in {news}", source=rec["_file"],
                             hint="pass --news with the JSONL the gold articles come from")
        if not (src.get("text") or "").strip():
            sc.empty_articles += 1  # nothing to analyse (the collection has a few empty texts)
            continue
        doc = kroniek.analyze(src["text"], published=art["published"], lang="nl",
                              title=src.get("title"), mode=mode, events=events)
        doc.id = str(art["id"])  # errors name the gold article
        score_article(doc, rec["events"], sc, no_event=bool(art.get("no_event")))
    return sc


# -- PLOVER -----------------------------------------------------------------------------------


def check_plover(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Check `kroniek.acled.PLOVER` against PLOVER gold-standard records.

    - `unattested`: (event, mode) pairs of the mapping that no gold record uses;
    - on the records whose event the ACLED taxonomy covers, the English events stage runs
      over the record's text: `coverage` = share with an asserted event, `agreement` = share
      of those whose PLOVER event equals the record's.
    """
    import kroniek
    from kroniek.acled import PLOVER
    from kroniek.stages.events import happened

    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read PLOVER records: {exc}", source=str(path)) from exc
    events = {r["event"] for r in records}
    pairs = {(r["event"], r.get("mode") or None) for r in records}
    unattested = sorted(
        f"{sub} -> {ev}:{mode}" for sub, (ev, mode) in PLOVER.items()
        if ev and (ev not in events or (mode is not None and (ev, mode) not in pairs))
    )
    covered = {ev for ev, _ in PLOVER.values() if ev}
    test = [r for r in records if r["event"] in covered and r.get("text")][:limit]
    detected = agree = 0
    confusion: Counter[str] = Counter()
    for r in test:
        doc = kroniek.analyze(r["text"], published=r.get("date") or None, lang="en")
        evs = [e for e in doc.events if happened(e)]
        if not evs:
            continue
        detected += 1
        got = {e.plover.split(":")[0] for e in evs}
        if r["event"] in got:
            agree += 1
        else:
            confusion[f"{r['event']} -> {sorted(got)[0]}"] += 1
    return {
        "records": len(test),
        "unattested": unattested,
        "coverage": round(detected / len(test), 3) if test else 0.0,
        "agreement": round(agree / detected, 3) if detected else 0.0,
        "confusions": dict(confusion.most_common(8)),
    }
