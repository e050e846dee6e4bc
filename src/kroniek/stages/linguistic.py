"""Linguistic analysis: tokens, tags, lemmas, dependencies and raw entity mentions.

The spaCy pipelines kroniek trains (`scripts/train_models.py`) ship in
`kroniek/resources/models/<lang>` and are loaded once per process. Each sentence found
by the segment stage is analysed on its own, so parses never cross sentence boundaries and
token offsets map straight back to `Doc.text`.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from kroniek.doc import Doc, Entity, Token
from kroniek.errors import ResourceError
from kroniek.pipeline import register_stage
from kroniek.stages.english_parse import PARSE_PACKAGES, with_parse
from kroniek.stages.language import is_supported

__all__ = ["LinguisticStage", "analyse_sentences", "bare_tokenizer", "blas_ops", "cache_lemmas", "import_spacy", "load_model", "load_model_with", "may_hold_names", "model_path", "spacy_docs", "spacy_view", "stage_speed", "use_blas_ops", "blas_single_threaded"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

MODELS_DIR = Path(__file__).resolve().parent.parent / "resources" / "models"

# spaCy's NER has no calibrated probability; this is the entity-level precision measured
# on the dev parts (CoNLL-2002 nl 0.74, CoNLL-2003 en 0.88; see the MODEL_CARDs), rounded down.
NER_CONFIDENCE = {"nl": 0.7, "en": 0.85}
_LABELS = ("PER", "ORG", "LOC")


def model_path(lang: str) -> Path:
    return MODELS_DIR / lang


def _customize(nlp: Any, lang: str) -> None:
    try:
        module = importlib.import_module(f"kroniek.lang.{lang}.tokenizer")
    except ModuleNotFoundError:
        return
    module.customize_tokenizer(nlp)


def import_spacy() -> Any:
    """spaCy, imported without torch. thinc imports torch when it is installed (for its
    PyTorch wrappers, which no kroniek model uses): ~1.5 of the ~4 CPU seconds a fast-mode
    `kroniek analyze` took before its first article (measured 2026-12-04, torch 2.13 CPU).
    torch stays importable afterwards; only thinc's torch support is off in this process."""
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` → ImportError
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


@cache
def blas_ops() -> Any:
    """thinc's NumpyOps with matrix products through numpy (OpenBLAS) instead of BLIS.

    On the CPUs kroniek was measured on (AMD EPYC, AVX-512), thinc's BLIS gemm ran at
    ~28 GFLOP/s and numpy's OpenBLAS at ~86 on the tok2vec's shapes (one thread each;
    `.work`-free check: `numpy.matmul` vs `thinc.api.NumpyOps().gemm` on 8000×288 · 288×192).
    The products are the same up to float rounding; the parser's per-state step (Cython)
    keeps BLIS."""
    import numpy
    from thinc.api import NumpyOps

    class BlasOps(NumpyOps):
        name = "kroniek-blas"

        def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False,
                 trans2: bool = False) -> Any:  # fmt: skip
            a = x.T if trans1 else x
            b = y.T if trans2 else y
            if out is None:
                return numpy.matmul(a, b)
            numpy.matmul(a, b, out=out)
            return out

    return BlasOps()


def blas_single_threaded() -> bool:
    """Whether numpy's BLAS was told to run one thread (the kroniek CLI does). Several
    OpenBLAS threads on kroniek's small matrices mostly spin: timed on 150 news articles
    with two threads, the linguistic stage took 4× the CPU of BLIS's single thread."""
    return (os.cpu_count() or 1) == 1 or any(
        os.environ.get(var) == "1" for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")
    )


def use_blas_ops(nlp: Any, *, force: bool = False) -> bool:
    """Make every thinc model of `nlp`'s components compute with `blas_ops()`, when numpy's
    BLAS runs one thread (or `force`); else they keep thinc's BLIS. True when switched."""
    if not (force or blas_single_threaded()):
        return False
    ops = blas_ops()
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True


@cache
def bare_tokenizer() -> str:
    """The name of a spaCy tokenizer factory without rules (registered once). spaCy builds
    a pipeline's tokenizer from the language defaults and then replaces every rule with the
    ones saved with the model: loading the ~4,700 Dutch special cases twice took ~0.4 of
    the model's ~1.4 load seconds. With this factory they are loaded once, from the model."""
    spacy = import_spacy()
    from spacy.tokenizer import Tokenizer

    name = "kroniek.BareTokenizer.v1"

    @spacy.registry.tokenizers(name)
    def create() -> Any:
        return lambda nlp: Tokenizer(nlp.vocab)

    return name


@cache
def load_model(lang: str) -> Any:
    """The spaCy pipeline for `lang`, loaded once per process.

    Without a trained model (a source checkout before `scripts/train_models.py`), a blank
    pipeline that only tokenises is used, and documents say so in `warnings`.
    """
    spacy = import_spacy()

    path = model_path(lang)
    if (path / "config.cfg").exists():
        try:  # the tokenizer's rules come from the model's files, not the language defaults
            nlp = spacy.load(path, config={"nlp": {"tokenizer": {"@tokenizers": bare_tokenizer()}}})
        except (OSError, ValueError) as exc:
            raise ResourceError(
                f"the {lang} model cannot be loaded: {exc}",
                source=str(path),
                hint="rebuild it with `python scripts/train_models.py --lang " + lang + "`",
            ) from exc
        nlp = with_parse(nlp, lang)
    else:
        log.warning("no trained model for %s in %s: tokenising only", lang, path)
        nlp = spacy.blank(lang)
    _customize(nlp, lang)
    use_blas_ops(nlp)
    if "trainable_lemmatizer" in nlp.pipe_names:
        cache_lemmas(nlp.get_pipe("trainable_lemmatizer"))
    return nlp


def cache_lemmas(lemmatizer: Any) -> bool:
    """Give spaCy's edit-tree `lemmatizer` (top_k 1, backoff "orth" or none) a guess and
    annotation step that remember each (edit tree, word) they have applied: the same
    lemmas, without spaCy's two tree applications and ~4 Token objects per token (the
    lemmatiser on 386 news articles, 5 rounds at load ~9: median 2.02 → 1.81 ms CPU per
    article; most of the rest is its 64 × labels output layer). False where the
    lemmatizer is configured otherwise and keeps spaCy's own steps."""
    import numpy
    from spacy.attrs import LEMMA, ORTH

    if lemmatizer.top_k != 1 or lemmatizer.backoff not in ("orth", None):
        return False
    labels, trees, strings = lemmatizer.cfg["labels"], lemmatizer.trees, lemmatizer.vocab.strings
    backoff = lemmatizer.backoff == "orth"
    applied: dict[tuple[int, int], int] = {}  # (tree, orth) → lemma hash, or -1: no lemma

    def lemma_of(tree: int, orth: int) -> int:
        key = (tree, orth)
        found = applied.get(key)
        if found is None:
            if len(applied) >= 1_000_000:  # a long-running server's vocabulary keeps growing
                applied.clear()
            lemma = trees.apply(tree, strings[orth])
            found = applied[key] = -1 if lemma is None else strings.add(lemma)
        return found

    def guesses(docs: Any, scores: Any) -> list[Any]:
        # Each token's lemma hash (its tree's output, else the backoff's, else -1): what
        # set_annotations below writes; spaCy's own steps pass tree ids between the two.
        out = []
        for doc, doc_scores in zip(docs, scores, strict=True):
            best = doc_scores.argmax(axis=1).tolist()
            orths = doc.to_array(ORTH).tolist()
            lemmas = [lemma_of(labels[b], o) for b, o in zip(best, orths, strict=True)]
            if backoff:
                lemmas = [o if x == -1 else x for x, o in zip(lemmas, orths, strict=True)]
            out.append(lemmas)
        return out

    def set_annotations(docs: Any, batch_lemmas: Any) -> None:
        for doc, lemmas in zip(docs, batch_lemmas, strict=True):
            if len(lemmas) == 0:  # spaCy's predict gives empty arrays for empty docs
                continue
            new = numpy.array([0 if x == -1 else x for x in lemmas], dtype=numpy.uint64)
            fresh = lemmatizer.overwrite or not doc.has_annotation("LEMMA")
            if fresh and -1 not in lemmas:
                doc.from_array([LEMMA], new)
                continue
            current = doc.to_array(LEMMA)
            keep = numpy.array([x == -1 for x in lemmas])  # no tree, no backoff: untouched
            if not lemmatizer.overwrite:
                keep |= current != 0
            doc.from_array([LEMMA], numpy.where(keep, current, new).astype(numpy.uint64))

    lemmatizer._scores2guesses_top_k_equals_1 = guesses
    lemmatizer.set_annotations = set_annotations
    return True


def load_model_with(lang: str, component: str, *, hint: str) -> Any:
    """The `lang` model, or a ResourceError when it lacks `component` (e.g. "ner")."""
    nlp = load_model(lang)
    if component not in nlp.pipe_names:
        raise ResourceError(
            f"the {lang} model has no {component} component",
            source=str(model_path(lang)),
            hint=hint,
        )
    return nlp


# Typographic quotes and dashes the training treebank and CoNLL never contain, mapped to
# the ASCII forms they do contain (one character for one, so offsets do not move). Without
# this the parser took a closing ” for the root of „...”, zei X.
_PLAIN = str.maketrans(
    {"„": '"', "“": '"', "”": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "–": "-"}
)


# spaCy's tokenizer strips affixes one at a time, each a regex search over the rest of the
# chunk: a chunk of n non-space characters ('"' * 20,000) takes time in n². Longer runs
# than this (the longest URLs in the news sets are ~150 characters) are cut by a space
# every this many characters in the copy spaCy reads; the cut character is in no token.
# A mark repeated more than 3 times ('""""', '-----') is read as 3 and blanks: each mark
# would be a token of its own, and 20,000 tokens of '"' cost the models seconds.
MAX_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_REPEATED_MARK = re.compile(r"([^\w\s])\1{3,}")


def spacy_view(text: str) -> str:
    """The text as spaCy reads it: typographic quotes plain, repeated marks and long runs
    cut by spaces (one character for one: offsets hold)."""
    text = text.translate(_PLAIN)
    text = _REPEATED_MARK.sub(lambda m: m.group()[:3] + " " * (len(m.group()) - 3), text)
    if len(text) <= MAX_RUN:
        return text
    return _LONG_RUN.sub(lambda m: "".join(
        " " if i % MAX_RUN == MAX_RUN - 1 else ch for i, ch in enumerate(m.group())), text)


@cache
def _record_columns() -> list[int]:
    from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, POS

    return [IDX, LENGTH, POS, LEMMA, LOWER, HEAD, DEP]


def _records(
    sdoc: Any, original: str, offset: int, base: int, si: int, *, parsed: bool, confidence: float
) -> tuple[list[Token], list[Entity]]:
    """kroniek's Token/Entity records of one analysed sentence (`sdoc`) whose text
    `original` starts at character `offset`; its first token will be number `base`.
    The token attributes are read as one array, the records built positionally: the same
    records, 1.42 → 1.10 ms CPU per news article (386 DPG articles, nl, min of 3)."""
    tokens: list[Token] = []
    strings = sdoc.vocab.strings
    rows = sdoc.to_array(_record_columns()).tolist() if len(sdoc) else []
    for i, (idx, length, pos, lemma, lower, rel, dep) in enumerate(rows):
        start = offset + idx
        root = rel == 0
        tokens.append(Token(  # positional, in field order: start, end, text, upos, lemma, head, dep, sent
            start, start + length, original[idx : idx + length], strings[pos],
            strings[lemma] if lemma else strings[lower],
            -1 if root else base + i + (rel if rel < 1 << 63 else rel - (1 << 64)),
            ("root" if root else strings[dep]) if parsed else "", si,
        ))  # fmt: skip
    mentions: list[Entity] = []
    for ent in sdoc.ents:
        start = offset + ent.start_char
        label = ent.label_ if ent.label_ in _LABELS else "MISC"
        mentions.append(
            Entity(
                id="",
                start=start,
                end=start + len(ent.text),
                text=original[ent.start_char : ent.end_char],
                label=label,  # type: ignore[arg-type]
                confidence=confidence,
            )
        )
    return tokens, mentions


# The UPOS of a sentence's first word under which it may open a name ("" where the model
# has no tagger, as in English). Only the first word of a sentence is capitalised for the
# sentence's sake; a sentence with no other capital letter and a first word tagged
# otherwise ("Hij", "Daarom") is not given to the NER. On 386 DPG news articles (7,733
# sentences) this skipped 28% of the tokens and 29 of the 7,722 mentions the NER found
# when it read everything: "brexit", "nazi's", "hbo" as PER, "Vooralsnog" as PER, and a
# few surnames opening a sentence that the tagger had not called PROPN/NOUN.
_NAME_OPENERS = frozenset({"PROPN", "NOUN", "ADJ", "X", "NUM", "SYM", ""})


def may_hold_names(sdoc: Any) -> bool:
    """Whether the NER should read the analysed sentence `sdoc` (see _NAME_OPENERS)."""
    if len(sdoc) == 0:
        return False
    if sdoc.lang_ in PARSE_PACKAGES:
        # Measured on Dutch only; English (tagged since 4 December) keeps reading every
        # sentence: CoNLL-2003 en dev NER end to end 0.8936 with the rule, 0.8943 without.
        return True
    first = sdoc[0]
    rest = sdoc.text[first.idx + len(first.text) :]
    if rest != rest.lower():
        return True
    return first.text != first.text.lower() and first.pos_ in _NAME_OPENERS


def spacy_docs(
    nlp: Any, texts: Iterable[str], *, batch_size: int, ner: bool = True, parser: bool = True
) -> list[Any]:
    """spaCy's analyses of sentence `texts`: every component but the NER on all of them,
    then the NER (with `ner`, when the model has one) on those that may hold names
    (`may_hold_names`); the others get no entities. The NER comes last in the pipeline and
    nothing listens to it, so its input is the same either way. Without `parser` the
    dependency parser is skipped too (no other component reads its output): the tokens
    then have no heads or relations."""
    has_ner = "ner" in nlp.pipe_names
    skip = (["ner"] if has_ner else []) + ([] if parser or "parser" not in nlp.pipe_names else ["parser"])
    with nlp.select_pipes(disable=skip):
        sdocs = list(nlp.pipe(texts, batch_size=batch_size))
    if ner and has_ner:
        for _ in nlp.get_pipe("ner").pipe(
            [sdoc for sdoc in sdocs if may_hold_names(sdoc)], batch_size=batch_size
        ):
            pass
    return sdocs


def analyse_sentences(
    nlp: Any, texts: Iterable[str], offsets: Iterable[int], *, batch_size: int = 256
) -> tuple[list[Token], list[Entity]]:
    """Tokens and raw mentions of sentences `texts` starting at character `offsets`."""
    confidence = NER_CONFIDENCE.get(nlp.lang, 0.7)
    parsed = "parser" in nlp.pipe_names  # English has no parser: no heads, no relations
    tokens: list[Token] = []
    mentions: list[Entity] = []
    originals = list(texts)
    plain = (spacy_view(t) for t in originals)
    for si, (offset, original, sdoc) in enumerate(
        zip(offsets, originals, spacy_docs(nlp, plain, batch_size=batch_size), strict=False)
    ):
        toks, ments = _records(sdoc, original, offset, len(tokens), si, parsed=parsed,
                               confidence=confidence)  # fmt: skip
        tokens += toks
        mentions += ments
    return tokens, mentions


def encoder_mentions(lang: str, text: str, tokens: list[Token]) -> list[Entity]:
    """Mentions the accurate tagger (e5 + trained head, kroniek.models.tagger) finds in
    the analysed `tokens` of `text`, sentence by sentence."""
    return encoder_mentions_many(lang, [(text, tokens)])[0]


def encoder_mentions_many(
    lang: str, docs: list[tuple[str, list[Token]]], *, parse: bool = False
) -> list[list[Entity]]:
    """encoder_mentions of several documents, their sentences encoded in shared batches.
    With `parse`, the accurate parser (kroniek.models.dep_parser) also sets the tokens'
    heads and relations, from the same encoder vectors as the NER."""
    from kroniek.evaluation.ner import iob_spans
    from kroniek.models.tagger import get_tagger

    tagger = get_tagger(lang)
    sents: list[tuple[int, list[Token]]] = []
    firsts: list[int] = []  # index of each sentence's first token in its document
    for di, (_, tokens) in enumerate(docs):
        current: list[Token] = []
        for ti, t in enumerate(tokens):
            if current and t.sent != current[-1].sent:
                sents.append((di, current))
                current = []
            if not current:
                firsts.append(ti)
            current.append(t)
        if current:
            sents.append((di, current))
    inputs = [
        ([t.text for t in toks],
         [i == 0 or docs[di][0][t.start - 1 : t.start].isspace() for i, t in enumerate(toks)])
        for di, toks in sents
    ]  # fmt: skip
    vectors = tagger.vectors(inputs)
    if parse:
        _encoder_parse(lang, [toks for _, toks in sents], firsts, vectors, tagger.head.layers, inputs)
    tagged = tagger.head.tags_with_type_probs_many(vectors)
    out: list[list[Entity]] = [[] for _ in docs]
    for (di, toks), (tags, probs) in zip(sents, tagged, strict=True):
        text = docs[di][0]
        for a, b, label in iob_spans(tags):
            start, end = toks[a].start, toks[b - 1].end
            # The tagger's own certainty of the type here (mean over the mention's tokens):
            # the entities stage lets a sure mention keep its type against its namesakes.
            sure = sum(probs[a:b]) / (b - a)
            out[di].append(Entity(id="", start=start, end=end, text=text[start:end],
                                  label=label if label in _LABELS else "MISC",  # type: ignore[arg-type]
                                  confidence=round(sure, 4)))  # fmt: skip
    return out


def _encoder_parse(
    lang: str,
    sents: list[list[Token]],
    firsts: list[int],
    vectors: list[Any],
    layers: list[int],
    inputs: list[tuple[list[str], list[bool]]],
) -> None:
    """Heads and relations of each sentence's tokens from the accurate parser, over the
    NER's token `vectors` (of e5 `layers`; the parser's own when it reads other layers)."""
    from kroniek.models.dep_parser import get_parser

    parser = get_parser(lang)
    if parser.layers != layers:
        from kroniek.models.e5 import get_encoder
        from kroniek.models.tagger import token_vectors

        vectors = token_vectors(get_encoder(layers=max(parser.layers)), inputs, parser.layers)
    for toks, first, (heads, deps) in zip(sents, firsts, parser.parse(vectors), strict=True):
        for t, h, d in zip(toks, heads, deps, strict=True):
            t.head = first + h if h >= 0 else -1
            t.dep = d


def drop_non_names(doc: Doc) -> list[Entity]:
    """The mentions of `doc` without two kinds no recogniser should return: a mention that
    is a whole heading ("Moraal" above a section), and a one-word mention opening a
    sentence that the tagger reads as an adverb ("Vooralsnog", "Meanwhile")."""
    headings = {(b.start, b.end) for b in doc.blocks if b.kind == "heading"}
    first_of_sentence: dict[int, Token] = {}
    for t in doc.tokens:
        if t.upos != "PUNCT":  # „Vooralsnog ...: the quote opens the sentence, not the word
            first_of_sentence.setdefault(t.sent, t)
    openers = {t.start: t for t in first_of_sentence.values()}
    kept: list[Entity] = []
    for e in doc.entities:
        if (e.start, e.end) in headings:
            continue
        opener = openers.get(e.start)
        if opener is not None and opener.end == e.end and opener.upos == "ADV":
            continue
        kept.append(e)
    return kept


@register_stage("kroniek.linguistic.spacy.v1")
class LinguisticStage:
    """Tokens, tags, lemmas and dependencies from the spaCy model; mentions from its CNN
    NER (`ner="fast"`) or from the e5 tagger (`ner="accurate"`, where it is trained for
    the language; elsewhere the CNN's, with a warning)."""

    requires = ("sentences", "lang")
    assigns = ("tokens", "mentions")

    # Sentences per spaCy batch. 256 (the 8 articles kroniek.analysis hands over at a time
    # are ~175 sentences) took ~10% less CPU than 64 on 150 news articles, one BLAS thread.
    def __init__(self, batch_size: int = 256, ner: str = "fast") -> None:
        self.batch_size = batch_size
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Doc]) -> list[Doc]:
        """Analyse several docs' sentences in one spaCy stream per language: the same
        tokens and mentions as one doc at a time, ~10% faster (fuller batches)."""
        by_lang: dict[str, list[Doc]] = {}
        for doc in docs:
            if is_supported(doc):
                assert doc.lang is not None
                by_lang.setdefault(doc.lang, []).append(doc)
        for lang, group in by_lang.items():
            nlp = load_model(lang)
            if "ner" not in nlp.pipe_names:
                for doc in group:
                    doc.warnings.append(f"no trained {lang} model: entities were not recognised")
            confidence = NER_CONFIDENCE.get(lang, 0.7)
            parsed = "parser" in nlp.pipe_names
            owners = [(doc, si, s.start, doc.text[s.start : s.end])
                      for doc in group for si, s in enumerate(doc.sentences)]  # fmt: skip
            for doc in group:
                doc.tokens, doc.entities = [], []  # entities: raw mentions until the entities stage
            plain = (spacy_view(text) for *_, text in owners)
            # In accurate mode the e5 tagger's mentions replace the CNN's, so the CNN (its
            # own tok2vec: no other component listens to it) is not run at all.
            accurate = self.ner == "accurate" and self._has_accurate(lang, group)
            # The accurate parser (where there is one) sets every token's head and relation
            # afterwards, so spaCy's is not run: 7.1 ms CPU per news article saved.
            reparse = accurate and parsed and has_accurate_parser(lang)
            sdocs = spacy_docs(nlp, plain, batch_size=self.batch_size, ner=not accurate,
                               parser=not reparse)  # fmt: skip
            for (doc, si, offset, text), sdoc in zip(owners, sdocs, strict=True):
                toks, ments = _records(sdoc, text, offset, len(doc.tokens), si,
                                       parsed=parsed, confidence=confidence)  # fmt: skip
                doc.tokens += toks
                doc.entities += ments
            if accurate:
                found = encoder_mentions_many(lang, [(doc.text, doc.tokens) for doc in group],
                                              parse=reparse)  # fmt: skip
                for doc, mentions in zip(group, found, strict=True):
                    doc.entities = mentions
            for doc in group:
                doc.entities = drop_non_names(doc)
        return docs

    @staticmethod
    def _has_accurate(lang: str, group: list[Doc]) -> bool:
        """Whether `lang` has an accurate tagger; if not, the docs say the fast one ran."""
        from kroniek.models.tagger import tagger_path

        if (tagger_path(lang) / "head.npz").exists():
            return True
        for doc in group:
            doc.warnings.append(f"no accurate {lang} NER model: the fast one was used")
        return False


def has_accurate_parser(lang: str) -> bool:
    """Whether `lang` has the e5 parser (kroniek.models.dep_parser) for accurate mode."""
    from kroniek.models.dep_parser import parser_path

    return (parser_path(lang) / "head.npz").exists()


def stage_speed(texts: list[str], *, lang: str = "nl") -> dict[str, float]:
    """Words/s and seconds of the linguistic stage over sentence `texts` (this thread only)."""
    nlp = load_model(lang)
    offsets = [0] * len(texts)
    t0 = time.process_time()
    tokens, _ = analyse_sentences(nlp, texts, offsets)
    cpu = time.process_time() - t0
    return {
        "words": len(tokens),
        "cpu_seconds": round(cpu, 3),
        "words_per_second": round(len(tokens) / cpu),
    }
