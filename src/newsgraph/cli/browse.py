"""``newsgraph articles|actors|quotes|events``: listings over the store, one query function each.

Each command parses its options, calls one function of ``newsgraph.query`` (the layer the HTTP
API uses too) and prints the page as a rich table, ``--json`` (an array of rows) or ``--csv``.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

import click

from ..errors import QueryError, StoreError
from .options import listing_options, settings_from, window_options

# (header, value of a row) or (header, value, rich column options)
Column = tuple[str, Callable[[dict], Any]] | tuple[str, Callable[[dict], Any], dict]


@contextmanager
def read_connection(store_dir):
    """A read-only connection to the store, with store and query errors shown as CLI errors."""
    from ..store import Store

    try:
        store = Store.open(settings_from(store=store_dir).store, readonly=True)
        conn = store.connect()
        try:
            yield conn
        finally:
            conn.close()
            store.close()
    except QueryError as exc:
        raise click.UsageError(str(exc)) from exc
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def emit(page, columns: list[Column], as_json: bool, as_csv: bool, title: str) -> None:
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    if as_json:
        click.echo(json.dumps(page.rows, ensure_ascii=False, indent=2))
        return
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(list(page.rows[0]) if page.rows else [c[0] for c in columns])
        for row in page.rows:
            writer.writerow([_cell(v) for v in row.values()])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    # Short fields keep their width; the free text (evidence, quote, title) takes what is left.
    for i, col in enumerate(columns):
        opts = {"overflow": "fold", "ratio": 1, "min_width": 24} if i == len(columns) - 1 else {"max_width": 28}
        table.add_column(col[0], **{**opts, **(col[2] if len(col) > 2 else {})})
    for row in page.rows:
        table.add_row(*(_cell(col[1](row)) for col in columns))
    console = Console()
    console.print(table)
    if page.next_offset is not None:
        console.print(f"more: --offset {page.next_offset}", style="dim")


@click.command()
@window_options
@click.option("--source", default=None, help="Outlet that published the article.")
@click.option("--actor", default=None, help="Articles mentioning this actor (code, key or name).")
@click.option("--no-duplicates", is_flag=True, help="Leave out near-duplicates of earlier articles.")
@listing_options
def articles(start, end, source, actor, no_duplicates, store, limit, offset, as_json, as_csv):
    """List stored articles, newest first."""
    from ..query import list_articles

    with read_connection(store) as conn:
        page = list_articles(conn, since=start, until=end, source=source, actor=actor,
                             duplicates=not no_duplicates, limit=limit, offset=offset)
    emit(page, [("published", lambda r: r["published"], {"no_wrap": True}), ("id", lambda r: r["id"][:12]),
                ("source", lambda r: r["source"]), ("quotes", lambda r: r["quotes"]),
                ("events", lambda r: r["events"]), ("copy of", lambda r: (r["duplicate_of"] or "")[:12]),
                ("title", lambda r: r["title"] or r["ref"])],
         as_json, as_csv, "articles")


@click.command()
@click.option("--kind", default=None, help="person, state, organisation, group or location.")
@click.option("--code", default=None, help="Actor code (RUS, NATO; persons carry the code they act for).")
@click.option("--name", default=None, help="Part of the name.")
@window_options
@listing_options
def actors(kind, code, name, start, end, store, limit, offset, as_json, as_csv):
    """List canonical actors, the most widely reported first."""
    from ..query import list_actors

    with read_connection(store) as conn:
        page = list_actors(conn, kind=kind, code=code, name=name, since=start, until=end,
                           limit=limit, offset=offset)
    emit(page, [("key", lambda r: r["key"]), ("name", lambda r: r["name"]), ("kind", lambda r: r["kind"]),
                ("code", lambda r: r["code"]), ("role", lambda r: r["role"]),
                ("articles", lambda r: r["articles"]), ("quotes", lambda r: r["quotes"]),
                ("seen", lambda r: f"{r['first_seen'] or ''}..{r['last_seen'] or ''}")],
         as_json, as_csv, "actors")


@click.command()
@click.option("--speaker", default=None, help="Speaker: actor key or part of the name.")
@click.option("--code", default=None, help="Code of the speaker (the state or organisation they speak for).")
@click.option("--text", default=None, help='Full-text search: words, "a phrase", prefix*, OR, NOT.')
@click.option("--article", default=None, help="Quotes of one article (its id).")
@window_options
@listing_options
def quotes(speaker, code, text, article, start, end, store, limit, offset, as_json, as_csv):
    """List quotes with their speakers, newest first."""
    from ..query import list_quotes

    with read_connection(store) as conn:
        page = list_quotes(conn, speaker=speaker, code=code, text=text, article=article, since=start,
                           until=end, limit=limit, offset=offset)
    emit(page, [("published", lambda r: r["published"], {"no_wrap": True}),
                ("speaker", lambda r: r["speaker"] or r["speaker_text"]),
                ("code", lambda r: r["speaker_code"]), ("direct", lambda r: r["direct"]),
                ("quote", lambda r: r["text"])],
         as_json, as_csv, "quotes")


@click.command()
@click.option("--actor", default=None, help="Source or target: code (RUS), key (person:Jane Doe) or name.")
@click.option("--source", default=None, help="Source actor (as --actor).")
@click.option("--target", default=None, help="Target actor (as --actor).")
@click.option("--type", "type_", default=None, help="PLOVER type(s), comma-separated (AID,SANCTION).")
@click.option("--quad", default=None, help="Quad category(ies) 1-4, comma-separated.")
@click.option("--factuality", default=None,
              help="asserted, negated, hypothetical, future, demanded, alleged (comma-separated); default all.")
@click.option("--pair", default=None, help="A,B: events between A and B in either direction (as --actor).")
@click.option("--article", default=None, help="Events of one article (its id).")
@click.option("--claimed-by", default=None, help="Events claimed by this speaker (actor key).")
@window_options
@listing_options
def events(start, end, store, limit, offset, as_json, as_csv, type_, **filters):
    """List events, newest first, each with the sentence it rests on (its first report)."""
    from ..query import list_events

    with read_connection(store) as conn:
        page = list_events(conn, since=start, until=end, type=type_, limit=limit, offset=offset, **filters)
    emit(page, [("date", lambda r: r["date"], {"no_wrap": True}), ("event", _event_cell, {"min_width": 20}),
                ("evidence", lambda r: r["evidence"])],
         as_json, as_csv, "events")


def _event_cell(r: dict) -> str:
    """Who did what to whom, how factual, on whose word: one cell, a line each."""
    who = ", ".join(r["sources"]) or "?"
    lines = [f"{who} → {', '.join(r['targets'])}" if r["targets"] else who,
             r["type"] + (f"/{r['mode']}" if r["mode"] else "") + f" ({r['factuality']})"]
    if r["claimed_by_name"]:
        lines.append(f"claimed by {r['claimed_by_name']}")
    if r["mention_count"] > 1:
        lines.append(f"{r['mention_count']} reports")
    return "\n".join(lines)
