"""Reader pages: the personal feed (home for a signed-in reader), follow / hide, the
follows page, saved articles, settings with tokens, export and account deletion.

Every state change is a POST with a CSRF token that works as a plain form (it redirects
back); ``static/readers/readers.js`` sends the same forms with ``fetch`` and an
``Accept: application/json`` header, and gets JSON back instead of a redirect. Every
query is filtered by ``request.user``: there is no URL that names another reader's row.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nashra.news import views as news_views
from nashra.readers import feed as feeds
from nashra.readers.models import ApiToken, Follow, ReadMark, SavedArticle
from nashra.readers.services import (
    TargetNotFound,
    export_data,
    profile_of,
    save_article,
    set_follow,
    unsave_article,
)
from nashra.readers.tokens import create_token, find_token
from nashra.site.middleware import DIGITS_COOKIE, TZ_COOKIE
from nashra.text import match_form

FEED_PAGE = 30
SAVED_PAGE = 50
YEAR = 365 * 24 * 3600


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _back(request: HttpRequest, default: str) -> str:
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, {request.get_host()}, request.is_secure()):
        return nxt
    return default


# --- home and read tracking --------------------------------------------------------------
def home(request: HttpRequest) -> HttpResponse:
    """Home: the personal feed for a signed-in reader, the front page for everyone else."""
    if request.user.is_authenticated:
        return feed_page(request)
    return news_views.home(request)


def article(request: HttpRequest, pk: int) -> HttpResponse:
    """The article page; opening it while signed in marks the article read."""
    response = news_views.article(request, pk)
    if request.user.is_authenticated and response.status_code == 200:
        ReadMark.objects.get_or_create(user=request.user, article_id=pk)
    return response


@login_required
def feed_page(request: HttpRequest) -> HttpResponse:
    cursor = request.GET.get("cursor") or None
    try:
        items, nxt = feeds.personal_feed(request.user, limit=FEED_PAGE, cursor=cursor)
    except feeds.BadCursor:
        return HttpResponseBadRequest("invalid cursor")
    has_follows = Follow.objects.filter(user=request.user, hidden=False).exists()
    return render(
        request,
        "readers/feed.html",
        {
            "items": items,
            "next_cursor": nxt,
            "first_page": cursor is None,
            "has_follows": has_follows,
            "suggestions": [] if has_follows else feeds.suggested_entities(),
            "feed_token": request.session.pop("readers_new_feed_url", None),
        },
    )


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    profile = profile_of(request.user)
    profile.all_read_at = timezone.now()
    profile.save(update_fields=["all_read_at"])
    if wants_json(request):
        return JsonResponse({"ok": True})
    messages.success(request, _("Everything in your feed is marked as read."))
    return HttpResponseRedirect(_back(request, reverse("news:home")))


# --- follow and hide ---------------------------------------------------------------------
ACTIONS = ("follow", "hide", "unfollow")


@login_required
@require_POST
def follow(request: HttpRequest) -> HttpResponse:
    kind = request.POST.get("kind", "")
    target = request.POST.get("target", "")
    action = request.POST.get("action", "follow")
    if kind not in Follow.Kind.values or action not in ACTIONS:
        return HttpResponseBadRequest("bad follow")
    try:
        row = set_follow(request.user, kind, target, action)
    except TargetNotFound as exc:
        raise Http404("no such thing to follow") from exc
    state = "" if row is None else ("hidden" if row.hidden else "following")
    if wants_json(request):
        return JsonResponse({"ok": True, "state": state, "follow": row.as_json() if row else None})
    label = row.label if row else ""
    if state == "following":
        messages.success(request, _("You now follow %(name)s.") % {"name": label})
    elif state == "hidden":
        messages.success(request, _("%(name)s is hidden from your feed.") % {"name": label})
    else:
        messages.success(request, _("Removed."))
    return HttpResponseRedirect(_back(request, reverse("readers:following")))


@login_required
def following(request: HttpRequest) -> HttpResponse:
    rows = list(
        Follow.objects.filter(user=request.user).select_related("entity", "source", "story")
    )
    return render(
        request,
        "readers/following.html",
        {
            "follows": [f for f in rows if not f.hidden],
            "hides": [f for f in rows if f.hidden],
            "suggestions": feeds.suggested_entities(),
        },
    )


# --- saved articles ----------------------------------------------------------------------
def _saved_query(request: HttpRequest) -> tuple[Any, str, str]:
    q = request.GET.get("q", "").strip()[:200]
    tag = request.GET.get("tag", "").strip()[:40]
    rows = SavedArticle.objects.filter(user=request.user).select_related(
        "article", "article__source"
    )
    if tag:
        rows = [s for s in rows if tag in (s.tags or [])]  # JSON containment, DB-agnostic
    if q:
        wanted = [w for w in match_form(q).split() if w]

        def hit(s: SavedArticle) -> bool:
            hay = match_form(
                " ".join(
                    [
                        s.article.title,
                        s.article.subtitle,
                        s.note,
                        " ".join(s.tags or []),
                        s.article.source.name,
                        *[p for p in s.article.body if isinstance(p, str)],
                    ]
                )
            )
            return all(w in hay for w in wanted)

        rows = [s for s in rows if hit(s)]
    return list(rows), q, tag


@login_required
def saved(request: HttpRequest) -> HttpResponse:
    rows, q, tag = _saved_query(request)
    tags: dict[str, int] = {}
    for tags_of in SavedArticle.objects.filter(user=request.user).values_list("tags", flat=True):
        for t in tags_of or []:
            tags[t] = tags.get(t, 0) + 1
    return render(
        request,
        "readers/saved.html",
        {
            "saved": rows[:500],
            "q": q,
            "tag": tag,
            "all_tags": sorted(tags.items()),
            "total": SavedArticle.objects.filter(user=request.user).count(),
        },
    )


@login_required
@require_POST
def save(request: HttpRequest) -> HttpResponse:
    try:
        article_id = int(request.POST.get("article", ""))
    except ValueError:
        return HttpResponseBadRequest("bad article")
    note = request.POST.get("note")
    tags = request.POST.get("tags")
    try:
        row = save_article(request.user, article_id, note=note, tags=tags)
    except TargetNotFound as exc:
        raise Http404("no such article") from exc
    if wants_json(request):
        return JsonResponse({"ok": True, "saved": True, "item": row.as_json()})
    messages.success(request, _("Saved."))
    return HttpResponseRedirect(_back(request, reverse("readers:saved")))


@login_required
@require_POST
def unsave(request: HttpRequest, article_id: int) -> HttpResponse:
    if not unsave_article(request.user, article_id) and not wants_json(request):
        raise Http404("not saved")
    if wants_json(request):
        return JsonResponse({"ok": True, "saved": False})
    messages.success(request, _("Removed from your saved articles."))
    return HttpResponseRedirect(_back(request, reverse("readers:saved")))


@login_required
@require_GET
def saved_export(request: HttpRequest, fmt: str) -> HttpResponse:
    rows, _q, _tag = _saved_query(request)
    stamp = timezone.now().strftime("%Y%m%d")
    if fmt == "json":
        body = json.dumps([s.as_json() for s in rows], ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    elif fmt == "csv":
        out = io.StringIO()
        out.write("\ufeff")  # so spreadsheet programs read the Arabic as UTF-8
        w = csv.writer(out)
        w.writerow(
            ["article_id", "title", "source", "published_at", "url", "note", "tags", "saved_at"]
        )
        for s in rows:
            j = s.as_json()
            w.writerow(
                [
                    j["article_id"],
                    j["title"],
                    j["source"],
                    j["published_at"] or "",
                    j["url"],
                    j["note"],
                    ";".join(j["tags"]),
                    j["saved_at"],
                ]
            )  # type: ignore[arg-type]
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        raise Http404("unknown format")
    response["Content-Disposition"] = f'attachment; filename="nashra-saved-{stamp}.{fmt}"'
    return response


# --- settings, tokens, export, delete ----------------------------------------------------
def _zones() -> list[str]:
    return news_views._zones()


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    from nashra.readers.forms import ProfileForm

    profile = profile_of(request.user)
    form = ProfileForm(request.POST or None, instance=profile, zones=_zones())
    if request.method == "POST" and form.is_valid():
        form.save()
        lang = profile.language
        with translation.override(lang):
            back = reverse("readers:settings")
        response = HttpResponseRedirect(back)
        response.set_cookie(TZ_COOKIE, profile.timezone, max_age=YEAR, samesite="Lax")
        if profile.digits:
            response.set_cookie(DIGITS_COOKIE, profile.digits, max_age=YEAR, samesite="Lax")
        else:
            response.delete_cookie(DIGITS_COOKIE)
        from django.conf import settings as dj

        response.set_cookie(dj.LANGUAGE_COOKIE_NAME, lang, max_age=YEAR, samesite="Lax")
        with translation.override(lang):
            messages.success(request, _("Your settings are saved."))
        return response
    tokens = ApiToken.objects.filter(user=request.user, revoked_at__isnull=True)
    return render(
        request,
        "readers/settings.html",
        {
            "form": form,
            "profile": profile,
            "tokens": tokens,
            "new_token": request.session.pop("readers_new_token", None),
            "scopes": ApiToken.Scope.choices,
        },
    )


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    scope = request.POST.get("scope", ApiToken.Scope.READ)
    if scope not in ApiToken.Scope.values:
        return HttpResponseBadRequest("bad scope")
    name = (request.POST.get("name") or "").strip()[:100] or dict(ApiToken.Scope.choices)[scope]
    if ApiToken.objects.filter(user=request.user, revoked_at__isnull=True).count() >= 50:
        return HttpResponseBadRequest("too many tokens")
    row, secret = create_token(request.user, name, scope)
    shown: dict[str, str] = {"name": row.name, "token": secret, "scope": row.scope}
    if scope == ApiToken.Scope.FEED:
        shown["rss"] = request.build_absolute_uri(
            reverse("reader_private_feed", args=[secret, "rss"])
        )
        shown["json"] = request.build_absolute_uri(
            reverse("reader_private_feed", args=[secret, "json"])
        )
    # Shown once, on the next page, from the session (never in a URL, never stored).
    request.session["readers_new_token"] = shown
    return HttpResponseRedirect(reverse("readers:settings") + "#tokens")


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(ApiToken, pk=pk, user=request.user, revoked_at__isnull=True)
    row.revoked_at = timezone.now()
    row.save(update_fields=["revoked_at"])
    messages.success(request, _("The token is revoked."))
    return HttpResponseRedirect(reverse("readers:settings") + "#tokens")


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    body = json.dumps(export_data(request.user), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="nashra-my-data-{timezone.now():%Y%m%d}.json"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        user = request.user
        if request.POST.get("confirm") == "1" and user.check_password(
            request.POST.get("password", "")
        ):
            logout(request)
            user.delete()  # cascades to profile, follows, saved, read marks, tokens, emails
            messages.success(request, _("Your account and everything in it have been deleted."))
            return HttpResponseRedirect(reverse("news:home"))
        error = _("The password is not right, or the box is not ticked.")
    return render(request, "readers/delete.html", {"error": error}, status=400 if error else 200)


# --- private feed URL --------------------------------------------------------------------
@require_GET
def private_feed(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    from nashra.api.feeds import render_feed

    row = find_token(token, {ApiToken.Scope.FEED})
    if row is None:
        raise Http404("unknown feed")
    profile = profile_of(row.user)
    lang = profile.language
    with translation.override(lang):
        items, _nxt = feeds.personal_feed(row.user, limit=50)
        response = render_feed(
            request,
            fmt,
            title=_("My feed · Nashra"),
            link=reverse("news:home"),
            description=_("Your personal nashra feed"),
            articles=[i.article for i in items],
            language=lang,
        )
    response["Cache-Control"] = "private, max-age=60"
    response["X-Robots-Tag"] = "noindex"
    return response
