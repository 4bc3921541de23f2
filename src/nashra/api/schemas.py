"""The API's response shapes (pydantic via django-ninja)."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema


class ErrorBody(Schema):
    status: int
    code: str
    message: str
    details: list[dict[str, object]] | None = None


class Error(Schema):
    error: ErrorBody


class SourceOut(Schema):
    id: int
    name: str
    slug: str
    url: str
    feed_url: str
    language: str
    direction: str
    links: dict[str, str]


class ArticleSummary(Schema):
    id: int
    title: str
    subtitle: str
    author: str
    published_at: datetime | None
    language: str
    direction: str
    url: str
    source: str
    source_slug: str
    story_id: int | None
    links: dict[str, str]


class MentionOut(Schema):
    entity: str
    entity_slug: str
    kind: str
    text: str
    start: int
    end: int
    in_title: bool


class QuoteOut(Schema):
    id: int
    article_id: int
    speaker: str | None
    speaker_slug: str | None
    speaker_text: str
    via: str | None
    via_text: str
    text: str
    cue: str
    kind: str
    start: int
    end: int


class ArticleDetail(ArticleSummary):
    body: list[str]
    duplicate_of: int | None
    duplicate_kind: str | None
    needs_fetch: bool
    mentions: list[MentionOut]
    quotes: list[QuoteOut]
    summary: list[str]
    keywords: list[object]


class ArticlePage(Schema):
    items: list[ArticleSummary]
    next_cursor: str | None


class HitOut(Schema):
    id: int
    title: str
    source: str
    published_at: datetime | None
    score: float
    snippet: str


class SearchOut(Schema):
    total: int
    total_exact: bool
    hits: list[HitOut]
    facets: dict[str, dict[str, int]]


class EntityOut(Schema):
    id: int
    kind: str
    name: str
    slug: str
    aliases: list[str]
    mention_count: int
    article_count: int
    links: dict[str, str]


class EntityPage(Schema):
    items: list[EntityOut]
    next_cursor: str | None


class QuotePage(Schema):
    items: list[QuoteOut]
    next_cursor: str | None


class StoryOut(Schema):
    id: int
    title: str
    representative_id: int | None
    first_published_at: datetime | None
    last_published_at: datetime | None
    size: int
    source_count: int
    links: dict[str, str]


class StoryDetail(StoryOut):
    articles: list[ArticleSummary]


class StoryPage(Schema):
    items: list[StoryOut]
    next_cursor: str | None
