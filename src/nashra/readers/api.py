"""``/api/me/…``: the reader's own feed, saved articles and follows, with a personal token.

``Authorization: Bearer nsh_…``. A read-only token may GET; changing anything needs a
read-write token (403 otherwise); no token, or a revoked one, is a 401. Every query is
filtered by the token's owner, so a reader can never see or change another's rows: an id
that belongs to someone else is a 404, exactly like one that does not exist.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from nashra.readers import feed as feeds
from nashra.readers.models import Follow, SavedArticle
from nashra.readers.services import TargetNotFound, save_article, set_follow
from nashra.readers.tokens import TokenAuth

router = Router(auth=TokenAuth(), tags=["me"])


class SaveIn(Schema):
    article_id: int
    note: str | None = None
    tags: list[str] | None = None


class FollowIn(Schema):
    kind: str  # entity | source | topic | story
    target: str  # entity or source slug (or id), story id, or the topic's query
    hidden: bool = False


@router.get("/feed", summary="My personalised feed")
def my_feed(
    request: HttpRequest, cursor: str | None = None, limit: int = 30, include_read: bool = True
) -> dict[str, Any]:
    try:
        items, nxt = feeds.personal_feed(
            request.user, limit=max(1, min(100, limit)), cursor=cursor, include_read=include_read
        )
    except feeds.BadCursor as exc:
        raise HttpError(400, "invalid cursor") from exc
    return {"items": [i.as_json() for i in items], "next_cursor": nxt}


@router.get("/saved", summary="My saved articles")
def my_saved(request: HttpRequest, tag: str | None = None) -> dict[str, Any]:
    rows = SavedArticle.objects.filter(user=request.user).select_related(
        "article", "article__source"
    )
    items = [s.as_json() for s in rows if not tag or tag in (s.tags or [])]
    return {"items": items, "next_cursor": None}


@router.post("/saved", summary="Save an article (or update its note and tags)")
def my_save(request: HttpRequest, body: SaveIn) -> dict[str, Any]:
    try:
        return save_article(request.user, body.article_id, note=body.note, tags=body.tags).as_json()
    except TargetNotFound as exc:
        raise Http404 from exc


@router.delete("/saved/{article_id}", summary="Unsave an article")
def my_unsave(request: HttpRequest, article_id: int) -> dict[str, Any]:
    deleted, _ = SavedArticle.objects.filter(user=request.user, article_id=article_id).delete()
    if not deleted:
        raise Http404
    return {"ok": True}


@router.get("/follows", summary="What I follow and hide")
def my_follows(request: HttpRequest) -> dict[str, Any]:
    rows = Follow.objects.filter(user=request.user).select_related("entity", "source", "story")
    return {"items": [f.as_json() for f in rows], "next_cursor": None}


@router.post(
    "/follows", summary="Follow (or hide, with hidden=true) an entity, source, topic or story"
)
def my_follow(request: HttpRequest, body: FollowIn) -> dict[str, Any]:
    if body.kind not in Follow.Kind.values:
        raise HttpError(400, "kind must be entity, source, topic or story")
    try:
        row = set_follow(request.user, body.kind, body.target, "hide" if body.hidden else "follow")
    except TargetNotFound as exc:
        raise Http404 from exc
    assert row is not None
    return row.as_json()


@router.delete("/follows/{follow_id}", summary="Unfollow / unhide")
def my_unfollow(request: HttpRequest, follow_id: int) -> dict[str, Any]:
    deleted, _ = Follow.objects.filter(user=request.user, pk=follow_id).delete()
    if not deleted:
        raise Http404
    return {"ok": True}
