from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nashra.analyze.ner.conll import tag_conll


class Command(BaseCommand):
    help = "Tag a CoNLL file (one token per line, blank line between sentences) with BIO PERS/LOC/ORG/MISC."

    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", type=Path)
        parser.add_argument("output", type=Path)
        parser.add_argument(
            "--news",
            action="store_true",
            help="tag as today's news, as articles are tagged (default: as ANERcorp annotates)",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        if not opts["input"].exists():
            raise CommandError(f"no such file: {opts['input']}")
        count = tag_conll(opts["input"], opts["output"], news=opts["news"])
        self.stdout.write(f"tagged {count} tokens → {opts['output']}")
