"""The personalised feed: matching, ranking, one card per story, hides, reads, cursors."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone, translation

from nashra.news.models import Article, Entity, Mention
from nashra.readers.feed import BadCursor, personal_feed, suggested_entities
from nashra.readers.models import Follow, Profile, ReadMark
from nashra.readers.services import set_follow
from tests.web.conftest import make_article, mention

from .conftest import Desk

pytestmark = pytest.mark.django_db


def keys(items: list[Any]) -> list[str]:
    return [i.key for i in items]


def test_new_reader_gets_top_stories_and_suggestions(desk: Desk, reader: Any) -> None:
    with translation.override("en"):
        items, nxt = personal_feed(reader)
    assert nxt is None
    stories = [i.story_id for i in items]
    assert stories == [desk.news.story.pk, desk.idlib_story.pk]  # 3 sources before 2
    assert items[0].reasons == ["Top story, covered by 3 sources"]
    assert items[0].followed == []
    names = {e.slug for e in suggested_entities()}
    assert {"erdogan", "ankara", "idlib"} <= names


def test_follow_entity_ranks_first_with_its_reason(desk: Desk, reader: Any) -> None:
    set_follow(reader, "entity", "idlib", "follow")
    with translation.override("ar"):
        items, _ = personal_feed(reader)
    assert items[0].story_id == desk.idlib_story.pk
    assert items[0].reasons == ["لأنك تتابع إدلب"]
    assert [f.entity_id for f in items[0].followed] == [desk.idlib.pk]
    # the story's best article for this reader: the one with Idlib in its headline
    assert items[0].article.pk == desk.idlib_shorouq.pk
    with translation.override("en"):
        items, _ = personal_feed(reader)
    assert items[0].reasons == ["Because you follow إدلب"]


def test_one_card_per_story(desk: Desk, reader: Any) -> None:
    set_follow(reader, "entity", "erdogan", "follow")
    set_follow(reader, "entity", "ankara", "follow")
    items, _ = personal_feed(reader)
    stories = [i.story_id for i in items if i.story_id]
    assert len(stories) == len(set(stories))
    card = next(i for i in items if i.story_id == desk.news.story.pk)
    assert {f.entity.slug for f in card.followed} == {"erdogan", "ankara"}
    assert len(card.reasons) == 2


def test_merged_entities_and_variants_match(desk: Desk, reader: Any) -> None:
    # Following the duplicate an editor merged follows the canonical entity …
    row = set_follow(reader, "entity", "erdogan-typo", "follow")
    assert row is not None and row.entity.slug == "erdogan"
    # … and mentions still linked to the merged duplicate count for it.
    typo = Entity.objects.get(slug="erdogan-typo")
    lone = make_article(
        desk.news.wadi,
        "أوردغان يصرح",
        ["صرح أوردغان اليوم."],
        desk.news.visit.published_at,
        language="ar",
    )
    mention(lone, typo, "أوردغان")
    items, _ = personal_feed(reader)
    ids = {i.article.pk for i in items if i.followed}
    assert lone.pk in ids
    assert any(i.story_id == desk.news.story.pk and i.followed for i in items)


def test_several_follows_beat_one_and_headline_beats_body(desk: Desk, reader: Any) -> None:
    when = desk.news.visit.published_at + timedelta(days=1)
    src = desk.news.wadi
    title = make_article(src, "فيدان في الرياض", ["زار الوزير الرياض."], when, language="ar")
    body = make_article(src, "زيارة وزير", ["زار فيدان الرياض اليوم."], when, language="ar")
    Mention.objects.create(
        article=title, entity=desk.news.fidan, text="فيدان", start=0, end=0, in_title=True
    )
    mention(body, desk.news.fidan, "فيدان")
    set_follow(reader, "entity", "fidan", "follow")
    items, _ = personal_feed(reader)
    order = [i.article.pk for i in items]
    assert order.index(title.pk) < order.index(body.pk)
    # following Ankara too: the story matching both outranks a one-follow article of the same age
    set_follow(reader, "entity", "ankara", "follow")
    scores = {i.article.pk: i.score for i in personal_feed(reader)[0]}
    card = next(i for i in personal_feed(reader)[0] if i.story_id == desk.news.story.pk)
    assert len(card.followed) == 2
    assert card.score > 0 and scores[body.pk] > 0


def test_hidden_source_leaves_unless_followed(desk: Desk, reader: Any) -> None:
    items, _ = personal_feed(reader)
    assert any(i.article.source_id == desk.news.shorouq.pk for i in items)
    set_follow(reader, "source", "shorouq", "hide")
    items, _ = personal_feed(reader)
    assert all(i.article.source_id != desk.news.shorouq.pk for i in items)
    # the Idlib story is still there, represented by another source's article
    assert any(
        i.story_id == desk.idlib_story.pk and i.article.pk == desk.idlib_wire.pk for i in items
    )
    # a follow wins over a hide
    set_follow(reader, "entity", "idlib", "follow")
    items, _ = personal_feed(reader)
    assert items[0].article.pk == desk.idlib_shorouq.pk


def test_hide_entity_story_and_topic(desk: Desk, reader: Any) -> None:
    set_follow(reader, "entity", "idlib", "hide")
    assert all(i.story_id != desk.idlib_story.pk for i in personal_feed(reader)[0])
    set_follow(reader, "entity", "idlib", "unfollow")
    set_follow(reader, "story", str(desk.news.story.pk), "hide")
    assert all(i.story_id != desk.news.story.pk for i in personal_feed(reader)[0])
    set_follow(reader, "story", str(desk.news.story.pk), "unfollow")
    set_follow(reader, "topic", "قصف", "hide")
    items = personal_feed(reader)[0]
    assert all(i.article.pk != desk.idlib_shorouq.pk for i in items)


def test_topic_uses_the_search_analyzer(desk: Desk, reader: Any) -> None:
    row = set_follow(reader, "topic", "اردوغان", "follow")  # no hamza
    assert row is not None and row.terms
    items, _ = personal_feed(reader)
    card = next(i for i in items if i.story_id == desk.news.story.pk)
    assert card.followed == [row]
    with translation.override("en"):
        assert personal_feed(reader)[0][0].reasons == ["Because you follow the topic “اردوغان”"]
    # the same topic typed with hamza is the same follow
    set_follow(reader, "topic", "أردوغان", "follow")
    assert Follow.objects.filter(user=reader, kind="topic").count() == 1


def test_read_articles_sink_and_can_be_left_out(desk: Desk, reader: Any) -> None:
    set_follow(reader, "entity", "idlib", "follow")
    set_follow(reader, "entity", "erdogan", "follow")
    first = personal_feed(reader)[0][0]
    for a in Article.objects.filter(story_id=first.story_id):
        ReadMark.objects.create(user=reader, article=a)
    items, _ = personal_feed(reader)
    moved = next(i for i in items if i.story_id == first.story_id)
    assert moved.read and items[0].story_id != first.story_id
    assert all(i.story_id != first.story_id for i in personal_feed(reader, include_read=False)[0])


def test_mark_all_read(desk: Desk, reader: Any) -> None:
    Profile.objects.create(user=reader, all_read_at=timezone.now() + timedelta(seconds=1))
    items, _ = personal_feed(reader)
    assert items and all(i.read for i in items)


def test_cursor_pages_cover_everything_once(desk: Desk, reader: Any) -> None:
    base = desk.news.visit.published_at
    for i in range(23):
        make_article(
            desk.news.wire,
            f"Wire item {i}",
            [f"Body {i}."],
            base - timedelta(hours=i),
            language="en",
        )
    set_follow(reader, "source", "levant-wire", "follow")
    full, _ = personal_feed(reader, limit=200)
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        items, cursor = personal_feed(reader, limit=7, cursor=cursor)
        seen += keys(items)
        pages += 1
        # a new article arriving between pages does not shift later pages
        make_article(
            desk.news.wire, f"Late {pages}", ["late"], base + timedelta(days=1), language="en"
        )
        if cursor is None:
            break
    assert seen == keys(full)
    assert pages == -(-len(full) // 7)
    with pytest.raises(BadCursor):
        personal_feed(reader, cursor="not-a-cursor")


def test_since_limits_to_a_period(desk: Desk, reader: Any) -> None:
    set_follow(reader, "entity", "erdogan", "follow")
    since = desk.news.visit.published_at + timedelta(hours=4)
    items, _ = personal_feed(reader, since=since)
    assert items and all(i.article.published_at >= since for i in items)


def test_other_readers_follows_do_not_leak(desk: Desk, reader: Any, other: Any) -> None:
    set_follow(other, "entity", "idlib", "follow")
    items, _ = personal_feed(reader)
    assert all(not i.followed for i in items)
