"""The REST API: anonymous read of public data, rate-limited per client.

Every error is ``{"error": {"status", "code", "message", "details"?}}`` with the HTTP
status. Lists are newest first with opaque ``cursor`` / ``next_cursor`` keyset pages.
Personal API tokens (read-only or read-write) come with accounts: they plug in as a
ninja ``auth`` on this API, and the throttle already keys on ``request.auth`` when set.
"""

from __future__ import annotations

import logging
from datetime import datetime, time
from typing import Any

from csp.decorators import csp_update
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import NinjaAPI, Query, Router
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from nashra.api import schemas as s
from nashra.api.cursor import page_by_count, page_by_id, page_by_time
from nashra.api.throttle import TokenBucketThrottle
from nashra.news.models import Article, ArticleAnalysis, Entity, Mention, Quote, Source, Story
from nashra.news.templatetags.nashra import content_direction, content_language

log = logging.getLogger(__name__)

MAX_LIMIT = 100

api = NinjaAPI(
    title="nashra API",
    version="1",
    description=(
        "Read access to nashra's articles, entities, quotes, stories and sources. "
        "Anonymous and rate-limited; lists use opaque cursors (`cursor` in, `next_cursor` out)."
    ),
    urls_namespace="api",
    throttle=[TokenBucketThrottle()],
    docs_decorator=csp_update(
        {"style-src": ["'self'", "'unsafe-inline'"], "img-src": ["'self'", "data:"]}
    ),
)


# --- errors ------------------------------------------------------------------------------
def error(
    request: HttpRequest,
    status: int,
    code: str,
    message: str,
    details: Any = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if details is not None:
        body["details"] = details
    response = api.create_response(request, {"error": body}, status=status)
    for key, value in (headers or {}).items():
        response[key] = value
    return response


@api.exception_handler(ValidationError)
def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    details = [
        {
            "loc": [str(x) for x in e.get("loc", [])],
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors
    ]
    return error(request, 422, "invalid_request", "The request parameters are not valid.", details)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error(request, 404, "not_found", "Not found.")


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    wait = int(exc.wait or 1)
    return error(
        request,
        429,
        "rate_limited",
        "Too many requests; slow down.",
        headers={"Retry-After": str(wait)},
    )


@api.exception_handler(AuthenticationError)
def _unauthorised(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error(request, 401, "unauthorised", "Authentication required.")


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code = {400: "bad_request", 403: "forbidden", 405: "method_not_allowed"}.get(
        exc.status_code, "error"
    )
    return error(request, exc.status_code, code, str(exc))


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    log.exception("API error on %s", request.path)
    return error(request, 500, "server_error", "Internal server error.")


# --- helpers -----------------------------------------------------------------------------
def _limit(limit: int) -> int:
    return max(1, min(MAX_LIMIT, limit))


def _summary(a: Article) -> dict[str, Any]:
    lang = content_language(a.language, a.source.language)
    return {
        "id": a.pk,
        "title": a.title,
        "subtitle": a.subtitle,
        "author": a.author,
        "published_at": a.published_at,
        "language": lang,
        "direction": content_direction(lang, a.source.direction),
        "url": a.url,
        "source": a.source.name,
        "source_slug": a.source.slug,
        "story_id": a.story_id,
        "links": {"self": f"/api/articles/{a.pk}", "html": reverse("news:article", args=[a.pk])},
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.pk,
        "kind": e.kind,
        "name": e.name,
        "slug": e.slug,
        "aliases": [str(x) for x in (e.aliases or [])],
        "mention_count": e.mention_count,
        "article_count": e.article_count,
        "links": {"self": f"/api/entities/{e.slug}", "html": reverse("news:entity", args=[e.slug])},
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "id": q.pk,
        "article_id": q.article_id,
        "speaker": q.speaker.name if q.speaker else None,
        "speaker_slug": q.speaker.slug if q.speaker else None,
        "speaker_text": q.speaker_text,
        "via": q.via.name if q.via else None,
        "via_text": q.via_text,
        "text": q.text,
        "cue": q.cue,
        "kind": q.kind,
        "start": q.start,
        "end": q.end,
    }


def _story(st: Story) -> dict[str, Any]:
    return {
        "id": st.pk,
        "title": st.title,
        "representative_id": st.representative_id,
        "first_published_at": st.first_published_at,
        "last_published_at": st.last_published_at,
        "size": st.size,
        "source_count": st.source_count,
        "links": {"self": f"/api/stories/{st.pk}", "html": reverse("news:story", args=[st.pk])},
    }


def _source(src: Source) -> dict[str, Any]:
    return {
        "id": src.pk,
        "name": src.name,
        "slug": src.slug,
        "url": src.url,
        "feed_url": src.feed_url,
        "language": src.language,
        "direction": src.direction,
        "links": {
            "self": f"/api/sources/{src.slug}",
            "html": reverse("news:source", args=[src.slug]),
            "articles": f"/api/articles?source={src.slug}",
            "rss": reverse("feeds:source", args=[src.slug, "rss"]),
            "atom": reverse("feeds:source", args=[src.slug, "atom"]),
            "json": reverse("feeds:source", args=[src.slug, "json"]),
        },
    }


def _articles() -> Any:
    return (
        Article.objects.filter(duplicate_of__isnull=True)
        .select_related("source")
        .defer("body", "boilerplate", "original", "minhash")
    )


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    return [str(x) for x in value] if isinstance(value, list) else []


def _entity_or_404(slug: str) -> Entity:
    return get_object_or_404(Entity, slug=slug)


def _entity_ids(e: Entity) -> list[int]:
    return [e.pk, *Entity.objects.filter(merged_into=e).values_list("pk", flat=True)]


def _day(value: str | None, *, end: bool) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise HttpError(400, f"not a date: {value!r} (use YYYY-MM-DD or an ISO datetime)") from exc
    if len(value) <= 10:
        parsed = datetime.combine(parsed.date(), time.max if end else time.min)
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


# --- articles ----------------------------------------------------------------------------
articles = Router(tags=["articles"])


@articles.get(
    "", response={200: s.ArticlePage, 400: s.Error}, summary="List articles, newest first"
)
def list_articles(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = Query(20, ge=1, le=MAX_LIMIT),  # type: ignore[type-arg]
    source: str | None = None,
    entity: str | None = None,
    story: int | None = None,
) -> dict[str, Any]:
    qs = _articles()
    if source:
        qs = qs.filter(source__slug=source)
    if entity:
        e = Entity.objects.filter(slug=entity).first()
        if e is None:
            return {"items": [], "next_cursor": None}
        qs = qs.filter(
            id__in=Mention.objects.filter(entity_id__in=_entity_ids(e)).values("article_id")
        )
    if story is not None:
        qs = qs.filter(story_id=story)
    rows, nxt = page_by_time(qs, "published_at", cursor, _limit(limit))
    return {"items": [_summary(a) for a in rows], "next_cursor": nxt}


@articles.get("/search", response={200: s.SearchOut, 400: s.Error}, summary="Search articles")
def search_articles(
    request: HttpRequest,
    q: str = "",
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    author: str | None = None,
    entity: str | None = None,
    limit: int = Query(20, ge=1, le=MAX_LIMIT),  # type: ignore[type-arg]
    offset: int = Query(0, ge=0, le=10_000),  # type: ignore[type-arg]
) -> dict[str, Any]:
    from nashra.news.views import SearchForm, run_search

    if author:
        from nashra.news.search import get_backend

        result = get_backend().search(
            q[:500],
            source=source or None,
            since=_day(since, end=False),
            until=_day(until, end=True),
            author=author,
            limit=_limit(limit),
            offset=offset,
        )
    else:
        _day(since, end=False)
        _day(until, end=True)
        form = SearchForm(
            q=q[:500],
            source=source or "",
            since=since or "",
            until=until or "",
            entity=entity or "",
        )
        result, _ = run_search(form, limit=_limit(limit), offset=offset)
    return result.as_json()


@articles.get(
    "/{int:article_id}", response={200: s.ArticleDetail, 404: s.Error}, summary="One article"
)
def get_article(request: HttpRequest, article_id: int) -> dict[str, Any]:
    a = get_object_or_404(
        Article.objects.select_related("source").defer("original", "minhash"), pk=article_id
    )
    out = _summary(a)
    mentions = Mention.objects.filter(article=a).select_related("entity").order_by("start")
    quotes = Quote.objects.filter(article=a).select_related("speaker", "via").order_by("start")
    analysis = ArticleAnalysis.objects.filter(article=a).first()
    out.update(
        body=[p for p in (a.body or []) if isinstance(p, str)],
        duplicate_of=a.duplicate_of_id,
        duplicate_kind=a.duplicate_kind or None,
        needs_fetch=a.needs_fetch,
        mentions=[
            {
                "entity": m.entity.name,
                "entity_slug": m.entity.slug,
                "kind": m.entity.kind,
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "in_title": m.in_title,
            }
            for m in mentions
        ],
        quotes=[_quote(q) for q in quotes],
        summary=_strings(analysis.summary) if analysis else [],
        keywords=list(analysis.keywords)
        if analysis and isinstance(analysis.keywords, list)
        else [],
    )
    return out


# --- entities ----------------------------------------------------------------------------
entities = Router(tags=["entities"])


@entities.get(
    "", response={200: s.EntityPage, 400: s.Error}, summary="Entities, most covered first"
)
def list_entities(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = Query(20, ge=1, le=MAX_LIMIT),  # type: ignore[type-arg]
    kind: str | None = None,
) -> dict[str, Any]:
    qs = Entity.objects.filter(merged_into__isnull=True)
    if kind:
        qs = qs.filter(kind=kind.upper())
    rows, nxt = page_by_count(qs, "article_count", cursor, _limit(limit))
    return {"items": [_entity(e) for e in rows], "next_cursor": nxt}


@entities.get("/{slug}", response={200: s.EntityOut, 404: s.Error}, summary="One entity")
def get_entity(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _entity(_entity_or_404(slug))


@entities.get(
    "/{slug}/articles",
    response={200: s.ArticlePage, 400: s.Error, 404: s.Error},
    summary="Articles mentioning an entity",
)
def entity_articles(
    request: HttpRequest,
    slug: str,
    cursor: str | None = None,
    limit: int = Query(20, ge=1, le=MAX_LIMIT),  # type: ignore[type-arg]
) -> dict[str, Any]:
    e = _entity_or_404(slug)
    qs = _articles().filter(
        id__in=Mention.objects.filter(entity_id__in=_entity_ids(e)).values("article_id")
    )
    rows, nxt = page_by_time(qs, "published_at", cursor, _limit(limit))
    return {"items": [_summary(a) for a in rows], "next_cursor": nxt}


@entities.get(
    "/{slug}/quotes",
    response={200: s.QuotePage, 400: s.Error, 404: s.Error},
    summary="Quotes by an entity",
)
def entity_quotes(
    request: HttpRequest,
    slug: str,
    cursor: str | None = None,
    limit: int = Query(20, ge=1, le=MAX_LIMIT),  # type: ignore[type-arg]
) -> dict[str, Any]:
    e = _entity_or_404(slug)
    qs = Quote.objects.filter(speaker_id__in=_entity_ids(e)).select_related("speaker", "via")
    rows, nxt = page_by_id(qs, cursor, _limit(limit))
    return {"items": [_quote(q) for q in rows], "next_cursor": nxt}


# --- stories -----------------------------------------------------------------------------
stories = Router(tags=["stories"])


@stories.get("", response={200: s.StoryPage, 400: s.Error}, summary="Stories, latest first")
def list_stories(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = Query(20, ge=1, le=MAX_LIMIT),  # type: ignore[type-arg]
    min_sources: int = Query(1, ge=1, le=1000),  # type: ignore[type-arg]
) -> dict[str, Any]:
    qs = Story.objects.filter(source_count__gte=min_sources)
    rows, nxt = page_by_time(qs, "last_published_at", cursor, _limit(limit))
    return {"items": [_story(x) for x in rows], "next_cursor": nxt}


@stories.get(
    "/{int:story_id}",
    response={200: s.StoryDetail, 404: s.Error},
    summary="One story and its articles",
)
def get_story(request: HttpRequest, story_id: int) -> dict[str, Any]:
    st = get_object_or_404(Story, pk=story_id)
    rows = (
        Article.objects.filter(story=st)
        .select_related("source")
        .defer("body", "boilerplate", "original", "minhash")
        .order_by("published_at", "id")[:500]
    )
    return {**_story(st), "articles": [_summary(a) for a in rows]}


# --- sources -----------------------------------------------------------------------------
sources = Router(tags=["sources"])


@sources.get("", response=list[s.SourceOut], summary="All sources")
def list_sources(request: HttpRequest) -> list[dict[str, Any]]:
    return [_source(x) for x in Source.objects.order_by("name")[:5000]]


@sources.get("/{slug}", response={200: s.SourceOut, 404: s.Error}, summary="One source")
def get_source(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _source(get_object_or_404(Source, slug=slug))


api.add_router("/articles", articles)
api.add_router("/entities", entities)
api.add_router("/stories", stories)
api.add_router("/sources", sources)

# Reader accounts (issue 6): the reader's own data with a personal token.
from nashra.readers.api import router as me_router  # noqa: E402

api.add_router("/me", me_router)
