"""Previews: any issue (or a draft of the next one) for any reader, as editors and the
``preview`` command see it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from nashra.newsletters import compose as composing
from nashra.newsletters.models import Issue, Newsletter, Subscriber, Subscription
from nashra.newsletters.render import Rendered, build_email, list_headers, list_id, render


def preview_subscriber(email: str) -> Subscriber:
    """The subscriber with that address; else an unsaved one (linked to the user with
    that address, if any) — a preview never creates rows."""
    found = Subscriber.objects.filter(email__iexact=email.strip()).select_related("user").first()
    if found is not None:
        return found
    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    return Subscriber(email=email.strip(), user=user)


def draft_issue(newsletter: Newsletter, *, fresh: bool = False) -> Issue:
    """The newsletter's latest issue (unless ``fresh``), or an unsaved draft of the next one."""
    latest = (
        newsletter.issues.exclude(status=Issue.Status.EMPTY).order_by("-created_at", "-id").first()
    )
    if latest is not None and not fresh and newsletter.kind != Newsletter.Kind.DIGEST:
        return latest
    now = timezone.now()
    start, end = composing.period_for(newsletter, now, newsletter.last_slot_at)
    issue = Issue(newsletter=newsletter, period_start=start, period_end=end, slot=now)
    if newsletter.kind == Newsletter.Kind.BULLETIN:
        issue.items = composing.bulletin_articles(newsletter, start, end)
    elif newsletter.kind == Newsletter.Kind.BREAKING:
        from nashra.news.models import Article

        first = (
            Article.objects.filter(duplicate_of__isnull=True)
            .order_by("-story__source_count", "-published_at")
            .first()
        )
        issue.items = [first.pk] if first else []
    else:
        issue.period_start = None  # per reader: since their last digest (see preview)
    return issue


def preview(issue: Issue, email: str, *, language: str | None = None) -> tuple[Rendered, Any]:
    """(rendered message, the email object with its headers) of ``issue`` for ``email``."""
    subscriber = preview_subscriber(email)
    since = issue.period_start
    if issue.newsletter.kind == Newsletter.Kind.DIGEST and since is None and subscriber.pk:
        # the reader's next digest: since their last one (else the feed's default window)
        since = (
            Subscription.objects.filter(subscriber=subscriber, newsletter=issue.newsletter)
            .values_list("last_sent_at", flat=True)
            .first()
        )
    composed = composing.compose(issue, subscriber, since=since, language=language)
    if not composed.unsubscribe_url:  # an unsaved subscriber: show where the links would go
        composed.unsubscribe_url = composing.absolute("/u/PREVIEW")
        composed.mailto = f"mailto:unsubscribe+PREVIEW@{composing.unsubscribe_mailbox_domain()}"
        composed.web = False
    rendered = render(composed)
    email_message = build_email(
        rendered,
        subscriber.email,
        list_headers(composed.unsubscribe_url, composed.mailto, list_id(issue.newsletter.slug)),
    )
    return rendered, email_message
