#!/usr/bin/env python
"""Train kroniek's Dutch and English spaCy pipelines from ../shared/data, reproducibly.

    nice -n 10 .venv/bin/python scripts/train_models.py            # everything
    .venv/bin/python scripts/train_models.py --lang nl --steps prepare,train-ner
    .venv/bin/python scripts/train_models.py --data DIR ...         # other data, same layout

Steps (each can be run alone; the work directory keeps intermediate results):

    prepare       gold data → spaCy DocBins in --workdir (fixed, seeded splits)
    pretrain      nl: character-objective pretraining of the tok2vec on raw Dutch text
                  (news, CoNLL/WikiANN/UD training sentences; never the measured parts).
                  Not in the default steps: one epoch (~12 CPU-minutes) did not help the
                  parser (LAS on the selection part at step 1000: 71.8 with, 74.3 without).
                  When build/train/nl-pretrain/model0.bin exists, nl training uses it.
    train-syntax  nl: morphologizer (UPOS+features), trainable lemmatizer, parser on UD Dutch
    train-ner     nl: CoNLL-2002 train + 10k WikiANN sentences; en: CoNLL-2003 train
    assemble      syntax + NER (with its own tok2vec) + tokenizer rules →
                  src/kroniek/resources/models/<lang>
    prune-lemmas  the lemmatiser's edit trees chosen fewer than LEMMA_TREE_MIN_COUNT times on
                  raw/<lang> are dropped from its output layer (~1/3 of its CPU time)
    train-joint   nl (experiment): one shared tok2vec for syntax and NER (configs/nl-joint.cfg);
                  assemble it with --variant=joint. ~28% faster than the first model, NER
                  dev F1 0.689 vs 0.723: not the default (see the model card).
    evaluate      scores on the held-out parts → models/<lang>/scores.json
    speed         words per CPU second of the linguistic stage on ../shared/data/news

Splits (fixed, seed 0, documented in the model cards):
  UD Dutch: train = alpino-test + lassysmall-dev + lassysmall-test minus every 10th
  sentence of lassysmall-test (model selection) + the 2017 lassysmall train part (brought
  to UD 2.x conventions) + the Alpino treebank converted by scripts/alpino_to_ud.py
  (unpacked and converted into the work directory by `prepare`; `--no-alpino`: the 2017
  partial Alpino train part instead); held out for measurement = alpino-dev.
  CoNLL: train = train part minus every 20th document (model selection); the official
  dev part (CoNLL-2002 testa, CoNLL-2003 dev) is only used for measurement.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # as the kroniek CLI: one BLAS thread (see kroniek.cli)

from kroniek.evaluation.ner import GoldSentence, evaluate_ner, iob_spans, predict_spacy, read_conll  # noqa: E402
from kroniek.evaluation.syntax import UDSentence, evaluate_syntax, normalize_lemma, read_conllu  # noqa: E402

log = logging.getLogger("train_models")

DEFAULT_DATA = ROOT.parent / "shared" / "data"
MODELS = ROOT / "src" / "kroniek" / "resources" / "models"
CONFIGS = ROOT / "configs"
SEED = 0


def ud_to_docbin(vocab: object, sentences: list[UDSentence], path: Path) -> None:
    from spacy.tokens import Doc, DocBin

    db = DocBin(store_user_data=False)
    for s in sentences:
        doc = Doc(
            vocab,  # type: ignore[arg-type]
            words=s.words,
            spaces=s.spaces,
            pos=s.upos,
            morphs=s.feats,
            lemmas=[normalize_lemma(x) for x in s.lemmas],
            heads=s.heads,
            deps=[d if s.heads[i] != i else "ROOT" for i, d in enumerate(s.deps)],
        )
        db.add(doc)
    db.to_disk(path)
    log.info("%s: %d sentences", path.name, len(sentences))


def ner_to_docbin(vocab: object, sentences: list[GoldSentence], path: Path) -> None:
    """DocBin of NER sentences. WikiANN sentences (doc_index -1) have no MISC type, so
    their capitalised tokens outside an entity are marked unknown, not `O`."""
    from spacy.tokens import Doc, DocBin, Span

    db = DocBin(store_user_data=False)
    for s in sentences:
        doc = Doc(vocab, words=s.words)  # type: ignore[arg-type]
        spans = [Span(doc, a, b, label=lab) for a, b, lab in iob_spans(s.tags)]
        missing = []
        if s.doc_index == -1:
            inside = {i for sp in spans for i in range(sp.start, sp.end)}
            missing = [
                doc[i : i + 1] for i, w in enumerate(s.words) if w[:1].isupper() and i not in inside
            ]
        doc.set_ents(spans, missing=missing, default="outside")
        db.add(doc)
    db.to_disk(path)
    log.info("%s: %d sentences", path.name, len(sentences))


_POSSESSIVES = {"mijn", "jouw", "je", "zijn", "haar", "ons", "onze", "uw", "hun"}
# UD Dutch 2.x: only zijn is a copula; these are the auxiliaries (counted on the UD 2.x parts)
_MODERN_AUX = {"zijn", "worden", "hebben", "kunnen", "zullen", "moeten", "mogen", "krijgen"}


def modernize_2017(s: UDSentence) -> UDSentence | None:
    """A 2017 UD Dutch sentence in the conventions of the UD 2.x parts that kroniek is
    measured on: `flat:name` → `flat`, possessive determiners → PRON `nmod:poss`, `cc` on
    the conjunct that follows it. None for a sentence with a copula other than zijn or an
    auxiliary that UD 2.x treats as a main verb (gaan, laten, willen): its tree differs."""
    for i, dep in enumerate(s.deps):
        if (dep == "cop" and s.lemmas[i] != "zijn") or (dep.startswith("aux") and s.lemmas[i] not in _MODERN_AUX):
            return None
    for i, dep in enumerate(s.deps):
        if dep == "flat:name":
            s.deps[i] = "flat"
        elif dep == "det" and s.upos[i] == "DET" and s.lemmas[i].lower() in _POSSESSIVES:
            s.upos[i], s.deps[i] = "PRON", "nmod:poss"
            feats = {*filter(None, s.feats[i].split("|")), "Poss=Yes", "PronType=Prs"}
            s.feats[i] = "|".join(sorted(feats))
        elif dep == "cc":
            h = s.heads[i]
            nxt = [j for j in range(i + 1, len(s.words)) if s.heads[j] == h and s.deps[j] == "conj"]
            if h < i and nxt:
                s.heads[i] = nxt[0]
    return s


def _modern(sentences: list[UDSentence]) -> list[UDSentence]:
    return [m for m in map(modernize_2017, sentences) if m is not None]


def syntax_train_sentences(data: Path, *, alpino: Path | None) -> list[UDSentence]:
    """UD training sentences (never `nl_alpino-ud-dev`, never the selection part): the UD
    2.x Alpino test and LassySmall dev/test parts, the 2017 LassySmall train and partial
    Alpino train parts (modernised), and the Alpino treebank converted by
    `scripts/alpino_to_ud.py` (a CoNLL-U file) when `alpino` is given."""
    syn = data / "syntax"
    ltest = read_conllu(syn / "nl_lassysmall-ud-test.conllu")
    train = read_conllu(syn / "nl_alpino-ud-test.conllu") + read_conllu(syn / "nl_lassysmall-ud-dev.conllu")
    train += [s for i, s in enumerate(ltest) if i % 10]
    partial = _modern(read_conllu(syn / "nl_alpino-ud-train-2017-partial.conllu"))
    train += _modern(read_conllu(syn / "nl_lassysmall-ud-train-2017.conllu"))
    if alpino is not None and alpino.exists():
        dev = {" ".join(s.words) for s in read_conllu(syn / "nl_alpino-ud-dev.conllu")}
        converted = [s for s in read_conllu(alpino) if " ".join(s.words) not in dev]
        log.info("converted Alpino treebank: %d sentences", len(converted))
        train += converted  # it holds the partial part's trees, converted the modern way
    else:
        train += partial
    random.Random(SEED).shuffle(train)
    return train


def convert_alpino(data: Path, work: Path) -> Path | None:
    """The Alpino treebank (`syntax/alpino-treebank.tar.xz`) unpacked into the work
    directory and converted to UD by `scripts/alpino_to_ud.py` (kept there once made)."""
    import tarfile

    out = work / "alpino-ud.conllu"
    packed = data / "syntax" / "alpino-treebank.tar.xz"
    if out.exists() or not packed.exists():
        return out if out.exists() else None
    sys.path.insert(0, str(ROOT / "scripts"))
    import alpino_to_ud

    with tarfile.open(packed) as tar:
        tar.extractall(work / "alpino", filter="data")
    code = alpino_to_ud.main([str(work / "alpino"), "--out", str(out)])
    if code:
        raise SystemExit(f"alpino_to_ud failed ({code})")
    return out


def prepare(data: Path, work: Path, langs: list[str], *, wikiann: bool, alpino: Path | None = None) -> None:
    import spacy

    work.mkdir(parents=True, exist_ok=True)
    if "nl" in langs:
        vocab = spacy.blank("nl").vocab
        syn = data / "syntax"
        ltest = read_conllu(syn / "nl_lassysmall-ud-test.conllu")
        train = syntax_train_sentences(data, alpino=alpino)
        ud_to_docbin(vocab, train, work / "nl-syntax-train.spacy")
        ud_to_docbin(vocab, ltest[::10], work / "nl-syntax-select.spacy")
        conll = read_conll(data / "ner" / "conll2002-nl" / "train.conll")
        ner_train = [s for s in conll if s.doc_index % 20]
        if wikiann:  # 10,000 of its 20,000 sentences, so CoNLL's news style still dominates
            wiki = read_conll(data / "ner" / "wikiann-nl" / "train.conll")
            random.Random(SEED).shuffle(wiki)
            for s in wiki[:10_000]:
                s.doc_index = -1
            ner_train += wiki[:10_000]
        random.Random(SEED).shuffle(ner_train)
        ner_to_docbin(vocab, ner_train, work / "nl-ner-train.spacy")
        ner_to_docbin(
            vocab, [s for s in conll if s.doc_index % 20 == 0], work / "nl-ner-select.spacy"
        )
    if "en" in langs:
        vocab = spacy.blank("en").vocab
        conll = read_conll(data / "ner" / "conll2003-en" / "train.conll")
        ner_train = [s for s in conll if s.doc_index % 20]
        random.Random(SEED).shuffle(ner_train)
        ner_to_docbin(vocab, ner_train, work / "en-ner-train.spacy")
        ner_to_docbin(
            vocab, [s for s in conll if s.doc_index % 20 == 0], work / "en-ner-select.spacy"
        )


def raw_text(data: Path, work: Path) -> Path:
    """Unlabelled Dutch text for pretraining the tok2vec (never the measured dev parts)."""
    out = work / "nl-raw.jsonl"
    texts: list[str] = []
    news = data / "news" / "dpgmedia2019-nl.jsonl"
    if news.exists():
        for line in news.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            texts.append(rec.get("title") or "")
            texts += [p.strip() for p in (rec.get("text") or "").split("\n") if p.strip()]
    texts += [" ".join(s.words) for s in read_conll(data / "ner" / "conll2002-nl" / "train.conll")]
    texts += [" ".join(s.words) for s in read_conll(data / "ner" / "wikiann-nl" / "train.conll")]
    syn = data / "syntax"
    for name in ("nl_alpino-ud-test", "nl_lassysmall-ud-dev", "nl_lassysmall-ud-test"):
        texts += [" ".join(s.words) for s in read_conllu(syn / f"{name}.conllu")]
    random.Random(SEED).shuffle(texts)
    with out.open("w", encoding="utf-8") as fh:
        for t in texts:
            if len(t.split()) >= 5:
                fh.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
    return out


def pretrain(data: Path, work: Path, *, epochs: int) -> Path:
    """`spacy pretrain` (character objective) of the Dutch tok2vec on raw text."""
    raw = raw_text(data, work)
    out = work / "nl-pretrain"
    cmd = [
        sys.executable, "-m", "spacy", "pretrain", str(CONFIGS / "nl-pretrain.cfg"), str(out),
        "--paths.raw_text", str(raw), "--pretraining.max_epochs", str(epochs),
        "--system.seed", str(SEED),
    ]  # fmt: skip
    log.info("%s", " ".join(cmd))
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run(cmd, check=True, env=env)
    return out / f"model{epochs - 1}.bin"


def spacy_train(
    config: Path,
    out: Path,
    train: Path,
    dev: Path,
    *,
    lang: str,
    max_steps: int | None,
    extra: list[str],
) -> None:
    cmd = [
        sys.executable, "-m", "spacy", "train", str(config), "--output", str(out),
        "--paths.train", str(train), "--paths.dev", str(dev),
        "--nlp.lang", lang, "--system.seed", str(SEED), "--code", __file__,
    ]  # fmt: skip
    if max_steps:
        cmd += ["--training.max_steps", str(max_steps)]
    for item in extra:  # --set section.key=value → spaCy config overrides
        key, _, value = item.partition("=")
        cmd += ["--" + key, value]
    log.info("%s", " ".join(cmd))
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run(cmd, check=True, env=env)


SYNTAX_COMPONENTS = ("tok2vec", "morphologizer", "parser", "trainable_lemmatizer")


def register_callbacks() -> None:
    """spaCy callbacks the training configs name (`spacy train --code` this file)."""
    import spacy

    @spacy.registry.callbacks("kroniek.edit_tree_labels.v1")
    def edit_tree_labels() -> object:
        """spaCy 3.8's edit-tree lemmatiser rebuilds its tree → label map only when it is
        initialised, not when it is loaded: a sourced lemmatiser then trains every token
        towards label 0 (lemma accuracy on the selection part fell from 95.0 to 75.1 in
        500 steps). This rebuilds the map of every lemmatiser after initialisation."""

        def rebuild(nlp: Any) -> Any:
            for _, proc in nlp.components:  # sourced components are disabled here
                if hasattr(proc, "tree2label"):
                    proc.tree2label = {tree: i for i, tree in enumerate(proc.cfg["labels"])}
            return nlp

        return rebuild


def continue_config(pipeline: Path, work: Path) -> Path:
    """A copy of configs/nl-syntax.cfg (in `work`) that makes `train-syntax` continue
    training the syntax components of `pipeline` (e.g. the first run's model-last) instead
    of starting from scratch: the components are sourced with their labels and edit trees,
    and the batch size starts where the first run's compounding schedule ended (1,000 words)."""
    from spacy.util import load_config

    if not (pipeline / "config.cfg").exists():
        raise SystemExit(f"--syntax-from {pipeline}: no spaCy pipeline there (config.cfg missing)")
    config = load_config(CONFIGS / "nl-syntax.cfg", interpolate=False)
    for name in SYNTAX_COMPONENTS:
        config["components"][name] = {"source": str(pipeline.resolve())}
    config["training"]["batcher"]["size"]["start"] = 1000
    config["initialize"]["after_init"] = {"@callbacks": "kroniek.edit_tree_labels.v1"}
    out = work / "nl-syntax-continue.cfg"
    config.to_disk(out)
    return out


def joint_corpus(work: Path) -> tuple[Path, Path]:
    """Directories spaCy reads as one corpus: UD (three times, to balance) + NER sentences."""
    train, select = work / "nl-joint-train", work / "nl-joint-select"
    for d in (train, select):
        d.mkdir(parents=True, exist_ok=True)
    links = {train / f"ud{k}.spacy": "nl-syntax-train.spacy" for k in (1, 2, 3)}
    links |= {train / "ner.spacy": "nl-ner-train.spacy", select / "ud.spacy": "nl-syntax-select.spacy",
              select / "ner.spacy": "nl-ner-select.spacy"}  # fmt: skip
    for link, target in links.items():
        if not link.exists():
            link.symlink_to(Path("..") / target)
    return train, select


def assemble(work: Path, lang: str, *, variant: str = "", ner_from: Path | None = None) -> Path:
    """One pipeline per language: (syntax components) + NER with its own tok2vec, or the
    jointly trained pipeline (`--variant=joint`, one tok2vec shared by all components)."""
    import importlib

    import spacy

    customize_tokenizer = importlib.import_module(
        f"kroniek.lang.{lang}.tokenizer"
    ).customize_tokenizer
    if variant == "joint":
        nlp = spacy.load(work / f"{lang}-joint" / "model-best")
    else:
        if ner_from is not None:  # a shipped pipeline: its ner already has its own tok2vec
            ner_nlp = spacy.load(ner_from)
        else:
            ner_nlp = spacy.load(work / f"{lang}-ner{variant}" / "model-best")
            ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        syntax = work / f"{lang}-syntax" / "model-best"
        nlp = spacy.load(syntax) if syntax.exists() else spacy.blank(lang)
        nlp.add_pipe("ner", source=ner_nlp)
    customize_tokenizer(nlp)
    nlp.meta.update(
        name="kroniek_" + lang, version=time.strftime("%Y.%m.%d"), author="kroniek (scripts/train_models.py)",
        license="research use only (trained on CoNLL NER data); see MODEL_CARD.md",
        sources=[], performance={},
    )  # fmt: skip
    dest = MODELS / lang
    keep = {p.name: p.read_bytes() for p in dest.glob("*.md")} if dest.exists() else {}
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(dest)
    for name, data in keep.items():
        (dest / name).write_bytes(data)
    log.info("assembled %s: %s", dest, nlp.pipe_names)
    return dest


# Edit trees the lemmatiser keeps: those it chose at least this often on the raw Dutch
# sentences (raw/nl: Eindhoven corpus + Wikipedia selection, 961,183 tokens). Its output
# layer is 64 × trees per token and was ~2/3 of its CPU time. Tuned on alpino-dev (the
# lemma figure; 2026-12-04, 1,404 trees): 1 → 1,081 trees, lemma 0.9541 → 0.9539; 3 → 891,
# 0.9533; 10 → 642, 0.9523; 30 → 411, 0.9506; 100 → 231, 0.9426. UPOS and LAS unchanged.
LEMMA_TREE_MIN_COUNT = 10


def prune_lemma_trees(data: Path, lang: str, *, min_count: int = LEMMA_TREE_MIN_COUNT) -> int:
    """Drop from the assembled `lang` pipeline's lemmatiser the edit trees it chooses fewer
    than `min_count` times on the raw sentences of `data` (raw/<lang>/*.sents): their rows
    of the output layer go, a token whose best tree went gets the best of the rest. Writes
    the lemmatiser back; returns the number of trees kept (0: nothing to prune)."""
    from collections import Counter

    import spacy
    from spacy.tokens import Doc as SpacyDoc

    dest = MODELS / lang
    nlp = spacy.load(dest)
    if "trainable_lemmatizer" not in nlp.pipe_names:
        return 0
    lem: Any = nlp.get_pipe("trainable_lemmatizer")
    counts: Counter[int] = Counter()
    words = [line.split() for path in sorted((data / "raw" / lang).glob("*.sents"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]  # fmt: skip
    tok2vec: Any = nlp.get_pipe("tok2vec")
    for i in range(0, len(words), 512):
        docs = list(tok2vec.pipe(SpacyDoc(nlp.vocab, words=w) for w in words[i : i + 512]))
        for scores in lem.model.predict(docs):
            counts.update(scores.argmax(axis=1).tolist())
    keep = sorted(i for i, c in counts.items() if c >= min_count)
    out = lem.model.get_ref("output_layer")
    W, b = out.get_param("W"), out.get_param("b")
    log.info("lemmatiser: %d of %d edit trees kept (chosen >= %d times on %d raw tokens)",
             len(keep), W.shape[0], min_count, sum(counts.values()))  # fmt: skip
    if not keep or len(keep) == W.shape[0]:
        return 0
    out._dims["nO"] = len(keep)  # thinc's set_dim refuses once params exist
    out.set_param("W", W[keep].copy())
    out.set_param("b", b[keep].copy())
    lem.cfg["labels"] = [lem.cfg["labels"][i] for i in keep]
    # Only the lemmatiser's files are rewritten (the vocabulary now holds the raw words).
    tmp = dest / "trainable_lemmatizer.new"
    if tmp.exists():
        shutil.rmtree(tmp)
    lem.to_disk(tmp, exclude=["vocab"])
    shutil.rmtree(dest / "trainable_lemmatizer")
    tmp.rename(dest / "trainable_lemmatizer")
    return len(keep)


def evaluate(data: Path, lang: str) -> dict[str, object]:
    import spacy

    nlp = spacy.load(MODELS / lang)
    scores: dict[str, object] = {}
    dev = "conll2002-nl" if lang == "nl" else "conll2003-en"
    gold = read_conll(data / "ner" / dev / "dev.conll")
    scores["ner"] = evaluate_ner(gold, lambda s: predict_spacy(nlp, s)).as_dict()
    if lang == "nl":
        ud = read_conllu(data / "syntax" / "nl_alpino-ud-dev.conllu")
        scores["syntax"] = evaluate_syntax(nlp, ud).as_dict()
    (MODELS / lang / "scores.json").write_text(
        json.dumps(scores, indent=2) + "\n", encoding="utf-8"
    )
    log.info("%s scores: %s", lang, json.dumps(scores))
    return scores


def speed(data: Path, lang: str, *, limit: int = 400) -> dict[str, float]:
    """Words (tokens) per CPU second of the linguistic stage alone, and peak memory, on news.

    Articles are split into sentences by kroniek's segment stage first (not timed); the
    timed part is `analyse_sentences`, spaCy plus building kroniek's Token/Entity records.
    """
    import resource

    from kroniek.analysis import make_doc
    from kroniek.stages.linguistic import analyse_sentences, load_model
    from kroniek.stages.segment import SegmentStage

    lines = (data / "news" / "dpgmedia2019-nl.jsonl").read_text(encoding="utf-8").splitlines()
    texts: list[str] = []
    for line in lines[:limit]:
        rec = json.loads(line)
        doc = SegmentStage()(make_doc(rec["text"], lang="nl", allow_empty=True))
        texts += [doc.text[s.start : s.end] for s in doc.sentences]
    nlp = load_model(lang)
    analyse_sentences(nlp, texts[:50], [0] * 50)  # warm up
    t0 = time.process_time()
    tokens, _ = analyse_sentences(nlp, texts, [0] * len(texts))
    cpu = time.process_time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"articles": min(limit, len(lines)), "tokens": len(tokens), "cpu_seconds": round(cpu, 2),
              "words_per_cpu_second": round(len(tokens) / cpu), "peak_rss_mb": round(peak)}  # fmt: skip
    log.info("speed %s: %s", lang, json.dumps(result))
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--workdir", type=Path, default=ROOT / "build" / "train")
    ap.add_argument("--lang", default="nl,en")
    ap.add_argument("--steps", default="prepare,train-syntax,train-ner,assemble,prune-lemmas,evaluate,speed")
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument(
        "--variant", default="", help="suffix of the NER training directory (experiments)"
    )
    ap.add_argument("--alpino", type=Path, default=None,
                    help="the Alpino treebank converted to CoNLL-U by scripts/alpino_to_ud.py "
                    "(default: converted from the data folder into the work directory)")  # fmt: skip
    ap.add_argument("--no-alpino", dest="use_alpino", action="store_false",
                    help="Dutch syntax on the UD files alone, without the converted Alpino treebank")
    ap.add_argument("--syntax-from", type=Path, default=None,
                    help="train-syntax: continue training the syntax components of this pipeline "
                    "(e.g. the first run's WORKDIR/nl-syntax/model-last, kept elsewhere) for "
                    "--max-steps more steps")  # fmt: skip
    ap.add_argument("--ner-from", type=Path, default=None,
                    help="assemble: take the `ner` component as it is from this pipeline "
                    "(e.g. the shipped src/kroniek/resources/models/nl) instead of the work directory")  # fmt: skip
    ap.add_argument("--pretrain-epochs", type=int, default=1)  # 1 epoch: ~12 CPU-minutes
    ap.add_argument("--speed-articles", type=int, default=400)
    ap.add_argument("--no-wikiann", dest="wikiann", action="store_false",
                    help="Dutch NER on CoNLL-2002 alone (default adds 10,000 WikiANN sentences: "
                    "dev F1 0.723 with, 0.695 without)")  # fmt: skip
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="spaCy config override for the training runs, e.g. "
                    "components.tok2vec.model.encode.width=128")  # fmt: skip
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    langs = args.lang.split(",")
    steps = args.steps.split(",")
    work: Path = args.workdir
    if "prepare" in steps:
        alpino = args.alpino
        if alpino is None and args.use_alpino and "nl" in langs:
            alpino = convert_alpino(args.data, work)
        prepare(args.data, work, langs, wikiann=args.wikiann, alpino=alpino)
    if "pretrain" in steps:
        pretrain(args.data, work, epochs=args.pretrain_epochs)
    for lang in langs:
        init = work / "nl-pretrain" / f"model{args.pretrain_epochs - 1}.bin"
        if lang == "nl" and init.exists():  # pretrained tok2vec weights for both nl models
            args.set = [*args.set, f"paths.init_tok2vec={init}"]
        if "train-syntax" in steps and lang == "nl":
            config = CONFIGS / "nl-syntax.cfg"
            if args.syntax_from is not None:
                config = continue_config(args.syntax_from, work)
            spacy_train(config, work / "nl-syntax", work / "nl-syntax-train.spacy",
                        work / "nl-syntax-select.spacy", lang=lang, max_steps=args.max_steps, extra=args.set)  # fmt: skip
        if "train-joint" in steps and lang == "nl":
            train, select = joint_corpus(work)
            spacy_train(CONFIGS / "nl-joint.cfg", work / "nl-joint", train, select, lang=lang,
                        max_steps=args.max_steps, extra=args.set)  # fmt: skip
        if "train-ner" in steps:
            spacy_train(CONFIGS / "ner.cfg", work / f"{lang}-ner{args.variant}", work / f"{lang}-ner-train.spacy",
                        work / f"{lang}-ner-select.spacy", lang=lang, max_steps=args.max_steps, extra=args.set)  # fmt: skip
        if "assemble" in steps:
            assemble(work, lang, variant=args.variant, ner_from=args.ner_from)
        if "prune-lemmas" in steps:
            prune_lemma_trees(args.data, lang)
        if "evaluate" in steps:
            evaluate(args.data, lang)
        if "speed" in steps and lang == "nl":
            speed(args.data, lang, limit=args.speed_articles)


register_callbacks()

if __name__ == "__main__":
    main()
