"""What a reader owns: a profile, follows and hides, saved articles, read marks, tokens.

Everything here hangs off the user with ``on_delete=CASCADE``, so deleting an account
deletes all of it. Articles are referenced with CASCADE as well (an article is only ever
removed by an editor); sources are PROTECTed by ``news``, so a saved article stays
readable whatever happens to its source.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.timezone import now

from nashra.news.models import Article, Entity, ReadableJSONEncoder, Source, Story


class Profile(models.Model):
    class Language(models.TextChoices):
        ARABIC = "ar", "العربية"
        ENGLISH = "en", "English"

    class Digits(models.TextChoices):
        DEFAULT = "", "default"
        ARABIC = "arab", "٠١٢٣"
        LATIN = "latn", "0123"

    class Theme(models.TextChoices):
        AUTO = "auto", "automatic"
        LIGHT = "light", "light"
        DARK = "dark", "dark"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reader_profile"
    )
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.ARABIC)
    timezone = models.CharField(max_length=64, default="UTC")
    digits = models.CharField(max_length=4, choices=Digits.choices, blank=True, default="")
    theme = models.CharField(max_length=5, choices=Theme.choices, default=Theme.AUTO)
    shortcuts = models.BooleanField(default=True)
    # "Mark all as read": every article ingested up to this moment counts as read.
    all_read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=now)

    def __str__(self) -> str:
        return f"profile of {self.user_id}"

    def as_json(self) -> dict[str, object]:
        return {
            "language": self.language,
            "timezone": self.timezone,
            "digits": self.digits,
            "theme": self.theme,
            "shortcuts": self.shortcuts,
            "all_read_at": self.all_read_at.isoformat() if self.all_read_at else None,
        }


class Follow(models.Model):
    """A follow or, with ``hidden=True``, a hide of one thing. One row per user and target:
    following something you had hidden turns the hide into a follow."""

    class Kind(models.TextChoices):
        ENTITY = "entity", "entity"
        SOURCE = "source", "source"
        TOPIC = "topic", "topic"
        STORY = "story", "story"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    kind = models.CharField(max_length=6, choices=Kind.choices)
    entity = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    query = models.CharField(max_length=300, blank=True)  # a topic: a search query as typed
    terms = models.JSONField(
        encoder=ReadableJSONEncoder, default=list, blank=True
    )  # its analyzer terms
    key = models.CharField(max_length=300)  # the target: "entity:12", "topic:<terms>", …
    hidden = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="readers_follow_unique_target"),
            models.CheckConstraint(
                name="readers_follow_target_matches_kind",
                condition=(
                    Q(kind="entity", entity__isnull=False)
                    | Q(kind="source", source__isnull=False)
                    | Q(kind="story", story__isnull=False)
                    | Q(kind="topic", entity__isnull=True, source__isnull=True, story__isnull=True)
                ),
            ),
        ]
        indexes = [models.Index(fields=["user", "hidden"])]

    def __str__(self) -> str:
        return f"{'hide' if self.hidden else 'follow'} {self.key}"

    @property
    def label(self) -> str:
        if self.kind == self.Kind.ENTITY and self.entity is not None:
            return self.entity.name
        if self.kind == self.Kind.SOURCE and self.source is not None:
            return self.source.name
        if self.kind == self.Kind.STORY and self.story is not None:
            return self.story.title or f"#{self.story_id}"
        return self.query

    def as_json(self) -> dict[str, object]:
        target: dict[str, object]
        if self.kind == self.Kind.ENTITY:
            target = {"id": self.entity_id, "slug": self.entity.slug if self.entity else None}
        elif self.kind == self.Kind.SOURCE:
            target = {"id": self.source_id, "slug": self.source.slug if self.source else None}
        elif self.kind == self.Kind.STORY:
            target = {"id": self.story_id}
        else:
            target = {"query": self.query}
        return {
            "id": self.pk,
            "kind": self.kind,
            "hidden": self.hidden,
            "label": self.label,
            "target": target,
            "created_at": self.created_at.isoformat(),
        }


class SavedArticle(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_articles"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    note = models.TextField(blank=True, max_length=2000)
    tags = models.JSONField(encoder=ReadableJSONEncoder, default=list, blank=True)
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="readers_saved_unique")
        ]

    def as_json(self) -> dict[str, object]:
        a = self.article
        return {
            "id": self.pk,
            "article_id": a.pk,
            "title": a.title,
            "source": a.source.name,
            "url": a.url,
            "published_at": a.published_at.isoformat() if a.published_at else None,
            "note": self.note,
            "tags": list(self.tags or []),
            "saved_at": self.created_at.isoformat(),
        }


class ReadMark(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="read_marks"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="readers_read_unique")
        ]


class ApiToken(models.Model):
    """A personal token. Only a SHA-256 of the secret is stored; the secret is shown once.

    ``read`` tokens may GET the reader's API data, ``write`` tokens may also change it, and
    ``feed`` tokens only open the reader's private RSS / JSON Feed URL."""

    class Scope(models.TextChoices):
        READ = "read", "read-only"
        WRITE = "write", "read-write"
        FEED = "feed", "private feed URL"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=16)
    scope = models.CharField(max_length=5, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(default=now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "prefix": self.prefix,
            "scope": self.scope,
            "created_at": self.created_at.isoformat(),
            "last_used_at": self.last_used_at.isoformat() if self.last_used_at else None,
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
        }
