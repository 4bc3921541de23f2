"""Sources, articles (with their exact original input), dedup bands and the ingest log."""

from __future__ import annotations

import time
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.text import slugify


class ReadableJSONEncoder(DjangoJSONEncoder):
    """Stores Arabic as UTF-8, not as \\uXXXX escapes (a third of the bytes in SQLite)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


class Source(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    url = models.URLField(max_length=1000, blank=True)
    feed_url = models.URLField(max_length=1000, blank=True)
    language = models.CharField(max_length=8, blank=True, default="ar")
    direction = models.CharField(
        max_length=4, blank=True, choices=[("", "auto"), ("rtl", "rtl"), ("ltr", "ltr")]
    )
    created_at = models.DateTimeField(default=timezone.now)
    documents_seen = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.slug:
            self.slug = (
                slugify(self.name, allow_unicode=True) or f"source-{timezone.now():%Y%m%d%H%M%S}"
            )
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Article(models.Model):
    class DuplicateKind(models.TextChoices):
        EXACT = "exact", "exact"
        NEAR = "near", "near"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="articles")
    url = models.URLField(max_length=2000, blank=True)
    title = models.TextField(blank=True)
    subtitle = models.TextField(blank=True)
    author = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    ingested_at = models.DateTimeField(default=timezone.now, db_index=True)
    language = models.CharField(max_length=8, blank=True)
    body = models.JSONField(
        encoder=ReadableJSONEncoder, default=list
    )  # paragraphs, display text exactly as extracted
    boilerplate = models.JSONField(
        encoder=ReadableJSONEncoder, default=list
    )  # lines removed from the input
    # The exact input this article came from, so analysis can be re-run over it.
    original = models.BinaryField()
    original_encoding = models.CharField(max_length=32, blank=True)
    origin = models.TextField()  # path, URL, "archive.zip!member", "dump.jsonl#line-3"
    format = models.CharField(max_length=8)
    needs_fetch = models.BooleanField(default=False)
    input_hash = models.CharField(max_length=64, unique=True)  # sha256 of original
    body_hash = models.CharField(max_length=40, db_index=True)  # match-form body
    minhash = models.BinaryField()
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    duplicate_kind = models.CharField(max_length=8, blank=True, choices=DuplicateKind.choices)
    similarity = models.FloatField(null=True, blank=True)
    story = models.ForeignKey(
        "Story", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["source", "-published_at"]),
            # "originals, newest first" (home, API lists) without scanning copies.
            models.Index(
                fields=["duplicate_of", "-published_at", "-id"], name="article_originals_by_time"
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"article {self.pk}"

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.pk,
            "source": self.source.name,
            "url": self.url,
            "title": self.title,
            "subtitle": self.subtitle,
            "author": self.author,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "language": self.language,
            "body": self.body,
            "boilerplate": self.boilerplate,
            "duplicate_of": self.duplicate_of_id,
            "duplicate_kind": self.duplicate_kind or None,
            "origin": self.origin,
            "format": self.format,
            "needs_fetch": self.needs_fetch,
        }


class ArticleBand(models.Model):
    """One MinHash LSH band of an article; equal keys make near-duplicate candidates."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bands")
    key = models.BigIntegerField(db_index=True)


class SourceLine(models.Model):
    """How often a short line recurs in one source's documents (learned boilerplate)."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="lines")
    key = models.CharField(max_length=300)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "key"], name="unique_source_line")]


class IngestRun(models.Model):
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    targets = models.JSONField(encoder=ReadableJSONEncoder, default=list)
    options = models.JSONField(encoder=ReadableJSONEncoder, default=dict)
    counts = models.JSONField(encoder=ReadableJSONEncoder, default=dict)

    class Meta:
        ordering = ["-started_at"]


class IngestItem(models.Model):
    class Outcome(models.TextChoices):
        INGESTED = "ingested", "ingested"
        DUPLICATE = "duplicate", "duplicate"
        UNCHANGED = "unchanged", "already ingested"
        REJECTED = "rejected", "rejected"

    run = models.ForeignKey(IngestRun, on_delete=models.CASCADE, related_name="items")
    origin = models.TextField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices, db_index=True)
    reason = models.TextField(blank=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    duplicate_of = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )


class Story(models.Model):
    """Articles from different sources about the same event."""

    title = models.TextField(blank=True)  # the representative article's headline
    representative = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_published_at = models.DateTimeField(null=True, blank=True)
    last_published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    size = models.PositiveIntegerField(default=0)  # articles
    source_count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_published_at", "-id"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title or f"story {self.pk}"


class Entity(models.Model):
    """A person, organisation, place (or other named thing) under one canonical name."""

    class Kind(models.TextChoices):
        PERSON = "PERS", "person"
        ORGANIZATION = "ORG", "organisation"
        LOCATION = "LOC", "place"
        MISC = "MISC", "other"

    kind = models.CharField(max_length=4, choices=Kind.choices)
    name = models.CharField(max_length=300)  # canonical display name
    key = models.CharField(max_length=300)  # canonical match key (nashra.text match form)
    slug = models.SlugField(max_length=320, unique=True, allow_unicode=True)
    aliases = models.JSONField(
        encoder=ReadableJSONEncoder, default=list, blank=True
    )  # display variants seen
    # For people: each full name (two words or more) as written → the articles that
    # wrote it. The name shown is the most written (see news.understand.person_name), so
    # one odd span (محمد بن سلمان ولي ولي العهد) does not rename a person everywhere.
    names = models.JSONField(encoder=ReadableJSONEncoder, default=dict, blank=True)
    # An editor's name: set when the name is changed in the admin; analysis keeps it.
    name_fixed = models.BooleanField(default=False)
    mention_count = models.PositiveIntegerField(default=0)
    article_count = models.PositiveIntegerField(default=0, db_index=True)
    # An editor's merge: this entity is shown as (and counted under) another. Clearing
    # the field undoes the merge, since mentions keep pointing here.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-article_count", "name"]
        verbose_name_plural = "entities"
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="unique_entity_kind_key")
        ]

    def __str__(self) -> str:
        return self.name

    def canonical(self) -> Entity:
        """Follow editors' merges to the entity shown (bounded, in case of a cycle)."""
        entity, seen = self, {self.pk}
        while entity.merged_into_id is not None and entity.merged_into_id not in seen:
            seen.add(entity.merged_into_id)
            nxt = Entity.objects.filter(pk=entity.merged_into_id).first()
            if nxt is None:
                break
            entity = nxt
        return entity


class EntityAlias(models.Model):
    """A match key that names an entity across articles (a surname, a spelling)."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="alias_keys")
    kind = models.CharField(max_length=4, choices=Entity.Kind.choices)
    key = models.CharField(max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="unique_alias_kind_key")
        ]


class Mention(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    # No index of its own: the (entity, article) index below serves every lookup by
    # entity, and a second one cost a third of each mention's insert (12.4 against
    # 8.6 µs a row on SQLite; an article brings ~40 mentions).
    entity = models.ForeignKey(
        Entity, on_delete=models.CASCADE, related_name="mentions", db_index=False
    )
    text = models.CharField(max_length=300)
    start = models.PositiveIntegerField()  # offsets into Article.text
    end = models.PositiveIntegerField()
    in_title = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["entity", "article"])]


class Quote(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "direct"
        INDIRECT = "indirect", "indirect"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    speaker_text = models.CharField(max_length=300, blank=True)
    via = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="relayed_quotes"
    )
    via_text = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    cue = models.CharField(max_length=60, blank=True)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()


class ArticleAnalysis(models.Model):
    """The versioned output of nashra.analyze for one article; re-runnable at any time."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="analysis")
    version = models.CharField(max_length=32)
    analyzed_at = models.DateTimeField(default=timezone.now)
    language = models.CharField(max_length=8, blank=True)
    reading_time_min = models.FloatField(default=0)
    summary = models.JSONField(encoder=ReadableJSONEncoder, default=list)  # sentences
    keywords = models.JSONField(encoder=ReadableJSONEncoder, default=list)
    dates = models.JSONField(encoder=ReadableJSONEncoder, default=list)
    data = models.JSONField(
        encoder=ReadableJSONEncoder, default=dict
    )  # everything else the analyzer returned


class SearchIndexState(models.Model):
    """One row: the version of the analyzer's terms (``nashra.text.TERMS_VERSION``) the
    search index holds. ``nashra migrate`` rebuilds an index of older terms; a database
    from before this row existed holds version 1."""

    terms_version = models.PositiveIntegerField()


class ContentVersion(models.Model):
    """One row whose ``stamp`` changes whenever an editor (or any ``save()``/``delete()``)
    changes content shown on the reading pages in place: a renamed source, a merged
    entity, a corrected headline. Bulk writes need no stamp: ingest and analysis add
    rows with new ids, which the page cache watches directly (nashra.news.pagecache)."""

    stamp = models.BigIntegerField(default=0)

    @classmethod
    def bump(cls) -> None:
        # A fresh value, not +1: after a database is flushed or restored the row starts
        # again, and an old counter value could name pages cached before.
        if not cls.objects.filter(pk=1).update(stamp=time.time_ns()):
            cls.objects.get_or_create(pk=1, defaults={"stamp": time.time_ns()})


def _content_saved(
    sender: type[models.Model], instance: models.Model, created: bool = False, **kwargs: Any
) -> None:
    # A new row shows up through the ids the page cache watches (or not at all until an
    # article mentions it); an edit in place needs the stamp.
    if not created and not kwargs.get("raw"):
        ContentVersion.bump()


def _content_deleted(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    ContentVersion.bump()


# Not Mention, Quote deletes or ArticleAnalysis: a receiver would stop Django from
# deleting them in bulk when an article is re-analysed (analysis ids change then anyway).
for _model in (Article, Source, Story, Entity, Quote):
    post_save.connect(
        _content_saved, sender=_model, dispatch_uid=f"pagecache-save-{_model.__name__}"
    )
for _model in (Article, Source, Story, Entity):
    post_delete.connect(
        _content_deleted, sender=_model, dispatch_uid=f"pagecache-delete-{_model.__name__}"
    )
