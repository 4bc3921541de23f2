from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from nashra.feeds.polling import poll
from nashra.news.models import Source


class Command(BaseCommand):
    help = (
        "Poll feeds once, now, in this process: every source with a feed URL, or the one "
        "named (name or slug). Conditional GET, full-article fetch and backoff as the worker does."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "source", nargs="?", default="", help="source name or slug (default: all)"
        )
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        qs = Source.objects.exclude(feed_url="").order_by("name")
        if opts["source"]:
            qs = Source.objects.filter(Q(name=opts["source"]) | Q(slug=opts["source"]))
            if not qs.exists():
                raise CommandError(f"no source named {opts['source']!r}")
            if not qs.exclude(feed_url="").exists():
                raise CommandError(
                    f"source {opts['source']!r} has no feed URL (set one in the admin)"
                )
        results = [poll(s) for s in qs]
        if opts["json"]:
            self.stdout.write(
                json.dumps([r.as_json() for r in results], ensure_ascii=False, indent=1)
            )
            return
        if not results:
            self.stdout.write("no source has a feed URL; add one in the admin (Sources → feed URL)")
        for r in results:
            line = f"{r.source}: {r.status}"
            if r.status in ("ok", "not-modified"):
                line += f" — {r.new} new, {r.duplicates} duplicates, {r.unchanged} already seen, {r.rejected} rejected"
                if r.fetched_full:
                    line += f", {r.fetched_full} full articles fetched"
            if r.error:
                line += f" — {r.error}"
            if r.next_poll_at:
                line += f" (next poll {r.next_poll_at:%Y-%m-%d %H:%M} UTC)"
            self.stdout.write(line)
