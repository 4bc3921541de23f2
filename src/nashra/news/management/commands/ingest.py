from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from nashra.extract.dumps import parse_mapping
from nashra.extract.inputs import FORMATS, read_path, read_url
from nashra.news.ingest import Ingester
from nashra.news.management.commands._output import console, print_json


class Command(BaseCommand):
    help = "Ingest files, folders, archives, feeds, dumps or URLs into stored articles."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument(
            "--source", default="", help="source name for every article (default: from the input)"
        )
        parser.add_argument("--format", default="auto", choices=FORMATS)
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=COLUMN",
            help="dump column for a field, e.g. --map title=headline",
        )
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")
        parser.add_argument(
            "--no-analyze",
            action="store_true",
            help="store and index only; run `nashra reanalyze` later (default: analyse at ingest)",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            mapping = parse_mapping(opts["map"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        targets: list[str] = opts["targets"]
        for target in targets:
            if not target.startswith(("http://", "https://")) and not os.path.exists(target):
                raise CommandError(f"no such file or folder: {target}")
        units = _plan(targets)
        total_bytes = sum(size for _, size in units) or 1
        ingester = Ingester(
            source_name=opts["source"],
            targets=targets,
            options={"format": opts["format"], "map": mapping},
            analyze=False if opts["no_analyze"] else None,
        )
        con = console(self.stdout)
        show = not opts["quiet"] and not opts["json"]
        progress = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TextColumn("articles {task.fields[articles]} · {task.fields[rate]}/s"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=con,
            disable=not show,
            transient=False,
        )
        with progress:
            task = progress.add_task("ingest", total=total_bytes, articles=0, rate="0")
            seen = 0

            def on_item(outcome: str, origin: str) -> None:
                nonlocal seen
                seen += 1
                if seen % 50 == 0:
                    elapsed = progress.tasks[0].elapsed or 1e-9
                    progress.update(task, articles=seen, rate=f"{seen / elapsed:.0f}")

            def items() -> Any:
                for unit, size in units:
                    if unit.startswith(("http://", "https://")):
                        yield from read_url(
                            unit, fmt=opts["format"], mapping=mapping, limits=_limits()
                        )
                    else:
                        yield from read_path(
                            Path(unit), fmt=opts["format"], mapping=mapping, limits=_limits()
                        )
                    progress.advance(task, size)

            report = ingester.ingest(items(), on_item)
            elapsed = progress.tasks[0].elapsed or 1e-9
            progress.update(task, articles=seen, rate=f"{seen / elapsed:.0f}")
        summary = {"run": ingester.run.pk, **report.as_json()}
        if opts["json"]:
            print_json(summary, self.stdout)
        else:
            table = Table(title=f"ingest run {ingester.run.pk}")
            table.add_column("outcome")
            table.add_column("count", justify="right")
            table.add_row("ingested", str(report.counts["ingested"]))
            table.add_row("duplicates (exact)", str(report.exact))
            table.add_row("duplicates (near)", str(report.near))
            table.add_row("already ingested", str(report.counts["unchanged"]))
            table.add_row("rejected", str(report.counts["rejected"]))
            for reason, count in report.reasons.most_common():
                table.add_row(f"  rejected: {reason}", str(count))
            con.print(table)
        if sum(report.counts.values()) == 0:
            raise CommandError("nothing could be read from the inputs")


def _limits() -> Any:
    from nashra.extract.limits import DEFAULT_LIMITS

    return DEFAULT_LIMITS


def _plan(targets: list[str]) -> list[tuple[str, int]]:
    """Top-level units with their sizes, for the progress bar's ETA (folders expanded)."""
    units: list[tuple[str, int]] = []
    for target in targets:
        path = Path(target)
        if target.startswith(("http://", "https://")):
            units.append((target, 1))
        elif path.is_dir():
            for child in sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ):
                units.append((str(child), max(child.stat().st_size, 1)))
        else:
            units.append((target, max(path.stat().st_size, 1)))
    return units
