"""The ingest service: Documents from the core library → stored Articles.

Each input ends as exactly one IngestItem: ingested, duplicate (linked to the first
copy), unchanged (this exact input was stored before) or rejected with a reason. Each
article is written in its own savepoint, so a failure never leaves half an article.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from nashra.extract.boilerplate import line_key
from nashra.extract.document import Document, Rejection
from nashra.extract.fingerprint import Fingerprint, fingerprint, similarity
from nashra.news.models import Article, ArticleBand, IngestItem, IngestRun, Source, SourceLine

log = logging.getLogger(__name__)

LEARN_MAX_CHARS = 200  # only short lines can be learned as a source's boilerplate
BATCH = 200


@dataclass
class Report:
    counts: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    near: int = 0
    exact: int = 0

    def as_json(self) -> dict[str, object]:
        return {
            "ingested": self.counts["ingested"],
            "duplicates": self.counts["duplicate"],
            "exact_duplicates": self.exact,
            "near_duplicates": self.near,
            "unchanged": self.counts["unchanged"],
            "rejected": self.counts["rejected"],
            "rejected_by_reason": dict(self.reasons.most_common()),
        }


def _reason_class(reason: str) -> str:
    # Group reasons for the summary: drop the variable tail ("… (after 3 items)", paths).
    return reason.split(":")[0].split(" (")[0][:80]


class Ingester:
    def __init__(self, *, source_name: str = "", targets: Iterable[str] = (), options: dict[str, object] | None = None) -> None:
        self.source_name = source_name
        self.run = IngestRun.objects.create(targets=list(targets), options=options or {})
        self.report = Report()
        self._sources: dict[str, Source] = {}
        self._lines: dict[int, Counter[str]] = {}
        self._dirty_lines: dict[int, set[str]] = {}
        self.threshold = settings.NASHRA_NEAR_DUPLICATE_THRESHOLD
        self.min_count = settings.NASHRA_BOILERPLATE_MIN_COUNT

    # --- public -------------------------------------------------------------------
    def ingest(self, items: Iterable[Document | Rejection], on_item: Callable[[str, str], None] | None = None) -> Report:
        batch: list[Document | Rejection] = []
        for item in items:
            batch.append(item)
            if len(batch) >= BATCH:
                self._flush(batch, on_item)
                batch = []
        if batch:
            self._flush(batch, on_item)
        self.run.finished_at = timezone.now()
        self.run.counts = self.report.as_json()
        self.run.save(update_fields=["finished_at", "counts"])
        return self.report

    # --- internals ----------------------------------------------------------------
    def _flush(self, batch: list[Document | Rejection], on_item: Callable[[str, str], None] | None) -> None:
        with transaction.atomic():
            records: list[IngestItem] = []
            for item in batch:
                outcome = self._one(item)
                records.append(outcome)
                self.report.counts[outcome.outcome] += 1
                if outcome.outcome == IngestItem.Outcome.REJECTED:
                    self.report.reasons[_reason_class(outcome.reason)] += 1
                if on_item:
                    on_item(outcome.outcome, outcome.origin)
            IngestItem.objects.bulk_create(records)
            self._save_lines()

    def _one(self, item: Document | Rejection) -> IngestItem:
        if isinstance(item, Rejection):
            return IngestItem(run=self.run, origin=item.origin, outcome=IngestItem.Outcome.REJECTED, reason=item.reason)
        try:
            with transaction.atomic():
                return self._store(item)
        except (DatabaseError, ValueError) as exc:
            log.exception("cannot store %s", item.origin)
            return IngestItem(
                run=self.run, origin=item.origin, outcome=IngestItem.Outcome.REJECTED,
                reason=f"cannot store: {exc.__class__.__name__}",
            )

    def _store(self, doc: Document) -> IngestItem:
        input_hash = hashlib.sha256(doc.original).hexdigest()
        existing = Article.objects.filter(input_hash=input_hash).values_list("id", flat=True).first()
        if existing is not None:
            return IngestItem(
                run=self.run, origin=doc.origin, outcome=IngestItem.Outcome.UNCHANGED, article_id=existing,
                reason="this exact input was ingested before",
            )
        source = self._source(doc)
        self._apply_learned_boilerplate(source, doc)
        fp = fingerprint(doc.body)
        # A title-only record (a teaser, a photo story) has no text to compare.
        dup_id, kind, sim = self._find_duplicate(fp) if doc.body else (None, "", None)
        article = Article.objects.create(
            source=source, url=doc.url[:2000], title=doc.title, subtitle=doc.subtitle,
            author=doc.author[:300], published_at=doc.published_at, language=doc.language[:8],
            body=doc.body, boilerplate=doc.boilerplate, original=doc.original,
            original_encoding=doc.encoding, origin=doc.origin, format=doc.format,
            needs_fetch=doc.needs_fetch, input_hash=input_hash, body_hash=fp.body_hash,
            minhash=fp.signature, duplicate_of_id=dup_id, duplicate_kind=kind, similarity=sim,
        )
        if doc.body:
            ArticleBand.objects.bulk_create([ArticleBand(article=article, key=k) for k in fp.bands])
        if dup_id is not None:
            if kind == Article.DuplicateKind.EXACT:
                self.report.exact += 1
            else:
                self.report.near += 1
            return IngestItem(
                run=self.run, origin=doc.origin, outcome=IngestItem.Outcome.DUPLICATE, article=article,
                duplicate_of_id=dup_id, reason=f"{kind} duplicate of article {dup_id}",
            )
        return IngestItem(run=self.run, origin=doc.origin, outcome=IngestItem.Outcome.INGESTED, article=article)

    def _find_duplicate(self, fp: Fingerprint) -> tuple[int | None, str, float | None]:
        exact = (
            Article.objects.filter(body_hash=fp.body_hash, duplicate_of__isnull=True)
            .order_by("id").values_list("id", flat=True).first()
        )
        if exact is not None:
            return exact, Article.DuplicateKind.EXACT, 1.0
        candidates = Counter(
            ArticleBand.objects.filter(key__in=fp.bands).values_list("article_id", flat=True)
        )
        if not candidates:
            return None, "", None
        best: tuple[float, int] | None = None
        ids = [i for i, _ in candidates.most_common(20)]
        for art_id, sig, dup_of in Article.objects.filter(id__in=ids).values_list("id", "minhash", "duplicate_of_id"):
            score = similarity(bytes(sig), fp.signature)
            if score >= self.threshold:
                first = dup_of or art_id  # link to the first copy, not to another copy
                if best is None or (score, -first) > (best[0], -best[1]):
                    best = (score, first)
        if best is None:
            return None, "", None
        return best[1], Article.DuplicateKind.NEAR, round(best[0], 3)

    def _source(self, doc: Document) -> Source:
        name = self.source_name or doc.source.strip() or (urlsplit(doc.url).hostname or "") or "local"
        name = name[:200]
        source = self._sources.get(name)
        if source is None:
            source, _ = Source.objects.get_or_create(name=name, defaults={"language": doc.language or "ar"})
            self._sources[name] = source
        return source

    # Learned boilerplate: short lines that recur across many documents of one source.
    def _counts(self, source: Source) -> Counter[str]:
        counts = self._lines.get(source.pk)
        if counts is None:
            counts = Counter(dict(SourceLine.objects.filter(source=source).values_list("key", "count")))
            self._lines[source.pk] = counts
            self._dirty_lines[source.pk] = set()
        return counts

    def _apply_learned_boilerplate(self, source: Source, doc: Document) -> None:
        counts = self._counts(source)
        keys = [line_key(line) if len(line) <= LEARN_MAX_CHARS else "" for line in doc.body]
        learned = [bool(k) and counts[k] >= self.min_count for k in keys]
        if any(learned) and not all(learned):
            doc.boilerplate = doc.boilerplate + [p for p, gone in zip(doc.body, learned, strict=True) if gone]
            doc.body = [p for p, gone in zip(doc.body, learned, strict=True) if not gone]
        seen = {k for k in keys if k} | {line_key(b) for b in doc.boilerplate if len(b) <= LEARN_MAX_CHARS}
        dirty = self._dirty_lines[source.pk]
        for key in seen:
            if key:
                counts[key[:300]] += 1
                dirty.add(key[:300])

    def _save_lines(self) -> None:
        for source_id, dirty in self._dirty_lines.items():
            if not dirty:
                continue
            counts = self._lines[source_id]
            SourceLine.objects.bulk_create(
                [SourceLine(source_id=source_id, key=k, count=counts[k]) for k in dirty],
                update_conflicts=True, unique_fields=["source", "key"], update_fields=["count"],
                batch_size=500,
            )
            dirty.clear()
