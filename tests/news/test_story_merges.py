"""When a new article matches two stories: which ones become one.

The articles here are made by hand (lead vectors and entities), so that each case tests
one rule of ``stories._best_story``: two stories whose centroids are as close as two
reports of one event merge; a story of one article merges on what a new member needs
(it came before the story it would have joined); two different stories stay apart even
when one article (a roundup) matches both.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nashra.analyze.keywords import unit_vector
from nashra.news import stories
from nashra.news.models import Article, ArticleAnalysis, Entity, Mention, Source, Story
from tests.web.conftest import make_article

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
DAM = {"سد": 1.0, "افتتح": 1.0, "ريان": 1.0}


@pytest.fixture
def source() -> Source:
    return Source.objects.create(name="الوادي", slug="wadi")


def _entities(prefix: str, n: int) -> list[Entity]:
    return [
        Entity.objects.create(
            kind="ORG", name=f"{prefix} {k}", key=f"{prefix} {k}", slug=f"{prefix}-{k}"
        )
        for k in range(n)
    ]


SHARED: list[Entity] = []


@pytest.fixture(autouse=True)
def shared() -> None:
    SHARED[:] = _entities("هيئة السدود", 2)


def _article(
    source: Source, title: str, hours: int, lead: dict[str, float], story: Story | None
) -> Article:
    """An article with its lead vector, the two shared bodies and six of its own (so that
    the entity overlap of any two is a quarter and the words decide)."""
    article = make_article(source, title, [title], T0 + timedelta(hours=hours), story=story)
    ArticleAnalysis.objects.create(
        article=article,
        version="test",
        data={"lead": [[t, w] for t, w in unit_vector(lead).items()]},
    )
    own = _entities(f"جهة {article.pk}", 6)
    for k, entity in enumerate([*SHARED, *own]):
        Mention.objects.create(article=article, entity=entity, text="جهة", start=k, end=k + 1)
    return article


def _story(source: Source, *members: tuple[str, int, dict[str, float]]) -> Story:
    story = Story.objects.create(title=members[0][0], first_published_at=T0, last_published_at=T0)
    for title, hours, lead in members:
        _article(source, title, hours, lead, story)
    stories.refresh_stories([story.pk])
    return story


def _stories_of(*titles: str) -> set[int | None]:
    return {Article.objects.get(title=t).story_id for t in titles}


def test_stories_with_close_centroids_merge(source: Source) -> None:
    _story(source, ("سد الريان يفتتح", 0, DAM), ("افتتاح سد الريان", 1, {**DAM, "مزرع": 0.5}))
    _story(source, ("سد جديد في الريان", 2, {**DAM, "جديد": 1}), ("الريان: السد", 3, DAM))
    # (cosine 0.77 with each member: a score under MERGE_THRESHOLD with both stories)
    new = _article(source, "الريان يفتتح سده", 5, {**DAM, "اليوم": 1, "احتفل": 1}, None)
    chosen = stories._best_story(new)
    assert _stories_of("سد الريان يفتتح", "الريان: السد") == {chosen}
    assert Story.objects.count() == 1


def test_a_story_of_one_article_joins_on_what_a_member_needs(source: Source) -> None:
    dam = _story(
        source,
        ("سد الريان يفتتح", 0, DAM),
        ("افتتاح سد الريان للمزارع", 1, {"سد": 1, "افتتح": 1, "مزرع": 1}),
    )
    # an earlier report of the flooded village the dam was built for: close enough to
    # the dam's story for a new member (cosine 0.37 with its centroid), not for a twin
    _story(source, ("قرية الريان تغرق", 2, {"سد": 1, "غرق": 1, "قري": 1}))
    new = _article(source, "السد ينقذ القرية", 5, {**DAM, "غرق": 0.5, "قري": 0.5}, None)
    assert stories._best_story(new) == dam.pk
    assert _stories_of("سد الريان يفتتح", "قرية الريان تغرق") == {dam.pk}


def test_different_stories_stay_apart_when_a_roundup_matches_both(source: Source) -> None:
    _story(source, ("سد الريان يفتتح", 0, DAM), ("افتتاح سد الريان", 1, DAM))
    airport = {"مطار": 1.0, "رحل": 1.0, "ريان": 1.0, "هبوط": 1.0}  # cosine 0.29 with DAM
    _story(source, ("مطار الريان يستقبل", 2, airport), ("افتتاح مطار الريان", 3, airport))
    roundup = _article(source, "حصاد الأسبوع في الريان", 5, {**DAM, "مطار": 1, "رحل": 1}, None)
    assert stories._best_story(roundup) is not None
    assert len(_stories_of("سد الريان يفتتح", "مطار الريان يستقبل")) == 2
    assert Story.objects.count() == 2
