"""The shared candidate lists behind the feed (``nashra.readers.feed.Pool``): extended,
not rebuilt, when articles arrive, with the same result as a cold read; shared between
readers in a newsletter run; rebuilt after ``SHARED_SECONDS``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache

from nashra.news.models import Mention
from nashra.readers import feed
from nashra.readers.feed import Pool, personal_feed
from nashra.readers.services import set_follow
from tests.web.conftest import make_article, mention

from .conftest import Desk, make_reader

pytestmark = pytest.mark.django_db


def signature(items: list[Any]) -> list[tuple[Any, ...]]:
    return [
        (i.key, i.article.pk, i.score, [f.pk for f in i.followed], i.reasons, i.read) for i in items
    ]


def test_new_articles_extend_the_cached_lists(
    desk: Desk, reader: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Short lists, so extending has to drop the oldest entries to stay bounded.
    monkeypatch.setattr(feed, "PER_ENTITY", 2)
    monkeypatch.setattr(feed, "PER_SOURCE", 2)
    set_follow(reader, "entity", "idlib", "follow")
    set_follow(reader, "source", "wadi", "follow")
    warm = Pool()
    personal_feed(reader, pool=warm)
    assert warm.queries > 0  # lists made and stored in the cache

    when = desk.news.visit.published_at + timedelta(days=1)
    fresh = []
    for n in range(3):
        a = make_article(
            desk.news.shorouq,
            f"إدلب {n}",
            [f"خبر عن إدلب رقم {n}."],
            when + timedelta(minutes=n),
            language="ar",
        )
        mention(a, desk.idlib, "إدلب")
        fresh.append(a)
    fresh.append(make_article(desk.news.wadi, "خبر الوادي", ["نص."], when, language="ar"))

    cache.delete("readers:feed:ref")  # "now" moves with the newest article (cached for seconds)
    extended = Pool()
    items, _ = personal_feed(reader, pool=extended)
    shown = {i.article.pk for i in items}
    assert {fresh[-2].pk, fresh[-1].pk} <= shown  # the newest mention and the newest of the source
    assert extended.queries < warm.queries + 2  # extended from the cache, not rebuilt list by list
    cache.clear()
    cold, _ = personal_feed(reader)
    assert signature(items) == signature(cold)


def test_a_send_run_pool_is_shared_and_matches_the_default(desk: Desk, reader: Any) -> None:
    second = make_reader("second@example.com")
    for user in (reader, second):
        set_follow(user, "entity", "idlib", "follow")
        set_follow(user, "entity", "erdogan", "follow")
    set_follow(second, "topic", "قصف", "follow")
    run = Pool(shared=False)
    first_items, _ = personal_feed(reader, pool=run)
    made = run.queries
    second_items, _ = personal_feed(second, pool=run)
    assert run.queries == made + 1  # only the topic's list was new
    assert cache.get("readers:pool:merges") is None  # a run's pool stays out of the shared cache
    assert signature(first_items) == signature(personal_feed(reader)[0])
    assert signature(second_items) == signature(personal_feed(second)[0])


def test_edits_to_older_articles_show_once_the_lists_expire(
    desk: Desk, reader: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_follow(reader, "entity", "idlib", "follow")
    personal_feed(reader)
    # Re-analysis adds a mention to an article stored before the lists were made.
    Mention.objects.create(
        article=desk.news.visit, entity=desk.idlib, text="إدلب", start=0, end=0, in_title=True
    )
    monkeypatch.setattr(feed, "SHARED_SECONDS", 0)
    items, _ = personal_feed(reader)
    card = next(
        i
        for i in items
        if i.article.pk == desk.news.visit.pk or i.story_id == desk.news.visit.story_id
    )
    assert [f.entity_id for f in card.followed] == [desk.idlib.pk]


class Clock:
    """Stands for the time module in nashra.readers.feed: wall time moved by hand."""

    def __init__(self) -> None:
        import time

        self.now = time.time()
        self.perf_counter = time.perf_counter

    def time(self) -> float:
        return self.now


def test_extending_a_list_does_not_keep_it_from_expiring(
    desk: Desk, reader: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    monkeypatch.setattr(feed, "time", clock)
    set_follow(reader, "entity", "idlib", "follow")
    personal_feed(reader)  # lists made at t=0
    when = desk.news.visit.published_at + timedelta(days=1)
    new = make_article(desk.news.shorouq, "إدلب اليوم", ["خبر عن إدلب."], when, language="ar")
    mention(new, desk.idlib, "إدلب")
    clock.now += feed.SHARED_SECONDS / 2
    items, _ = personal_feed(reader)  # extended, not rebuilt
    assert new.pk in {i.article.pk for i in items}
    Mention.objects.create(
        article=desk.news.visit, entity=desk.idlib, text="إدلب", start=0, end=0, in_title=True
    )
    clock.now += feed.SHARED_SECONDS / 2 + 1  # the lists were made a full period ago
    cache.delete("readers:feed:ref")
    items, _ = personal_feed(reader)
    card = next(
        i
        for i in items
        if i.article.pk == desk.news.visit.pk or i.story_id == desk.news.visit.story_id
    )
    assert desk.idlib.pk in [f.entity_id for f in card.followed]


def test_copies_stay_out_however_often_they_mention_a_follow(desk: Desk, reader: Any) -> None:
    set_follow(reader, "entity", "idlib", "follow")
    when = desk.news.visit.published_at + timedelta(hours=5)
    original = make_article(desk.news.wadi, "إدلب", ["إدلب إدلب إدلب"], when, language="ar")
    copy = make_article(
        desk.news.shorouq, "نسخة", ["إدلب إدلب إدلب"], when, language="ar", duplicate_of=original
    )
    for article in (original, copy):
        for nth in range(3):
            mention(article, desk.idlib, "إدلب", nth)
    shown = {i.article.pk for i in personal_feed(reader)[0]}
    assert original.pk in shown and copy.pk not in shown


def test_a_follow_wins_over_a_hidden_topic(desk: Desk, reader: Any) -> None:
    set_follow(reader, "topic", "قصف", "hide")
    assert desk.idlib_shorouq.pk not in {i.article.pk for i in personal_feed(reader)[0]}
    set_follow(reader, "entity", "idlib", "follow")
    assert personal_feed(reader)[0][0].article.pk == desk.idlib_shorouq.pk
