"""The reading pages' cache: whole pages for readers not signed in, never stale, never
one reader's page for another."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import constants, get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from nashra.news.models import Article, ArticleAnalysis, ContentVersion, Entity, Mention

from .conftest import Newsroom, make_article, mention

pytestmark = pytest.mark.django_db


def get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_second_anonymous_view_comes_from_the_cache(client: Client, news: Newsroom) -> None:
    url = f"/articles/{news.visit.pk}/"
    first = get(client, url)
    with CaptureQueriesContext(connection) as queries:
        again = get(Client(), url)
    assert again == first
    assert len(queries) <= 3  # the content generation (and session/auth), no page queries


def test_a_new_article_shows_at_once(client: Client, news: Newsroom) -> None:
    assert "خبر عاجل جديد" not in get(client, "/")
    late = make_article(
        news.wadi,
        "خبر عاجل جديد",
        ["نص الخبر."],
        news.followup.published_at + timedelta(hours=1),
        language="ar",
    )
    assert "خبر عاجل جديد" in get(client, "/")
    mention(late, news.ankara, "نص")  # no new id anywhere but the mention: analysis follows
    ArticleAnalysis.objects.create(article=late, version="t")
    assert f"/articles/{late.pk}/" in get(client, "/entities/ankara/")


def test_reanalysis_shows_at_once(client: Client, news: Newsroom) -> None:
    url = f"/articles/{news.visit.pk}/"
    assert 'href="/entities/fidan/"' in get(client, url)
    # What store_analyses(replace=True) does: mentions go, a new analysis row comes.
    Mention.objects.filter(article=news.visit, entity=news.fidan).delete()
    ArticleAnalysis.objects.create(article=news.visit, version="t2")
    assert 'href="/entities/fidan/"' not in get(client, url)


def test_an_editors_change_shows_at_once(client: Client, news: Newsroom) -> None:
    url = f"/articles/{news.visit.pk}/"
    assert "هاكان فيدان" in get(client, url)
    news.fidan.name = "هاكان فيدان (وزير الخارجية)"
    news.fidan.save()  # as the admin does
    assert "هاكان فيدان (وزير الخارجية)" in get(client, url)
    news.wadi.name = "الوادي الجديد"
    news.wadi.save()
    assert "الوادي الجديد" in get(client, url)
    assert ContentVersion.objects.get().stamp > 0


def test_variants_per_language_zone_and_digits(client: Client, news: Newsroom) -> None:
    url = f"/articles/{news.visit.pk}/"
    arabic = get(client, url)
    assert "١٠ مارس ٢٠٢٤" in arabic
    assert 'lang="en"' in get(client, f"/en{url}")
    client.cookies["nashra_digits"] = "latn"
    client.cookies["nashra_tz"] = "Asia/Riyadh"
    assert "10 مارس 2024، 12:00" in get(client, url)


def test_signed_in_readers_get_their_own_page(client: Client, news: Newsroom) -> None:
    url = f"/articles/{news.visit.pk}/"
    anonymous = get(client, url)
    assert "save-form" not in anonymous and "csrfmiddlewaretoken" not in anonymous
    user = get_user_model().objects.create_user(
        username="r", email="r@example.com", password="x" * 12
    )
    reader = Client()
    reader.force_login(user)
    page = get(reader, url)
    assert "save-form" in page and "csrfmiddlewaretoken" in page
    # ...and nothing of theirs reaches the next anonymous reader.
    again = get(Client(), url)
    assert "save-form" not in again and "csrfmiddlewaretoken" not in again


def test_a_waiting_message_is_not_cached_or_shared(news: Newsroom) -> None:
    from nashra.news.pagecache import whole_page

    calls = []

    @whole_page
    def view(request: Any) -> Any:
        from django.http import HttpResponse

        calls.append(1)
        return HttpResponse(" ".join(str(m) for m in get_messages(request)))

    def request(message: str = "") -> Any:
        r = RequestFactory().get("/x/")
        r.user = AnonymousUser()
        r._messages = CookieStorage(r)
        if message:
            r._messages.add(constants.INFO, message)
        return r

    assert view(request("signed out")).content == b"signed out"
    assert view(request()).content == b""  # not the page with the message
    assert view(request()).content == b""
    assert len(calls) == 2  # the message page was rendered, not stored; the plain one was


def test_entity_merge_redirect_is_not_cached(client: Client, news: Newsroom) -> None:
    response = client.get("/entities/erdogan-typo/")
    assert response.status_code == 302
    typo = Entity.objects.get(slug="erdogan-typo")
    typo.merged_into = None
    typo.save()
    assert client.get("/entities/erdogan-typo/").status_code == 200
    assert Article.objects.exists()
