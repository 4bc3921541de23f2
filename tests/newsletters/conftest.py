"""Fixtures for the newsletter tests: a real SMTP server (aiosmtpd) on loopback that
captures what it accepts and can refuse chosen addresses (550 hard bounce, 451
temporary), Django's SMTP backend pointed at it, and a small newsroom."""

from __future__ import annotations

import socket
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from django.core.cache import cache

from nashra.news.models import Article, Entity, Source, Story
from nashra.newsletters.models import Issue, Newsletter, Subscriber, Subscription
from tests.web.conftest import make_article, mention

SITE = "https://nashra.example"
NOW = datetime(2024, 3, 10, 12, 0, tzinfo=UTC)


@dataclass
class Handler:
    """aiosmtpd handler: keeps every accepted message; refuses by address."""

    messages: list[tuple[list[str], bytes]] = field(default_factory=list)
    hard: set[str] = field(default_factory=set)  # 550 at RCPT
    soft: Counter[str] = field(default_factory=Counter)  # 451 at RCPT this many times
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.hard:
            return "550 5.1.1 No such user here"
        if self.soft[address] > 0:
            self.soft[address] -= 1
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.messages.append(
                (list(envelope.rcpt_tos), bytes(envelope.original_content or envelope.content))
            )
        return "250 2.0.0 Message accepted"

    def parsed(self) -> list[EmailMessage]:
        with self.lock:
            return [message_from_bytes(raw, policy=policy.default) for _, raw in self.messages]  # type: ignore[misc]

    def recipients(self) -> Counter[str]:
        with self.lock:
            return Counter(r for rcpts, _ in self.messages for r in rcpts)

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp(settings: Any) -> Iterator[Handler]:
    from aiosmtpd.controller import Controller

    handler = Handler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture(autouse=True)
def _newsletter_settings(settings: Any) -> None:
    settings.NASHRA_SITE_URL = SITE
    settings.DEFAULT_FROM_EMAIL = "نشرة <newsletters@nashra.example>"
    settings.NASHRA_NEWSLETTER_RATE = 0
    settings.NASHRA_NEWSLETTER_BATCH_SIZE = 200
    settings.NASHRA_NEWSLETTER_SUPPRESS_AFTER = 2
    settings.NASHRA_NEWSLETTER_RETRY_SECONDS = 60
    settings.NASHRA_DKIM_KEY_FILE = ""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "feeds"],
        }
    }
    cache.clear()


@dataclass
class Desk:
    wadi: Source
    shorouq: Source
    wire: Source
    syria: Entity
    articles: list[Article]
    story: Story
    bulletin: Newsletter


@pytest.fixture
def desk(db: Any) -> Desk:
    """Sources, an entity, a story covered by three sources, and a Syria bulletin."""
    base = NOW - timedelta(hours=6)
    wadi = Source.objects.create(name="الوادي", slug="wadi", url="https://wadi.example/")
    shorouq = Source.objects.create(name="الشروق", slug="shorouq")
    wire = Source.objects.create(
        name="Levant Wire", slug="levant-wire", language="en", direction="ltr"
    )
    syria = Entity.objects.create(
        kind="LOC", name="سوريا", key="سوريا", slug="syria", article_count=4
    )
    a1 = make_article(
        wadi,
        "مؤتمر دولي في دمشق لبحث إعادة إعمار سوريا",
        [
            "افتتح في دمشق اليوم مؤتمر دولي لبحث إعادة إعمار سوريا بمشاركة وفود من عشرين دولة.",
            "وقال المنظمون إن المؤتمر يستمر ثلاثة أيام.",
        ],
        base,
        language="ar",
        url="https://wadi.example/conf",
    )
    a2 = make_article(
        shorouq,
        "وفود عربية وأجنبية تصل إلى دمشق للمشاركة في مؤتمر الإعمار",
        ["وصلت وفود عربية وأجنبية إلى دمشق للمشاركة في مؤتمر إعادة إعمار سوريا."],
        base + timedelta(minutes=20),
        language="ar",
    )
    a3 = make_article(
        wire,
        "International conference on rebuilding Syria opens in Damascus",
        ["An international conference on rebuilding Syria opened in Damascus on Sunday."],
        base + timedelta(minutes=40),
        language="en",
    )
    a4 = make_article(
        shorouq,
        "ارتفاع أسعار القمح في الأسواق السورية مع اقتراب الشتاء",
        [
            "شهدت الأسواق في سوريا ارتفاعًا ملحوظًا في أسعار القمح والطحين خلال الأسبوع الماضي، وسط مخاوف من نقص الإمدادات.",
            "وقال تجار إن الأسعار قد تواصل الارتفاع.",
        ],
        base + timedelta(hours=1),
        language="ar",
        subtitle="مخاوف من نقص الإمدادات قبل الشتاء",
    )
    a5 = make_article(
        wadi,
        "مباراة ودية بين فريقين محليين",
        ["انتهت المباراة بالتعادل."],
        base + timedelta(hours=2),
        language="ar",
    )
    for a in (a1, a2, a3, a4):
        mention(
            a,
            syria,
            "سوريا" if "سوريا" in a.text else ("Syria" if "Syria" in a.text else "السورية"),
        )
    story = Story.objects.create(
        title=a1.title,
        representative=a1,
        first_published_at=a1.published_at,
        last_published_at=a3.published_at,
        size=3,
        source_count=3,
    )
    Article.objects.filter(pk__in=[a1.pk, a2.pk, a3.pk]).update(story=story)
    bulletin = Newsletter.objects.create(
        kind=Newsletter.Kind.BULLETIN,
        slug="syria",
        name="نشرة سوريا",
        name_en="Syria bulletin",
        description="أهم أخبار سوريا كل صباح.",
        description_en="The day's Syria news every morning.",
        hour=7,
        time_zone="UTC",
        created_at=NOW - timedelta(days=30),
    )
    bulletin.entities.add(syria)
    return Desk(wadi, shorouq, wire, syria, [a1, a2, a3, a4, a5], story, bulletin)


def subscribe(
    newsletter: Newsletter, email: str, *, language: str = "ar", status: str = "active"
) -> Subscription:
    subscriber, _ = Subscriber.objects.get_or_create(email=email, defaults={"language": language})
    sub, _ = Subscription.objects.update_or_create(
        subscriber=subscriber, newsletter=newsletter, defaults={"status": status}
    )
    return sub


def bulletin_issue(desk: Desk) -> Issue:
    from nashra.newsletters.compose import bulletin_articles

    start = NOW - timedelta(days=1)
    return Issue.objects.create(
        newsletter=desk.bulletin,
        period_start=start,
        period_end=NOW,
        items=bulletin_articles(desk.bulletin, start, NOW),
    )
