"""Newsletters, subscribers and their subscriptions, issues, deliveries, suppressions.

A :class:`Newsletter` is one of three kinds: the personal digest (one row; each reader's
subscription carries their own schedule), a topic bulletin (an editor's filter and
schedule) or breaking news (sent by an editor or by a rule). A :class:`Subscriber` is an
email address (a reader's, linked to their user, or a visitor's). An :class:`Issue`
freezes its recipients as :class:`Delivery` rows, one per subscriber, which the send
pipeline (``nashra.newsletters.send``) moves pending → claimed → sending → sent | failed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Newsletter(models.Model):
    class Kind(models.TextChoices):
        DIGEST = "digest", "personal digest"
        BULLETIN = "bulletin", "topic bulletin"
        BREAKING = "breaking", "breaking news"

    class Frequency(models.TextChoices):
        DAILY = "daily", "daily"
        WEEKLY = "weekly", "weekly"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.BULLETIN)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    name = models.CharField(max_length=200, help_text="Arabic name")
    name_en = models.CharField(
        max_length=200, blank=True, help_text="English name (default: the Arabic)"
    )
    description = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    active = models.BooleanField(default=True)
    visitors_may_subscribe = models.BooleanField(
        default=True, help_text="visitors subscribe with an email address (double opt-in)"
    )
    # Schedule (bulletins): the hour is in this newsletter's time zone.
    frequency = models.CharField(max_length=8, choices=Frequency.choices, default=Frequency.DAILY)
    hour = models.PositiveSmallIntegerField(
        default=7, help_text="0–23, local to the time zone below"
    )
    weekday = models.PositiveSmallIntegerField(default=6, help_text="weekly: 0 Monday … 6 Sunday")
    time_zone = models.CharField(max_length=64, default="Asia/Riyadh")
    # Filter (bulletins): any of these entities / sources, and the search query when set.
    entities = models.ManyToManyField("news.Entity", blank=True, related_name="+")
    sources = models.ManyToManyField("news.Source", blank=True, related_name="+")
    query = models.CharField(
        max_length=500, blank=True, help_text="search query, same syntax as /search/"
    )
    max_items = models.PositiveSmallIntegerField(default=10)
    # Breaking-news rule: a story reaches N sources within M minutes; at most K a day each.
    rule_enabled = models.BooleanField(default=False)
    rule_min_sources = models.PositiveSmallIntegerField(default=4)
    rule_window_minutes = models.PositiveIntegerField(default=60)
    daily_limit = models.PositiveSmallIntegerField(
        default=3, help_text="breaking: most messages per subscriber per 24 h"
    )
    last_slot_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def display_name(self, language: str = "ar") -> str:
        return self.name_en if language.startswith("en") and self.name_en else self.name

    def display_description(self, language: str = "ar") -> str:
        return (
            self.description_en
            if language.startswith("en") and self.description_en
            else self.description
        )


class Subscriber(models.Model):
    """An email address: a reader's (``user`` set) or a visitor's."""

    email = models.EmailField(max_length=254, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_subscriber",
    )
    language = models.CharField(max_length=8, default="ar")
    time_zone = models.CharField(max_length=64, default="UTC")
    hard_bounces = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "awaiting confirmation"
        ACTIVE = "active", "active"
        UNSUBSCRIBED = "unsubscribed", "unsubscribed"

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="subscriptions"
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    # Personal digest: the reader's own schedule, in their time zone.
    frequency = models.CharField(
        max_length=8, choices=Newsletter.Frequency.choices, default="daily"
    )
    hour = models.PositiveSmallIntegerField(default=7)
    weekday = models.PositiveSmallIntegerField(default=6)
    last_slot_at = models.DateTimeField(null=True, blank=True)  # the last scheduled slot frozen
    last_sent_at = models.DateTimeField(null=True, blank=True)  # digest: "since your last issue"
    created_at = models.DateTimeField(default=timezone.now)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    unsubscribe_method = models.CharField(
        max_length=16, blank=True
    )  # one-click, page, mailto, settings

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "newsletter"], name="unique_subscription")
        ]

    def __str__(self) -> str:
        return f"{self.subscriber} → {self.newsletter} ({self.status})"


class Issue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "draft"
        SENDING = "sending", "sending"  # recipients frozen, deliveries in progress
        DONE = "done", "done"
        EMPTY = "empty", "nothing to send"

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="issues")
    status = models.CharField(
        max_length=8, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # The scheduled slot this issue is for; unique per newsletter so two schedulers never
    # make two issues of one slot. Editors' issues have none.
    slot = models.DateTimeField(null=True, blank=True)
    story = models.ForeignKey(
        "news.Story", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    article = models.ForeignKey(
        "news.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="breaking news: the article to send",
    )
    subject = models.CharField(
        max_length=300, blank=True, help_text="default: made from the content"
    )
    note = models.TextField(blank=True, help_text="an editor's line shown above the items")
    period_start = models.DateTimeField(null=True, blank=True)
    period_end = models.DateTimeField(null=True, blank=True)
    items = models.JSONField(default=list, blank=True)  # article ids (bulletin, breaking)
    created_at = models.DateTimeField(default=timezone.now)
    frozen_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["newsletter", "slot"], name="unique_issue_slot"),
            models.UniqueConstraint(fields=["newsletter", "story"], name="unique_issue_story"),
        ]

    def __str__(self) -> str:
        return f"{self.newsletter} #{self.pk}"


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "pending"
        CLAIMED = "claimed", "claimed by a worker"  # leased; not yet handed to the mail server
        SENDING = "sending", "handing to the mail server"
        SENT = "sent", "sent"
        FAILED = "failed", "failed"
        SKIPPED = "skipped", "skipped"  # suppressed, unsubscribed meanwhile, nothing new
        INTERRUPTED = "interrupted", "interrupted (outcome unknown, not resent)"

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField(max_length=254)  # frozen at freeze time
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    since = models.DateTimeField(null=True, blank=True)  # digest window start
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_by = models.CharField(max_length=40, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="unique_delivery"),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="delivery_due"),
            models.Index(fields=["claimed_by", "status"], name="delivery_claim"),
        ]

    def __str__(self) -> str:
        return f"{self.issue} → {self.email} ({self.status})"


class Suppression(models.Model):
    """An address nothing is sent to (repeated hard bounces, a complaint, an editor)."""

    email = models.EmailField(max_length=254, unique=True)
    reason = models.CharField(max_length=20, default="hard-bounce")
    detail = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.email} ({self.reason})"
