"""The library's entry point: text in, annotated `Doc` out."""

from __future__ import annotations

from kroniek.doc import Doc, Published
from kroniek.errors import EmptyInputError, InputError
from kroniek.pipeline import get_pipeline
from kroniek.readers.base import Article
from kroniek.readers.text import parse_published

__all__ = ["analyze", "analyze_article", "make_doc"]

SUPPORTED_LANGS = ("nl", "en")


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
) -> Doc:
    """Analyse one article.

    >>> import kroniek
    >>> doc = kroniek.analyze("Rusland viel dinsdag Charkiv aan.", published="2025-04-01")
    >>> doc.to_json()["schema"]
    'kroniek/1'
    """
    doc = make_doc(text, published=published, lang=lang, url=url, title=title, outlet=outlet)
    return get_pipeline()(doc)


def analyze_article(article: Article, *, lang: str | None = None) -> Doc:
    """Analyse an article as read by a reader. A record with metadata but no text (an id
    and a date, as some archives hold) becomes a Doc with no annotations and a warning."""
    if not article.text.strip():
        doc = make_doc(" ", published=article.published, url=article.url,
                       title=article.title, outlet=article.outlet, source=article.source,
                       allow_empty=True)
        doc.warnings.append(f"{article.source}: the record has no text; metadata only")
        doc.id = article.identity()[:16]
        return doc
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
    return get_pipeline()(doc)
