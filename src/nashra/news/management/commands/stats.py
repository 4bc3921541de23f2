from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Count, Q
from rich.table import Table

from nashra.news.management.commands._output import console, print_json
from nashra.news.models import Article, IngestItem, IngestRun, Source


class Command(BaseCommand):
    help = "Counts of sources, articles, duplicates and ingest outcomes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        articles = Article.objects.aggregate(
            total=Count("id"),
            exact=Count("id", filter=Q(duplicate_kind="exact")),
            near=Count("id", filter=Q(duplicate_kind="near")),
        )
        data = {
            "sources": Source.objects.count(),
            "articles": articles["total"],
            "exact_duplicates": articles["exact"],
            "near_duplicates": articles["near"],
            "ingest_runs": IngestRun.objects.count(),
            "rejected_items": IngestItem.objects.filter(outcome="rejected").count(),
            "by_source": {
                s["name"]: s["n"]
                for s in Source.objects.annotate(n=Count("articles"))
                .order_by("-n")
                .values("name", "n")
            },
        }
        if opts["json"]:
            print_json(data, self.stdout)
            return
        table = Table(title="nashra")
        table.add_column("what")
        table.add_column("count", justify="right")
        for key, value in data.items():
            if key != "by_source":
                table.add_row(key.replace("_", " "), str(value))
        for name, n in data["by_source"].items():  # type: ignore[attr-defined]
            table.add_row(f"  {name}", str(n))
        console(self.stdout).print(table)
