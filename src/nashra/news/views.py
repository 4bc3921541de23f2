"""The reading pages: home, article, entity, story, source, search, preferences.

Everything shown is display text escaped by the template engine; the only HTML that
reaches a page unescaped is a search snippet, which goes through nh3 with ``<mark>`` as
its only allowed tag. Side panels (related articles, co-occurring entities, timelines)
are computed with bounded queries. A page's data is reused from the page cache, and whole
pages for readers not signed in, until the content under them changes
(nashra.news.pagecache).
"""

from __future__ import annotations

import zoneinfo
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import lru_cache
from typing import Any

from django.db import connection
from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import TruncDate
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_http_methods

from nashra.news.models import Article, ArticleAnalysis, Entity, Mention, Quote, Source, Story
from nashra.news.pagecache import cached, whole_page
from nashra.site.middleware import DIGITS, DIGITS_COOKIE, TZ_COOKIE, reader_zone_name
from nashra.text import terms

PAGE = 30
TOP_STORIES = 8
TOP_STORY_WINDOW = timedelta(days=3)
SOURCES_ON_HOME = 8
PER_SOURCE_ON_HOME = 4
RELATED = 6
SAME_STORY = 20
ENTITY_CANDIDATES = 300  # recent articles per entity looked at for side panels
TIMELINE_DAYS = 60
SEARCH_PAGE = 20
TOPICS = 6  # an article's keywords shown as searches, besides its named entities

LISTING_FIELDS = (
    "id",
    "title",
    "subtitle",
    "published_at",
    "language",
    "url",
    "source__name",
    "source__slug",
    "source__language",
    "source__direction",
)


def listing() -> QuerySet[Article]:
    """Originals (duplicates are shown on their original's page), light columns only."""
    return (
        Article.objects.filter(duplicate_of__isnull=True)
        .select_related("source")
        .only(*LISTING_FIELDS)
    )


def by_ids_or_story() -> QuerySet[Article]:
    """Like :func:`listing` but without the originals filter in SQL, for lookups by id or
    story: the caller drops copies in Python, so the planner uses the id/story index and
    never an index on ``duplicate_of`` (which matches nearly every row)."""
    return Article.objects.select_related("source").only(*LISTING_FIELDS, "duplicate_of_id")


def canonical(entity: Entity) -> Entity:
    """Follow editors' merges to the entity shown."""
    return entity.canonical()


def _entity_ids(entity: Entity) -> list[int]:
    """The entity and everything merged into it (one level, which is how editors merge)."""
    return [entity.pk, *Entity.objects.filter(merged_into=entity).values_list("pk", flat=True)]


def _newest_first(articles: list[Article]) -> list[Article]:
    floor = datetime.min.replace(tzinfo=zoneinfo.ZoneInfo("UTC"))
    return sorted(articles, key=lambda a: (a.published_at or floor, a.pk), reverse=True)


def _newest_first_by(items: list[Any], when: Any) -> list[Any]:
    floor = datetime.min.replace(tzinfo=zoneinfo.ZoneInfo("UTC"))
    return sorted(items, key=lambda x: (when(x) or floor, x.pk), reverse=True)


# --- home ---------------------------------------------------------------------------------
def top_stories(limit: int = TOP_STORIES) -> list[Story]:
    """Stories covered by the most sources in the last few days of news (counted back from
    the newest story, so an archive without today's news still has a front page)."""
    newest = Story.objects.aggregate(m=Max("last_published_at"))["m"]
    if newest is None:
        return []
    return list(
        Story.objects.filter(last_published_at__gte=newest - TOP_STORY_WINDOW, source_count__gte=2)
        .select_related("representative", "representative__source")
        .order_by("-source_count", "-size", "-last_published_at", "-id")[:limit]
    )


def _home_context() -> dict[str, Any]:
    sources = list(
        Source.objects.annotate(newest=Max("articles__published_at"))
        .filter(newest__isnull=False)
        .order_by("-newest", "name")[:SOURCES_ON_HOME]
    )
    by_source = [
        (s, list(listing().filter(source=s).order_by("-published_at", "-id")[:PER_SOURCE_ON_HOME]))
        for s in sources
    ]
    return {
        "stories": top_stories(),
        "latest": list(listing().order_by("-published_at", "-id")[:PAGE]),
        "by_source": by_source,
        "sources": list(Source.objects.order_by("name").only("name", "slug")),
    }


@whole_page
def home(request: HttpRequest) -> HttpResponse:
    """The front page: no per-reader data, no form that posts."""
    return render(request, "news/home.html", cached(request, "home", _home_context))


# --- article ------------------------------------------------------------------------------
@dataclass
class Segment:
    text: str
    entity: Entity | None = None


def paragraphs_with_mentions(article: Article, mentions: list[Mention]) -> list[list[Segment]]:
    """Split each body paragraph into plain text and linked entity mentions.

    Mention offsets index ``Article.text`` (paragraphs joined by a blank line), so each
    paragraph starts 2 characters after the previous one ends. A mention whose offsets do
    not fall inside one paragraph, overlap an earlier one, or no longer match the text
    (a stale analysis) is simply not linked.
    """
    body = [p if isinstance(p, str) else str(p) for p in (article.body or [])]
    spans = sorted(
        (m for m in mentions if not m.in_title and m.end > m.start),
        key=lambda m: (m.start, -m.end),
    )
    out: list[list[Segment]] = []
    offset = 0
    i = 0
    for para in body:
        start, end = offset, offset + len(para)
        segments: list[Segment] = []
        cursor = 0
        while i < len(spans) and spans[i].start < end:
            m = spans[i]
            i += 1
            if m.start < start + cursor or m.end > end:
                continue  # overlaps the previous link, or crosses a paragraph break
            local_start, local_end = m.start - start, m.end - start
            if m.text and para[local_start:local_end] != m.text:
                continue  # stale offsets
            if local_start > cursor:
                segments.append(Segment(para[cursor:local_start]))
            segments.append(Segment(para[local_start:local_end], m.entity))
            cursor = local_end
        if cursor < len(para):
            segments.append(Segment(para[cursor:]))
        out.append(segments)
        offset = end + 2
    return out


def related_articles(article: Article, entity_ids: list[int], exclude: set[int]) -> list[Article]:
    """Articles sharing the most of this article's main entities, looking at the newest
    ENTITY_CANDIDATES articles of each entity; ties go to the newest."""
    if not entity_ids:
        return []
    table = Mention._meta.db_table
    # One statement instead of one query per entity: the per-entity candidate lists are
    # each read from the (entity, article) index newest first, then counted together.
    parts = " UNION ALL ".join(
        f"SELECT article_id FROM (SELECT DISTINCT article_id FROM {table} "
        f"WHERE entity_id = %s AND article_id <> %s ORDER BY article_id DESC LIMIT %s) AS e{i}"
        for i in range(len(entity_ids))
    )
    params: list[int] = []
    for eid in entity_ids:
        params += [eid, article.pk, ENTITY_CANDIDATES]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT article_id FROM ({parts}) AS c GROUP BY article_id "
            "ORDER BY COUNT(*) DESC, article_id DESC LIMIT %s",
            [*params, RELATED * 3 + len(exclude)],
        )
        ids = [row[0] for row in cursor.fetchall() if row[0] not in exclude]
    found = {a.pk: a for a in by_ids_or_story().filter(id__in=ids) if a.duplicate_of_id is None}
    return [found[i] for i in ids if i in found][:RELATED]


ENTITY_FIELDS = ("id", "kind", "name", "slug", "merged_into_id")


def _article_context(pk: int) -> dict[str, Any]:
    """Everything the article page shows that is the same for every reader."""
    item = get_object_or_404(
        Article.objects.select_related("source", "story").defer(
            "original", "minhash", "boilerplate"
        ),
        pk=pk,
    )
    if item.duplicate_of_id is not None:  # only its headline and source are shown
        item.duplicate_of = (
            Article.objects.select_related("source")
            .only("id", "title", "source__name")
            .filter(pk=item.duplicate_of_id)
            .first()
        )
    mentions = list(
        Mention.objects.filter(article=item)
        .select_related("entity", "entity__merged_into")
        .only(
            "id", "article_id", "text", "start", "end", "in_title",
            *(f"entity__{f}" for f in ENTITY_FIELDS),
            *(f"entity__merged_into__{f}" for f in ENTITY_FIELDS),
        )
    )  # fmt: skip
    for m in mentions:  # show a merged entity under the name it was merged into
        if m.entity.merged_into_id is not None and m.entity.merged_into is not None:
            m.entity = m.entity.merged_into
    quotes = list(
        Quote.objects.filter(article=item)
        .select_related("speaker", "via")
        .only(
            "id", "article_id", "speaker_text", "via_text", "text", "kind", "start",
            "speaker__name", "speaker__slug", "via__name", "via__slug",
        )
        .order_by("start")
    )  # fmt: skip
    copies = list(
        Article.objects.filter(duplicate_of=item)
        .select_related("source")
        .only("id", "title", "published_at", "source__name", "source__slug")[:20]
    )
    same_story: list[Article] = []
    if item.story_id is not None:
        same_story = [
            a
            for a in by_ids_or_story()
            .filter(story_id=item.story_id)
            .order_by("published_at", "id")[: SAME_STORY * 2]
            if a.pk != item.pk and a.duplicate_of_id is None
        ][:SAME_STORY]
    counts = Counter(m.entity.pk for m in mentions)
    entities = {m.entity.pk: m.entity for m in mentions}
    top_entities = [entities[e] for e, _ in counts.most_common(8)]
    exclude = {item.pk, *(a.pk for a in same_story), *(a.pk for a in copies)}
    analysis = (
        ArticleAnalysis.objects.filter(article=item)
        .only("reading_time_min", "language", "keywords")
        .first()
    )
    return {
        "article": item,
        "paragraphs": paragraphs_with_mentions(item, mentions),
        "quotes": quotes,
        "copies": copies,
        "same_story": same_story,
        "related": related_articles(item, [e.pk for e in top_entities[:5]], exclude),
        "entities": top_entities,
        "topics": topics(analysis, mentions),
        "analysis": analysis,
    }


def topics(analysis: ArticleAnalysis | None, mentions: list[Mention]) -> list[str]:
    """What the article is about besides whom and where it names: its first keywords
    that are not a word of a linked name (those show as entities), as written."""
    if analysis is None or not isinstance(analysis.keywords, list):
        return []
    named = {t for m in mentions for t in terms(m.text)}
    shown = [
        k["display"]
        for k in analysis.keywords
        if isinstance(k, dict) and k.get("display") and k.get("term") not in named
    ]
    return shown[:TOPICS]


@whole_page
def article(request: HttpRequest, pk: int) -> HttpResponse:
    context = cached(request, f"article:{pk}", lambda: _article_context(pk))
    return render(request, "news/article.html", context)


# --- entity -------------------------------------------------------------------------------
def _entity_article_ids(ids: list[int], limit: int) -> list[int]:
    return list(
        Mention.objects.filter(entity_id__in=ids)
        .order_by("-article_id")
        .values_list("article_id", flat=True)
        .distinct()[:limit]
    )


def co_occurring(ids: list[int], articles: list[int]) -> list[tuple[Entity, int]]:
    """The entities named most often in the same articles (of the given recent ones)."""
    rows = (
        Mention.objects.filter(article_id__in=articles)
        .exclude(entity_id__in=ids)
        .values("entity_id")
        .annotate(n=Count("article_id", distinct=True))
        .order_by("-n", "entity_id")[:24]
    )
    counts = {r["entity_id"]: r["n"] for r in rows}
    merged: Counter[int] = Counter()
    shown: dict[int, Entity] = {}
    for e in Entity.objects.filter(pk__in=counts).select_related("merged_into"):
        target = e.merged_into if e.merged_into is not None else e
        if target.pk in ids:
            continue
        shown[target.pk] = target
        merged[target.pk] += counts[e.pk]
    return [(shown[pk], n) for pk, n in merged.most_common(12)]


def timeline(ids: list[int]) -> list[tuple[str, int]]:
    """Mentions per day over the last TIMELINE_DAYS days of this entity's coverage."""
    base = Mention.objects.filter(entity_id__in=ids, article__published_at__isnull=False)
    newest = base.aggregate(m=Max("article__published_at"))["m"]
    if newest is None:
        return []
    since = newest - timedelta(days=TIMELINE_DAYS)
    rows = (
        base.filter(article__published_at__gte=since)
        .annotate(day=TruncDate("article__published_at"))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
    )
    return [(r["day"].isoformat(), r["n"]) for r in rows if r["day"] is not None]


def _entity_context(shown: Entity) -> dict[str, Any]:
    """Everything the entity page shows that is the same for every reader."""
    ids = _entity_ids(shown)
    recent = _entity_article_ids(ids, ENTITY_CANDIDATES)
    # The newest first by date among the recent candidates, sorted by the database
    # (copies dropped here: they are few, and filtering them in SQL defeats the id index).
    latest = [
        a
        for a in by_ids_or_story()
        .filter(id__in=recent)
        .order_by("-published_at", "-id")[: PAGE * 2]
        if a.duplicate_of_id is None
    ][:PAGE]
    quotes = list(
        Quote.objects.filter(speaker_id__in=ids)
        .select_related("article", "article__source", "via")
        .only(
            "id", "text", "kind", "cue", "via_text", "speaker_text", "via__name", "via__slug",
            "article__id", "article__title", "article__published_at", "article__language",
            "article__source__name", "article__source__language", "article__source__direction",
        )
        .order_by("-id")[:20]  # newest stored first: served by the speaker index alone
    )  # fmt: skip
    days = timeline(ids)
    return {
        "entity": shown,
        "aliases": [a for a in (shown.aliases or []) if a != shown.name][:20],
        "latest": latest,
        "quotes": _newest_first_by(quotes, lambda q: q.article.published_at),
        "cooccurring": co_occurring(ids, recent),
        "timeline": days,
        "peak": max((n for _, n in days), default=0),
    }


@whole_page
def entity(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Entity, slug=slug)
    shown = canonical(found)
    if shown.pk != found.pk:
        return redirect("news:entity", slug=shown.slug)
    # The timeline counts days in the reader's time zone.
    key = f"entity:{shown.pk}:{timezone.get_current_timezone_name()}"
    context = cached(request, key, lambda: _entity_context(shown))
    return render(request, "news/entity.html", context)


@whole_page
def entities(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    qs = Entity.objects.filter(merged_into__isnull=True)
    if kind in Entity.Kind.values:
        qs = qs.filter(kind=kind)
    return render(
        request,
        "news/entities.html",
        {
            "entities": qs.order_by("-article_count", "name")[:100],
            "kind": kind,
            "kinds": Entity.Kind.choices,
        },
    )


# --- story --------------------------------------------------------------------------------
@whole_page
def story(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Story.objects.select_related("representative"), pk=pk)
    articles = list(
        Article.objects.filter(story=item)
        .select_related("source")
        .only(*LISTING_FIELDS, "duplicate_of_id", "author")
        .order_by("published_at", "id")
    )
    dated = [a for a in articles if a.published_at is not None]
    first = dated[0].pk if dated else (articles[0].pk if articles else None)
    last = dated[-1].pk if dated else (articles[-1].pk if articles else None)
    sources = sorted({a.source.name for a in articles})
    return render(
        request,
        "news/story.html",
        {
            "story": item,
            "articles": articles,
            "first_id": first,
            "latest_id": last,
            "sources": sources,
        },
    )


# --- source -------------------------------------------------------------------------------
def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(1000, int(request.GET.get("page", "1"))))
    except ValueError:
        return 1


@whole_page
def source(request: HttpRequest, slug: str) -> HttpResponse:
    src = get_object_or_404(Source, slug=slug)
    page = _page_number(request)
    rows = list(
        listing()
        .filter(source=src)
        .order_by("-published_at", "-id")[(page - 1) * PAGE : page * PAGE + 1]
    )
    return render(
        request,
        "news/source.html",
        {
            "source": src,
            "latest": rows[:PAGE],
            "page": page,
            "has_next": len(rows) > PAGE,
            "count": Article.objects.filter(source=src, duplicate_of__isnull=True).count(),
        },
    )


@whole_page
def sources(request: HttpRequest) -> HttpResponse:
    rows = Source.objects.annotate(
        n=Count("articles", filter=Q(articles__duplicate_of__isnull=True)),
        newest=Max("articles__published_at"),
    ).order_by("name")
    return render(request, "news/sources.html", {"sources": rows})


# --- search -------------------------------------------------------------------------------
def _day(value: str, *, end: bool) -> datetime | None:
    day = parse_date(value.strip()) if value else None
    if day is None:
        return None
    moment = datetime.combine(day, time.max if end else time.min)
    return timezone.make_aware(moment, timezone.get_current_timezone())


@dataclass
class SearchForm:
    q: str
    source: str
    since: str
    until: str
    entity: str


def run_search(form: SearchForm, *, limit: int, offset: int) -> tuple[Any, Entity | None]:
    """The same backend and Arabic matching as ``nashra search``, filtered to articles
    that mention the chosen entity or anything merged into it."""
    from nashra.news.search import get_backend

    chosen: Entity | None = None
    if form.entity:
        found = Entity.objects.filter(slug=form.entity).first()
        chosen = canonical(found) if found is not None else None
    backend = get_backend()
    kwargs: dict[str, Any] = {
        "source": form.source or None,
        "since": _day(form.since, end=False),
        "until": _day(form.until, end=True),
    }
    if chosen is not None:
        kwargs["entity"] = _entity_ids(chosen)
    return backend.search(form.q, limit=limit, offset=offset, **kwargs), chosen


def search_form(request: HttpRequest) -> SearchForm:
    g = request.GET
    return SearchForm(
        q=g.get("q", "").strip()[:500],
        source=g.get("source", "").strip()[:200],
        since=g.get("since", "").strip()[:10],
        until=g.get("until", "").strip()[:10],
        entity=g.get("entity", "").strip()[:320],
    )


def _search_context(form: SearchForm, page: int) -> dict[str, Any]:
    """Results, facets and filters of one search page (the same for every reader)."""
    result = None
    chosen = None
    if form.q or form.source or form.entity or form.since or form.until:
        result, chosen = run_search(form, limit=SEARCH_PAGE, offset=(page - 1) * SEARCH_PAGE)
    days = list((result.facets.get("day") or {}).items())[:14] if result else []
    sources_facet = list((result.facets.get("source") or {}).items())[:12] if result else []
    slugs = dict(
        Source.objects.filter(name__in=[n for n, _ in sources_facet]).values_list("name", "slug")
    )
    return {
        "result": result,
        "entity_filter": chosen,
        "has_next": bool(result and result.total > page * SEARCH_PAGE),
        "facet_sources": [(name, slugs.get(name, name), n) for name, n in sources_facet],
        "facet_days": days,
        "all_sources": list(Source.objects.order_by("name").only("name", "slug")),
    }


@whole_page
def search(request: HttpRequest) -> HttpResponse:
    form = search_form(request)
    page = _page_number(request)
    # The date filters are days in the reader's time zone, so the zone is part of the key.
    key = f"search:{reader_zone_name(request)}:{form!r}:{page}"
    context = cached(request, key, lambda: _search_context(form, page))
    searched = bool(form.q or form.source or form.entity or form.since or form.until)
    return render(
        request,
        "news/search.html",
        {**context, "form": form, "page": page, "searched": searched},
    )


# --- preferences --------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _zones() -> list[str]:
    return sorted(
        z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith("Etc/")
    ) + ["UTC"]


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        tz = request.POST.get("tz", "UTC")
        digits = request.POST.get("digits", "")
        if tz not in _zones() or (digits and digits not in DIGITS):
            return HttpResponseBadRequest("bad preference")
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = reverse("news:preferences")
        response: HttpResponse = HttpResponseRedirect(back)
        year = 365 * 24 * 3600
        response.set_cookie(TZ_COOKIE, tz, max_age=year, samesite="Lax")
        if digits:
            response.set_cookie(DIGITS_COOKIE, digits, max_age=year, samesite="Lax")
        else:
            response.delete_cookie(DIGITS_COOKIE)
        return response
    return render(
        request,
        "news/preferences.html",
        {
            "zones": _zones(),
            "current_tz": reader_zone_name(request),
            "digits_cookie": request.COOKIES.get(DIGITS_COOKIE, ""),
        },
    )


# --- health and errors --------------------------------------------------------------------
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True})


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"error": {"status": 404, "code": "not_found", "message": "Not found."}}, status=404
        )
    return HttpResponse(loader.render_to_string("404.html", {}, request), status=404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"error": {"status": 500, "code": "server_error", "message": "Internal server error."}},
            status=500,
        )
    # No context processors that touch the database: the failure may be the database.
    return HttpResponse(loader.get_template("500.html").render({}), status=500)


def raise_404(request: HttpRequest) -> HttpResponse:  # pragma: no cover - handy for tests
    raise Http404
