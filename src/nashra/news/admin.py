from django.contrib import admin

from nashra.news.models import Article, IngestItem, IngestRun, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "language", "direction", "feed_url")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("id", "title", "source", "published_at", "duplicate_kind")
    list_filter = ("source", "format", "duplicate_kind")
    search_fields = ("title",)
    raw_id_fields = ("duplicate_of",)
    exclude = ("original", "minhash")


class IngestItemInline(admin.TabularInline):
    model = IngestItem
    extra = 0
    raw_id_fields = ("article", "duplicate_of")


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin):
    list_display = ("id", "started_at", "finished_at", "counts")
    inlines = [IngestItemInline]
