"""Dutch quote scores on the two halves of the dev gold (even / odd article id).

    python scripts/quotes_dev_halves.py                      # speakers as $KRONIEK_SPEAKERS (hybrid)
    KRONIEK_SPEAKERS=rules python scripts/quotes_dev_halves.py   # or learned

Never reads `gold/quotes-nl/frozen-test/` (only the top-level JSON files). Changes to the
attribution stages were developed on the even half and confirmed on the odd one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kroniek.evaluation.quotes import format_quotes, load_gold, score_gold


def main(argv: list[str]) -> int:
    gold = load_gold(Path(argv[0] if argv else "gold/quotes-nl"))
    for name, parity in (("even", 0), ("odd", 1)):
        part = [a for a in gold if int(a["id"]) % 2 == parity]
        print(f"== {name} half")
        print(format_quotes(score_gold(part)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
