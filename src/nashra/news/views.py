from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from nashra.news.models import Article, Source

PAGE = 30


def _listing():
    return (
        Article.objects.filter(duplicate_of__isnull=True)
        .select_related("source")
        .only("id", "title", "subtitle", "published_at", "source__name", "source__slug", "language")
    )


def home(request: HttpRequest) -> HttpResponse:
    latest = list(_listing().order_by("-published_at", "-id")[:PAGE])
    sources = Source.objects.order_by("name")
    return render(request, "news/home.html", {"latest": latest, "sources": sources})


def article(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Article.objects.select_related("source", "duplicate_of"), pk=pk)
    copies = (
        Article.objects.filter(duplicate_of=item)
        .select_related("source")
        .only("id", "title", "source__name")
    )
    return render(request, "news/article.html", {"article": item, "copies": copies})


def source(request: HttpRequest, slug: str) -> HttpResponse:
    src = get_object_or_404(Source, slug=slug)
    items = list(_listing().filter(source=src).order_by("-published_at", "-id")[:PAGE])
    return render(request, "news/source.html", {"source": src, "latest": items})


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True})
