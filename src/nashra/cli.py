"""The ``nashra`` command: every subcommand is a Django management command."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.site.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    # commands are documented as tag-conll, train-ner; Django names them tag_conll
    named = 1 if args[:1] == ["help"] else 0
    if len(args) > named and not args[named].startswith("-"):
        args[named] = args[named].replace("-", "_")
    execute_from_command_line(["nashra", *(args or ["help"])])


if __name__ == "__main__":
    main()
