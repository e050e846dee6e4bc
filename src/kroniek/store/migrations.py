"""Named schema migrations, one list for both backends.

Each migration has a name (recorded in the `migrations` table once applied) and the
statements for SQLite and for PostgreSQL. The tables and columns are the same on both;
only full-text search differs (FTS5 tables on SQLite, `tsvector` columns with GIN indexes
on PostgreSQL). Migrations are applied in order, each in one transaction together with
its row in `migrations`. Never edit a released migration: add a new one.

Dates are ISO strings (`YYYY-MM-DD`) on both backends so that comparisons behave the same.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MIGRATIONS", "Migration"]


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]


def _both(*statements: str) -> tuple[str, ...]:
    return tuple(statements)


_ARTICLES = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT, title TEXT, outlet TEXT, lang TEXT,
    published TEXT, published_precision TEXT,
    source TEXT,
    text TEXT NOT NULL,
    doc_json TEXT NOT NULL,
    ingested_at TEXT NOT NULL
)"""

_ENTITIES = """
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text TEXT NOT NULL, label TEXT NOT NULL, canonical TEXT, confidence REAL,
    PRIMARY KEY (article_id, id)
)"""

_PLACES = """
CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text TEXT NOT NULL, entity TEXT, geonameid BIGINT, name TEXT,
    lat DOUBLE PRECISION, lon DOUBLE PRECISION,
    feature_code TEXT, country_code TEXT, admin1 TEXT, admin2 TEXT,
    precision TEXT, role TEXT, confidence REAL, note TEXT,
    PRIMARY KEY (article_id, id)
)"""

_TIMES = """
CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text TEXT NOT NULL, value_from TEXT, value_to TEXT, precision TEXT,
    PRIMARY KEY (article_id, id)
)"""

_QUOTES = """
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text TEXT NOT NULL, kind TEXT,
    speaker_name TEXT, speaker_entity TEXT, speaker_descriptor TEXT,
    confidence REAL, json TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
)"""

_CLAIMS = """
CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    source_name TEXT, source_type TEXT, source_side TEXT,
    factuality TEXT, confidence REAL, json TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
)"""

# `uid` is `<article id>:<event id>`, unique across the store. `source_types` and `sides`
# are comma-wrapped lists (",official,media,") so one LIKE finds a member.
_EVENTS = """
CREATE TABLE events (
    uid TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT NOT NULL, sub_type TEXT, plover TEXT,
    date_from TEXT, date_to TEXT, date_basis TEXT, time_precision INTEGER,
    place_id TEXT, place_name TEXT, country_code TEXT,
    lat DOUBLE PRECISION, lon DOUBLE PRECISION, place_precision TEXT, geo_precision INTEGER,
    actor1 TEXT, actor2 TEXT, side1 TEXT, side2 TEXT,
    sides TEXT NOT NULL, source_types TEXT NOT NULL,
    fatalities INTEGER, confidence REAL, modality TEXT,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
    sentence_start INTEGER, sentence_end INTEGER,
    incident_id TEXT,
    json TEXT NOT NULL
)"""

_INCIDENTS = """
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL, sub_type TEXT,
    date_from TEXT, date_to TEXT,
    lat DOUBLE PRECISION, lon DOUBLE PRECISION, place_name TEXT, country_code TEXT,
    actor1 TEXT, actor2 TEXT,
    n_reports INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
)"""

_INCIDENT_REPORTS = """
CREATE TABLE incident_reports (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    event_uid TEXT NOT NULL REFERENCES events(uid) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    PRIMARY KEY (incident_id, event_uid)
)"""

_INDEXES = (
    "CREATE INDEX events_date ON events (date_from, date_to)",
    "CREATE INDEX events_latlon ON events (lat, lon)",
    "CREATE INDEX events_type_date ON events (type, date_from)",
    "CREATE INDEX events_article ON events (article_id)",
    "CREATE INDEX events_incident ON events (incident_id)",
    "CREATE INDEX quotes_speaker ON quotes (speaker_name)",
    "CREATE INDEX places_geonameid ON places (geonameid)",
    "CREATE INDEX incidents_type_date ON incidents (type, date_from)",
    "CREATE INDEX incident_reports_event ON incident_reports (event_uid)",
    "CREATE INDEX articles_published ON articles (published)",
)

_TABLES = (
    _ARTICLES, _ENTITIES, _PLACES, _TIMES, _QUOTES, _CLAIMS, _EVENTS, _INCIDENTS,
    _INCIDENT_REPORTS,
)

_ARTICLE_VERSIONS = """
CREATE TABLE article_versions (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    relation TEXT NOT NULL,
    similarity REAL,
    n_shingles INTEGER NOT NULL,
    signature TEXT NOT NULL,
    added_at TEXT NOT NULL
)"""
_ARTICLE_VERSIONS_INDEX = "CREATE INDEX article_versions_story ON article_versions (story_id)"
_ARTICLE_URL_INDEXES = (
    "CREATE INDEX articles_url ON articles (url)",
    "CREATE INDEX articles_source ON articles (source)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        name="0001_initial",
        sqlite=_both(*_TABLES, *_INDEXES),
        postgres=_both(*_TABLES, *_INDEXES),
    ),
    Migration(
        name="0002_fulltext",
        sqlite=(
            # Standalone FTS5 tables filled by the store in the article's transaction.
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "article_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')",
            "CREATE VIRTUAL TABLE quotes_fts USING fts5("
            "article_id UNINDEXED, quote_id UNINDEXED, text, speaker,"
            " tokenize='unicode61 remove_diacritics 2')",
        ),
        postgres=(
            # 'simple' configuration: no stemming, the same for Dutch and English.
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED",
            "CREATE INDEX articles_tsv ON articles USING GIN (tsv)",
            "ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', text || ' ' || coalesce(speaker_name, ''))) STORED",
            "CREATE INDEX quotes_tsv ON quotes USING GIN (tsv)",
        ),
    ),
    # Near-duplicates (kroniek.dedup, engineer F): each stored article's MinHash signature
    # (base64 text) and the story it belongs to; copies and updates share the story_id.
    Migration(
        name="0003_article_versions",
        sqlite=_both(_ARTICLE_VERSIONS, _ARTICLE_VERSIONS_INDEX),
        postgres=_both(_ARTICLE_VERSIONS, _ARTICLE_VERSIONS_INDEX),
    ),
    # Spatial (and, on SQLite, temporal) index for the map's bounding-box queries.
    # SQLite: an R*Tree over (lat, lon, julian day range) keyed by the events' rowid, filled
    # by the store; undated events span all days (the exact date filter still applies).
    # PostgreSQL: a GiST index over the built-in point type.
    Migration(
        name="0004_event_space",
        sqlite=(
            "CREATE VIRTUAL TABLE events_rtree USING rtree(id, lat0, lat1, lon0, lon1, d0, d1)",
            "INSERT INTO events_rtree SELECT rowid, lat, lat, lon, lon, "
            "COALESCE(julianday(date_from), -1e6), COALESCE(julianday(date_to), 1e7) "
            "FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL",
        ),
        postgres=(
            "CREATE INDEX events_point ON events USING gist (point(lon, lat))",
        ),
    ),
    # Feed items already stored are skipped by URL or by the feed's link (`source`) before
    # they are fetched (kroniek.readers.feeds, engineer F): one lookup per item.
    Migration(
        name="0005_article_url",
        sqlite=_both(_ARTICLE_URL_INDEXES[0], _ARTICLE_URL_INDEXES[1]),
        postgres=_both(_ARTICLE_URL_INDEXES[0], _ARTICLE_URL_INDEXES[1]),
    ),
)
