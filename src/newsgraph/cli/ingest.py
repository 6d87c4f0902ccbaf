"""``newsgraph ingest`` (extract into the store) and ``newsgraph summary`` (what the store holds)."""
from __future__ import annotations

import json

import click

from ..errors import NewsgraphError
from .browse import read_connection
from .options import kb_option, model_option, published_option, settings_from, store_option, workers_option
from .report import EXIT_SOME_INPUTS_FAILED, parse_date_option


@click.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@published_option
@workers_option
@model_option
@kb_option
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True,
              help="Articles per transaction.")
@click.option("--progress/--no-progress", default=True, help="Show a progress line on standard error.")
@click.option("--json", "as_json", is_flag=True, help="Print the run report and summary as JSON.")
def ingest(paths, store, published, workers, model, kb_files, batch_size, progress, as_json):
    """Extract PATHS (files, directories or - for stdin) into the store, skipping articles it has."""
    from ..ingest_run import ingest as run_ingest

    settings = settings_from(store=store, model=model, kb_files=kb_files)
    try:
        report = run_ingest(list(paths), settings, workers=workers, progress=progress and not as_json,
                            published=parse_date_option(published), batch_size=batch_size)
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        with read_connection(settings.store) as conn:
            from ..query import summary as store_summary

            click.echo(json.dumps({"report": report.to_json(), "summary": store_summary(conn)}, ensure_ascii=False,
                                  indent=2))
    else:
        click.echo(f"ingested {report.written} new article(s) in {report.seconds:.1f} s "
                   f"({report.rate:.1f} articles/s): {report.quotes} quotes, {report.events} events; "
                   f"{report.already_stored} already stored, {report.duplicates} near-duplicate(s), "
                   f"{report.failed} failed")
        _print_summary(settings.store)
    if report.failed:
        click.echo(f"newsgraph: {report.failed} input(s) could not be read", err=True)
        raise SystemExit(EXIT_SOME_INPUTS_FAILED)


@click.command()
@store_option
@click.option("--pairs", default=10, show_default=True, help="Strongest actor pairs to show.")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
def summary(store, pairs, as_json):
    """Articles, actors, quotes and events in the store, and the strongest actor pairs."""
    if as_json:
        from ..query import summary as store_summary

        with read_connection(store) as conn:
            click.echo(json.dumps(store_summary(conn, pairs=pairs), ensure_ascii=False, indent=2))
        return
    _print_summary(store, pairs)


def _print_summary(store_dir, pairs: int = 10) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..query import summary as store_summary

    with read_connection(store_dir) as conn:
        s = store_summary(conn, pairs=pairs)
    c, span = s["counts"], s["published"]
    console = Console()
    dates = f", published {span['first']} .. {span['last']}" if span["first"] else ""
    console.print(f"[bold]{settings_from(store=store_dir).store}[/bold]: {c['articles']} articles "
                  f"({c['duplicates']} near-duplicates){dates}")
    console.print(f"{c['actors']} actors, {c['quotes']} quotes, {c['events']} events "
                  f"({c['event_reports']} reports)")
    if not s["pairs"]:
        return
    table = Table(title="strongest actor pairs")
    for col in ("source", "target", "events", "asserted", "dominant types"):
        table.add_column(col)
    for p in s["pairs"]:
        table.add_row(_who(p["source"], p["source_name"]), _who(p["target"], p["target_name"]), str(p["events"]),
                      str(p["asserted"]), ", ".join(f"{t} {n}" for t, n in p["types"].items()))
    console.print(table)


def _who(code: str, name: str) -> str:
    return code if name == code else f"{code} ({name})"
