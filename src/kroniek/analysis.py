"""The library's entry point: text in, annotated `Doc` out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kroniek.doc import Doc, Published
from kroniek.errors import EmptyInputError, InputError, KroniekError
from kroniek.pipeline import get_pipeline
from kroniek.readers.base import Article
from kroniek.readers.text import check_length, parse_published

__all__ = ["analyze", "analyze_article", "analyze_articles", "make_doc"]

SUPPORTED_LANGS = ("nl", "en")
# Articles analysed together by `analyze_articles`: 8 gave 31.4 → 28.0 ms per article in
# the linguistic stage on the news set (16: 27.7); memory grows with it, so no more.
BATCH_ARTICLES = 8


def make_doc(
    text: str,
    *,
    published: str | None = None,
    lang: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    source: str = "<text>",
    allow_empty: bool = False,
) -> Doc:
    """A `Doc` with its metadata checked, before any stage has run."""
    if not isinstance(text, str):
        raise InputError(
            f"text must be str, not {type(text).__name__}",
            source=source,
            hint="decode bytes first, e.g. data.decode('utf-8')",
        )
    if not text.strip() and not allow_empty:
        raise EmptyInputError("empty: no text to analyse", source=source)
    check_length(text, source=source)
    pub = None
    if published:
        value, precision = parse_published(str(published), source=source)
        pub = Published(value=value, precision=precision)  # type: ignore[arg-type]
    if lang is not None and lang not in SUPPORTED_LANGS:
        raise InputError(
            f"unsupported language {lang!r}",
            source=source,
            hint=f"supported: {', '.join(SUPPORTED_LANGS)}; omit it to detect the language",
        )
    if allow_empty:
        text = text.strip()
    return Doc(text=text, url=url, title=title, outlet=outlet, lang=lang, published=pub)


def analyze(
    text: str,
    *,
    published: str | None = None,
    lang: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    mode: str | None = None,
    events: str | None = None,
) -> Doc:
    """Analyse one article. `mode` is "fast" or "accurate" (default: $KRONIEK_MODE, else
    kroniek.pipeline.DEFAULT_MODE); both give the same contract. `events` is the events
    variant: "rules", "hybrid", "learned" or "combined" (default: $KRONIEK_EVENTS, else "hybrid";
    see kroniek.models.event_classifier).

    >>> import kroniek
    >>> doc = kroniek.analyze("Rusland viel dinsdag Charkiv aan.", published="2025-04-01")
    >>> doc.to_json()["schema"]
    'kroniek/1'
    """
    doc = make_doc(text, published=published, lang=lang, url=url, title=title, outlet=outlet)
    return get_pipeline(mode, events)(doc)


def analyze_article(article: Article, *, lang: str | None = None, mode: str | None = None) -> Doc:
    """Analyse an article as read by a reader. A record with metadata but no text (an id
    and a date, as some archives hold) becomes a Doc with no annotations and a warning."""
    doc, ready = _article_doc(article, lang)
    return get_pipeline(mode)(doc) if not ready else doc


def analyze_articles(
    articles: Iterable[Article],
    *,
    lang: str | None = None,
    batch_size: int = BATCH_ARTICLES,
    mode: str | None = None,
) -> Iterator[tuple[Article, Doc | Exception]]:
    """Analyse a stream of articles `batch_size` at a time: the Docs `analyze_article`
    makes, faster (spaCy gets fuller batches). Yields (article, Doc) in input order, or
    (article, the exception) for an article that failed; a failing article never takes
    its neighbours down: the batch is redone one article at a time."""
    pipeline = get_pipeline(mode)
    for chunk in _chunks(articles, batch_size):
        results: list[Doc | Exception | None] = [None] * len(chunk)
        todo: list[tuple[int, Doc]] = []
        for i, article in enumerate(chunk):
            try:
                doc, ready = _article_doc(article, lang)
            except KroniekError as exc:
                results[i] = exc
                continue
            if ready:
                results[i] = doc
            else:
                todo.append((i, doc))
        try:
            done = pipeline.batch([doc for _, doc in todo])
        except Exception:  # find the culprit: each article again, alone and afresh
            for i, _ in todo:
                try:
                    results[i] = analyze_article(chunk[i], lang=lang, mode=mode)
                except Exception as exc:
                    results[i] = exc
        else:
            for (i, _), doc in zip(todo, done, strict=True):
                results[i] = doc
        for article, result in zip(chunk, results, strict=True):
            assert result is not None
            yield article, result


def _article_doc(article: Article, lang: str | None) -> tuple[Doc, bool]:
    """The article's Doc before analysis, and whether it is already complete (a record
    with metadata but no text gets no annotations, only a warning)."""
    if not article.text.strip():
        doc = make_doc(" ", published=article.published, url=article.url,
                       title=article.title, outlet=article.outlet, source=article.source,
                       allow_empty=True)
        doc.warnings.append(f"{article.source}: the record has no text; metadata only")
        doc.id = article.identity()[:16]
        return doc, True
    doc = make_doc(
        article.text,
        published=article.published,
        lang=lang,
        url=article.url,
        title=article.title,
        outlet=article.outlet,
        source=article.source,
    )
    doc.id = article.identity()[:16]
    return doc, False


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
