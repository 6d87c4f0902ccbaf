"""``newsgraph extract``: print the extraction of each input as JSON Lines, touching no store."""
from __future__ import annotations

import json
import sys

import click

from ..ingest import read_inputs
from ..pipeline import extract_parallel
from .options import kb_option, model_option, published_option, settings_from, triggers_option, workers_option
from .report import InputProblems, parse_date_option


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, default=True, help="JSON Lines output (the default and only format).")
@published_option
@model_option
@kb_option
@triggers_option
@workers_option
def extract(paths, as_json, published, model, kb_files, trigger_files, workers):
    """Extract actors, quotes and events from PATHS (files, directories or - for stdin)."""
    settings = settings_from(model=model, kb_files=kb_files, trigger_files=trigger_files)
    problems = InputProblems()
    articles = problems.filter(read_inputs(list(paths), published=parse_date_option(published),
                                           max_bytes=settings.max_bytes))
    out = sys.stdout
    for extraction in extract_parallel(articles, settings, workers):
        out.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
        out.flush()
    problems.exit_if_any()
