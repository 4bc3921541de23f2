"""Stories: articles from different sources about the same event, grouped as they arrive.

A new article joins the story of the most similar recent article, where similarity is
the overlap of their entities (people and organisations count more than places, and an
entity in thousands of articles counts little) and the cosine of their TF-IDF keywords,
within a time window; shared names without shared words never make a story. When it matches articles of two stories, the stories merge. Duplicates join the
story of their first copy. Every original article belongs to a story, even alone, so
pages can show one card per story.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Max, Min

from nashra.news.models import Article, ArticleAnalysis, Mention, Story

WINDOW = timedelta(hours=getattr(settings, "NASHRA_STORY_WINDOW_HOURS", 48))
THRESHOLD = float(getattr(settings, "NASHRA_STORY_THRESHOLD", 0.35))
# Shared names alone (the same capital, the same president) are not a story.
MIN_KEYWORD_SIMILARITY = 0.15
KIND_WEIGHT = {"PERS": 1.0, "ORG": 1.0, "MISC": 0.7, "LOC": 0.5}
MAX_CANDIDATES = 30
PROBES = 6  # rarest entities of an article used to find candidate articles
PROBE_ROWS = 2000  # mentions read at most per article when looking for candidates


def _when(article: Article):  # noqa: ANN202 - a datetime
    return article.published_at or article.ingested_at


def _overlap(a: dict[int, float], b: dict[int, float]) -> float:
    """Weighted overlap coefficient: shared weight over the smaller side's weight."""
    if not a or not b:
        return 0.0
    shared = sum(w for k, w in a.items() if k in b)
    return shared / min(sum(a.values()), sum(b.values()))


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    return dot / math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))


def _keywords(article_ids: Iterable[int]) -> dict[int, dict[str, float]]:
    """Each article's keywords (distinctive stemmed terms) with their TF-IDF scores."""
    out: dict[int, dict[str, float]] = {}
    for art_id, keywords in ArticleAnalysis.objects.filter(
        article_id__in=set(article_ids)
    ).values_list("article_id", "keywords"):
        out[art_id] = {
            k["term"]: float(k.get("score", 1.0)) for k in keywords or [] if isinstance(k, dict)
        }
    return out


def assign_stories(articles: Sequence[Article]) -> None:
    """Give each article (already stored with its mentions and analysis) a story."""
    touched: set[int] = set()
    for article in sorted(articles, key=_when):
        if article.duplicate_of_id:
            original = Article.objects.only(
                "id", "story_id", "title", "published_at", "ingested_at"
            ).get(pk=article.duplicate_of_id)
            if original.story_id is None:
                original.story = _new_story(original)
                original.save(update_fields=["story"])
            story_id = original.story_id
        else:
            story_id = _best_story(article)
            if story_id is None:
                story_id = _new_story(article).pk
        Article.objects.filter(pk=article.pk).update(story_id=story_id)
        article.story_id = story_id
        touched.add(story_id)
    refresh_stories(touched)


def _new_story(article: Article) -> Story:
    when = _when(article)
    return Story.objects.create(
        title=article.title,
        representative=article,
        first_published_at=when,
        last_published_at=when,
        size=1,
        source_count=1,
    )


def _weight(kind: str, article_count: int) -> float:
    return KIND_WEIGHT.get(kind, 0.5) / math.log(3 + article_count)


def _best_story(article: Article) -> int | None:
    mine = {
        ent: _weight(kind, count)
        for ent, kind, count in Mention.objects.filter(article=article)
        .values_list("entity_id", "entity__kind", "entity__article_count")
        .distinct()
    }
    if len(mine) < 2:
        return None
    # Look for candidates through the article's rarer entities only: a country named in
    # a third of the corpus finds nothing the rarer names would not, at a far higher cost.
    probes = sorted(mine, key=mine.__getitem__, reverse=True)[:PROBES]
    # Two plain lookups rather than one join: the mention index finds the few articles
    # naming these entities; a join would make SQLite walk every article of the window.
    shared = Counter(
        art_id
        for art_id, _ in set(
            Mention.objects.filter(entity_id__in=probes)
            .exclude(article_id=article.pk)
            .values_list("article_id", "entity_id")[:PROBE_ROWS]
        )
    )
    eligible = Article.objects.filter(
        id__in=[a for a, _ in shared.most_common(4 * MAX_CANDIDATES)],
        duplicate_of__isnull=True,
        story__isnull=False,
    )
    if article.published_at is not None:  # an undated article (a raw scrape) may match any time
        when = article.published_at
        eligible = eligible.filter(published_at__range=(when - WINDOW, when + WINDOW))
    found = dict(eligible.values_list("id", "story_id"))
    candidates = [
        {"article_id": a, "article__story_id": found[a]}
        for a, _ in shared.most_common()
        if a in found
    ][:MAX_CANDIDATES]
    if not candidates:
        return None
    story_of = {c["article_id"]: c["article__story_id"] for c in candidates}
    theirs: dict[int, dict[int, float]] = defaultdict(dict)
    for art_id, ent, kind, count in Mention.objects.filter(
        article_id__in=list(story_of)
    ).values_list("article_id", "entity_id", "entity__kind", "entity__article_count"):
        theirs[art_id][ent] = _weight(kind, count)
    keywords = _keywords([article.pk, *story_of])
    my_keywords = keywords.get(article.pk, {})
    scores: dict[int, float] = defaultdict(float)
    for art_id, entities in theirs.items():
        if len(entities.keys() & mine.keys()) < 2:
            continue
        words = _cosine(my_keywords, keywords.get(art_id, {}))
        score = 0.4 * _overlap(mine, entities) + 0.6 * words
        if score >= THRESHOLD and words >= MIN_KEYWORD_SIMILARITY:
            story = story_of[art_id]
            scores[story] = max(scores[story], score)
    if not scores:
        return None
    ranked = sorted(scores, key=lambda s: scores[s], reverse=True)
    return _merge(ranked) if len(ranked) > 1 else ranked[0]


def _merge(story_ids: list[int]) -> int:
    """Fold the given stories into the largest one; return its id."""
    sizes = dict(Story.objects.filter(id__in=story_ids).values_list("id", "size"))
    keep = max(story_ids, key=lambda s: (sizes.get(s, 0), -s))
    others = [s for s in story_ids if s != keep]
    Article.objects.filter(story_id__in=others).update(story_id=keep)
    Story.objects.filter(id__in=others).delete()
    return keep


def refresh_stories(story_ids: Iterable[int]) -> None:
    """Recompute size, sources, time span and representative of the given stories."""
    ids = sorted(set(story_ids))
    if not ids:
        return
    stats = {
        row["story_id"]: row
        for row in Article.objects.filter(story_id__in=ids, duplicate_of__isnull=True)
        .values("story_id")
        .annotate(
            size=Count("id"),
            sources=Count("source_id", distinct=True),
            first=Min("published_at"),
            last=Max("published_at"),
        )
    }
    # The representative: the earliest original with the most entity mentions.
    reps: dict[int, Article] = {}
    for article in (
        Article.objects.filter(story_id__in=ids, duplicate_of__isnull=True)
        .annotate(n=Count("mentions"))
        .only("id", "story_id", "title", "published_at", "ingested_at")
        .order_by("-n", "published_at", "id")
    ):
        reps.setdefault(article.story_id, article)
    stories = list(Story.objects.filter(id__in=ids))
    for story in stories:
        row = stats.get(story.pk)
        rep = reps.get(story.pk)
        story.size = row["size"] if row else 0
        story.source_count = row["sources"] if row else 0
        story.first_published_at = (
            row["first"] if row and row["first"] else story.first_published_at
        )
        story.last_published_at = row["last"] if row and row["last"] else story.last_published_at
        if rep is not None:
            story.representative = rep
            story.title = rep.title
    Story.objects.bulk_update(
        stories,
        [
            "size",
            "source_count",
            "first_published_at",
            "last_published_at",
            "representative",
            "title",
        ],
    )
