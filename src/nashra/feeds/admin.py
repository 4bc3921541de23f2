from __future__ import annotations

from django.contrib import admin

from nashra.feeds.models import FeedState


@admin.register(FeedState)
class FeedStateAdmin(admin.ModelAdmin):
    list_display = (
        "source",
        "enabled",
        "failing",
        "error_count",
        "last_status",
        "last_polled_at",
        "next_poll_at",
    )
    list_filter = ("failing", "enabled")
    search_fields = ("source__name",)
    readonly_fields = (
        "etag",
        "last_modified",
        "last_polled_at",
        "last_success_at",
        "last_status",
        "error_count",
        "last_error",
        "total_polls",
        "total_new",
    )
