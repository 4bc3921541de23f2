"""The ``nashra`` command: every subcommand is a Django management command."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.site.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-"):
        # commands are documented as tag-conll, train-ner; Django names them tag_conll
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["nashra", *(args or ["help"])])


if __name__ == "__main__":
    main()
