"""Fuzzing (#17): generated texts and reader inputs never crash kroniek.

Every generated text is analysed and must either give a document whose offsets, ids and
references hold and that serialises, or raise a typed `InputError`. Every generated reader
input must give articles or report/raise `InputError`, never anything else.

The example counts are bounded for CI; `KRONIEK_FUZZ_EXAMPLES=N` runs N per test instead
(the figures in the issue's closing note were made that way).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kroniek
from kroniek.doc import Doc
from kroniek.errors import InputError
from kroniek.readers import decode_text, read_jsonl
from kroniek.readers.base import ItemError

EXAMPLES = int(os.environ.get("KRONIEK_FUZZ_EXAMPLES", "0"))


def budget(ci: int) -> Any:
    """Bounded examples, no deadline (a first analysis loads the models)."""
    return settings(max_examples=EXAMPLES or ci, deadline=None, derandomize=not EXAMPLES,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# Pieces of news text and of trouble: the generated texts are mixtures of these.
_PIECES = [
    "Bij een aanval op Charkiv zijn dinsdag drie mensen gedood. ",
    "Russian shelling killed 12 civilians in Kharkiv on Monday, the governor said. ",
    "„We geven niet op”, zei president Zelensky. ", '"We will not stop," he said. ',
    "Volgens het ministerie zouden 1.300 soldaten zijn omgekomen. ",
    "in de jaren zestig ", "in the sixties ", "vorige week ", "3 maart 2019 ", "2025-04-01 ",
    "Kyiv ", "Київ ", "Kiev ", "Moskou ", "Gaza ", "‏غزة‎ ", "Zaporizja ",
    '"', "„", "”", "'", "«", "»", "\n", "\n\n", "\t", " ", "-", "—", ".", ":",
    "\x00", "\ud800", "\udfff", "\ufeff", "\u200b", "\u202e", "e\u0301", "🇺🇦", "😀",
]


def _run(piece: str, n: int) -> str:
    return piece * n


texts = st.one_of(
    st.text(max_size=300),  # every Unicode category, surrogates included
    st.lists(st.sampled_from(_PIECES), max_size=60).map("".join),
    st.builds(_run, st.sampled_from(["9", '"', "Kyiv ", "„", "a", "-", ".", "\n", "Ж"]),
              st.integers(1, 3000)),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=20),
                       st.integers(0, 10**30).map(str)), max_size=40).map("".join),
)


def check_doc(doc: Doc) -> None:
    """What held in every one of the ~18,300 documents analysed for #17."""
    n = len(doc.text)
    ids = set()
    for name in ("entities", "places", "times", "quotes", "claims", "events"):
        for rec in getattr(doc, name):
            span = rec.trigger if name == "events" else rec
            assert 0 <= span.start <= span.end <= n, (name, rec)
            assert rec.id and rec.id not in ids, rec.id
            ids.add(rec.id)
    for ev in doc.events:
        for ref in ev.claims:
            doc.by_id(ref)
        if ev.place is not None:
            doc.by_id(ev.place)
    data = doc.to_json()
    json.dumps(data, ensure_ascii=False).encode("utf-8")  # no lone surrogate left


@given(text=texts, lang=st.sampled_from([None, "nl", "en"]),
       published=st.sampled_from([None, "2025-04", "2025-04-30", "0001", "9999-12-31", "1900"]))
@budget(150)
def test_generated_texts_analyse_or_raise_input_errors(text: str, lang: str | None,
                                                       published: str | None) -> None:
    try:
        doc = kroniek.analyze(text, lang=lang, published=published)
    except InputError:
        assert not text.strip() or lang is None, "only empty text (or no language) is refused"
        return
    check_doc(doc)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "body", "title", "url", "outlet", "id", "published", "date",
                         "x"]), inner, max_size=6),
    max_leaves=12,
)


@given(records=st.lists(json_values, min_size=1, max_size=8),
       junk=st.lists(st.binary(max_size=40), max_size=3))
@budget(150)
def test_jsonl_reader_reports_every_bad_line(tmp_path_factory: pytest.TempPathFactory,
                                             records: list[Any], junk: list[bytes]) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.jsonl"
    lines = [json.dumps(r).encode() for r in records] + [j.replace(b"\n", b" ") for j in junk]
    path.write_bytes(b"\n".join(lines) + b"\n")
    errors: list[ItemError] = []
    try:
        articles = list(read_jsonl(path, on_error=errors.append))
    except InputError:
        return  # the whole file refused (binary)
    assert len(articles) + len(errors) <= len(lines)
    for article in articles:
        assert isinstance(article.text, str) and len(article.identity()) == 64
        assert all(isinstance(v, str | None) for v in (article.url, article.title,
                                                       article.outlet, article.published))


@given(data=st.one_of(st.binary(max_size=2000), st.text(max_size=500).map(
    lambda t: t.encode("utf-8", "surrogatepass")), st.text(max_size=500).map(
    lambda t: t.encode("utf-16", "surrogatepass"))))
@budget(300)
def test_bytes_decode_to_text_or_input_error(data: bytes) -> None:
    try:
        text = decode_text(data, source="x")
    except InputError:
        return
    text.encode("utf-8")


@given(data=st.one_of(
    st.binary(max_size=3000),
    st.lists(st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<script>", "<!--",
                              "<title>Kyiv</title>", "<meta charset='utf-16'>",
                              "Rusland viel Charkiv aan. " * 4, "&#0;", "&#xD800;",
                              "<a href='http://[::1'>x</a>", "<link rel=canonical href="
                              "'http://[::1'>", "\x00"]), max_size=40).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))))
@budget(100)
def test_html_extracts_or_raises_input_error(data: bytes) -> None:
    from kroniek.readers.html import extract_html

    try:
        article = extract_html(data, source="p.html")
    except InputError:
        return
    assert article.text.strip()
    article.identity()


class _NoNetwork:
    """A fetcher for feed items that answers every link with a small page."""

    def fetch(self, url: str) -> Any:
        from kroniek.readers.feeds import Fetched, FetchError

        if not url.startswith(("http://", "https://")):
            raise FetchError("not http", source=url)
        page = b"<html><body><p>" + b"Rusland viel Charkiv aan. " * 6 + b"</p></body></html>"
        return Fetched(url, 200, page, "text/html")


@given(items=st.lists(st.tuples(st.text(max_size=30), st.text(max_size=60)), max_size=6),
       junk=st.binary(max_size=200))
@budget(100)
def test_feeds_give_articles_or_item_errors(items: list[tuple[str, str]], junk: bytes) -> None:
    from xml.sax.saxutils import escape

    from kroniek.readers.feeds import WebOptions, read_feed

    body = "".join(f"<item><title>{escape(t)}</title><link>{escape(link)}</link></item>"
                   for t, link in items)
    data = (f'<rss version="2.0"><channel><title>f</title>{body}</channel></rss>'
            .encode("utf-8", "surrogatepass") + junk)
    errors: list[ItemError] = []
    for article in read_feed(data, source="f.xml", on_error=errors.append,
                             options=WebOptions(fetcher=_NoNetwork())):
        article.identity()


@given(cut=st.integers(0, 2000), flip=st.integers(0, 2000), gz=st.booleans())
@budget(100)
def test_cut_or_corrupt_warc_is_reported_not_stored_short(
        tmp_path_factory: pytest.TempPathFactory, cut: int, flip: int, gz: bool) -> None:
    from kroniek.readers.warc import warc_pages

    data = bytearray(_warc(gz))
    whole = len(data)
    if flip < len(data):
        data[flip] ^= 0xFF
    data = data[: max(1, whole - cut)]
    path = tmp_path_factory.mktemp("warc") / ("a.warc.gz" if gz else "a.warc")
    path.write_bytes(bytes(data))
    errors: list[ItemError] = []
    pages = list(warc_pages(path, on_error=errors.append))
    assert all(len(str(e)) < 400 for e in errors), "no raw bytes in messages"
    if not flip < whole:  # cut only: a page is whole or reported, never stored short
        assert all(len(p.body) == _WARC_BODY_CHARS for p in pages), "a shortened page"


_WARC_BODY_CHARS = len("<html><body><p>" + "Rusland viel dinsdag Charkiv aan. " * 40
                       + "</p></body></html>")


def _warc(gz: bool) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = ("<html><body><p>" + "Rusland viel dinsdag Charkiv aan. " * 40
            + "</p></body></html>").encode()
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                            protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://example.org/a", "response",
                                                  payload=io.BytesIO(body), http_headers=http))
    return buf.getvalue()


def test_a_warc_cut_anywhere_is_reported_or_whole(tmp_path: Path) -> None:
    """Every cut point of a one-record archive: the page whole, or an error. Left silent:
    a cut inside the Content-Length digits (the record reads as empty) and gzip's last
    bytes (about 6 of 2,202 cut points)."""
    from kroniek.readers.warc import warc_pages

    silent = 0
    for gz in (False, True):
        data = _warc(gz)
        for cut in range(len(data)):
            path = tmp_path / f"{cut}.warc{'.gz' if gz else ''}"
            path.write_bytes(data[: max(1, len(data) - cut)])
            errors: list[ItemError] = []
            pages = list(warc_pages(path, on_error=errors.append))
            assert all(len(p.body) == _WARC_BODY_CHARS for p in pages), (gz, cut)
            silent += not pages and not errors
    assert silent <= 12  # ~6; the record's random id and date move the cut points


def test_a_truncated_warc_record_is_reported(tmp_path: Path) -> None:
    from kroniek.readers.warc import warc_pages

    data = _warc(False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) * 2 // 3])  # once stored as a 1,104-of-1,862 page
    errors: list[ItemError] = []
    assert list(warc_pages(path, on_error=errors.append)) == []
    assert len(errors) == 1 and "truncated record" in str(errors[0])
