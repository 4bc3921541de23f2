from __future__ import annotations

from typing import Any

from django import template

from nashra.readers.services import follow_state

register = template.Library()


def _follows(context: Any) -> dict[str, bool]:
    """The reader's follows and hides, loaded once per request: key → hidden."""
    request = context.get("request")
    cache = getattr(request, "_reader_follows", None)
    if cache is None:
        from nashra.readers.models import Follow

        user = context.get("user")
        cache = {}
        if user is not None and user.is_authenticated:
            cache = dict(Follow.objects.filter(user=user).values_list("key", "hidden"))
        if request is not None:
            request._reader_follows = cache
    return cache


@register.inclusion_tag("readers/_follow.html", takes_context=True)
def follow_button(context: Any, kind: str, obj: Any, hide: bool = True) -> dict[str, Any]:
    user = context.get("user")
    state = ""
    if user is not None and user.is_authenticated:
        follows = _follows(context)
        key = f"{kind}:{obj.pk}"
        state = ("hidden" if follows[key] else "following") if key in follows else ""
    target = getattr(obj, "slug", None) or str(obj.pk)
    return {
        "user": user,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "kind": kind,
        "target": target,
        "state": state,
        "hide": hide,
        "name": getattr(obj, "name", None) or getattr(obj, "title", ""),
    }


@register.inclusion_tag("readers/_save.html", takes_context=True)
def save_button(context: Any, article: Any, full: bool = False) -> dict[str, Any]:
    user = context.get("user")
    saved_ids = context.get("saved_ids") or frozenset()
    return {
        "user": user,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "article": article,
        "saved": bool(user and user.is_authenticated and article.pk in saved_ids),
        "full": full,
    }


@register.simple_tag(takes_context=True)
def topic_state(context: Any, query: str) -> str:
    from nashra.readers.services import TargetNotFound, resolve_target

    user = context.get("user")
    if not query or user is None or not user.is_authenticated:
        return ""
    try:
        key = resolve_target("topic", query)["key"]
    except TargetNotFound:
        return ""
    follows = _follows(context)
    return ("hidden" if follows[key] else "following") if key in follows else ""


__all__ = ["follow_button", "follow_state", "save_button", "topic_state"]
