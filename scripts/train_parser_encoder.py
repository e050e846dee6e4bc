"""Train the accurate dependency parser head (kroniek.models.dep_parser) over frozen e5 layers.

Two steps, both under `nice`, features cached once in `.work/parser/` (git-ignored):

    nice -n 10 .venv/bin/python scripts/train_parser_encoder.py features --alpino ALPINO_UD
    nice -n 10 .venv/bin/python scripts/train_parser_encoder.py train

`features` runs e5 (numpy, `kroniek.models.e5`, up to layer 10) over the UD Dutch training
sentences of `scripts/train_models.py` (`syntax_train_sentences`: the UD parts and the Alpino
treebank converted by `scripts/alpino_to_ud.py`, already shuffled with seed 0, so a partial
cache is a random subset) and over the selection part (every 10th sentence of
nl_lassysmall-ud-test, as for the CNN parser), storing each word's mean subword state of the
layers the accurate NER tagger uses (6, 8, 10) as float16. The arrays are sized for the whole
part and the meta file lists the sentences done so far, so a stopped run leaves a usable
cache and `--resume` carries on. `nl_alpino-ud-dev` is never read here.

`train` fits a scalar layer mix + BiLSTM + biaffine arc and label scorers (Dozat & Manning
2017) with PyTorch (training only), keeps the epoch with the best LAS on the selection part
(trees decoded with Chu-Liu-Edmonds as at run time) and exports float16 weights to
`src/kroniek/resources/models/nl-e5parser/`. Every run is appended to `.work/parser/runs.jsonl`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from kroniek.evaluation import shared_data_dir  # noqa: E402
from kroniek.evaluation.syntax import UDSentence, read_conllu  # noqa: E402
from kroniek.models.e5 import get_encoder  # noqa: E402
from kroniek.models.tagger import token_vectors  # noqa: E402

CACHE = ROOT / ".work" / "parser"
LAYERS = [6, 8, 10]  # those the accurate NER computes: the parser adds no encoder time


def _spaced(s: UDSentence) -> list[bool]:
    """Whether whitespace precedes each word (the first always counts as spaced)."""
    return [i == 0 or s.spaces[i - 1] for i in range(len(s.words))]


def _sentences(split: str, alpino: Path | None) -> list[UDSentence]:
    syn = shared_data_dir() / "syntax"
    if split == "select":
        return read_conllu(syn / "nl_lassysmall-ud-test.conllu")[::10]
    from train_models import syntax_train_sentences

    return syntax_train_sentences(shared_data_dir(), alpino=alpino)


def features(split: str, alpino: Path | None, *, chunk: int = 256, stop_after: int = 0,
             resume: bool = False) -> None:  # fmt: skip
    sents = _sentences(split, alpino)
    end = min(stop_after, len(sents)) if stop_after else len(sents)
    CACHE.mkdir(parents=True, exist_ok=True)
    enc = get_encoder(layers=max(LAYERS))
    n_tok = sum(len(s.words) for s in sents)
    path, meta_path = CACHE / f"{split}.npy", CACHE / f"{split}.json"
    start = 0
    if resume and path.exists() and meta_path.exists():
        arr = np.load(path, mmap_mode="r+")
        done = json.loads(meta_path.read_text(encoding="utf-8"))
        if arr.shape != (n_tok, len(LAYERS), enc.H):
            sys.exit(
                f"{path}: shape {arr.shape} does not fit the {split} part; run without --resume"
            )
        start = len(done["lens"])
    else:
        arr = np.lib.format.open_memmap(path, mode="w+", dtype=np.float16,
                                        shape=(n_tok, len(LAYERS), enc.H))  # fmt: skip
    pos = sum(len(s.words) for s in sents[:start])

    def write_meta(n: int) -> None:
        arr.flush()
        part = sents[:n]
        meta = {"layers": LAYERS, "lens": [len(s.words) for s in part],
                "heads": [s.heads for s in part], "deps": [s.deps for s in part],
                "words": [s.words for s in part]}  # fmt: skip
        meta_path.write_text(json.dumps(meta), encoding="utf-8")

    t0 = time.time()
    for i in range(start, end, chunk):
        part = sents[i : min(i + chunk, end)]
        vecs = token_vectors(enc, [(s.words, _spaced(s)) for s in part], LAYERS)
        for v in vecs:
            arr[pos : pos + len(v)] = v.astype(np.float16)
            pos += len(v)
        write_meta(i + len(part))
        print(
            f"{split}: {i + len(part)}/{len(sents)} sentences, {time.time() - t0:.0f}s", flush=True
        )
    write_meta(end)


def _load(split: str, limit: int = 0) -> tuple[list[np.ndarray], list[list[int]], list[list[str]]]:
    """Per cached sentence: features [n, layers, H] (float16), gold heads (0-based, the
    root pointing to itself), gold relations."""
    meta = json.loads((CACHE / f"{split}.json").read_text(encoding="utf-8"))
    arr = np.load(CACHE / f"{split}.npy", mmap_mode="r")
    lens = meta["lens"][:limit] if limit else meta["lens"]
    x = np.asarray(arr[: sum(lens)])
    offs = np.cumsum([0, *lens])
    return ([x[offs[i] : offs[i + 1]] for i in range(len(lens))],
            meta["heads"][: len(lens)], meta["deps"][: len(lens)])  # fmt: skip


def train(*, hidden: int, arc: int, rel: int, epochs: int, lr: float, dropout: float,
          batch_size: int, seed: int, limit: int, lstm: bool, out: Path | None,
          ud_epochs: int = 0, alpino: Path | None = None) -> dict:  # fmt: skip
    import torch
    from torch import nn

    from kroniek.models.dep_parser import attach_scores

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    rng = np.random.default_rng(seed)
    tr_x, tr_h, tr_d = _load("train", limit)
    ud_ids: list[int] = []  # the sentences of the UD parts (not the converted treebank)
    if ud_epochs:
        sents = _sentences("train", alpino)[: len(tr_x)]
        assert [s.heads for s in sents] == tr_h, "the cache does not fit these sentences"
        ud_ids = [k for k, s in enumerate(sents) if "/Treebank/" not in s.sent_id]
        print(f"{len(ud_ids)} of {len(sents)} sentences from the UD parts", flush=True)
    sv_x, sv_h, sv_d = _load("select")
    labels = sorted({d.lower() for ds in tr_d for d in ds})
    lab = {d: i for i, d in enumerate(labels)}
    H, NL = tr_x[0].shape[-1], len(LAYERS)
    width = 2 * hidden if lstm else H

    class Head(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.mix = nn.Parameter(torch.zeros(NL))
            self.gamma = nn.Parameter(torch.ones(1))
            self.drop = nn.Dropout(dropout)
            if lstm:
                self.lstm = nn.LSTM(H, hidden, batch_first=True, bidirectional=True)
            self.root = nn.Parameter(torch.randn(width) * 0.1)
            self.arc_dep, self.arc_head = nn.Linear(width, arc), nn.Linear(width, arc)
            self.rel_dep, self.rel_head = nn.Linear(width, rel), nn.Linear(width, rel)
            self.arc_u = nn.Parameter(torch.zeros(arc, arc))
            self.arc_b = nn.Parameter(torch.zeros(arc))  # the head's prior
            self.rel_u = nn.Parameter(torch.zeros(len(labels), rel + 1, rel + 1))

        def forward(self, x: torch.Tensor, lens: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            w = torch.softmax(self.mix, 0) * self.gamma
            h = self.drop((x * w[None, None, :, None]).sum(2))
            if lstm:
                packed = nn.utils.rnn.pack_padded_sequence(h, lens, batch_first=True,
                                                           enforce_sorted=False)  # fmt: skip
                o, _ = self.lstm(packed)
                h, _ = nn.utils.rnn.pad_packed_sequence(
                    o, batch_first=True, total_length=x.shape[1]
                )
                h = self.drop(h)
            h = torch.cat([self.root.expand(h.shape[0], 1, -1), h], 1)  # [B, T+1, W]
            ad = self.drop(torch.relu(self.arc_dep(h)))
            ah = self.drop(torch.relu(self.arc_head(h)))
            rd = self.drop(torch.relu(self.rel_dep(h)))
            rh = self.drop(torch.relu(self.rel_head(h)))
            arcs = (ad @ self.arc_u) @ ah.transpose(1, 2) + (ah @ self.arc_b)[:, None, :]
            one = torch.ones_like(rd[..., :1])
            return arcs, torch.cat([rd, one], -1), torch.cat([rh, one], -1)  # type: ignore[return-value]

        def rels(self, rd: torch.Tensor, rh: torch.Tensor) -> torch.Tensor:
            """Label scores [N, labels] of N (dependent, head) pairs."""
            return torch.einsum("ni,lij,nj->nl", rd, self.rel_u, rh)

    model = Head()
    opt = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.9))

    def batch(idx: list[int], xs: list[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor]:
        T = max(len(xs[k]) for k in idx)
        b = np.zeros((len(idx), T, NL, H), dtype=np.float32)
        for i, k in enumerate(idx):
            b[i, : len(xs[k])] = xs[k]
        return torch.from_numpy(b), torch.tensor([len(xs[k]) for k in idx])

    def evaluate() -> tuple[float, float]:
        model.eval()
        tot = uas = las = 0
        with torch.no_grad():
            order = sorted(range(len(sv_x)), key=lambda k: len(sv_x[k]))
            for i in range(0, len(order), 64):
                idx = order[i : i + 64]
                xb, lb = batch(idx, sv_x)
                arcs, rd, rh = model(xb, lb)
                for j, k in enumerate(idx):
                    n = len(sv_x[k])
                    heads = attach_scores(arcs[j, : n + 1, : n + 1].numpy())
                    hi = torch.tensor([h + 1 for h in heads])
                    rs = model.rels(rd[j, 1 : n + 1], rh[j, hi]).argmax(-1).tolist()
                    for t in range(n):
                        gold = sv_h[k][t] if sv_h[k][t] != t else -1
                        tot += 1
                        if heads[t] == gold:
                            uas += 1
                            las += labels[rs[t]] == sv_d[k][t].lower()
        model.train()
        return uas / tot, las / tot

    def summary() -> dict:
        return {"lstm": lstm, "ud_epochs": ud_epochs, "hidden": hidden, "arc": arc, "rel": rel, "layers": LAYERS,
                "epochs": epochs, "lr": lr, "dropout": dropout, "batch": batch_size, "seed": seed,
                "train_sentences": len(tr_x), "select_uas": best_uas, "select_las": best,
                "history": history, "train_seconds": round(time.time() - t0)}  # fmt: skip

    def save(s: dict, run: dict) -> None:
        assert out is not None
        arrays = {
            k.replace("_", "."): v.numpy()
            for k, v in s.items()
            if not k.startswith(("lstm", "mix", "gamma"))
        }
        arrays["mix"] = (torch.softmax(s["mix"], 0) * s["gamma"]).numpy()
        for d, suffix in (("f", ""), ("b", "_reverse")) if lstm else ():
            arrays[f"lstm.{d}.w_ih"] = s[f"lstm.weight_ih_l0{suffix}"].numpy()
            arrays[f"lstm.{d}.w_hh"] = s[f"lstm.weight_hh_l0{suffix}"].numpy()
            arrays[f"lstm.{d}.b"] = (
                s[f"lstm.bias_ih_l0{suffix}"] + s[f"lstm.bias_hh_l0{suffix}"]
            ).numpy()
        out.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            out / "head.npz", **{k: v.astype(np.float16) for k, v in arrays.items()}
        )
        (out / "meta.json").write_text(
            json.dumps({"labels": labels, **run}, indent=1), encoding="utf-8"
        )

    ce = nn.CrossEntropyLoss()
    best, best_uas, best_state, history = -1.0, 0.0, None, []
    t0 = time.time()
    def batches_of(ids: list[int]) -> list[list[int]]:
        """Batches of sentences of similar length (little padding)."""
        by_len = sorted(ids, key=lambda k: (len(tr_x[k]), rng.random()))
        return [by_len[i : i + batch_size] for i in range(0, len(by_len), batch_size)]

    batches = batches_of(list(range(len(tr_x))))
    # the learning rate falls linearly to a tenth of `lr` over the main epochs (few fit the
    # time), then stays there for the epochs on the UD parts alone
    steps = epochs * len(batches)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: 1.0 - 0.9 * min(k, steps) / steps)
    phases = [("all", batches)] * epochs + [("ud", batches_of(ud_ids))] * ud_epochs
    for ep, (phase, bs) in enumerate(phases):
        rng.shuffle(bs)
        for bi, idx in enumerate(bs):
            xb, lb = batch(idx, tr_x)
            arcs, rd, rh = model(xb, lb)
            T = xb.shape[1]
            mask = torch.arange(T + 1)[None, :] <= lb[:, None]  # heads: root + real words
            arcs = arcs.masked_fill(~mask[:, None, :], -1e9)
            gold_h, gold_r, rows = [], [], []
            for j, k in enumerate(idx):
                for t, h in enumerate(tr_h[k]):
                    rows.append((j, t + 1))
                    gold_h.append(0 if h == t else h + 1)
                    gold_r.append(lab[tr_d[k][t].lower()])
            bj = torch.tensor([r[0] for r in rows])
            bt = torch.tensor([r[1] for r in rows])
            gh = torch.tensor(gold_h)
            loss = ce(arcs[bj, bt], gh) + ce(
                model.rels(rd[bj, bt], rh[bj, gh]), torch.tensor(gold_r)
            )
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            sched.step()
            if bi % 200 == 0:
                print(f"epoch {ep + 1} ({phase}) batch {bi}/{len(bs)} loss {loss.item():.3f} "
                      f"({time.time() - t0:.0f}s)", flush=True)  # fmt: skip
        u, score = evaluate()
        history.append([phase, round(u, 4), round(score, 4)])
        print(
            f"epoch {ep + 1} ({phase}): selection UAS {u:.4f} LAS {score:.4f} "
            f"({time.time() - t0:.0f}s)",
            flush=True,
        )
        if score > best:
            best, best_uas = score, u
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            if out is not None:  # after every better epoch: a stopped run leaves its best
                save(best_state, summary())
    run = summary()
    with (CACHE / "runs.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(run) + "\n")
    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=["features", "train"])
    ap.add_argument("--split", default="", help="features: select or train (default both)")
    ap.add_argument("--alpino", type=Path, default=None,
                    help="the Alpino treebank as CoNLL-U (scripts/alpino_to_ud.py output)")  # fmt: skip
    ap.add_argument("--stop-after", type=int, default=0, help="features: first N train sentences")
    ap.add_argument(
        "--resume", action="store_true", help="features: carry on after the cached ones"
    )
    ap.add_argument("--limit", type=int, default=0, help="train on the first N cached sentences")
    ap.add_argument("--hidden", type=int, default=200)
    ap.add_argument("--arc", type=int, default=256)
    ap.add_argument("--rel", type=int, default=96)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-lstm", action="store_true", help="MLPs straight over the layer mix")
    ap.add_argument("--out", default="", help="train: export here (default: the shipped folder)")
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--ud-epochs", type=int, default=0,
                    help="then epochs on the UD parts alone (needs --alpino, as for features)")  # fmt: skip
    a = ap.parse_args()
    if a.step == "features":
        for split in [a.split] if a.split else ["select", "train"]:
            features(split, a.alpino, stop_after=a.stop_after if split == "train" else 0,
                     resume=a.resume)  # fmt: skip
        return
    from kroniek.models.dep_parser import parser_path

    out = None if a.no_export else Path(a.out) if a.out else parser_path()
    run = train(hidden=a.hidden, arc=a.arc, rel=a.rel, epochs=a.epochs, lr=a.lr,
                dropout=a.dropout, batch_size=a.batch, seed=a.seed, limit=a.limit,
                lstm=not a.no_lstm, out=out, ud_epochs=a.ud_epochs, alpino=a.alpino)  # fmt: skip
    print(json.dumps(run))


if __name__ == "__main__":
    main()
