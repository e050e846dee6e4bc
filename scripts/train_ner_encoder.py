"""Train the accurate NER head (kroniek.models.tagger) over frozen e5 layers.

Two steps, both under `nice`, features cached once in `.work/` (git-ignored):

    nice .venv/bin/python scripts/train_ner_encoder.py features --lang nl   # train + dev
    nice .venv/bin/python scripts/train_ner_encoder.py train --lang nl --layers 8,10,12

`features` runs e5 (numpy, `kroniek.models.e5`) over the CoNLL train and dev parts in
`../shared/data/ner` and stores each word's mean subword state of layers 4, 6, 8, 10 and 12
as float16. `train` fits a scalar layer mix + BiLSTM + linear layer with PyTorch (a
training-only dependency: `pip install torch`), keeps the epoch with the best dev F1
(gold tokens, BIO-constrained decoding as at run time) and exports the weights to
`src/kroniek/resources/models/<lang>-e5ner/head.npz` for the numpy tagger; every run is
appended to `.work/e5ner-runs.jsonl`. Seeded: a rerun gives the same model.
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

from kroniek.evaluation import shared_data_dir  # noqa: E402
from kroniek.evaluation.ner import iob_spans, read_conll, score_spans  # noqa: E402
from kroniek.models.e5 import get_encoder  # noqa: E402
from kroniek.models.tagger import bio_viterbi, tagger_path, token_vectors  # noqa: E402

CACHE = ROOT / ".work" / "e5-features"
CACHED_LAYERS = [4, 6, 8, 10, 12]
GOLD = {"nl": "conll2002-nl", "en": "conll2003-en"}


def _to_bio(tags: list[str]) -> list[str]:
    """IOB1 (CoNLL-2003) or IOB2 tags as IOB2."""
    out = ["O"] * len(tags)
    for s, e, label in iob_spans(tags):
        out[s] = f"B-{label}"
        for i in range(s + 1, e):
            out[i] = f"I-{label}"
    return out


def features(
    lang: str, split: str, chunk: int = 256, stop_after: int = 0, resume: bool = False
) -> None:
    """Cache the features of a CoNLL part (its first `stop_after` sentences if given).

    The array is sized for the whole part and the meta file lists the sentences done so
    far (rewritten after every chunk), so a stopped run leaves a usable partial cache and
    `resume` carries on after its last sentence instead of starting again."""
    gold = shared_data_dir() / "ner" / GOLD[lang] / f"{split}.conll"
    sents = read_conll(gold)
    end = min(stop_after, len(sents)) if stop_after else len(sents)
    CACHE.mkdir(parents=True, exist_ok=True)
    n_tok = sum(len(s.words) for s in sents)
    enc = get_encoder(layers=max(CACHED_LAYERS))
    path, meta_path = CACHE / f"{lang}-{split}.npy", CACHE / f"{lang}-{split}.json"
    start = 0
    if resume and path.exists() and meta_path.exists():
        arr = np.load(path, mmap_mode="r+")
        done = json.loads(meta_path.read_text(encoding="utf-8"))
        if arr.shape != (n_tok, len(CACHED_LAYERS), enc.H) or done["layers"] != CACHED_LAYERS:
            sys.exit(f"{path}: shape {arr.shape} does not fit {gold}; run without --resume")
        start = len(done["lens"])
    else:
        arr = np.lib.format.open_memmap(path, mode="w+", dtype=np.float16,
                                        shape=(n_tok, len(CACHED_LAYERS), enc.H))  # fmt: skip
    pos = sum(len(s.words) for s in sents[:start])

    def write_meta(n: int) -> None:
        arr.flush()
        meta = {"layers": CACHED_LAYERS, "lens": [len(s.words) for s in sents[:n]],
                "tags": [_to_bio(s.tags) for s in sents[:n]], "stop_after": n}  # fmt: skip
        meta_path.write_text(json.dumps(meta), encoding="utf-8")

    t0 = time.time()
    for i in range(start, end, chunk):
        part = sents[i : min(i + chunk, end)]
        vecs = token_vectors(enc, [(s.words, [True] * len(s.words)) for s in part], CACHED_LAYERS)
        for v in vecs:
            arr[pos : pos + len(v)] = v.astype(np.float16)
            pos += len(v)
        write_meta(i + len(part))
        print(f"{lang}-{split}: {i + len(part)}/{len(sents)} sentences, {time.time() - t0:.0f}s",
              flush=True)  # fmt: skip
    write_meta(end)


def _load(
    lang: str, split: str, layers: list[int]
) -> tuple[np.ndarray, list[int], list[list[str]]]:
    meta = json.loads((CACHE / f"{lang}-{split}.json").read_text(encoding="utf-8"))
    arr = np.load(CACHE / f"{lang}-{split}.npy", mmap_mode="r")
    idx = [meta["layers"].index(layer) for layer in layers]
    n = sum(meta["lens"])  # a partial cache (features --stop-after) holds fewer sentences
    return np.asarray(arr[:n, idx]), meta["lens"], meta["tags"]


def train(lang: str, layers: list[int], hidden: int, epochs: int, lr: float, dropout: float,
          seed: int, export: bool, train_split: str = "train", limit: int = 0,
          arch: str = "lstm", batch_size: int = 32, out: Path | None = None) -> dict:  # fmt: skip
    import torch
    from torch import nn

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    rng = np.random.default_rng(seed)
    xtr, ltr, ttr = _load(lang, train_split, layers)
    if limit:  # the first `limit` sentences only (learning-curve runs)
        ltr, ttr = ltr[:limit], ttr[:limit]
        xtr = xtr[: sum(ltr)]
    xdv, ldv, tdv = _load(lang, "dev", layers)
    labels = ["O"] + sorted({t for ts in ttr for t in ts if t != "O"})
    lab = {t: i for i, t in enumerate(labels)}

    def split(x: np.ndarray, lens: list[int]) -> list[np.ndarray]:
        offs = np.cumsum([0, *lens])
        return [x[offs[i] : offs[i + 1]] for i in range(len(lens))]

    tr_x, dv_x = split(xtr, ltr), split(xdv, ldv)
    tr_y = [np.array([lab[t] for t in ts]) for ts in ttr]
    H = xtr.shape[-1]

    class Head(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.mix = nn.Parameter(torch.zeros(len(layers)))
            self.gamma = nn.Parameter(torch.ones(1))
            self.drop = nn.Dropout(dropout)
            if arch == "mlp":
                self.hid = nn.Linear(3 * H, hidden)
                self.out = nn.Linear(hidden, len(labels))
            else:
                self.lstm = nn.LSTM(H, hidden, batch_first=True, bidirectional=True)
                self.out = nn.Linear(2 * hidden, len(labels))

        def mixed(self, x: torch.Tensor) -> torch.Tensor:  # x [B, T, L, H]
            w = torch.softmax(self.mix, 0) * self.gamma
            return (x * w[None, None, :, None]).sum(2)

        def forward(self, x: torch.Tensor, lens: torch.Tensor) -> torch.Tensor:
            h = self.drop(self.mixed(x))
            if arch == "mlp":  # each word with its neighbours' vectors
                pad = torch.zeros_like(h[:, :1])
                ctx = torch.cat(
                    [torch.cat([pad, h[:, :-1]], 1), h, torch.cat([h[:, 1:], pad], 1)], -1
                )
                return self.out(self.drop(torch.relu(self.hid(ctx))))
            packed = nn.utils.rnn.pack_padded_sequence(h, lens, batch_first=True,
                                                       enforce_sorted=False)  # fmt: skip
            out, _ = self.lstm(packed)
            out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True)
            return self.out(self.drop(out))

    model = Head()
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-1)

    def batch(xs: list[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor]:
        T = max(len(x) for x in xs)
        b = np.zeros((len(xs), T, len(layers), H), dtype=np.float32)
        for i, x in enumerate(xs):
            b[i, : len(x)] = x
        return torch.from_numpy(b), torch.tensor([len(x) for x in xs])

    def evaluate() -> float:
        model.eval()
        preds = []
        with torch.no_grad():
            for i in range(0, len(dv_x), 64):
                xs = dv_x[i : i + 64]
                xb, lb = batch(xs)
                logp = torch.log_softmax(model(xb, lb), -1).numpy()
                preds += [
                    iob_spans(bio_viterbi(logp[j, : len(x)], labels)) for j, x in enumerate(xs)
                ]
        model.train()
        return score_spans([iob_spans(t) for t in tdv], preds).as_dict()["f1"]

    def summary() -> dict:
        return {"lang": lang, "arch": arch, "batch": batch_size, "train": train_split,
                "limit": limit, "layers": layers, "hidden": hidden, "epochs": epochs, "lr": lr,
                "dropout": dropout, "seed": seed, "dev_f1_gold_tokens": best, "history": history,
                "train_seconds": round(time.time() - t0)}  # fmt: skip

    def save(s: dict, run: dict) -> None:
        mix = (torch.softmax(s["mix"], 0) * s["gamma"]).numpy()
        arrays = {"mix": mix, "out_w": s["out.weight"].numpy(), "out_b": s["out.bias"].numpy()}
        if arch == "mlp":
            arrays["mlp.w"], arrays["mlp.b"] = s["hid.weight"].numpy(), s["hid.bias"].numpy()
        for d, suffix in (("f", ""), ("b", "_reverse")) if arch == "lstm" else ():
            arrays[f"lstm.{d}.w_ih"] = s[f"lstm.weight_ih_l0{suffix}"].numpy()
            arrays[f"lstm.{d}.w_hh"] = s[f"lstm.weight_hh_l0{suffix}"].numpy()
            arrays[f"lstm.{d}.b"] = (
                s[f"lstm.bias_ih_l0{suffix}"] + s[f"lstm.bias_hh_l0{suffix}"]
            ).numpy()
        folder = out or tagger_path(lang)
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            folder / "head.npz", **{k: v.astype(np.float16) for k, v in arrays.items()}
        )
        (folder / "meta.json").write_text(json.dumps({"layers": layers, "labels": labels, **run},
                                                     indent=1), encoding="utf-8")  # fmt: skip

    best, best_state, history = -1.0, None, []
    t0 = time.time()
    order = np.arange(len(tr_x))
    for ep in range(epochs):
        rng.shuffle(order)
        for i in range(0, len(order), batch_size):
            ids = order[i : i + batch_size]
            xb, lb = batch([tr_x[k] for k in ids])
            y = torch.full((len(ids), xb.shape[1]), -1, dtype=torch.long)
            for j, k in enumerate(ids):
                y[j, : len(tr_y[k])] = torch.from_numpy(tr_y[k])
            logits = model(xb, lb)
            loss = loss_fn(logits.reshape(-1, len(labels)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
        f1 = evaluate()
        history.append(f1)
        print(f"epoch {ep + 1}: dev F1 {f1:.4f} ({time.time() - t0:.0f}s)", flush=True)
        if f1 > best:
            best = f1
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            if export:  # after every better epoch: a stopped run leaves its best so far
                save(best_state, summary())
    assert best_state is not None
    run = summary()
    if export:
        save(best_state, run)
    with (ROOT / ".work" / "e5ner-runs.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(run) + "\n")
    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=["features", "train"])
    ap.add_argument("--lang", default="nl", choices=["nl", "en"])
    ap.add_argument("--split", default="", help="features: train or dev (default both)")
    ap.add_argument("--layers", default="8,10,12")
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--train-split", default="train", help="train (dev only to debug)")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences")
    ap.add_argument("--arch", default="lstm", choices=["lstm", "mlp"])
    ap.add_argument("--stop-after", type=int, default=0, help="features: first N sentences")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--out", default="", help="train: export here (default: the shipped folder)")
    ap.add_argument(
        "--resume",
        action="store_true",
        help="features: carry on after the sentences already cached",
    )
    a = ap.parse_args()
    if a.step == "features":
        for split in [a.split] if a.split else ["dev", "train"]:
            features(
                a.lang, split, stop_after=a.stop_after if split == "train" else 0, resume=a.resume
            )
    else:
        run = train(a.lang, [int(x) for x in a.layers.split(",")], a.hidden, a.epochs, a.lr,
                    a.dropout, a.seed, not a.no_export, a.train_split, a.limit, a.arch,
                    a.batch, Path(a.out) if a.out else None)  # fmt: skip
        print(json.dumps(run))


if __name__ == "__main__":
    main()
