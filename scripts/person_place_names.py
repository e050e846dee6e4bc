"""Write the person names that the gazetteer matches only loosely to large places
(`src/kroniek/resources/names/person-alt-places.txt`): names on the Alpino person list
("Senna", "Bush", "Plato") that `kroniek.stages.entities` would otherwise read as places by
an alternate or folded name (Senna ~ Sanandaj, Bush ~ Būsh, Plato ~ Plateaux). Kept out:
names of a country, capital or first-level region spelled exactly so ("Jordan",
"Washington"), and names the gazetteer's own non-place table has (`Gazetteer.non_place`).

    .venv/bin/python scripts/person_place_names.py [--names ../shared/data/lexicons/alpino-names]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kroniek.gazetteer import load_gazetteer
from kroniek.stages.entities import PERSON_ALT_PLACES, large_place, well_known_place


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", type=Path, default=Path("/work/shared/data/lexicons/alpino-names"))
    args = ap.parse_args()
    gazetteer = load_gazetteer()
    out: list[str] = []
    for line in (args.names / "per.txt").read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if not name[:1].isupper() or gazetteer.non_place(name) is not None:
            continue
        cands = gazetteer.lookup(name, variants=False)
        if any(c.name == name and c.feature_code in {"PCLI", "PPLC", "ADM1"} for c in cands):
            continue  # a country, capital or region by its own name ("Jordan", "Washington")
        if well_known_place(name, "nl") or well_known_place(name, "en") or large_place(name):
            out.append(name)
    PERSON_ALT_PLACES.parent.mkdir(parents=True, exist_ok=True)
    PERSON_ALT_PLACES.write_text("\n".join(sorted(set(out))) + "\n", encoding="utf-8")
    print(f"{len(set(out))} names -> {PERSON_ALT_PLACES}")


if __name__ == "__main__":
    main()
