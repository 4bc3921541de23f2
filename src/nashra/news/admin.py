"""The editors' admin: sources (feed URL, polling interval, direction, OPML import, feed
health), articles, the ingest log, and the analysis tables."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html

from nashra.feeds.models import FeedState
from nashra.news.models import Article, Entity, IngestItem, IngestRun, Quote, Source, Story


class FeedStateInline(admin.StackedInline):
    model = FeedState
    can_delete = False
    extra = 0
    max_num = 1
    fields = (
        "enabled",
        "poll_interval_minutes",
        "failing",
        "error_count",
        "last_error",
        "last_status",
        "last_polled_at",
        "last_success_at",
        "next_poll_at",
        "etag",
        "last_modified",
    )
    readonly_fields = (
        "failing",
        "error_count",
        "last_error",
        "last_status",
        "last_polled_at",
        "last_success_at",
        "etag",
        "last_modified",
    )
    verbose_name = "feed polling"


class FailingFilter(admin.SimpleListFilter):
    title = "feed health"
    parameter_name = "feed"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("failing", "failing"),
            ("erroring", "errors, not yet failing"),
            ("ok", "healthy"),
            ("none", "no feed"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Source]) -> QuerySet[Source]:
        value = self.value()
        if value == "failing":
            return queryset.filter(feed_state__failing=True)
        if value == "erroring":
            return queryset.filter(feed_state__error_count__gt=0, feed_state__failing=False)
        if value == "ok":
            return queryset.filter(feed_state__error_count=0).exclude(feed_url="")
        if value == "none":
            return queryset.filter(feed_url="")
        return queryset


class OpmlForm(forms.Form):
    file = forms.FileField(label="OPML file", help_text="OPML 2.0 (an export from any feed reader)")


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "language", "direction", "feed_url", "feed_health", "next_poll")
    list_filter = (FailingFilter, "language", "direction")
    search_fields = ("name", "url", "feed_url")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "url", "feed_url", "language", "direction")
    inlines = [FeedStateInline]
    actions = ["poll_now", "reset_backoff"]
    change_list_template = "admin/news/source/change_list.html"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).select_related("feed_state")

    @admin.display(description="feed")
    def feed_health(self, obj: Source) -> str:
        state = getattr(obj, "feed_state", None) if obj.feed_url else None
        if not obj.feed_url:
            return "—"
        if state is None:
            return "not polled yet"
        if state.failing:
            return format_html(
                '<strong class="errornote">⚠ failing ({} errors): {}</strong>',
                state.error_count,
                state.last_error[:120],
            )
        if state.error_count:
            return format_html("errors: {} — {}", state.error_count, state.last_error[:120])
        return state.last_status or "ok"

    @admin.display(description="next poll")
    def next_poll(self, obj: Source) -> Any:
        state = getattr(obj, "feed_state", None)
        return state.next_poll_at if state and obj.feed_url else None

    def save_model(self, request: HttpRequest, obj: Source, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if obj.feed_url:
            FeedState.objects.get_or_create(source=obj)

    @admin.action(description="Poll the selected feeds now (on the worker)")
    def poll_now(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        from nashra.feeds.tasks import poll_source

        n = 0
        for src in queryset.exclude(feed_url=""):
            FeedState.objects.get_or_create(source=src)
            FeedState.objects.filter(source=src).update(
                next_poll_at=timezone.now() + timedelta(minutes=15)
            )
            poll_source.enqueue(src.pk)
            n += 1
        self.message_user(request, f"{n} polls queued; a running `nashra worker` will do them.")

    @admin.action(description="Clear errors and poll at the next scheduling pass")
    def reset_backoff(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        n = FeedState.objects.filter(source__in=queryset).update(
            error_count=0, failing=False, last_error="", next_poll_at=timezone.now()
        )
        self.message_user(request, f"{n} feeds reset.")

    def get_urls(self) -> list[URLPattern]:
        return [
            path(
                "import-opml/",
                self.admin_site.admin_view(self.import_opml_view),
                name="news_source_import_opml",
            ),
            *super().get_urls(),
        ]

    def import_opml_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            return HttpResponseRedirect(reverse("admin:news_source_changelist"))
        from nashra.feeds.opml import import_opml

        form = OpmlForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = import_opml(form.cleaned_data["file"].read())
            except ValueError as exc:
                form.add_error("file", str(exc))
            else:
                self.message_user(
                    request,
                    f"OPML imported: {len(report.created)} new sources, {len(report.updated)} updated, "
                    f"{len(report.skipped)} skipped.",
                    messages.SUCCESS,
                )
                for reason in report.skipped[:20]:
                    self.message_user(request, f"skipped {reason}", messages.WARNING)
                return HttpResponseRedirect(reverse("admin:news_source_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "opts": self.model._meta,
            "title": "Import sources from OPML",
        }
        return render(request, "admin/news/source/import_opml.html", context)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("id", "title", "source", "published_at", "duplicate_kind", "needs_fetch")
    list_filter = ("source", "format", "duplicate_kind", "needs_fetch")
    search_fields = ("title",)
    raw_id_fields = ("duplicate_of", "story")
    exclude = ("original", "minhash")


class IngestItemInline(admin.TabularInline):
    model = IngestItem
    extra = 0
    raw_id_fields = ("article", "duplicate_of")


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin):
    list_display = ("id", "started_at", "finished_at", "counts")
    inlines = [IngestItemInline]


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "article_count", "mention_count", "merged_into")
    list_filter = ("kind",)
    search_fields = ("name", "key", "slug")
    raw_id_fields = ("merged_into",)

    def save_model(self, request: Any, obj: Entity, form: Any, change: bool) -> None:
        if "name" in form.changed_data:
            obj.name_fixed = True  # an editor's name: analysis no longer renames it
        super().save_model(request, obj, form, change)


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ("id", "title", "source_count", "size", "last_published_at")
    raw_id_fields = ("representative",)


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ("id", "speaker_text", "kind", "article")
    raw_id_fields = ("article", "speaker", "via")
