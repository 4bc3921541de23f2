import logging
from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate

logger = logging.getLogger(__name__)


def _refresh_index(using: str = "default", **_: Any) -> None:
    """After ``migrate``: an index of another analyzer's terms (the stemmer changed) is
    rebuilt, or its queries would miss what the old terms spelt otherwise. ``flush`` (and
    test teardown) empties the model tables but not the search index, which is no model;
    it then emits post_migrate, so an index without articles is emptied here rather than
    serving stale ids to the next articles."""
    from nashra.news.models import Article
    from nashra.news.search import get_backend
    from nashra.text import TERMS_VERSION

    backend = get_backend(using)
    if not Article.objects.using(using).exists():
        backend.clear()
        backend.record_terms_version()
        return
    old = backend.terms_version()
    if old != TERMS_VERSION:
        count = backend.rebuild()
        logger.warning(
            "search index rebuilt: %d articles from terms version %d to %d",
            count,
            old,
            TERMS_VERSION,
        )
    _tell_of_old_analyses(using)


def _tell_of_old_analyses(using: str) -> None:
    """Analyses are not re-run by ``migrate`` (minutes for a large corpus, and they feed
    entities and stories): say how many are of an older version and what re-runs them."""
    from nashra.analyze.pipeline import ANALYSIS_VERSION
    from nashra.news.models import ArticleAnalysis

    old = ArticleAnalysis.objects.using(using).exclude(version=ANALYSIS_VERSION).count()
    if old:
        logger.warning(
            "%d articles were analysed by an older version than %s: "
            "run `nashra reanalyze` to bring them up to date",
            old,
            ANALYSIS_VERSION,
        )


class NewsConfig(AppConfig):
    name = "nashra.news"
    label = "news"
    verbose_name = "News"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_refresh_index, sender=self, dispatch_uid="nashra-news-refresh-index")
