"""Dutch quote scores on the two halves of the dev gold (even / odd article id).

    python scripts/quotes_dev_halves.py                      # speakers as $KRONIEK_SPEAKERS (hybrid)
    KRONIEK_SPEAKERS=rules python scripts/quotes_dev_halves.py   # or learned
    python scripts/quotes_dev_halves.py --round3             # only the 60 round-3 dev articles
    python scripts/quotes_dev_halves.py --round3 --errors A.jsonl   # misses of the even half

Never reads `gold/quotes-nl/frozen-test*/` (only the top-level JSON files). Changes to the
attribution stages were developed on the even half and confirmed on the odd one; from
round 3 on, the round-3 dev articles (`gold/splits/round3-dev.json` quotes.dev) are the
check: half A (even ids) analysed error by error, half B (odd ids) only scored.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kroniek.evaluation.quotes import format_quotes, iter_errors, load_gold, score_gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default="gold/quotes-nl")
    ap.add_argument("--round3", action="store_true", help="only the round-3 dev articles")
    ap.add_argument("--errors", help="write the even half's misses (JSON lines) here")
    ap.add_argument("--json", help="write both halves' scores here")
    args = ap.parse_args(argv)
    gold = load_gold(Path(args.gold))
    if args.round3:
        split = json.loads(Path("gold/splits/round3-dev.json").read_text(encoding="utf-8"))
        ids = {int(i) for i in split["quotes"]["dev"]}
        gold = [a for a in gold if int(a["id"]) in ids]
    out: dict[str, Any] = {}
    for name, parity in (("even (A)", 0), ("odd (B)", 1)):
        part = [a for a in gold if int(a["id"]) % 2 == parity]
        errs: list[dict[str, Any]] | None = [] if args.errors and parity == 0 else None
        res = score_gold(part, errors=errs)
        out[name] = res
        print(f"== {name} half")
        print(format_quotes(res))
        if errs is not None and args.errors:
            Path(args.errors).write_text("\n".join(iter_errors(errs)) + "\n", encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
