"""Full-text search over articles: one interface, two backends, one Arabic analyzer.

The index holds the analyzer's terms (``nashra.text.terms``: match form → stopwords →
stem), never raw text, in three fields weighted headline > subheadline > body. Queries go
through :func:`nashra.news.search.query.parse_query`, which runs the same analyzer, so a
spelling variant finds what the canonical spelling finds.

* :class:`~nashra.news.search.sqlite_fts5.FTS5Backend` — the embedded default: an FTS5
  table ``news_search`` (rowid = article id) over the space-joined terms, ranked by
  ``bm25`` with column weights.
* :class:`~nashra.news.search.postgres.PostgresBackend` — a table ``news_searchdoc``
  (article id, tsvector) built from the same terms with their positions and A/B/C
  weights, a GIN index, ranked by ``ts_rank_cd``.

Both keep the index in the caller's transaction on Django's connection, so an article is
searchable exactly when it is stored; both return the same result sets for a query.

Usage::

    from nashra.news.search import get_backend
    backend = get_backend()
    backend.index(articles)            # inside the ingest transaction
    result = backend.search('"الرئيس التركي" -دمشق', source="sabq", limit=10)
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

from nashra.news.models import Article, SearchIndexState
from nashra.news.search.query import ParsedQuery, clean_terms, parse_query
from nashra.news.search.snippets import snippet
from nashra.text import TERMS_VERSION, terms

__all__ = [
    "Hit",
    "SearchBackend",
    "SearchResult",
    "document_terms",
    "get_backend",
    "parse_query",
]

REBUILD_BATCH = 500
# Bounded work for very common words: counts and facets cover at most MAX_CANDIDATES
# newest matches, ranking the newest RANK_CANDIDATES (settings override both).
MAX_CANDIDATES = 5_000
RANK_CANDIDATES = 1_000
# Column weights, headline : subheadline : body (bm25 weights; ts_rank_cd A:B:C).
FIELD_WEIGHTS = (8.0, 3.0, 1.0)


class IndexRow(NamedTuple):
    """What the index keeps of an article: the filter fields and the analysed terms."""

    id: int
    source_id: int
    published_at: datetime | None
    duplicate_of_id: int | None
    author: str
    title: list[str]
    subtitle: list[str]
    body: list[str]


INDEX_FIELDS = (
    "id",
    "source_id",
    "published_at",
    "duplicate_of_id",
    "author",
    "title",
    "subtitle",
    "body",
)


@dataclass
class Hit:
    id: int
    title: str
    source: str
    published_at: datetime | None
    score: float
    snippet: str  # safe HTML: escaped display text, matches in <mark>

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "score": self.score,
            "snippet": self.snippet,
        }


@dataclass
class SearchResult:
    total: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # False when more articles matched than NASHRA_SEARCH_MAX_CANDIDATES: total is then a
    # lower bound, and facets cover the newest `total` matches.
    total_exact: bool = True

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "total_exact": self.total_exact,
            "hits": [h.as_json() for h in self.hits],
            "facets": self.facets,
        }


def document_terms(article: Article) -> tuple[list[str], list[str], list[str]]:
    """The analysed terms of an article's headline, subheadline and body, in order.

    Ingest hands over the body's terms from the analysis (``article.body_terms``, the same
    terms: paragraphs are analysed joined by blank lines, which no token crosses)."""
    body: list[str] | None = getattr(article, "body_terms", None)
    if body is None:
        body = []
        for para in article.body or []:
            if isinstance(para, str):
                body.extend(terms(para))
    return (
        clean_terms(terms(article.title or "")),
        clean_terms(terms(article.subtitle or "")),
        clean_terms(body),
    )


def index_row(article: Article) -> IndexRow:
    return IndexRow(
        article.pk,
        article.source_id,
        article.published_at,
        article.duplicate_of_id,
        article.author or "",
        *document_terms(article),
    )


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


class SearchBackend(ABC):
    """The search index of stored articles. Every method runs on Django's connection
    ``alias`` (the calling thread's), inside whatever transaction is open there."""

    name = "base"

    def __init__(self, alias: str = "default") -> None:
        self.alias = alias

    @property
    def connection(self) -> Any:
        return connections[self.alias]

    # --- writing ----------------------------------------------------------------
    def index(self, articles: Sequence[Article]) -> None:
        """Add or replace the index entries of ``articles`` (call inside their transaction).

        Call it again whenever an article's text, source, date, author or duplicate
        status changes: the index keeps its own copy of those filter fields."""
        latest = {a.pk: a for a in articles if a.pk is not None}  # one row per article
        rows = [index_row(a) for a in latest.values()]
        if rows:
            self._write(rows, replace=True)

    def remove(self, article_ids: Sequence[int]) -> None:
        ids = [int(i) for i in article_ids]
        if ids:
            self._delete(ids)

    def clear(self) -> None:
        """Empty the index (in the caller's transaction)."""
        self._clear()

    def rebuild(self, *, batch: int = REBUILD_BATCH, progress: Any = None) -> int:
        """Re-index every stored article, in batches (bounded memory), in one transaction:
        searches see the old index until the new one commits. Returns the count."""
        count = 0
        last = 0
        with transaction.atomic(using=self.alias):
            self._clear()
            while True:
                chunk = list(
                    Article.objects.using(self.alias)
                    .filter(id__gt=last)
                    .order_by("id")
                    .only(*INDEX_FIELDS)[:batch]
                )
                if not chunk:
                    break
                self._write([index_row(a) for a in chunk], replace=False)
                last = chunk[-1].pk
                count += len(chunk)
                if progress:
                    progress(count)
            self._finish_rebuild()
            self.record_terms_version()
        return count

    def terms_version(self) -> int:
        """The analyzer version of the terms in the index (1: from before it was kept)."""
        state = SearchIndexState.objects.using(self.alias).first()
        return state.terms_version if state is not None else 1

    def record_terms_version(self) -> None:
        """Note that the index holds this analyzer's terms (after a rebuild or emptied)."""
        updated = SearchIndexState.objects.using(self.alias).update(terms_version=TERMS_VERSION)
        if not updated:
            SearchIndexState.objects.using(self.alias).create(terms_version=TERMS_VERSION)

    # --- searching --------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        source: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        author: str | None = None,
        entity: str | Sequence[int] | None = None,  # a slug, or entity ids
        limit: int = 20,
        offset: int = 0,
        include_duplicates: bool = False,
        facets: bool = True,
    ) -> SearchResult:
        parsed = parse_query(query)
        cap = int(_setting("NASHRA_SEARCH_MAX_CANDIDATES", MAX_CANDIDATES))
        limit = max(0, int(limit))
        offset = max(0, int(offset))
        where, params = self._filters(source, since, until, author, include_duplicates, entity)
        # 1. How many match, by source and day (cheap: no ranking), up to `cap`.
        counts = self._counts(parsed, where, params, cap)
        total = sum(n for _, _, n in counts)
        result = SearchResult(total=total, total_exact=total < cap)
        if facets:
            result.facets = self._facets(counts)
        if not limit or offset >= total:
            return result
        # 2. The page: rank the newest `depth` matches (all of them unless the query is
        #    very common) by relevance × recency prior; an empty query is newest first.
        if parsed.groups:
            depth = max(
                offset + limit, int(_setting("NASHRA_SEARCH_RANK_CANDIDATES", RANK_CANDIDATES))
            )
            prior = (
                float(_setting("NASHRA_SEARCH_RECENCY_WEIGHT", 0.1)),
                float(_setting("NASHRA_SEARCH_RECENCY_HALF_LIFE_DAYS", 30.0)),
            )
            page = self._ranked(parsed, where, params, depth, prior, limit, offset)
        else:
            page = [
                (0.0, aid) for aid in self._recent(parsed, where, params, offset + limit)[offset:]
            ]
        result.hits = self._hits(page, parsed)
        return result

    def ids(
        self,
        query: str,
        *,
        source: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        author: str | None = None,
        include_duplicates: bool = False,
        cap: int | None = None,
        entity: str | Sequence[int] | None = None,
    ) -> list[int]:
        """Ids of every matching article (newest stored first, up to ``cap``; default
        NASHRA_SEARCH_MAX_CANDIDATES), without ranking, facets or snippets."""
        parsed = parse_query(query)
        cap = cap or int(_setting("NASHRA_SEARCH_MAX_CANDIDATES", MAX_CANDIDATES))
        where, params = self._filters(source, since, until, author, include_duplicates, entity)
        sql, args = self._candidates(parsed, where, params, "m.article_id", cap)
        with self.connection.cursor() as cur:
            cur.execute(sql, args)
            return [r[0] for r in cur.fetchall()]

    def _facets(self, counts: list[tuple[int, str | None, int]]) -> dict[str, dict[str, int]]:
        by_source: Counter[int] = Counter()
        by_day: Counter[str] = Counter()
        for src, day, n in counts:
            by_source[src] += n
            if day:
                by_day[day] += n
        from nashra.news.models import Source

        names = dict(
            Source.objects.using(self.alias)
            .filter(id__in=list(by_source))
            .values_list("id", "name")
        )
        return {
            "source": {
                names.get(s, str(s)): n
                for s, n in sorted(by_source.items(), key=lambda x: (-x[1], names.get(x[0], "")))
            },
            "day": dict(sorted(by_day.items(), reverse=True)),
        }

    def _hits(self, page: list[tuple[float, int]], parsed: ParsedQuery) -> list[Hit]:
        if not page:
            return []
        articles = {
            a.pk: a
            for a in Article.objects.using(self.alias)
            .filter(id__in=[r[1] for r in page])
            .select_related("source")
            .only("id", "title", "subtitle", "body", "published_at", "source__name")
        }
        wanted = parsed.positive_terms
        hits: list[Hit] = []
        for score, aid in page:
            a = articles.get(aid)
            if a is None:
                continue
            paragraphs = [p for p in (a.body or []) if isinstance(p, str)] or [
                a.subtitle or "",
                a.title or "",
            ]
            hits.append(
                Hit(
                    id=a.pk,
                    title=a.title,
                    source=a.source.name,
                    published_at=a.published_at,
                    score=round(score, 6),
                    snippet=snippet(paragraphs, wanted),
                )
            )
        return hits

    def _filters(
        self,
        source: str | None,
        since: datetime | None,
        until: datetime | None,
        author: str | None,
        include_duplicates: bool,
        entity: str | Sequence[int] | None = None,
    ) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if entity:
            # Articles that mention the entity or any entity an editor merged into it.
            if isinstance(entity, str):
                where.append(
                    "m.article_id IN (SELECT mn.article_id FROM news_mention mn JOIN news_entity e "
                    "ON e.id = mn.entity_id WHERE e.slug = %s OR e.merged_into_id IN "
                    "(SELECT id FROM news_entity WHERE slug = %s))"
                )
                params += [entity, entity]
            else:
                ids = [int(i) for i in entity]
                marks = ", ".join(["%s"] * len(ids))
                where.append(
                    f"m.article_id IN (SELECT mn.article_id FROM news_mention mn WHERE mn.entity_id IN ({marks}))"
                )
                params += ids
        if not include_duplicates:
            where.append("m.duplicate_of_id IS NULL")
        if source:
            where.append(
                "m.source_id IN (SELECT s.id FROM news_source s WHERE s.name = %s OR s.slug = %s)"
            )
            params += [source, source]
        ops = self.connection.ops
        if since is not None:
            where.append("m.published_at >= %s")
            params.append(ops.adapt_datetimefield_value(_aware(since)))
        if until is not None:
            where.append("m.published_at <= %s")
            params.append(ops.adapt_datetimefield_value(_aware(until)))
        if author:
            where.append(self.contains_sql)
            params.append(author)
        return where, params

    # --- per backend ------------------------------------------------------------
    contains_sql = "instr(m.author, %s) > 0"

    @abstractmethod
    def _write(self, rows: list[IndexRow], *, replace: bool) -> None: ...

    @abstractmethod
    def _delete(self, ids: list[int]) -> None: ...

    @abstractmethod
    def _clear(self) -> None: ...

    def _finish_rebuild(self) -> None:  # noqa: B027 (optional hook)
        pass

    @abstractmethod
    def _candidates(
        self, parsed: ParsedQuery, where: list[str], params: list[Any], columns: str, n: int
    ) -> tuple[str, list[Any]]:
        """SQL (and its parameters) selecting ``columns`` (over the index row alias ``m``)
        for the newest ``n`` candidates: matches in stored order when ``parsed`` has
        positive terms, else recent articles not matching ``parsed.excluded``."""

    # The candidate columns the facets count by: ``source_id`` and ``day`` (YYYY-MM-DD, UTC).
    FACET_COLUMNS = ""

    def _counts(
        self, parsed: ParsedQuery, where: list[str], params: list[Any], cap: int
    ) -> list[tuple[int, str | None, int]]:
        """(source id, day, count) over the newest ``cap`` articles that pass the filters and
        match ``parsed`` (or, with no positive terms, do not match ``parsed.excluded``)."""
        sub, args = self._candidates(parsed, where, params, self.FACET_COLUMNS, cap)
        with self.connection.cursor() as cur:
            cur.execute(
                f"SELECT source_id, day, count(*) FROM ({sub}) c GROUP BY source_id, day", args
            )
            return cur.fetchall()  # type: ignore[no-any-return]

    @abstractmethod
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
        """(score, article id) of one page of the newest ``depth`` matches, best first
        (ties: newest id first). score = relevance × (1 + weight · half_life / (half_life +
        age in days)), with ``prior = (weight, half_life)``."""

    @abstractmethod
    def _recent(
        self, parsed: ParsedQuery, where: list[str], params: list[Any], n: int
    ) -> list[int]:
        """Ids of the ``n`` newest published articles passing the filters and not matching
        ``parsed.excluded``."""

    def size_bytes(self) -> int | None:
        """Bytes on disk used by the index, where the backend can tell."""
        return None


def _aware(dt: datetime) -> datetime:
    return timezone.make_aware(dt) if timezone.is_naive(dt) else dt


def get_backend(alias: str = "default") -> SearchBackend:
    """The backend for the database behind ``alias``: FTS5 on SQLite, tsvector on PostgreSQL."""
    vendor = connections[alias].vendor
    if vendor == "postgresql":
        from nashra.news.search.postgres import PostgresBackend

        return PostgresBackend(alias)
    if vendor == "sqlite":
        from nashra.news.search.sqlite_fts5 import FTS5Backend

        return FTS5Backend(alias)
    raise NotImplementedError(f"no search backend for database vendor {vendor!r}")
