"""The document model, the pipeline and `kroniek.analyze` end to end."""

from __future__ import annotations

import json
from typing import Any

import pytest

import kroniek
from kroniek.doc import Cue, Doc, Entity, Event, EventTime, Place, Quote, Speaker
from kroniek.errors import ConfigError, EmptyInputError, InputError, PipelineOrderError
from kroniek.pipeline import build_pipeline, register_stage


def test_public_api_is_explicit() -> None:
    for name in kroniek.__all__:
        assert hasattr(kroniek, name), name
    assert callable(kroniek.analyze)


def test_reference_article_populated(reference_doc: Doc) -> None:
    doc = reference_doc
    assert doc.published is not None
    assert (doc.published.value, doc.published.precision) == ("2025-04", "month")
    assert doc.lang == "nl"
    kinds = [b.kind for b in doc.blocks]
    assert "caption" in kinds and "pullquote" in kinds and "heading" in kinds
    caption = next(b for b in doc.blocks if b.kind == "caption")
    assert "beeld" in doc.span(caption.start, caption.end)
    assert len(doc.sentences) > 20


def test_offsets_slice_text_exactly(reference_doc: Doc) -> None:
    from kroniek.schema import check_offsets

    assert check_offsets(reference_doc.to_json()) == []


def test_json_round_trip_is_lossless(reference_doc: Doc) -> None:
    data = reference_doc.to_json()
    again = Doc.from_json(json.loads(json.dumps(data)))
    assert again.to_json() == data


def test_round_trip_of_nested_records(validate: Any) -> None:
    text = "Rusland viel Charkiv aan, zei Jan de Vries."
    doc = Doc(text=text)
    doc.entities = [Entity("e1", 13, 20, "Charkiv", "LOC", "Charkiv", 0.9)]
    doc.places = [Place("p1", 13, 20, "Charkiv", entity="e1", geonameid=706483, lat=49.98,
                        lon=36.25, precision="exact", confidence=0.8)]
    doc.quotes = [Quote("q1", 0, 24, text[0:24], kind="indirect", cue=Cue(26, 29, "zei"),
                        speaker=Speaker(name="Jan de Vries", start=30, end=42))]
    doc.events = [Event("v1", "Battles", "Armed clash", "FIGHT", Cue(8, 12, "viel"),
                        place="p1", time=EventTime(from_="2025-04-01", to="2025-04-01",
                                                   precision="day", time_precision=1))]
    data = doc.to_json()
    assert data["events"][0]["time"]["from"] == "2025-04-01"
    validate(data)
    assert Doc.from_json(data).to_json() == data


def test_schema_rejects_broken_offsets() -> None:
    from kroniek.errors import SchemaError
    from kroniek.schema import validate_document

    doc = Doc(text="Kort bericht.")
    doc.entities = [Entity("e1", 0, 4, "Lang", "PER", "Lang", 0.5)]
    with pytest.raises(SchemaError, match="slice"):
        validate_document(doc.to_json())


def test_analyze_validates_its_input() -> None:
    with pytest.raises(EmptyInputError):
        kroniek.analyze("   \n ")
    with pytest.raises(InputError, match="unsupported language"):
        kroniek.analyze("Hallo", lang="xx")
    with pytest.raises(InputError, match="unknown date"):
        kroniek.analyze("Hallo wereld", published="gisteren")
    with pytest.raises(InputError, match="must be str"):
        kroniek.analyze(b"bytes")  # type: ignore[arg-type]


def test_unsupported_language_is_reported_not_analysed(validate: Any) -> None:
    text = ("Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland beschlossen, "
            "teilte ein Sprecher in Berlin mit. Die Maßnahmen gelten ab sofort.")
    doc = kroniek.analyze(text)
    assert doc.lang == "de"
    assert any("not supported" in w for w in doc.warnings)
    assert doc.entities == [] and doc.events == []
    validate(doc.to_json())


def test_pipeline_order_is_checked() -> None:
    with pytest.raises(PipelineOrderError, match="requires"):
        build_pipeline(disable=["segment"])
    with pytest.raises(ConfigError, match="unknown pipeline slot"):
        build_pipeline(overrides={"nonsense": "x"})
    with pytest.raises(ConfigError, match="no stage registered"):
        build_pipeline(overrides={"events": "kroniek.events.v999"})


def test_a_stage_can_be_swapped_by_configuration() -> None:
    @register_stage("test.caps_entities.v1")
    class AllCapsNames:
        requires = ("tokens",)
        assigns = ("entities",)

        def __call__(self, doc: Doc) -> Doc:
            doc.entities = [
                Entity(f"e{i}", t.start, t.end, t.text, "ORG", t.text, 0.1)
                for i, t in enumerate(doc.tokens) if t.text.isupper() and len(t.text) > 1
            ]
            return doc

    nlp = build_pipeline(overrides={"entities": "test.caps_entities.v1"})
    assert "test.caps_entities.v1" in nlp.names
    assert "kroniek.entities.v1" not in nlp.names
    doc = nlp(kroniek.analysis.make_doc("De NAVO en de VN reageerden gisteren.", lang="nl"))
    assert {e.text for e in doc.entities} == {"NAVO", "VN"}


def test_articles_analysed_together_equal_one_by_one(shared_data: Any, reference_path: Any) -> None:
    """`analyze_articles` (ingest, batch and bench use it) batches several articles' sentences
    through spaCy: every Doc must equal what `analyze_article` makes of that article alone,
    whatever its neighbours (Dutch, English, German, metadata-only, a bad date)."""
    from itertools import islice

    from kroniek.analysis import analyze_article, analyze_articles
    from kroniek.readers import read_text_file
    from kroniek.readers.base import Article
    from kroniek.readers.text import read_jsonl

    articles = [read_text_file(reference_path)]
    articles += islice(read_jsonl(shared_data / "news" / "dpgmedia2019-nl.jsonl"), 6)
    articles += [
        Article("The army said on Tuesday that drones struck a depot near Kharkiv.", "en"),
        Article("Die Bundesregierung hat am Dienstag neue Sanktionen beschlossen.", "de"),
        Article("", "metadata-only", external_id="x1", published="2019-03-01"),
        Article("Rusland viel dinsdag Charkiv aan.", "bad-date", published="not a date"),
    ]
    together = list(analyze_articles(articles, batch_size=4))
    assert [a.source for a, _ in together] == [a.source for a in articles]
    for article, result in together:
        if article.source == "bad-date":
            assert isinstance(result, InputError)
            with pytest.raises(InputError):
                analyze_article(article)
            continue
        assert isinstance(result, Doc), (article.source, result)
        alone = analyze_article(article)
        assert result.to_json() == alone.to_json(), article.source
    assert any(d.entities and d.quotes for _, d in together if isinstance(d, Doc))


def test_a_failing_article_does_not_take_its_batch_down(monkeypatch: Any) -> None:
    import kroniek.analysis
    from kroniek.readers.base import Article

    @register_stage("test.boom.v1")
    class Boom:
        requires = ("text",)
        assigns = ("events",)

        def __call__(self, doc: Doc) -> Doc:
            if "BOOM" in doc.text:
                raise RuntimeError("stage bug")
            return doc

    nlp = build_pipeline(overrides={"events": "test.boom.v1"})
    monkeypatch.setattr(kroniek.analysis, "get_pipeline", lambda mode=None: nlp)
    texts = ["Kyiv meldde dinsdag een aanval.", "BOOM in Charkiv.", "Moskou zweeg."]
    out = list(kroniek.analysis.analyze_articles(
        [Article(t, f"a{i}") for i, t in enumerate(texts)], lang="nl"))
    assert isinstance(out[1][1], RuntimeError)
    assert [type(r) for _, r in out] == [Doc, RuntimeError, Doc]
    assert out[2][1].tokens and out[0][1].tokens  # type: ignore[union-attr]
