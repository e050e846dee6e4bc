#!/usr/bin/env python
"""Convert Alpino XML dependency trees to Universal Dependencies (CoNLL-U), kroniek's own.

    .venv/bin/python scripts/alpino_to_ud.py TREEBANK_DIR_OR_XML... --out alpino-ud.conllu
    .venv/bin/python scripts/alpino_to_ud.py Treebank/cdb --check ../shared/data/syntax/nl_alpino-ud-train-2017-partial.conllu

Tags and features: the CGN tag of each word (Alpino `postag`, written as the UD XPOS
`VNW|aanw|pron|...`) is mapped to UPOS and UD features by the majority reading of that tag
(and of tag + lemma) in reference UD Dutch files (`--reference`: by default the UD 2.x
`nl_alpino-ud-test`, `nl_lassysmall-ud-{dev,test}`; never `nl_alpino-ud-dev`, where kroniek
is measured), falling back to rules on the CGN part of speech. AUX or VERB is decided on
the tree: hebben, zijn, worden, kunnen, zullen, moeten, mogen are AUX when they head a
verbal complement (and zijn as a copula), VERB otherwise, as in UD Dutch.

Lemmas: Alpino's (with its `_` compound marks, as UD Dutch keeps them).

Dependencies: UD's content-word-head rules on the Alpino tree: a PP is headed by its
object (the preposition is `case`), a clause with an auxiliary or the copula zijn by the
verbal complement or the predicate (`aux`, `aux:pass`, `cop`), a subordinate clause by its
body (`mark`), a coordination by its first conjunct (`conj`, `cc` on the next conjunct),
a multi-word unit by its first word (`flat` for names, `fixed` otherwise). Relations
follow the Alpino relation and the category of the dependent (UD Dutch 2.x conventions:
`obl:arg` for pc, `expl:pv` for se, `nmod:poss`, `obl:agent`). Empty (co-indexed) nodes
are skipped, except that a relative or wh-phrase takes the relation of its trace.
Punctuation attaches to the head of the smallest constituent that spans its neighbours.

`--check` compares the conversion with a UD file of the same trees (matched on the word
sequence) and prints UPOS/lemma/UAS/LAS agreement.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kroniek.evaluation.syntax import UDSentence, normalize_lemma, read_conllu  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "syntax"
REFERENCE = [
    DATA / f"{n}.conllu"
    for n in ("nl_alpino-ud-test", "nl_lassysmall-ud-dev", "nl_lassysmall-ud-test")
]

AUX_LEMMAS = {"hebben", "zijn", "worden", "kunnen", "zullen", "moeten", "mogen"}
CLAUSES = {"smain", "ssub", "sv1", "inf", "ppart", "ppres", "ti", "oti", "cp", "whsub", "whq", "whrel",
           "rel", "svan", "ahi", "du"}  # fmt: skip
VERBAL = {"smain", "ssub", "sv1", "inf", "ppart", "ppres"}
SUBORDINATE = {"cp", "oti", "ti", "whsub", "whrel", "rel", "svan", "ahi", "whq"}
NOMINAL = {"np", "detp"}


class ConversionError(ValueError):
    """A tree the converter cannot turn into a well-formed UD tree."""


@dataclass(slots=True)
class Word:
    form: str
    lemma: str
    xpos: str
    pt: str
    attrs: dict[str, str]
    upos: str = "X"
    feats: str = ""
    head: int = -1  # 0-based; the root points to itself
    dep: str = "dep"


# ---------------------------------------------------------------- tags and features


def cgn_to_xpos(postag: str) -> str:
    """`VNW(aanw,pron,stan,vol,3o,ev)` → `VNW|aanw|pron|stan|vol|3o|ev`."""
    tag, _, rest = postag.partition("(")
    parts = [p for p in rest.rstrip(")").split(",") if p]
    return "|".join([tag, *parts])


class Tagset:
    """CGN tag (+ lemma) → majority UPOS and features in reference UD files."""

    def __init__(self, references: Iterable[Path]) -> None:
        by_tag: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        by_lemma: dict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
        for path in references:
            if path.name.startswith("nl_alpino-ud-dev"):
                raise ValueError(f"{path}: the measured part must not be a reference")
            for row in _conllu_rows(path):
                xpos, upos, feats, lemma = row[4], row[3], row[5], row[2]
                if xpos in ("_", ""):
                    continue
                upos = "VERB" if upos == "AUX" else upos  # AUX is decided on the tree
                by_tag[xpos][(upos, feats)] += 1
                by_lemma[(xpos, normalize_lemma(lemma).lower())][(upos, feats)] += 1
        self.by_tag = {k: c.most_common(1)[0][0] for k, c in by_tag.items()}
        self.by_lemma = {k: c.most_common(1)[0][0] for k, c in by_lemma.items() if c.total() >= 2}

    def tag(self, w: Word) -> tuple[str, str]:
        key = (w.xpos, normalize_lemma(w.lemma).lower())
        if key in self.by_lemma:
            return self.by_lemma[key]
        if w.xpos in self.by_tag:
            return self.by_tag[w.xpos]
        return rule_upos(w), "_"


def _conllu_rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                yield cols


def rule_upos(w: Word) -> str:
    a, pt = w.attrs, w.pt
    if pt == "n":
        return "PROPN" if a.get("ntype") == "eigen" else "NOUN"
    if pt == "vnw":
        if a.get("vwtype") == "bez" or a.get("pdtype") == "pron":
            return "PRON"
        return "ADV" if a.get("pdtype") == "adv-pron" else "DET"
    if pt == "spec":
        return {"deeleigen": "PROPN", "symb": "SYM"}.get(a.get("spectype", ""), "X")
    if pt == "tw":
        return "ADJ" if a.get("numtype") == "rang" else "NUM"
    if pt == "vg":
        return "SCONJ" if a.get("conjtype") == "onder" else "CCONJ"
    table = {
        "adj": "ADJ",
        "bw": "ADV",
        "let": "PUNCT",
        "lid": "DET",
        "vz": "ADP",
        "ww": "VERB",
        "tsw": "INTJ",
    }
    return table.get(pt, "X")


# ---------------------------------------------------------------- the tree


def _begin(n: ET.Element) -> int:
    return int(n.get("begin", "0"))


def is_empty(n: ET.Element) -> bool:
    return n.get("word") is None and n.get("cat") is None


def daughters(n: ET.Element) -> list[ET.Element]:
    return sorted((d for d in n.findall("node") if not is_empty(d)), key=_begin)


def _find(n: ET.Element, rel: str) -> ET.Element | None:
    return next((d for d in daughters(n) if d.get("rel") == rel), None)


def _leaves(n: ET.Element) -> list[int]:
    if n.get("word") is not None:
        return [_begin(n)]
    return [i for d in daughters(n) for i in _leaves(d)]


class Converter:
    def __init__(self, tags: Tagset) -> None:
        self.tags = tags

    def convert(self, tree: ET.Element) -> list[Word]:
        top = tree.find("node")
        if top is None:
            raise ConversionError("no top node")
        leaves = sorted((n for n in top.iter("node") if n.get("word") is not None), key=_begin)
        self.words = [
            Word(
                n.get("word", ""),
                n.get("lemma", n.get("word", "")),
                cgn_to_xpos(n.get("postag", "")),
                n.get("pt", ""),
                dict(n.attrib),
            )  # fmt: skip
            for n in leaves
        ]
        if [_begin(n) for n in leaves] != list(range(len(leaves))):
            raise ConversionError("word positions are not 0..n-1")
        for w in self.words:
            w.upos, w.feats = self.tags.tag(w)
        self.index = {
            n.get("index"): n for n in top.iter("node") if n.get("index") and not is_empty(n)
        }
        self.parent = {d: p for p in top.iter("node") for d in p.findall("node")}
        root = self.head_of(top)
        self.words[root].head, self.words[root].dep = root, "root"
        self.attach_punctuation()
        self.check()
        return self.words

    # -- heads
    def head_of(self, n: ET.Element) -> int:
        """Attach the dependents inside n and return the word that heads n."""
        if n.get("word") is not None:
            return _begin(n)
        ds = [d for d in daughters(n) if not (d.get("word") is not None and d.get("pt") == "let")]
        if not ds:
            ds = daughters(n)
        if not ds:
            raise ConversionError(f"node {n.get('id')} without words")
        cat = n.get("cat", "")
        head = self.choose_head(n, cat, ds)
        h = self.head_of(head)
        for d in ds:
            if d is head:
                continue
            if d.get("rel") == "crd" and cat == "conj":
                continue  # attached to the next conjunct below
            t = self.head_of(d)
            self.attach(t, h, self.relation(d, n, head, t))
        if cat == "conj":
            cnjs = [d for d in ds if d.get("rel") != "crd"]
            for d in ds:
                if d.get("rel") == "crd":
                    nxt = next(
                        (c for c in cnjs if _begin(c) > _begin(d)), cnjs[0] if cnjs else head
                    )
                    self.attach(self.head_of(d), self.head_of(nxt) if nxt is not head else h, "cc")
        return h

    def choose_head(self, n: ET.Element, cat: str, ds: list[ET.Element]) -> ET.Element:
        by_rel = {d.get("rel"): d for d in ds}
        if cat == "mwu":
            return ds[0]
        if cat == "conj":
            return next((d for d in ds if d.get("rel") == "cnj"), ds[0])
        if cat in SUBORDINATE and "body" in by_rel:
            return by_rel["body"]
        if cat == "du":
            for rel in ("nucl", "dp", "sat", "tag"):
                if rel in by_rel:
                    return next(d for d in ds if d.get("rel") == rel)
            return ds[0]
        if cat == "pp":
            for rel in ("obj1", "vc", "predc", "pobj1"):
                if rel in by_rel:
                    return by_rel[rel]
        hd = by_rel.get("hd")
        if hd is not None and hd.get("pt") == "ww" and hd.get("lemma") in AUX_LEMMAS:
            vc = by_rel.get("vc")
            if vc is not None and vc.get("cat") in ("inf", "ppart", "conj") and _verbal(vc):
                return vc
            if hd.get("lemma") == "zijn" and "predc" in by_rel and "vc" not in by_rel:
                return by_rel["predc"]
        if hd is not None:
            return hd
        for rel in ("predc", "obj1", "su", "cnj", "body", "mod"):
            if rel in by_rel:
                return by_rel[rel]
        return ds[0]

    def attach(self, dep: int, head: int, rel: str) -> None:
        w = self.words[dep]
        w.head, w.dep = head, rel
        if rel in ("aux", "aux:pass", "cop"):
            w.upos = "AUX"

    # -- relations
    def relation(self, d: ET.Element, parent: ET.Element, head: ET.Element, tok: int) -> str:
        rel, pcat, hrel = d.get("rel", ""), parent.get("cat", ""), head.get("rel", "")
        if pcat == "mwu":
            return (
                "flat"
                if all(self.words[i].upos in ("PROPN", "X", "NUM") for i in _leaves(parent))
                else "fixed"
            )
        if rel == "hd":  # the verb, preposition or noun that lost its head status
            if hrel == "vc":
                return "aux:pass" if self.passive(parent) else "aux"
            if hrel == "predc":
                return "cop"
            if pcat == "pp":
                return "case"
            return "dep"
        if rel in ("cmp",):
            if (
                pcat in ("cp",)
                and self.words[tok].form.lower() in ("als", "dan")
                and not _is_clause(head)
            ):
                return "mark"
            return "mark"
        if rel == "rhd" or rel == "whd":
            return self.trace_relation(d, parent)
        if rel == "hdf":
            return "case"
        if rel == "cnj":
            return "conj"
        if rel == "crd":
            return "cc"
        if rel in ("nucl", "dp", "sat", "tag", "--"):
            return "punct" if d.get("pt") == "let" else "parataxis"
        if rel == "dlink":
            return "cc" if d.get("pt") == "vg" else "advmod"
        return self.function(d, rel, pcat, parent, tok)

    def function(self, d: ET.Element, rel: str, pcat: str, parent: ET.Element, tok: int) -> str:
        """UD relation of dependent d with Alpino relation rel inside a node of category pcat."""
        cat, pt = d.get("cat"), d.get("pt")
        first = d
        while first.get("cat") == "conj":  # a coordination is classified by its first conjunct
            nxt = next((c for c in daughters(first) if c.get("rel") == "cnj"), None)
            if nxt is None:
                break
            first = nxt
        cat, pt = first.get("cat"), first.get("pt")
        clause = _is_clause(d)
        nominal_parent = pcat in NOMINAL
        if rel == "su":
            passive = self.passive(parent)
            base = "csubj" if clause else "nsubj"
            return base + ":pass" if passive else base
        if rel in ("obj1", "pobj1") and pcat != "pp":
            if rel == "pobj1":
                return "expl"
            return "ccomp" if clause else "obj"
        if rel == "obj2":
            return "obl" if cat == "pp" else "iobj"
        if rel == "se":
            return "expl:pv"
        if rel == "sup":
            return "expl"
        if rel == "pc":
            return "ccomp" if clause else "obl:arg"
        if rel == "vc":
            return "ccomp" if cat in ("cp", "whsub", "smain", "sv1", "whq", "svan") else "xcomp"
        if rel == "predc":
            return "xcomp"
        if rel == "svp":
            if pt in ("vz", "bw", "adj", "ww") or cat in ("mwu",):
                return "compound:prt"
            return "obj" if cat == "np" or pt == "n" else "compound:prt"
        if rel == "det":
            upos = self.words[tok].upos
            if d.get("vwtype") == "bez" or cat == "np" or (cat == "detp" and upos == "PRON"):
                return "nmod:poss"
            if upos == "NUM":
                return "nummod"
            return "det"
        if rel == "app":
            return "appos"
        if rel in ("obcomp",):
            return "advcl" if clause else "obl"
        if rel == "me":
            return "nmod" if nominal_parent else "obl"
        # mod, ld, predm and the rest: by the category of the dependent
        if clause:
            if cat in ("rel", "whrel"):
                return "acl:relcl"
            return "acl" if nominal_parent else "advcl"
        if (
            cat == "pp"
            or cat == "np"
            or pt in ("n", "spec")
            or (pt == "vnw" and self.words[tok].upos == "PRON")
        ):
            if cat == "pp" and rel == "mod" and self.agent(d, parent):
                return "obl:agent"
            return "nmod" if nominal_parent else "obl"
        if self.words[tok].upos == "NUM" and cat in (None, "mwu"):
            return "nummod" if nominal_parent else "obl"
        if nominal_parent:  # UD Dutch: adjectives, participles and adverbs in a noun phrase
            return "amod"
        if pt == "adj" or cat == "ap":
            return "advmod"
        if pcat == "pp" and rel == "predm":
            return "advmod"
        return "advmod"

    def passive(self, clause: ET.Element) -> bool:
        """A passive: worden/zijn with a participle complement whose object is the subject."""
        hd, vc, su = _find(clause, "hd"), _find(clause, "vc"), clause.find("node[@rel='su']")
        if hd is None or vc is None or hd.get("lemma") not in ("worden", "zijn"):
            if (
                hd is not None
                and vc is not None
                and hd.get("lemma") in AUX_LEMMAS
                and vc.get("cat") == "inf"
            ):
                return self.passive(vc) if _find(vc, "vc") is not None else False
            return False
        if vc.get("cat") == "conj":
            vc = next((c for c in daughters(vc) if c.get("rel") == "cnj"), vc)
        if vc.get("cat") != "ppart":
            return False
        idx = su.get("index") if su is not None else None
        for obj in vc.findall("node"):
            if (
                obj.get("rel") in ("obj1", "obj2")
                and is_empty(obj)
                and (idx is None or obj.get("index") == idx)
            ):
                return True
        return idx is None and hd.get("lemma") == "worden"

    def agent(self, pp: ET.Element, parent: ET.Element) -> bool:
        hd = _find(pp, "hd")
        if hd is None or hd.get("lemma") != "door" or parent.get("cat") != "ppart":
            return False
        grand = self.parent.get(parent)
        return grand is not None and self.passive(grand)

    def trace_relation(self, d: ET.Element, parent: ET.Element) -> str:
        idx = d.get("index")
        body = _find(parent, "body")
        if idx and body is not None:
            for n in body.iter("node"):
                if n.get("index") == idx and is_empty(n):
                    p = self.parent[n]
                    r = n.get("rel", "")
                    if r in ("obj1",) and p.get("cat") == "pp":
                        return "obl" if d.get("cat") != "pp" else "obl"
                    fake = ET.Element("node", {**d.attrib, "rel": r})
                    return self.function(fake, r, p.get("cat", ""), p, self.head_index(d))
        return "obl" if d.get("cat") == "pp" else "nsubj"

    def head_index(self, d: ET.Element) -> int:
        if d.get("word") is not None:
            return _begin(d)
        return min(_leaves(d))

    # -- punctuation
    def attach_punctuation(self) -> None:
        """UD Dutch practice (counted on nl_alpino-ud-test: 74% of sentence-internal
        punctuation, 96% at the edges): between two words, the top of the right word's
        branch below their lowest common ancestor, or of the left word's branch when the
        right word is that ancestor (and for closing brackets); at an edge, the root."""
        n = len(self.words)
        root = next(j for j, x in enumerate(self.words) if x.dep == "root")
        for i, w in enumerate(self.words):
            if w.head != -1:
                continue
            if w.pt != "let":
                raise ConversionError(f"word {i} {w.form!r} was not attached")
            left = next(
                (
                    j
                    for j in range(i - 1, -1, -1)
                    if self.words[j].head != -1 and self.words[j].pt != "let"
                ),
                None,
            )
            right = next((j for j in range(i + 1, n) if self.words[j].pt != "let"), None)
            if left is None or right is None:
                w.head, w.dep = root, "punct"
                continue
            up_l, up_r = self.ancestors(left), self.ancestors(right)
            lca = next(a for a in up_l if a in set(up_r))
            rc = up_r[up_r.index(lca) - 1] if up_r.index(lca) else lca
            lc = up_l[up_l.index(lca) - 1] if up_l.index(lca) else lca
            w.head = lc if rc == lca or w.form in (")", "]") else rc
            w.dep = "punct"

    def ancestors(self, i: int) -> list[int]:
        out = [i]
        while self.words[i].head != i:
            i = self.words[i].head
            out.append(i)
        return out

    def check(self) -> None:
        for i, w in enumerate(self.words):
            seen = set()
            j = i
            while self.words[j].head != j:
                if j in seen or self.words[j].head < 0:
                    raise ConversionError(f"word {i} {w.form!r} is in a cycle or unattached")
                seen.add(j)
                j = self.words[j].head
        if sum(w.dep == "root" for w in self.words) != 1:
            raise ConversionError("not exactly one root")


def _verbal(n: ET.Element) -> bool:
    if n.get("cat") == "conj":
        return all(c.get("cat") in ("inf", "ppart") for c in daughters(n) if c.get("rel") == "cnj")
    return True


def _is_clause(n: ET.Element) -> bool:
    cat = n.get("cat")
    if cat == "conj":
        return any(_is_clause(c) for c in daughters(n) if c.get("rel") == "cnj")
    return cat in CLAUSES and cat != "du"


# ---------------------------------------------------------------- files


def xml_files(paths: Iterable[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(
                p.rglob("*.xml"),
                key=lambda x: (str(x.parent), int(x.stem) if x.stem.isdigit() else 0, x.stem),
            )
        else:
            yield p


def to_conllu(words: list[Word], sent_id: str) -> str:
    lines = [f"# sent_id = {sent_id}", "# text = " + " ".join(w.form for w in words)]
    for i, w in enumerate(words):
        head = 0 if w.head == i else w.head + 1
        lines.append(
            f"{i + 1}\t{w.form}\t{w.lemma}\t{w.upos}\t{w.xpos}\t{w.feats or '_'}\t{head}\t{w.dep}\t_\t_"
        )
    return "\n".join(lines) + "\n\n"


def convert_files(paths: Iterable[Path], tags: Tagset) -> Iterator[tuple[str, list[Word] | str]]:
    conv = Converter(tags)
    for f in xml_files(paths):
        try:
            words = conv.convert(ET.parse(f).getroot())
        except (ConversionError, ET.ParseError, KeyError, ValueError) as exc:
            yield str(f), f"{type(exc).__name__}: {exc}"
            continue
        yield str(f), words


def agreement(converted: dict[str, list[Word]], gold: list[UDSentence]) -> dict[str, float]:
    """UPOS, lemma (without `_` marks), UAS, LAS of the conversion against gold UD
    sentences with the same words; UAS/LAS also in the 2017 conventions (`cc` on the first
    conjunct; `flat:name`, no obl:arg/obl:agent/expl:pv)."""
    tot = upos = lemma = uas = las = uas17 = las17 = 0
    matched = 0
    for s in gold:
        words = converted.get(" ".join(s.words))
        if words is None:
            continue
        matched += 1
        for i, w in enumerate(words):
            tot += 1
            upos += w.upos == s.upos[i]
            lemma += normalize_lemma(w.lemma) == normalize_lemma(s.lemmas[i])
            if w.head == s.heads[i]:
                uas += 1
                las += w.dep == s.deps[i]
            h17 = cc_on_first_conjunct(words, i)
            if h17 == s.heads[i]:
                uas17 += 1
                las17 += old_label(w.dep) == old_label(s.deps[i])
    n = tot or 1
    return {"sentences": matched, "of": len(gold), "tokens": tot, "upos": round(upos / n, 4),
            "lemma": round(lemma / n, 4), "uas": round(uas / n, 4), "las": round(las / n, 4),
            "uas_2017": round(uas17 / n, 4), "las_2017": round(las17 / n, 4)}  # fmt: skip


def cc_on_first_conjunct(words: list[Word], i: int) -> int:
    h = words[i].head
    if words[i].dep == "cc" and words[h].dep == "conj":
        return words[h].head
    return h


def old_label(dep: str) -> str:
    if dep in ("flat:name", "flat"):
        return "flat"
    if dep in ("obl:arg", "obl:agent"):
        return "obl"
    if dep in ("expl:pv",):
        return "obj"
    return dep


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("inputs", nargs="+", type=Path, help="Alpino XML files or folders of them")
    ap.add_argument("--out", type=Path, help="CoNLL-U output")
    ap.add_argument("--reference", nargs="*", type=Path, default=REFERENCE,
                    help="UD Dutch files with XPOS for the tag tables (never nl_alpino-ud-dev)")  # fmt: skip
    ap.add_argument("--check", type=Path, help="UD file of the same trees: print agreement")
    ap.add_argument(
        "--diff", type=int, default=0, help="with --check: print N disagreeing sentences"
    )
    args = ap.parse_args(argv)
    for p in args.inputs:
        if not p.exists():
            print(
                f"alpino_to_ud: {p}: not found (give Alpino XML files or folders)", file=sys.stderr
            )
            return 2
    tags = Tagset(args.reference)
    converted: dict[str, list[Word]] = {}
    failed = 0
    out = args.out.open("w", encoding="utf-8") if args.out else None
    for name, result in convert_files(args.inputs, tags):
        if isinstance(result, str):
            failed += 1
            print(f"{name}: skipped ({result})", file=sys.stderr)
            continue
        converted[" ".join(w.form for w in result)] = result
        if out:
            out.write(to_conllu(result, name))
    if out:
        out.close()
    print(f"converted {len(converted)} trees, skipped {failed}", file=sys.stderr)
    if args.check:
        gold = read_conllu(args.check)
        print(agreement(converted, gold))
        if args.diff:
            print_diffs(converted, gold, args.diff)
    return 0


def print_diffs(converted: dict[str, list[Word]], gold: list[UDSentence], limit: int) -> None:
    shown = 0
    for s in gold:
        words = converted.get(" ".join(s.words))
        if words is None or shown >= limit:
            continue
        bad = [
            i
            for i, w in enumerate(words)
            if (w.head, w.dep, w.upos) != (s.heads[i], s.deps[i], s.upos[i])
        ]
        if not bad:
            continue
        shown += 1
        print("#", " ".join(s.words))
        for i, w in enumerate(words):
            mark = "  " if i not in bad else "**"
            print(
                f"{mark}{i + 1}\t{w.form}\t{w.upos}/{s.upos[i]}\t{w.head + 1}/{s.heads[i] + 1}\t{w.dep}/{s.deps[i]}"
            )


if __name__ == "__main__":
    sys.exit(main())
