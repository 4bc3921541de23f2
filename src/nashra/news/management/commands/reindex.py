from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from nashra.news.management.commands._output import print_json
from nashra.news.search import get_backend


class Command(BaseCommand):
    help = "Rebuild the search index from the stored articles (one transaction)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=500, help="articles per batch")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        backend = get_backend()
        started = time.perf_counter()
        count = backend.rebuild(batch=max(1, opts["batch"]))
        seconds = time.perf_counter() - started
        summary = {
            "backend": backend.name,
            "articles": count,
            "seconds": round(seconds, 2),
            "articles_per_second": round(count / seconds, 1) if seconds else None,
            "index_bytes": backend.size_bytes(),
        }
        if opts["json"]:
            print_json(summary, self.stdout)
        else:
            self.stdout.write(f"indexed {count} articles in {seconds:.1f}s with {backend.name}")
