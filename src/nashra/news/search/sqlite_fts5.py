"""The embedded search backend: SQLite FTS5 over pre-analysed text.

``news_search`` (created by migration 0002) is an FTS5 table whose rowid is the article
id and whose columns ``title``, ``subtitle``, ``body`` hold the analyzer's terms joined by
single spaces. Its tokenizer is ``unicode61`` with every category except separators and
controls as token characters, so it splits only at the spaces we put in: a term such as
``3.5`` or ``@handle`` stays one token, exactly as in the PostgreSQL backend. Stock FTS5
tokenizers know nothing of Arabic (REFERENCE §1); here they never have to.

``news_searchdoc`` keeps the filter fields (source, date, duplicate, author) in small
rows keyed by article id, so matching, filtering and faceting never read the wide
``news_article`` rows (whose big columns sit in overflow pages).
"""

from __future__ import annotations

from typing import Any

from nashra.news.search import FIELD_WEIGHTS, IndexRow, SearchBackend
from nashra.news.search.query import ParsedQuery, Unit

TABLE = "news_search"
META = "news_searchdoc"  # article id (rowid) and the filter fields, small rows
TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'"

_CHUNK = 500


def _phrase(unit: Unit) -> str:
    return '"' + " ".join(unit).replace('"', '""') + '"'


def _or(units: list[Unit]) -> str:
    if len(units) == 1:
        return _phrase(units[0])
    return "(" + " OR ".join(map(_phrase, units)) + ")"


def match_expression(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression for the positive part of ``parsed`` (and its exclusions)."""
    positive = " AND ".join(_or(g) for g in parsed.groups)
    if parsed.excluded:
        return f"({positive}) NOT {_or(parsed.excluded)}"
    return positive


class FTS5Backend(SearchBackend):
    name = "sqlite-fts5"
    contains_sql = "instr(m.author, %s) > 0"

    def _write(self, rows: list[IndexRow], *, replace: bool) -> None:
        adapt = self.connection.ops.adapt_datetimefield_value
        with self.connection.cursor() as cur:
            if replace:
                self._delete_with(cur, [r.id for r in rows])
            cur.executemany(
                f"INSERT INTO {TABLE}(rowid, title, subtitle, body) VALUES (%s, %s, %s, %s)",
                [(r.id, " ".join(r.title), " ".join(r.subtitle), " ".join(r.body)) for r in rows],
            )
            cur.executemany(
                f"INSERT INTO {META} (article_id, source_id, published_at, duplicate_of_id, author) "
                "VALUES (%s, %s, %s, %s, %s)",
                [
                    (r.id, r.source_id, adapt(r.published_at), r.duplicate_of_id, r.author)
                    for r in rows
                ],
            )

    def _delete_with(self, cur: Any, ids: list[int]) -> None:
        for i in range(0, len(ids), _CHUNK):
            part = ids[i : i + _CHUNK]
            marks = ", ".join(["%s"] * len(part))
            cur.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})", part)
            cur.execute(f"DELETE FROM {META} WHERE article_id IN ({marks})", part)

    def _delete(self, ids: list[int]) -> None:
        with self.connection.cursor() as cur:
            self._delete_with(cur, ids)

    def _clear(self) -> None:
        with self.connection.cursor() as cur:
            cur.execute(f"DELETE FROM {TABLE}")
            cur.execute(f"DELETE FROM {META}")

    def _finish_rebuild(self) -> None:
        with self.connection.cursor() as cur:
            cur.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")

    FACET_COLUMNS = "m.source_id AS source_id, substr(m.published_at, 1, 10) AS day"

    def _candidates(
        self, parsed: ParsedQuery, where: list[str], params: list[Any], columns: str, n: int
    ) -> tuple[str, list[Any]]:
        """The newest ``n`` candidates: matches in stored order, or recent articles."""
        conds = "".join(" AND " + c for c in where)
        if parsed.groups:
            return (
                f"SELECT {columns} FROM {TABLE} JOIN {META} m ON m.article_id = {TABLE}.rowid "
                f"WHERE {TABLE} MATCH %s{conds} ORDER BY {TABLE}.rowid DESC LIMIT %s",
                [match_expression(parsed), *params, n],
            )
        params = list(params)
        if parsed.excluded:
            conds += f" AND m.article_id NOT IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s)"
            params.append(_or(parsed.excluded))
        return (
            f"SELECT {columns} FROM {META} m WHERE 1{conds} "
            "ORDER BY m.published_at DESC, m.article_id DESC LIMIT %s",
            [*params, n],
        )

    def _ranked(
        self,
        parsed: ParsedQuery,
        where: list[str],
        params: list[Any],
        depth: int,
        prior: tuple[float, float],
        limit: int,
        offset: int,
    ) -> list[tuple[float, int]]:
        w = ", ".join(str(x) for x in FIELD_WEIGHTS)
        sub, args = self._candidates(
            parsed,
            where,
            params,
            f"m.article_id AS id, -bm25({TABLE}, {w}) AS rel, "
            "julianday('now') - julianday(m.published_at) AS age",
            depth,
        )
        sql = (
            "SELECT rel * (1.0 + coalesce(%s * %s / (%s + max(0.0, age)), 0.0)) AS score, id "
            f"FROM ({sub}) ORDER BY score DESC, id DESC LIMIT %s OFFSET %s"
        )
        weight, half_life = prior
        with self.connection.cursor() as cur:
            cur.execute(sql, [weight, half_life, half_life, *args, limit, offset])
            return cur.fetchall()

    def _recent(
        self, parsed: ParsedQuery, where: list[str], params: list[Any], n: int
    ) -> list[int]:
        sub, args = self._candidates(parsed, where, params, "m.article_id", n)
        with self.connection.cursor() as cur:
            cur.execute(sub, args)
            return [r[0] for r in cur.fetchall()]

    def size_bytes(self) -> int | None:
        with self.connection.cursor() as cur:
            try:
                cur.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE %s", ["news_search%"])
                row = cur.fetchone()
                return int(row[0]) if row and row[0] is not None else None
            except Exception:  # dbstat is an optional compile-time extension
                return None
