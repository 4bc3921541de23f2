"""Reader pages through the Django test client: feed as home, follow / hide, saved
articles, settings, tokens, private feed, export and deletion."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from nashra.readers.models import ApiToken, Follow, ReadMark, SavedArticle
from nashra.readers.services import set_follow
from nashra.readers.tokens import hash_token

from .conftest import PASSWORD, Desk

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def test_anonymous_home_is_the_front_page(client: Any, desk: Desk) -> None:
    html = client.get("/").content.decode()
    assert "top-stories" in html and "feed-card" not in html
    assert "/accounts/login/" in html and "save-form" not in html


def test_signed_in_home_is_the_feed_with_reasons(signed_in: Any, desk: Desk, reader: Any) -> None:
    set_follow(reader, "entity", "idlib", "follow")
    html = signed_in.get("/").content.decode()
    assert "feed-card" in html and "لأنك تتابع إدلب" in html
    assert 'dir="rtl"' in html
    html = signed_in.get("/en/").content.decode()
    assert "Because you follow إدلب" in html and 'dir="ltr"' in html
    assert "<script>" not in html  # no inline script (CSP)


def test_new_reader_sees_suggestions(signed_in: Any, desk: Desk) -> None:
    html = signed_in.get("/en/").content.decode()
    assert "suggestions" in html and "/entities/idlib/" in html and "Top story" in html


def test_follow_and_hide_forms(signed_in: Any, desk: Desk, reader: Any) -> None:
    r = signed_in.post(
        "/me/follow/",
        {"kind": "entity", "target": "idlib", "action": "follow", "next": "/entities/idlib/"},
    )
    assert r.status_code == 302 and r["Location"] == "/entities/idlib/"
    assert Follow.objects.get(user=reader).entity_id == desk.idlib.pk
    page = signed_in.get("/en/entities/idlib/").content.decode()
    assert 'value="unfollow"' in page and "Following" in page
    r = signed_in.post(
        "/me/follow/", {"kind": "source", "target": "shorouq", "action": "hide"}, **JSON
    )
    assert r.json()["state"] == "hidden"
    r = signed_in.post(
        "/me/follow/", {"kind": "source", "target": "shorouq", "action": "unfollow"}, **JSON
    )
    assert r.json()["state"] == ""
    assert (
        signed_in.post(
            "/me/follow/", {"kind": "entity", "target": "nobody", "action": "follow"}
        ).status_code
        == 404
    )
    assert signed_in.post("/me/follow/", {"kind": "planet", "target": "x"}).status_code == 400
    assert (
        signed_in.post(
            "/me/follow/",
            {
                "kind": "entity",
                "target": "idlib",
                "action": "follow",
                "next": "https://evil.example/",
            },
        )["Location"]
        == "/me/following/"
    )
    html = signed_in.get("/en/me/following/").content.decode()
    assert "إدلب" in html


def test_buttons_on_every_page(signed_in: Any, desk: Desk) -> None:
    n = desk.news
    for url in (
        f"/articles/{n.visit.pk}/",
        "/entities/idlib/",
        "/sources/wadi/",
        f"/stories/{n.story.pk}/",
        "/search/?q=أنقرة",
    ):
        html = signed_in.get(url).content.decode()
        assert 'class="follow-form' in html, url
    html = signed_in.get(f"/articles/{n.visit.pk}/").content.decode()
    assert 'name="note"' in html and 'class="save-form"' in html
    assert 'name="kind" value="topic"' in signed_in.get("/search/?q=أنقرة").content.decode()


def test_opening_an_article_marks_it_read(signed_in: Any, desk: Desk, reader: Any) -> None:
    signed_in.get(f"/articles/{desk.idlib_wire.pk}/")
    signed_in.get(f"/en/articles/{desk.idlib_wire.pk}/")
    assert list(ReadMark.objects.filter(user=reader).values_list("article_id", flat=True)) == [
        desk.idlib_wire.pk
    ]
    assert signed_in.get("/articles/999999/").status_code == 404


def test_mark_all_read_and_pager(signed_in: Any, desk: Desk, reader: Any) -> None:
    assert signed_in.post("/me/feed/read-all/").status_code == 302
    html = signed_in.get("/en/").content.decode()
    assert "is-read" in html
    assert signed_in.get("/me/feed/?cursor=garbage").status_code == 400


def test_save_note_tags_search_export_unsave(signed_in: Any, desk: Desk, reader: Any) -> None:
    a, b = desk.news.visit, desk.idlib_shorouq
    r = signed_in.post(
        "/me/saved/add/", {"article": a.pk, "note": "للقراءة لاحقًا", "tags": "تركيا، سياسة"}
    )
    assert r.status_code == 302
    r = signed_in.post("/me/saved/add/", {"article": b.pk}, **JSON)
    assert r.json()["saved"] is True
    s = SavedArticle.objects.get(user=reader, article=a)
    assert s.note == "للقراءة لاحقًا" and s.tags == ["تركيا", "سياسة"]
    page = signed_in.get("/me/saved/").content.decode()
    assert a.title in page and b.title in page and "للقراءة لاحقًا" in page
    page = signed_in.get("/me/saved/", {"q": "اردوغان"}).content.decode()  # variant spelling
    assert a.title in page and b.title not in page
    page = signed_in.get("/me/saved/", {"tag": "تركيا"}).content.decode()
    assert a.title in page and b.title not in page
    data = json.loads(signed_in.get("/me/saved/export.json").content)
    assert {d["article_id"] for d in data} == {a.pk, b.pk}
    rows = list(
        csv.reader(io.StringIO(signed_in.get("/me/saved/export.csv").content.decode("utf-8-sig")))
    )
    assert rows[0][0] == "article_id" and len(rows) == 3
    assert signed_in.get("/me/saved/export.xml").status_code == 404
    # the card shows it saved
    assert 'data-saved="1"' in signed_in.get(f"/articles/{a.pk}/").content.decode()
    r = signed_in.post(f"/me/saved/{a.pk}/remove/", **JSON)
    assert r.json()["saved"] is False
    assert signed_in.post(f"/me/saved/{a.pk}/remove/").status_code == 404
    assert signed_in.post("/me/saved/add/", {"article": 999999}).status_code == 404


def test_settings_apply_and_set_cookies(signed_in: Any, reader: Any, db: Any) -> None:
    r = signed_in.post(
        "/me/settings/",
        {
            "language": "en",
            "timezone": "Asia/Riyadh",
            "digits": "latn",
            "theme": "dark",
            "shortcuts": "",
        },
    )
    assert r.status_code == 302 and r["Location"] == "/en/me/settings/"
    assert r.cookies["nashra_tz"].value == "Asia/Riyadh" and r.cookies["nashra_lang"].value == "en"
    p = reader.reader_profile
    p.refresh_from_db()
    assert (p.language, p.timezone, p.digits, p.theme, p.shortcuts) == (
        "en",
        "Asia/Riyadh",
        "latn",
        "dark",
        False,
    )
    html = signed_in.get("/en/me/settings/").content.decode()
    assert 'data-theme-pref="dark"' in html and 'data-shortcuts-pref="off"' in html
    assert (
        signed_in.post("/me/settings/", {"language": "fr", "timezone": "Mars/Base"}).status_code
        == 200
    )


def test_tokens_shown_once_and_revocable(signed_in: Any, reader: Any, desk: Desk) -> None:
    r = signed_in.post("/me/settings/tokens/", {"name": "my reader app", "scope": "read"})
    assert r.status_code == 302
    html = signed_in.get("/en/me/settings/").content.decode()
    row = ApiToken.objects.get(user=reader)
    start = html.index('class="token-value">') + len('class="token-value">')
    secret = html[start : html.index("<", start)]
    assert secret.startswith(f"nsh_{row.prefix}_") and row.key_hash == hash_token(secret)
    assert secret not in signed_in.get("/en/me/settings/").content.decode()  # once
    api = signed_in.get("/api/me/follows", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.status_code == 200
    assert signed_in.post(f"/me/settings/tokens/{row.pk}/revoke/").status_code == 302
    assert (
        signed_in.get("/api/me/follows", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
    )


def test_private_feed_url(signed_in: Any, reader: Any, desk: Desk) -> None:
    set_follow(reader, "entity", "idlib", "follow")
    signed_in.post("/me/settings/tokens/", {"name": "feed", "scope": "feed"})
    html = signed_in.get("/en/me/settings/").content.decode()
    start = html.index('class="token-value">') + len('class="token-value">')
    secret = html[start : html.index("<", start)]
    assert f"/feeds/me/{secret}.rss" in html
    from django.test import Client

    anon = Client()
    r = anon.get(f"/feeds/me/{secret}.rss")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/rss+xml")
    assert "قصف قرب إدلب" in r.content.decode()
    j = anon.get(f"/feeds/me/{secret}.json").json()
    assert j["version"].startswith("https://jsonfeed.org/version/1")
    # a feed token is not an API token, and an API token does not open the feed
    assert anon.get("/api/me/feed", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
    ApiToken.objects.filter(user=reader).update(revoked_at="2024-01-01T00:00:00Z")
    assert anon.get(f"/feeds/me/{secret}.rss").status_code == 404


def test_export_all_my_data(signed_in: Any, reader: Any, desk: Desk) -> None:
    set_follow(reader, "entity", "idlib", "follow")
    set_follow(reader, "source", "wadi", "hide")
    signed_in.post("/me/saved/add/", {"article": desk.news.visit.pk, "note": "n"})
    signed_in.post("/me/settings/tokens/", {"name": "t", "scope": "write"})
    r = signed_in.get("/me/export.json")
    assert r["Content-Disposition"].startswith("attachment")
    data = json.loads(r.content)
    assert data["account"]["email"] == reader.email
    assert [f["target"]["slug"] for f in data["follows"]] == ["idlib"]
    assert [f["target"]["slug"] for f in data["hides"]] == ["wadi"]
    assert data["saved"][0]["note"] == "n" and data["settings"]["language"] == "ar"
    assert "key_hash" not in json.dumps(data)


def test_delete_account_needs_the_password(signed_in: Any, reader: Any, desk: Desk) -> None:
    set_follow(reader, "entity", "idlib", "follow")
    signed_in.post("/me/saved/add/", {"article": desk.news.visit.pk})
    assert signed_in.get("/me/delete/").status_code == 200
    assert signed_in.post("/me/delete/", {"password": "wrong", "confirm": "1"}).status_code == 400
    assert (
        signed_in.post("/me/delete/", {"password": PASSWORD}).status_code == 400
    )  # box not ticked
    r = signed_in.post("/me/delete/", {"password": PASSWORD, "confirm": "1"})
    assert r.status_code == 302
    assert not get_user_model().objects.filter(pk=reader.pk).exists()
    assert not Follow.objects.exists() and not SavedArticle.objects.exists()
    assert signed_in.get("/me/saved/").status_code == 302  # signed out


def test_pages_need_sign_in(client: Any, db: Any) -> None:
    for url in (
        "/me/feed/",
        "/me/saved/",
        "/me/following/",
        "/me/settings/",
        "/me/export.json",
        "/me/delete/",
    ):
        r = client.get(url)
        assert r.status_code == 302 and "/accounts/login/" in r["Location"], url


def test_account_pages_render_in_both_languages(client: Any, db: Any) -> None:
    for url in (
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/en/accounts/login/",
    ):
        r = client.get(url)
        assert r.status_code == 200, url
        html = r.content.decode()
        assert 'class="masthead"' in html and "<script>" not in html
