"""The events stage's variants over the learned model (`kroniek.models.event_classifier`):
which events the rules' events and the model's judgements of the candidates make.

- `rules`: the rules' events, untouched (the model is not called);
- `hybrid` (the default): the rules decide *whether it happened* wherever they read a cue,
  the model decides *whether it is an event at all*:

  * a rule event the rules mark as not having happened (a future, condition, threat, call,
    question, negation, denial, habitual or aggregate statement read by
    `triggers.trigger_modality`, `parse.parse_modality`, a future date or a denying claim)
    is kept with that modality, whatever the model says: the model was trained on few such
    examples and learned to drop them instead of marking them;
  * a rule event the rules tell as having happened is dropped when the model's P(event of
    any modality) is under `hybrid_keep`; it is marked as not having happened only when the
    model's share P(not happened) / P(event) reaches `hybrid_modality` (the model's
    modality head fills in where the rules read no cue);
  * a screen word becomes an event as under `learned` (P(event) >= `hybrid`, one per
    sentence and ACLED type not yet taken), with the rules' cues read around it first,
    then the model's modality, then a future date and the claims that cover it;
- `learned`: the model decides every event: keeps or drops each rule event
  (`learned_keep`), gives it its modality, adds screen words (`learned`);
- `combined`: the rules' events as they are, plus the model's additions (`combined`) in
  sentences where the rules found no event of that type.

The thresholds are the weights' `meta["thresholds"]`, chosen by an inner K-fold over the
training articles (`scripts/train_event_classifier.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from kroniek import acled
from kroniek.doc import Cue, Doc, Event
from kroniek.models import event_classifier as ec

__all__ = ["NEVER", "apply_variant", "decode"]

NEVER = 1.01  # a threshold no probability reaches


def decode(doc: Doc, events: Sequence[Event], cands: Sequence[ec.Candidate],
           probs: dict[str, np.ndarray], *, variant: str, threshold: float,
           sub_types: Sequence[str], modalities: Sequence[str] = ec.MODALITIES,
           keep_threshold: float = 0.5, modality_threshold: float = NEVER) -> list[Event]:
    """The events of `variant` (see the module docstring) from the rules' `events`, their
    `cands` (rule events first, in order, as `ec.candidates` makes them) and the heads'
    `probs`: a screen word becomes an event at P(not none) >= `threshold`; under `learned`
    and `hybrid` a rule event is kept at P(not none) >= `keep_threshold` (under `hybrid`
    only one the rules tell as having happened); under `hybrid` the model marks an event
    as not having happened at P(not happened) / P(not none) >= `modality_threshold`."""
    from kroniek.stages.events import HAPPENED, rule_modality
    from kroniek.stages.events import arguments as args
    from kroniek.stages.events.triggers import Trigger

    if variant == "rules":
        return list(events)
    hybrid = variant == "hybrid"
    lang = doc.lang if doc.lang in ("nl", "en") else "nl"
    n_rules = sum(c.from_rules for c in cands)

    def model_modality(i: int) -> str:
        _, happened, not_happened = probs["outcome"][i]
        if hybrid:
            share = not_happened / max(happened + not_happened, 1e-9)
            return "asserted" if share < modality_threshold else modalities[int(probs["modality"][i].argmax())]
        return "asserted" if happened >= not_happened else modalities[int(probs["modality"][i].argmax())]

    out: list[Event] = []
    for i, e in enumerate(events[:n_rules]):
        if variant == "combined" or (hybrid and e.modality not in HAPPENED):
            out.append(e)  # combined: the rules' events; hybrid: the rules' cue wins
            continue
        if 1.0 - probs["outcome"][i][0] < keep_threshold:
            continue
        modality = model_modality(i)
        if modality != "asserted":
            e.modality = modality
        elif not hybrid:
            e.modality = e.modality if e.modality in HAPPENED else "asserted"
        out.append(e)
    # Additions: the likeliest screen word of each sentence and ACLED type not yet taken.
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for i in range(n_rules, len(cands)):
        relevance = 1.0 - float(probs["outcome"][i][0])
        if relevance < threshold:
            continue
        key = (doc.sentence_index(cands[i].start), acled.TYPE_OF[sub_types[int(probs["sub_type"][i].argmax())]])
        if key not in best or relevance > best[key][0]:
            best[key] = (relevance, i)
    have = {(doc.sentence_index(e.trigger.start), e.type) for e in out}
    for (si, etype), (relevance, i) in sorted(best.items(), key=lambda kv: kv[1][1]):
        if (si, etype) in have or si < 0:
            continue
        c = cands[i]
        sub = sub_types[int(probs["sub_type"][i].argmax())]
        cue = c.modality if hybrid and c.modality not in HAPPENED else None  # the rules' cue first
        modality = cue or model_modality(i)
        text = doc.text[c.start : c.end]
        event = Event(id=f"ev{len(out) + 1}", type=etype, sub_type=sub, plover=acled.plover_code(sub),
                      trigger=Cue(start=c.start, end=c.end, text=text), modality=modality,
                      confidence=0.6 if modality == "asserted" else 0.4)  # fmt: skip
        trig = Trigger(c.start, c.end, text, sub, si, modality=modality)
        args.fill_arguments(doc, event, trig, lang=lang, previous=out)
        if hybrid:
            event.modality = rule_modality(doc, event)
        elif event.modality == "asserted" and args.time_is_future(doc, event):
            event.modality = "future"
        event.note = "; ".join([*filter(None, [event.note]), f"found by the learned model (P={relevance:.2f})"])
        out.append(event)
    return sorted(out, key=lambda e: e.trigger.start)


def apply_variant(doc: Doc, events: Sequence[Event], variant: str, *, mode: str = "fast") -> list[Event]:
    """The events stage's events under `variant` (see the module docstring), with the
    classifier of `mode`. Called by `kroniek.stages.events.EventsStage`."""
    variant = ec.resolve_variant(variant)
    if variant == "rules":
        return list(events)
    clf = ec.get_event_classifier(mode)
    cands = ec.candidates(doc, events)
    if not cands:
        return list(events)
    probs = clf.probabilities(ec.feature_matrix(doc, cands, trigger_layers=clf.trigger_layers,
                                                use_encoder=clf.use_encoder))
    th = clf.thresholds
    keep = th.get(f"{variant}_keep", 0.5)
    return decode(doc, events, cands, probs, variant=variant, threshold=th.get(variant, 0.5),
                  keep_threshold=keep, modality_threshold=th.get(f"{variant}_modality", NEVER),
                  sub_types=clf.sub_types, modalities=clf.modalities)  # fmt: skip
