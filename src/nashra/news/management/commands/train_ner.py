from __future__ import annotations

from argparse import REMAINDER
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Rebuild the NER models from ../shared/data: the CRF and its entity lexicon "
        "(nashra.analyze.train.ner), or with --neural first the word vectors and then the "
        "neural tagger (nashra.analyze.train.embeddings, .neural; needs the 'train' extra: "
        "torch, gensim). See docs/analyze.md."
    )

    requires_system_checks: list[str] = []

    def run_from_argv(self, argv: list[str]) -> None:
        # Every option belongs to the training module: argparse's REMAINDER does not take
        # options that come first (`nashra train-ner --final` was "unrecognized").
        rest = argv[2:]
        if rest[:1] in (["-h"], ["--help"]):
            super().run_from_argv(argv)
            return
        try:
            self.handle(*rest)
        except CommandError as exc:
            self.stderr.write(f"CommandError: {exc}")
            raise SystemExit(exc.returncode) from exc

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "args", nargs=REMAINDER, help="options passed to the training module (try --help)"
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        argv = list(args)
        if argv[:1] == ["--neural"]:
            from nashra.analyze.train import embeddings, neural

            rest = argv[1:]
            status = 0
            if "--vectors" not in rest and not embeddings.DEFAULT_OUT.exists():
                status = embeddings.main([])
            status = status or neural.main(rest)
        else:
            from nashra.analyze.train import ner

            status = ner.main(argv)
        if status:
            raise CommandError(f"training failed (status {status})")
