"""Issue #17's crash defects, each pinned by its one-line reproduction.

Every case here once raised a traceback (KeyError, ValueError, UnicodeEncodeError, ...);
now it either analyses or raises a typed `kroniek.errors` error naming the input.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

import kroniek
from kroniek.doc import storable_text
from kroniek.errors import BinaryInputError, DateHeaderError, InputError
from kroniek.readers import read_jsonl, read_text_file
from kroniek.readers.text import parse_published
from kroniek.stages.events.arguments import parse_number


def test_defect1_english_decade_words_resolve() -> None:
    doc = kroniek.analyze("Troops fought there in the sixties.", lang="en")
    (t,) = doc.times
    assert (t.text, t.value.from_, t.value.to) == ("in the sixties", "1960-01-01", "1969-12-31")


@pytest.mark.parametrize("text,lang", [("in the 1960s", "en"), ("in the 1960's", "en"),
                                       ("in de jaren zestig", "nl")])
def test_defect1_other_decade_forms(text: str, lang: str) -> None:
    doc = kroniek.analyze(f"Het gebeurde {text}." if lang == "nl" else f"It happened {text}.",
                          lang=lang)
    assert [t.value.from_ for t in doc.times] == ["1960-01-01"]


@pytest.mark.parametrize("text,lang", [
    ("Russian shelling killed {n} people in Kharkiv on Monday.", "en"),
    ("Bij een aanval op Charkiv zijn dinsdag {n} mensen gedood.", "nl"),
])
def test_defect2_a_number_of_5000_digits_is_no_count(text: str, lang: str) -> None:
    doc = kroniek.analyze(text.format(n="9" * 5000), lang=lang)  # once a ValueError
    assert doc.events and all((e.fatalities or 0) < 1_000_000 for e in doc.events)
    assert parse_number("9" * 5000, lang=lang) is None
    assert parse_number("1.300", lang=lang) == 1300


@pytest.mark.parametrize("value", ["0000", "0000-01", "0000-01-01"])
def test_defect3_year_zero_is_no_date(value: str) -> None:
    with pytest.raises(DateHeaderError, match="unknown date"):
        parse_published(value, source="x")
    with pytest.raises(DateHeaderError):
        kroniek.analyze("Rusland viel dinsdag Charkiv aan.", published=value)


@pytest.mark.parametrize("published,text,lang", [
    ("0001", "Dat gebeurde 99999999 jaar geleden, en drie dagen later weer.", "nl"),
    ("9999-12-31", "Tomorrow, 9999999999 days ago, and 5 days later.", "en"),
])
def test_defect3_dates_past_the_calendar_stay_unknown(published: str, text: str,
                                                      lang: str) -> None:
    doc = kroniek.analyze(text, published=published, lang=lang)
    assert doc.times and all(t.precision == "unknown" for t in doc.times)


# -- defects 4-10: bad input is one line naming it, never a traceback ----------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`kroniek ARGS` in this process: (exit code, stdout, stderr)."""
    from kroniek.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    out, err = capsys.readouterr()
    code = exit_.value.code
    return (code if isinstance(code, int) else 0), out, err


def assert_one_line_error(err: str, name: str) -> None:
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"Error: {name}") and "(hint: " in lines[0], err


def test_defect4_lone_surrogates_are_replaced_one_for_one(tmp_path: Path) -> None:
    doc = kroniek.analyze("Kyiv \ud800")  # once UnicodeEncodeError in doc.py
    assert doc.text == "Kyiv \ufffd" and len(doc.id) == 16
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "Kyiv \\ud800 werd aangevallen.", "title": "\\udcff"}\n')
    (article,) = read_jsonl(path)
    assert article.text == "Kyiv \ufffd werd aangevallen." and article.title == "\ufffd"
    assert len(article.identity()) == 64  # once UnicodeEncodeError in readers/base.py
    assert storable_text("a\x00b\ud83d") == "a\ufffdb\ufffd"


@pytest.mark.parametrize("record,field", [
    ({"text": "Rusland viel Charkiv aan.", "url": {"a": 1}}, "url"),
    ({"text": "Rusland viel Charkiv aan.", "outlet": ["x"]}, "outlet"),
    ({"text": "Rusland viel Charkiv aan.", "title": {"nl": "t"}}, "title"),
])
def test_defect5_object_metadata_is_a_record_error(tmp_path: Path, record: dict[str, Any],
                                                   field: str) -> None:
    path = tmp_path / "o.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"text": "Goed.", "url": 7}) + "\n")
    errors: list[Any] = []
    articles = list(read_jsonl(path, on_error=errors.append))
    assert [a.url for a in articles] == ["7"]
    assert [(e.line, e.message) for e in errors] == [(1, f"field {field!r} is a JSON "
                                                      f"{'object' if '{' in json.dumps(record[field]) else 'array'}, not text")]


def test_defect6_undecodable_file_name_is_stored(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder) + b"/bad\xff.txt"))).write_text(
        "Rusland viel dinsdag Charkiv aan.", encoding="utf-8")
    db = tmp_path / "s.sqlite"
    code, _, err = run_cli(capsys, "ingest", str(folder), "--db", str(db), "--quiet")
    assert code == 0 and "added 1" in err, err
    with sqlite3.connect(db) as conn:
        (source,) = conn.execute("SELECT source FROM articles").fetchone()
    assert source.endswith("bad\ufffd.txt")


def test_defect7_a_feed_link_that_is_no_url_is_an_item_error(tmp_path: Path) -> None:
    from kroniek.readers.feeds import FetchError, HttpFetcher, read_feed

    with pytest.raises(FetchError, match="not a valid URL"):
        HttpFetcher().fetch("http://[::1")
    feed = (b'<rss version="2.0"><channel><title>t</title><item><title>Kyiv</title>'
            b"<link>http://[::1</link></item></channel></rss>")
    errors: list[Any] = []
    assert list(read_feed(feed, source="f.xml", on_error=errors.append)) == []
    assert [e.source for e in errors] == ["http://[::1"]


def test_defect8_deeply_nested_json_is_an_item_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + '\n{"text": "Goed."}\n')
    errors: list[Any] = []
    assert [a.text for a in read_jsonl(path, on_error=errors.append)] == ["Goed."]
    assert [(e.line, e.message) for e in errors] == [
        (1, "JSON nested too deeply to be an article")]


def test_defect9_unreadable_file_is_one_line(tmp_path: Path) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    folder.chmod(0o755)
    tmp_path.chmod(0o755)
    path = folder / "secret.txt"
    path.write_text("Rusland viel Charkiv aan.")
    path.chmod(0)
    # As root every file is readable: the CLI runs as nobody then (a real permission check).
    as_nobody = (["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
                 if os.geteuid() == 0 else [])
    result = subprocess.run([*as_nobody, sys.executable, "-m", "kroniek", "analyze", str(path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert_one_line_error(result.stderr, str(path))
    assert "cannot read it (Permission denied)" in result.stderr


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo"])
def test_defect10_devices_and_pipes_are_refused_at_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    path = kind
    if kind == "fifo":
        path = str(tmp_path / "fifo")
        os.mkfifo(path)
    code, out, err = run_cli(capsys, "analyze", path)  # once: MemoryError / blocked for ever
    assert code == 2 and not out
    assert_one_line_error(err, path)
    assert "not a regular file" in err


def test_defect11_nul_anywhere_is_binary_and_nul_in_json_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Rusland " + b"a" * 70_000 + b"\x00" + b"b" * 70_000 + b" viel aan.")
    with pytest.raises(BinaryInputError, match="NUL"):
        read_text_file(path)
    jsonl = tmp_path / "nul.jsonl"
    jsonl.write_text('{"text": "Kyiv\\u0000 werd aangevallen.", "url": "http://x/\\u0000"}\n')
    (article,) = read_jsonl(jsonl)
    assert article.text == "Kyiv\ufffd werd aangevallen." and article.url == "http://x/\ufffd"


def test_utf16_is_read_not_called_binary(tmp_path: Path) -> None:
    text = "Rusland viel dinsdag Charkiv aan."
    for encoding, data in [("bom", text.encode("utf-16")), ("le", text.encode("utf-16-le")),
                           ("be", text.encode("utf-16-be"))]:
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(data)
        assert read_text_file(path).text == text


def test_defect12_html_without_lxml_html_clean_is_one_line(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>" + "Rusland viel dinsdag Charkiv aan. " * 5
                    + "</p></body></html>")
    block = ("import sys; sys.modules['lxml_html_clean'] = None; from kroniek.cli import main; "
             f"main(['analyze', {str(page)!r}])")
    result = subprocess.run([sys.executable, "-c", block], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 4
    assert_one_line_error(result.stderr, str(page))
    assert "lxml_html_clean" in result.stderr


def test_random_bytes_named_html_are_not_an_article(tmp_path: Path) -> None:
    import random

    from kroniek.errors import RecordError
    from kroniek.readers.html import extract_html

    rng = random.Random(17)
    with_nul = bytes(rng.randrange(256) for _ in range(3000))
    without = bytes(rng.randrange(1, 256) for _ in range(3000))
    with pytest.raises(RecordError, match="binary"):
        extract_html(with_nul, source="r.html")
    with pytest.raises(InputError):
        extract_html(without, source="r.html")


def test_one_size_limit_for_the_library_the_readers_and_the_api(tmp_path: Path) -> None:
    from kroniek.errors import InputTooLargeError
    from kroniek.readers.text import MAX_CHARS
    from kroniek.serve.api import ArticleIn

    text = "Kyiv " * (MAX_CHARS // 5 + 1)
    with pytest.raises(InputTooLargeError, match="1,000,000 for one article"):
        kroniek.analyze(text)
    path = tmp_path / "big.txt"
    path.write_text(text)
    with pytest.raises(InputTooLargeError, match="big.txt"):
        read_text_file(path)
    assert ArticleIn.model_fields["text"].metadata[1].max_length == MAX_CHARS


def _bad_files(root: Path) -> dict[str, Path]:
    """One file of each bad kind found by fuzzing the CLI."""
    files = {
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "empty.txt": b" \n\t ",
        "latin1.txt": "Oekraïne meldt gevechten".encode("latin-1"),
        "date0.txt": b" date 0000 Rusland viel Charkiv aan.",
        "nul.txt": b"Rusland " + b"a" * 70_000 + b"\x00" + b"b" * 70_000,
        "deep.jsonl": b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "object.jsonl": b'{"text": "Rusland viel Charkiv aan.", "url": {"a": 1}}\n',
        "notjson.jsonl": b"{not json\n",
        "random.html": bytes(range(1, 256)) * 8,
        "cut.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200",
        "corrupt.warc.gz": b"WARC/1.0\r\n" + bytes(range(256)) * 4,
        "feed.xml": (b'<rss version="2.0"><channel><title>t</title><item><title>K</title>'
                     b"<link>http://[::1</link></item></channel></rss>"),
    }
    out = {}
    for name, data in files.items():
        (root / name).write_bytes(data)
        out[name] = root / name
    return out


def test_every_bad_file_is_one_line_with_a_hint(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    for name, path in _bad_files(tmp_path).items():
        code, out, err = run_cli(capsys, "analyze", str(path))
        assert code in (2, 4) and not out, (name, code, err)
        # A feed's item is named by its link, and the feed in the hint.
        assert_one_line_error(err, "http://[::1" if name == "feed.xml" else str(path))
        assert str(path) in err


def test_scaling_report_gives_seconds_and_slopes_per_stage() -> None:
    """`kroniek bench --scaling`'s figures (#17's time-versus-size table): CPU seconds in
    all and per stage at every size, and the slopes, for each pathological kind."""
    from kroniek.scaling import KINDS, pathological_text, scaling_report, slope

    assert all(len(pathological_text(k, 3000)) == 3000 for k in KINDS)
    assert slope([(10, 1.0), (100, 10.0), (1000, 100.0)]) == pytest.approx(1.0)
    assert slope([(10, 1.0), (100, 100.0)]) == pytest.approx(2.0)
    report = scaling_report((500, 1000), kinds=("quotes",))
    row = report["kinds"]["quotes"]  # type: ignore[index]
    assert set(row["seconds"]) == {"500", "1000"} and isinstance(row["slope"], float)
    stages = row["stage_seconds"]
    assert {"kroniek.linguistic.spacy.v1", "kroniek.quotes.v1"} <= set(stages)
    assert all(set(by_size) == {"500", "1000"} for by_size in stages.values())
