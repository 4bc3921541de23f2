"""The polling state of each source's feed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from nashra.news.models import Source


def default_interval() -> int:
    return int(getattr(settings, "NASHRA_POLL_INTERVAL_MINUTES", 30))


class FeedState(models.Model):
    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="feed_state")
    enabled = models.BooleanField(default=True, help_text="Poll this source's feed.")
    poll_interval_minutes = models.PositiveIntegerField(
        default=default_interval, help_text="Minutes between polls when the feed is healthy."
    )
    # Conditional GET validators from the last 200 response.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_status = models.CharField(max_length=200, blank=True)  # "200: 3 new", "304", …
    error_count = models.PositiveIntegerField(default=0)  # consecutive
    last_error = models.TextField(blank=True)
    failing = models.BooleanField(default=False, db_index=True)
    total_polls = models.PositiveIntegerField(default=0)
    total_new = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "feed state"

    def __str__(self) -> str:
        return f"feed of {self.source.name}"
