"""Template helpers for the reading pages: digits, reader-local dates, content direction,
the language switch and sanitised HTML."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

import nh3
from django import template
from django.http import HttpRequest
from django.template.defaultfilters import date as date_filter
from django.urls import get_script_prefix, reverse, translate_url
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from nashra.site.middleware import reader_digits

register = template.Library()

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "ku", "sd", "ug", "yi", "dv"})


def to_digits(value: object, style: str | None = None) -> str:
    text = str(value)
    if (style or reader_digits.get()) == "arab":
        return text.translate(_ARABIC_INDIC)
    return text


@register.filter(name="digits", is_safe=True)
def digits_filter(value: object) -> str:
    """Numbers in the reader's digits (Arabic-Indic ٠١٢ or Latin 012)."""
    if value is None:
        return ""
    if isinstance(value, SafeString):
        return mark_safe(to_digits(value))
    return to_digits(value)


@register.simple_tag
def when(value: datetime | None, fmt: str = "") -> str:
    """A datetime in the reader's time zone, formatted, in the reader's digits; the
    month names follow the interface language."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    # Translators: a date format (Django's date filter syntax); Arabic uses the Arabic comma.
    return to_digits(date_filter(local, fmt or gettext("j F Y, H:i")))


@register.simple_tag
def iso(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.isoformat()


def content_language(language: str, source_language: str = "") -> str:
    return (language or source_language or "").split("-")[0].lower()


def content_direction(language: str, source_direction: str = "") -> str:
    if source_direction in ("rtl", "ltr"):
        return source_direction
    if not language or language == "und":
        return "auto"
    return "rtl" if language in RTL_LANGUAGES else "ltr"


@register.filter
def lang_of(article: Any) -> str:
    """The article content's language code (its own, else its source's)."""
    src = getattr(article, "source", None)
    return (
        content_language(getattr(article, "language", ""), getattr(src, "language", "") or "")
        or "ar"
    )


@register.filter
def dir_of(article: Any) -> str:
    """The article content's direction: the source's override, else from its language."""
    src = getattr(article, "source", None)
    lang = content_language(getattr(article, "language", ""), getattr(src, "language", "") or "")
    return content_direction(lang, getattr(src, "direction", "") or "")


@register.simple_tag(takes_context=True)
def switch_language_url(context: dict[str, Any], language: str) -> str:
    """This page in another interface language (/… ↔ /en/…), keeping the query."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return "/" if language == "ar" else f"/{language}/"
    url = translate_url(request.get_full_path(), language)
    return url


@register.simple_tag
def current_language() -> str:
    return get_language() or "ar"


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters changed (None or '' removes them)."""
    request: HttpRequest | None = context.get("request")
    params = dict(request.GET.items()) if request is not None else {}
    params.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params) if params else "?"


@register.filter(is_safe=True)
def snippet_html(value: str) -> str:
    """Search snippets: only <mark> survives (the backend escapes; this is a second lock)."""
    return mark_safe(nh3.clean(value or "", tags={"mark"}, attributes={}))


@register.filter
def percent_of(value: int, maximum: int) -> int:
    """``value`` as a share of ``maximum`` in steps of 5 (5–100), for CSS bar classes
    (no inline styles: the Content-Security-Policy forbids them)."""
    try:
        if not int(maximum):
            return 0
        return max(5, min(100, 5 * round(20 * int(value) / int(maximum))))
    except (TypeError, ValueError):
        return 0


@lru_cache(maxsize=50_000)
def _reverse(language: str, prefix: str, name: str, arg: object) -> str:
    return reverse(name, args=[arg])


def url_of(name: str, arg: object) -> str:
    """``reverse(name, args=[arg])``, remembered: a list page links each of its articles
    and sources, and reversing costs more than the rest of an item. The result depends
    on the interface language (``/en/…``) and the script prefix, so both are in the key."""
    return _reverse(get_language() or "", get_script_prefix(), name, arg)


@register.simple_tag(name="link")
def link(name: str, arg: object) -> str:
    """``{% url name arg %}`` for links repeated in loops (mentions, quotes, chips)."""
    return url_of(name, arg)


@register.simple_tag
def timeline_bars(days: list[tuple[str, int]], peak: int) -> SafeString:
    """The per-day mention bars of an entity page, one ``<li>`` per day, in the reader's
    digits (a template loop costs ~2 ms for 60 days; this, a tenth of that)."""
    items = []
    for day, n in days:
        label = f"{to_digits(day)}: {to_digits(n)}"
        items.append(
            format_html(
                '<li title="{}"><span class="bar h{}"></span>'
                '<span class="visually-hidden">{}</span></li>',
                label,
                percent_of(n, peak),
                label,
            )
        )
    return mark_safe("".join(items))


@register.simple_tag(takes_context=True)
def article_item(context: template.Context, article: Any) -> SafeString:
    """One article in a list: headline, source, date, and the save button for a signed-in
    reader. Built in Python rather than an included template: pages list up to 30 of
    these, and an include with its tags costs several times more."""
    when_html = ""
    if article.published_at:
        when_html = format_html(
            ' · <time datetime="{}">{}</time>',
            iso(article.published_at),
            when(article.published_at),
        )
    html = format_html(
        '<li class="item">\n  <a class="item-link" href="{}" lang="{}" dir="{}">{}</a>\n'
        '  <div class="meta"><a href="{}">{}</a>{}</div>\n',
        url_of("news:article", article.pk),
        lang_of(article),
        dir_of(article),
        article.title or gettext("(untitled)"),
        url_of("news:source", article.source.slug),
        article.source.name,
        when_html,
    )
    user = context.get("user")
    if user is not None and user.is_authenticated:
        from nashra.readers.templatetags.readers import save_button

        values = save_button(context, article)
        save = context.template.engine.get_template("readers/_save.html")
        html += save.render(context.new(values))  # type: ignore[union-attr]
    return mark_safe(html + "</li>")
