from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nashra.news.management.commands._output import print_json
from nashra.news.models import Article


class Command(BaseCommand):
    help = "Show one stored article."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("id", type=int)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        article = Article.objects.select_related("source").filter(pk=opts["id"]).first()
        if article is None:
            raise CommandError(f"no article with id {opts['id']}")
        if opts["json"]:
            print_json(article.as_json(), self.stdout)
            return
        out = self.stdout
        out.write(f"# {article.title}")
        if article.subtitle:
            out.write(f"## {article.subtitle}")
        out.write(
            " · ".join(
                x
                for x in (
                    article.source.name,
                    article.author,
                    str(article.published_at or ""),
                    article.url,
                )
                if x
            )
        )
        if article.duplicate_of_id:
            out.write(f"({article.duplicate_kind} duplicate of {article.duplicate_of_id})")
        out.write("")
        out.write("\n\n".join(article.body))
