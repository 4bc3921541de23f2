"""Polling one source's feed: conditional GET, parse, full-article fetch for summary-only
items, ingest through the same pipeline as ``nashra ingest``, then schedule the next poll.

Errors never crash a worker: they are recorded on the source's :class:`FeedState`, the
next poll backs off exponentially (interval · 2^errors, capped at
``NASHRA_POLL_MAX_BACKOFF_MINUTES``, with jitter), and after
``NASHRA_POLL_FAILING_AFTER`` consecutive errors the source is marked *failing* — shown
to editors in the admin and retried only at the ceiling, never in a tight loop.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from nashra.extract.document import Document, ExtractError, Rejection
from nashra.extract.fetch import Fetched, fetch
from nashra.extract.inputs import read_bytes
from nashra.extract.limits import DEFAULT_LIMITS, Limits
from nashra.feeds.models import FeedState
from nashra.news.models import Article, Source

log = logging.getLogger(__name__)

Fetcher = Callable[..., Fetched]
CLAIM_MINUTES = 15  # a claimed poll is not handed to another worker for this long


@dataclass
class PollResult:
    source: str
    status: str  # "ok", "not-modified", "error", "skipped"
    new: int = 0
    duplicates: int = 0
    unchanged: int = 0
    rejected: int = 0
    fetched_full: int = 0
    error: str = ""
    next_poll_at: datetime | None = None
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "status": self.status,
            "new": self.new,
            "duplicates": self.duplicates,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "fetched_full": self.fetched_full,
            "error": self.error,
            "next_poll_at": self.next_poll_at.isoformat() if self.next_poll_at else None,
        }


def state_for(source: Source) -> FeedState:
    state, _ = FeedState.objects.get_or_create(source=source)
    return state


def backoff_minutes(state: FeedState, errors: int) -> float:
    ceiling = float(settings.NASHRA_POLL_MAX_BACKOFF_MINUTES)
    base = max(1.0, float(state.poll_interval_minutes))
    return min(ceiling, base * (2 ** min(errors, 20)))


def _jitter(minutes: float) -> timedelta:
    # ±10 % so that many sources failing together do not retry together.
    return timedelta(minutes=minutes * random.uniform(0.9, 1.1))  # noqa: S311


def due_sources(now: datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        FeedState.objects.filter(enabled=True, next_poll_at__lte=now)
        .exclude(source__feed_url="")
        .order_by("next_poll_at")
        .values_list("source_id", flat=True)
    )


def ensure_states() -> int:
    """A FeedState for every source that has a feed URL (new sources get polled soon)."""
    missing = Source.objects.exclude(feed_url="").filter(feed_state__isnull=True)
    made = [FeedState(source=s) for s in missing]
    FeedState.objects.bulk_create(made, ignore_conflicts=True)
    return len(made)


def claim(source_id: int, now: datetime | None = None) -> bool:
    """Atomically move a due poll's ``next_poll_at`` into the future, so that one worker
    among many schedules it. True when this caller won the claim."""
    now = now or timezone.now()
    return bool(
        FeedState.objects.filter(source_id=source_id, enabled=True, next_poll_at__lte=now).update(
            next_poll_at=now + timedelta(minutes=CLAIM_MINUTES)
        )
    )


def _full_articles(
    items: list[Document | Rejection],
    source: Source,
    limits: Limits,
    fetcher: Fetcher,
    budget: int,
    result: PollResult,
) -> Iterator[Document | Rejection]:
    """Feed items, with a summary-only item replaced by its fetched page where possible.
    Items whose URL this source already has are dropped (polled before)."""
    urls = [i.url for i in items if isinstance(i, Document) and i.url]
    known = (
        set(Article.objects.filter(source=source, url__in=urls).values_list("url", flat=True))
        if urls
        else set()
    )
    for item in items:
        if isinstance(item, Document) and item.url and item.url in known:
            result.unchanged += 1
            continue
        if not (isinstance(item, Document) and item.needs_fetch and item.url and budget > 0):
            yield item
            continue
        budget -= 1
        try:
            page = fetcher(item.url, limits=limits)
            docs = [
                d
                for d in read_bytes(
                    page.data,
                    name=page.url.split("?")[0],
                    origin=item.url,
                    fmt="html",
                    limits=limits,
                    content_type=page.content_type,
                    url=page.url,
                )
                if isinstance(d, Document)
            ]
        except ExtractError as exc:
            result.notes.append(f"full article not fetched ({item.url}): {exc}")
            yield item  # keep the summary: nothing is lost, needs_fetch stays set
            continue
        if not docs or not docs[0].body:
            result.notes.append(f"full article had no text ({item.url})")
            yield item
            continue
        full = docs[0]
        result.fetched_full += 1
        yield replace(
            full,
            title=full.title or item.title,
            subtitle=full.subtitle or item.subtitle,
            author=full.author or item.author,
            published_at=full.published_at or item.published_at,
            url=item.url,
            language=full.language or item.language,
            needs_fetch=False,
        )


def poll(
    source: Source,
    *,
    fetcher: Fetcher = fetch,
    limits: Limits = DEFAULT_LIMITS,
    now: datetime | None = None,
) -> PollResult:
    """Poll ``source``'s feed once and record the outcome on its FeedState."""
    from nashra.news.ingest import Ingester

    now = now or timezone.now()
    state = state_for(source)
    result = PollResult(source=source.name, status="ok")
    if not source.feed_url:
        result.status = "skipped"
        result.error = "no feed URL"
        return result
    state.last_polled_at = now
    state.total_polls += 1
    try:
        fetched = fetcher(
            source.feed_url, limits=limits, etag=state.etag, last_modified=state.last_modified
        )
        if fetched.status == 304:
            result.status = "not-modified"
        else:
            items = list(
                read_bytes(
                    fetched.data,
                    name=fetched.url.split("?")[0],
                    origin=source.feed_url,
                    fmt="feed",
                    limits=limits,
                    content_type=fetched.content_type,
                    url=fetched.url,
                )
            )
            if (
                len(items) == 1
                and isinstance(items[0], Rejection)
                and items[0].origin == source.feed_url
            ):
                raise ExtractError(items[0].reason)  # the feed itself is unreadable
            docs = list(
                _full_articles(
                    items, source, limits, fetcher, int(settings.NASHRA_POLL_MAX_FULL_FETCH), result
                )
            )
            report = Ingester(
                source_name=source.name, targets=[source.feed_url], options={"poll": True}
            ).ingest(docs)
            counts = report.as_json()
            result.new = int(counts["ingested"])  # type: ignore[call-overload]
            result.duplicates = int(counts["duplicates"])  # type: ignore[call-overload]
            result.unchanged += int(counts["unchanged"])  # type: ignore[call-overload]
            result.rejected = int(counts["rejected"])  # type: ignore[call-overload]
            state.etag = fetched.etag[:500]
            state.last_modified = fetched.last_modified[:100]
    except ExtractError as exc:
        result.status = "error"
        result.error = str(exc)
    except Exception as exc:  # a bug must not kill the worker or retry in a tight loop
        log.exception("polling %s failed", source.name)
        result.status = "error"
        result.error = f"internal error: {exc.__class__.__name__}"
    _record(state, result, now)
    return result


def _record(state: FeedState, result: PollResult, now: datetime) -> None:
    if result.status == "error":
        state.error_count += 1
        state.last_error = result.error[:2000]
        state.failing = state.error_count >= int(settings.NASHRA_POLL_FAILING_AFTER)
        state.next_poll_at = now + _jitter(backoff_minutes(state, state.error_count))
        state.last_status = f"error: {result.error[:150]}"
    else:
        state.error_count = 0
        state.failing = False
        state.last_error = ""
        state.last_success_at = now
        state.total_new += result.new
        state.next_poll_at = now + _jitter(float(state.poll_interval_minutes))
        state.last_status = (
            "304 not modified" if result.status == "not-modified" else f"200: {result.new} new"
        )
    result.next_poll_at = state.next_poll_at
    with transaction.atomic():
        state.save()
