"""Per-reader display preferences: time zone and digits, from cookies.

Until accounts exist, a reader's preferences live in two cookies set by the preferences
page: ``nashra_tz`` (an IANA zone name; default ``NASHRA_READER_TIME_ZONE``, UTC) and
``nashra_digits`` (``arab`` for Arabic-Indic ٠١٢, ``latn`` for 012; default: Arabic-Indic
in the Arabic interface, Latin in the English one). The active values sit in context
variables so template filters can read them without the request.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import get_resolver, get_urlconf
from django.utils import timezone, translation

TZ_COOKIE = "nashra_tz"
DIGITS_COOKIE = "nashra_digits"
DIGITS = ("arab", "latn")

reader_digits: ContextVar[str] = ContextVar("reader_digits", default="latn")


@lru_cache(maxsize=512)
def _zone(name: str) -> zoneinfo.ZoneInfo | None:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def reader_zone_name(request: HttpRequest) -> str:
    name = request.COOKIES.get(TZ_COOKIE, "")
    if name and _zone(name) is not None:
        return name
    return str(getattr(settings, "NASHRA_READER_TIME_ZONE", "UTC"))


def reader_digits_pref(request: HttpRequest) -> str:
    value = request.COOKIES.get(DIGITS_COOKIE, "")
    if value in DIGITS:
        return value
    return "arab" if (translation.get_language() or "ar").startswith("ar") else "latn"


class ReaderPreferencesMiddleware:
    """Activates the reader's time zone and digit preference for this request
    (after LocaleMiddleware, so the default digits follow the page language)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        zone = _zone(reader_zone_name(request))
        if zone is not None:
            timezone.activate(zone)
        token = reader_digits.set(reader_digits_pref(request))
        try:
            return self.get_response(request)
        finally:
            reader_digits.reset(token)
            timezone.deactivate()


def reader_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "reader_tz": reader_zone_name(request),
        "reader_digits": reader_digits.get(),
    }


class RejectNulMiddleware:
    """A request whose parameters hold a NUL character gets 400 Bad Request.

    No text we store or look up may hold one (PostgreSQL refuses it in text values, so a
    search for ``%00`` would otherwise end in a server error): query parameters, form
    fields and JSON bodies are checked before any view runs. Placed last, so that an API
    request's answer still passes through the API's JSON error shape."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _holds_nul(request):
            # the site's 400 page (the API's middleware makes it its JSON error); called,
            # not raised, so the log has one line for it and no traceback
            handler = get_resolver(get_urlconf()).resolve_error_handler(400)
            response: HttpResponse = handler(
                request, exception=BadRequest("a request parameter holds a NUL character")
            )
            return response
        return self.get_response(request)


def _holds_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path or _nul_in(request.GET):
        return True
    kind = request.content_type or ""
    if kind in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return _nul_in(request.POST)
    if kind == "application/json":
        body = request.body
        return b"\x00" in body or b"\\u0000" in body
    return False


def _nul_in(params: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in params.lists())
