from __future__ import annotations

from argparse import REMAINDER
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nashra.analyze.train import ner


class Command(BaseCommand):
    help = "Rebuild the NER model from ../shared/data (ANERcorp, WikiFANE); see docs/analyze.md."

    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "args", nargs=REMAINDER, help="options passed to nashra.analyze.train.ner (try --help)"
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        status = ner.main(list(args))
        if status:
            raise CommandError(f"training failed (status {status})")
