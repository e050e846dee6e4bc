"""The PostgreSQL store: the same tables and migrations as SQLite, `tsvector` + GIN search.

One connection per thread (autocommit for reads, an explicit transaction per write);
concurrent migrators are serialised with an advisory lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from kroniek.errors import StoreError
from kroniek.store.queries import EventFilter
from kroniek.store.sql import SQLStore

__all__ = ["PostgresStore"]

_MIGRATION_LOCK = 0x6B726F6E  # "kron": the advisory lock id migrations take
_CONNECT_TIMEOUT_S = 10


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"


class PostgresStore(SQLStore):
    dialect = "postgres"

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.target = _redact(url)
        import psycopg

        try:
            self._migrate()
        except psycopg.Error as exc:
            self.close()
            raise StoreError(f"database error: {exc}".strip(), source=self.target,
                             hint="check the URL, that the server runs and that the user "
                                  "may create tables") from exc
        except BaseException:
            self.close()
            raise

    def _connect(self) -> Any:
        import psycopg

        try:
            return psycopg.connect(self.url, autocommit=True,
                                   connect_timeout=_CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect: {str(exc).strip()}", source=self.target,
                             hint="check the URL and that PostgreSQL is running") from exc

    def _conn(self) -> Any:
        conn = super()._conn()
        if conn.broken or conn.closed:  # the server restarted or dropped us: reconnect once
            self._local.conn = None
            conn = super()._conn()
        return conn

    def _rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        """A read; retried once on a fresh connection if the old one broke (reads are
        idempotent, so a server restart costs one reconnect, not an error)."""
        import psycopg

        try:
            return super()._rows(sql, params)
        except psycopg.OperationalError:
            conn = getattr(self._local, "conn", None)
            if conn is not None and not conn.broken:
                raise
            self._local.conn = None
            return super()._rows(sql, params)

    def _read_cursor(self, conn: Any) -> Any:
        return conn.cursor(binary=True)  # binary results: ~20% less time per page of events

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    @contextmanager
    def _begin(self, conn: Any) -> Iterator[Any]:
        with conn.transaction(), conn.cursor() as cur:
            yield cur

    def _lock_for_migration(self, cur: Any) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))

    def _existing_tables(self, cur: Any) -> set[str]:
        cur.execute("SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema()")
        return {r[0] for r in cur.fetchall()}

    def _bbox_where(self, f: EventFilter) -> tuple[str, list[Any]] | None:
        """The GiST prefilter for a box; the exact conditions still apply."""
        if f.bbox is None or f.bbox[0] > f.bbox[2]:
            return None
        west, south, east, north = f.bbox
        return ("point(e.lon, e.lat) <@ box(point(?, ?), point(?, ?))",
                [west, south, east, north])

    def _fts_articles(self) -> str:
        return "SELECT id FROM articles WHERE tsv @@ plainto_tsquery('simple', ?)"

    def _fts_quotes_where(self) -> str:
        return "qu.tsv @@ plainto_tsquery('simple', ?)"

    def search(self, text: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        if not text.strip():
            return []
        opts = "StartSel=\u27e6, StopSel=\u27e7, MaxWords=24, MinWords=8, MaxFragments=1"
        return self._rows(
            "SELECT kind, article_id, quote_id, title, snippet, score FROM ("
            " SELECT 'article' AS kind, a.id AS article_id, NULL AS quote_id, a.title,"
            "  ts_headline('simple', a.text, q, ?) AS snippet,"
            "  ts_rank(a.tsv, q) AS score, 0 AS k"
            "  FROM articles a, plainto_tsquery('simple', ?) q WHERE a.tsv @@ q"
            " UNION ALL"
            " SELECT 'quote', qu.article_id, qu.id, a.title,"
            "  ts_headline('simple', qu.text, q, ?), ts_rank(qu.tsv, q), 1"
            "  FROM quotes qu JOIN articles a ON a.id = qu.article_id,"
            "  plainto_tsquery('simple', ?) q WHERE qu.tsv @@ q"
            ") s ORDER BY k, score DESC, article_id LIMIT ? OFFSET ?",
            (opts, text, opts, text, limit, offset))
