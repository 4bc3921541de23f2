"""Fixtures for reader accounts: the web tests' newsroom plus a second story about Idlib
(so a reader can hide one thing and still see another), and verified readers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from nashra.news.models import Article, Entity, Story
from nashra.news.search import get_backend
from tests.web.conftest import Newsroom, _web_settings, make_article, mention, news  # noqa: F401

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _reader_settings(settings: Any) -> None:
    # Fast hashing except where a test asks for the real (Argon2id) hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cache.clear()


@dataclass
class Desk:
    news: Newsroom
    idlib: Entity
    idlib_story: Story
    idlib_wire: Article
    idlib_shorouq: Article


@pytest.fixture
def desk(news: Newsroom) -> Desk:  # noqa: F811
    base = news.visit.published_at
    idlib = Entity.objects.create(
        kind="LOC", name="إدلب", key="ادلب", slug="idlib", aliases=["ادلب"], article_count=2
    )
    wire = make_article(
        news.wire,
        "Shelling near Idlib",
        ["Heavy shelling hit villages near Idlib."],
        base + timedelta(hours=1),
        language="en",
    )
    shorouq = make_article(
        news.shorouq,
        "قصف قرب إدلب",
        ["تعرضت قرى قرب إدلب لقصف عنيف صباح اليوم."],
        base + timedelta(hours=3),
        language="ar",
    )
    mention(shorouq, idlib, "إدلب")
    from nashra.news.models import Mention

    Mention.objects.create(
        article=shorouq, entity=idlib, text="إدلب", start=0, end=0, in_title=True
    )
    mention(wire, idlib, "Idlib")
    story = Story.objects.create(
        title=shorouq.title,
        representative=shorouq,
        first_published_at=wire.published_at,
        last_published_at=shorouq.published_at,
        size=2,
        source_count=2,
    )
    Article.objects.filter(pk__in=[wire.pk, shorouq.pk]).update(story=story)
    get_backend().rebuild()
    return Desk(news, idlib, story, wire, shorouq)


def make_reader(email: str = "reader@example.com", password: str = PASSWORD) -> Any:
    from allauth.account.models import EmailAddress

    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=password
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def reader(db: Any) -> Any:
    return make_reader()


@pytest.fixture
def other(db: Any) -> Any:
    return make_reader("other@example.com")


@pytest.fixture
def signed_in(client: Any, reader: Any) -> Any:
    client.force_login(reader)
    return client
