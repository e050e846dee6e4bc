"""The `Store` interface and `open_store`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from kroniek.doc import Doc

__all__ = ["Store", "default_store_path", "open_store"]


def default_store_path() -> Path:
    """`$KRONIEK_DB` if set, else `kroniek.sqlite` in the user's data folder."""
    env = os.environ.get("KRONIEK_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("kroniek")) / "kroniek.sqlite"


class Store(Protocol):
    """What every backend offers. Rows come back as plain dicts (JSON-ready).

    Event filters are the fields of `kroniek.store.queries.EventFilter`.
    """

    def add(self, doc: Doc, *, content_hash: str, source: str | None = None) -> bool:
        """Store one analysed article in one transaction; False if its hash is stored."""
        ...

    def has(self, content_hash: str) -> bool: ...

    def count(self, table: str = "articles") -> int: ...

    def get_doc(self, doc_id: str) -> Doc:
        """The stored document; KeyError if there is none."""
        ...

    def get_article(self, article_id: str) -> dict[str, Any] | None: ...

    def iter_docs(self, *, batch: int = 200) -> Iterator[Doc]: ...

    def list_articles(self, *, limit: int = 50, offset: int = 0, q: str | None = None,
                      outlet: str | None = None,
                      lang: str | None = None) -> list[dict[str, Any]]: ...

    def list_events(self, **filters: Any) -> list[dict[str, Any]]: ...

    def event_days(self, **filters: Any) -> list[dict[str, Any]]: ...

    def get_event(self, uid: str) -> dict[str, Any] | None: ...

    def list_incidents(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]: ...

    def list_quotes(self, *, limit: int = 50, offset: int = 0,
                    **filters: Any) -> list[dict[str, Any]]: ...

    def list_places(self, *, name: str | None = None, country: str | None = None,
                    article_id: str | None = None, limit: int = 50,
                    offset: int = 0) -> list[dict[str, Any]]: ...

    def search(self, text: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def open_store(target: str | Path | None = None) -> Store:
    """Open (creating and migrating if needed) the store at `target`.

    `None` means the default SQLite file; a `postgresql://` URL means PostgreSQL.
    """
    if target is not None and str(target).startswith(("postgresql://", "postgres://")):
        from kroniek.store.postgres import PostgresStore

        return PostgresStore(str(target))
    from kroniek.store.sqlite import SQLiteStore

    return SQLiteStore(Path(target) if target is not None else default_store_path())
