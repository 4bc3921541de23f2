from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from nashra.analyze.pipeline import ANALYSIS_VERSION, analyze_texts
from nashra.news.batching import CollectPerBatch
from nashra.news.management.commands._options import parse_since
from nashra.news.management.commands._output import counting_progress
from nashra.news.models import Article, Entity, EntityAlias
from nashra.news.stories import assign_stories
from nashra.news.understand import Analysed, store_analyses

BATCH = 200


class Command(BaseCommand):
    help = (
        "Re-run analysis over stored articles: by default those never analysed or analysed "
        f"by another version than {ANALYSIS_VERSION}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all", action="store_true", help="every article, whatever its analysis version"
        )
        parser.add_argument(
            "--since", help="only articles published on or after this date (YYYY-MM-DD)"
        )
        parser.add_argument(
            "--relink",
            action="store_true",
            help="with --all: forget the keys that link names across articles and link them "
            "again under the current rules (after a release that changed them); entities "
            "keep their ids, so follows and editors' merges stay",
        )
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        qs = Article.objects.select_related("analysis").order_by("id")
        if not opts["all"]:
            qs = qs.exclude(analysis__version=ANALYSIS_VERSION)
        if opts["since"]:
            qs = qs.filter(published_at__gte=parse_since(opts["since"]))
        if opts["relink"]:
            if not opts["all"] or opts["since"]:
                raise CommandError("--relink re-reads every article: use it with --all alone")
            with transaction.atomic():
                # Each entity is found again by its own key as its articles come by; the
                # alias keys, alias lists and counted names are rebuilt from the articles.
                EntityAlias.objects.all().delete()
                Entity.objects.update(aliases=[], names={})
        ids = list(qs.values_list("id", flat=True))
        progress = counting_progress("reanalyze", self.stdout, quiet=opts["quiet"])
        collector = CollectPerBatch()
        with progress:
            task = progress.add_task("reanalyze", total=len(ids))
            try:
                for start in range(0, len(ids), BATCH):
                    articles = list(
                        Article.objects.filter(id__in=ids[start : start + BATCH]).order_by("id")
                    )
                    found = analyze_texts([(a.text, a.published_at, a.title) for a in articles])
                    analysed = [Analysed(a, f) for a, f in zip(articles, found, strict=True)]
                    with transaction.atomic():
                        store_analyses(analysed, replace=True)
                        assign_stories([a for a in articles if a.story_id is None])
                    progress.advance(task, len(articles))
                    collector.batch_done()
            finally:
                collector.end()
        self.stdout.write(f"reanalysed {len(ids)} articles (analysis version {ANALYSIS_VERSION})")
