"""The server search backend: PostgreSQL tsvector built from our analyzer's terms.

``news_searchdoc`` (created by migration 0002) holds one row per article: the id, the
filter fields (source, date, duplicate, author) and a ``tsvector`` whose lexemes are exactly the analyzer's terms with their positions (headline
first, then subheadline, then body, one empty position between fields so a phrase never
spans two of them) and weights A (headline), B (subheadline), C (body). The vector and
the queries are written as ``tsvector``/``tsquery`` literals, the ``simple`` way: no
PostgreSQL parser, dictionary or stemmer touches the terms, so the lexemes are the same
as the FTS5 tokens. A GIN index serves ``@@``; ``ts_rank_cd`` ranks.

Limits PostgreSQL imposes (documented, affect only very long articles): positions above
16,383 are clamped to 16,383 and at most 256 positions are kept per lexeme.
"""

from __future__ import annotations

from typing import Any

from nashra.news.search import FIELD_WEIGHTS, IndexRow, SearchBackend
from nashra.news.search.query import ParsedQuery, Unit

TABLE = "news_searchdoc"

MAX_POS = 16383
MAX_POSITIONS = 256
_FIELDS = "ABC"
# ts_rank_cd weights are given as {D, C, B, A}; A:B:C in the same ratio as FTS5's bm25 weights.
_TOP = FIELD_WEIGHTS[0]
RANK_WEIGHTS = "{0.0, %g, %g, 1.0}" % (FIELD_WEIGHTS[2] / _TOP, FIELD_WEIGHTS[1] / _TOP)  # noqa: UP031


def _quote(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(fields: tuple[list[str], ...]) -> str:
    """A tsvector literal: ``'term':1A,7C …`` from the terms of each weighted field."""
    positions: dict[str, list[str]] = {}
    pos = 1
    for weight, field_terms in zip(_FIELDS, fields, strict=False):
        for term in field_terms:
            at = positions.setdefault(term, [])
            if len(at) < MAX_POSITIONS:
                at.append(f"{min(pos, MAX_POS)}{weight}")
            pos += 1
        pos += 1  # a gap: no phrase across fields (FTS5 columns behave the same)
    return " ".join(f"{_quote(t)}:{','.join(dict.fromkeys(p))}" for t, p in positions.items())


def _phrase(unit: Unit) -> str:
    return " <-> ".join(map(_quote, unit)) if len(unit) > 1 else _quote(unit[0])


def _or(units: list[Unit]) -> str:
    return "(" + " | ".join(f"({_phrase(u)})" for u in units) + ")"


def tsquery_literal(parsed: ParsedQuery) -> str:
    """The tsquery for the positive part of ``parsed`` and its exclusions."""
    positive = " & ".join(_or(g) for g in parsed.groups)
    if parsed.excluded:
        return f"({positive}) & !{_or(parsed.excluded)}"
    return positive


class PostgresBackend(SearchBackend):
    name = "postgresql"
    contains_sql = "strpos(m.author, %s) > 0"

    def _write(self, rows: list[IndexRow], *, replace: bool) -> None:
        with self.connection.cursor() as cur:
            if replace:
                cur.execute(
                    f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", [[r.id for r in rows]]
                )
            cur.executemany(
                f"INSERT INTO {TABLE} (article_id, source_id, published_at, duplicate_of_id, author, document) "
                "VALUES (%s, %s, %s, %s, %s, %s::tsvector)",
                [
                    (
                        r.id,
                        r.source_id,
                        r.published_at,
                        r.duplicate_of_id,
                        r.author,
                        tsvector_literal((r.title, r.subtitle, r.body)),
                    )
                    for r in rows
                ],
            )

    def _delete(self, ids: list[int]) -> None:
        with self.connection.cursor() as cur:
            cur.execute(f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", [ids])

    def _clear(self) -> None:
        with self.connection.cursor() as cur:
            cur.execute(f"DELETE FROM {TABLE}")

    FACET_COLUMNS = "m.source_id, to_char(m.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day"

    def _candidates(
        self, parsed: ParsedQuery, where: list[str], params: list[Any], columns: str, n: int
    ) -> tuple[str, list[Any]]:
        """The newest ``n`` candidates: matches in stored order, or recent articles."""
        conds = "".join(" AND " + c for c in where)
        if parsed.groups:
            return (
                f"SELECT {columns} FROM (SELECT %s::tsquery AS q) q, {TABLE} m "
                f"WHERE m.document @@ q.q{conds} ORDER BY m.article_id DESC LIMIT %s",
                [tsquery_literal(parsed), *params, n],
            )
        params = list(params)
        if parsed.excluded:
            conds += " AND NOT (m.document @@ %s::tsquery)"
            params.append(_or(parsed.excluded))
        return (
            f"SELECT {columns} FROM {TABLE} m WHERE true{conds} "
            "ORDER BY m.published_at DESC NULLS LAST, m.article_id DESC LIMIT %s",
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
        # Rank outside the LIMIT, so ts_rank_cd reads only the `depth` candidate vectors.
        sub, args = self._candidates(
            parsed, where, params, "m.article_id, m.document, q.q, m.published_at", depth
        )
        sql = (
            "SELECT s.score, s.article_id FROM (SELECT c.article_id, "
            "ts_rank_cd(%s::float4[], c.document, c.q, 1) * (1.0 + coalesce(%s * %s / (%s + "
            "GREATEST(0.0, EXTRACT(EPOCH FROM (now() - c.published_at)) / 86400.0)), 0.0)) AS score "
            f"FROM ({sub}) c) s ORDER BY s.score DESC, s.article_id DESC LIMIT %s OFFSET %s"
        )
        weight, half_life = prior
        with self.connection.cursor() as cur:
            cur.execute(sql, [RANK_WEIGHTS, weight, half_life, half_life, *args, limit, offset])
            return [(float(r[0]), r[1]) for r in cur.fetchall()]

    def _recent(
        self, parsed: ParsedQuery, where: list[str], params: list[Any], n: int
    ) -> list[int]:
        sub, args = self._candidates(parsed, where, params, "m.article_id", n)
        with self.connection.cursor() as cur:
            cur.execute(sub, args)
            return [r[0] for r in cur.fetchall()]

    def size_bytes(self) -> int | None:
        with self.connection.cursor() as cur:
            cur.execute("SELECT pg_total_relation_size(%s)", [TABLE])
            row = cur.fetchone()
            return int(row[0]) if row else None
