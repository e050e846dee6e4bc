"""WARC archives written with warcio in the test: HTML responses read, bad records reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kroniek.readers import ItemError, read_inputs

BODY = (
    "Bij beschietingen in het grensgebied zijn gisteren drie burgers gewond geraakt, "
    "meldt de regionale gouverneur. Het ministerie van Defensie spreekt van een aanval "
    "met drones op een dorp vlak bij de grens."
)


def html(title: str, body: str = BODY) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{body}</p></article></body></html>"
    ).encode()


def write_warc(path: Path, pages: list[tuple[str, int, str, bytes]], *, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, status, ctype, payload in pages:
            headers = StatusAndHeaders(
                f"{status} {'OK' if status == 200 else 'Not Found'}",
                [("Content-Type", ctype)],
                protocol="HTTP/1.1",
            )
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(rec)
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)


PAGES = [
    ("https://example.org/a", 200, "text/html; charset=utf-8", html("Eerste bericht")),
    ("https://example.org/logo.png", 200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
    ("https://example.org/gone", 404, "text/html", html("Weg")),
    ("https://example.org/empty", 200, "text/html", b"<html><body><nav>menu</nav></body></html>"),
    ("https://example.org/b", 200, "text/html", html("Tweede bericht")),
]


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, PAGES, gz=gz)
    errors: list[ItemError] = []
    arts = list(read_inputs([str(path)], on_error=errors.append))
    assert [a.title for a in arts] == ["Eerste bericht", "Tweede bericht"]
    assert [a.url for a in arts] == ["https://example.org/a", "https://example.org/b"]
    assert "drie burgers gewond" in arts[0].text
    assert arts[0].source.startswith(f"{path}@")
    assert len(errors) == 1 and "example.org/empty" in errors[0].message
    assert "no article text" in errors[0].message


def test_truncated_warc_keeps_what_came_before(tmp_path: Path) -> None:
    full = tmp_path / "full.warc.gz"
    write_warc(full, PAGES, gz=True)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    errors: list[ItemError] = []
    arts = list(read_inputs([str(cut)], on_error=errors.append))
    assert [a.title for a in arts] == ["Eerste bericht"]
    assert any("truncated or corrupt" in e.message and e.source == str(cut) for e in errors)


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive\n" * 20)
    errors: list[ItemError] = []
    assert list(read_inputs([str(path)], on_error=errors.append)) == []
    assert len(errors) == 1 and "not a WARC" in errors[0].message


def test_reading_streams_record_by_record(tmp_path: Path) -> None:
    """Memory held while reading stays at about one record, whatever the archive's size."""
    import tracemalloc

    from kroniek.readers.warc import warc_pages

    page = html("Bericht", BODY * 40)  # ~8 kB of HTML
    path = tmp_path / "big.warc.gz"
    write_warc(path, [(f"https://example.org/{i}", 200, "text/html", page) for i in range(400)],
               gz=True)
    errors: list[ItemError] = []
    tracemalloc.start()
    try:
        total = 0
        for p in warc_pages(path, on_error=errors.append):
            total += len(p.body)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not errors and total == 400 * len(page)
    assert peak < total / 20  # 3.3 MB read; a reader that kept the records would hold it all
