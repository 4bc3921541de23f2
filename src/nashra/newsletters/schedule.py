"""What is due now: scheduled bulletins, readers' digests at their own hour in their own
time zone, breaking news by rule. ``run_due`` is what ``nashra newsletters send-due``
and the worker both run: schedule, recover stale claims, send."""

from __future__ import annotations

import logging
import zoneinfo
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from nashra.news.models import Article, Story
from nashra.newsletters import compose as composing
from nashra.newsletters.models import Delivery, Issue, Newsletter, Subscription
from nashra.newsletters.send import SendStats, freeze, recover, send_pending, setting, suppressed

log = logging.getLogger(__name__)

DIGEST_SLUG = "digest"
BREAKING_SLUG = "breaking"


def ensure_defaults() -> None:
    """The personal digest and the breaking-news newsletter exist (editors rename them)."""
    Newsletter.objects.get_or_create(
        slug=DIGEST_SLUG,
        defaults={
            "kind": Newsletter.Kind.DIGEST,
            "name": "موجزك الشخصي",
            "name_en": "Your personal digest",
            "description": "أهم ما نشر عمّا تتابعه، يوميًا أو أسبوعيًا في الساعة التي تختارها.",
            "description_en": "The best of what you follow, daily or weekly at the hour you pick.",
            "visitors_may_subscribe": False,
        },
    )
    Newsletter.objects.get_or_create(
        slug=BREAKING_SLUG,
        defaults={
            "kind": Newsletter.Kind.BREAKING,
            "name": "أخبار عاجلة",
            "name_en": "Breaking news",
            "description": "الأخبار الكبرى لحظة وقوعها.",
            "description_en": "Major news as it happens.",
        },
    )


def zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def latest_slot(now: datetime, tz: str, hour: int, frequency: str, weekday: int) -> datetime:
    """The most recent scheduled moment at or before ``now`` (UTC)."""
    local = now.astimezone(zone(tz))
    slot = local.replace(hour=min(hour, 23), minute=0, second=0, microsecond=0)
    if frequency == Newsletter.Frequency.WEEKLY:
        slot -= timedelta(days=(slot.weekday() - weekday) % 7)
        if slot > local:
            slot -= timedelta(days=7)
    elif slot > local:
        slot -= timedelta(days=1)
    # Re-anchor on the wall clock (DST changes between the two dates).
    slot = datetime(slot.year, slot.month, slot.day, slot.hour, tzinfo=zone(tz))
    return slot.astimezone(UTC)


def _catch_up() -> timedelta:
    return timedelta(hours=float(setting("NASHRA_NEWSLETTER_CATCH_UP_HOURS", 6)))


def schedule_bulletins(now: datetime) -> list[Issue]:
    made = []
    for newsletter in Newsletter.objects.filter(kind=Newsletter.Kind.BULLETIN, active=True):
        slot = latest_slot(
            now, newsletter.time_zone, newsletter.hour, newsletter.frequency, newsletter.weekday
        )
        if newsletter.last_slot_at and newsletter.last_slot_at >= slot:
            continue
        if now - slot > _catch_up() or newsletter.created_at > slot:
            continue
        start, end = composing.period_for(newsletter, slot, newsletter.last_slot_at)
        try:
            with transaction.atomic():
                issue, created = Issue.objects.get_or_create(
                    newsletter=newsletter,
                    slot=slot,
                    defaults={"period_start": start, "period_end": end},
                )
                Newsletter.objects.filter(pk=newsletter.pk).update(last_slot_at=slot)
        except IntegrityError:
            continue
        if created:
            issue.items = composing.bulletin_articles(newsletter, start, end)
            issue.save(update_fields=["items"])
            freeze(issue, now=now)
            made.append(issue)
    return made


def schedule_digests(now: datetime) -> list[Issue]:
    """Readers whose digest hour has come (in their time zone) get a delivery in the
    digest issue of that slot; the delivery remembers where their window starts."""
    digest = Newsletter.objects.filter(kind=Newsletter.Kind.DIGEST, active=True).first()
    if digest is None:
        return []
    due: dict[datetime, list[tuple[Subscription, datetime]]] = defaultdict(list)
    subs = Subscription.objects.filter(
        newsletter=digest, status=Subscription.Status.ACTIVE, subscriber__user__isnull=False
    ).select_related("subscriber__user")
    for sub in subs.iterator(chunk_size=2000):
        tz = composing.reader_time_zone(sub.subscriber)
        slot = latest_slot(now, tz, sub.hour, sub.frequency, sub.weekday)
        if (
            (sub.last_slot_at and sub.last_slot_at >= slot)
            or now - slot > _catch_up()
            or sub.created_at > slot
        ):
            continue
        length = timedelta(days=7 if sub.frequency == Newsletter.Frequency.WEEKLY else 1)
        since = (
            sub.last_sent_at
            if sub.last_sent_at and sub.last_sent_at > slot - 2 * length
            else slot - length
        )
        due[slot].append((sub, since))
    made = []
    for slot, entries in sorted(due.items()):
        blocked = suppressed(sub.subscriber.email for sub, _ in entries)
        with transaction.atomic():
            issue, _created = Issue.objects.get_or_create(
                newsletter=digest,
                slot=slot,
                defaults={"status": Issue.Status.SENDING, "frozen_at": now},
            )
            # Claim the slot per subscription: a concurrent scheduler that got here first wins.
            mine = []
            for sub, since in entries:
                won = (
                    Subscription.objects.filter(pk=sub.pk)
                    .exclude(last_slot_at__gte=slot)
                    .update(last_slot_at=slot)
                )
                if won and sub.subscriber.email not in blocked:
                    mine.append(
                        Delivery(
                            issue=issue,
                            subscriber_id=sub.subscriber_id,
                            email=sub.subscriber.email,
                            since=since,
                            next_attempt_at=now,
                        )
                    )
            Delivery.objects.bulk_create(mine, batch_size=1000, ignore_conflicts=True)
            Issue.objects.filter(pk=issue.pk).update(
                status=Issue.Status.SENDING,
                recipient_count=Delivery.objects.filter(issue=issue).count(),
                frozen_at=issue.frozen_at or now,
            )
        made.append(issue)
    return made


def breaking_moment(story: Story, min_sources: int, window: timedelta) -> datetime | None:
    """When the story first had ``min_sources`` distinct sources within ``window``."""
    rows = list(
        Article.objects.filter(story=story, published_at__isnull=False)
        .order_by("published_at")
        .values_list("source_id", "published_at")
    )
    for i, (_src, start) in enumerate(rows):
        seen: dict[int, datetime] = {}
        for source_id, at in rows[i:]:
            if at - start > window:
                break
            seen.setdefault(source_id, at)
            if len(seen) >= min_sources:
                return at
    return None


def schedule_breaking(now: datetime) -> list[Issue]:
    made = []
    for newsletter in Newsletter.objects.filter(
        kind=Newsletter.Kind.BREAKING, active=True, rule_enabled=True
    ):
        window = timedelta(minutes=newsletter.rule_window_minutes)
        recent = now - max(window, _catch_up())
        stories = (
            Story.objects.filter(
                source_count__gte=newsletter.rule_min_sources, last_published_at__gte=recent
            )
            .exclude(
                pk__in=Issue.objects.filter(newsletter=newsletter, story__isnull=False).values(
                    "story_id"
                )
            )
            .order_by("last_published_at")[:50]
        )
        for story in stories:
            moment = breaking_moment(story, newsletter.rule_min_sources, window)
            if moment is None or moment < recent:
                continue
            article_id = story.representative_id or (
                Article.objects.filter(story=story, duplicate_of__isnull=True)
                .order_by("published_at")
                .values_list("pk", flat=True)
                .first()
            )
            try:
                with transaction.atomic():
                    issue = Issue.objects.create(
                        newsletter=newsletter,
                        story=story,
                        article_id=article_id,
                        items=[article_id] if article_id else [],
                    )
            except IntegrityError:
                continue  # another scheduler made it
            freeze(issue, now=now)
            made.append(issue)
    return made


def schedule(now: datetime | None = None) -> dict[str, Any]:
    now = now or timezone.now()
    ensure_defaults()
    released, interrupted = recover(now=now)
    result = {
        "bulletins": [i.pk for i in schedule_bulletins(now)],
        "digests": [i.pk for i in schedule_digests(now)],
        "breaking": [i.pk for i in schedule_breaking(now)],
        "released": released,
        "interrupted": interrupted,
    }
    return result


def run_due(now: datetime | None = None, **send_options: Any) -> tuple[dict[str, Any], SendStats]:
    scheduled = schedule(now)
    stats = send_pending(**send_options)
    return scheduled, stats


def pending_count() -> int:
    return Delivery.objects.filter(
        status=Delivery.Status.PENDING, next_attempt_at__lte=timezone.now()
    ).count()
