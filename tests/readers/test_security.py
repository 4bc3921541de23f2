"""Security: CSRF on every form, login rate limit, no account enumeration, Argon2id,
tokens scoped, and no reader ever reaching another reader's data (pages and API)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from nashra.readers.models import ApiToken, Follow, SavedArticle
from nashra.readers.services import save_article, set_follow
from nashra.readers.tokens import create_token

from .conftest import PASSWORD, Desk, make_reader

pytestmark = pytest.mark.django_db


# --- CSRF ------------------------------------------------------------------------------
FORMS = [
    ("/me/follow/", {"kind": "entity", "target": "idlib", "action": "follow"}),
    ("/me/feed/read-all/", {}),
    ("/me/saved/add/", {"article": "1"}),
    ("/me/saved/1/remove/", {}),
    ("/me/settings/", {"language": "en", "timezone": "UTC", "theme": "auto"}),
    ("/me/settings/tokens/", {"name": "x", "scope": "read"}),
    ("/me/settings/tokens/1/revoke/", {}),
    ("/me/delete/", {"password": PASSWORD, "confirm": "1"}),
    ("/accounts/logout/", {}),
    ("/accounts/email/", {"email": "new@example.com", "action_add": ""}),
    (
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "another long pass 1",
            "password2": "another long pass 1",
        },
    ),
]
ANON_FORMS = [
    ("/accounts/login/", {"login": "reader@example.com", "password": PASSWORD}),
    (
        "/accounts/signup/",
        {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD},
    ),
    ("/accounts/password/reset/", {"email": "reader@example.com"}),
]


@pytest.mark.parametrize(("url", "data"), FORMS)
def test_csrf_enforced_on_reader_forms(
    url: str, data: dict[str, str], desk: Desk, reader: Any
) -> None:
    c = Client(enforce_csrf_checks=True)
    c.force_login(reader)
    assert c.post(url, data).status_code == 403
    assert c.post(url, data, HTTP_ACCEPT="application/json").status_code == 403
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.filter(pk=reader.pk).exists()
    assert not Follow.objects.exists() and not ApiToken.objects.exists()


@pytest.mark.parametrize(("url", "data"), ANON_FORMS)
def test_csrf_enforced_on_account_forms(url: str, data: dict[str, str], reader: Any) -> None:
    c = Client(enforce_csrf_checks=True)
    assert c.post(url, data).status_code == 403
    assert not mail.outbox


def test_forms_carry_a_csrf_token(desk: Desk, reader: Any) -> None:
    c = Client(enforce_csrf_checks=True)
    c.force_login(reader)
    for url in (
        f"/articles/{desk.news.visit.pk}/",
        "/",
        "/me/saved/",
        "/me/following/",
        "/me/settings/",
        "/me/delete/",
    ):
        html = c.get(url).content.decode()
        assert html.count("<form") - html.count('method="get"') <= html.count(
            "csrfmiddlewaretoken"
        ), url


# --- sign in, rate limit, enumeration, hashing -----------------------------------------
def test_login_rate_limited(client: Any, reader: Any, settings: Any) -> None:
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "3/m/ip,3/5m/key",
    }
    pages = [
        client.post("/en/accounts/login/", {"login": reader.email, "password": "wrong"})
        for _ in range(4)
    ]
    limited = "Too many failed login attempts"
    assert all(p.status_code == 200 for p in pages)
    assert limited not in pages[0].content.decode() and limited in pages[-1].content.decode()
    # even the right password is refused while limited
    r = client.post("/en/accounts/login/", {"login": reader.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session and limited in r.content.decode()


def test_login_works_and_rotates_the_session(client: Any, reader: Any) -> None:
    client.get("/accounts/login/")
    before = client.session.session_key
    r = client.post("/accounts/login/", {"login": reader.email, "password": PASSWORD})
    assert r.status_code == 302
    assert client.session.session_key != before and client.session["_auth_user_id"] == str(
        reader.pk
    )


def test_unverified_email_cannot_log_in(client: Any, db: Any) -> None:
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user(username="u", email="u@example.com", password=PASSWORD)
    r = client.post("/accounts/login/", {"login": "u@example.com", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert r.status_code == 302 and "confirm-email" in r["Location"]


def _normalise(html: str) -> str:
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_password_reset_does_not_enumerate(client: Any, reader: Any) -> None:
    a = client.post("/accounts/password/reset/", {"email": reader.email})
    b = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert a.status_code == b.status_code == 302 and a["Location"] == b["Location"]
    assert _normalise(client.get(a["Location"]).content.decode()) == _normalise(
        client.get(b["Location"]).content.decode()
    )


def test_signup_does_not_enumerate(client: Any, reader: Any) -> None:
    data = {"password1": "a fresh long passphrase", "password2": "a fresh long passphrase"}
    a = client.post("/accounts/signup/", {"email": reader.email, **data})
    client.logout()
    b = Client().post("/accounts/signup/", {"email": "brand-new@example.com", **data})
    assert a.status_code == b.status_code == 302 and a["Location"] == b["Location"]
    # the owner of the existing address is told by mail, not the visitor by the page
    assert len(mail.outbox) == 2
    assert reader.email in mail.outbox[0].to


def test_passwords_hashed_with_argon2id(settings: Any, db: Any) -> None:
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = make_reader("argon@example.com")
    assert user.password.startswith("argon2$argon2id$")


# --- another reader's data ---------------------------------------------------------------
@pytest.fixture
def others(desk: Desk, other: Any) -> dict[str, Any]:
    saved = save_article(other, desk.news.visit.pk, note="secret note of other", tags=["private"])
    follow = set_follow(other, "entity", "idlib", "follow")
    token, _secret = create_token(other, "theirs", "write")
    return {"saved": saved, "follow": follow, "token": token}


def test_pages_never_show_or_change_another_readers_data(
    signed_in: Any, others: dict[str, Any], desk: Desk
) -> None:
    for url in (
        "/me/saved/",
        "/me/following/",
        "/me/settings/",
        "/",
        "/me/saved/export.json",
        "/me/export.json",
    ):
        html = signed_in.get(url).content.decode()
        assert "secret note of other" not in html and "theirs" not in html, url
    assert signed_in.post(f"/me/saved/{desk.news.visit.pk}/remove/").status_code == 404
    assert SavedArticle.objects.filter(pk=others["saved"].pk).exists()
    assert signed_in.post(f"/me/settings/tokens/{others['token'].pk}/revoke/").status_code == 404
    others["token"].refresh_from_db()
    assert others["token"].revoked_at is None
    # following the same thing makes the reader's own row, never touches the other's
    signed_in.post("/me/follow/", {"kind": "entity", "target": "idlib", "action": "hide"})
    others["follow"].refresh_from_db()
    assert others["follow"].hidden is False


def test_api_never_shows_or_changes_another_readers_data(
    reader: Any, others: dict[str, Any], desk: Desk
) -> None:
    _row, mine = create_token(reader, "mine", "write")
    c = Client(HTTP_AUTHORIZATION=f"Bearer {mine}")
    assert c.get("/api/me/saved").json()["items"] == []
    assert c.get("/api/me/follows").json()["items"] == []
    assert c.delete(f"/api/me/saved/{desk.news.visit.pk}").status_code == 404
    assert c.delete(f"/api/me/follows/{others['follow'].pk}").status_code == 404
    assert SavedArticle.objects.filter(pk=others["saved"].pk).exists()
    assert Follow.objects.filter(pk=others["follow"].pk).exists()
    feed = c.get("/api/me/feed").json()
    assert all(not i["followed"] for i in feed["items"])


def test_api_token_scopes(reader: Any, desk: Desk) -> None:
    _r, read = create_token(reader, "r", "read")
    _w, write = create_token(reader, "w", "write")
    anon = Client()
    assert anon.get("/api/me/feed").status_code == 401
    assert anon.get("/api/me/feed").json()["error"]["code"] == "unauthorised"
    assert anon.get("/api/me/feed", HTTP_AUTHORIZATION="Bearer nsh_nope_nope").status_code == 401
    r = Client(HTTP_AUTHORIZATION=f"Bearer {read}")
    w = Client(HTTP_AUTHORIZATION=f"Bearer {write}")
    assert r.get("/api/me/feed").status_code == 200
    body = {"kind": "entity", "target": "idlib"}
    denied = r.post("/api/me/follows", body, content_type="application/json")
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "forbidden"
    assert not Follow.objects.exists()
    ok = w.post("/api/me/follows", body, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["kind"] == "entity"
    fid = ok.json()["id"]
    feed = w.get("/api/me/feed").json()
    assert feed["items"][0]["reasons"] == ["لأنك تتابع إدلب"]
    assert w.get("/api/me/feed?cursor=bad").status_code == 400
    s = w.post(
        "/api/me/saved",
        {"article_id": desk.news.visit.pk, "note": "n", "tags": ["a"]},
        content_type="application/json",
    )
    assert s.status_code == 200 and s.json()["tags"] == ["a"]
    assert r.delete(f"/api/me/saved/{desk.news.visit.pk}").status_code == 403
    assert [i["article_id"] for i in r.get("/api/me/saved").json()["items"]] == [desk.news.visit.pk]
    assert w.delete(f"/api/me/saved/{desk.news.visit.pk}").status_code == 200
    assert w.delete(f"/api/me/follows/{fid}").status_code == 200
    assert (
        w.post("/api/me/saved", {"article_id": 999999}, content_type="application/json").status_code
        == 404
    )
    assert (
        w.post(
            "/api/me/follows", {"kind": "planet", "target": "x"}, content_type="application/json"
        ).status_code
        == 400
    )
    # the token's owner is who is used, never a session
    reader.is_active = False
    reader.save()
    assert r.get("/api/me/feed").status_code == 401
