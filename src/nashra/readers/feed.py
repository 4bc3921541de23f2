"""The personalised feed: what a reader follows, ranked, one card per story, each card
saying why it is there.

Computed on read (no per-reader materialised table): a handful of indexed queries per
request, so new articles are in every reader's feed the moment they are stored.

1. **Candidates** inside the window (``NASHRA_FEED_WINDOW_DAYS`` back from the newest
   article, or from ``since``): articles that mention a followed entity — the entity, the
   one it was merged into and every entity merged into it (mentions are already resolved
   to canonical entities through aliases at analysis time, so إردوغان, أردوغان and رجب طيب
   أردوغان are one entity) —, articles of followed sources and stories, articles matching
   a followed topic (the search backend's ``ids()``, i.e. the same Arabic analyzer as
   search), and the articles of the window's top stories (so a reader with few follows —
   or none — still has a front page, and hides have something to hide).
2. **Hides**: an article that matches a hidden entity, source, topic or story is dropped
   *unless it also matches a follow* (a follow wins, as in NewsBlur).
3. **Score** of an article: the sum over the follows it matches of the match strength
   (entity in the headline 3, story 2, topic 1.5, entity in the body or source 1; a
   top-story filler with no follow 0.4), times a recency factor ``0.25 + 0.75 · 2^(-age /
   half-life)`` and a coverage factor ``1 + ½·log2(sources of its story)``.
4. **One card per story**: the story's best article for this reader represents it, with
   the union of the story's matched follows (each extra follow adds a quarter). A story
   whose every candidate article the reader has read sinks (score × 0.1).
5. **Cursor**: ``(score, key)`` of the last card, plus the reference time and the newest
   article id of the first page, so later pages rank the same set the same way while new
   articles arrive.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nashra.news.models import Article, Entity, Mention, Story
from nashra.readers.models import Follow, Profile, ReadMark

# Match strengths.
ENTITY_IN_TITLE = 3.0
ENTITY_IN_BODY = 1.0
SOURCE = 1.0
TOPIC = 1.5
STORY = 2.0
FILLER = 0.4  # a top story that matches nothing the reader follows
EXTRA_FOLLOW = 0.25  # each further follow a story matches
READ_SINK = 0.1
# Bounded work: candidates per kind of follow, top stories used as filler.
CANDIDATES = 2_000
PER_SOURCE = 400  # newest articles looked at per followed source
PER_TOPIC = 300  # newest matches looked at per followed topic
PER_ENTITY = 150  # newest mentions looked at per followed entity
TOP_STORIES = 40
MAX_LIMIT = 200

FEED_FIELDS = (
    "id", "title", "subtitle", "published_at", "ingested_at", "language", "url", "story_id",
    "source_id", "duplicate_of_id", "source__name", "source__slug", "source__language",
    "source__direction",
)


class BadCursor(ValueError):
    pass


@dataclass
class FeedItem:
    article: Article  # the representative/best article of the story for this reader
    story_id: int | None
    score: float
    reasons: list[str]  # already translated for the active language
    followed: list[Follow]  # the follows that matched
    read: bool = False
    source_count: int = 1
    key: str = ""
    articles: int = 1  # candidate articles of this story in the window

    def as_json(self) -> dict[str, Any]:
        a = self.article
        return {
            "article_id": a.pk, "title": a.title, "source": a.source.name,
            "published_at": a.published_at.isoformat() if a.published_at else None,
            "url": a.url, "story_id": self.story_id, "score": self.score,
            "reasons": self.reasons, "read": self.read, "source_count": self.source_count,
            "followed": [f.pk for f in self.followed],
        }


class _Meta(NamedTuple):
    id: int
    published_at: datetime
    story_id: int | None
    source_id: int


@dataclass
class _Match:
    follows: dict[int, float] = field(default_factory=dict)  # follow pk → strength

    def add(self, follow: Follow, strength: float) -> None:
        if strength > self.follows.get(follow.pk, 0.0):
            self.follows[follow.pk] = strength


# --- reference time and window ----------------------------------------------------------
def reference_time() -> datetime:
    """"Now" for ranking: the newest article's publication time, never later than now
    (an archive without today's news still has a feed; cached briefly)."""
    now = timezone.now()
    cached = cache.get("readers:feed:ref")
    if cached is None:
        newest = Article.objects.filter(published_at__lte=now).aggregate(m=Max("published_at"))["m"]
        cached = (newest or now).isoformat()
        cache.set("readers:feed:ref", cached, 10)
    return min(datetime.fromisoformat(cached), now)


def _window() -> timedelta:
    return timedelta(days=int(getattr(settings, "NASHRA_FEED_WINDOW_DAYS", 14)))


def _half_life() -> float:
    return float(getattr(settings, "NASHRA_FEED_HALF_LIFE_HOURS", 36.0))


def encode_cursor(value: dict[str, Any]) -> str:
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> dict[str, Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
        if not isinstance(value, dict):
            raise ValueError
        value["s"] = float(value["s"])
        value["k"] = str(value["k"])
        value["c"] = int(value["c"])
        value["r"] = datetime.fromisoformat(str(value["r"]))
        if value["r"].tzinfo is None:
            raise ValueError
        return value
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise BadCursor("invalid cursor") from exc


# --- entity expansion -------------------------------------------------------------------
def entity_family(entity_ids: Iterable[int]) -> dict[int, int]:
    """Every entity id that counts as one of ``entity_ids`` → the followed id it counts
    as: itself, the entity it was merged into, and the entities merged into either."""
    wanted = set(entity_ids)
    family: dict[int, int] = {e: e for e in wanted}
    parents = dict(Entity.objects.filter(pk__in=wanted, merged_into__isnull=False).values_list("pk", "merged_into_id"))
    for child, parent in parents.items():
        family.setdefault(parent, child)
    roots = set(family)
    for child, parent in Entity.objects.filter(merged_into_id__in=roots).values_list("pk", "merged_into_id"):
        family.setdefault(child, family[parent])
    return family


# --- the feed ---------------------------------------------------------------------------
def _reason(follow: Follow) -> str:
    if follow.kind == Follow.Kind.STORY:
        return _("Because you follow this story")
    if follow.kind == Follow.Kind.TOPIC:
        return _("Because you follow the topic “%(topic)s”") % {"topic": follow.query}
    return _("Because you follow %(name)s") % {"name": follow.label}


def _top_story_reason(sources: int) -> str:
    return ngettext(
        "Top story, covered by %(count)s source", "Top story, covered by %(count)s sources", sources
    ) % {"count": sources}


def _top_story_ids(start: datetime) -> list[int]:
    key = f"readers:feed:top:{start.isoformat()}"
    ids = cache.get(key)
    if ids is None:
        ids = list(
            Story.objects.filter(last_published_at__gte=start, source_count__gte=2)
            .order_by("-source_count", "-last_published_at", "-id")
            .values_list("id", flat=True)[:TOP_STORIES]
        )
        cache.set(key, ids, 30)
    return ids


def personal_feed(
    user: Any,
    *,
    limit: int = 30,
    cursor: str | None = None,
    since: datetime | None = None,
    include_read: bool = True,
) -> tuple[list[FeedItem], str | None]:
    """The reader's feed, best first, and the cursor of the next page (None at the end).

    ``since`` limits it to articles published since then (a digest's period) instead of
    the default window; ``include_read=False`` leaves out stories the reader has read.
    A cursor that does not decode raises :class:`BadCursor`.
    """
    limit = max(1, min(MAX_LIMIT, int(limit)))
    after: dict[str, Any] | None = decode_cursor(cursor) if cursor else None
    if after is not None:
        ref, cutoff = after["r"], after["c"]
    else:
        ref = reference_time()
        cutoff = Article.objects.aggregate(m=Max("id"))["m"] or 0
    start = since if since is not None else ref - _window()

    follows = list(Follow.objects.filter(user=user).select_related("entity", "source", "story"))
    by_pk = {f.pk: f for f in follows}
    active = [f for f in follows if not f.hidden]
    hides = [f for f in follows if f.hidden]
    matches: dict[int, _Match] = defaultdict(_Match)

    # 1. candidates from follows
    ent_follow = {f.entity_id: f for f in active if f.kind == Follow.Kind.ENTITY and f.entity_id}
    if ent_follow:
        family = entity_family(ent_follow)
        # Newest stored mentions first, per entity (the (entity, article) index): bounded
        # work however popular the entity; the window is applied when articles are loaded.
        rows = []
        for eid in family:
            rows += (
                Mention.objects.filter(entity_id=eid, article_id__lte=cutoff)
                .order_by("-article_id")
                .values_list("article_id", "entity_id", "in_title")[:PER_ENTITY]
            )
        counts: dict[tuple[int, int], int] = defaultdict(int)
        for aid, eid, in_title in rows:
            follow = ent_follow[family[eid]]
            counts[(aid, follow.pk)] += 0 if in_title else 1
            matches[aid].add(follow, ENTITY_IN_TITLE if in_title else ENTITY_IN_BODY)
        for (aid, fpk), n in counts.items():  # several mentions in the body: a little more
            if n > 1 and matches[aid].follows[fpk] < ENTITY_IN_TITLE:
                matches[aid].follows[fpk] = ENTITY_IN_BODY + min(0.5, 0.1 * (n - 1))
    src_follow = {f.source_id: f for f in active if f.kind == Follow.Kind.SOURCE and f.source_id}
    if src_follow:
        for aid, sid in (
            Article.objects.filter(
                source_id__in=list(src_follow), published_at__gte=start, id__lte=cutoff,
                duplicate_of__isnull=True,
            )
            .order_by("-published_at", "-id")
            .values_list("id", "source_id")[:PER_SOURCE]
        ):
            matches[aid].add(src_follow[sid], SOURCE)
    story_follow = {f.story_id: f for f in active if f.kind == Follow.Kind.STORY and f.story_id}
    if story_follow:
        for aid, stid in (
            Article.objects.filter(story_id__in=list(story_follow), published_at__gte=start, id__lte=cutoff)
            .order_by("-id")
            .values_list("id", "story_id")[:CANDIDATES]
        ):
            matches[aid].add(story_follow[stid], STORY)
    topics = [f for f in active if f.kind == Follow.Kind.TOPIC and f.query]
    if topics or any(f.kind == Follow.Kind.TOPIC for f in hides):
        from nashra.news.search import get_backend

        backend = get_backend()
    for f in topics:
        for aid in backend.ids(f.query, since=start, cap=PER_TOPIC):
            if aid <= cutoff:
                matches[aid].add(f, TOPIC)

    # 2. filler: the window's top stories
    top_ids = _top_story_ids(start)
    filler: set[int] = set()
    if top_ids:
        filler = set(
            Article.objects.filter(story_id__in=top_ids, id__lte=cutoff, published_at__gte=start)
            .values_list("id", flat=True)[: CANDIDATES]
        )

    candidate_ids = set(matches) | filler
    if not candidate_ids:
        return [], None
    # Light rows for ranking (tuples, no model instances); full rows only for the page.
    meta: dict[int, _Meta] = {
        row[0]: _Meta(*row)
        for row in Article.objects.filter(
            pk__in=candidate_ids, published_at__gte=start, duplicate_of__isnull=True
        ).values_list("id", "published_at", "story_id", "source_id")
    }

    # 3. hides: dropped unless a follow matches too
    if hides:
        hidden: set[int] = set()
        h_sources = {f.source_id for f in hides if f.kind == Follow.Kind.SOURCE}
        h_stories = {f.story_id for f in hides if f.kind == Follow.Kind.STORY}
        hidden |= {m.id for m in meta.values() if m.source_id in h_sources or m.story_id in h_stories}
        h_entities = [f.entity_id for f in hides if f.kind == Follow.Kind.ENTITY and f.entity_id]
        if h_entities:
            hidden |= set(
                Mention.objects.filter(
                    entity_id__in=list(entity_family(h_entities)), article_id__gte=min(meta, default=0),
                    article_id__lte=cutoff,
                ).values_list("article_id", flat=True)
            ) & set(meta)
        for f in hides:
            if f.kind == Follow.Kind.TOPIC and f.query:
                hidden |= set(backend.ids(f.query, since=start, cap=CANDIDATES)) & set(meta)
        for aid in hidden:
            if aid not in matches or not matches[aid].follows:
                meta.pop(aid, None)

    # 4. read marks
    read = set(
        ReadMark.objects.filter(user=user, article_id__gte=min(meta, default=0)).values_list("article_id", flat=True)
    ) & set(meta)
    all_read_at = Profile.objects.filter(user=user).values_list("all_read_at", flat=True).first()
    if all_read_at is not None:
        read |= set(
            Article.objects.filter(
                pk__gte=min(meta, default=0), pk__lte=cutoff, ingested_at__lte=all_read_at
            ).values_list("id", flat=True)
        ) & set(meta)

    # 5. score articles, group by story
    story_ids = {m.story_id for m in meta.values() if m.story_id}
    coverage = dict(Story.objects.filter(pk__in=story_ids).values_list("pk", "source_count")) if story_ids else {}
    half_life = _half_life()
    groups: dict[str, list[tuple[float, _Meta]]] = defaultdict(list)
    for a in meta.values():
        m = matches.get(a.id)
        strength = sum(m.follows.values()) if m and m.follows else FILLER
        age_h = max(0.0, (ref - a.published_at).total_seconds() / 3600)
        recency = 0.25 + 0.75 * math.pow(0.5, age_h / half_life)
        sources = max(1, coverage.get(a.story_id or 0, 1))
        score = strength * recency * (1 + 0.5 * math.log2(sources))
        groups[f"s{a.story_id}" if a.story_id else f"a{a.id}"].append((score, a))

    items: list[FeedItem] = []
    best_of: dict[str, int] = {}
    for key, scored in groups.items():
        scored.sort(key=lambda x: (x[0], x[1].published_at, x[1].id), reverse=True)
        best_score, best = scored[0]
        follow_pks: dict[int, float] = {}
        for _s, a in scored:
            m = matches.get(a.id)
            if m:
                for fpk, st in m.follows.items():
                    follow_pks[fpk] = max(st, follow_pks.get(fpk, 0.0))
        best_follows = matches[best.id].follows if best.id in matches else {}
        extra = len(set(follow_pks) - set(best_follows))
        score = best_score * (1 + EXTRA_FOLLOW * extra)
        is_read = all(a.id in read for _s, a in scored)
        if is_read:
            if not include_read:
                continue
            score *= READ_SINK
        followed = sorted((by_pk[p] for p in follow_pks), key=lambda f: (-follow_pks[f.pk], f.pk))
        sources = coverage.get(best.story_id or 0, 1)
        best_of[key] = best.id
        items.append(FeedItem(
            article=None, story_id=best.story_id, score=round(score, 6),  # type: ignore[arg-type]
            reasons=[], followed=followed, read=is_read, source_count=sources, key=key,
            articles=len(scored),
        ))

    items.sort(key=lambda i: (-i.score, i.key))
    if after is not None:
        items = [i for i in items if (-i.score, i.key) > (-after["s"], after["k"])]
    page = items[:limit]
    nxt = None
    if len(items) > limit:
        last = page[-1]
        nxt = encode_cursor({"s": last.score, "k": last.key, "r": ref.isoformat(), "c": cutoff})
    rows = Article.objects.filter(pk__in=[best_of[i.key] for i in page]).select_related("source").only(*FEED_FIELDS)
    by_id = {a.pk: a for a in rows}
    for i in page:  # reasons only for the cards shown
        i.article = by_id[best_of[i.key]]
        i.reasons = [_reason(f) for f in i.followed] or [_top_story_reason(i.source_count)]
    return page, nxt


# --- for readers without follows --------------------------------------------------------
def suggested_entities(limit: int = 12, days: int = 3) -> list[Entity]:
    """The most covered people and places of the last ``days`` days of news."""
    key = f"readers:suggest:{limit}:{days}"
    cached = cache.get(key)
    if cached is not None:
        return list(cached)
    start = reference_time() - timedelta(days=days)
    rows = (
        Mention.objects.filter(
            article__published_at__gte=start, article__duplicate_of__isnull=True,
            entity__kind__in=[Entity.Kind.PERSON, Entity.Kind.LOCATION],
        )
        .values("entity_id")
        .annotate(n=Count("article_id", distinct=True))
        .order_by("-n", "entity_id")[: limit * 3]
    )
    counts = {r["entity_id"]: r["n"] for r in rows}
    totals: dict[int, int] = defaultdict(int)
    shown: dict[int, Entity] = {}
    for e in Entity.objects.filter(pk__in=counts).select_related("merged_into"):
        target = e.merged_into if e.merged_into is not None else e
        shown[target.pk] = target
        totals[target.pk] += counts[e.pk]
    result = [shown[pk] for pk, _n in sorted(totals.items(), key=lambda x: (-x[1], x[0]))[:limit]]
    cache.set(key, result, 60)
    return result
