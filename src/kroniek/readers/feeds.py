"""RSS/Atom feeds (by URL or file) and web pages by URL, fetched politely.

Every feed item's page is fetched and its main text extracted (`readers.html`). Fetching
goes through the small `Fetcher` interface; `HttpFetcher` is the real one (httpx): a
timeout, a user agent, robots.txt respected (with its crawl delay), a minimum delay
between two requests to the same host and a size limit. Items whose URL is already stored
(`WebOptions.seen`) or was read earlier in the run are skipped without a request.

A broken feed, a 404, a timeout or a page without text is reported per item through
`on_error`; the other items go on.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from kroniek import __version__
from kroniek.errors import (
    EmptyInputError,
    InputError,
    InputTooLargeError,
    KroniekError,
    RecordError,
)
from kroniek.readers.base import Article, ItemError, OnError
from kroniek.readers.html import extract_html, looks_like_html
from kroniek.readers.text import MAX_BYTES

__all__ = [
    "USER_AGENT",
    "FetchError",
    "Fetched",
    "Fetcher",
    "HttpFetcher",
    "WebOptions",
    "is_feed",
    "read_feed",
    "read_feed_path",
    "read_url",
    "skip_stored_urls",
    "web_options",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

USER_AGENT = f"kroniek/{__version__} (+https://github.com/kroniek; news chronicle reader)"

_FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
_FEED_TYPES = ("application/rss", "application/atom", "application/rdf", "/xml", "+xml")


class FetchError(InputError):
    """A page could not be fetched: HTTP error status, timeout, robots.txt, too large."""


@dataclass(slots=True)
class Fetched:
    url: str  # after redirects
    status: int
    content: bytes
    content_type: str = ""


class Fetcher(Protocol):
    def fetch(self, url: str) -> Fetched:
        """The body of `url`; raises `FetchError` when there is none to read."""
        ...


@dataclass
class HttpFetcher:
    """Polite HTTP fetching with httpx. One instance is reused across a run."""

    user_agent: str = USER_AGENT
    timeout: float = 10.0  # seconds, connect and read
    delay: float = 1.0  # minimum seconds between two requests to one host
    max_delay: float = 10.0  # cap on a robots.txt Crawl-delay
    respect_robots: bool = True
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    _client: Any = field(default=None, init=False, repr=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(
        default_factory=dict, init=False, repr=False
    )
    _last: dict[str, float] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def _http(self) -> Any:
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                headers={"User-Agent": self.user_agent},
                timeout=self.timeout,
                follow_redirects=False,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _wait_turn(self, host: str, delay: float) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, 0.0) + delay
            if ready > now:
                time.sleep(ready - now)
            self._last[host] = time.monotonic()

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root in self._robots:
            return self._robots[root]
        parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
        assert parser is not None
        try:
            self._wait_turn(parts.netloc, self.delay)
            resp = self._http().get(root + "/robots.txt")
        except Exception as exc:  # unreachable robots.txt: the page fetch will tell
            log.info("robots.txt of %s unreadable: %s", root, exc)
            parser = None
        else:
            if resp.status_code in (401, 403):
                parser.disallow_all = True  # type: ignore[attr-defined]
            elif resp.status_code >= 400:
                parser.allow_all = True  # type: ignore[attr-defined]
            else:
                parser.parse(resp.text.splitlines())
        self._robots[root] = parser
        return parser

    def _polite_delay(self, url: str) -> float:
        """The delay before fetching `url`; FetchError when robots.txt disallows it."""
        delay = self.delay
        if self.respect_robots:
            robots = self._robots_for(url)
            if robots is not None:
                if not robots.can_fetch(self.user_agent, url):
                    raise FetchError("robots.txt disallows fetching it", source=url)
                crawl_delay = robots.crawl_delay(self.user_agent)
                if crawl_delay:
                    delay = max(delay, min(float(crawl_delay), self.max_delay))
        return delay

    def fetch(self, url: str) -> Fetched:
        import httpx

        first = url
        try:
            # Redirects are followed here, not by httpx, so each hop's robots.txt is asked.
            for _hop in range(self.max_redirects + 1):
                self._wait_turn(urlsplit(url).netloc, self._polite_delay(url))
                with self._http().stream("GET", url) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        url = str(resp.url.join(resp.headers["location"]))
                        continue
                    return self._read(resp, source=first)
            raise FetchError(f"more than {self.max_redirects} redirects", source=first)
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.timeout:g} s", source=first) from None
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
            raise FetchError(
                f"fetch failed ({type(exc).__name__}: {exc})", source=first
            ) from None
        except ValueError as exc:  # urlsplit: "http://[::1" (an unclosed IPv6 host)
            raise FetchError(f"not a valid URL ({exc})", source=first) from None

    def _read(self, resp: Any, *, source: str) -> Fetched:
        if resp.status_code >= 400:
            raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}", source=source)
        body = bytearray()
        for chunk in resp.iter_bytes():
            body += chunk
            if len(body) > self.max_bytes:
                raise FetchError(
                    f"over the {self.max_bytes // (1024 * 1024)} MB limit", source=source
                )
        return Fetched(
            str(resp.url), resp.status_code, bytes(body), resp.headers.get("content-type", "")
        )


@dataclass
class WebOptions:
    """How URLs and feed items are fetched in this run."""

    fetcher: Fetcher | None = None  # None: an HttpFetcher made on first use
    seen: Callable[[str], bool] | None = None  # True for a URL already stored: skipped
    skipped: int = 0  # items skipped as already stored or already read

    def get_fetcher(self) -> Fetcher:
        if self.fetcher is None:
            self.fetcher = HttpFetcher()
        return self.fetcher


_OPTIONS: contextvars.ContextVar[WebOptions | None] = contextvars.ContextVar(
    "kroniek_web_options", default=None
)


@contextlib.contextmanager
def web_options(
    *, fetcher: Fetcher | None = None, seen: Callable[[str], bool] | None = None
) -> Iterator[WebOptions]:
    """Set the fetcher and the already-stored test for `read_inputs` calls inside."""
    opts = WebOptions(fetcher=fetcher, seen=seen)
    token = _OPTIONS.set(opts)
    try:
        yield opts
    finally:
        _OPTIONS.reset(token)


def skip_stored_urls(store: Any) -> None:
    """In this context, feed items and URLs already in `store` (a kroniek SQL store) are
    skipped without fetching them. A store without SQL access is ignored."""
    rows = getattr(store, "_rows", None)
    if rows is None:
        return

    def seen(url: str) -> bool:
        try:
            # `source` is the link as the feed gave it; `url` the page's after redirects.
            return bool(rows("SELECT 1 AS x FROM articles WHERE url = ? OR source = ?",
                             (url, url)))
        except KroniekError:  # the store was closed since: nothing to skip
            return False

    opts = _options()
    opts.seen = seen


def _options() -> WebOptions:
    opts = _OPTIONS.get()
    if opts is None:
        opts = WebOptions()
        _OPTIONS.set(opts)
    return opts


def is_feed(path: Path, head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if looks_like_html(head):
        return False
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return True
    return path.suffix.lower() in {".rss", ".atom"}


def _entry_published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def read_feed(
    data: bytes, *, source: str, on_error: OnError, options: WebOptions | None = None
) -> Iterator[Article]:
    """Articles of a feed document: each item's page fetched and extracted."""
    import feedparser

    opts = options or _options()
    parsed = feedparser.parse(data)
    entries = list(parsed.entries)
    if parsed.bozo:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", None)
        why = reason() if callable(reason) else str(parsed.get("bozo_exception"))
        on_error(ItemError(source, f"malformed feed XML ({why}); {len(entries)} items recovered"))
    if not entries and not parsed.bozo:
        on_error(ItemError(source, "a feed without items"))
    outlet = parsed.feed.get("title") or None
    read: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        link = entry.get("link")
        if not link:
            on_error(ItemError(source, f"item {number} has no link"))
            continue
        if link in read or (opts.seen is not None and opts.seen(link)):
            opts.skipped += 1
            continue
        read.add(link)
        try:
            fetched = opts.get_fetcher().fetch(link)
            article = extract_html(fetched.content, source=link, url=fetched.url)
        except (FetchError, EmptyInputError, RecordError, InputTooLargeError) as exc:
            on_error(ItemError(link, exc.message, hint=f"item {number} of {source}; skipped"))
            continue
        article.title = article.title or entry.get("title") or None
        article.published = article.published or _entry_published(entry)
        article.outlet = article.outlet or outlet
        article.external_id = entry.get("id") or None
        yield article


def read_feed_path(path: Path, on_error: OnError) -> Iterator[Article]:
    size = path.stat().st_size
    if size > MAX_BYTES:
        on_error(ItemError(str(path), f"feed of {size / 1e6:.1f} MB is over the size limit"))
        return
    yield from read_feed(path.read_bytes(), source=str(path), on_error=on_error)


def _is_feed_response(fetched: Fetched) -> bool:
    ctype = fetched.content_type.split(";")[0].strip().lower()
    if "html" in ctype:
        return False
    if any(t in ctype for t in _FEED_TYPES):
        return True
    return is_feed(Path(urlsplit(fetched.url).path), fetched.content[:4096])


def read_url(url: str, on_error: OnError) -> Iterator[Article]:
    """A URL given as input: a feed (its items) or a page (one article)."""
    opts = _options()
    if opts.seen is not None and opts.seen(url):
        opts.skipped += 1
        return
    try:
        fetched = opts.get_fetcher().fetch(url)
    except FetchError as exc:
        on_error(ItemError(url, exc.message))
        return
    if _is_feed_response(fetched):
        yield from read_feed(fetched.content, source=url, on_error=on_error, options=opts)
        return
    try:
        yield extract_html(fetched.content, source=url, url=fetched.url)
    except (EmptyInputError, RecordError, InputTooLargeError) as exc:
        on_error(ItemError(url, exc.message))
