"""Feeds out: RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1 for the latest news, every
source, entity, story and search query; OPML 2.0 of all sources.

Items link to nashra's article page (``link``/``url``) and to the original
(``external_url`` in JSON Feed). Text is plain display text: XML escaping is done by the
generators; the HTML variants hold escaped paragraphs only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.html import escape
from django.views.decorators.http import require_GET

from nashra.news.models import Article, Entity, Mention, Source, Story
from nashra.news.templatetags.nashra import content_language
from nashra.news.views import SearchForm, canonical, run_search, search_form

ITEMS = 30
SUMMARY_CHARS = 400
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}
OPML_TYPE = "text/x-opml; charset=utf-8"


def _paragraphs(a: Article) -> list[str]:
    return [p for p in (a.body or []) if isinstance(p, str)]


def _summary(a: Article) -> str:
    if a.subtitle:
        return a.subtitle
    paras = _paragraphs(a)
    text = paras[0] if paras else ""
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"


def _html(a: Article) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in _paragraphs(a))


def render_feed(
    request: HttpRequest,
    fmt: str,
    *,
    title: str,
    link: str,
    description: str,
    articles: Sequence[Article],
    language: str = "ar",
) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("unknown feed format")
    home = request.build_absolute_uri(link)
    self_url = request.build_absolute_uri()
    if fmt == "json":
        items = []
        for a in articles:
            url = request.build_absolute_uri(reverse("news:article", args=[a.pk]))
            item: dict[str, Any] = {
                "id": url,
                "url": url,
                "title": a.title,
                "content_text": "\n\n".join(_paragraphs(a)) or a.subtitle or a.title,
                "content_html": _html(a) or f"<p>{escape(a.subtitle or a.title)}</p>",
                "summary": _summary(a),
                "language": content_language(a.language, a.source.language) or language,
                "tags": [a.source.name],
            }
            if a.url:
                item["external_url"] = a.url
            if a.published_at:
                item["date_published"] = (
                    a.published_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
                )
            if a.author:
                item["authors"] = [{"name": a.author}]
            items.append(item)
        body = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "home_page_url": home,
            "feed_url": self_url,
            "description": description,
            "language": language,
            "items": items,
        }
        response = HttpResponse(
            json.dumps(body, ensure_ascii=False, indent=1), content_type=CONTENT_TYPES["json"]
        )
    else:
        cls = feedgenerator.Rss201rev2Feed if fmt == "rss" else feedgenerator.Atom1Feed
        updated = max((a.published_at for a in articles if a.published_at), default=None)
        feed = cls(
            title=title,
            link=home,
            description=description,
            language=language,
            feed_url=self_url,
            feed_guid=self_url,
        )
        for a in articles:
            url = request.build_absolute_uri(reverse("news:article", args=[a.pk]))
            feed.add_item(
                title=a.title or "—",
                link=url,
                description=_html(a) or escape(_summary(a)),
                unique_id=url,
                unique_id_is_permalink=True,
                pubdate=a.published_at,
                updateddate=a.published_at or updated or timezone.now(),
                author_name=a.author or None,
                categories=[a.source.name],
            )
        response = HttpResponse(content_type=CONTENT_TYPES[fmt])
        feed.write(response, "utf-8")
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _recent(qs: Any) -> list[Article]:
    return list(
        qs.filter(duplicate_of__isnull=True)
        .select_related("source")
        .defer("original", "minhash", "boilerplate")
        .order_by("-published_at", "-id")[:ITEMS]
    )


@require_GET
def latest(request: HttpRequest, fmt: str) -> HttpResponse:
    return render_feed(
        request,
        fmt,
        title="نشرة · آخر الأخبار",
        link=reverse("news:home"),
        description="آخر الأخبار في نشرة",
        articles=_recent(Article.objects.all()),
    )


@require_GET
def source(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    src = get_object_or_404(Source, slug=slug)
    return render_feed(
        request,
        fmt,
        title=f"{src.name} · نشرة",
        link=reverse("news:source", args=[src.slug]),
        description=f"آخر أخبار {src.name}",
        articles=_recent(Article.objects.filter(source=src)),
        language=src.language or "ar",
    )


@require_GET
def entity(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    e = canonical(get_object_or_404(Entity, slug=slug))
    ids = [e.pk, *Entity.objects.filter(merged_into=e).values_list("pk", flat=True)]
    qs = Article.objects.filter(
        id__in=Mention.objects.filter(entity_id__in=ids).values("article_id")
    )
    return render_feed(
        request,
        fmt,
        title=f"{e.name} · نشرة",
        link=reverse("news:entity", args=[e.slug]),
        description=f"أخبار تذكر {e.name}",
        articles=_recent(qs),
    )


@require_GET
def story(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    st = get_object_or_404(Story, pk=pk)
    return render_feed(
        request,
        fmt,
        title=f"{st.title or st.pk} · نشرة",
        link=reverse("news:story", args=[st.pk]),
        description="التغطية الكاملة للقصة",
        articles=_recent(Article.objects.filter(story=st)),
    )


@require_GET
def search(request: HttpRequest, fmt: str) -> HttpResponse:
    form: SearchForm = search_form(request)
    result, _ = run_search(form, limit=ITEMS, offset=0)
    order = [h.id for h in result.hits]
    found = {
        a.pk: a
        for a in Article.objects.filter(id__in=order)
        .select_related("source")
        .defer("original", "minhash")
    }
    link = reverse("news:search") + ("?" + request.GET.urlencode() if request.GET else "")
    label = form.q or "…"
    return render_feed(
        request,
        fmt,
        title=f"{label} · بحث نشرة",
        link=link,
        description=f"نتائج البحث عن {label}",
        articles=[found[i] for i in order if i in found],
    )


@require_GET
def opml(request: HttpRequest) -> HttpResponse:
    """OPML 2.0: every source, with its own feed URL when known and nashra's feed of it."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "نشرة · المصادر"
    ET.SubElement(head, "dateCreated").text = feedgenerator.rfc2822_date(datetime.now(UTC))
    ET.SubElement(head, "ownerName").text = "nashra"
    body = ET.SubElement(root, "body")
    group = ET.SubElement(body, "outline", text="نشرة", title="نشرة")
    for src in Source.objects.order_by("name"):
        ours = request.build_absolute_uri(reverse("feeds:source", args=[src.slug, "rss"]))
        attrs = {
            "type": "rss",
            "text": src.name,
            "title": src.name,
            "xmlUrl": src.feed_url or ours,
            "language": src.language or "",
        }
        if src.url:
            attrs["htmlUrl"] = src.url
        if src.feed_url:
            attrs["nashraUrl"] = ours
        ET.SubElement(group, "outline", {k: v for k, v in attrs.items() if v})
    data = (
        '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")
    ).encode()
    response = HttpResponse(data, content_type=OPML_TYPE)
    response["Content-Disposition"] = 'inline; filename="nashra-sources.opml"'
    return response
