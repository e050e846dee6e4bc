#!/usr/bin/env python
"""Distil the accurate NER (e5 tagger) into the fast mode's spaCy NER (issue #12, Deliver 3).

    nice -n 10 .venv/bin/python scripts/distill_ner.py                 # label, train, assemble
    .venv/bin/python scripts/distill_ner.py --steps label --silver 4000  # a small silver set
    .venv/bin/python scripts/distill_ner.py --steps assemble --dest /tmp/kroniek-nl

Steps (the work directory keeps each step's output):

    label     raw Dutch sentences (`raw/nl/*.sents`: the Eindhoven corpus and a Wikipedia
              selection) and sentences of the DPG news (`news/dpgmedia2019-nl.jsonl`, every
              article of any gold folder left out, frozen test parts included), tagged by the
              accurate tagger (`kroniek.models.tagger`, e5 + the shipped head) → silver DocBin.
    train     spaCy's NER with its own tok2vec (`configs/ner.cfg`, as `train_models.py`
              trains it) on the gold training data of `train_models.py` (CoNLL-2002 train
              minus every 20th document + 10,000 WikiANN sentences) plus the silver;
              checkpoints chosen on CoNLL-2002 train's every 20th document, as before.
    assemble  the shipped Dutch pipeline with its `ner` replaced by the distilled one, written
              to --dest (default: the package's `resources/models/nl`, i.e. shipping it).

Measure the result end to end with the pipeline using it (for a --dest outside the
package, run from a worktree whose models/nl is that folder):
`kroniek eval ner --gold ../shared/data/ner/conll2002-nl/dev.conll`. The CoNLL-2002 dev
part is never used here.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import train_models as tm  # noqa: E402  (sets one BLAS thread and the src path)

log = logging.getLogger("distill_ner")

GOLD_DIRS = ("gold/events-nl", "gold/quotes-nl")
_SENT_END = {".", "!", "?"}
_WORD = re.compile(r"\w")


def gold_article_ids() -> set[int]:
    """Every article id of any gold folder (dev and frozen test parts), to keep out."""
    ids: set[int] = set()
    for folder in GOLD_DIRS:
        for p in (ROOT / folder).rglob("*.json"):
            if p.stem.isdigit():
                ids.add(int(p.stem))
    for p in (ROOT / "gold" / "splits").glob("*.json"):
        split = json.loads(p.read_text(encoding="utf-8"))
        for part in ("events", "quotes"):
            for ids_ in split.get(part, {}).values():
                ids.update(int(i) for i in ids_)
    return ids


def raw_sentences(data: Path) -> list[list[str]]:
    """Whitespace-tokenised raw sentences, 5 to 60 tokens, with at least one capital word
    after the first (sentences without a candidate name teach little)."""
    out = []
    for path in sorted((data / "raw" / "nl").glob("*.sents")):
        for line in path.open(encoding="utf-8"):
            words = line.split()
            if 5 <= len(words) <= 60 and any(w[:1].isupper() for w in words[1:]):
                out.append(words)
    return out


def news_sentences(data: Path, nlp: object, skip: set[int]) -> list[list[str]]:
    """DPG news sentences (articles in `skip` left out), tokenised by the Dutch model's
    tokenizer and split after . ! ? before a capital."""
    out = []
    with (data / "news" / "dpgmedia2019-nl.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if int(art["id"]) in skip:
                continue
            for para in art["text"].split("\n"):
                words = [t.text for t in nlp.tokenizer(para) if not t.is_space]  # type: ignore[attr-defined]
                start = 0
                for i, w in enumerate(words):
                    last = i + 1 == len(words)
                    if last or (w in _SENT_END and words[i + 1][:1].isupper()):
                        sent = words[start:i + 1]
                        start = i + 1
                        if 5 <= len(sent) <= 60 and any(x[:1].isupper() for x in sent[1:]):
                            out.append(sent)
    return out


def label(data: Path, work: Path, *, n_silver: int) -> Path:
    """The silver DocBin: `n_silver` sentences, half raw text, half news."""
    from kroniek.models.tagger import get_tagger
    from kroniek.stages.linguistic import load_model

    rng = random.Random(tm.SEED)
    raw = raw_sentences(data)
    news = news_sentences(data, load_model("nl"), gold_article_ids())
    rng.shuffle(raw)
    rng.shuffle(news)
    half = n_silver // 2
    chosen = raw[:half] + news[:n_silver - half]
    log.info("silver: %d raw + %d news sentences (of %d / %d)", min(half, len(raw)),
             min(n_silver - half, len(news)), len(raw), len(news))
    tagger = get_tagger("nl")
    sents = []
    step = 500
    for i in range(0, len(chosen), step):
        batch = chosen[i:i + step]
        tags = tagger.tag([(w, [j > 0 for j in range(len(w))]) for w in batch])
        sents += [tm.GoldSentence(words=w, tags=t, doc_index=-2) for w, t in zip(batch, tags, strict=True)]
        log.info("labelled %d / %d", len(sents), len(chosen))
    import spacy

    path = work / "nl-ner-silver.spacy"
    tm.ner_to_docbin(spacy.blank("nl").vocab, sents, path)
    n_ents = sum(t.startswith("B-") for s in sents for t in s.tags)
    log.info("silver entities: %d in %d sentences", n_ents, len(sents))
    return path


def train(data: Path, work: Path, *, max_steps: int | None) -> Path:
    """Gold (as train_models.py prepares it) + silver → a NER pipeline in work/nl-ner-distill."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("nl").vocab
    conll = tm.read_conll(data / "ner" / "conll2002-nl" / "train.conll")
    gold = [s for s in conll if s.doc_index % 20]
    wiki = tm.read_conll(data / "ner" / "wikiann-nl" / "train.conll")
    random.Random(tm.SEED).shuffle(wiki)
    for s in wiki[:10_000]:
        s.doc_index = -1
    gold += wiki[:10_000]
    tm.ner_to_docbin(vocab, gold, work / "nl-ner-gold.spacy")
    tm.ner_to_docbin(vocab, [s for s in conll if s.doc_index % 20 == 0], work / "nl-ner-select.spacy")
    both = DocBin(store_user_data=False)
    docs = list(DocBin().from_disk(work / "nl-ner-gold.spacy").get_docs(vocab))
    docs += list(DocBin().from_disk(work / "nl-ner-silver.spacy").get_docs(vocab))
    random.Random(tm.SEED).shuffle(docs)
    for d in docs:
        both.add(d)
    both.to_disk(work / "nl-ner-distill-train.spacy")
    log.info("training on %d sentences (gold and silver)", len(docs))
    out = work / "nl-ner-distill"
    tm.spacy_train(tm.CONFIGS / "ner.cfg", out, work / "nl-ner-distill-train.spacy",
                   work / "nl-ner-select.spacy", lang="nl", max_steps=max_steps, extra=[])
    return out / "model-best"


def assemble(work: Path, dest: Path) -> Path:
    """The shipped Dutch pipeline with the distilled NER, written to `dest`."""
    import spacy

    from kroniek.stages.linguistic import import_spacy

    import_spacy()
    ner_nlp = spacy.load(work / "nl-ner-distill" / "model-best")
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    shipped = tm.MODELS / "nl"
    nlp = spacy.load(shipped)
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=ner_nlp)
    keep = {p.name: p.read_bytes() for p in shipped.glob("*.md")}
    tmp = dest.with_name(dest.name + ".new")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    for name, blob in keep.items():
        (tmp / name).write_bytes(blob)
    if dest.exists():
        shutil.rmtree(dest)
    tmp.rename(dest)
    log.info("assembled %s: %s", dest, nlp.pipe_names)
    return dest


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=tm.DEFAULT_DATA)
    ap.add_argument("--workdir", type=Path, default=ROOT / "build" / "distill")
    ap.add_argument("--steps", default="label,train,assemble")
    ap.add_argument("--silver", type=int, default=20_000, help="silver sentences (half raw, half news)")
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--dest", type=Path, default=tm.MODELS / "nl", help="where assemble writes")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    steps = set(args.steps.split(","))
    unknown = steps - {"label", "train", "assemble"}
    if unknown:
        ap.error(f"unknown step(s): {', '.join(sorted(unknown))} (label, train, assemble)")
    for need, step in (("raw/nl", "label"), ("ner/conll2002-nl/train.conll", "train")):
        if step in steps and not (args.data / need).exists():
            ap.error(f"{args.data / need} not found: pass --data with ../shared/data's layout")
    args.workdir.mkdir(parents=True, exist_ok=True)
    if "label" in steps:
        label(args.data, args.workdir, n_silver=args.silver)
    if "train" in steps:
        if not (args.workdir / "nl-ner-silver.spacy").exists():
            ap.error(f"no silver in {args.workdir}: run --steps label first")
        train(args.data, args.workdir, max_steps=args.max_steps)
    if "assemble" in steps:
        assemble(args.workdir, args.dest)


if __name__ == "__main__":
    main()
