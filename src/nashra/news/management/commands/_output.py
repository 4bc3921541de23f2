"""Shared helpers for commands: JSON printing and the rich console, on the command's stdout."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import OutputWrapper
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


def console(stdout: OutputWrapper) -> Console:
    return Console(file=stdout._out, highlight=False)


def print_json(data: Any, stdout: OutputWrapper) -> None:
    stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def counting_progress(label: str, stdout: OutputWrapper, *, quiet: bool) -> Progress:
    """A bar of items done out of a known total, on the command's stdout."""
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console(stdout),
        disable=quiet,
    )
