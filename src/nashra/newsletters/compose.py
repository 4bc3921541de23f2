"""Composition: what goes into one message for one recipient.

``bulletin_articles`` picks a topic bulletin's articles (its filter over a period, one
per story); ``digest_groups`` takes the best of a reader's personalised feed
(``nashra.readers.feed.personal_feed``, imported lazily) since their last issue, one item
per story, grouped by what they follow; ``compose`` turns either into a
:class:`Composed` message (subject, preheader, groups of items, links) in the
recipient's language, ready for ``nashra.newsletters.render``.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from nashra.news.models import Article, Entity
from nashra.newsletters import tokens
from nashra.newsletters.models import Delivery, Issue, Newsletter, Subscriber
from nashra.text.sentences import split_sentences

ARABIC_SCRIPT = ("ar", "fa", "ur", "ps", "ckb", "ku")


# --- links ---------------------------------------------------------------------------------
def site_url() -> str:
    return str(getattr(settings, "NASHRA_SITE_URL", "http://127.0.0.1:8000")).rstrip("/")


def absolute(path: str) -> str:
    return site_url() + path


def unsubscribe_mailbox_domain() -> str:
    domain = str(getattr(settings, "NASHRA_NEWSLETTER_MAILTO_DOMAIN", ""))
    if domain:
        return domain
    sender = str(getattr(settings, "DEFAULT_FROM_EMAIL", ""))
    if "@" in sender:
        return sender.rsplit("@", 1)[1].strip("> ")
    return urlsplit(site_url()).hostname or "localhost"


def links(subscriber_id: int, newsletter_id: int, language: str) -> dict[str, str]:
    """The unsubscribe (one-click https and mailto) and manage links for a recipient."""
    token = tokens.unsubscribe_token(subscriber_id, newsletter_id)
    with translation.override(language):
        manage = reverse("newsletters:manage", args=[tokens.manage_token(subscriber_id)])
    return {
        "unsubscribe": absolute(reverse("newsletters-unsubscribe", args=[token])),
        "mailto": f"mailto:unsubscribe+{token}@{unsubscribe_mailbox_domain()}?subject=unsubscribe",
        "manage": absolute(manage),
    }


# --- items ---------------------------------------------------------------------------------
@dataclass
class Item:
    article_id: int
    title: str
    source: str
    summary: str
    url: str
    published_at: datetime | None
    lang: str
    dir: str
    sources: int = 1  # how many sources cover the story
    reasons: list[str] = field(default_factory=list)


@dataclass
class Group:
    label: str
    items: list[Item]


@dataclass
class Composed:
    kind: str
    language: str
    newsletter: str
    subject: str
    preheader: str
    groups: list[Group]
    note: str = ""
    date: datetime | None = None
    time_zone: str = "UTC"
    view_url: str = ""
    unsubscribe_url: str = ""
    mailto: str = ""
    manage_url: str = ""
    archive_url: str = ""
    web: bool = False  # the public archive page (no personal links)

    @property
    def items(self) -> list[Item]:
        return [item for group in self.groups for item in group.items]


def one_line_summary(article: Article) -> str:
    analysis = _analysis(article)
    if analysis is not None and analysis.summary:
        return _clip(str(analysis.summary[0]))
    if article.subtitle:
        return _clip(article.subtitle)
    text = article.body[0] if article.body else ""
    spans = split_sentences(text) if text else []
    return _clip(text[spans[0][0] : spans[0][1]] if spans else text)


def _analysis(article: Article) -> Any:
    try:
        return article.analysis
    except Exception:  # RelatedObjectDoesNotExist
        return None


def _clip(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + "…"


def item_for(article: Article, language: str, reasons: list[str] | None = None) -> Item:
    lang = article.language or article.source.language or "ar"
    direction = article.source.direction or (
        "rtl" if lang.split("-")[0] in ARABIC_SCRIPT else "ltr"
    )
    with translation.override(language):
        path = reverse("news:article", args=[article.pk])
    story = getattr(article, "story", None)
    return Item(
        article_id=article.pk,
        title=article.title or _clip(article.text, 120),
        source=article.source.name,
        summary=one_line_summary(article),
        url=absolute(path),
        published_at=article.published_at,
        lang=lang,
        dir=direction,
        sources=(story.source_count if story is not None else 1) or 1,
        reasons=list(reasons or []),
    )


def load_articles(ids: list[int]) -> list[Article]:
    by_id = {
        a.pk: a
        for a in Article.objects.filter(pk__in=ids).select_related("source", "story", "analysis")
    }
    return [by_id[i] for i in ids if i in by_id]


# --- topic bulletins -------------------------------------------------------------------------
def bulletin_articles(newsletter: Newsletter, since: datetime, until: datetime) -> list[int]:
    """Article ids for a bulletin over (since, until]: originals matching every part of
    the filter that is set (any of its entities, any of its sources, the query), best
    covered stories first, one article per story, at most ``max_items``."""
    qs = Article.objects.filter(
        duplicate_of__isnull=True, published_at__gt=since, published_at__lte=until
    )
    entity_ids = list(newsletter.entities.values_list("pk", flat=True))
    if entity_ids:
        expanded = Entity.objects.filter(
            Q(pk__in=entity_ids) | Q(merged_into__in=entity_ids)
        ).values("pk")
        qs = qs.filter(mentions__entity__in=expanded)
    source_ids = list(newsletter.sources.values_list("pk", flat=True))
    if source_ids:
        qs = qs.filter(source__in=source_ids)
    if newsletter.query.strip():
        from nashra.news.search import get_backend

        qs = qs.filter(pk__in=get_backend().ids(newsletter.query, since=since, until=until))
    rows = list(
        qs.order_by(F("story__source_count").desc(nulls_last=True), "-published_at", "-id")
        .values_list("pk", "story_id", "story__representative_id")
        .distinct()[:2000]
    )
    # One article per story: the story's representative when it matches, else the newest.
    present = {pk for pk, _story, _rep in rows}
    chosen: list[int] = []
    seen: set[object] = set()
    for pk, story_id, representative in rows:
        key = ("s", story_id) if story_id else ("a", pk)
        if key in seen:
            continue
        seen.add(key)
        chosen.append(representative if representative in present else pk)
        if len(chosen) >= newsletter.max_items:
            break
    return chosen


# --- personal digest ---------------------------------------------------------------------------
def follow_label(follow: Any) -> str:
    label = getattr(follow, "label", None)
    if isinstance(label, str) and label:
        return label
    for attr in ("entity", "source", "story"):
        obj = getattr(follow, attr, None)
        if obj is not None:
            return str(getattr(obj, "name", "") or getattr(obj, "title", "") or obj)
    return str(getattr(follow, "query", "") or "")


def digest_groups(
    user: Any,
    since: datetime | None,
    language: str,
    limit: int | None = None,
    cache: dict[Any, Any] | None = None,
) -> list[Group]:
    """The best of the reader's feed since ``since``: one item per story, grouped by the
    first thing they follow that brought it (else by its first reason)."""
    from nashra.readers.feed import Pool, personal_feed  # the readers app; imported lazily

    limit = limit or int(getattr(settings, "NASHRA_DIGEST_MAX_ITEMS", 12))
    cache = {} if cache is None else cache
    # One pool of candidate lists for the whole run: readers who follow the same entity
    # or source share its list (kept fresh by the pool itself as articles arrive).
    pool = cache.setdefault("feed-pool", Pool(shared=False))
    with translation.override(language):  # the feed's reasons come translated
        feed, _cursor = personal_feed(
            user, limit=limit * 3, since=since, include_read=False, pool=pool
        )
    chosen = []
    seen: set[object] = set()
    for entry in feed:
        key = ("s", entry.story_id) if entry.story_id else ("a", entry.article.pk)
        if key in seen:
            continue
        seen.add(key)
        chosen.append(entry)
        if len(chosen) >= limit:
            break
    missing = [e.article.pk for e in chosen if ("item", e.article.pk, language) not in cache]
    if missing:  # one query for the articles with their source, story and analysis
        for article in load_articles(missing):
            cache[("item", article.pk, language)] = item_for(article, language)
    with translation.override(language):
        other = _("More for you")
        groups: dict[str, Group] = {}
        for entry in chosen:
            followed = list(getattr(entry, "followed", None) or [])
            label = follow_label(followed[0]) if followed else ""
            if not label:
                label = other
            base = cache.get(("item", entry.article.pk, language)) or item_for(
                entry.article, language
            )
            item = replace(base, reasons=list(getattr(entry, "reasons", None) or []))
            groups.setdefault(label, Group(label, [])).items.append(item)
    ordered = [g for key, g in groups.items() if key != other]
    if other in groups:
        ordered.append(groups[other])
    return ordered


# --- the message ---------------------------------------------------------------------------------
def reader_language(subscriber: Subscriber) -> str:
    profile = _profile(subscriber)
    lang = str(getattr(profile, "language", "") or subscriber.language or "ar")
    return "en" if lang.startswith("en") else "ar"


def reader_time_zone(subscriber: Subscriber) -> str:
    profile = _profile(subscriber)
    name = str(
        getattr(profile, "timezone", "")
        or getattr(profile, "time_zone", "")
        or subscriber.time_zone
        or "UTC"
    )
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name


def _profile(subscriber: Subscriber) -> Any:
    user = subscriber.user if subscriber.user_id else None
    if user is None:
        return None
    for name in ("profile", "reader_profile"):
        try:
            profile = getattr(user, name, None)
        except Exception:  # RelatedObjectDoesNotExist: no profile yet
            profile = None
        if profile is not None:
            return profile
    return None


def _subject(
    newsletter: Newsletter, issue: Issue, items: list[Item], language: str, when: datetime
) -> str:
    if issue.subject and language == "ar":
        return issue.subject
    name = newsletter.display_name(language)
    if newsletter.kind == Newsletter.Kind.BREAKING:
        head = items[0].title if items else name
        return _("Breaking: %(headline)s") % {"headline": head}
    if newsletter.kind == Newsletter.Kind.DIGEST:
        head = items[0].title if items else ""
        return (_("Your digest: %(headline)s") % {"headline": head}) if head else _("Your digest")
    from nashra.news.templatetags.nashra import to_digits

    day = to_digits(when.strftime("%Y-%m-%d"), "arab" if language == "ar" else "latn")
    return f"{name} — {day}"


def compose(
    issue: Issue,
    subscriber: Subscriber | None,
    *,
    since: datetime | None = None,
    delivery: Delivery | None = None,
    items_cache: dict[Any, Any] | None = None,
    language: str | None = None,
) -> Composed:
    """One message of ``issue`` for ``subscriber`` (None: the public web version)."""
    newsletter = issue.newsletter
    language = language or (reader_language(subscriber) if subscriber else "ar")
    zone = reader_time_zone(subscriber) if subscriber else newsletter.time_zone
    when = issue.period_end or issue.slot or issue.created_at or timezone.now()
    with translation.override(language):
        if newsletter.kind == Newsletter.Kind.DIGEST:
            if subscriber is None or subscriber.user_id is None:
                groups: list[Group] = []
            else:
                start = since or (delivery.since if delivery else None) or issue.period_start
                groups = digest_groups(subscriber.user, start, language, cache=items_cache)
        else:
            key = (issue.pk or 0, language)
            items = items_cache.get(key) if items_cache is not None else None
            if items is None:
                items = [item_for(a, language) for a in load_articles(list(issue.items))]
                if items_cache is not None:
                    items_cache[key] = items
            label = _("Breaking news") if newsletter.kind == Newsletter.Kind.BREAKING else ""
            groups = [Group(label, items)] if items else []
        flat = [i for g in groups for i in g.items]
        subject = _subject(newsletter, issue, flat, language, when)
        if flat:
            rest = len(flat) - 1
            preheader = flat[0].summary or flat[0].title
            if rest > 0:
                preheader = _("%(first)s — and %(count)s more") % {
                    "first": _clip(preheader, 90),
                    "count": rest,
                }
        else:
            preheader = newsletter.display_description(language)
        composed = Composed(
            kind=newsletter.kind,
            language=language,
            newsletter=newsletter.display_name(language),
            subject=subject,
            preheader=preheader,
            groups=groups,
            note=issue.note,
            date=when,
            time_zone=zone,
        )
        if newsletter.kind != Newsletter.Kind.DIGEST and issue.pk:
            composed.archive_url = absolute(
                reverse("newsletters:issue", args=[newsletter.slug, issue.pk])
            )
            composed.view_url = composed.archive_url
        elif delivery is not None and delivery.pk:
            composed.view_url = absolute(
                reverse("newsletters:view", args=[tokens.view_token(delivery.pk)])
            )
        if subscriber is not None and subscriber.pk:
            ls = links(subscriber.pk, newsletter.pk, language)
            composed.unsubscribe_url, composed.mailto, composed.manage_url = (
                ls["unsubscribe"],
                ls["mailto"],
                ls["manage"],
            )
        else:
            composed.web = True
            composed.manage_url = absolute(reverse("newsletters:index"))
    return composed


def period_for(
    newsletter: Newsletter, slot: datetime, last: datetime | None
) -> tuple[datetime, datetime]:
    """The window a scheduled issue covers: since the last issue (at most two periods
    back), up to its slot."""
    length = timedelta(days=7 if newsletter.frequency == Newsletter.Frequency.WEEKLY else 1)
    start = slot - length
    if last is not None and slot - 2 * length <= last < slot:
        start = last
    return start, slot
