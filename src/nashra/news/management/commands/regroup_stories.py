from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from nashra.news.management.commands._options import parse_since
from nashra.news.management.commands._output import counting_progress
from nashra.news.models import Article
from nashra.news.stories import regroup_stories


class Command(BaseCommand):
    help = (
        "Group stored articles into stories again from scratch, in order of publication "
        "(after the story rules or settings changed); their analyses are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--since", help="only articles published on or after this date (YYYY-MM-DD)"
        )
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        qs = Article.objects.all()
        if opts["since"]:
            qs = qs.filter(published_at__gte=parse_since(opts["since"]))
        progress = counting_progress("regroup stories", self.stdout, quiet=opts["quiet"])
        with progress:
            task = progress.add_task("regroup", total=qs.count())
            done = regroup_stories(qs, progress=lambda n: progress.advance(task, n))
        self.stdout.write(f"regrouped {done} articles into stories")
