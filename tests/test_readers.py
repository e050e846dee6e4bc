"""Readers of text, dated text, JSONL and stdin, and their errors on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.errors import (
    BinaryInputError,
    DateHeaderError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    RecordError,
)
from kroniek.readers import ItemError, read_inputs, read_jsonl, read_text_file


@pytest.mark.parametrize(
    ("header", "value", "precision"),
    [(" date 2025-04 ", "2025-04", "month"), ("date 2024-12-31 ", "2024-12-31", "day"),
     (" date 2019 ", "2019", "year")],
)
def test_dated_text_header(tmp_path: Path, header: str, value: str, precision: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(header + "Het leger rukte op. Dat meldt de krant.", encoding="utf-8")
    article = read_text_file(path)
    assert article.published == value
    assert article.text.startswith("Het leger")
    from kroniek.readers.text import parse_published

    assert parse_published(value, source="x") == (value, precision)


@pytest.mark.parametrize("bad", [" date 2025-13 Tekst", " date gisteren Tekst",
                                 " date 2025-02-30 Tekst"])
def test_unknown_date_header_is_an_error(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(DateHeaderError, match=r"a\.txt, line 1: unknown date"):
        read_text_file(path)


def test_plain_text_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Gewoon een bericht zonder datum.\n", encoding="utf-8")
    assert read_text_file(path).published is None


def test_bad_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\t")
    with pytest.raises(EmptyInputError, match="empty.txt"):
        read_text_file(empty)
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(BinaryInputError, match="image.png.*binary"):
        read_text_file(binary)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Oekraïne meldt gevechten".encode("latin-1"))
    with pytest.raises(EncodingError, match="latin1.txt: not valid UTF-8.*iconv"):
        read_text_file(latin)
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.write(b"Een zin over niets. " * (50 * 1024 * 1024 // 20))
    with pytest.raises(InputTooLargeError, match="big.txt: 52.4 MB is over"):
        read_text_file(big)


def test_jsonl_variants_and_broken_lines(shared_data: Path, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": 1, "title": "A", "text": "Eerste.", "published_at": "2019-03-01"}),
        "{not json",
        json.dumps({"body": "Tweede.", "date": "2019-03-02T10:00:00Z", "url": "http://x/2"}),
        json.dumps(["a", "list"]),
        json.dumps({"title": "Alleen een kop"}),
        json.dumps({"id": 7, "date": "2019-03-03"}),
        json.dumps({"url": "http://x/3"}),
        json.dumps({"text": "Derde.", "published": "March 2019"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[ItemError] = []
    articles = list(read_jsonl(path, on_error=errors.append))
    assert [a.text for a in articles] == ["Eerste.", "Tweede.", "Alleen een kop", ""]
    assert articles[0].published == "2019-03-01" and articles[0].external_id == "1"
    assert articles[1].published == "2019-03-02" and articles[1].url == "http://x/2"
    assert [(e.line, e.message.split(" ")[0]) for e in errors] == [
        (2, "not"), (4, "expected"), (7, "no"), (8, "unknown")]
    with pytest.raises(RecordError, match=r"mixed.jsonl, line 2: not JSON"):
        list(read_jsonl(path))


def test_news_file_reads_every_article(shared_data: Path) -> None:
    articles = list(read_jsonl(shared_data / "news" / "dpgmedia2019-nl.jsonl"))
    assert len(articles) == 1398
    assert all(a.published for a in articles)
    assert sum(1 for a in articles if not a.text) == 4  # records with an id and a date only
    assert len({a.identity() for a in articles}) == 1398


def test_read_inputs_walks_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(" date 2025-01 Een.", encoding="utf-8")
    (tmp_path / "sub" / "b.jsonl").write_text('{"text": "Twee."}\n{"text": "Drie."}\n',
                                              encoding="utf-8")
    texts = sorted(a.text for a in read_inputs([str(tmp_path)]))
    assert texts == ["Drie.", "Een.", "Twee."]
    with pytest.raises(Exception, match="no such file"):
        list(read_inputs([str(tmp_path / "missing.txt")]))
