"""Stories: articles from different sources about the same event, grouped as they arrive.

A new article joins the story of the most similar recent article, where similarity is
the overlap of their entities (people and organisations count more than places, and an
entity in thousands of articles counts little) and the cosine of their lead vectors
(the TF-IDF terms of the headline and the opening, which say which event an article
reports), within a time window; shared names without shared words never make a story,
and the article must also be close to the story as a whole (the centroid of its
members), so that stories do not chain from article to article. When it matches
articles of two stories strongly, the stories merge. Duplicates join the story of their
first copy. Every original article belongs to a story, even alone, so pages can show one
card per story. ``regroup_stories`` (``nashra regroup-stories``) groups stored articles
again under the current rules.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta
from itertools import islice
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Max, Min, QuerySet
from django.utils import timezone

from nashra.analyze.keywords import unit_vector
from nashra.news.batching import chunks, run_sql, select_in
from nashra.news.models import Article, ArticleAnalysis, Entity, Mention, Story

WINDOW = timedelta(hours=getattr(settings, "NASHRA_STORY_WINDOW_HOURS", 48))
THRESHOLD = float(getattr(settings, "NASHRA_STORY_THRESHOLD", 0.35))
# Shared names alone (the same capital, the same president) are not a story.
MIN_KEYWORD_SIMILARITY = 0.15
KIND_WEIGHT = {"PERS": 1.0, "ORG": 1.0, "MISC": 0.7, "LOC": 0.5}
MAX_CANDIDATES = 40
CANDIDATE_ROWS = 2  # articles read per candidate kept: some fall outside the window
MERGE_THRESHOLD = 0.6  # score with each of two stories that merges them
# Cosine a new member needs with the story's centroid (the mean of its members' lead
# vectors): without it, stories chain from article to article into one of hundreds.
CENTROID_SIMILARITY = 0.3
CENTROID_MEMBERS = 40  # a story's newest members that make its centroid
PROBES = 12  # rarest entities of an article used to find candidate articles
PROBE_ROWS = 2400  # mentions read at most per article when looking for candidates
_T = {
    "article": Article._meta.db_table,
    "entity": Entity._meta.db_table,
    "mention": Mention._meta.db_table,
    "story": Story._meta.db_table,
    "analysis": ArticleAnalysis._meta.db_table,
}


def _when(article: Article):  # noqa: ANN202 - a datetime
    return article.published_at or article.ingested_at


def _overlap(a: dict[int, float], b: dict[int, float]) -> float:
    """Weighted overlap coefficient: shared weight over the smaller side's weight."""
    if not a or not b:
        return 0.0
    shared = sum(w for k, w in a.items() if k in b)
    return shared / min(sum(a.values()), sum(b.values()))


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two term vectors already scaled to unit length (see unit_vector): the shared
    terms found by a set intersection (in C), as two articles share few of their ~40."""
    return sum([a[t] * b[t] for t in a.keys() & b.keys()])


CACHE_ANALYSES = 50_000  # articles whose parsed keywords and entity sets a process keeps

AnalysisKey = tuple[int, str]


def _analysis_keys(article_ids: Iterable[int]) -> dict[int, AnalysisKey]:
    """Article → its analysis row's id and time: what the caches below are keyed by. A
    re-analysis makes a new row, and ids that come back after a database is emptied come
    with another time, so nothing stale is reused."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    # the time as text: an opaque part of the key, not worth a datetime parse a row
    return {
        art: (analysis_id, at)
        for art, analysis_id, at in _sql(
            "SELECT article_id, id, CAST(analyzed_at AS TEXT) FROM {analysis}"
            f" WHERE article_id IN ({_marks(ids)})",
            ids,
        )
    }


def _vectors(keys: dict[int, AnalysisKey]) -> dict[int, dict[str, float]]:
    """Each article's lead vector (its headline's and opening's terms, weighted, unit
    length; the analysis computes it), or for an analysis from before it had one, its
    keywords (cached: a new article compares itself with the same recent ones as the
    articles before it)."""
    missing = {key[0]: key for key in keys.values() if key not in _parsed}
    if len(_parsed) + len(missing) > CACHE_ANALYSES:
        _parsed.clear()
    for analysis_id, data, keywords in select_in(
        ArticleAnalysis._meta.db_table, ("id", "data", "keywords"), "id", sorted(missing)
    ):
        if isinstance(data, str | bytes):  # SQLite hands JSON back as text
            data = json.loads(data)
        lead = data.get("lead") if isinstance(data, dict) else None
        if lead is not None:
            _parsed[missing[analysis_id]] = {t: float(w) for t, w in lead}
            continue
        if isinstance(keywords, str | bytes):
            keywords = json.loads(keywords)
        _parsed[missing[analysis_id]] = unit_vector(
            {k["term"]: float(k.get("score", 1.0)) for k in keywords or [] if isinstance(k, dict)}
        )
    out = {art: _parsed.get(key) for art, key in keys.items()}  # .get: another thread may clear
    return {art: kw for art, kw in out.items() if kw is not None}


def _centroids(story_ids: list[int]) -> dict[int, dict[str, float]]:
    """Each story's centroid: the sum of its newest members' lead vectors, unit length."""
    if not story_ids:
        return {}
    members: dict[int, list[int]] = defaultdict(list)
    # Copies are left out here, not in SQL, where SQLite would walk the index of
    # duplicate_of (most rows have none) instead of the story's.
    for art, story, dup_of in _sql(
        "SELECT id, story_id, duplicate_of_id FROM {article}"
        f" WHERE story_id IN ({_marks(story_ids)}) ORDER BY id DESC",
        story_ids,
    ):
        if dup_of is None and len(members[story]) < CENTROID_MEMBERS:
            members[story].append(art)
    vectors = _vectors(_analysis_keys([a for arts in members.values() for a in arts]))
    out: dict[int, dict[str, float]] = {}
    for story, arts in members.items():
        total: dict[str, float] = defaultdict(float)
        for art in arts:
            for term, w in vectors.get(art, {}).items():
                total[term] += w
        out[story] = unit_vector(total)
    return out


def _entity_sets(article_ids: list[int], keys: dict[int, AnalysisKey]) -> dict[int, list[int]]:
    """The entities each article mentions (mentions are written with the analysis row)."""
    out: dict[int, list[int]] = {}
    missing: list[int] = []
    for art in article_ids:
        known = _mentioned.get(keys[art]) if art in keys else None
        if known is not None:
            out[art] = known
        else:
            missing.append(art)
    if len(_mentioned) + len(missing) > CACHE_ANALYSES:
        _mentioned.clear()
    found: dict[int, list[int]] = {art: [] for art in missing}
    for art, ent in select_in(
        Mention._meta.db_table, ("article_id", "entity_id"), "article_id", missing
    ):
        if ent not in found[art]:
            found[art].append(ent)
    for art, entities in found.items():
        out[art] = entities
        if art in keys:
            _mentioned[keys[art]] = entities
    return out


_parsed: dict[AnalysisKey, dict[str, float]] = {}
_mentioned: dict[AnalysisKey, list[int]] = {}


def _sql(query: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
    # Plain SQL for the few reads each new article makes: building ORM querysets cost
    # more than running them (table names come from the models, see _T).
    return run_sql(query.format(**_T), params)


def _marks(values: Sequence[object]) -> str:
    """Placeholders for ``IN (...)`` over a few ids (at most 4 · MAX_CANDIDATES here: one
    query, no chunks)."""
    return ", ".join(["%s"] * len(values))


def assign_stories(articles: Sequence[Article]) -> None:
    """Give each article (already stored with its mentions and analysis) a story."""
    touched: set[int] = set()
    # stories started here by one article that no other has joined since: _new_story made
    # them as refresh_stories would leave them (most new stories of a batch)
    alone: set[int] = set()
    for article in sorted(articles, key=_when):
        if article.duplicate_of_id:
            rows = _sql("SELECT story_id FROM {article} WHERE id = %s", [article.duplicate_of_id])
            story_id = rows[0][0] if rows else None
            if story_id is None:  # an original from before stories, or from a failed batch
                original = Article.objects.only(
                    "id", "story_id", "title", "published_at", "ingested_at"
                ).get(pk=article.duplicate_of_id)
                original.story_id = story_id = _new_story(original)
                original.save(update_fields=["story"])
            alone.discard(story_id)
        else:
            story_id = _best_story(article)
            if story_id is None:
                story_id = _new_story(article)
                alone.add(story_id)
            else:
                alone.discard(story_id)
        _sql("UPDATE {article} SET story_id = %s WHERE id = %s", [story_id, article.pk])
        article.story_id = story_id
        touched.add(story_id)
    refresh_stories(touched - alone)


def _new_story(article: Article) -> int:
    """A story of one article; its id. (Plain SQL: the ORM's create cost more than the
    rest of the story assignment of an article that starts a story.)"""
    adapt = connection.ops.adapt_datetimefield_value
    when = adapt(_when(article))
    rows = _sql(
        "INSERT INTO {story} (title, representative_id, first_published_at,"
        " last_published_at, size, source_count, updated_at)"
        " VALUES (%s, %s, %s, %s, 1, 1, %s) RETURNING id",
        [article.title, article.pk, when, when, adapt(timezone.now())],
    )
    return int(rows[0][0])


def _weight(kind: str, article_count: int) -> float:
    return KIND_WEIGHT.get(kind, 0.5) / math.log(3 + article_count)


def _best_story(article: Article) -> int | None:
    mine = {
        ent: _weight(kind, count)
        for ent, kind, count in _sql(
            "SELECT DISTINCT m.entity_id, e.kind, e.article_count FROM {mention} m"
            " JOIN {entity} e ON e.id = m.entity_id WHERE m.article_id = %s",
            [article.pk],
        )
    }
    if len(mine) < 2:
        return None
    # Look for candidates through the article's rarer entities only: a country named in
    # a third of the corpus finds nothing the rarer names would not, at a far higher cost.
    # Each probe reads its newest mentions straight off the (entity, article) index.
    probes = sorted(mine, key=mine.__getitem__, reverse=True)[:PROBES]
    per_probe = PROBE_ROWS // len(probes)
    probe = (
        "SELECT * FROM (SELECT article_id, entity_id FROM {mention} WHERE entity_id = %s"
        " AND article_id <> %s ORDER BY article_id DESC LIMIT %s) AS p{n}"
    )
    union = " UNION ALL ".join(probe.replace("{n}", str(n)) for n in range(len(probes)))
    params: list[object] = []
    for ent in probes:
        params += [ent, article.pk, per_probe]
    # Counted in the database: the articles sharing most probes (newest first among
    # equals), not the thousands of mention rows they come from.
    shared = dict(
        _sql(
            f"SELECT article_id, COUNT(DISTINCT entity_id) AS n FROM ({union}) AS u"
            " GROUP BY article_id ORDER BY n DESC, article_id DESC LIMIT %s",
            [*params, CANDIDATE_ROWS * MAX_CANDIDATES],
        )
    )
    ids: list[object] = list(shared)
    if not ids:
        return None
    # By primary key only, the rest checked here: with the conditions in SQL, SQLite
    # walks the index of duplicate_of or published_at instead.
    found: dict[int, int] = {}
    # The time window is tested in the select list, not the WHERE clause, which would
    # lead the planner astray (above), and not in Python, which parsed a datetime a row.
    # An undated article (a raw scrape) may match any time.
    inside, window = "1 = 1", []
    if article.published_at is not None:
        adapt = connection.ops.adapt_datetimefield_value
        inside = "a.published_at BETWEEN %s AND %s"
        window = [adapt(article.published_at - WINDOW), adapt(article.published_at + WINDOW)]
    # With each article's analysis key (see _analysis_keys), this article's too: one
    # query, not two.
    analysed: dict[int, AnalysisKey] = {}
    for art_id, story_id, dup_of, in_window, analysis_id, at in _sql(
        f"SELECT a.id, a.story_id, a.duplicate_of_id, {inside}, n.id,"
        " CAST(n.analyzed_at AS TEXT) FROM {article} a LEFT JOIN {analysis} n"
        f" ON n.article_id = a.id WHERE a.id IN ({_marks(ids)}, %s)",
        [*window, *ids, article.pk],
    ):
        if analysis_id is not None:
            analysed[art_id] = (analysis_id, at)
        if dup_of is None and story_id is not None and in_window:
            found[art_id] = story_id
    # The candidates, most probes shared first: article → its story.
    story_of = dict(islice(((a, found[a]) for a in shared if a in found), MAX_CANDIDATES))
    if not story_of:
        return None
    keys = {a: analysed[a] for a in (article.pk, *story_of) if a in analysed}
    vectors = _vectors(keys)
    mine_vector = vectors.get(article.pk, {})
    # The cheap tests come first: two shared entities (cached per analysis) and close
    # enough words; then closeness to the story as a whole (its centroid), and only the
    # candidates that pass all have their entities weighed.
    sets = _entity_sets(list(story_of), keys)
    words: dict[int, float] = {}
    for art_id, entities in sets.items():
        if len(mine.keys() & set(entities)) < 2:
            continue
        similarity = _cosine(mine_vector, vectors.get(art_id, {}))
        if similarity >= MIN_KEYWORD_SIMILARITY:
            words[art_id] = similarity
    centroids = _centroids(sorted({story_of[a] for a in words}))
    words = {
        a: sim
        for a, sim in words.items()
        if _cosine(mine_vector, centroids.get(story_of[a], {})) >= CENTROID_SIMILARITY
    }
    if not words:
        return None
    entity_ids = sorted({ent for art in words for ent in sets[art]})
    weight = {
        ent: _weight(kind, count)
        for ent, kind, count in select_in(
            Entity._meta.db_table, ("id", "kind", "article_count"), "id", entity_ids
        )
    }
    scores: dict[int, float] = defaultdict(float)
    for art_id, similarity in words.items():
        theirs = {ent: weight.get(ent, 0.0) for ent in sets[art_id]}
        score = 0.4 * _overlap(mine, theirs) + 0.6 * similarity
        if score >= THRESHOLD:
            story = story_of[art_id]
            scores[story] = max(scores[story], score)
    if not scores:
        return None
    ranked = sorted(scores, key=lambda s: scores[s], reverse=True)
    # Merge only stories this article matches strongly: a middling match with two
    # stories is more often a roundup than proof that they were one story all along.
    strong = [s for s in ranked if scores[s] >= MERGE_THRESHOLD]
    return _merge(strong) if len(strong) > 1 else ranked[0]


def _merge(story_ids: list[int]) -> int:
    """Fold the given stories into the largest one; return its id."""
    sizes = dict(Story.objects.filter(id__in=story_ids).values_list("id", "size"))
    keep = max(story_ids, key=lambda s: (sizes.get(s, 0), -s))
    others = [s for s in story_ids if s != keep]
    Article.objects.filter(story_id__in=others).update(story_id=keep)
    Story.objects.filter(id__in=others).delete()
    return keep


REPRESENTATIVE_MEMBERS = 100  # a story's newest members its representative is chosen from


def _representatives(story_ids: list[int]) -> dict[int, tuple[int, str]]:
    """Each story's representative (its id and title): the original closest to the story
    as a whole (the cosine of its lead vector with the centroid of its members'), the
    earliest among equals; a story of one article, or of articles without lead vectors,
    has its earliest. (The one with the most entity mentions, as before, was mostly a
    roundup or a long feature that touched the event.)"""
    members: dict[int, list[tuple[Any, int]]] = defaultdict(list)
    table = Article._meta.db_table
    # copies left out here, not in SQL (see _centroids); the newest members kept
    rows = select_in(
        table, ("id", "story_id", "duplicate_of_id", "published_at"), "story_id", story_ids
    )
    for art, story, dup_of, published in sorted(rows, reverse=True):
        if dup_of is None and len(members[story]) < REPRESENTATIVE_MEMBERS:
            members[story].append((published, art))
    several = [a for arts in members.values() if len(arts) > 1 for _, a in arts]
    vectors: dict[int, dict[str, float]] = {}
    for chunk in chunks(several, 4 * MAX_CANDIDATES):
        vectors.update(_vectors(_analysis_keys(chunk)))
    chosen: dict[int, int] = {}
    for story, arts in members.items():
        # earliest first (an undated article last), so that ties go to it
        arts.sort(key=lambda pa: (pa[0] is None, pa[0], pa[1]))
        total: dict[str, float] = defaultdict(float)
        for _, art in arts:
            for term, w in vectors.get(art, {}).items():
                total[term] += w
        centroid = unit_vector(total) if len(arts) > 1 else {}
        chosen[story] = max(
            arts, key=lambda pa: round(_cosine(vectors.get(pa[1], {}), centroid), 9)
        )[1]
    titles = dict(select_in(table, ("id", "title"), "id", list(chosen.values())))
    return {story: (art, titles[art]) for story, art in chosen.items() if art in titles}


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
    reps = _representatives(ids)
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
            story.representative_id, story.title = rep
    # One executemany, not bulk_update's CASE per field and story (most of this function's time).
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {Story._meta.db_table} SET size = %s, source_count = %s,"
            " first_published_at = %s, last_published_at = %s, representative_id = %s,"
            " title = %s WHERE id = %s",
            [
                (
                    st.size,
                    st.source_count,
                    adapt(st.first_published_at),
                    adapt(st.last_published_at),
                    st.representative_id,
                    st.title,
                    st.pk,
                )
                for st in stories
            ],
        )


REGROUP_BATCH = 400  # articles grouped per transaction: the size of an ingest batch


def regroup_stories(articles: QuerySet[Article] | None = None, *, progress: Any = None) -> int:
    """Group the given articles (default: all) into stories again from scratch, in order
    of publication as if they arrived that way: after the story rules changed. Their old
    stories lose them (and go when left empty); others' members stay. ``progress``: called
    with the number of articles done after each batch. Returns the number regrouped."""
    qs = Article.objects.all() if articles is None else articles
    # originals first, by time; then the copies, which join their original's story
    ids = [
        *qs.filter(duplicate_of__isnull=True)
        .order_by("published_at", "id")
        .values_list("id", flat=True),
        *qs.filter(duplicate_of__isnull=False).order_by("id").values_list("id", flat=True),
    ]
    with transaction.atomic():
        old: set[int] = set()
        for chunk in chunks(ids, REGROUP_BATCH):
            old.update(
                Article.objects.filter(id__in=chunk, story__isnull=False)
                .values_list("story_id", flat=True)
                .distinct()
            )
            Article.objects.filter(id__in=chunk).update(story=None)
        refresh_stories(old)
        Story.objects.filter(id__in=old, size=0).exclude(
            id__in=Article.objects.filter(story__in=old).values("story_id")
        ).delete()
    for chunk in chunks(ids, REGROUP_BATCH):
        # assign_stories takes them by time, as ingest does
        with transaction.atomic():
            assign_stories(list(Article.objects.filter(id__in=chunk).order_by("id")))
        if progress is not None:
            progress(len(chunk))
    return len(ids)
