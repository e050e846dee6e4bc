"""What SQLite and PostgreSQL share: connections per thread, migrations, `add`.

SQL is written once with `?` placeholders (PostgreSQL's driver gets `%s`); values always
travel as parameters, never inside the SQL text. Column names in generated INSERTs come
from `kroniek.store.rows`, never from input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from kroniek.doc import Doc, storable_text
from kroniek.errors import StoreError
from kroniek.store.migrations import MIGRATIONS
from kroniek.store.queries import ReadQueries
from kroniek.store.rows import ArticleRows, doc_rows

__all__ = ["SQLStore", "TABLES", "storable_params"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

TABLES = (
    "articles", "entities", "places", "times", "quotes", "claims", "events", "incidents",
    "incident_reports", "migrations",
)

# Days either side of an event's dates in which stored incidents are offered to the
# chronicle's matcher as candidates (ACLED codes "week" precision as ±3 days).
INCIDENT_WINDOW_DAYS = 3
MAX_CANDIDATES = 200
# Incidents that began more than this many days before an event's window are not offered:
# an incident dated only to a season or a year cannot be told apart from others, and the
# bound keeps the candidate query an index range scan (month precision, 31 days, fits).
MAX_MATCH_SPAN_DAYS = 45
# Degrees of latitude (twice that of longitude) around an event in which candidate incidents
# are looked for: wider than the chronicle's largest match distance (150 km).
CANDIDATE_DEG = 2.0


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


class SQLStore(ReadQueries):
    """The shared part of both backends. Subclasses connect and open transactions."""

    dialect = "sql"
    target = ""

    def __init__(self) -> None:
        self._local = threading.local()
        self._all: list[Any] = []
        self._all_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._closed = False
        self._versions_lock = threading.Lock()
        self._versions: Any = None
        self._versions_made = False

    # -- backend hooks ------------------------------------------------------------------

    def _connect(self) -> Any:
        raise NotImplementedError

    @contextmanager
    def _begin(self, conn: Any) -> Iterator[Any]:
        raise NotImplementedError
        yield

    def _sql(self, sql: str) -> str:
        return sql

    def _existing_tables(self, cur: Any) -> set[str]:
        raise NotImplementedError

    def _lock_for_migration(self, cur: Any) -> None:
        """Serialise concurrent migrators (PostgreSQL advisory lock; SQLite's write lock)."""

    def _index_fulltext(self, cur: Any, rows: ArticleRows) -> None:
        """Fill full-text tables the database does not fill itself."""

    # -- connections and transactions ----------------------------------------------------

    def _conn(self) -> Any:
        if self._closed:
            raise StoreError("the store is closed", source=self.target)
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._all_lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        """One write transaction (one writer per process; the database serialises others)."""
        with self._write_lock, self._begin(self._conn()) as cur:
            yield cur

    def _read_cursor(self, conn: Any) -> Any:
        return conn.cursor()

    def _rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        cur = self._read_cursor(self._conn())
        try:
            cur.execute(self._sql(sql), storable_params(params))
            if cur.description is None:
                return []
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        finally:
            cur.close()

    def _exec(self, cur: Any, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> None:
        cur.execute(self._sql(sql), storable_params(params))

    def _one(self, cur: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
        cur.execute(self._sql(sql), storable_params(params))
        row = cur.fetchone()
        return None if row is None else row[0]

    def _insert_many(self, cur: Any, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        cols = list(rows[0])
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        cur.executemany(self._sql(sql), [storable_params([r[c] for c in cols]) for r in rows])

    def close(self) -> None:
        with self._all_lock:
            for conn in self._all:
                try:
                    conn.close()
                except Exception:  # closing from another thread may fail; nothing to lose
                    log.debug("closing a connection failed", exc_info=True)
            self._all.clear()
        self._local = threading.local()
        self._closed = True

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- migrations ---------------------------------------------------------------------

    def _migrate(self) -> None:
        known = [m.name for m in MIGRATIONS]
        with self._tx() as cur:
            self._lock_for_migration(cur)
            tables = self._existing_tables(cur)
            if "migrations" not in tables and tables & {"articles", "events"}:
                raise StoreError(
                    "not a kroniek database (it has tables but no migrations table)",
                    source=self.target,
                    hint="point --db at a new file or an empty database",
                )
            if "migrations" not in tables:
                if self.dialect == "sqlite" and tables:
                    raise StoreError(
                        f"not a kroniek database (it holds other tables: "
                        f"{', '.join(sorted(tables)[:5])})",
                        source=self.target,
                        hint="point --db at a new file",
                    )
                self._exec(cur, "CREATE TABLE migrations (name TEXT PRIMARY KEY, "
                                "applied_at TEXT NOT NULL)")
            cur.execute(self._sql("SELECT name FROM migrations"))
            applied = {r[0] for r in cur.fetchall()}
            newer = sorted(applied - set(known))
            if newer:
                raise StoreError(
                    f"the database has a newer schema (migration {newer[-1]!r} is unknown "
                    "to this version of kroniek)",
                    source=self.target,
                    hint="upgrade kroniek, or use another --db",
                )
            for m in MIGRATIONS:
                if m.name in applied:
                    continue
                for stmt in m.sqlite if self.dialect == "sqlite" else m.postgres:
                    self._exec(cur, stmt)
                self._exec(cur, "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                           (m.name, _now()))
                log.info("applied migration %s to %s", m.name, self.target)

    def applied_migrations(self) -> list[str]:
        return [r["name"] for r in self._rows("SELECT name FROM migrations ORDER BY name")]

    # -- writing ------------------------------------------------------------------------

    def has(self, content_hash: str) -> bool:
        return bool(self._rows("SELECT 1 AS x FROM articles WHERE content_hash = ?",
                               (content_hash,)))

    def add(self, doc: Doc, *, content_hash: str, source: str | None = None) -> bool:
        """Store one analysed article in one transaction; False if its hash is stored.

        Two articles with the same text but different hashes (say, a letter printed in two
        editions) are both kept: the second gets the id `<doc id>-<hash prefix>`. Each
        event joins an incident of the chronicle (see `_link_incident`); the article joins
        its story (`article_versions`) in the same transaction, so that no kill leaves an
        article without its story row.
        """
        versions = self.versions()
        with self._tx() as cur:
            if self._one(cur, "SELECT COUNT(*) FROM articles WHERE content_hash = ?",
                         (content_hash,)):
                return False
            article_id = doc.id
            if self._one(cur, "SELECT COUNT(*) FROM articles WHERE id = ?", (doc.id,)):
                article_id = f"{doc.id}-{hashlib.sha256(content_hash.encode()).hexdigest()[:8]}"
            rows = doc_rows(doc, content_hash=content_hash, source=source, now=_now(),
                            article_id=article_id)
            self._insert_many(cur, "articles", [rows.article])
            for table in ("entities", "places", "times", "quotes", "claims", "events"):
                self._insert_many(cur, table, getattr(rows, table))
            self._index_fulltext(cur, rows)
            for ev in rows.events:
                self._link_incident(cur, ev)
            if versions is not None:  # the story row commits with the article, or neither
                versions.record_in(cur, article_id, doc.text)
        return True

    def versions(self) -> Any:
        """The near-duplicate index over this store (`kroniek.dedup.StoreVersions`), made
        on first use; None where dedup is unavailable."""
        with self._versions_lock:
            if not self._versions_made:
                try:
                    from kroniek.dedup import StoreVersions
                except ImportError:  # datasketch missing: articles are stored without stories
                    self._versions = None
                else:
                    self._versions = StoreVersions(self)
                self._versions_made = True
        return self._versions

    def _link_incident(self, cur: Any, ev: dict[str, Any]) -> None:
        joins = _chronicle_attr("joins_chronicle")
        if callable(joins) and not joins(dict(ev)):
            return  # negated, future, undated ...: not part of the chronicle's incidents
        found = None
        matcher = _incident_matcher()
        candidates = self._candidate_incidents(cur, ev) if matcher is not None else []
        if matcher is not None and candidates:
            found = matcher(dict(ev), candidates)
            if found is not None and found not in {c["id"] for c in candidates}:
                log.warning("find_incident returned an unknown incident %r; ignored", found)
                found = None
        if found is None:
            found = "inc-" + hashlib.sha256(ev["uid"].encode()).hexdigest()[:16]
            self._insert_many(cur, "incidents", [{
                "id": found, "type": ev["type"], "sub_type": ev["sub_type"],
                "date_from": ev["date_from"], "date_to": ev["date_to"],
                "lat": ev["lat"], "lon": ev["lon"], "place_name": ev["place_name"],
                "country_code": ev["country_code"], "actor1": ev["actor1"],
                "actor2": ev["actor2"], "n_reports": 0, "created_at": _now(),
            }])
        self._exec(cur, "INSERT INTO incident_reports (incident_id, event_uid, article_id) "
                        "VALUES (?, ?, ?)", (found, ev["uid"], ev["article_id"]))
        self._exec(cur, "UPDATE incidents SET n_reports = n_reports + 1, "
                        "date_from = COALESCE(date_from, ?), date_to = COALESCE(date_to, ?), "
                        "lat = COALESCE(lat, ?), lon = COALESCE(lon, ?) WHERE id = ?",
                   (ev["date_from"], ev["date_to"], ev["lat"], ev["lon"], found))
        self._exec(cur, "UPDATE events SET incident_id = ? WHERE uid = ?", (found, ev["uid"]))

    def _candidate_incidents(self, cur: Any, ev: dict[str, Any]) -> list[dict[str, Any]]:
        """Stored incidents of the same type family whose dates are near the event's."""
        if not ev["date_from"]:
            return []
        types = _type_family(ev["type"])
        lo = _shift(ev["date_from"], -INCIDENT_WINDOW_DAYS)
        hi = _shift(ev["date_to"] or ev["date_from"], INCIDENT_WINDOW_DAYS)
        marks = ", ".join("?" * len(types))
        near, params = "", [*types, hi, lo]
        if ev["lat"] is not None and ev["lon"] is not None:
            # No report of one incident lies further apart than a few hundred km.
            near = ("AND (lat IS NULL OR (lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?)) ")
            params += [ev["lat"] - CANDIDATE_DEG, ev["lat"] + CANDIDATE_DEG,
                       ev["lon"] - 2 * CANDIDATE_DEG, ev["lon"] + 2 * CANDIDATE_DEG]
        earliest = _shift(ev["date_from"], -INCIDENT_WINDOW_DAYS - MAX_MATCH_SPAN_DAYS)
        # Two events of one article are two incidents (the events stage already made the
        # mentions of one incident one event): an incident this article reports is no candidate.
        cur.execute(self._sql(
            f"SELECT * FROM incidents WHERE type IN ({marks}) AND date_from <= ? "
            f"AND date_to >= ? AND date_from >= ? {near}"
            f"AND id NOT IN (SELECT incident_id FROM incident_reports WHERE article_id = ?) "
            f"ORDER BY date_from LIMIT {MAX_CANDIDATES}"),
            [*params[:len(types) + 2], earliest, *params[len(types) + 2:], ev["article_id"]])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def storable_params(params: tuple[Any, ...] | list[Any]) -> tuple[Any, ...]:
    """Parameters both databases take: text without NUL (PostgreSQL refuses it, in a value
    or a filter) or lone surrogates (not UTF-8), each replaced by U+FFFD."""
    return tuple(storable_text(p) if isinstance(p, str) else p for p in params)


def _chronicle_attr(name: str) -> Any:
    try:
        module = importlib.import_module("kroniek.chronicle")
    except ModuleNotFoundError:
        return None
    return getattr(module, name, None)


def _incident_matcher() -> Callable[[dict[str, Any], list[dict[str, Any]]], str | None] | None:
    """`kroniek.chronicle.find_incident` when it exists (engineer D's merge logic)."""
    fn = _chronicle_attr("find_incident")
    return fn if callable(fn) else None


def _type_family(event_type: str) -> list[str]:
    """The event types whose incidents may hold this event (from the chronicle if it says)."""
    family = _chronicle_attr("type_family")
    if callable(family):
        types = list(family(event_type))
        if types:
            return types
    return [event_type]
