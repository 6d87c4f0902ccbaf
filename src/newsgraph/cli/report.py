"""Reporting of per-input problems: one line per bad file, the run goes on, the exit code tells."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date

import click

from ..errors import InputError
from ..records import Article

EXIT_SOME_INPUTS_FAILED = 2


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint="--published")


class InputProblems:
    """Passes articles through, prints one line per InputError on stderr and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def filter(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                self.count += 1
                click.echo(f"newsgraph: skipped {item}", err=True)
            else:
                yield item

    def exit_if_any(self) -> None:
        if self.count:
            click.echo(f"newsgraph: {self.count} input(s) could not be read", err=True)
            sys.exit(EXIT_SOME_INPUTS_FAILED)
