from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _clear_orphan_index(using: str = "default", **_: Any) -> None:
    """``flush`` (and test teardown) empties the model tables but not the search index,
    which is no model; it then emits post_migrate, so an index without articles is
    emptied here rather than serving stale ids to the next articles."""
    from nashra.news.models import Article
    from nashra.news.search import get_backend

    if not Article.objects.using(using).exists():
        get_backend(using).clear()


class NewsConfig(AppConfig):
    name = "nashra.news"
    label = "news"
    verbose_name = "News"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(
            _clear_orphan_index, sender=self, dispatch_uid="nashra-news-clear-index"
        )
