"""The reading pages' cache: whole pages for readers who are not signed in, page data
(panels, search results) for everyone, all keyed by the *content generation*.

The generation names the state of everything a reading page shows. It is read from the
database once per request (one query over three primary keys, well under a millisecond):

* the newest article id — ingest and polling add articles (and place them in stories);
* the newest analysis id — analysing or re-analysing an article replaces its analysis
  row (new id) together with its mentions, quotes and entity counts;
* ``ContentVersion.stamp`` — changed by any ``save()``/``delete()`` that edits shown
  content in place (an editor renaming a source, merging entities, fixing a headline).

So a cached page or panel is never served after the content under it changed, in any
worker process, whatever the cache backend; ``NASHRA_PAGE_CACHE_SECONDS`` bounds how long
an entry lives in any case. The cache alias ``pages`` (settings) is shared by gunicorn
workers through files under ``$NASHRA_HOME/cache`` by default.

Whole pages are cached only where nothing in them belongs to a reader: a GET by someone
not signed in, with no message waiting for them, whose page set no cookie and used no
CSRF token. Signed-in readers get pages rendered for them (their saved and follow
buttons, their CSRF token) from cached data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import BaseCache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from nashra.news.models import Article, ArticleAnalysis, ContentVersion
from nashra.site.middleware import reader_digits, reader_zone_name

T = TypeVar("T")
View = Callable[..., HttpResponse]

CULL_EVERY = 200  # writes between two counts of the cache folder


class FileCache(FileBasedCache):
    """Django's file cache, counting its entries (to cull the oldest-by-chance when over
    MAX_ENTRIES) on one write in CULL_EVERY instead of on every write: Django lists the
    whole folder each time, about 10 ms at 20,000 entries."""

    _writes = 0  # per process; a lost increment between threads only shifts the next cull

    def _cull(self) -> None:
        FileCache._writes += 1
        if FileCache._writes % CULL_EVERY == 0:
            super()._cull()


def page_cache() -> BaseCache:
    return caches["pages"] if "pages" in settings.CACHES else caches["default"]


def seconds() -> int:
    return int(getattr(settings, "NASHRA_PAGE_CACHE_SECONDS", 600))


_GENERATION_SQL = (
    f"SELECT (SELECT MAX(id) FROM {Article._meta.db_table}), "
    f"(SELECT MAX(id) FROM {ArticleAnalysis._meta.db_table}), "
    f"(SELECT MAX(stamp) FROM {ContentVersion._meta.db_table})"
)


def generation(request: HttpRequest | None = None) -> str:
    """The content generation (see the module docstring), read once per request."""
    known = getattr(request, "_nashra_generation", None)
    if known is not None:
        return str(known)
    with connection.cursor() as cursor:
        cursor.execute(_GENERATION_SQL)
        row = cursor.fetchone() or ()
    value = ".".join(str(x or 0) for x in row)
    if request is not None:
        request._nashra_generation = value  # type: ignore[attr-defined]
    return value


def cached(request: HttpRequest | None, name: str, compute: Callable[[], T]) -> T:
    """``compute()``, reused from the cache while the content generation is unchanged.
    ``name`` must say everything the value depends on besides the content (an id, a
    query, a page number); nothing per reader may go into the value.

    Stored only when computed for a signed-in reader: other readers get the whole page
    from the cache, and pickling a page's model instances costs 1-4 ms."""
    key = f"data:{generation(request)}:{_digest(name)}"
    store = page_cache()
    value = store.get(key)
    if value is None:
        value = compute()
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            store.set(key, value, seconds())
    return value  # type: ignore[no-any-return]


def _digest(text: str) -> str:
    # Keys stay short and safe for every backend whatever the query text holds.
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _anonymous_get(request: HttpRequest) -> bool:
    if request.method != "GET":
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    # A waiting message ("you have signed out") is shown once, to this reader only.
    # len() loads the messages without marking them shown.
    return not len(get_messages(request))


def whole_page(view: View) -> View:
    """Serve a reading page from the cache to readers who are not signed in.

    The key holds what the page depends on besides the content: its path and query,
    the interface language, the reader's time zone and digits."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _anonymous_get(request):
            return view(request, *args, **kwargs)
        key = "page:" + ":".join(
            (
                generation(request),
                get_language() or "",
                reader_zone_name(request),
                reader_digits.get(),
                _digest(request.get_full_path()),
            )
        )
        store = page_cache()
        html = store.get(key)
        if html is not None:
            return HttpResponse(html)
        response = view(request, *args, **kwargs)
        if _shareable(request, response):
            store.set(key, response.content.decode(), seconds())
        return response

    return wrapper


def _shareable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether a rendered page may be served to other readers: a plain 200 page that
    set no cookie and holds no CSRF token (rendering one marks the request)."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and response.get("Content-Type", "").startswith("text/html")
    )
