"""RSS 0.9x/1.0/2.0 and Atom (feedparser) and JSON Feed 1.1 → one Document per item."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from nashra.extract.dates import parse_datetime
from nashra.extract.document import Document, ExtractError, Rejection
from nashra.extract.html import fragment_paragraphs

# An item whose text is shorter than this is a teaser: keep its link for a full fetch.
SUMMARY_ONLY_CHARS = 600

_DOCTYPE_ENTITY = re.compile(rb"<!DOCTYPE[^>\[]*\[[^\]]*<!ENTITY", re.I | re.S)
_ANY_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)


def is_json_feed(data: dict[str, Any]) -> bool:
    return isinstance(data, dict) and "jsonfeed.org" in str(data.get("version", ""))


def read_feed(data: bytes, *, origin: str) -> Iterator[Document | Rejection]:
    # Entity declarations are refused outright: never expanded, never fetched.
    if _DOCTYPE_ENTITY.search(data[:65536]) or _ANY_ENTITY_DECL.search(data[:65536]):
        raise ExtractError("feed declares XML entities (refused: never expanded)")
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        if not isinstance(exc, feedparser.CharacterEncodingOverride):
            raise ExtractError(f"feed XML error: {exc}")
    if not parsed.entries:
        raise ExtractError("feed has no items")
    site = parsed.feed.get("title", "")
    language = (parsed.feed.get("language") or "").split("-")[0].lower()
    for index, entry in enumerate(parsed.entries):
        item_origin = f"{origin}#item-{index + 1}"
        try:
            yield _entry_document(entry, item_origin, site, language)
        except ExtractError as exc:
            yield Rejection(item_origin, str(exc))


def _entry_document(entry: Any, origin: str, site: str, language: str) -> Document:
    content = ""
    if entry.get("content"):
        content = max((c.get("value", "") for c in entry.content), key=len)
    summary = entry.get("summary", "")
    html = content if len(content) >= len(summary) else summary
    paragraphs = fragment_paragraphs(html)
    title = " ".join(entry.get("title", "").split())
    if not paragraphs and not title:
        raise ExtractError("feed item has neither title nor text")
    published = None
    for key in ("published_parsed", "updated_parsed"):
        if entry.get(key):
            year, month, day, hour, minute, second = entry[key][:6]
            published = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
            break
    text_len = sum(len(p) for p in paragraphs)
    original = json.dumps(_plain(entry), ensure_ascii=False, default=str).encode("utf-8")
    return Document(
        origin=origin,
        format="feed",
        original=original,
        title=title,
        author=entry.get("author", ""),
        published_at=published,
        url=entry.get("link", ""),
        source=site,
        language=language,
        body=paragraphs or [title],
        needs_fetch=bool(entry.get("link")) and text_len < SUMMARY_ONLY_CHARS and not content,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not k.endswith("_parsed")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def read_json_feed(data: dict[str, Any], *, origin: str) -> Iterator[Document | Rejection]:
    items = data.get("items")
    if not isinstance(items, list) or not items:
        raise ExtractError("JSON Feed has no items")
    site = str(data.get("title", ""))
    language = str(data.get("language", "")).split("-")[0].lower()
    for index, item in enumerate(items):
        item_origin = f"{origin}#item-{index + 1}"
        if not isinstance(item, dict):
            yield Rejection(item_origin, "JSON Feed item is not an object")
            continue
        content_html = str(item.get("content_html") or "")
        content_text = str(item.get("content_text") or "")
        summary = str(item.get("summary") or "")
        paragraphs = (
            fragment_paragraphs(content_html)
            if content_html
            else [p.strip() for p in (content_text or summary).splitlines() if p.strip()]
        )
        title = str(item.get("title") or "").strip()
        if not paragraphs and not title:
            yield Rejection(item_origin, "JSON Feed item has neither title nor text")
            continue
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        author = ", ".join(str(a.get("name", "")) for a in authors if isinstance(a, dict))
        url = str(item.get("url") or item.get("external_url") or "")
        yield Document(
            origin=item_origin,
            format="feed",
            original=json.dumps(item, ensure_ascii=False).encode("utf-8"),
            title=title,
            author=author,
            published_at=parse_datetime(str(item.get("date_published") or "")),
            url=url,
            source=site,
            language=str(item.get("language") or language).split("-")[0].lower(),
            body=paragraphs or [title],
            needs_fetch=bool(url) and not (content_html or content_text),
        )
