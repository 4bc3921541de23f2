"""The send pipeline: freeze recipients, claim deliveries, send, record — crash-safe.

States of a :class:`~nashra.newsletters.models.Delivery`::

    pending ──claim──► claimed ──(SMTP DATA, just before the final ".")──► sending ──accepted──► sent
       ▲                 │  lease expired (never handed over)               │ 4xx / connection error before "."
       └─────────────────┘◄─────────────────────────────────────────────────┘ (retry with backoff)
                                            5xx ──► failed (hard bounce counted)
                                            lease expired in "sending" ──► interrupted (never resent)

* **Claim**: a worker flips up to ``NASHRA_NEWSLETTER_BATCH_SIZE`` pending rows to
  ``claimed`` with a conditional UPDATE (``WHERE status='pending'``) tagged with its own
  claim id, so two workers never hold the same row.
* **Send**: per message, the row moves ``claimed → sending`` in its own committed
  transaction at the last moment before the server can accept it (with the SMTP backend,
  between the message body and the terminating ``.`` of DATA; with other backends, just
  before the hand-over), and ``sending → sent`` in its own transaction right after the
  server's 250. If the row is no longer ours (another worker recovered it), the SMTP
  transaction is aborted before the terminator, so nothing is delivered.
* **Recover** (every pass): ``claimed`` rows whose lease (``NASHRA_NEWSLETTER_LEASE_SECONDS``)
  expired go back to ``pending`` — the server never saw them. ``sending`` rows whose lease
  expired are the only ambiguous ones (a crash between the server's accept and our
  commit): they become ``interrupted`` and are **never resent**.

This is **at-most-once** delivery: a reader never receives the same issue twice; the
price is that a worker killed inside the few milliseconds between the final "." and the
commit of ``sent`` can lose that one message (it is shown to editors as interrupted, and
an editor may resend interrupted deliveries from the admin, knowingly choosing
at-least-once for them).
"""

from __future__ import annotations

import logging
import os
import smtplib
import socket
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as DjangoSMTPBackend
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from nashra.newsletters import compose as composing
from nashra.newsletters.backends import SMTPBackend
from nashra.newsletters.models import (
    Delivery,
    Issue,
    Newsletter,
    Subscriber,
    Subscription,
    Suppression,
)
from nashra.newsletters.render import build_email, list_headers, list_id, render

log = logging.getLogger(__name__)

S = Delivery.Status
LIVE = (S.PENDING, S.CLAIMED, S.SENDING, S.SENT)

# Test hooks (None in production): called after the mail server accepted a message and
# before "sent" is recorded, and before each message is composed.
after_accept: Callable[[Delivery], None] | None = None
before_message: Callable[[Delivery], None] | None = None


def setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


class ClaimLost(Exception):
    """The row was recovered by another worker while this one held it."""


@dataclass
class SendStats:
    claimed: int = 0
    sent: int = 0
    failed: int = 0
    retried: int = 0
    skipped: int = 0
    interrupted: int = 0
    batches: int = 0
    batch_sizes: list[int] = field(default_factory=list)

    def add(self, other: SendStats) -> None:
        for name in ("claimed", "sent", "failed", "retried", "skipped", "interrupted", "batches"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.batch_sizes += other.batch_sizes

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "batch_sizes"}


# --- freezing ---------------------------------------------------------------------------------------
def suppressed(emails: Iterable[str]) -> set[str]:
    emails = list(emails)
    found: set[str] = set()
    for i in range(0, len(emails), 500):
        found.update(
            Suppression.objects.filter(email__in=emails[i : i + 500]).values_list(
                "email", flat=True
            )
        )
    return found


def freeze(issue: Issue, *, now: datetime | None = None) -> int:
    """Fill the issue's items if empty, then freeze its recipient list: one pending
    delivery per active, unsuppressed subscriber (breaking news: minus those who already
    had ``daily_limit`` in the last 24 hours). Idempotent; returns the recipient count."""
    now = now or timezone.now()
    newsletter = issue.newsletter
    with transaction.atomic():
        locked = Issue.objects.select_for_update().get(pk=issue.pk)
        if locked.status != Issue.Status.DRAFT:
            return locked.recipient_count
        if not locked.items:
            if newsletter.kind == Newsletter.Kind.BREAKING and locked.article_id:
                locked.items = [locked.article_id]
            elif newsletter.kind == Newsletter.Kind.BULLETIN:
                start, end = composing.period_for(newsletter, now, newsletter.last_slot_at)
                locked.period_start, locked.period_end = (
                    locked.period_start or start,
                    locked.period_end or end,
                )
                locked.items = composing.bulletin_articles(
                    newsletter, locked.period_start, locked.period_end
                )
        if newsletter.kind != Newsletter.Kind.DIGEST and not locked.items:
            locked.status = Issue.Status.EMPTY
            locked.frozen_at = now
            locked.save()
            issue.refresh_from_db()
            return 0
        subs = Subscription.objects.filter(newsletter=newsletter, status=Subscription.Status.ACTIVE)
        rows = list(subs.values_list("subscriber_id", "subscriber__email"))
        blocked = suppressed(email for _, email in rows)
        if newsletter.kind == Newsletter.Kind.BREAKING:
            capped = set(
                Delivery.objects.filter(
                    issue__newsletter=newsletter,
                    issue__frozen_at__gte=now - timedelta(hours=24),
                    status__in=LIVE,
                )
                .values("subscriber_id")
                .annotate(n=Count("id"))
                .filter(n__gte=newsletter.daily_limit)
                .values_list("subscriber_id", flat=True)
            )
        else:
            capped = set()
        deliveries = [
            Delivery(issue=locked, subscriber_id=sid, email=email, next_attempt_at=now)
            for sid, email in rows
            if email not in blocked and sid not in capped
        ]
        Delivery.objects.bulk_create(deliveries, batch_size=1000, ignore_conflicts=True)
        locked.status = Issue.Status.SENDING
        locked.frozen_at = now
        locked.recipient_count = Delivery.objects.filter(issue=locked).count()
        locked.save()
    issue.refresh_from_db()
    return issue.recipient_count


# --- claiming and recovery ------------------------------------------------------------------------------
def worker_id() -> str:
    return f"{socket.gethostname()[:20]}:{os.getpid()}"


def claim(batch_size: int, *, worker: str = "", now: datetime | None = None) -> list[Delivery]:
    now = now or timezone.now()
    tag = f"{(worker or worker_id())[:27]}:{uuid.uuid4().hex[:12]}"
    with transaction.atomic():
        qs = Delivery.objects.filter(status=S.PENDING, next_attempt_at__lte=now).order_by("id")
        from django.db import connection

        if connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True)
        ids = list(qs.values_list("pk", flat=True)[:batch_size])
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids, status=S.PENDING).update(
            status=S.CLAIMED, claimed_by=tag, claimed_at=now
        )
    related = ["issue__newsletter", "subscriber__user"]
    if apps.is_installed(
        "nashra.readers"
    ):  # the reader's language and time zone, in the same query
        related.append("subscriber__user__reader_profile")
    return list(
        Delivery.objects.filter(claimed_by=tag, status=S.CLAIMED)
        .select_related(*related)
        .order_by("id")
    )


def recover(*, now: datetime | None = None, lease: float | None = None) -> tuple[int, int]:
    """Release expired claims; mark expired hand-overs interrupted. Returns (released, interrupted)."""
    now = now or timezone.now()
    lease = float(setting("NASHRA_NEWSLETTER_LEASE_SECONDS", 600) if lease is None else lease)
    cutoff = now - timedelta(seconds=lease)
    released = Delivery.objects.filter(status=S.CLAIMED, claimed_at__lt=cutoff).update(
        status=S.PENDING, claimed_by="", claimed_at=None
    )
    interrupted = Delivery.objects.filter(status=S.SENDING, claimed_at__lt=cutoff).update(
        status=S.INTERRUPTED,
        error="worker stopped after handing the message to the mail server; outcome unknown, not resent (at-most-once)",
    )
    return released, interrupted


# --- sending -------------------------------------------------------------------------------------------------
def _mark(delivery: Delivery, status: str, **fields: Any) -> bool:
    """Move our claimed/sending row to ``status``; False if it is no longer ours."""
    n = Delivery.objects.filter(
        pk=delivery.pk, claimed_by=delivery.claimed_by, status__in=(S.CLAIMED, S.SENDING)
    ).update(status=status, **fields)
    delivery.status = status
    return n == 1


def _classify(error: BaseException) -> tuple[bool, str]:
    """(permanent, text) for a sending error."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in error.recipients.values()]
        text = "; ".join(
            f"{code} {msg.decode(errors='replace') if isinstance(msg, bytes) else msg}"
            for code, msg in error.recipients.values()
        )
        return bool(codes) and all(500 <= c < 600 for c in codes), text
    if isinstance(error, smtplib.SMTPResponseException):
        msg = (
            error.smtp_error.decode(errors="replace")
            if isinstance(error.smtp_error, bytes)
            else str(error.smtp_error)
        )
        return 500 <= error.smtp_code < 600, f"{error.smtp_code} {msg}"
    return False, f"{type(error).__name__}: {error}"


def _record_bounce(delivery: Delivery, text: str) -> None:
    Subscriber.objects.filter(pk=delivery.subscriber_id).update(hard_bounces=F("hard_bounces") + 1)
    limit = int(setting("NASHRA_NEWSLETTER_SUPPRESS_AFTER", 2))
    bounces = (
        Subscriber.objects.filter(pk=delivery.subscriber_id)
        .values_list("hard_bounces", flat=True)
        .first()
        or 0
    )
    if bounces >= limit:
        try:
            with transaction.atomic():
                Suppression.objects.get_or_create(
                    email=delivery.email,
                    defaults={
                        "reason": "hard-bounce",
                        "detail": f"{bounces} hard bounces; last: {text}"[:2000],
                    },
                )
        except IntegrityError:
            pass


def _backend() -> Any:
    connection = get_connection()
    if type(connection) is DjangoSMTPBackend:  # same settings, plus the point-of-no-return hook
        connection = SMTPBackend()
    return connection


class ServerUnavailable(Exception):
    """The mail server could not be reached: the batch is released for later."""


def _ensure_open(connection: Any) -> None:
    if isinstance(connection, DjangoSMTPBackend) and connection.connection is None:
        try:
            connection.open()
        except Exception as error:
            raise ServerUnavailable(f"{type(error).__name__}: {error}") from error


class Pacer:
    """At most ``rate`` messages per second (0: unlimited)."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.start = time.monotonic()
        self.count = 0

    def wait(self) -> None:
        if self.rate > 0:
            due = self.start + self.count / self.rate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        self.count += 1


def _skip_reasons(batch: list[Delivery]) -> dict[int, str]:
    blocked = suppressed(d.email for d in batch)
    active = set(
        Subscription.objects.filter(
            subscriber_id__in=[d.subscriber_id for d in batch], status=Subscription.Status.ACTIVE
        ).values_list("subscriber_id", "newsletter_id")
    )
    reasons: dict[int, str] = {}
    for d in batch:
        if d.email in blocked:
            reasons[d.pk] = "suppressed"
        elif (d.subscriber_id, d.issue.newsletter_id) not in active:
            reasons[d.pk] = "unsubscribed before sending"
    return reasons


def send_batch(
    batch: list[Delivery], connection: Any, pacer: Pacer, stats: SendStats, cache: dict[Any, Any]
) -> Any:
    """Send a claimed batch on ``connection`` (reopened after connection errors)."""
    reasons = _skip_reasons(batch)
    base_retry = float(setting("NASHRA_NEWSLETTER_RETRY_SECONDS", 60))
    max_attempts = int(setting("NASHRA_NEWSLETTER_MAX_ATTEMPTS", 5))
    for delivery in batch:
        if before_message is not None:
            before_message(delivery)
        if delivery.pk in reasons:
            _mark(delivery, S.SKIPPED, error=reasons[delivery.pk])
            stats.skipped += 1
            continue
        issue, subscriber = delivery.issue, delivery.subscriber
        try:
            composed = composing.compose(issue, subscriber, delivery=delivery, items_cache=cache)
            if issue.newsletter.kind == Newsletter.Kind.DIGEST and not composed.items:
                _mark(delivery, S.SKIPPED, error="nothing new since the last issue")
                stats.skipped += 1
                continue
            rendered = render(composed, cache.setdefault("fragments", {}))
            headers = list_headers(
                composed.unsubscribe_url, composed.mailto, list_id(issue.newsletter.slug)
            )
            email = build_email(rendered, delivery.email, headers, connection=connection)
        except Exception as error:  # a composition bug must not stop the batch
            log.exception("composing delivery %s failed", delivery.pk)
            _mark(delivery, S.FAILED, error=f"compose: {type(error).__name__}: {error}"[:2000])
            stats.failed += 1
            continue
        pacer.wait()
        handover_at = timezone.now()

        def commit_point(d: Delivery = delivery, at: datetime = handover_at) -> None:
            if not _mark(d, S.SENDING, claimed_at=at, attempts=F("attempts") + 1):
                raise ClaimLost(d.pk)

        tracking = isinstance(connection, SMTPBackend)
        try:
            _ensure_open(connection)
            if tracking:
                connection.reset_commit()
                connection.before_commit = commit_point
            else:
                commit_point()
            connection.send_messages([email])
        except ClaimLost:
            if tracking:
                connection.abort()  # mid-DATA: the server discards the transaction
            continue
        except ServerUnavailable as error:
            # Nothing was handed over: put this row and the rest of the batch back, due later.
            later = timezone.now() + timedelta(seconds=base_retry)
            rest = [d.pk for d in batch[batch.index(delivery) :]]
            n = Delivery.objects.filter(
                pk__in=rest, claimed_by=delivery.claimed_by, status=S.CLAIMED
            ).update(
                status=S.PENDING,
                claimed_by="",
                claimed_at=None,
                next_attempt_at=later,
                error=str(error)[:2000],
            )
            stats.retried += n
            log.warning("mail server unavailable (%s); %d deliveries postponed", error, n)
            return connection
        except Exception as error:
            permanent, text = _classify(error)
            committed = tracking and connection.committed
            broken = isinstance(error, smtplib.SMTPServerDisconnected) or not isinstance(
                error, smtplib.SMTPException
            )
            if broken and tracking:
                connection.abort()
            if committed and not isinstance(error, smtplib.SMTPResponseException):
                # The "." went out but no reply came back: the server may have it.
                _mark(
                    delivery, S.INTERRUPTED, error=f"outcome unknown after hand-over: {text}"[:2000]
                )
                stats.interrupted += 1
            elif permanent:
                _mark(delivery, S.FAILED, error=text[:2000], claimed_by="")
                _record_bounce(delivery, text)
                stats.failed += 1
            else:
                attempts = (
                    Delivery.objects.filter(pk=delivery.pk)
                    .values_list("attempts", flat=True)
                    .first()
                    or 0
                )
                if not tracking or not committed:
                    attempts = max(attempts, delivery.attempts + 1)
                if attempts >= max_attempts:
                    _mark(
                        delivery,
                        S.FAILED,
                        error=f"gave up after {attempts} attempts: {text}"[:2000],
                        attempts=attempts,
                    )
                    stats.failed += 1
                else:
                    delay = base_retry * (2 ** (attempts - 1))
                    _mark(
                        delivery,
                        S.PENDING,
                        error=text[:2000],
                        attempts=attempts,
                        claimed_by="",
                        next_attempt_at=timezone.now() + timedelta(seconds=delay),
                    )
                    stats.retried += 1
            continue
        except BaseException:
            # Killed (or a test's simulated kill): drop the socket as a dead process would.
            if tracking:
                connection.abort()
            raise
        finally:
            if tracking:
                connection.before_commit = None
        if after_accept is not None:
            after_accept(delivery)
        with transaction.atomic():  # one commit for both rows
            _mark(
                delivery,
                S.SENT,
                sent_at=timezone.now(),
                message_id=email.extra_headers.get("Message-ID", "")[:300],
                error="",
            )
            if issue.newsletter.kind == Newsletter.Kind.DIGEST:
                Subscription.objects.filter(
                    subscriber_id=delivery.subscriber_id, newsletter_id=issue.newsletter_id
                ).update(
                    last_sent_at=handover_at  # the next digest starts where this one was composed
                )
        stats.sent += 1
    return connection


def send_pending(
    *,
    batch_size: int | None = None,
    rate: float | None = None,
    max_batches: int | None = None,
    connection: Any = None,
    worker: str = "",
) -> SendStats:
    """Claim and send batches until nothing is due (or ``max_batches``)."""
    batch_size = int(batch_size or setting("NASHRA_NEWSLETTER_BATCH_SIZE", 200))
    rate = float(setting("NASHRA_NEWSLETTER_RATE", 0) if rate is None else rate)
    stats = SendStats()
    pacer = Pacer(rate)
    cache: dict[Any, Any] = {}
    own = connection is None
    try:
        while max_batches is None or stats.batches < max_batches:
            batch = claim(batch_size, worker=worker)
            if not batch:
                break
            stats.batches += 1
            stats.claimed += len(batch)
            stats.batch_sizes.append(len(batch))
            if connection is None:
                connection = _backend()
            connection = send_batch(batch, connection, pacer, stats, cache)
    finally:
        if own and connection is not None:
            try:
                connection.close()
            except Exception:  # closing a broken connection
                log.debug("closing the mail connection failed", exc_info=True)
    finish_issues()
    return stats


def finish_issues() -> int:
    busy = Delivery.objects.filter(
        issue=OuterRef("pk"), status__in=(S.PENDING, S.CLAIMED, S.SENDING)
    )
    return (
        Issue.objects.filter(status=Issue.Status.SENDING)
        .exclude(Exists(busy))
        .update(status=Issue.Status.DONE, finished_at=timezone.now())
    )


# --- confirmation (transactional, sent at once) -------------------------------------------------------
def send_confirmation(subscription: Subscription, *, connection: Any = None) -> bool:
    from django.urls import reverse

    from nashra.newsletters import tokens
    from nashra.newsletters.render import Rendered, render_template

    subscriber, newsletter = subscription.subscriber, subscription.newsletter
    if suppressed([subscriber.email]):
        return False
    language = composing.reader_language(subscriber)
    from django.utils import translation

    with translation.override(language):
        confirm_url = composing.absolute(
            reverse("newsletters:confirm", args=[tokens.confirm_token(subscription.pk)])
        )
        subject = _("Confirm your subscription to %(name)s") % {
            "name": newsletter.display_name(language)
        }
    ls = composing.links(subscriber.pk, newsletter.pk, language)
    context = {
        "newsletter": newsletter.display_name(language),
        "confirm_url": confirm_url,
        "unsubscribe_url": ls["unsubscribe"],
        "subject": subject,
        "language": language,
    }
    rendered = Rendered(
        subject=subject,
        text=render_template("newsletters/email/confirm.txt", context, language),
        html=render_template("newsletters/email/confirm.html", context, language),
    )
    email = build_email(
        rendered,
        subscriber.email,
        list_headers(ls["unsubscribe"], ls["mailto"], list_id(newsletter.slug)),
        connection=connection,
    )
    del email.extra_headers["Precedence"]
    email.send()
    Subscription.objects.filter(pk=subscription.pk).update(confirmation_sent_at=timezone.now())
    return True
