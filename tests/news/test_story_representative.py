"""A story's representative: the member closest to the story as a whole, not the one
with the most names (a roundup or a long feature that touched the event)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nashra.analyze.keywords import unit_vector
from nashra.news.models import Article, ArticleAnalysis, Entity, Mention, Source, Story
from nashra.news.stories import refresh_stories
from tests.web.conftest import make_article

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _member(
    source: Source, story: Story, title: str, hours: int, lead: dict[str, float]
) -> Article:
    article = make_article(source, title, [title], T0 + timedelta(hours=hours), story=story)
    vector = unit_vector(lead)
    ArticleAnalysis.objects.create(
        article=article, version="test", data={"lead": [[t, w] for t, w in vector.items()]}
    )
    return article


def test_the_member_closest_to_the_story_represents_it() -> None:
    source = Source.objects.create(name="الوادي", slug="wadi")
    story = Story.objects.create(title="", first_published_at=T0, last_published_at=T0)
    # three reports of a dam's opening (the second tells what the other two tell), and a
    # weekly roundup that names everyone
    first = _member(source, story, "افتتاح سد وادي الريان", 0, {"سد": 1, "افتتح": 1, "ريان": 1})
    central = _member(
        source,
        story,
        "افتتاح سد الريان لري المزارع",
        2,
        {"سد": 1, "افتتح": 1, "ريان": 1, "مزرع": 1},
    )
    _member(source, story, "سد الريان يروي ألف مزرعة", 3, {"سد": 1, "ريان": 1, "مزرع": 1})
    roundup = _member(
        source,
        story,
        "حصاد الأسبوع: سد ومطار ومدارس",
        1,
        {"حصاد": 1, "اسبوع": 1, "مطار": 1, "مدرس": 1, "سد": 0.3},
    )
    names = [
        Entity.objects.create(kind="ORG", name=f"جهة {k}", key=f"جهه {k}", slug=f"body-{k}")
        for k in range(8)
    ]
    for k, entity in enumerate(names):  # the roundup has by far the most mentions
        Mention.objects.create(article=roundup, entity=entity, text="جهة", start=k, end=k + 1)
    refresh_stories([story.pk])
    story.refresh_from_db()
    assert story.representative_id == central.pk
    assert story.title == central.title
    assert story.size == 4
    # two members as close as each other to the story: the earlier one
    pair = Story.objects.create(title="", first_published_at=T0, last_published_at=T0)
    later = _member(source, pair, "الخبر نفسه مرة ثانية", 5, {"قمه": 1, "عمان": 1})
    earlier = _member(source, pair, "الخبر نفسه مرة أولى", 4, {"قمه": 1, "عمان": 1})
    refresh_stories([pair.pk])
    pair.refresh_from_db()
    assert pair.representative_id == earlier.pk != later.pk
    assert first.pk != central.pk  # the earliest report is not chosen for being first
