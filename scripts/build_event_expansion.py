"""Candidate event verbs for the Dutch lexicon by the e5 encoder's nearest neighbours (#13).

Offline, never at run time. The vocabulary is every verb lemma (a separable verb with its
particle joined: "oprukken") of the Dutch UD treebanks in `../shared/data/syntax` (Alpino:
newspaper text; LassySmall: Wikipedia), and of analysed documents given with `--docs` (a
pickle of `kroniek.doc.Doc`s, e.g. news outside every gold set). The seeds are the verbs the
lexicon already knows (`VERB_LEMMAS`) and English ACLED/PLOVER verbs (`ENGLISH_SEEDS`), each
with its ACLED sub-type. Each word and seed is embedded alone (`query: <lemma>`, mean-pooled
last layer, centred on the vocabulary's mean, normalised) and every vocabulary verb among the
`--k` nearest of some seed with a cosine of at least `--min-cos` is written, nearest first, as
a TSV row: lemma, sub-type of the nearest seed, that seed, cosine, count. Word vectors of
e5-small are mostly spelling ("aanvallen": "opvallen", "invallen"); the English seeds find
neighbours by meaning ("explode": "exploderen", "destroy": "verwoesten"). Of 1,272 candidates
of 5 December 2026 (4,116 verbs, 88 seeds) 20 were kept, 17 after reading their hits on the
DPG store and the dev articles outside round-3 half B.

The list is a proposal. The shipped resource (`kroniek/resources/event-verbs-expanded.tsv`)
holds only the rows vetted by hand against the GUIDE's definitions (`gold/events-nl/GUIDE.md`),
with their written forms: a verb that by itself tells a physical act of violence, a protest,
a capture or destruction, not a word picked because a dev article missed it. The events stage treats them as
ambiguous triggers (a conflict word near them, or a conflict article), weaker than the
curated lemmas.

    nice .venv/bin/python scripts/build_event_expansion.py --docs .work/evR/storedocs.pkl \\
        --out .work/evR/expansion-candidates.tsv
"""

from __future__ import annotations

import argparse
import collections
import glob
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kroniek.lang.nl.events import COMPOUND_HEADS, VERB_LEMMAS  # noqa: E402
from kroniek.models.e5 import get_encoder  # noqa: E402


def treebank_verbs(paths: list[str], pos: str = "VERB") -> collections.Counter[str]:
    """Lemmas of one part of speech in CoNLL-U files, a separable verb's particle joined to it."""
    out: collections.Counter[str] = collections.Counter()

    def flush(rows: list[list[str]]) -> None:
        prt = {r[6]: r[2].lower() for r in rows if r[7] == "compound:prt"}
        for r in rows:
            if r[3] != pos:
                continue
            lemma = r[2].lower().replace("_", "")
            p = prt.get(r[0], "")
            out[lemma if not p or lemma.startswith(p) else p + lemma] += 1

    for path in paths:
        rows: list[list[str]] = []
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            line = line.rstrip()
            if not line:
                flush(rows)
                rows = []
            elif not line.startswith("#"):
                r = line.split("\t")
                if r[0].isdigit():
                    rows.append(r)
        flush(rows)
    return out


def doc_verbs(path: Path, pos: str = "VERB") -> collections.Counter[str]:
    out: collections.Counter[str] = collections.Counter()
    for d in pickle.loads(path.read_bytes()):
        toks = d.tokens
        prt = {t.head: t.text.lower() for t in toks if t.dep == "compound:prt"}
        for i, t in enumerate(toks):
            if t.upos == pos:
                lemma, p = t.lemma.lower(), prt.get(i, "")
                out[lemma if not p or lemma.startswith(p) else p + lemma] += 1
    return out


# English seeds (ACLED's and PLOVER's verbs for the sub-types): the encoder is multilingual, and
# a Dutch neighbour of an English word shares its meaning, not its spelling, the way the
# Dutch seeds' neighbours mostly do ("aanvallen": "opvallen", "invallen", "meevallen").
ENGLISH_SEEDS: dict[str, str] = {
    "attack": "Armed clash", "ambush": "Armed clash", "raid": "Armed clash", "fight": "Armed clash",
    "invade": "Armed clash", "advance": "Armed clash", "besiege": "Armed clash",
    "storm": "Mob violence", "lynch": "Mob violence",
    "capture": "Non-state actor overtakes territory", "seize": "Non-state actor overtakes territory",
    "overrun": "Non-state actor overtakes territory", "occupy": "Non-state actor overtakes territory",
    "recapture": "Government regains territory", "shell": "Shelling/artillery/missile attack",
    "bomb": "Air/drone strike", "explode": "Remote explosive/landmine/IED",
    "shoot": "Attack", "kill": "Attack", "murder": "Attack", "execute": "Attack", "torture": "Attack",
    "assassinate": "Attack", "beat": "Attack", "stab": "Attack", "massacre": "Attack",
    "assault": "Attack", "wound": "Attack", "slaughter": "Attack",
    "abduct": "Abduction/forced disappearance", "kidnap": "Abduction/forced disappearance",
    "hijack": "Abduction/forced disappearance", "rape": "Sexual violence",
    "protest": "Peaceful protest", "demonstrate": "Peaceful protest", "march": "Peaceful protest",
    "rally": "Peaceful protest", "riot": "Violent demonstration", "loot": "Violent demonstration",
    "vandalize": "Looting/property destruction", "torch": "Looting/property destruction",
    "destroy": "Looting/property destruction", "demolish": "Looting/property destruction",
    "burn": "Looting/property destruction", "arrest": "Arrests", "detain": "Arrests",
    "imprison": "Arrests", "disperse": "Protest with intervention", "evacuate": "Other",
    "surrender": "Change to group/activity", "annex": "Non-violent transfer of territory",
}  # fmt: skip
# `--pos NOUN`: the events of the same sub-types as English nouns (the Dutch seeds are the
# lexicon's compound heads).
ENGLISH_NOUN_SEEDS: dict[str, str] = {
    "attack": "Armed clash", "clash": "Armed clash", "battle": "Armed clash", "fighting": "Armed clash",
    "skirmish": "Armed clash", "ambush": "Armed clash", "raid": "Armed clash", "siege": "Armed clash",
    "brawl": "Mob violence", "lynching": "Mob violence", "shelling": "Shelling/artillery/missile attack",
    "bombing": "Air/drone strike", "airstrike": "Air/drone strike", "explosion": "Remote explosive/landmine/IED",
    "shooting": "Attack", "stabbing": "Attack", "massacre": "Attack", "assault": "Attack",
    "murder": "Attack", "execution": "Attack", "torture": "Attack", "assassination": "Attack",
    "kidnapping": "Abduction/forced disappearance", "hostage": "Abduction/forced disappearance",
    "rape": "Sexual violence", "protest": "Peaceful protest", "demonstration": "Peaceful protest",
    "strike": "Peaceful protest", "march": "Peaceful protest", "rally": "Peaceful protest",
    "vigil": "Peaceful protest", "blockade": "Peaceful protest", "occupation": "Peaceful protest",
    "riot": "Violent demonstration", "looting": "Violent demonstration", "unrest": "Violent demonstration",
    "arson": "Looting/property destruction", "sabotage": "Looting/property destruction",
    "vandalism": "Looting/property destruction", "arrest": "Arrests", "detention": "Arrests",
    "coup": "Other", "uprising": "Violent demonstration", "ceasefire": "Agreement",
}  # fmt: skip


def embed(words: list[str], prompt: str, batch: int = 128) -> np.ndarray:
    """Mean-pooled last-layer vectors of `prompt + word`, not yet normalised."""
    enc = get_encoder()
    vecs = []
    for i in range(0, len(words), batch):
        for h in enc.forward([enc.encode_text(prompt + w) for w in words[i : i + batch]]):
            vecs.append(h[-1].mean(0))
    return np.stack(vecs)


def unit(x: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """Centred on the vocabulary's mean (the encoder's common direction) and normalised."""
    x = x - mean
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--treebanks", default=str(ROOT.parent / "shared/data/syntax/*.conllu"))
    ap.add_argument("--docs", type=Path, action="append", default=[])
    ap.add_argument("--k", type=int, default=25)
    ap.add_argument("--min-cos", type=float, default=0.25)
    ap.add_argument("--pos", choices=("VERB", "NOUN"), default="VERB")
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    counts = treebank_verbs(sorted(glob.glob(a.treebanks)), a.pos)
    for p in a.docs:
        counts.update(doc_verbs(p, a.pos))
    if a.pos == "VERB":
        seeds = {**{w: sub for w, (sub, _) in VERB_LEMMAS.items()}, **ENGLISH_SEEDS}
    else:
        seeds = {**{h: sub for h, sub, *_ in COMPOUND_HEADS}, **ENGLISH_NOUN_SEEDS}
    vocab = sorted(w for w in counts if w.isalpha() and len(w) >= 4 and w not in seeds)
    names = list(seeds)
    print(f"{len(vocab)} words, {len(names)} seeds", file=sys.stderr)
    raw = embed(vocab, "query: ")
    mean = raw.mean(0)
    v, s = unit(raw, mean), unit(embed(names, "query: "), mean)
    sim = v @ s.T  # [vocab, seeds]
    best: dict[str, tuple[float, str]] = {}
    for j, seed in enumerate(names):
        for i in np.argsort(-sim[:, j])[: a.k]:
            c = float(sim[i, j])
            if c >= a.min_cos and c > best.get(vocab[i], (0.0, ""))[0]:
                best[vocab[i]] = (c, seed)
    rows = sorted(best.items(), key=lambda kv: -kv[1][0])
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("lemma\tsub_type\tseed\tcos\tcount\n")
        for w, (c, seed) in rows:
            f.write(f"{w}\t{seeds[seed]}\t{seed}\t{c:.3f}\t{counts[w]}\n")
    print(f"{len(rows)} candidates -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
