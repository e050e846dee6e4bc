"""The SQLite store: one file, WAL mode (one writer, many concurrent readers), FTS5."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kroniek.errors import StoreError
from kroniek.store.queries import EventFilter, fts5_query
from kroniek.store.rows import ArticleRows
from kroniek.store.sql import SQLStore

__all__ = ["SQLiteStore"]

_BUSY_TIMEOUT_MS = 30_000  # how long a writer waits for another process's transaction


class SQLiteStore(SQLStore):
    dialect = "sqlite"

    def __init__(self, path: Path | str) -> None:
        super().__init__()
        self.path = Path(path).expanduser()
        self.target = str(self.path)
        if self.path.is_dir():
            raise StoreError("is a folder, not a database file", source=self.target,
                             hint="give a file path, e.g. --db chronicle.sqlite")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder: {exc.strerror}", source=self.target,
                             hint="choose a writable location with --db") from exc
        try:
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise self._translate(exc) from exc
        except BaseException:
            self.close()
            raise

    def _translate(self, exc: sqlite3.DatabaseError) -> StoreError:
        msg = str(exc)
        if "not a database" in msg or "malformed" in msg:
            return StoreError("not a kroniek database (not an SQLite file)",
                              source=self.target, hint="point --db at a new file")
        if "readonly" in msg or "unable to open" in msg or "disk I/O" in msg:
            return StoreError(f"cannot write the database: {msg}", source=self.target,
                              hint="check the file's permissions or choose another --db")
        return StoreError(f"database error: {msg}", source=self.target)

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=_BUSY_TIMEOUT_MS / 1000)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        except sqlite3.DatabaseError as exc:
            raise self._translate(exc) from exc
        return conn

    @contextmanager
    def _begin(self, conn: Any) -> Iterator[Any]:
        cur = conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
        except BaseException:
            conn.rollback()
            raise
        else:
            conn.commit()
        finally:
            cur.close()

    def _existing_tables(self, cur: Any) -> set[str]:
        cur.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'")
        return {r[0] for r in cur.fetchall()}

    def _index_fulltext(self, cur: Any, rows: ArticleRows) -> None:
        a = rows.article
        cur.execute("INSERT INTO events_rtree SELECT rowid, lat, lat, lon, lon, "
                    "COALESCE(julianday(date_from), -1e6), COALESCE(julianday(date_to), 1e7) "
                    "FROM events WHERE article_id = ? AND lat IS NOT NULL AND lon IS NOT NULL",
                    (a["id"],))
        cur.execute("INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
                    (a["id"], a["title"] or "", a["text"]))
        cur.executemany(
            "INSERT INTO quotes_fts (article_id, quote_id, text, speaker) VALUES (?, ?, ?, ?)",
            [(q["article_id"], q["id"], q["text"], q["speaker_name"] or "")
             for q in rows.quotes])

    def _bbox_where(self, f: EventFilter) -> tuple[str, list[Any]] | None:
        """The R*Tree prefilter for a box (and dates); the exact conditions still apply."""
        if f.bbox is None or f.bbox[0] > f.bbox[2]:
            return None
        west, south, east, north = f.bbox
        sql = ("e.rowid IN (SELECT id FROM events_rtree WHERE lat1 >= ? AND lat0 <= ? "
               "AND lon1 >= ? AND lon0 <= ?")
        params: list[Any] = [south, north, west, east]
        if f.date_from:
            sql += " AND d1 >= julianday(?)"
            params.append(f.date_from)
        if f.date_to:
            sql += " AND d0 <= julianday(?)"
            params.append(f.date_to)
        return sql + ")", params

    def _fts_param(self, text: str) -> str | None:
        return fts5_query(text)

    def _fts_articles(self) -> str:
        return "SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?"

    def _fts_quotes_where(self) -> str:
        return ("EXISTS (SELECT 1 FROM quotes_fts f WHERE quotes_fts MATCH ? "
                "AND f.article_id = qu.article_id AND f.quote_id = qu.id)")

    def search(self, text: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        query = fts5_query(text)
        if query is None:
            return []
        return self._rows(
            "SELECT kind, article_id, quote_id, title, snippet, score FROM ("
            " SELECT 'article' AS kind, f.article_id, NULL AS quote_id, a.title,"
            "  snippet(articles_fts, 2, '\u27e6', '\u27e7', '…', 16) AS snippet,"
            "  bm25(articles_fts) AS score, 0 AS k"
            "  FROM articles_fts f JOIN articles a ON a.id = f.article_id"
            "  WHERE articles_fts MATCH ?"
            " UNION ALL"
            " SELECT 'quote' AS kind, f.article_id, f.quote_id, a.title,"
            "  snippet(quotes_fts, 2, '\u27e6', '\u27e7', '…', 16) AS snippet,"
            "  bm25(quotes_fts) AS score, 1 AS k"
            "  FROM quotes_fts f JOIN articles a ON a.id = f.article_id"
            "  WHERE quotes_fts MATCH ?"
            ") ORDER BY k, score, article_id LIMIT ? OFFSET ?",
            (query, query, limit, offset))
