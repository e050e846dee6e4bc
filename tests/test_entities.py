"""The entities stage's type decision: names the text or the gazetteer says are places are
typed LOC whatever type the recogniser gave them (issue #12), without turning persons,
clubs, companies or papers into places."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kroniek.doc import Entity, Token
from kroniek.stages.entities import place_name, retype_places

FIXTURE = Path(__file__).parent / "data" / "entity_types_nl.tsv"
NL_CUES = (frozenset(["in", "uit", "rond", "rondom"]), frozenset([",", "en", "of"]))
EN_CUES = (frozenset(["in", "near"]), frozenset([",", "and"]))


def _sentence(words: list[str], names: dict[tuple[int, int], str], confidence: float = 0.7
              ) -> tuple[list[Token], list[Entity]]:  # fmt: skip
    """Tokens of one sentence and mentions over word ranges (first, last + 1) -> label."""
    tokens, pos = [], 0
    for w in words:
        tokens.append(Token(start=pos, end=pos + len(w), text=w))
        pos += len(w) + 1
    text = " ".join(words)
    ents = [Entity(id="", start=tokens[a].start, end=tokens[b - 1].end,
                   text=text[tokens[a].start : tokens[b - 1].end], label=label,  # type: ignore[arg-type]
                   confidence=confidence) for (a, b), label in names.items()]  # fmt: skip
    return tokens, ents


def _never(name: str) -> bool:
    return False


def _retype(tokens: list[Token], ents: list[Entity], cues: tuple[frozenset[str], frozenset[str]],
            is_place: Any = _never) -> int:  # fmt: skip
    return retype_places(tokens, ents, place_before=cues[0], coordinators=cues[1], is_place=is_place)


def test_names_after_a_place_word_and_their_conjuncts_are_places() -> None:
    words = "Zware gevechten rondom Xorovka , Yelivka en Zaritsa .".split()
    tokens, ents = _sentence(words, {(3, 4): "ORG", (5, 6): "PER", (7, 8): "ORG"})
    assert _retype(tokens, ents, NL_CUES, _never) == 3
    assert [e.label for e in ents] == ["LOC", "LOC", "LOC"]


def test_a_comma_after_a_place_ends_the_list_unless_it_goes_on() -> None:
    words = "In Seattle , Pete Incaviglia 's grand slam won .".split()
    tokens, ents = _sentence(words, {(1, 2): "LOC", (3, 5): "PER"})
    _retype(tokens, ents, EN_CUES, _never)
    assert [e.label for e in ents] == ["LOC", "PER"]


def test_companies_listed_after_a_recognised_place_stay_companies() -> None:
    words = "Befimmo in België , Rodamco en Unibail zijn beursgenoteerd .".split()
    tokens, ents = _sentence(words, {(0, 1): "ORG", (2, 3): "LOC", (4, 5): "ORG", (6, 7): "ORG"})
    _retype(tokens, ents, NL_CUES, _never)
    assert [e.label for e in ents] == ["ORG", "LOC", "ORG", "ORG"]


def test_acronyms_papers_and_other_names_after_in_keep_their_type() -> None:
    words = "Hij schreef in NRC en in The Times over in Europese zaken .".split()
    tokens, ents = _sentence(words, {(3, 4): "ORG", (6, 8): "ORG", (10, 11): "MISC"})
    _retype(tokens, ents, NL_CUES, _never)
    assert [e.label for e in ents] == ["ORG", "ORG", "MISC"]


def test_a_confident_mention_keeps_its_type() -> None:
    words = "Hij speelde in Westerlo .".split()
    tokens, ents = _sentence(words, {(3, 4): "ORG"}, confidence=0.95)
    assert _retype(tokens, ents, NL_CUES, _never) == 0
    assert ents[0].label == "ORG"


def test_a_person_named_like_a_large_place_is_a_place_without_a_cue() -> None:
    words = "Kiev ontkende het bericht , zei Rutte .".split()
    tokens, ents = _sentence(words, {(0, 1): "PER", (6, 7): "PER"})
    _retype(tokens, ents, NL_CUES, lambda n: n == "Kiev")
    assert [e.label for e in ents] == ["LOC", "PER"]


@pytest.mark.parametrize(("name", "place"), [
    ("Kiev", True), ("Warschau", True), ("Charkiv", True),  # main, Dutch and alternate names
    ("Senna", False), ("Bush", False), ("Plato", False),  # person names matched loosely
    ("Clinton", False), ("Rutte", False), ("Feyenoord", False),
])  # fmt: skip
def test_place_names_by_the_gazetteer(name: str, place: bool) -> None:
    assert place_name(name, "nl") is place


def _analysed(mode: str) -> list[tuple[str, str, list[str]]]:
    import kroniek

    rows = [line.rstrip("\n").split("\t") for line in FIXTURE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]  # fmt: skip
    docs: dict[str, Any] = {}
    out = []
    for sentence, name, label in rows:
        if sentence not in docs:
            docs[sentence] = kroniek.analyze(sentence, lang="nl", mode=mode)
        out.append((name, label, [e.label for e in docs[sentence].entities if e.text == name]))
    return out


def test_hand_typed_dutch_sentences_fast_mode() -> None:
    """56 names in 43 sentences: 15 were typed wrong or missed before the place evidence
    (9 capitals and villages typed PER, ORG or MISC), 7 after it (4 places not recognised
    at all, which retyping cannot fix)."""
    results = _analysed("fast")
    wrong = [(n, want, got) for n, want, got in results if got != [want]]
    mistyped_places = [(n, got) for n, want, got in results if want == "LOC" and got and got != ["LOC"]]
    made_places = [(n, want) for n, want, got in results if want != "LOC" and "LOC" in got]
    assert len(wrong) <= 8, wrong
    assert len(mistyped_places) <= 2, mistyped_places
    assert not made_places


@pytest.mark.parametrize("mode", ["fast", "accurate"])
def test_reference_article_capitals_and_villages_are_places(reference_path: Path, mode: str) -> None:
    from kroniek.analysis import analyze_article
    from kroniek.models.tagger import tagger_path
    from kroniek.readers import read_text_file

    if mode == "accurate" and not (tagger_path("nl") / "head.npz").exists():
        pytest.skip("no accurate nl model")
    doc = analyze_article(read_text_file(reference_path), mode=mode)
    labels: dict[str, set[str]] = {}
    for e in doc.entities:
        labels.setdefault(e.text, set()).add(e.label)
    # "Kyiv" as a subject ("wilde Kyiv niet geven"), the villages after "rondom Popovka en
    # Demidovka": typed PER, ORG and PER in fast mode before the place evidence.
    for name in ("Kyiv", "Moskou", "Kremlin", "Popovka", "Demidovka"):
        assert labels.get(name) == {"LOC"}, (name, labels.get(name))
