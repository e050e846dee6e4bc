"""scripts/alpino_to_ud.py on small hand-written Alpino trees (tags from a tiny reference)."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "alpino_to_ud.py"
_spec = importlib.util.spec_from_file_location("alpino_to_ud", SCRIPT)
assert _spec and _spec.loader
A = importlib.util.module_from_spec(_spec)
sys.modules["alpino_to_ud"] = A
_spec.loader.exec_module(A)

# A reference in UD Dutch form: CGN tag as XPOS, the UPOS and features to learn.
REFERENCE = """\
1\tHet\thet\tDET\tLID|bep|stan|evon\tDefinite=Def\t2\tdet\t_\t_
2\tboek\tboek\tNOUN\tN|soort|ev|basis|onz|stan\tGender=Neut|Number=Sing\t4\tnsubj:pass\t_\t_
3\twordt\tworden\tAUX\tWW|pv|tgw|met-t\tNumber=Sing|Tense=Pres|VerbForm=Fin\t4\taux:pass\t_\t_
4\tgelezen\tlezen\tVERB\tWW|vd|vrij|zonder\tVerbForm=Part\t0\troot\t_\t_
5\tdoor\tdoor\tADP\tVZ|init\t_\t6\tcase\t_\t_
6\tJan\tJan\tPROPN\tN|eigen|ev|basis|zijd|stan\tGender=Com|Number=Sing\t4\tobl:agent\t_\t_
7\t.\t.\tPUNCT\tLET\t_\t4\tpunct\t_\t_

1\tHet\thet\tPRON\tVNW|pers|pron|stan|red|3|ev|onz\tPerson=3|PronType=Prs\t3\tnsubj\t_\t_
2\tis\tzijn\tAUX\tWW|pv|tgw|ev\tNumber=Sing|Tense=Pres|VerbForm=Fin\t3\tcop\t_\t_
3\tkoud\tkoud\tADJ\tADJ|vrij|basis|zonder\tDegree=Pos\t0\troot\t_\t_
4\t.\t.\tPUNCT\tLET\t_\t3\tpunct\t_\t_
"""


def leaf(i: int, rel: str, word: str, lemma: str, postag: str, pt: str, **attrs: str) -> str:
    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return (f'<node begin="{i}" end="{i + 1}" id="w{i}" rel="{rel}" word="{word}" lemma="{lemma}" '
            f'postag="{postag}" pt="{pt}"{extra}/>')  # fmt: skip


def tree(body: str, words: str) -> ET.Element:
    n = len(words.split())
    xml = (f'<alpino_ds version="1.3"><node begin="0" end="{n}" cat="top" id="0" rel="top">{body}</node>'
           f"<sentence>{words}</sentence></alpino_ds>")  # fmt: skip
    return ET.fromstring(xml)


PASSIVE = tree(
    '<node begin="0" end="6" cat="smain" id="1" rel="--">'
    '<node begin="0" end="2" cat="np" id="2" index="1" rel="su">'
    + leaf(0, "det", "Het", "het", "LID(bep,stan,evon)", "lid")
    + leaf(1, "hd", "boek", "boek", "N(soort,ev,basis,onz,stan)", "n", ntype="soort")
    + "</node>"
    + leaf(2, "hd", "wordt", "worden", "WW(pv,tgw,met-t)", "ww")
    + '<node begin="3" end="6" cat="ppart" id="3" rel="vc"><node id="4" index="1" rel="obj1"/>'
    + leaf(3, "hd", "gelezen", "lezen", "WW(vd,vrij,zonder)", "ww")
    + '<node begin="4" end="6" cat="pp" id="5" rel="mod">'
    + leaf(4, "hd", "door", "door", "VZ(init)", "vz")
    + leaf(5, "obj1", "Jan", "Jan", "N(eigen,ev,basis,zijd,stan)", "n", ntype="eigen")
    + "</node></node></node>"
    + leaf(6, "--", ".", ".", "LET()", "let"),
    "Het boek wordt gelezen door Jan .",
)

COPULA = tree(
    '<node begin="0" end="5" cat="smain" id="1" rel="--">'
    + leaf(0, "su", "Het", "het", "VNW(pers,pron,stan,red,3,ev,onz)", "vnw", pdtype="pron")
    + leaf(1, "hd", "is", "zijn", "WW(pv,tgw,ev)", "ww")
    + leaf(2, "predc", "koud", "koud", "ADJ(vrij,basis,zonder)", "adj")
    + '<node begin="3" end="5" cat="pp" id="2" rel="mod">'
    + leaf(3, "hd", "in", "in", "VZ(init)", "vz")
    + leaf(4, "obj1", "Gent", "Gent", "N(eigen,ev,basis,onz,stan)", "n", ntype="eigen")
    + "</node></node>"
    + leaf(5, "--", ".", ".", "LET()", "let"),
    "Het is koud in Gent .",
)


@pytest.fixture(scope="module")
def converter(tmp_path_factory: pytest.TempPathFactory) -> object:
    ref = tmp_path_factory.mktemp("ref") / "reference.conllu"
    ref.write_text(REFERENCE, encoding="utf-8")
    return A.Converter(A.Tagset([ref]))


def rows(words: list) -> list[tuple[str, str, str, int, str]]:
    return [(w.form, w.lemma, w.upos, w.head + 1, w.dep) for w in words]


def test_passive_aux_subject_and_agent(converter: object) -> None:
    words = converter.convert(PASSIVE)  # type: ignore[attr-defined]
    assert rows(words) == [
        ("Het", "het", "DET", 2, "det"),
        ("boek", "boek", "NOUN", 4, "nsubj:pass"),
        ("wordt", "worden", "AUX", 4, "aux:pass"),
        ("gelezen", "lezen", "VERB", 4, "root"),
        ("door", "door", "ADP", 6, "case"),
        ("Jan", "Jan", "PROPN", 4, "obl:agent"),
        (".", ".", "PUNCT", 4, "punct"),
    ]
    assert words[1].feats == "Gender=Neut|Number=Sing"
    assert words[0].xpos == "LID|bep|stan|evon"


def test_copula_predicate_heads_and_pp_object(converter: object) -> None:
    words = converter.convert(COPULA)  # type: ignore[attr-defined]
    assert rows(words) == [
        ("Het", "het", "PRON", 3, "nsubj"),
        ("is", "zijn", "AUX", 3, "cop"),
        ("koud", "koud", "ADJ", 3, "root"),
        ("in", "in", "ADP", 5, "case"),
        ("Gent", "Gent", "PROPN", 3, "obl"),
        (".", ".", "PUNCT", 3, "punct"),
    ]


def test_agreement_and_conllu_roundtrip(converter: object, tmp_path: Path) -> None:
    from kroniek.evaluation.syntax import read_conllu

    words = converter.convert(PASSIVE)  # type: ignore[attr-defined]
    out = tmp_path / "out.conllu"
    out.write_text(A.to_conllu(words, "t1"), encoding="utf-8")
    gold = read_conllu(out)
    gold[0].deps[5] = "obl"  # one label off
    scores = A.agreement({" ".join(w.form for w in words): words}, gold)
    assert scores["upos"] == 1.0 and scores["uas"] == 1.0
    assert scores["las"] == round(6 / 7, 4)
    assert scores["las_2017"] == 1.0  # obl:agent is obl in the 2017 labels


def test_a_tree_without_words_is_refused(converter: object) -> None:
    bad = tree(
        '<node begin="0" end="1" cat="np" id="1" rel="--"><node id="2" index="3" rel="hd"/></node>',
        "x",
    )
    with pytest.raises(A.ConversionError):
        converter.convert(bad)  # type: ignore[attr-defined]


def test_missing_input_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert A.main([str(tmp_path / "nope")]) == 2
    assert "not found" in capsys.readouterr().err


def test_the_measured_part_is_never_a_reference(tmp_path: Path) -> None:
    dev = tmp_path / "nl_alpino-ud-dev.conllu"
    dev.write_text(REFERENCE, encoding="utf-8")
    with pytest.raises(ValueError, match="measured"):
        A.Tagset([dev])
