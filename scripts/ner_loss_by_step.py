"""Where NER F1 goes between the recogniser on gold tokens and the pipeline's output: the
mentions after each step of the pipeline on the raw text, mapped back to the gold tokens
and scored, with what each step gained and lost (entities right/wrong, added/removed).

    nice .venv/bin/python scripts/ner_loss_by_step.py ../shared/data/ner/conll2002-nl/dev.conll --mode accurate
    nice .venv/bin/python scripts/ner_loss_by_step.py ../shared/data/ner/conll2003-en/dev.conll --lang en --mode fast --goldseg

Steps: the recogniser on the gold tokens (one CoNLL sentence at a time); on the pipeline's
sentences and tokens (its raw mentions); after the heading and sentence-initial adverb
filter (`linguistic.drop_non_names`); with the propagated repetitions
(`entities.propagate_mentions`); with names the text or gazetteer says are places typed LOC
(`entities.retype_places`); after linking and one type per name (the output).
`--goldseg` adds the raw mentions with the gold sentences (one per line) to separate
segmentation from tokenisation. Scores are also given for the even- and odd-numbered
documents. Only the stages up to entities run (no later stage changes entities).
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

import kroniek.stages.entities as entities_stage
import kroniek.stages.linguistic as linguistic_stage
import kroniek.stages.segment as segment_stage
from kroniek.analysis import make_doc
from kroniek.doc import Doc, Entity, Sentence, Token
from kroniek.evaluation.ner import (
    GoldSentence,
    gold_documents,
    predict_encoder,
    predict_spacy,
    read_conll,
    score_spans,
    spans_on_tokens,
)
from kroniek.pipeline import build_pipeline

Spans = list[list[tuple[int, int, str]]]


def _run(sents: list[GoldSentence], lang: str, mode: str, goldseg: bool) -> list[dict[str, Any]]:
    """Per document: the mentions after each step, as (start, end, label) characters."""
    current: dict[str, Any] = {}
    drop, prop = linguistic_stage.drop_non_names, entities_stage.propagate_mentions
    retype = entities_stage.retype_places
    segment = segment_stage.SegmentStage.__call__

    def keep(es: list[Entity]) -> list[tuple[int, int, str]]:
        return [(e.start, e.end, e.label) for e in es]

    def drop_hook(doc: Doc) -> list[Entity]:
        current["raw"] = keep(doc.entities)
        kept = drop(doc)
        current["filtered"] = keep(kept)
        return kept

    def prop_hook(text: str, tokens: list[Token], entities: list[Entity]) -> list[Entity]:
        new = prop(text, tokens, entities)
        current["propagated"] = current["filtered"] + keep(new)
        return new

    def retype_hook(tokens: list[Token], entities: list[Entity], **kw: Any) -> int:
        n = retype(tokens, entities, **kw)
        current["retyped"] = keep(entities)
        return n

    def one_per_line(self: Any, doc: Doc) -> Doc:
        segment(self, doc)
        doc.sentences, pos = [], 0
        for line in doc.text.split("\n"):
            doc.sentences.append(Sentence(start=pos, end=pos + len(line)))
            pos += len(line) + 1
        return doc

    linguistic_stage.drop_non_names = drop_hook
    entities_stage.propagate_mentions = prop_hook
    entities_stage.retype_places = retype_hook
    if goldseg:
        setattr(segment_stage.SegmentStage, "__call__", one_per_line)  # noqa: B010
    try:
        pipe = build_pipeline(disable=["times", "places", "quotes", "claims", "events"],
                              stage_config={"linguistic": {"ner": mode}})  # fmt: skip
        out = []
        for text, offsets in gold_documents(sents):
            current = {"offsets": offsets}
            doc = pipe(make_doc(text, lang=lang))
            current["output"] = keep(doc.entities)
            out.append(current)
        return out
    finally:
        linguistic_stage.drop_non_names = drop
        entities_stage.propagate_mentions = prop
        entities_stage.retype_places = retype
        setattr(segment_stage.SegmentStage, "__call__", segment)  # noqa: B010


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--lang", default="nl")
    ap.add_argument("--mode", default="fast", choices=["fast", "accurate"])
    ap.add_argument("--goldseg", action="store_true")
    args = ap.parse_args()
    sents = read_conll(args.gold)
    docs: list[list[int]] = []
    for i, s in enumerate(sents):
        if not docs or s.doc_index != sents[docs[-1][0]].doc_index:
            docs.append([])
        docs[-1].append(i)
    if args.mode == "accurate":
        alone = predict_encoder(sents, lang=args.lang)
    else:
        from kroniek.stages.linguistic import load_model_with

        alone = predict_spacy(load_model_with(args.lang, "ner", hint="train it first"), sents)
    steps: list[tuple[str, list[Spans]]] = [
        ("recogniser on gold tokens", [[alone[i] for i in d] for d in docs])]  # fmt: skip
    if args.goldseg:
        runs = _run(sents, args.lang, args.mode, goldseg=True)
        steps.append(("gold sentences, pipeline tokens",
                      [spans_on_tokens(r["raw"], r["offsets"]) for r in runs]))  # fmt: skip
    runs = _run(sents, args.lang, args.mode, goldseg=False)
    for key, name in [("raw", "pipeline sentences and tokens"), ("filtered", "+ heading/adverb filter"),
                      ("propagated", "+ propagation"), ("retyped", "+ place evidence"),
                      ("output", "+ linking, one type per name")]:  # fmt: skip
        steps.append((name, [spans_on_tokens(r[key], r["offsets"]) for r in runs]))
    gold = [[sents[i].spans for i in d] for d in docs]
    previous: Spans | None = None
    for name, per_doc in steps:
        row = f"{name:<34}"
        for part in ("all", "even", "odd"):
            keep = [k for k in range(len(docs)) if part == "all" or k % 2 == (part == "odd")]
            g = [s for k in keep for s in gold[k]]
            p = [s for k in keep for s in per_doc[k]]
            row += f"  {part} {score_spans(g, p).as_dict()['f1']:.4f}"
        flat = [s for d in per_doc for s in d]
        if previous is not None:
            c: Counter[str] = Counter()
            for g_, a, b in zip((s for d in gold for s in d), previous, flat, strict=True):
                ga, sa, sb = set(g_), set(a), set(b)
                c["right+"] += len((sb - sa) & ga)
                c["right-"] += len((sa - sb) & ga)
                c["wrong+"] += len((sb - sa) - ga)
                c["wrong-"] += len((sa - sb) - ga)
            row += (f"  right +{c['right+']} -{c['right-']}, wrong +{c['wrong+']} "
                    f"-{c['wrong-']}")  # fmt: skip
        print(row)
        previous = flat


if __name__ == "__main__":
    main()
