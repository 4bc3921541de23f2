"""The ingest service: Documents from the core library → stored Articles.

Each input ends as exactly one IngestItem: ingested, duplicate (linked to the first
copy), unchanged (this exact input was stored before) or rejected with a reason.

Documents are written in batches, each batch in one transaction with its search index
entries, so an article is stored whole — body, fingerprints, index — or not at all. If a
batch fails in the database, its documents are retried one by one, so one bad article
cannot take its neighbours down with it.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from nashra.extract.boilerplate import line_key
from nashra.extract.document import Document, Rejection
from nashra.extract.fingerprint import Fingerprint, fingerprint, similarity
from nashra.news.batching import CollectPerBatch, chunks, insert_rows, select_in
from nashra.news.models import Article, ArticleBand, IngestItem, IngestRun, Source, SourceLine

log = logging.getLogger(__name__)

LEARN_MAX_CHARS = 200  # only short lines can be learned as a source's boilerplate
MAX_LINE_KEYS = 50_000  # line counts kept in memory per source
BATCH = 400

Outcome = IngestItem.Outcome
Indexer = Callable[[Sequence[Article]], None]


@dataclass
class Report:
    counts: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    near: int = 0
    exact: int = 0

    def as_json(self) -> dict[str, object]:
        return {
            "ingested": self.counts[Outcome.INGESTED],
            "duplicates": self.counts[Outcome.DUPLICATE],
            "exact_duplicates": self.exact,
            "near_duplicates": self.near,
            "unchanged": self.counts[Outcome.UNCHANGED],
            "rejected": self.counts[Outcome.REJECTED],
            "rejected_by_reason": dict(self.reasons.most_common()),
        }


@dataclass
class _Pending:
    """One document of a batch on its way to the database."""

    doc: Document
    input_hash: str
    source: Source
    fp: Fingerprint
    dup_of: int | None = None  # article id of the first copy (already stored)
    dup_of_pending: int | None = None  # or the index of an earlier document of this batch
    kind: str = ""
    sim: float | None = None
    article: Article | None = None
    analysis: Any = None  # nashra.analyze.pipeline.Analysis when analysis is on


@dataclass
class _Prepared:
    """A batch after the work that needs no write: what remains is to store it."""

    records: list[IngestItem] = field(default_factory=list)  # rejections, already stored
    pending: list[tuple[int, _Pending]] = field(default_factory=list)
    repeats: list[tuple[str, int]] = field(default_factory=list)  # origin, index in pending

    def split(self) -> list[_Prepared]:
        """One batch per document, for retrying a batch the database refused."""
        parts = [_Prepared(records=[r]) for r in self.records]
        by_index: dict[int, _Prepared] = {}
        for _, p in self.pending:
            part = _Prepared(pending=[(0, p)])
            by_index[len(by_index)] = part
            parts.append(part)
        for origin, index in self.repeats:
            by_index[index].repeats.append((origin, 0))
        return parts


def _reason_class(reason: str) -> str:
    # Group reasons for the summary: drop the variable tail ("… (after 3 items)", names).
    return reason.split(":")[0].split(" (")[0][:80]


def default_indexer() -> Indexer | None:
    """The search backend's index function, when the search app is installed."""
    try:
        from nashra.news.search import get_backend
    except ImportError:
        return None
    return get_backend().index


class Ingester:
    def __init__(
        self,
        *,
        source_name: str = "",
        targets: Iterable[str] = (),
        options: dict[str, object] | None = None,
        indexer: Indexer | None = None,
        analyze: bool | None = None,
    ) -> None:
        self.source_name = source_name
        self.run = IngestRun.objects.create(targets=list(targets), options=options or {})
        self.report = Report()
        self.indexer = indexer if indexer is not None else default_indexer()
        if analyze is None:
            analyze = settings.NASHRA_ANALYZE_ON_INGEST
        self.analyzer: Callable[[list[Document]], list[Any]] | None = None
        if analyze:
            from nashra.analyze.pipeline import analyze_documents

            self.analyzer = analyze_documents
        self.threshold: float = settings.NASHRA_NEAR_DUPLICATE_THRESHOLD
        self.min_count: int = settings.NASHRA_BOILERPLATE_MIN_COUNT
        self._sources: dict[str, Source] = {}
        self._lines: dict[int, Counter[str]] = {}
        self._dirty_lines: dict[int, set[str]] = defaultdict(set)

    # --- public -------------------------------------------------------------------
    def ingest(
        self,
        items: Iterable[Document | Rejection],
        on_item: Callable[[str, str], None] | None = None,
    ) -> Report:
        batch: list[Document | Rejection] = []
        collector = CollectPerBatch()
        try:
            for item in items:
                batch.append(item)
                if len(batch) >= BATCH:
                    self._flush(batch, on_item)
                    batch = []
                    collector.batch_done()
            if batch:
                self._flush(batch, on_item)
        finally:
            collector.end()
        self.run.finished_at = timezone.now()
        self.run.counts = self.report.as_json()
        self.run.save(update_fields=["finished_at", "counts"])
        return self.report

    # --- batches --------------------------------------------------------------------
    def _flush(
        self, batch: list[Document | Rejection], on_item: Callable[[str, str], None] | None
    ) -> None:
        # CPU work and reads first, outside the transaction, so the write lock is short.
        prepared = self._prepare(batch)
        try:
            with transaction.atomic():
                records = self._write(prepared)
        except DatabaseError:
            log.exception("batch failed; retrying its documents one by one")
            self._lines.clear()  # counts may include the rolled-back batch
            self._dirty_lines.clear()
            records = []
            for one in prepared.split():
                try:
                    with transaction.atomic():
                        records.extend(self._write(one))
                except DatabaseError as exc:
                    origin = one.records[0].origin if one.records else one.pending[0][1].doc.origin
                    records.append(
                        self._rejected(origin, f"cannot store: {exc.__class__.__name__}")
                    )
                    self._lines.clear()
                    self._dirty_lines.clear()
        for record in records:
            self.report.counts[record.outcome] += 1
            if record.outcome == Outcome.REJECTED:
                self.report.reasons[_reason_class(record.reason)] += 1
            if on_item:
                on_item(record.outcome, record.origin)

    def _rejected(self, origin: str, reason: str) -> IngestItem:
        return IngestItem(run=self.run, origin=origin, outcome=Outcome.REJECTED, reason=reason)

    def _prepare(self, batch: Sequence[Document | Rejection]) -> _Prepared:
        """Sort a batch into rejections, inputs already stored, and documents to write."""
        prepared = _Prepared()
        docs: list[tuple[Document, str]] = []
        for item in batch:
            if isinstance(item, Rejection):
                prepared.records.append(self._rejected(item.origin, item.reason))
            else:
                docs.append((item, hashlib.sha256(item.original).hexdigest()))
        # Inputs stored before (or earlier in this batch) change nothing.
        known: dict[str, int] = {}
        for chunk in chunks([h for _, h in docs]):
            known.update(
                Article.objects.filter(input_hash__in=chunk).values_list("input_hash", "id")
            )
        first_in_batch: dict[str, int] = {}
        for doc, input_hash in docs:
            if input_hash in known:
                prepared.records.append(
                    IngestItem(
                        run=self.run,
                        origin=doc.origin,
                        outcome=Outcome.UNCHANGED,
                        article_id=known[input_hash],
                        reason="this exact input was ingested before",
                    )
                )
                continue
            if input_hash in first_in_batch:
                prepared.repeats.append((doc.origin, first_in_batch[input_hash]))
                continue
            first_in_batch[input_hash] = len(prepared.pending)
            source = self._source(doc)
            self._apply_learned_boilerplate(source, doc)
            pending = _Pending(doc, input_hash, source, fingerprint(doc.body))
            prepared.pending.append((len(prepared.pending), pending))
        if self.analyzer is not None and prepared.pending:
            waiting = [p for _, p in prepared.pending]
            for p, analysis in zip(waiting, self.analyzer([p.doc for p in waiting]), strict=True):
                p.analysis = analysis
        return prepared

    def _write(self, prepared: _Prepared) -> list[IngestItem]:
        pending = prepared.pending
        records: list[IngestItem] = list(prepared.records)
        self._find_duplicates([p for _, p in pending])

        # Originals first, so copies within the batch can point at their ids.
        originals = [p for _, p in pending if p.dup_of is None and p.dup_of_pending is None]
        copies = [p for _, p in pending if p.dup_of is not None or p.dup_of_pending is not None]
        self._create(originals)
        for p in copies:
            if p.dup_of_pending is not None:
                target = pending[p.dup_of_pending][1]
                p.dup_of = target.dup_of or (target.article.pk if target.article else None)
        self._create(copies)

        for _, p in pending:
            assert p.article is not None
            if p.dup_of is None:
                records.append(
                    IngestItem(
                        run=self.run,
                        origin=p.doc.origin,
                        outcome=Outcome.INGESTED,
                        article=p.article,
                    )
                )
                continue
            if p.kind == Article.DuplicateKind.EXACT:
                self.report.exact += 1
            else:
                self.report.near += 1
            records.append(
                IngestItem(
                    run=self.run,
                    origin=p.doc.origin,
                    outcome=Outcome.DUPLICATE,
                    article=p.article,
                    duplicate_of_id=p.dup_of,
                    reason=f"{p.kind} duplicate of article {p.dup_of}",
                )
            )
        for origin, index in prepared.repeats:
            records.append(
                IngestItem(
                    run=self.run,
                    origin=origin,
                    outcome=Outcome.UNCHANGED,
                    article=pending[index][1].article,
                    reason="the same input appears earlier in this run",
                )
            )
        self._understand([p for _, p in pending])
        insert_rows(
            IngestItem._meta.db_table,
            ("run_id", "origin", "outcome", "reason", "article_id", "duplicate_of_id"),
            [
                (r.run_id, r.origin, r.outcome, r.reason, r.article_id, r.duplicate_of_id)
                for r in records
            ],
        )
        self._save_lines()
        return records

    def _understand(self, items: list[_Pending]) -> None:
        """Store entities, quotes and analyses, then place the articles in stories."""
        if self.analyzer is None or not items:
            return
        from nashra.news.stories import assign_stories
        from nashra.news.understand import Analysed, store_analyses

        store_analyses([Analysed(p.article, p.analysis) for p in items if p.article and p.analysis])
        assign_stories([p.article for p in items if p.article])

    def _create(self, items: list[_Pending]) -> None:
        if not items:
            return
        articles = [
            Article(
                source=p.source,
                url=p.doc.url[:2000],
                title=p.doc.title,
                subtitle=p.doc.subtitle,
                author=p.doc.author[:300],
                published_at=p.doc.published_at,
                language=p.doc.language[:8],
                body=p.doc.body,
                boilerplate=p.doc.boilerplate,
                original=p.doc.original,
                original_encoding=p.doc.encoding,
                origin=p.doc.origin,
                format=p.doc.format,
                needs_fetch=p.doc.needs_fetch,
                input_hash=p.input_hash,
                body_hash=p.fp.body_hash,
                minhash=p.fp.signature,
                duplicate_of_id=p.dup_of,
                duplicate_kind=p.kind,
                similarity=p.sim,
            )
            for p in items
        ]
        Article.objects.bulk_create(articles)
        bands: list[tuple[int, int]] = []
        for p, article in zip(items, articles, strict=True):
            p.article = article
            if p.analysis is not None and p.doc.body:
                article.body_terms = p.analysis.terms  # the indexer's body terms, computed once
            if p.doc.body:
                bands.extend((article.pk, k) for k in p.fp.bands)
        # 25 rows an article: plain executemany, not 25 model instances (a third of the time).
        insert_rows(ArticleBand._meta.db_table, ("article_id", "key"), bands)
        if self.indexer is not None:
            self.indexer(articles)

    # --- duplicates -------------------------------------------------------------------
    def _find_duplicates(self, pending: list[_Pending]) -> None:
        """Mark each pending document that repeats a stored article or an earlier one."""
        with_text = [p for p in pending if p.doc.body]  # title-only teasers have nothing to compare
        if not with_text:
            return
        exact_stored: dict[str, int] = {}
        articles = Article._meta.db_table
        # No "originals only" condition in SQL: with it SQLite walks the index of
        # duplicate_of (every original) instead of the body_hash index.
        hashes = sorted({p.fp.body_hash for p in with_text})
        for body_hash, art_id, dup_of in select_in(
            articles, ("body_hash", "id", "duplicate_of_id"), "body_hash", hashes
        ):
            first = dup_of or art_id  # a copy points at the first copy
            exact_stored[body_hash] = min(first, exact_stored.get(body_hash, first))
        band_stored: dict[int, list[int]] = defaultdict(list)
        keys = sorted({k for p in with_text for k in p.fp.bands})
        for key, art_id in select_in(
            ArticleBand._meta.db_table, ("key", "article_id"), "key", keys
        ):
            band_stored[key].append(art_id)
        wanted: set[int] = set()
        for p in with_text:
            counts = Counter(a for k in p.fp.bands for a in band_stored.get(k, ()))
            wanted.update(a for a, _ in counts.most_common(20))
        signatures: dict[int, tuple[bytes, int | None]] = {}
        for art_id, sig, dup_of in select_in(
            articles, ("id", "minhash", "duplicate_of_id"), "id", sorted(wanted)
        ):
            signatures[art_id] = (bytes(sig), dup_of)

        first_hash: dict[str, int] = {}
        batch_bands: dict[int, list[int]] = defaultdict(list)
        index_of = {id(p): i for i, p in enumerate(pending)}
        for p in with_text:
            me = index_of[id(p)]
            if p.fp.body_hash in exact_stored:
                p.dup_of, p.kind, p.sim = (
                    exact_stored[p.fp.body_hash],
                    Article.DuplicateKind.EXACT,
                    1.0,
                )
            elif p.fp.body_hash in first_hash:
                p.dup_of_pending, p.kind, p.sim = (
                    first_hash[p.fp.body_hash],
                    Article.DuplicateKind.EXACT,
                    1.0,
                )
            else:
                self._near(p, band_stored, signatures, batch_bands, pending)
            if p.dup_of is None and p.dup_of_pending is None:
                first_hash.setdefault(p.fp.body_hash, me)
                for k in p.fp.bands:
                    batch_bands[k].append(me)

    def _near(
        self,
        p: _Pending,
        band_stored: dict[int, list[int]],
        signatures: dict[int, tuple[bytes, int | None]],
        batch_bands: dict[int, list[int]],
        pending: list[_Pending],
    ) -> None:
        best: tuple[float, int, bool] | None = None  # score, target, target is in this batch
        stored = {a for k in p.fp.bands for a in band_stored.get(k, ())}
        for art_id in stored:
            if art_id not in signatures:
                continue
            sig, dup_of = signatures[art_id]
            score = similarity(sig, p.fp.signature)
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, dup_of or art_id, False)  # link to the first copy, not a copy
        for j in {j for k in p.fp.bands for j in batch_bands.get(k, ())}:
            score = similarity(pending[j].fp.signature, p.fp.signature)
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, j, True)
        if best is None:
            return
        p.kind, p.sim = Article.DuplicateKind.NEAR, round(best[0], 3)
        if best[2]:
            p.dup_of_pending = best[1]
        else:
            p.dup_of = best[1]

    # --- sources and their learned boilerplate -------------------------------------------
    def _source(self, doc: Document) -> Source:
        name = (
            self.source_name or doc.source.strip() or (urlsplit(doc.url).hostname or "") or "local"
        )
        name = name[:200]
        source = self._sources.get(name)
        if source is None:
            source, _ = Source.objects.get_or_create(
                name=name, defaults={"language": doc.language or "ar"}
            )
            self._sources[name] = source
        return source

    def _counts(self, source: Source) -> Counter[str]:
        counts = self._lines.get(source.pk)
        if counts is None:
            counts = Counter(
                dict(SourceLine.objects.filter(source=source).values_list("key", "count"))
            )
            self._lines[source.pk] = counts
        return counts

    def _apply_learned_boilerplate(self, source: Source, doc: Document) -> None:
        """Move lines this source repeats in many documents out of the body; count lines."""
        counts = self._counts(source)
        keys = [line_key(line)[:300] if len(line) <= LEARN_MAX_CHARS else "" for line in doc.body]
        learned = [bool(k) and counts[k] >= self.min_count for k in keys]
        if any(learned) and not all(learned):
            doc.boilerplate = doc.boilerplate + [
                p for p, gone in zip(doc.body, learned, strict=True) if gone
            ]
            doc.body = [p for p, gone in zip(doc.body, learned, strict=True) if not gone]
        seen = {k for k in keys if k}
        seen.update(line_key(b)[:300] for b in doc.boilerplate if len(b) <= LEARN_MAX_CHARS)
        dirty = self._dirty_lines[source.pk]
        for key in seen:
            counts[key] += 1
            dirty.add(key)
        if len(counts) > MAX_LINE_KEYS:
            # Bounded memory whatever the corpus: lines seen once are already stored (or
            # about to be); one that comes back starts counting again (one sighting forgotten).
            for key in [k for k, n in counts.items() if n == 1 and k not in dirty]:
                del counts[key]

    def _save_lines(self) -> None:
        for source_id, dirty in self._dirty_lines.items():
            if not dirty:
                continue
            counts = self._lines[source_id]
            SourceLine.objects.bulk_create(
                [SourceLine(source_id=source_id, key=k, count=counts[k]) for k in dirty],
                update_conflicts=True,
                unique_fields=["source", "key"],
                update_fields=["count"],
                batch_size=500,
            )
            dirty.clear()
