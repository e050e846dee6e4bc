"""Reading the store's other records: articles, quotes, claims, places and incidents.

Each kind has a `list_*` (a page, newest first) and a `count_*` (how many match, for the
totals the CLI and the API report) over the same filters. Filters become `WHERE` clauses
with `?` parameters, as in `kroniek.store.queries`, which mixes this class in.

Name filters come in two forms: a substring (`speaker="zelen"`) or exact names picked by
`kroniek.filters.match_names` (`speakers=("Volodymyr Zelensky",)`; `()` matches nothing).
Dates (`date_from`, `date_to`: `YYYY-MM-DD`, both included) filter quotes and claims by the
day their article was published.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["ARTICLE_COLUMNS", "RecordQueries", "in_list", "like_pattern"]

ARTICLE_COLUMNS = (
    "a.id, a.content_hash, a.url, a.title, a.outlet, a.lang, a.published, "
    "a.published_precision, a.source, a.ingested_at"
)
_QUOTE_COLUMNS = (
    "qu.article_id, qu.id, qu.start_char AS start, qu.end_char AS \"end\", qu.kind, "
    "qu.speaker_name AS speaker, qu.speaker_descriptor, qu.text, qu.confidence, "
    "a.title, a.published, a.outlet, a.url"
)
_CLAIM_COLUMNS = (
    "c.article_id, c.id, c.start_char AS start, c.end_char AS \"end\", "
    "substr(a.text, c.start_char + 1, c.end_char - c.start_char) AS text, "
    "c.source_name AS source, c.source_type, c.source_side AS side, c.factuality, "
    "c.confidence, c.json, a.title, a.published, a.outlet, a.url"
)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its wildcards escaped (ESCAPE '\\')."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def published_between(date_from: str | None, date_to: str | None, where: list[str],
                      params: list[Any]) -> None:
    """Adds the article-published-day bounds (inclusive `YYYY-MM-DD`) to `where`."""
    for op, day in ((">=", date_from), ("<=", date_to)):
        if day:
            where.append(f"substr(a.published, 1, 10) {op} ?")
            params.append(day)


def in_list(col: str, values: tuple[Any, ...], params: list[Any]) -> str:
    """`col IN (?, ...)` for `values` (added to `params`); no values match nothing."""
    if not values:
        return "1 = 0"
    params += list(values)
    return f"{col} IN ({', '.join('?' * len(values))})"


class RecordQueries:
    """Mixed into `ReadQueries`; relies on its `_rows` and full-text hooks."""

    def _rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _fts_articles(self) -> str:
        raise NotImplementedError

    def _fts_param(self, text: str) -> str | None:
        return text

    def _fts_quotes_where(self) -> str:
        raise NotImplementedError

    def _count(self, from_where: str, params: list[Any]) -> int:
        return int(self._rows(f"SELECT COUNT(*) AS n {from_where}", params)[0]["n"])

    # -- articles -----------------------------------------------------------------------

    def _article_where(self, *, q: str | None = None, outlet: str | None = None,
                       lang: str | None = None) -> tuple[str, list[Any]] | None:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if q:
            fts = self._fts_param(q)
            if fts is None:
                return None
            where.append(f"a.id IN ({self._fts_articles()})")
            params.append(fts)
        if outlet:
            where.append("a.outlet = ?")
            params.append(outlet)
        if lang:
            where.append("a.lang = ?")
            params.append(lang)
        return f"FROM articles a WHERE {' AND '.join(where)}", params

    def list_articles(self, *, limit: int = 50, offset: int = 0, q: str | None = None,
                      outlet: str | None = None, lang: str | None = None) -> list[dict[str, Any]]:
        """Articles (without their text), newest first, with how many events each holds."""
        found = self._article_where(q=q, outlet=outlet, lang=lang)
        if found is None:
            return []
        from_where, params = found
        sql = (f"SELECT {ARTICLE_COLUMNS}, (SELECT COUNT(*) FROM events e "
               f"WHERE e.article_id = a.id) AS n_events {from_where} "
               "ORDER BY a.published DESC, a.ingested_at DESC, a.id LIMIT ? OFFSET ?")
        return self._rows(sql, [*params, limit, offset])

    def count_articles(self, *, q: str | None = None, outlet: str | None = None,
                       lang: str | None = None, **_: Any) -> int:
        found = self._article_where(q=q, outlet=outlet, lang=lang)
        return 0 if found is None else self._count(*found)

    # -- quotes -------------------------------------------------------------------------

    def _quote_where(self, *, speaker: str | None = None,
                     speakers: tuple[str, ...] | None = None, q: str | None = None,
                     article_id: str | None = None, kind: str | None = None,
                     date_from: str | None = None,
                     date_to: str | None = None) -> tuple[str, list[Any]] | None:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if kind:
            where.append("qu.kind = ?")
            params.append(kind)
        published_between(date_from, date_to, where, params)
        if speaker:
            where.append("lower(qu.speaker_name) LIKE ? ESCAPE '\\'")
            params.append(like_pattern(speaker))
        if speakers is not None:
            where.append(in_list("qu.speaker_name", speakers, params))
        if q:
            fts = self._fts_param(q)
            if fts is None:
                return None
            where.append(self._fts_quotes_where())
            params.append(fts)
        if article_id:
            where.append("qu.article_id = ?")
            params.append(article_id)
        return ("FROM quotes qu JOIN articles a ON a.id = qu.article_id "
                f"WHERE {' AND '.join(where)}"), params

    def list_quotes(self, *, limit: int = 50, offset: int = 0,
                    **filters: Any) -> list[dict[str, Any]]:
        """Quotes with their speakers and articles, newest article first. Filters:
        `speaker` (substring), `speakers` (exact names), `q` (words of the quote),
        `article_id`, `kind` (direct, indirect, mixed), `date_from`, `date_to`."""
        found = self._quote_where(**filters)
        if found is None:
            return []
        from_where, params = found
        sql = (f"SELECT {_QUOTE_COLUMNS} {from_where} "
               "ORDER BY a.published DESC, qu.article_id, qu.start_char LIMIT ? OFFSET ?")
        return self._rows(sql, [*params, limit, offset])

    def count_quotes(self, **filters: Any) -> int:
        filters.pop("limit", None)
        filters.pop("offset", None)
        found = self._quote_where(**filters)
        return 0 if found is None else self._count(*found)

    # -- claims -------------------------------------------------------------------------

    def _claim_where(self, *, sources: tuple[str, ...] | None = None,
                     source_type: str | None = None, side: str | None = None,
                     factuality: str | None = None, article_id: str | None = None,
                     q: str | None = None, date_from: str | None = None,
                     date_to: str | None = None,
                     event_uid: str | None = None) -> tuple[str, list[Any]] | None:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        published_between(date_from, date_to, where, params)
        if event_uid:  # `<article id>:<event id>`; the claim's JSON lists its events' ids
            article, _, event = event_uid.rpartition(":")
            where.append("c.article_id = ? AND c.json LIKE ? ESCAPE '\\'")
            params += [article, '%"events":[%' + like_pattern(json.dumps(event))[1:]]
        if sources is not None:
            where.append(in_list("c.source_name", sources, params))
        for col, value in (("c.source_type", source_type), ("c.source_side", side),
                           ("c.factuality", factuality), ("c.article_id", article_id)):
            if value:
                where.append(f"{col} = ?")
                params.append(value)
        if q:
            fts = self._fts_param(q)
            if fts is None:
                return None
            where.append(f"c.article_id IN ({self._fts_articles()})")
            params.append(fts)
        return ("FROM claims c JOIN articles a ON a.id = c.article_id "
                f"WHERE {' AND '.join(where)}"), params

    def list_claims(self, *, limit: int = 50, offset: int = 0,
                    **filters: Any) -> list[dict[str, Any]]:
        """Claims with their source, its type and side, factuality and the events they
        report (event uids), newest article first. Filters: `sources` (exact names),
        `source_type`, `side`, `factuality`, `article_id`, `q` (words in the article),
        `date_from`, `date_to`, `event_uid` (claims about that event)."""
        found = self._claim_where(**filters)
        if found is None:
            return []
        from_where, params = found
        sql = (f"SELECT {_CLAIM_COLUMNS} {from_where} "
               "ORDER BY a.published DESC, c.article_id, c.start_char LIMIT ? OFFSET ?")
        rows = self._rows(sql, [*params, limit, offset])
        for r in rows:
            data = json.loads(r.pop("json"))
            evidence = data.get("evidence") or {}
            cue = data.get("cue") or {}
            r["cue"] = cue.get("text")
            r["evidence_kind"] = evidence.get("kind")
            r["quote"] = data.get("quote")
            r["events"] = [f"{r['article_id']}:{e}" for e in data.get("events") or []]
        return rows

    def count_claims(self, **filters: Any) -> int:
        filters.pop("limit", None)
        filters.pop("offset", None)
        found = self._claim_where(**filters)
        return 0 if found is None else self._count(*found)

    # -- places -------------------------------------------------------------------------

    def _place_where(self, *, name: str | None = None, country: str | None = None,
                     article_id: str | None = None) -> tuple[str, list[Any]]:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if name:
            where.append("(lower(p.name) LIKE ? ESCAPE '\\' OR lower(p.text) LIKE ? ESCAPE '\\')")
            params += [like_pattern(name)] * 2
        if country:
            where.append("p.country_code = ?")
            params.append(country.upper())
        if article_id:
            where.append("p.article_id = ?")
            params.append(article_id)
        return f"FROM places p WHERE {' AND '.join(where)}", params

    def list_places(self, *, name: str | None = None, country: str | None = None,
                    article_id: str | None = None, limit: int = 50,
                    offset: int = 0) -> list[dict[str, Any]]:
        """Resolved places with how often (and in how many articles) they are mentioned."""
        from_where, params = self._place_where(name=name, country=country,
                                               article_id=article_id)
        sql = ("SELECT p.geonameid, COALESCE(p.name, MIN(p.text)) AS name, p.country_code, "
               "p.lat, p.lon, p.precision, p.role, COUNT(*) AS mentions, "
               f"COUNT(DISTINCT p.article_id) AS articles {from_where} "
               "GROUP BY p.geonameid, p.name, p.country_code, p.lat, p.lon, p.precision, p.role "
               "ORDER BY mentions DESC, name LIMIT ? OFFSET ?")
        return self._rows(sql, [*params, limit, offset])

    def count_places(self, *, name: str | None = None, country: str | None = None,
                     article_id: str | None = None, **_: Any) -> int:
        from_where, params = self._place_where(name=name, country=country,
                                               article_id=article_id)
        return self._count(
            "FROM (SELECT 1 AS one " + from_where + " GROUP BY p.geonameid, p.name, "
            "p.country_code, p.lat, p.lon, p.precision, p.role) g", params)

    # -- incidents ----------------------------------------------------------------------

    def _incident_where(self, *, type: str | None = None, date_from: str | None = None,
                        date_to: str | None = None, country: str | None = None,
                        actors: tuple[str, ...] | None = None,
                        event_where: tuple[str, list[Any]] | None = None,
                        ) -> tuple[str, list[Any]]:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if type:
            where.append("(i.type = ? OR i.sub_type = ?)")
            params += [type, type]
        if date_from:
            where.append("i.date_to >= ?")
            params.append(date_from)
        if date_to:
            where.append("i.date_from <= ?")
            params.append(date_to)
        if country:
            where.append("i.country_code = ?")
            params.append(country.upper())
        if actors is not None:
            if actors:
                marks = ", ".join("?" * len(actors))
                where.append(f"(i.actor1 IN ({marks}) OR i.actor2 IN ({marks}))")
                params += [*actors, *actors]
            else:
                where.append("1 = 0")
        if event_where is not None:  # incidents with a report matching these conditions
            where.append(f"i.id IN (SELECT e.incident_id FROM events e WHERE {event_where[0]})")
            params += event_where[1]
        return f"FROM incidents i WHERE {' AND '.join(where)}", params

    def list_incidents(self, *, limit: int = 50, offset: int = 0,
                       **filters: Any) -> list[dict[str, Any]]:
        """The chronicle's incidents (merged across articles), newest first. Filters:
        `type`, `date_from`, `date_to`, `country`, `actors` and `event_where` (SQL
        conditions on `events e` written by `ReadQueries`, never by a caller's input)."""
        from_where, params = self._incident_where(**filters)
        return self._rows(f"SELECT i.* {from_where} ORDER BY i.date_from DESC, i.id "
                          "LIMIT ? OFFSET ?", [*params, limit, offset])

    def count_incidents(self, **filters: Any) -> int:
        filters.pop("limit", None)
        filters.pop("offset", None)
        return self._count(*self._incident_where(**filters))
