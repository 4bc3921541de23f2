"""Fixtures for the web, API and feed tests: a small newsroom made through the ORM
(sources, articles in Arabic and English, entities with mentions at real offsets,
quotes, a story across sources), indexed for search."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core.cache import cache, caches

from nashra.news.models import Article, Entity, Mention, Quote, Source, Story
from nashra.news.search import get_backend

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(autouse=True)
def _web_settings(settings: Any) -> None:
    # Tests do not run collectstatic: serve static files unhashed, straight from the apps.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.NASHRA_API_BURST = 10_000
    settings.NASHRA_API_RATE = "10000/s"
    cache.clear()
    caches["pages"].clear()  # the reading pages' cache (ids repeat from test to test)


def make_article(
    source: Source, title: str, body: list[str], when: datetime | None, **extra: Any
) -> Article:
    original = (
        "\n".join([title, *body]) + repr(sorted(extra.items(), key=str)) + str(when)
    ).encode()
    return Article.objects.create(
        source=source,
        title=title,
        body=body,
        published_at=when,
        original=original,
        origin=f"test:{title}",
        format="text",
        input_hash=hashlib.sha256(original).hexdigest(),
        body_hash=hashlib.sha1(original).hexdigest(),
        minhash=b"",
        **extra,
    )


def mention(article: Article, entity: Entity, text: str, nth: int = 0) -> Mention:
    """A mention at the real offset of the nth occurrence of ``text`` in Article.text."""
    full = article.text
    start = -1
    for _ in range(nth + 1):
        start = full.index(text, start + 1)
    return Mention.objects.create(
        article=article, entity=entity, text=text, start=start, end=start + len(text)
    )


@dataclass
class Newsroom:
    wadi: Source
    shorouq: Source
    wire: Source
    visit: Article
    followup: Article
    english: Article
    hostile: Article
    other: list[Article]
    erdogan: Entity
    ankara: Entity
    fidan: Entity
    story: Story
    quote: Quote


@pytest.fixture
def news(db: Any) -> Newsroom:
    base = datetime(2024, 3, 10, 9, 0, tzinfo=UTC)
    wadi = Source.objects.create(name="الوادي", slug="wadi", url="https://wadi.example/")
    shorouq = Source.objects.create(
        name="الشروق", slug="shorouq", feed_url="https://shorouq.example/rss"
    )
    wire = Source.objects.create(
        name="Levant Wire", slug="levant-wire", language="en", direction="ltr"
    )
    visit = make_article(
        wadi,
        "أردوغان يزور أنقرة ويلتقي وزير الخارجية",
        [
            "وصل الرئيس التركي رجب طيب أردوغان إلى أنقرة صباح اليوم.",
            "وقال أردوغان في مؤتمر صحفي: «سنعمل من أجل السلام في المنطقة».",
            "وأكد هاكان فيدان أن المحادثات كانت مثمرة.",
        ],
        base,
        subtitle="زيارة تستمر يومين",
        author="سارة المحمد",
        url="https://wadi.example/visit",
        language="ar",
    )
    followup = make_article(
        shorouq,
        "الرئيس التركي في أنقرة لبحث ملفات إقليمية",
        ["وصل أردوغان إلى أنقرة في زيارة رسمية.", "ويبحث الرئيس ملفات المنطقة مع فيدان."],
        base + timedelta(hours=5),
        language="ar",
    )
    english = make_article(
        wire,
        "Erdogan visits Ankara for regional talks",
        [
            "Turkish President Recep Tayyip Erdogan arrived in Ankara on Sunday.",
            "Talks focused on trade.",
        ],
        base + timedelta(hours=2),
        language="en",
        url="https://wire.example/erdogan",
    )
    hostile = make_article(
        shorouq,
        f"عنوان خبيث {HOSTILE}",
        [f"نص فيه {HOSTILE} & رموز < >"],
        base - timedelta(days=1),
        subtitle=HOSTILE,
        author=HOSTILE,
        language="ar",
    )
    other = [
        make_article(
            wadi,
            f"خبر محلي رقم {i}",
            [f"تفاصيل الخبر المحلي رقم {i} عن الطقس."],
            base - timedelta(days=2, hours=i),
            language="ar",
        )
        for i in range(25)
    ]
    erdogan = Entity.objects.create(
        kind="PERS",
        name="رجب طيب أردوغان",
        key="رجب طيب اردوغان",
        slug="erdogan",
        aliases=["أردوغان", "اردوغان", "رجب طيب أردوغان"],
        mention_count=4,
        article_count=2,
    )
    ankara = Entity.objects.create(
        kind="LOC", name="أنقرة", key="انقره", slug="ankara", mention_count=3, article_count=2
    )
    fidan = Entity.objects.create(
        kind="PERS",
        name="هاكان فيدان",
        key="هاكان فيدان",
        slug="fidan",
        mention_count=2,
        article_count=2,
    )
    # A duplicate entity an editor merged into Erdogan.
    Entity.objects.create(
        kind="PERS", name="أوردغان", key="اوردغان", slug="erdogan-typo", merged_into=erdogan
    )
    mention(visit, erdogan, "رجب طيب أردوغان")
    mention(visit, ankara, "أنقرة")
    mention(visit, erdogan, "أردوغان", nth=1)
    mention(visit, fidan, "هاكان فيدان")
    mention(followup, erdogan, "أردوغان")
    mention(followup, ankara, "أنقرة")
    mention(followup, fidan, "فيدان")
    text = visit.text
    said = "سنعمل من أجل السلام في المنطقة"
    quote = Quote.objects.create(
        article=visit,
        speaker=erdogan,
        speaker_text="أردوغان",
        text=said,
        cue="قال",
        kind="direct",
        start=text.index(said),
        end=text.index(said) + len(said),
    )
    story = Story.objects.create(
        title=visit.title,
        representative=visit,
        first_published_at=visit.published_at,
        last_published_at=followup.published_at,
        size=3,
        source_count=3,
    )
    Article.objects.filter(pk__in=[visit.pk, followup.pk, english.pk]).update(story=story)
    for a in (visit, followup, english):
        a.refresh_from_db()
    # rebuild, not index: transactional tests (the live server) flush tables but not the
    # FTS index, and ids are reused after a flush.
    get_backend().rebuild()
    return Newsroom(
        wadi,
        shorouq,
        wire,
        visit,
        followup,
        english,
        hostile,
        other,
        erdogan,
        ankara,
        fidan,
        story,
        quote,
    )
