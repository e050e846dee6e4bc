"""The cue tagger (`kroniek.models.cue_tagger`) and how the quotes stage uses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.doc import Doc
from kroniek.errors import ConfigError, ResourceError
from kroniek.models.cue_tagger import CueTagger, fit, get_tagger, resolve_cues, weights_file
from kroniek.pipeline import build_pipeline


def _quotes(text: str, cues: str) -> list[tuple[str, str, str | None]]:
    pipe = build_pipeline(disable=("times", "places", "claims", "events"),
                          stage_config={"quotes": {"cues": cues}})
    doc = pipe(Doc(text=text, lang="nl"))
    return [(q.kind, q.text, q.cue.text if q.cue else None) for q in doc.quotes]


def test_shipped_weights_load() -> None:
    assert weights_file("nl").is_file()
    tagger = get_tagger("nl")
    assert tagger is not None and 0.0 < tagger.reject < tagger.accept < 1.0
    assert len(tagger.weights) > 100
    assert get_tagger("xx") is None  # no tagger for a language without weights


def test_unknown_choice_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError):
        resolve_cues("neural")
    monkeypatch.setenv("KRONIEK_CUES", "bogus")
    with pytest.raises(ConfigError, match="KRONIEK_CUES"):
        resolve_cues()
    monkeypatch.setenv("KRONIEK_CUES", "rules")
    assert resolve_cues() == "rules"


def test_bad_weights_file_is_a_resource_error(tmp_path: Path) -> None:
    bad = tmp_path / "w.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ResourceError):
        CueTagger.load(bad)


def test_tagger_rejects_a_noun_that_is_no_speech_here() -> None:
    # "een tweet van X waarin …": the lexicon's cue noun heads a relative clause here.
    text = "De raad kwam bijeen na een tweet van een wethouder waarin de partij werd genoemd."
    assert any(c == "tweet" for _, _, c in _quotes(text, "rules"))
    assert not any(c == "tweet" for _, _, c in _quotes(text, "learned"))


def test_tagger_accepts_a_construction_the_lexicon_lacks() -> None:
    # "maakt duidelijk dat": no lexicon entry, but a person subject and a dat-clause.
    text = ("Advocaat Sander Janssen maakt duidelijk dat het proces zich afspeelt in een "
            "ongekende dynamiek.")
    assert _quotes(text, "rules") == []
    got = _quotes(text, "learned")
    assert [(k, c) for k, _, c in got] == [("indirect", "maakt")]
    assert got[0][1].startswith("het proces zich afspeelt")


def test_plain_speech_is_kept_by_both() -> None:
    text = "Wethouder Pieters houdt vol dat de dreiging reëel was."
    for cues in ("rules", "learned"):
        assert _quotes(text, cues) == [("indirect", "de dreiging reëel was", "houdt vol")]


def test_training_separates_toy_examples() -> None:
    xs = [["lex=verb", "ccomp=dat"]] * 20 + [["lex=none", "has_obj"]] * 20
    ys = [1] * 20 + [0] * 20
    params = fit(xs, ys, min_count=2, l2=1.0, steps=400)
    tagger = CueTagger(params)
    assert tagger.prob(["lex=verb", "ccomp=dat"]) > 0.8
    assert tagger.prob(["lex=none", "has_obj"]) < 0.2
    json.dumps(params)  # the weights file is JSON


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        # an inverted pronoun source followed by a phrase, not a particle
        ("Armina kan het nieuws nog maar nauwelijks verwerken, vertelt ze aan de telefoon "
         "vanuit Jerevan.", "Armina kan het nieuws nog maar nauwelijks verwerken", "vertelt"),
        # an addressee after the inverted source
        ("Het poeder zat nu in zwarte plastic flessen, vertelde Ross de rechter.",
         "Het poeder zat nu in zwarte plastic flessen", "vertelde"),
        # a cue noun with a copula, after or before its content
        ("De Chinezen brengen veel geld mee, maar dat is niet gratis, is de vrees.",
         "De Chinezen brengen veel geld mee, maar dat is niet gratis", "vrees"),
        ("De gedachte is dat die extra selectie leidt tot minder uitval.",
         "die extra selectie leidt tot minder uitval", "gedachte"),
        # a speech verb with its prepositional object
        ("Oppositieleider Jesse Klaver spreekt van smerige politiek.", "van smerige politiek",
         "spreekt"),
        # an inverted source followed by an adverb or a reflexive and particle of the verb
        ("Het bestand zal deze week niet standhouden, weet de generaal zeker.",
         "Het bestand zal deze week niet standhouden", "weet"),
        ("Zou het leger de stad ooit nog heroveren, vroegen de bewoners zich af.",
         "Zou het leger de stad ooit nog heroveren", "vroegen"),
        # a cue and source inserted into the report
        ("Het leger, zegt de woordvoerder, heeft de stad gisteren ingenomen.",
         "heeft de stad gisteren ingenomen", "zegt"),
        ("En, zo geeft de minister toe, van veel dossiers weet zij nog weinig.",
         "van veel dossiers weet zij nog weinig", "geeft de minister toe"),
        # an adverb of the subject's own account, and one of hearsay (no source)
        ("Minister Jansen heeft naar eigen zeggen nooit met de rebellen gesproken.",
         "heeft naar eigen zeggen nooit met de rebellen gesproken", "naar eigen zeggen"),
        ("De generaal is naar verluidt met zijn familie naar het buitenland gevlucht.",
         "De generaal is naar verluidt met zijn familie naar het buitenland gevlucht",
         "naar verluidt"),
    ],
)
def test_more_cue_constructions(text: str, content: str, cue: str) -> None:
    assert ("indirect", content, cue) in _quotes(text, "learned")
