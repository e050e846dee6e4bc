"""Linguistic analysis: tokens, tags, lemmas, dependencies and raw entity mentions.

The spaCy pipelines kroniek trains (`scripts/train_models.py`) ship in
`kroniek/resources/models/<lang>` and are loaded once per process. Each sentence found
by the segment stage is analysed on its own, so parses never cross sentence boundaries and
token offsets map straight back to `Doc.text`.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import Any

from kroniek.doc import Doc, Entity, Token
from kroniek.pipeline import register_stage
from kroniek.stages.language import is_supported

__all__ = ["LinguisticStage", "load_model", "model_path"]

log = logging.getLogger(__name__)

MODELS_DIR = Path(__file__).resolve().parent.parent / "resources" / "models"


def model_path(lang: str) -> Path:
    return MODELS_DIR / lang


@cache
def load_model(lang: str) -> Any:
    """The spaCy pipeline for `lang`, loaded once per process.

    Without a trained model (a source checkout before `scripts/train_models.py`), a blank
    pipeline that only tokenises is used, and documents say so in `warnings`.
    """
    import spacy

    path = model_path(lang)
    if (path / "config.cfg").exists():
        return spacy.load(path)
    log.warning("no trained model for %s in %s: tokenising only", lang, path)
    return spacy.blank(lang)


@register_stage("kroniek.linguistic.spacy.v1")
class LinguisticStage:
    requires = ("sentences", "lang")
    assigns = ("tokens", "mentions")

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        if not is_supported(doc):
            return doc
        assert doc.lang is not None
        nlp = load_model(doc.lang)
        if "ner" not in nlp.pipe_names:
            doc.warnings.append(f"no trained {doc.lang} model: entities were not recognised")
        texts = [doc.text[s.start : s.end] for s in doc.sentences]
        tokens: list[Token] = []
        mentions: list[Entity] = []
        for si, (sent, sdoc) in enumerate(
            zip(doc.sentences, nlp.pipe(texts, batch_size=self.batch_size), strict=True)
        ):
            base = len(tokens)
            for tok in sdoc:
                start = sent.start + tok.idx
                tokens.append(
                    Token(
                        start=start,
                        end=start + len(tok.text),
                        text=tok.text,
                        upos=tok.pos_,
                        lemma=tok.lemma_ or tok.text.lower(),
                        head=base + tok.head.i if tok.head.i != tok.i else -1,
                        dep=tok.dep_,
                        sent=si,
                    )
                )
            for ent in sdoc.ents:
                start = sent.start + ent.start_char
                mentions.append(
                    Entity(
                        id="",
                        start=start,
                        end=start + len(ent.text),
                        text=ent.text,
                        label=ent.label_ if ent.label_ in ("PER", "ORG", "LOC") else "MISC",
                        confidence=0.8,
                    )
                )
        doc.tokens = tokens
        doc.entities = mentions  # raw mentions; the entities stage gives ids and canonicals
        return doc
