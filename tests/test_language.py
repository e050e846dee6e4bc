"""Language analysis: the shipped Dutch/English models, their scores, tokenisation, linking.

The evaluations run on the full CoNLL/UD dev parts (a few seconds each) and fail when a
score drops under its floor in kroniek/evaluation/floors.json.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kroniek.doc import Entity
from kroniek.errors import InputError
from kroniek.evaluation import check_floors
from kroniek.evaluation.ner import iob_spans, read_conll, score_spans
from kroniek.stages.entities import link_mentions, well_known_place

# ---------------------------------------------------------------- evaluation code


def test_iob1_and_iob2_give_the_same_entities() -> None:
    iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]
    iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]
    expected = [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
    assert iob_spans(iob2) == expected
    assert iob_spans(iob1) == expected


def test_scores_are_entity_level() -> None:
    gold = [[(0, 2, "PER"), (3, 4, "LOC")], [(1, 2, "ORG")]]
    pred = [[(0, 1, "PER"), (3, 4, "LOC")], [(1, 2, "ORG"), (4, 5, "MISC")]]
    d = score_spans(gold, pred).as_dict()
    assert (d["precision"], d["recall"]) == (0.5, 0.6667)  # a partial span is wrong
    assert d["per_type"]["PER"] == {"p": 0.0, "r": 0.0, "f": 0.0, "support": 1}


def test_three_conll_layouts_are_read(tmp_path: Path) -> None:
    files = {
        "c2002.conll": "-DOCSTART- -DOCSTART- O\nJan N B-PER\nwoont V O\n\nin Prep O\nGent N B-LOC\n",
        "c2003.conll": "-DOCSTART- -X- -X- O\n\nJan NNP B-NP I-PER\nlives VBZ B-VP O\n\nin IN B-PP O\nGent NNP B-NP I-LOC\n",
        "wikiann.conll": "nl:Jan\tB-PER\nnl:woont\tO\n\nnl:in\tO\nnl:Gent\tB-LOC\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        sents = read_conll(tmp_path / name)
        assert [s.words[0] for s in sents] == ["Jan", "in"], name
        assert [s.spans for s in sents] == [[(0, 1, "PER")], [(1, 2, "LOC")]], name


def test_malformed_gold_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.conll"
    bad.write_text("Jan N B-PER\nwoont V X-PER\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_conll(bad)
    assert err.value.line == 2 and "bad.conll" in str(err.value)


# ---------------------------------------------------------------- scores vs floors


def _run_cli(args: list[str]) -> None:
    from kroniek.cli import main

    try:
        main(args)
    except SystemExit as exc:
        assert exc.code in (0, None), f"kroniek {' '.join(args)} exited with {exc.code}"


@pytest.mark.parametrize(
    ("name", "lang", "gold"),
    [("ner-nl", "nl", "conll2002-nl/dev.conll"), ("ner-en", "en", "conll2003-en/dev.conll")],
)
def test_ner_scores_stay_above_floors(shared_data: Path, name: str, lang: str, gold: str) -> None:
    from kroniek.evaluation.ner import run_ner_eval

    result = run_ner_eval(shared_data / "ner" / gold, lang=lang)
    assert not check_floors(name, result["kroniek"])


def test_syntax_scores_stay_above_floors(shared_data: Path) -> None:
    from kroniek.evaluation.syntax import run_syntax_eval

    result = run_syntax_eval(shared_data / "syntax" / "nl_alpino-ud-dev.conllu", lang="nl")
    assert not check_floors("syntax-nl", result)
    assert result["tokens"] > 10_000


def test_eval_cli_checks_floors(shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = shared_data / "syntax" / "nl_alpino-ud-dev.conllu"
    _run_cli(["eval", "syntax", "--gold", str(gold), "--limit", "200", "--check"])
    out = capsys.readouterr().out
    assert "upos" in out and "las" in out


# ---------------------------------------------------------------- tokenisation


def _tokens(text: str, lang: str = "nl") -> list[str]:
    from kroniek.stages.linguistic import load_model

    return [t.text for t in load_model(lang).tokenizer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "„Het front houdt”, zei hij.",
            ["„", "Het", "front", "houdt", "”", ",", "zei", "hij", "."],
        ),
        ("Hij woont in ’s-Hertogenbosch.", ["Hij", "woont", "in", "’s-Hertogenbosch", "."]),
        (
            "Ze vertrok ’s avonds naar 's-Gravenhage",
            ["Ze", "vertrok", "’s", "avonds", "naar", "'s-Gravenhage"],
        ),
        (
            "Wapens, bijv. drones, o.a. uit Iran.",
            ["Wapens", ",", "bijv.", "drones", ",", "o.a.", "uit", "Iran", "."],
        ),
        (
            "Op 3 jan. kostte het 2 mld. euro",
            ["Op", "3", "jan.", "kostte", "het", "2", "mld.", "euro"],
        ),
        (
            ",,Wij gaan door,'' aldus lt.-gen. Jansen",
            [",,", "Wij", "gaan", "door", ",", "''", "aldus", "lt.-gen.", "Jansen"],
        ),
    ],
)
def test_dutch_typography_tokenises(text: str, expected: list[str]) -> None:
    assert _tokens(text) == expected


def test_dutch_sentences_and_offsets() -> None:
    from kroniek.analysis import analyze

    text = (
        "Oekraïense drones, o.a. van het type Ljoetyj, vielen zondag een raffinaderij aan.\n\n"
        "Schade aan de raffinaderij\n\n"
        "„We hebben het vuur onder controle”, zei gouverneur Aleksandr Bogomaz."
    )
    doc = analyze(text, lang="nl")
    sents = [text[s.start : s.end] for s in doc.sentences]
    assert sents[0].endswith("aan.") and "o.a." in sents[0]
    assert "Schade aan de raffinaderij" in sents[1] and "„We" not in sents[1]
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text  # typographic quotes keep their offsets
    assert {"zeggen", "hebben"} <= {t.lemma for t in doc.tokens}
    quote = [t for t in doc.tokens if t.sent == 2]
    root = next(t for t in quote if t.head == -1)
    assert root.upos in ("VERB", "AUX")  # not the closing ” (typographic quotes are normalised)
    assert all(t.upos == "PUNCT" for t in quote if t.text in "„”,.")


def test_model_loads_with_its_own_tokenizer_rules() -> None:
    """load_model builds the tokenizer from the model's files alone: the same as spaCy's."""
    import importlib

    from kroniek.stages.linguistic import import_spacy, load_model, model_path

    plain = import_spacy().load(model_path("nl"))
    importlib.import_module("kroniek.lang.nl.tokenizer").customize_tokenizer(plain)
    ours = load_model("nl").tokenizer
    assert ours.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    assert len(ours.rules) > 1000  # the Dutch special cases are there


def test_blas_ops_give_the_same_analysis() -> None:
    """Matrix products through numpy's BLAS: the same tags, lemmas, heads and entities."""
    from thinc.api import NumpyOps

    from kroniek.stages.linguistic import blas_ops, import_spacy, model_path, use_blas_ops

    spacy = import_spacy()
    ours, plain = spacy.load(model_path("nl")), spacy.load(model_path("nl"))
    assert use_blas_ops(ours, force=True)
    assert ours.get_pipe("ner").model.ops is blas_ops()
    assert type(plain.get_pipe("ner").model.ops) is NumpyOps
    texts = [
        "Oekraïense drones vielen zondag een raffinaderij in Belgorod aan, zei gouverneur Jansen.",
        "Het kabinet-Schoof wil dat de Tweede Kamer vóór 1 juli over het plan stemt.",
        "De Verenigde Naties sturen 300 waarnemers naar de grens tussen Armenië en Azerbeidzjan.",
    ]

    def analysis(nlp: object) -> list[object]:
        return [[(t.text, t.pos_, t.lemma_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_) for t in d]
                for d in nlp.pipe(texts)]  # type: ignore[attr-defined]  # fmt: skip

    assert analysis(ours) == analysis(plain)


def test_spacy_import_leaves_torch_importable() -> None:
    import sys

    from kroniek.stages.linguistic import import_spacy

    import_spacy()
    assert "torch" not in sys.modules or sys.modules["torch"] is not None


# ---------------------------------------------------------------- entity linking


def _e(text: str, label: str, start: int) -> Entity:
    return Entity(id="", start=start, end=start + len(text), text=text, label=label)  # type: ignore[arg-type]


def test_surnames_link_to_the_closest_full_name_and_take_its_type() -> None:
    es = [
        _e("Kaja Kallas", "PER", 0),
        _e("Kallas", "ORG", 40),  # mistyped by the recogniser
        _e("Kallas’", "PER", 60),
        _e("Sanna Kallas", "PER", 90),
        _e("Kallas", "PER", 130),
    ]
    link_mentions(es)
    assert [e.canonical for e in es] == ["Kaja Kallas"] * 3 + ["Sanna Kallas"] * 2
    assert {e.label for e in es} == {"PER"}


def test_organisations_link_by_word_and_acronym_but_places_do_not() -> None:
    es = [
        _e("Verenigde Naties", "ORG", 0),
        _e("VN", "ORG", 30),
        _e("Instituut Clingendael", "ORG", 50),
        _e("Clingendael", "ORG", 90),
        _e("regio Charkiv", "LOC", 120),
        _e("Charkiv", "LOC", 150),
        _e("Bank of Canada", "ORG", 170),
        _e("Canada", "LOC", 190),  # a place inside an organisation's name
        _e("Vlaamse Gemeenschap", "ORG", 200),
        _e("Vlaamse", "MISC", 230),  # an adjective
        _e("Turner Broadcasting", "ORG", 240),
        _e("Turner", "LOC", 270),  # no well-known place: the organisation's short name
        _e("Openbaar Ministerie", "ORG", 280),
        _e("OM", "MISC", 310),  # an acronym links whatever its type
    ]
    link_mentions(es, known_place=lambda name: well_known_place(name, "en"))
    assert [e.canonical for e in es] == [
        "Verenigde Naties", "Verenigde Naties", "Instituut Clingendael", "Instituut Clingendael",
        "regio Charkiv", "Charkiv", "Bank of Canada", "Canada", "Vlaamse Gemeenschap", "Vlaamse",
        "Turner Broadcasting", "Turner Broadcasting", "Openbaar Ministerie", "Openbaar Ministerie",
    ]  # fmt: skip
    assert [es[i].label for i in (7, 9, 11, 13)] == ["LOC", "MISC", "ORG", "ORG"]


def test_a_sure_mention_keeps_its_type_unless_far_outweighed() -> None:
    es = [
        _e("Westerlo", "ORG", 0),
        _e("Westerlo", "ORG", 20),
        _e("Westerlo", "LOC", 40),  # the town, and the tagger is sure of it
        _e("Koersk", "LOC", 60),
        _e("Koersk", "LOC", 80),
        _e("Koersk", "LOC", 100),
        _e("Koersk", "LOC", 120),
        _e("Koersk", "LOC", 140),
        _e("Koersk", "PER", 160),  # sure, but five sure namesakes say otherwise
    ]
    for e in es:
        e.confidence = 0.99
    es[1].confidence = 0.7
    link_mentions(es)
    assert [e.label for e in es] == ["ORG", "ORG", "LOC"] + ["LOC"] * 6
    unsure = [_e("Westerlo", "ORG", 0), _e("Westerlo", "ORG", 20), _e("Westerlo", "LOC", 40)]
    link_mentions(unsure)  # the fast recogniser's constant confidence: one type per name
    assert {e.label for e in unsure} == {"ORG"}


def test_pipeline_links_names_in_real_sentences() -> None:
    from kroniek.analysis import analyze

    text = (
        "De Duitse bondskanselier Friedrich Merz sprak dinsdag in Berlijn met de Franse "
        "president Emmanuel Macron over steun aan Oekraïne. Merz zei na afloop dat Europa "
        "meer moet doen. Volgens Macron is de tijd van aarzelen voorbij."
    )
    doc = analyze(text, lang="nl")
    by_text = {e.text: e for e in doc.entities}
    assert by_text["Friedrich Merz"].label == "PER"
    assert by_text["Merz"].canonical == "Friedrich Merz"
    assert by_text["Macron"].canonical == "Emmanuel Macron"
    assert by_text["Merz"].label == "PER" and by_text["Macron"].label == "PER"
    assert by_text["Berlijn"].label == "LOC"
    assert len({e.id for e in doc.entities}) == len(doc.entities)


@pytest.mark.skipif(
    shutil.which("frog") is None and not os.environ.get("CI"),
    reason="Frog (Debian package frog) not installed; scripts/test installs it, CI requires it",
)
def test_frog_runs_side_by_side(shared_data: Path) -> None:
    from kroniek.evaluation.ner import format_ner, run_ner_eval

    gold = shared_data / "ner" / "conll2002-nl" / "dev.conll"
    result = run_ner_eval(gold, lang="nl", frog=True, limit=40)
    assert result["frog"]["f1"] > 0.3 and result["kroniek"]["f1"] > 0.3
    assert "frog P" in format_ner(result).splitlines()[1]
