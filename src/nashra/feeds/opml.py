"""OPML 2.0 import: outlines with an ``xmlUrl`` become sources with a feed to poll."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from defusedxml import ElementTree as SafeET
from django.db import transaction
from django.utils.text import slugify

from nashra.feeds.models import FeedState
from nashra.news.models import Source

MAX_OPML_BYTES = 5 * 1024 * 1024


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _valid_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def import_opml(data: bytes) -> ImportReport:
    """Create or update a Source (matched by feed URL, then by name) for every feed in
    the OPML. Entities are never expanded (defusedxml); bad outlines are skipped with a reason."""
    if len(data) > MAX_OPML_BYTES:
        raise ValueError(f"OPML larger than {MAX_OPML_BYTES // (1024 * 1024)} MB")
    try:
        root = SafeET.fromstring(data)
    except Exception as exc:  # ParseError, EntitiesForbidden, DTDForbidden…
        raise ValueError(f"not valid OPML: {exc.__class__.__name__}") from exc
    if root.tag != "opml":
        raise ValueError("not an OPML document (the root element is not <opml>)")
    report = ImportReport()
    with transaction.atomic():
        for outline in root.iter("outline"):
            feed_url = (outline.get("xmlUrl") or "").strip()
            if not feed_url:
                continue
            name = (
                outline.get("title") or outline.get("text") or urlsplit(feed_url).hostname or ""
            ).strip()[:200]
            if not _valid_url(feed_url) or not name:
                report.skipped.append(f"{name or feed_url}: not an http(s) feed URL")
                continue
            html_url = (outline.get("htmlUrl") or "").strip()
            language = (outline.get("language") or "").strip()[:8]
            source = (
                Source.objects.filter(feed_url=feed_url).first()
                or Source.objects.filter(name=name).first()
            )
            if source is None:
                slug = slugify(name, allow_unicode=True)[:190] or "source"
                base, n = slug, 2
                while Source.objects.filter(slug=slug).exists():
                    slug, n = f"{base}-{n}", n + 1
                source = Source.objects.create(
                    name=name,
                    slug=slug,
                    feed_url=feed_url,
                    url=html_url if _valid_url(html_url) else "",
                    language=language or "ar",
                )
                report.created.append(name)
            else:
                source.feed_url = feed_url
                if html_url and _valid_url(html_url) and not source.url:
                    source.url = html_url
                if language and not source.language:
                    source.language = language
                source.save()
                report.updated.append(source.name)
            FeedState.objects.get_or_create(source=source)
    return report
