"""Follow, hide, save: the operations pages and the API share (always for one user)."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction

from nashra.news.models import Article, Entity, Source, Story
from nashra.readers.models import Follow, Profile, SavedArticle
from nashra.text import query_terms

MAX_TAGS = 20
MAX_TAG_LENGTH = 40


class TargetNotFound(LookupError):
    pass


def profile_of(user: Any) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def resolve_target(kind: str, target: str) -> dict[str, Any]:
    """The fields of a Follow for ``kind`` and ``target`` (an id or slug; a query for a
    topic). Raises TargetNotFound."""
    target = (target or "").strip()
    if kind == Follow.Kind.ENTITY:
        qs = Entity.objects.all()
        found = qs.filter(slug=target).first() or (
            qs.filter(pk=int(target)).first() if target.isdigit() else None
        )
        if found is None:
            raise TargetNotFound(target)
        found = found.canonical()  # follow the entity readers see, not a merged duplicate
        return {"entity": found, "key": f"entity:{found.pk}"}
    if kind == Follow.Kind.SOURCE:
        qs = Source.objects.all()
        src = qs.filter(slug=target).first() or (
            qs.filter(pk=int(target)).first() if target.isdigit() else None
        )
        if src is None:
            raise TargetNotFound(target)
        return {"source": src, "key": f"source:{src.pk}"}
    if kind == Follow.Kind.STORY:
        story = Story.objects.filter(pk=int(target)).first() if target.isdigit() else None
        if story is None:
            raise TargetNotFound(target)
        return {"story": story, "key": f"story:{story.pk}"}
    if kind == Follow.Kind.TOPIC:
        query = " ".join(target.split())[:300]
        terms = query_terms(query)
        if not terms:
            raise TargetNotFound(target)
        # Variant spellings of one query (اردوغان / أردوغان) are one topic.
        return {"query": query, "terms": terms, "key": "topic:" + " ".join(terms)[:290]}
    raise TargetNotFound(kind)


def set_follow(user: Any, kind: str, target: str, action: str) -> Follow | None:
    """``action``: follow, hide or unfollow (also un-hides). Returns the row, or None
    after an unfollow."""
    fields = resolve_target(kind, target)
    key = fields.pop("key")
    if action == "unfollow":
        Follow.objects.filter(user=user, key=key).delete()
        return None
    hidden = action == "hide"
    for _attempt in range(2):
        try:
            with transaction.atomic():
                row, _ = Follow.objects.update_or_create(
                    user=user, key=key, defaults={"kind": kind, "hidden": hidden, **fields}
                )
                return row
        except IntegrityError:  # a concurrent request created it: update it
            continue
    return Follow.objects.get(user=user, key=key)


def follow_state(user: Any, kind: str, obj: Any) -> str:
    """'following', 'hidden' or '' for one target."""
    if not getattr(user, "is_authenticated", False):
        return ""
    key = f"{kind}:{obj.pk}"
    row = Follow.objects.filter(user=user, key=key).values_list("hidden", flat=True).first()
    if row is None:
        return ""
    return "hidden" if row else "following"


def clean_tags(raw: Any) -> list[str]:
    if isinstance(raw, str):
        raw = raw.replace("،", ",").split(",")
    tags: list[str] = []
    for t in raw or []:
        t = " ".join(str(t).split())[:MAX_TAG_LENGTH]
        if t and t not in tags:
            tags.append(t)
    return tags[:MAX_TAGS]


def save_article(
    user: Any, article_id: int, note: str | None = None, tags: Any = None
) -> SavedArticle:
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        raise TargetNotFound(str(article_id))
    defaults: dict[str, Any] = {}
    if note is not None:
        defaults["note"] = note.strip()[:2000]
    if tags is not None:
        defaults["tags"] = clean_tags(tags)
    try:
        with transaction.atomic():
            row, _ = SavedArticle.objects.update_or_create(
                user=user, article=article, defaults=defaults
            )
    except IntegrityError:
        row = SavedArticle.objects.get(user=user, article=article)
    return row


def unsave_article(user: Any, article_id: int) -> bool:
    deleted, _ = SavedArticle.objects.filter(user=user, article_id=article_id).delete()
    return bool(deleted)


def export_data(user: Any) -> dict[str, Any]:
    """Everything nashra keeps about a reader (except secrets: token hashes, password)."""
    from allauth.account.models import EmailAddress

    from nashra.readers.models import ApiToken, ReadMark

    saved = SavedArticle.objects.filter(user=user).select_related("article", "article__source")
    follows = Follow.objects.filter(user=user).select_related("entity", "source", "story")
    return {
        "format": "nashra-reader-export/1",
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "emails": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
        },
        "settings": profile_of(user).as_json(),
        "follows": [f.as_json() for f in follows if not f.hidden],
        "hides": [f.as_json() for f in follows if f.hidden],
        "saved": [s.as_json() for s in saved],
        "read": [
            {"article_id": aid, "read_at": at.isoformat()}
            for aid, at in ReadMark.objects.filter(user=user).values_list("article_id", "read_at")
        ],
        "tokens": [t.as_json() for t in ApiToken.objects.filter(user=user)],
    }
