"""The personalised feed: what a reader follows, ranked, one card per story, each card
saying why it is there.

Computed on read (no per-reader materialised table), from candidate lists that do not
depend on the reader — each followed entity's newest mentions, each followed source's
newest originals, each topic's matches, the top-story filler — kept in a :class:`Pool`
shared by every reader who follows the same thing (the cache for pages and the API, one
pool per newsletter run). A list made for an older snapshot is *extended* with the
articles stored since (one query over the new ids), so new articles are in every reader's
feed at the next read; the rest is a few per-reader queries (follows, read marks) and the
ranking, done on light tuples, with FeedItems made for the page only.

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
import hashlib
import json
import math
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

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
# Shared candidate lists (see Pool): seconds a list is trusted before it is read again in
# full. New articles never wait for this — lists are extended to the newest article id on
# every read —; it bounds how long an edit of an *older* article (re-analysed mentions, a
# story re-clustered, an entity merge) can go unseen in feeds.
SHARED_SECONDS = 60
# Extending a list is one query over the articles added since it was made; after an
# ingest of more ids than this, rebuilding it is cheaper.
EXTEND_MAX_IDS = 20_000

FEED_FIELDS = (
    "id",
    "title",
    "subtitle",
    "published_at",
    "ingested_at",
    "language",
    "url",
    "story_id",
    "source_id",
    "duplicate_of_id",
    "source__name",
    "source__slug",
    "source__language",
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
            "article_id": a.pk,
            "title": a.title,
            "source": a.source.name,
            "published_at": a.published_at.isoformat() if a.published_at else None,
            "url": a.url,
            "story_id": self.story_id,
            "score": self.score,
            "reasons": self.reasons,
            "read": self.read,
            "source_count": self.source_count,
            "followed": [f.pk for f in self.followed],
        }


# --- reference time and window ----------------------------------------------------------
def reference_time() -> datetime:
    """ "Now" for ranking: the newest article's publication time, never later than now
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
    parents = dict(
        Entity.objects.filter(pk__in=wanted, merged_into__isnull=False).values_list(
            "pk", "merged_into_id"
        )
    )
    for child, parent in parents.items():
        family.setdefault(parent, child)
    roots = set(family)
    for child, parent in Entity.objects.filter(merged_into_id__in=roots).values_list(
        "pk", "merged_into_id"
    ):
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


# --- candidate lists shared between feeds ---------------------------------------------
# A row of an article, as ranking needs it: id, published_at (POSIX seconds), story id,
# source id, duplicate_of id, and its story's source count (0 without a story).
Row = tuple[int, float, int | None, int, int | None, int]
ROW_FIELDS = (
    "id",
    "published_at",
    "story_id",
    "source_id",
    "duplicate_of_id",
    "story__source_count",
)
MENTION_ROW = tuple(f"article__{f}" for f in ROW_FIELDS)


def _row(values: tuple[Any, ...]) -> Row:
    aid, published, story, source, duplicate, sources = values
    return (aid, published.timestamp(), story, source, duplicate, sources or 0)


def _rows(qs: Any) -> list[Row]:
    return [_row(v) for v in qs.values_list(*ROW_FIELDS)]


# Shared lists are also kept in this process, in front of the cache: a request then reads
# them without unpickling thousands of rows (which costs time and, worse, feeds Python's
# garbage collector: full collections of a Django process's heap take tens of ms). The
# cache holds a generation id; when it is gone (cache cleared) the process copy is dropped.
GENERATION_KEY = "readers:pool:generation"
_local: dict[str, tuple[float, Any]] = {}
_local_state = {"generation": "", "pruned": 0.0}


def _process_memo() -> dict[str, tuple[float, Any]]:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY, "")
    now = time.time()
    if generation != _local_state["generation"]:
        _local.clear()
        _local_state.update(generation=generation, pruned=now)
    elif now - float(_local_state["pruned"]) >= SHARED_SECONDS:  # drop expired lists
        for key in [k for k, (made, _v) in list(_local.items()) if now - made >= SHARED_SECONDS]:
            _local.pop(key, None)
        _local_state["pruned"] = now
    return _local


class Pool:
    """Work that feeds share: each followed entity's newest mentions, each followed source's
    newest originals, each topic's matches, the top-story filler, the merge links between
    entities — lists that do not depend on the reader, computed once and reused by every
    reader who follows the same thing.

    A list is made for one snapshot (the newest article id, the feed's ``cutoff``). When
    newer articles arrive it is *extended* with one query over just the new ids, so new
    articles are in feeds at the next read; it is rebuilt in full after ``SHARED_SECONDS``
    (that bounds how long an edit to an older article — re-analysed mentions, a story
    re-clustered, a merge — can go unseen). With ``shared=True`` (the default: web pages,
    API) lists live in the Django cache, shared by every request (and by every process
    with Redis), with a copy in the process; a newsletter run uses ``shared=False``, one
    pool in memory for all its digests, which also keeps the cards.
    """

    def __init__(self, *, shared: bool = True) -> None:
        self.shared = shared
        self._memo: dict[str, tuple[float, Any]] = _process_memo() if shared else {}
        self._articles: dict[int, Article] = {}
        self._articles_at = time.time()
        self._reasons: dict[tuple[str | None, str, str], str] = {}
        # Lists read from the database (made or extended) and the seconds it took: benchmarks
        # read these to measure what keeping feeds up to date costs.
        self.queries = 0
        self.query_seconds = 0.0

    def _count(self, started: float) -> None:
        self.queries += 1
        self.query_seconds += time.perf_counter() - started

    # the store: a memo in front of the cache (or the memo alone). Entries carry the time
    # they were made in full — extending a list keeps it —, so a list is rebuilt after
    # SHARED_SECONDS however often it was extended, whatever the cache backend does.
    def _entry(self, key: str) -> tuple[float, Any] | None:
        hit = self._memo.get(key)
        if hit is None and self.shared:
            hit = cache.get(f"readers:pool:{key}")
            if hit is not None:
                self._memo[key] = hit
        if hit is None or time.time() - hit[0] >= SHARED_SECONDS:
            return None
        return hit

    def _get(self, key: str) -> Any:
        hit = self._entry(key)
        return None if hit is None else hit[1]

    def _set(self, key: str, value: Any, made: float | None = None) -> None:
        entry = (time.time() if made is None else made, value)
        self._memo[key] = entry
        if self.shared:
            cache.set(
                f"readers:pool:{key}",
                entry,
                max(1, math.ceil(entry[0] + SHARED_SECONDS - time.time())),
            )

    def _lists(
        self,
        kind: str,
        keys: Iterable[int],
        cutoff: int,
        cold: Callable[[int], list[Any]],
        newer: Callable[[list[int], int], Iterable[tuple[int, Any]]],
        order: Callable[[Any], Any],
        size: int,
    ) -> dict[int, list[Any]]:
        """Per key, the first ``size`` items by ``order`` among articles up to ``cutoff``:
        cached lists as they are, older ones extended with ``newer(keys, since_id)``
        (items of articles after ``since_id``), missing ones made with ``cold(key)``."""
        out: dict[int, list[Any]] = {}
        stale: dict[int, list[int]] = defaultdict(list)  # made at cutoff → keys
        kept: dict[int, tuple[float, list[Any]]] = {}  # key → (made at, list)
        for k in keys:
            hit = self._entry(f"{kind}{k}")
            entry = None if hit is None else hit[1]
            if entry is not None and entry[0] == cutoff:
                out[k] = entry[1]
            elif hit is not None and entry[0] < cutoff and cutoff - entry[0] <= EXTEND_MAX_IDS:
                stale[entry[0]].append(k)
                kept[k] = (hit[0], entry[1])
            else:
                t0 = time.perf_counter()
                out[k] = cold(k)
                self._count(t0)
                if entry is None or entry[0] < cutoff:  # never overwrite a newer snapshot
                    self._set(f"{kind}{k}", (cutoff, out[k]))
        for made, group in stale.items():
            t0 = time.perf_counter()
            added: dict[int, list[Any]] = defaultdict(list)
            for k, item in newer(group, made):
                added[k].append(item)
            self._count(t0)
            for k in group:
                made_at, old = kept[k]
                merged = added.get(k, []) + old
                merged.sort(key=order)
                out[k] = merged[:size]
                self._set(f"{kind}{k}", (cutoff, out[k]), made=made_at)
        return out

    def entity_mentions(
        self, entity_ids: Iterable[int], cutoff: int
    ) -> dict[int, list[tuple[bool, Row]]]:
        """Each entity's newest ``PER_ENTITY`` mentions up to ``cutoff`` (the (entity,
        article) index): bounded work however popular the entity. The window is applied
        by the caller."""

        def cold(eid: int) -> list[tuple[bool, Row]]:
            qs = Mention.objects.filter(entity_id=eid, article_id__lte=cutoff).order_by(
                "-article_id"
            )
            return [
                (v[0], _row(v[1:])) for v in qs.values_list("in_title", *MENTION_ROW)[:PER_ENTITY]
            ]

        def newer(eids: list[int], since_id: int) -> Iterable[tuple[int, tuple[bool, Row]]]:
            qs = Mention.objects.filter(
                entity_id__in=eids, article_id__gt=since_id, article_id__lte=cutoff
            )
            return (
                (v[0], (v[1], _row(v[2:])))
                for v in qs.values_list("entity_id", "in_title", *MENTION_ROW)
            )

        return self._lists("e", entity_ids, cutoff, cold, newer, lambda m: -m[1][0], PER_ENTITY)

    def source_articles(self, source_ids: Iterable[int], cutoff: int) -> dict[int, list[Row]]:
        """Each source's newest ``PER_SOURCE`` originals up to ``cutoff`` (the (source,
        published_at) index), newest first, whatever the window."""

        def cold(sid: int) -> list[Row]:
            qs = Article.objects.filter(source_id=sid, id__lte=cutoff, duplicate_of__isnull=True)
            return _rows(qs.order_by("-published_at", "-id")[:PER_SOURCE])

        def newer(sids: list[int], since_id: int) -> Iterable[tuple[int, Row]]:
            qs = Article.objects.filter(
                source_id__in=sids, id__gt=since_id, id__lte=cutoff, duplicate_of__isnull=True
            )
            return ((r[3], r) for r in _rows(qs.order_by()))

        return self._lists(
            "s", source_ids, cutoff, cold, newer, lambda r: (-r[1], -r[0]), PER_SOURCE
        )

    def topic_rows(self, query: str, start: datetime, cutoff: int, cap: int) -> list[Row]:
        """Articles matching a topic (the search backend: the same analyzer as search)
        since ``start``, up to ``cutoff``."""
        digest = hashlib.sha1(query.encode()).hexdigest()[:16]
        key = f"t{digest}:{cap}:{start.timestamp()}:{cutoff}"
        found: list[Row] | None = self._get(key)
        if found is None:
            from nashra.news.search import get_backend

            t0 = time.perf_counter()
            ids = [aid for aid in get_backend().ids(query, since=start, cap=cap) if aid <= cutoff]
            found = _rows(Article.objects.filter(pk__in=ids).order_by()) if ids else []
            self._count(t0)
            self._set(key, found)
        return found

    def filler(self, start: datetime, cutoff: int) -> list[Row]:
        """The articles of the window's top stories (a front page for readers with few
        follows, and something for hides to hide)."""
        top_ids = _top_story_ids(start)
        if not top_ids:
            return []
        key = (
            f"f{start.timestamp()}:{cutoff}:{hashlib.sha1(repr(top_ids).encode()).hexdigest()[:16]}"
        )
        found: list[Row] | None = self._get(key)
        if found is None:
            t0 = time.perf_counter()
            found = _rows(
                Article.objects.filter(
                    story_id__in=top_ids, id__lte=cutoff, published_at__gte=start
                ).order_by("-published_at", "-id")[:CANDIDATES]
            )
            self._count(t0)
            self._set(key, found)
        return found

    def family(self, entity_ids: Iterable[int]) -> dict[int, int]:
        """:func:`entity_family` from the merge links, read once per ``SHARED_SECONDS``."""
        merges: tuple[dict[int, int], dict[int, list[int]]] | None = self._get("merges")
        if merges is None:  # merged entity → the one it was merged into, and the reverse
            links = dict(
                Entity.objects.filter(merged_into__isnull=False).values_list("pk", "merged_into_id")
            )
            kids: dict[int, list[int]] = defaultdict(list)
            for child, parent in sorted(links.items()):
                kids[parent].append(child)
            merges = (links, dict(kids))
            self._set("merges", merges)
        links, kids = merges
        wanted = set(entity_ids)
        family: dict[int, int] = {e: e for e in wanted}
        for child in sorted(wanted):
            if child in links:
                family.setdefault(links[child], child)
        for root in list(family):
            for child in kids.get(root, ()):
                family.setdefault(child, family[root])
        return family

    def reason(self, follow: Follow) -> str:
        """:func:`_reason`, translated once per language and follow target."""
        key = (get_language(), follow.kind, follow.label)
        found = self._reasons.get(key)
        if found is None:
            found = self._reasons[key] = _reason(follow)
        return found

    def cards(self, ids: list[int]) -> dict[int, Article]:
        """The page's articles with their sources (kept for the pool's life when it is not
        shared: a newsletter run shows the same articles to many readers)."""
        if self.shared or time.time() - self._articles_at >= SHARED_SECONDS:
            self._articles, self._articles_at = {}, time.time()
        missing = [i for i in ids if i not in self._articles]
        if missing:
            for a in (
                Article.objects.filter(pk__in=missing).select_related("source").only(*FEED_FIELDS)
            ):
                self._articles[a.pk] = a
        return {i: self._articles[i] for i in ids if i in self._articles}


def newest_article_id() -> int:
    return int(Article.objects.aggregate(m=Max("id"))["m"] or 0)


def personal_feed(
    user: Any,
    *,
    limit: int = 30,
    cursor: str | None = None,
    since: datetime | None = None,
    include_read: bool = True,
    pool: Pool | None = None,
) -> tuple[list[FeedItem], str | None]:
    """The reader's feed, best first, and the cursor of the next page (None at the end).

    ``since`` limits it to articles published since then (a digest's period) instead of
    the default window; ``include_read=False`` leaves out stories the reader has read.
    ``pool`` shares candidate lists between feeds (a newsletter run passes one for all its
    digests); by default each call uses one backed by the cache. A cursor that does not
    decode raises :class:`BadCursor`.
    """
    limit = max(1, min(MAX_LIMIT, int(limit)))
    after: dict[str, Any] | None = decode_cursor(cursor) if cursor else None
    pool = pool if pool is not None else Pool()
    if after is not None:
        ref, cutoff = after["r"], after["c"]
    else:
        ref = reference_time()
        cutoff = newest_article_id()
    start = since if since is not None else ref - _window()
    start_ts = start.timestamp()

    follows = list(Follow.objects.filter(user=user).select_related("entity", "source", "story"))
    by_pk = {f.pk: f for f in follows}
    active = [f for f in follows if not f.hidden]
    hides = [f for f in follows if f.hidden]
    matches: dict[int, dict[int, float]] = {}  # article id → {follow pk: strength}
    rows: dict[int, Row] = {}

    def add(row: Row, fpk: int, strength: float) -> None:
        if row[1] < start_ts or row[4] is not None:  # outside the window, or a copy
            return
        aid = row[0]
        rows[aid] = row
        m = matches.get(aid)
        if m is None:
            matches[aid] = {fpk: strength}
        elif strength > m.get(fpk, 0.0):
            m[fpk] = strength

    # 1. candidates from follows
    ent_follow = {f.entity_id: f for f in active if f.kind == Follow.Kind.ENTITY and f.entity_id}
    if ent_follow:
        family = pool.family(ent_follow)
        counts: dict[tuple[int, int], int] = defaultdict(int)
        for eid, mentions in pool.entity_mentions(family, cutoff).items():
            fpk = ent_follow[family[eid]].pk
            for in_title, row in mentions:
                if in_title:
                    add(row, fpk, ENTITY_IN_TITLE)
                elif row[1] >= start_ts and row[4] is None:  # what add() keeps
                    counts[(row[0], fpk)] += 1
                    add(row, fpk, ENTITY_IN_BODY)
        for (aid, fpk), n in counts.items():  # several mentions in the body: a little more
            if n > 1 and matches[aid][fpk] < ENTITY_IN_TITLE:
                matches[aid][fpk] = ENTITY_IN_BODY + min(0.5, 0.1 * (n - 1))
    src_follow = {f.source_id: f for f in active if f.kind == Follow.Kind.SOURCE and f.source_id}
    if src_follow:
        # The newest PER_SOURCE originals of all followed sources together, from each
        # source's own newest list (which holds every one of them).
        newest = [
            r
            for lst in pool.source_articles(src_follow, cutoff).values()
            for r in lst
            if r[1] >= start_ts
        ]
        newest.sort(key=lambda r: (r[1], r[0]), reverse=True)
        for row in newest[:PER_SOURCE]:
            add(row, src_follow[row[3]].pk, SOURCE)
    story_follow = {f.story_id: f for f in active if f.kind == Follow.Kind.STORY and f.story_id}
    if story_follow:
        for row in _rows(
            Article.objects.filter(
                story_id__in=list(story_follow), published_at__gte=start, id__lte=cutoff
            ).order_by("-id")[:CANDIDATES]
        ):
            add(row, story_follow[row[2]].pk, STORY)  # type: ignore[index]
    for f in active:
        if f.kind == Follow.Kind.TOPIC and f.query:
            for row in pool.topic_rows(f.query, start, cutoff, PER_TOPIC):
                add(row, f.pk, TOPIC)

    # 2. filler: the window's top stories
    for row in pool.filler(start, cutoff):
        if row[1] >= start_ts and row[4] is None:
            rows.setdefault(row[0], row)

    meta = rows  # inside the window, originals only
    if not meta:
        return [], None

    # 3. hides: dropped unless a follow matches too (so only articles no follow matched —
    # top-story filler — are looked at)
    unmatched = {aid for aid in meta if aid not in matches}
    if hides and unmatched:
        hidden: set[int] = set()
        h_sources = {f.source_id for f in hides if f.kind == Follow.Kind.SOURCE}
        h_stories = {f.story_id for f in hides if f.kind == Follow.Kind.STORY}
        hidden |= {
            aid for aid in unmatched if meta[aid][3] in h_sources or meta[aid][2] in h_stories
        }
        h_entities = [f.entity_id for f in hides if f.kind == Follow.Kind.ENTITY and f.entity_id]
        if h_entities:
            hidden |= set(
                Mention.objects.filter(
                    entity_id__in=list(pool.family(h_entities)), article_id__in=list(unmatched)
                ).values_list("article_id", flat=True)
            )
        for f in hides:
            if f.kind == Follow.Kind.TOPIC and f.query:
                hidden |= {
                    r[0] for r in pool.topic_rows(f.query, start, cutoff, CANDIDATES)
                } & unmatched
        for aid in hidden:
            meta.pop(aid, None)

    # 4. read marks
    first = min(meta, default=0)
    read = set(
        ReadMark.objects.filter(user=user, article_id__gte=first).values_list(
            "article_id", flat=True
        )
    ) & set(meta)
    all_read_at = Profile.objects.filter(user=user).values_list("all_read_at", flat=True).first()
    if all_read_at is not None:
        read |= set(
            Article.objects.filter(
                pk__gte=first, pk__lte=cutoff, ingested_at__lte=all_read_at
            ).values_list("id", flat=True)
        ) & set(meta)

    # 5. score articles, group by story
    coverage: dict[int, int] = {}  # story → sources (the freshest row's count)
    for r in meta.values():
        if r[2] is not None and r[5] >= coverage.get(r[2], -1):
            coverage[r[2]] = r[5]
    ref_ts = ref.timestamp()
    half_life_s = _half_life() * 3600
    groups: dict[str, list[tuple[float, float, int]]] = defaultdict(list)  # (score, published, id)
    for aid, r in meta.items():
        m = matches.get(aid)
        strength = sum(m.values()) if m else FILLER
        recency = 0.25 + 0.75 * math.pow(0.5, max(0.0, ref_ts - r[1]) / half_life_s)
        story = r[2]
        sources = max(1, coverage.get(story, 1)) if story else 1
        score = strength * recency * (1 + 0.5 * math.log2(sources))
        groups[f"s{story}" if story else f"a{aid}"].append((score, r[1], aid))

    # One card per story. Cards are ranked as light tuples — (-score, key, best article,
    # matched follows, read, articles) —; FeedItems are made for the page only.
    no_match: dict[int, float] = {}
    cards: list[tuple[float, str, int, dict[int, float], bool, int]] = []
    for key, scored in groups.items():
        if len(scored) == 1:  # most cards: a lone article
            best_score, _published, best = scored[0]
            follow_pks = matches.get(best, no_match)
            score = best_score
            is_read = best in read
        else:
            scored.sort(reverse=True)
            best_score, _published, best = scored[0]
            follow_pks = {}
            for _s, _p, aid in scored:
                for fpk, st in matches.get(aid, no_match).items():
                    if st > follow_pks.get(fpk, 0.0):
                        follow_pks[fpk] = st
            extra = len(follow_pks.keys() - matches.get(best, no_match).keys())
            score = best_score * (1 + EXTRA_FOLLOW * extra)
            is_read = all(aid in read for _s, _p, aid in scored)
        if is_read:
            if not include_read:
                continue
            score *= READ_SINK
        cards.append((-round(score, 6), key, best, follow_pks, is_read, len(scored)))

    cards.sort(key=lambda c: (c[0], c[1]))
    if after is not None:
        cards = [c for c in cards if (c[0], c[1]) > (-after["s"], after["k"])]
    page: list[FeedItem] = []
    for neg_score, key, best, follow_pks, is_read, n in cards[:limit]:
        story = meta[best][2]
        page.append(
            FeedItem(
                article=None,
                story_id=story,
                score=-neg_score,  # type: ignore[arg-type]
                reasons=[],
                followed=sorted(
                    (by_pk[p] for p in follow_pks), key=lambda f: (-follow_pks[f.pk], f.pk)
                ),
                read=is_read,
                source_count=coverage.get(story, 1) if story else 1,
                key=key,
                articles=n,
            )
        )
    nxt = None
    if len(cards) > limit:
        last = page[-1]
        nxt = encode_cursor({"s": last.score, "k": last.key, "r": ref.isoformat(), "c": cutoff})
    best_of = {c[1]: c[2] for c in cards[:limit]}
    by_id = pool.cards(list(best_of.values()))
    for i in page:  # reasons only for the cards shown
        i.article = by_id[best_of[i.key]]
        i.reasons = [pool.reason(f) for f in i.followed] or [_top_story_reason(i.source_count)]
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
            article__published_at__gte=start,
            article__duplicate_of__isnull=True,
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
