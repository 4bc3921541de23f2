from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from rich.markup import escape
from rich.table import Table

from nashra.news.management.commands._output import console, print_json
from nashra.news.search import get_backend


def _when(value: str, *, end: bool) -> datetime | None:
    """ISO date or datetime; a bare date means the start (or, for --until, the end) of that day."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"not a date: {value!r} (use YYYY-MM-DD or an ISO datetime)") from exc
    if len(value) <= 10:  # a date alone
        day = date(parsed.year, parsed.month, parsed.day)
        parsed = (
            datetime.combine(day + timedelta(days=1), time.min) - timedelta(microseconds=1)
            if end
            else datetime.combine(day, time.min)
        )
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


class Command(BaseCommand):
    help = (
        'Search stored articles. Syntax: words (all required), "a phrase", +required, '
        "-excluded (put -- before a query that starts with -), a OR b. An empty query "
        "lists recent articles."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parse_known = parser.parse_known_args

        def parse_args(args: Any = None, namespace: Any = None) -> Any:
            # "-دمشق" is an excluded word, not an unknown option: keep it in the query.
            ns, extra = parse_known(args, namespace)
            unknown = [a for a in extra if not a.startswith("--")]
            if len(unknown) != len(extra):
                parser.error(
                    f"unrecognized arguments: {' '.join(a for a in extra if a.startswith('--'))}"
                )
            ns.query = [*ns.query, *unknown]
            return ns

        parser.parse_args = parse_args  # type: ignore[method-assign]
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query", nargs="*", help="the query (words are joined with spaces)")
        parser.add_argument("--source", default="", help="only this source (name or slug)")
        parser.add_argument(
            "--since", default="", help="published on or after (YYYY-MM-DD or ISO datetime)"
        )
        parser.add_argument(
            "--until", default="", help="published on or before (YYYY-MM-DD or ISO datetime)"
        )
        parser.add_argument("--author", default="", help="author contains this text")
        parser.add_argument(
            "--entity", default="", help="only articles mentioning this entity (its slug)"
        )
        parser.add_argument("--limit", type=int, default=20)
        parser.add_argument("--offset", type=int, default=0)
        parser.add_argument("--duplicates", action="store_true", help="include duplicates")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        query = " ".join(opts["query"])
        result = get_backend().search(
            query,
            source=opts["source"] or None,
            since=_when(opts["since"], end=False),
            until=_when(opts["until"], end=True),
            author=opts["author"] or None,
            entity=opts["entity"] or None,
            limit=opts["limit"],
            offset=opts["offset"],
            include_duplicates=opts["duplicates"],
        )
        if opts["json"]:
            print_json(result.as_json(), self.stdout)
            return
        con = console(self.stdout)
        total = f"{result.total}" if result.total_exact else f"{result.total}+"
        con.print(f"{total} articles")
        table = Table()
        for col in ("id", "published", "source", "score", "title"):
            table.add_column(col)
        for h in result.hits:
            table.add_row(
                str(h.id),
                f"{h.published_at:%Y-%m-%d}" if h.published_at else "",
                escape(h.source),
                f"{h.score:.3f}",
                escape(h.title),
            )
        con.print(table)
