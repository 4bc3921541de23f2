from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from rich.table import Table

from nashra.news.management.commands._output import console, print_json
from nashra.news.models import Article


class Command(BaseCommand):
    help = "List recent articles (newest first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--source", default="", help="only this source (name or slug)")
        parser.add_argument("--limit", type=int, default=20)
        parser.add_argument("--duplicates", action="store_true", help="include duplicates")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        qs = Article.objects.select_related("source").order_by("-published_at", "-id")
        if opts["source"]:
            qs = qs.filter(source__name=opts["source"]) | qs.filter(source__slug=opts["source"])
        if not opts["duplicates"]:
            qs = qs.filter(duplicate_of__isnull=True)
        rows = list(
            qs.only("id", "title", "published_at", "source__name", "duplicate_of")[: opts["limit"]]
        )
        if opts["json"]:
            print_json(
                [
                    {
                        "id": a.pk,
                        "title": a.title,
                        "source": a.source.name,
                        "published_at": a.published_at.isoformat() if a.published_at else None,
                        "duplicate_of": a.duplicate_of_id,
                    }
                    for a in rows
                ],
                self.stdout,
            )
            return
        table = Table()
        for col in ("id", "published", "source", "title"):
            table.add_column(col)
        for a in rows:
            table.add_row(
                str(a.pk),
                f"{a.published_at:%Y-%m-%d %H:%M}" if a.published_at else "",
                a.source.name,
                a.title,
            )
        console(self.stdout).print(table)
