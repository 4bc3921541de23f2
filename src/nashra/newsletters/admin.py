"""The editors' admin: newsletters (filters, schedules, breaking rule), issues (freeze
and send, send breaking news, preview for any reader), subscribers, deliveries,
suppressions."""

from __future__ import annotations

from csp.decorators import csp_update
from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html

from nashra.newsletters.models import (
    Delivery,
    Issue,
    Newsletter,
    Subscriber,
    Subscription,
    Suppression,
)


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "kind",
        "active",
        "frequency",
        "hour",
        "time_zone",
        "subscribers",
        "last_slot_at",
    )
    list_filter = ("kind", "active")
    search_fields = ("name", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    raw_id_fields = ("entities", "sources")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "kind",
                    "name",
                    "name_en",
                    "slug",
                    "description",
                    "description_en",
                    "active",
                    "visitors_may_subscribe",
                )
            },
        ),
        (
            "Schedule (topic bulletins)",
            {"fields": ("frequency", "hour", "weekday", "time_zone", "max_items")},
        ),
        ("Filter (topic bulletins)", {"fields": ("entities", "sources", "query")}),
        (
            "Breaking news",
            {"fields": ("rule_enabled", "rule_min_sources", "rule_window_minutes", "daily_limit")},
        ),
    )
    actions = ["make_issue"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Newsletter]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_subscribers=Count("subscriptions", filter=Q(subscriptions__status="active"))
            )
        )

    @admin.display(description="subscribers", ordering="n_subscribers")
    def subscribers(self, obj: Newsletter) -> int:
        return getattr(obj, "n_subscribers", 0)

    @admin.action(description="Make a draft issue now (preview it, then freeze and send)")
    def make_issue(self, request: HttpRequest, queryset: QuerySet[Newsletter]) -> None:
        from nashra.newsletters.preview import draft_issue

        for newsletter in queryset.exclude(kind=Newsletter.Kind.DIGEST):
            issue = draft_issue(newsletter, fresh=True)
            issue.slot = None
            issue.save()
            self.message_user(
                request, f"draft issue #{issue.pk} of {newsletter}: {len(issue.items)} items"
            )


class PreviewForm(forms.Form):
    reader = forms.EmailField(
        label="reader's email", required=False, help_text="empty: the public web version"
    )
    language = forms.ChoiceField(
        choices=[("", "the reader's"), ("ar", "Arabic"), ("en", "English")], required=False
    )
    format = forms.ChoiceField(
        choices=[("html", "HTML"), ("text", "plain text"), ("eml", "the whole message (.eml)")]
    )


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "status",
        "subject",
        "slot",
        "frozen_at",
        "recipient_count",
        "progress",
        "preview_link",
    )
    list_filter = ("status", "newsletter")
    raw_id_fields = ("article", "story")
    readonly_fields = (
        "status",
        "slot",
        "frozen_at",
        "finished_at",
        "recipient_count",
        "created_at",
        "preview_link",
    )
    fields = (
        "newsletter",
        "article",
        "subject",
        "note",
        "items",
        "period_start",
        "period_end",
        "story",
        "status",
        "slot",
        "frozen_at",
        "finished_at",
        "recipient_count",
        "preview_link",
    )
    actions = ["freeze_and_send", "resend_interrupted"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Issue]:
        return (
            super()
            .get_queryset(request)
            .select_related("newsletter")
            .annotate(
                n_sent=Count("deliveries", filter=Q(deliveries__status="sent")),
                n_failed=Count(
                    "deliveries", filter=Q(deliveries__status__in=["failed", "interrupted"])
                ),
            )
        )

    @admin.display(description="sent / failed")
    def progress(self, obj: Issue) -> str:
        return f"{getattr(obj, 'n_sent', 0)} / {getattr(obj, 'n_failed', 0)}"

    @admin.display(description="preview")
    def preview_link(self, obj: Issue) -> str:
        if not obj.pk:
            return "save first"
        return format_html(
            '<a href="{}">preview for a reader</a>',
            reverse("admin:newsletters_issue_preview", args=[obj.pk]),
        )

    def get_urls(self) -> list[URLPattern]:
        return [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="newsletters_issue_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        from nashra.newsletters import compose as composing
        from nashra.newsletters.preview import preview
        from nashra.newsletters.render import render as render_message

        issue = get_object_or_404(Issue.objects.select_related("newsletter"), pk=pk)
        form = PreviewForm(request.GET or None)
        if form.is_valid():
            data = form.cleaned_data
            language = data["language"] or None
            if data["reader"]:
                rendered, email = preview(issue, data["reader"], language=language)
                if data["format"] == "eml":
                    return HttpResponse(
                        email.message().as_bytes(), content_type="text/plain; charset=utf-8"
                    )
            else:
                rendered = render_message(composing.compose(issue, None, language=language or "ar"))
            if data["format"] == "text":
                return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
            return _email_html(rendered.html)
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "issue": issue,
            "opts": self.model._meta,
            "title": f"Preview {issue}",
        }
        return render(request, "newsletters/admin/preview.html", context)

    @admin.action(description="Freeze the recipient list and send")
    def freeze_and_send(self, request: HttpRequest, queryset: QuerySet[Issue]) -> None:
        from nashra.newsletters.send import freeze
        from nashra.newsletters.tasks import send_pending_task

        total = 0
        for issue in queryset.filter(status=Issue.Status.DRAFT).select_related("newsletter"):
            if issue.newsletter.kind == Newsletter.Kind.DIGEST:
                self.message_user(
                    request, "personal digests are sent on each reader's schedule", messages.WARNING
                )
                continue
            total += freeze(issue)
        if total:
            send_pending_task.enqueue()
        self.message_user(request, f"{total} deliveries queued")

    @admin.action(
        description="Resend interrupted deliveries (at-least-once: a reader may get a duplicate)"
    )
    def resend_interrupted(self, request: HttpRequest, queryset: QuerySet[Issue]) -> None:
        n = Delivery.objects.filter(issue__in=queryset, status=Delivery.Status.INTERRUPTED).update(
            status=Delivery.Status.PENDING, claimed_by="", claimed_at=None
        )
        Issue.objects.filter(pk__in=queryset.values("pk"), status=Issue.Status.DONE).update(
            status=Issue.Status.SENDING
        )
        self.message_user(request, f"{n} deliveries queued again")


@csp_update({"style-src": ["'self'", "'unsafe-inline'"]})
def _email_html(html: str) -> HttpResponse:
    return HttpResponse(html)


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    extra = 0
    fields = (
        "newsletter",
        "status",
        "frequency",
        "hour",
        "weekday",
        "confirmed_at",
        "unsubscribed_at",
        "unsubscribe_method",
    )
    readonly_fields = ("confirmed_at", "unsubscribed_at", "unsubscribe_method")


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "user", "language", "time_zone", "hard_bounces", "created_at")
    search_fields = ("email",)
    raw_id_fields = ("user",)
    inlines = [SubscriptionInline]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = (
        "subscriber",
        "newsletter",
        "status",
        "frequency",
        "hour",
        "created_at",
        "unsubscribed_at",
    )
    list_filter = ("status", "newsletter", "unsubscribe_method")
    search_fields = ("subscriber__email",)
    raw_id_fields = ("subscriber",)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("issue", "email", "status", "attempts", "sent_at", "error_short")
    list_filter = ("status",)
    search_fields = ("email",)
    raw_id_fields = ("issue", "subscriber")
    readonly_fields = [f.name for f in Delivery._meta.fields]

    @admin.display(description="error")
    def error_short(self, obj: Delivery) -> str:
        return obj.error[:80]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    list_display = ("email", "reason", "created_at")
    list_filter = ("reason",)
    search_fields = ("email",)
