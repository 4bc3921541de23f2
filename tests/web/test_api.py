"""The REST API: every endpoint, cursor pagination, consistent JSON errors, rate limit."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from .conftest import Newsroom

pytestmark = pytest.mark.django_db


def get(client: Client, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def assert_error(body: Any, status: int, code: str) -> None:
    assert set(body) == {"error"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str)


def test_article_list_cursor_pagination_covers_everything_once(
    client: Client, news: Newsroom
) -> None:
    seen: list[int] = []
    stamps: list[str] = []
    url = "/api/articles?limit=7"
    pages = 0
    while url:
        body = get(client, url)
        pages += 1
        seen += [a["id"] for a in body["items"]]
        stamps += [a["published_at"] for a in body["items"]]
        url = f"/api/articles?limit=7&cursor={body['next_cursor']}" if body["next_cursor"] else ""
    assert pages == 5  # 29 originals / 7
    assert len(seen) == len(set(seen)) == 29
    assert stamps == sorted(stamps, reverse=True)


def test_cursor_is_stable_when_new_articles_arrive(client: Client, news: Newsroom) -> None:
    from .conftest import make_article

    first = get(client, "/api/articles?limit=5")
    make_article(news.wadi, "خبر عاجل جديد", ["نص"], news.followup.published_at)
    second = get(client, f"/api/articles?limit=5&cursor={first['next_cursor']}")
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}


def test_article_list_filters(client: Client, news: Newsroom) -> None:
    body = get(client, "/api/articles?source=levant-wire")
    assert [a["id"] for a in body["items"]] == [news.english.pk]
    assert body["items"][0]["direction"] == "ltr" and body["items"][0]["language"] == "en"
    body = get(client, "/api/articles?entity=erdogan")
    assert {a["id"] for a in body["items"]} == {news.visit.pk, news.followup.pk}
    body = get(client, f"/api/articles?story={news.story.pk}")
    assert len(body["items"]) == 3


def test_bad_cursor_and_bad_params_are_json_errors(client: Client, news: Newsroom) -> None:
    assert_error(get(client, "/api/articles?cursor=not-a-cursor!!", 400), 400, "bad_request")
    assert_error(get(client, "/api/articles?cursor=eyJ4IjoxfQ", 400), 400, "bad_request")
    body = get(client, "/api/articles?limit=1000", 422)
    assert body["error"]["code"] == "invalid_request" and body["error"]["details"]
    assert_error(get(client, "/api/articles/999999", 404), 404, "not_found")
    assert_error(get(client, "/api/no-such-endpoint", 404), 404, "not_found")


def test_a_nul_character_in_a_parameter_is_a_bad_request(
    client: Client, news: Newsroom, caplog: pytest.LogCaptureFixture
) -> None:
    """PostgreSQL refuses NUL in text: such a parameter must be a 400, never a 500."""
    for url in ("/api/articles?q=%00", "/api/entities?q=a%00b", "/api/articles?source=x%00"):
        assert_error(get(client, url, 400), 400, "bad_request")
    response = client.post(
        "/api/me/follows",
        data='{"kind": "entity", "key": "a\\u0000"}',
        content_type="application/json",
    )
    assert response.status_code == 400
    # the reading pages too, and a form post
    page = client.get("/search/?q=%D8%A3%00")
    assert page.status_code == 400
    # the site's own page, in the reader's language, saying nothing of the internals
    text = page.content.decode()
    assert "طلب غير صالح" in text and 'dir="rtl"' in text and "NUL" not in text
    english = client.get("/en/search/?q=%00")
    assert english.status_code == 400 and "Bad request" in english.content.decode()
    assert client.post("/accounts/login/", {"login": "a\x00", "password": "x"}).status_code == 400
    assert client.get("/search/?q=%D8%A3").status_code == 200  # the same without it
    # a line in the log for each, no traceback
    assert not [r for r in caplog.records if r.exc_info]


def test_article_detail(client: Client, news: Newsroom) -> None:
    body = get(client, f"/api/articles/{news.visit.pk}")
    assert body["title"] == news.visit.title and body["body"] == news.visit.body
    assert {m["entity_slug"] for m in body["mentions"]} == {"erdogan", "ankara", "fidan"}
    m = body["mentions"][0]
    assert news.visit.text[m["start"] : m["end"]] == m["text"]
    assert body["quotes"][0]["speaker_slug"] == "erdogan"
    assert body["links"]["html"] == f"/articles/{news.visit.pk}/"


def test_search(client: Client, news: Newsroom) -> None:
    body = get(client, "/api/articles/search?q=اردوغان")
    assert {h["id"] for h in body["hits"]} == {news.visit.pk, news.followup.pk}
    assert body["total"] == 2 and "<mark>" in body["hits"][0]["snippet"]
    assert "source" in body["facets"]
    body = get(client, "/api/articles/search?q=اردوغان&entity=fidan&limit=1")
    assert body["total"] == 2 and len(body["hits"]) == 1
    assert get(client, "/api/articles/search?q=اردوغان&author=سارة")["total"] == 1
    assert_error(get(client, "/api/articles/search?q=x&since=yesterday", 400), 400, "bad_request")


def test_entities(client: Client, news: Newsroom) -> None:
    body = get(client, "/api/entities?limit=2")
    assert len(body["items"]) == 2 and body["next_cursor"]
    rest = get(client, f"/api/entities?limit=10&cursor={body['next_cursor']}")
    slugs = [e["slug"] for e in body["items"] + rest["items"]]
    assert sorted(slugs) == ["ankara", "erdogan", "fidan"]  # the merged one is not listed
    assert get(client, "/api/entities?kind=loc")["items"][0]["slug"] == "ankara"
    e = get(client, "/api/entities/erdogan")
    assert e["name"] == "رجب طيب أردوغان" and "اردوغان" in e["aliases"]
    arts = get(client, "/api/entities/erdogan/articles")
    assert {a["id"] for a in arts["items"]} == {news.visit.pk, news.followup.pk}
    quotes = get(client, "/api/entities/erdogan/quotes")
    assert quotes["items"][0]["text"] == news.quote.text
    assert_error(get(client, "/api/entities/nobody", 404), 404, "not_found")
    assert_error(get(client, "/api/entities/nobody/quotes", 404), 404, "not_found")


def test_stories_and_sources(client: Client, news: Newsroom) -> None:
    body = get(client, "/api/stories")
    assert body["items"][0]["id"] == news.story.pk and body["items"][0]["source_count"] == 3
    assert get(client, "/api/stories?min_sources=4")["items"] == []
    story = get(client, f"/api/stories/{news.story.pk}")
    assert [a["id"] for a in story["articles"]] == [
        news.visit.pk,
        news.english.pk,
        news.followup.pk,
    ]
    assert_error(get(client, "/api/stories/999999", 404), 404, "not_found")
    sources = get(client, "/api/sources")
    assert {s["slug"] for s in sources} == {"wadi", "shorouq", "levant-wire"}
    assert get(client, "/api/sources/wadi")["links"]["rss"] == "/feeds/sources/wadi.rss"


def test_rate_limit_is_a_json_429_with_retry_after(
    client: Client, news: Newsroom, settings: Any
) -> None:
    from nashra.api import api as api_module

    throttle = api_module.api.throttle[0]  # type: ignore[index]
    old = (throttle.rate, throttle.burst)
    throttle.rate, throttle.burst = 0.01, 3.0
    try:
        codes = [client.get("/api/sources").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        response = client.get("/api/sources")
        assert int(response["Retry-After"]) >= 1
        assert_error(response.json(), 429, "rate_limited")
        other = client.get("/api/sources", REMOTE_ADDR="10.0.0.9")  # another client
        assert other.status_code == 200
    finally:
        throttle.rate, throttle.burst = old


def test_openapi_and_docs(client: Client, db: Any) -> None:
    schema = get(client, "/api/openapi.json")
    paths = set(schema["paths"])
    for p in (
        "/api/articles",
        "/api/articles/search",
        "/api/articles/{article_id}",
        "/api/entities/{slug}",
        "/api/entities/{slug}/articles",
        "/api/entities/{slug}/quotes",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/sources",
        "/api/sources/{slug}",
    ):
        assert p in paths, p
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and b"swagger-ui-bundle.js" in docs.content
    assert "script-src 'self'" in docs["Content-Security-Policy"]
