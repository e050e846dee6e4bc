"""HTML pages, feeds and URLs, read from files and from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kroniek.errors import InputError
from kroniek.readers import ItemError, read_inputs
from kroniek.readers.feeds import HttpFetcher, web_options

BODY = (
    "Een raket heeft dinsdagochtend een woonwijk in het oosten van de stad getroffen. "
    "Daarbij kwamen volgens de burgemeester vier mensen om het leven. Het leger zegt dat "
    "het de aanval niet kon onderscheppen, omdat de raket te laag vloog."
)


def page(title: str, body: str = BODY, date: str = "2025-04-02") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        '<meta property="og:site_name" content="Testkrant">'
        f'<meta property="article:published_time" content="{date}T10:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1><p>{body}</p><p>{body[::-1][:60]} einde.</p></article>"
        "<footer>Cookies en privacy</footer></body></html>"
    )


EMPTY_PAGE = "<!DOCTYPE html><html><head><title>Leeg</title></head><body><nav>menu</nav></body></html>"


def rss(base: str, links: list[str]) -> str:
    items = "".join(
        f"<item><title>Item {i}</title><link>{base}{link}</link>"
        f"<guid>{base}{link}</guid><pubDate>Tue, 01 Apr 2025 08:00:00 GMT</pubDate></item>"
        for i, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Testkrant nieuws</title><link>{base}/</link>{items}</channel></rss>"
    )


class Site:
    """Routes for the test server; `hits` records the paths requested."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, str]] = {}
        self.hits: list[str] = []
        self.slow: set[str] = set()
        self.redirects: dict[str, str] = {}


def _handler(site: Site) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            site.hits.append(self.path)
            if self.path in site.slow:
                time.sleep(2.0)
            status, ctype, body = site.routes.get(self.path, (404, "text/plain", "not found"))
            if self.path in site.redirects:
                status, ctype, body = 302, "text/plain", "moved"
            data = body.encode("utf-8")
            try:
                self.send_response(status)
                if status == 302:
                    self.send_header("Location", site.redirects[self.path])
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, Site]]:
    site = Site()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield base, site
    finally:
        httpd.shutdown()
        httpd.server_close()


def fast_fetcher(**kw: Any) -> HttpFetcher:
    return HttpFetcher(delay=0.0, **kw)


def test_html_file_and_folder(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page("Raket treft stad"), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.htm").write_text(page("Tweede bericht", date="2025-04-03"))
    (tmp_path / "sub" / "empty.html").write_text(EMPTY_PAGE)
    errors: list[ItemError] = []
    arts = list(read_inputs([str(tmp_path)], on_error=errors.append))
    assert [a.title for a in arts] == ["Raket treft stad", "Tweede bericht"]
    first = arts[0]
    assert "vier mensen om het leven" in first.text
    assert "Cookies" not in first.text and "Sport" not in first.text
    assert not first.text.startswith("Raket treft stad")  # headline not repeated in text
    assert first.published == "2025-04-02" and arts[1].published == "2025-04-03"
    assert first.outlet == "Testkrant"
    assert len(errors) == 1 and errors[0].source.endswith("empty.html")
    assert "no article text" in errors[0].message


def test_html_without_text_raises_without_handler(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(EMPTY_PAGE)
    with pytest.raises(InputError, match="no article text"):
        list(read_inputs([str(path)]))


def test_feed_by_url_fetches_items_politely(server: tuple[str, Site]) -> None:
    base, site = server
    site.routes["/robots.txt"] = (200, "text/plain", "User-agent: *\nDisallow: /private/\n")
    site.routes["/feed.xml"] = (
        200, "application/rss+xml", rss(base, ["/a", "/private/b", "/missing", "/empty", "/a"])
    )
    site.routes["/a"] = (200, "text/html", page("Eerste"))
    site.routes["/private/b"] = (200, "text/html", page("Verboden"))
    site.routes["/empty"] = (200, "text/html", EMPTY_PAGE)
    errors: list[ItemError] = []
    with web_options(fetcher=fast_fetcher()) as opts:
        arts = list(read_inputs([f"{base}/feed.xml"], on_error=errors.append))
    assert [a.title for a in arts] == ["Eerste"]
    assert arts[0].url == f"{base}/a" and arts[0].published == "2025-04-02"
    assert arts[0].external_id == f"{base}/a"
    reasons = {e.source.removeprefix(base): e.message for e in errors}
    assert "robots.txt" in reasons["/private/b"]
    assert "404" in reasons["/missing"]
    assert "no article text" in reasons["/empty"]
    assert "/private/b" not in site.hits  # robots.txt respected: never requested
    assert site.hits.count("/robots.txt") == 1 and site.hits.count("/a") == 1
    assert opts.skipped == 1  # the repeated item


def test_feed_items_already_stored_are_not_fetched(server: tuple[str, Site]) -> None:
    base, site = server
    site.routes["/feed.xml"] = (200, "application/atom+xml", rss(base, ["/a", "/b"]))
    site.routes["/a"] = (200, "text/html", page("Eerste"))
    site.routes["/b"] = (200, "text/html", page("Tweede"))
    stored = {f"{base}/a"}
    with web_options(fetcher=fast_fetcher(), seen=stored.__contains__):
        arts = list(read_inputs([f"{base}/feed.xml"]))
    assert [a.title for a in arts] == ["Tweede"]
    assert "/a" not in site.hits


def test_fetch_timeout_is_an_item_error(server: tuple[str, Site]) -> None:
    base, site = server
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(base, ["/slow", "/a"]))
    site.routes["/slow"] = (200, "text/html", page("Traag"))
    site.routes["/a"] = (200, "text/html", page("Snel"))
    site.slow.add("/slow")
    errors: list[ItemError] = []
    with web_options(fetcher=fast_fetcher(timeout=0.3)):
        arts = list(read_inputs([f"{base}/feed.xml"], on_error=errors.append))
    assert [a.title for a in arts] == ["Snel"]
    assert len(errors) == 1 and "timed out" in errors[0].message


def test_page_by_url_and_404_url(server: tuple[str, Site]) -> None:
    base, site = server
    site.routes["/nieuws/1"] = (200, "text/html; charset=utf-8", page("Een pagina"))
    errors: list[ItemError] = []
    with web_options(fetcher=fast_fetcher()):
        arts = list(
            read_inputs([f"{base}/nieuws/1", f"{base}/weg"], on_error=errors.append)
        )
    assert [a.title for a in arts] == ["Een pagina"]
    assert errors[0].source == f"{base}/weg" and "HTTP 404" in errors[0].message


def test_robots_disallow_all_and_user_agent(server: tuple[str, Site]) -> None:
    base, site = server
    site.routes["/robots.txt"] = (200, "text/plain", "User-agent: kroniek\nDisallow: /\n")
    site.routes["/p"] = (200, "text/html", page("P"))
    errors: list[ItemError] = []
    with web_options(fetcher=fast_fetcher()):
        assert list(read_inputs([f"{base}/p"], on_error=errors.append)) == []
    assert "robots.txt" in errors[0].message and "/p" not in site.hits


def test_malformed_feed_file(tmp_path: Path, server: tuple[str, Site]) -> None:
    base, site = server
    site.routes["/a"] = (200, "text/html", page("Gered"))
    broken = rss(base, ["/a"]).replace("</channel></rss>", "<item><title>kapot</ti")
    path = tmp_path / "broken.rss"
    path.write_text(broken)
    garbage = tmp_path / "garbage.atom"
    garbage.write_text("<feed><<<&&& not xml")
    errors: list[ItemError] = []
    with web_options(fetcher=fast_fetcher()):
        arts = list(read_inputs([str(path), str(garbage)], on_error=errors.append))
    assert all(a.title == "Gered" for a in arts)
    assert any("malformed feed XML" in e.message and e.source == str(path) for e in errors)
    assert any(e.source == str(garbage) for e in errors)


def test_ingest_feed_twice_fetches_stored_items_once(
    server: tuple[str, Site], tmp_path: Path
) -> None:
    from kroniek.cli.store_commands import ingest_articles

    base, site = server
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(base, ["/a", "/b"]))
    site.routes["/a"] = (200, "text/html", page("Eerste"))
    site.redirects["/b"] = "/nieuws/b"  # stored under its final URL, known by its link
    site.routes["/nieuws/b"] = (200, "text/html",
                                page("Tweede", body=BODY.replace("raket", "drone")))
    db = str(tmp_path / "k.sqlite")
    with web_options(fetcher=fast_fetcher()):
        first = ingest_articles([f"{base}/feed.xml"], db=db, show_progress=False)
    assert first["added"] == 2 and site.hits.count("/a") == 1
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(base, ["/a", "/b", "/c"]))
    site.routes["/c"] = (200, "text/html", page("Derde", body=BODY.replace("stad", "haven")))
    with web_options(fetcher=fast_fetcher()):
        second = ingest_articles([f"{base}/feed.xml"], db=db, show_progress=False)
    assert second["added"] == 1 and second["failed"] == 0
    assert site.hits.count("/a") == 1 and site.hits.count("/b") == 1  # not fetched again


def test_redirects_are_followed_and_each_hop_asks_robots(server: tuple[str, Site]) -> None:
    base, site = server
    site.routes["/robots.txt"] = (200, "text/plain", "User-agent: *\nDisallow: /private/\n")
    site.redirects["/short/1"] = "/nieuws/1"
    site.redirects["/short/2"] = f"{base}/private/2"
    site.redirects["/loop"] = "/loop"
    site.routes["/nieuws/1"] = (200, "text/html", page("Doorgestuurd"))
    site.routes["/private/2"] = (200, "text/html", page("Geheim"))
    errors: list[ItemError] = []
    with web_options(fetcher=fast_fetcher()):
        arts = list(read_inputs([f"{base}/short/1", f"{base}/short/2", f"{base}/loop"],
                                on_error=errors.append))
    assert [(a.title, a.url) for a in arts] == [("Doorgestuurd", f"{base}/nieuws/1")]
    reasons = {e.source.removeprefix(base): e.message for e in errors}
    assert "robots.txt" in reasons["/short/2"] and "/private/2" not in site.hits
    assert "redirects" in reasons["/loop"]
