"""Public pages: newsletters and subscriptions, double opt-in, one-click unsubscribe,
manage-by-link, and the web archive of issues."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from csp.decorators import csp_update
from django.contrib import messages
from django.core import signing
from django.core.validators import validate_email
from django.forms import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from nashra.newsletters import compose as composing
from nashra.newsletters import subscriptions, tokens
from nashra.newsletters.models import Delivery, Issue, Newsletter, Subscriber, Subscription
from nashra.newsletters.render import render as render_message
from nashra.newsletters.schedule import ensure_defaults

log = logging.getLogger(__name__)
EMAIL_HTML_CSP = csp_update({"style-src": ["'self'", "'unsafe-inline'"]})
PUBLIC = (Issue.Status.SENDING, Issue.Status.DONE)


def _lang() -> str:
    return "en" if (translation.get_language() or "ar").startswith("en") else "ar"


def _user(request: HttpRequest) -> Any:
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


# --- the newsletters page (and a signed-in reader's subscriptions) -----------------------------
@never_cache
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    ensure_defaults()
    user = _user(request)
    subscriber = subscriptions.subscriber_for_user(user) if user else None
    if request.method == "POST":
        if subscriber is None:
            return HttpResponseBadRequest("sign in to manage newsletters here")
        newsletter = get_object_or_404(Newsletter, pk=request.POST.get("newsletter"), active=True)
        if request.POST.get("action") == "unsubscribe":
            subscriptions.unsubscribe(subscriber.pk, newsletter.pk, "settings")
        else:
            schedule = _schedule(request)
            if schedule is None:
                return HttpResponseBadRequest("bad schedule")
            subscriptions.subscribe(subscriber, newsletter, confirmed=True, **schedule)
        messages.success(request, _("Your newsletters are updated."))
        return HttpResponseRedirect(reverse("newsletters:index"))
    current = {}
    if subscriber is not None:
        current = {s.newsletter_id: s for s in Subscription.objects.filter(subscriber=subscriber)}
    lang = _lang()
    rows = []
    for newsletter in Newsletter.objects.filter(active=True):
        sub = current.get(newsletter.pk)
        rows.append(
            {
                "newsletter": newsletter,
                "name": newsletter.display_name(lang),
                "description": newsletter.display_description(lang),
                "subscription": sub,
                "active": bool(sub and sub.status == Subscription.Status.ACTIVE),
                "archive": newsletter.kind != Newsletter.Kind.DIGEST,
            }
        )
    return render(
        request,
        "newsletters/index.html",
        {
            "rows": rows,
            "signed_in": user is not None,
            "subscriber": subscriber,
            "hours": range(24),
            "weekdays": _weekdays(),
        },
    )


def _weekdays() -> list[tuple[int, str]]:
    names = [
        _("Monday"),
        _("Tuesday"),
        _("Wednesday"),
        _("Thursday"),
        _("Friday"),
        _("Saturday"),
        _("Sunday"),
    ]
    return list(enumerate(names))


def _schedule(request: HttpRequest) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    frequency = request.POST.get("frequency")
    if frequency:
        if frequency not in Newsletter.Frequency.values:
            return None
        out["frequency"] = frequency
    for name, top in (("hour", 23), ("weekday", 6)):
        raw = request.POST.get(name)
        if raw not in (None, ""):
            try:
                value = int(raw)
            except ValueError:
                return None
            if not 0 <= value <= top:
                return None
            out[name] = value
    return out


# --- visitors: subscribe with an address, confirm by mail ------------------------------------------
@never_cache
@require_http_methods(["POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    from nashra.newsletters.send import send_confirmation

    newsletter = get_object_or_404(
        Newsletter,
        slug=request.POST.get("newsletter", ""),
        active=True,
        visitors_may_subscribe=True,
    )
    email = request.POST.get("email", "").strip()
    try:
        validate_email(email)
    except ValidationError:
        return render(
            request,
            "newsletters/message.html",
            {
                "title": _("That address does not look right"),
                "text": _("Please go back and check the email address."),
            },
            status=400,
        )
    subscriber = subscriptions.subscriber_for_email(
        email, language=_lang(), time_zone=request.COOKIES.get("nashra_tz", "UTC")
    )
    sub = subscriptions.subscribe(subscriber, newsletter, confirmed=False)
    recently = sub.confirmation_sent_at and timezone.now() - sub.confirmation_sent_at < timedelta(
        minutes=10
    )
    if sub.status == Subscription.Status.PENDING and not recently:
        try:
            send_confirmation(sub)
        except Exception:  # the page must not reveal mail trouble or whether the address exists
            log.exception("sending the confirmation to subscriber %s failed", subscriber.pk)
    # The same answer whatever the address's state, so the page reveals nothing.
    return render(
        request,
        "newsletters/message.html",
        {
            "title": _("Check your inbox"),
            "text": _(
                "If this address can receive our mail, a message is on its way: open the link in it to confirm your subscription."
            ),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        sub_id = tokens.read_confirm_token(token)
    except signing.BadSignature:
        return render(
            request,
            "newsletters/message.html",
            {
                "title": _("This link has expired or is not valid"),
                "text": _("Subscribe again to get a new confirmation message."),
            },
            status=400,
        )
    sub = get_object_or_404(Subscription.objects.select_related("newsletter"), pk=sub_id)
    name = sub.newsletter.display_name(_lang())
    if request.method == "POST":
        subscriptions.confirm(sub)
        return render(
            request,
            "newsletters/message.html",
            {
                "title": _("You are subscribed"),
                "text": _("Welcome to “%(name)s”.") % {"name": name},
                "manage_url": reverse(
                    "newsletters:manage", args=[tokens.manage_token(sub.subscriber_id)]
                ),
            },
        )
    # A GET (a mail scanner following links, or the reader) only shows the button.
    return render(request, "newsletters/confirm.html", {"name": name, "subscription": sub})


# --- unsubscribe: one click (RFC 8058), and the page behind the visible link ----------------------
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """POST (the mail client's one-click, or the page's button) unsubscribes at once,
    without cookie, session or CSRF token; GET only shows a page with a button."""
    try:
        subscriber_id, newsletter_id = tokens.read_unsubscribe_token(token)
    except signing.BadSignature:
        raise Http404("unknown link") from None
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    newsletter = Newsletter.objects.filter(pk=newsletter_id).first()
    if subscriber is None or newsletter is None:
        raise Http404("unknown link")
    language = composing.reader_language(subscriber)
    with translation.override(language):
        name = newsletter.display_name(language)
        manage_url = reverse("newsletters:manage", args=[tokens.manage_token(subscriber.pk)])
        if request.method == "POST":
            one_click = request.POST.get("List-Unsubscribe") == "One-Click"
            subscriptions.unsubscribe(
                subscriber.pk, newsletter.pk, "one-click" if one_click else "page"
            )
            response = render(
                request,
                "newsletters/message.html",
                {
                    "title": _("You are unsubscribed"),
                    "text": _("You will not receive “%(name)s” any more.") % {"name": name},
                    "manage_url": manage_url,
                },
            )
        else:
            subscribed = (
                Subscription.objects.filter(subscriber=subscriber, newsletter=newsletter)
                .exclude(status=Subscription.Status.UNSUBSCRIBED)
                .exists()
            )
            response = render(
                request,
                "newsletters/unsubscribe.html",
                {
                    "name": name,
                    "email": subscriber.email,
                    "subscribed": subscribed,
                    "manage_url": manage_url,
                },
            )
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """Every subscription of the address the link was mailed to, with toggles."""
    try:
        subscriber = get_object_or_404(Subscriber, pk=tokens.read_manage_token(token))
    except signing.BadSignature:
        raise Http404("unknown link") from None
    ensure_defaults()
    lang = _lang()
    if request.method == "POST":
        newsletter = get_object_or_404(Newsletter, pk=request.POST.get("newsletter"), active=True)
        if request.POST.get("action") == "unsubscribe":
            subscriptions.unsubscribe(subscriber.pk, newsletter.pk, "manage")
        elif newsletter.kind != Newsletter.Kind.DIGEST or subscriber.user_id:
            # The link came to this mailbox, so it confirms the address.
            subscriptions.subscribe(subscriber, newsletter, confirmed=True)
        return HttpResponseRedirect(request.path)
    current = {s.newsletter_id: s for s in Subscription.objects.filter(subscriber=subscriber)}
    rows = [
        {
            "newsletter": n,
            "name": n.display_name(lang),
            "description": n.display_description(lang),
            "active": bool(
                current.get(n.pk) and current[n.pk].status == Subscription.Status.ACTIVE
            ),
            "available": n.kind != Newsletter.Kind.DIGEST or bool(subscriber.user_id),
        }
        for n in Newsletter.objects.filter(active=True)
    ]
    return render(request, "newsletters/manage.html", {"rows": rows, "email": subscriber.email})


# --- web versions ----------------------------------------------------------------------------------
def archive(request: HttpRequest, slug: str) -> HttpResponse:
    newsletter = get_object_or_404(Newsletter, slug=slug, active=True)
    if newsletter.kind == Newsletter.Kind.DIGEST:
        raise Http404("personal digests have no public archive")
    issues = newsletter.issues.filter(status__in=PUBLIC).order_by("-created_at")[:100]
    lang = _lang()
    return render(
        request,
        "newsletters/archive.html",
        {
            "newsletter": newsletter,
            "name": newsletter.display_name(lang),
            "description": newsletter.display_description(lang),
            "issues": issues,
        },
    )


@EMAIL_HTML_CSP
def issue(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    found = get_object_or_404(
        Issue.objects.select_related("newsletter"), pk=pk, newsletter__slug=slug, status__in=PUBLIC
    )
    if found.newsletter.kind == Newsletter.Kind.DIGEST:
        raise Http404("personal digests have no public archive")
    composed = composing.compose(found, None, language=_lang())
    return HttpResponse(render_message(composed).html)


@EMAIL_HTML_CSP
@never_cache
def view(request: HttpRequest, token: str) -> HttpResponse:
    """A recipient's own message in the browser (personal digests)."""
    try:
        delivery_id = tokens.read_view_token(token)
    except signing.BadSignature:
        raise Http404("unknown link") from None
    delivery = get_object_or_404(
        Delivery.objects.select_related("issue__newsletter", "subscriber__user"), pk=delivery_id
    )
    composed = composing.compose(delivery.issue, delivery.subscriber, delivery=delivery)
    response = HttpResponse(render_message(composed).html)
    response["X-Robots-Tag"] = "noindex"
    return response
