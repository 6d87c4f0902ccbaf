"""The ``newsgraph`` command line: parse, call one library function, format.

Commands are bound in one place, ``COMMANDS``, and imported only when invoked so that
``newsgraph --help`` starts fast (no spaCy, pandas or FastAPI import).
"""
from __future__ import annotations

import importlib
import logging

import click

# name -> "module:function" (relative to newsgraph.cli)
COMMANDS: dict[str, str] = {
    "extract": "extract:extract",
    "ingest": "ingest:ingest",
    "summary": "ingest:summary",
    "eval": "evaluate:eval_cmd",
    "articles": "browse:articles",
    "actors": "browse:actors",
    "quotes": "browse:quotes",
    "events": "browse:events",
    "dyads": "analysis:dyads",
    "network": "analysis:network",
    "blocs": "analysis:blocs",
    "timeline": "analysis:timeline",
    "export": "analysis:export",
    "serve": "serve:serve",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(f"{__name__}.{module}"), attr)

    def invoke(self, ctx):
        # a broken --kb/--triggers file (or any error newsgraph raises on purpose) is a one-line
        # "Error: FILE:LINE: problem", not a traceback; commands may still catch their own first
        from ..errors import NewsgraphError

        try:
            return super().invoke(ctx)
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="newsgraph")
def main(verbose: int) -> None:
    """newsgraph: evidence-backed political event data from news articles."""
    logging.basicConfig(
        level=logging.WARNING - 10 * min(verbose, 2),
        format="%(levelname)s %(name)s: %(message)s",
    )
