"""Feeds out: RSS 2.0, Atom, JSON Feed 1.1 for latest, sources, entities, stories and
searches; OPML 2.0 of the sources. Well-formed, the right content types, readable by a
feed reader (feedparser), hostile text escaped."""

from __future__ import annotations

import json
from typing import Any

import feedparser
import pytest
from defusedxml import ElementTree as SafeET
from django.test import Client

from .conftest import HOSTILE, Newsroom

pytestmark = pytest.mark.django_db

TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}


def feed_urls(news: Newsroom) -> list[str]:
    return [
        "/feeds/latest",
        "/feeds/sources/wadi",
        "/feeds/entities/erdogan",
        f"/feeds/stories/{news.story.pk}",
    ]


def fetch(client: Client, url: str, fmt: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == TYPES[fmt]
    if fmt == "json":
        body = json.loads(response.content)
        assert body["version"] == "https://jsonfeed.org/version/1.1"
        assert body["title"] and isinstance(body["items"], list)
        for item in body["items"]:
            assert item["id"] and item["url"].startswith("http://testserver/articles/")
            assert "content_text" in item or "content_html" in item
        return body
    root = SafeET.fromstring(response.content)  # well-formed, no entity expansion
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    assert root.tag == ("rss" if fmt == "rss" else "{http://www.w3.org/2005/Atom}feed")
    return parsed


@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_every_feed_in_every_format(client: Client, news: Newsroom, fmt: str) -> None:
    for base in feed_urls(news):
        fetch(client, f"{base}.{fmt}", fmt)


def test_feed_contents(client: Client, news: Newsroom) -> None:
    parsed = fetch(client, "/feeds/entities/erdogan.rss", "rss")
    links = {e.link for e in parsed.entries}
    assert links == {
        f"http://testserver/articles/{news.visit.pk}/",
        f"http://testserver/articles/{news.followup.pk}/",
    }
    story = fetch(client, f"/feeds/stories/{news.story.pk}.json", "json")
    assert len(story["items"]) == 3 and story["items"][0]["date_published"].endswith("Z")
    english = next(i for i in story["items"] if i["language"] == "en")
    assert english["external_url"] == "https://wire.example/erdogan"
    atom = fetch(client, "/feeds/sources/wadi.atom", "atom")
    assert atom.feed.title.startswith("الوادي")


@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_search_feed(client: Client, news: Newsroom, fmt: str) -> None:
    body = fetch(client, f"/feeds/search.{fmt}?q=اردوغان", fmt)
    items = body["items"] if fmt == "json" else body.entries
    assert len(items) == 2


def test_hostile_text_stays_text_in_feeds(client: Client, news: Newsroom) -> None:
    raw = client.get("/feeds/sources/shorouq.rss").content.decode()
    assert "<script>" not in raw and "<img" not in raw
    parsed = feedparser.parse(raw)
    hostile = next(e for e in parsed.entries if "خبيث" in e.title)
    assert HOSTILE in hostile.title  # the title is the exact text, escaped on the wire
    body = json.loads(client.get("/feeds/sources/shorouq.json").content)
    item = next(i for i in body["items"] if "خبيث" in i["title"])
    assert "<script>" not in item["content_html"] and "&lt;script&gt;" in item["content_html"]


def test_unknown_things_are_404(client: Client, news: Newsroom) -> None:
    assert client.get("/feeds/sources/wadi.xml").status_code == 404
    assert client.get("/feeds/sources/nope.rss").status_code == 404
    assert client.get("/feeds/stories/999999.atom").status_code == 404


def test_opml_export(client: Client, news: Newsroom) -> None:
    response = client.get("/feeds/sources.opml")
    assert response.status_code == 200 and response["Content-Type"] == "text/x-opml; charset=utf-8"
    root = SafeET.fromstring(response.content)
    assert root.tag == "opml" and root.get("version") == "2.0"
    outlines = {o.get("text"): o for o in root.iter("outline") if o.get("xmlUrl")}
    assert set(outlines) == {"الوادي", "الشروق", "Levant Wire"}
    assert outlines["الشروق"].get("xmlUrl") == "https://shorouq.example/rss"
    assert outlines["الوادي"].get("xmlUrl") == "http://testserver/feeds/sources/wadi.rss"
    assert outlines["الوادي"].get("htmlUrl") == "https://wadi.example/"
