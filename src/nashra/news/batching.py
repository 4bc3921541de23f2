"""Batch helpers: id lists split for ``IN (...)`` lookups, plain-SQL reads and inserts,
and garbage collection once a batch."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from django.db import connection

T = TypeVar("T")

IN_CHUNK = 900  # stay under SQLite's bound-parameter limit in IN (...) lookups


def chunks(values: Sequence[T], size: int = IN_CHUNK) -> Iterator[Sequence[T]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


_FORMAT_MARK = re.compile(r"(?<!%)%s")


@lru_cache(maxsize=1024)
def _native(sql: str, vendor: str) -> str:
    """``sql`` in the driver's own placeholders: SQLite's ``?`` for ``%s`` (as Django's
    wrapper rewrites it, once per query text here instead of once per execution)."""
    if vendor == "sqlite":
        return _FORMAT_MARK.sub("?", sql).replace("%%", "%")
    return sql


def run_sql(sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
    """Run one statement (``%s`` placeholders) on the driver's own cursor, in the
    current connection and transaction; its rows, if it returns any. For the ingest's
    many small queries: Django's cursor wrapper cost about 40 µs a query on SQLite
    (placeholders rewritten by regex, error wrapping), more than most of these queries."""
    raw = connection.connection
    if raw is None:
        connection.ensure_connection()
        raw = connection.connection
    cursor = raw.cursor()
    try:
        cursor.execute(_native(sql, connection.vendor), params)
        return cursor.fetchall() if cursor.description else []
    finally:
        cursor.close()


def select_in(
    table: str,
    columns: Sequence[str],
    key: str,
    values: Sequence[object],
    *,
    where: str = "",
    params: Sequence[object] = (),
) -> Iterator[tuple[Any, ...]]:
    """Rows of ``SELECT columns FROM table WHERE [where AND] key IN values``, chunked, in
    plain SQL.

    For the ingest's hot lookups (thousands of keys a batch), where building the ORM's
    ``__in`` lookup costs more than the query itself."""
    qn = connection.ops.quote_name
    head = f"SELECT {', '.join(map(qn, columns))} FROM {qn(table)} WHERE "
    if where:
        head += f"{where} AND "
    head += f"{qn(key)} IN "
    for chunk in chunks(values):
        marks = "(" + ", ".join(["%s"] * len(chunk)) + ")"
        yield from run_sql(head + marks, [*params, *chunk])


def insert_rows(
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    skip_conflicts: bool = False,
    casts: dict[str, str] | None = None,
) -> None:
    """``INSERT`` many rows with one executemany: no model instances, for rows nothing
    reads back (band keys, ingest log lines), where the ORM's per-row work dominates.
    ``skip_conflicts``: rows that break a unique constraint are left out. ``casts``:
    column → PostgreSQL type its text value is cast to (JSON given as text)."""
    if not rows:
        return
    qn = connection.ops.quote_name
    cast = casts if casts and connection.vendor == "postgresql" else {}
    marks = ", ".join(f"CAST(%s AS {cast[c]})" if c in cast else "%s" for c in columns)
    sql = f"INSERT INTO {qn(table)} ({', '.join(map(qn, columns))}) VALUES ({marks})"
    if skip_conflicts:
        sql += " ON CONFLICT DO NOTHING"  # SQLite ≥ 3.24 and PostgreSQL alike
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


class CollectPerBatch:
    """Garbage collection for a long batch job (an ingest, a reanalysis): the automatic
    collector's full passes walk the growing heap while the first batch loads the
    analysis models, and every entry of every word and model cache after that (10-13 %
    of the CPU time of a 6,000-article ingest; docs/analyze.md). So the collector is off
    during a job and runs once after each batch instead, freeing that batch's cycles;
    after the first, the models and caches, which live as long as the process, are
    frozen out of its sight (gc.freeze).
    Everything is put back as it was at the end (call ``end`` in a ``finally``): a process
    that kept nothing frozen keeps nothing frozen, one that did has what lives on frozen."""

    def __init__(self) -> None:
        self.was_enabled = gc.isenabled()
        # a web worker freezes its start-up objects (site/wsgi.py): it wants long-lived
        # objects frozen, and unfreezing is all or nothing
        self.was_frozen = gc.get_freeze_count() > 0
        self.frozen = False
        self.batches = 0
        gc.disable()

    # After the first batch a full pass would walk everything that outlived earlier
    # batches (cache entries, stored rows' objects); a batch's cycles are among the young
    # objects, so those are collected each batch (30-50 ms against 55-90 ms for a full
    # pass on 400 articles) and everything every FULL_EVERY batches.
    FULL_EVERY = 8

    def batch_done(self) -> None:
        self.batches += 1
        if self.frozen and self.batches % self.FULL_EVERY:
            gc.collect(1)
            return
        gc.collect()
        if not self.frozen:
            gc.freeze()
            self.frozen = True

    def end(self) -> None:
        if self.frozen:
            gc.unfreeze()
            if self.was_frozen:  # what lives on is frozen again, the job's garbage freed
                gc.collect()
                gc.freeze()
        if self.was_enabled:
            gc.enable()
