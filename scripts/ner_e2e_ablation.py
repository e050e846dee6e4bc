"""Where NER F1 is lost between gold tokens and raw text: end-to-end scores with parts of
the pipeline replaced by the gold (sentences, tokens) or switched off (propagation of
recognised names, one-type-per-name relabelling).

    nice .venv/bin/python scripts/ner_e2e_ablation.py nl ../shared/data/ner/conll2002-nl/dev.conll goldseg
    nice .venv/bin/python scripts/ner_e2e_ablation.py en ../shared/data/ner/conll2003-en/dev.conll nolink

Switches (any combination): goldseg (one sentence per line, as the gold), goldtok (the
gold tokens: split on spaces; use with goldseg), noprop, nolink. Prints the F1.
"""

from __future__ import annotations

import sys
from typing import Any

import kroniek.stages.entities as ent
import kroniek.stages.segment as seg
from kroniek.doc import Doc, Entity, Sentence
from kroniek.evaluation.ner import evaluate_ner, predict_pipeline, read_conll


def main() -> None:
    lang, gold, *which = sys.argv[1:]
    sents = read_conll(gold)
    if "goldseg" in which:
        original = seg.SegmentStage.__call__

        def one_per_line(self: Any, doc: Doc) -> Doc:
            original(self, doc)
            out, pos = [], 0
            for line in doc.text.split("\n"):
                out.append(Sentence(start=pos, end=pos + len(line)))
                pos += len(line) + 1
            doc.sentences = out
            return doc

        seg.SegmentStage.__call__ = one_per_line
    if "noprop" in which:
        ent.propagate_mentions = lambda *a: []
    if "nolink" in which:
        link = ent.link_mentions

        def keep_labels(entities: list[Entity]) -> None:
            labels = [e.label for e in entities]
            link(entities)
            for e, label in zip(entities, labels, strict=True):
                e.label = label

        ent.link_mentions = keep_labels
    if "goldtok" in which:
        from spacy.tokens import Doc as SpacyDoc

        from kroniek.stages.linguistic import load_model

        nlp = load_model(lang)

        class SpaceTokenizer:
            def __init__(self, vocab: Any) -> None:
                self.vocab = vocab

            def __call__(self, text: str) -> Any:
                return SpacyDoc(self.vocab, words=text.split(" ") if text else [])

            def pipe(self, texts: Any, batch_size: int = 0) -> Any:
                for t in texts:
                    yield self(t)

        nlp.tokenizer = SpaceTokenizer(nlp.vocab)
    scores = evaluate_ner(sents, lambda s: predict_pipeline(s, lang=lang, mode="fast"))
    print(which, scores.as_dict()["f1"])


if __name__ == "__main__":
    main()
