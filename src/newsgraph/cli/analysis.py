"""``newsgraph dyads|network|blocs|timeline|export``: the analysis layer on the command line.

Each command parses its options, calls one function of ``newsgraph.analysis.queries`` (the
functions the HTTP API calls) and prints a rich table, ``--json`` (the API's answer) or
``--csv`` (the rows of ``analysis.tables``).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from .browse import read_connection
from .options import filter_options, network_options, output_options, store_option


def _emit(result: dict, rows: list[dict], as_json: bool, as_csv: bool, title: str, columns=None) -> None:
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if as_csv:
        writer = csv.DictWriter(
            sys.stdout, fieldnames=list(rows[0]) if rows else columns or [], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    cols = columns or (list(rows[0]) if rows else [])
    for c in cols:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
    Console().print(table)


@click.command()
@click.argument("source")
@click.argument("target")
@filter_options
@click.option(
    "--include-other",
    is_flag=True,
    help="Also count claimed, intended, hypothetical, demanded and negated events, each apart.",
)
@click.option("--normalize", is_flag=True, help="Add events per article published in the window.")
@click.option("--evidence", default=None, help="Include up to N events with their evidence (JSON only).")
@output_options
def dyads(source, target, include_other, normalize, evidence, store, as_json, as_csv, **filters):
    """What SOURCE and TARGET (actor codes) did to each other: counts by type and quad, net score."""
    from ..analysis import queries, tables

    with read_connection(store) as conn:
        d = queries.dyads(
            conn, source, target, include_other=include_other, normalize=normalize, evidence=evidence, **filters
        )
    _emit(
        d,
        tables.dyad_rows(d),
        as_json,
        as_csv,
        f"{source} / {target}",
        [
            "pair",
            "factuality",
            "events",
            "mentions",
            "quad1",
            "quad2",
            "quad3",
            "quad4",
            "cooperation",
            "conflict",
            "net",
            "types",
        ],
    )
    if not (as_json or as_csv) and d.get("normalized"):
        click.echo(
            f"{d['articles_in_window']} articles in the window; "
            f"{d['normalized']['events_per_article']} events per article"
        )


@click.command()
@filter_options
@network_options
@click.option("--directed", is_flag=True, help="Keep source -> target direction.")
@click.option(
    "--max-edges",
    default=None,
    help="Keep only the N strongest edges (largest |net|); nodes and blocs stay those of the whole network.",
)
@click.option(
    "--baseline-since",
    default=None,
    metavar="YYYY-MM-DD",
    help="Show edges new or strengthening against this baseline window instead (needs --since/--until).",
)
@click.option("--baseline-until", default=None, metavar="YYYY-MM-DD", help="End of the baseline window.")
@click.option("--nodes", "show_nodes", is_flag=True, help="List the nodes instead of the edges.")
@output_options
def network(
    directed, max_edges, baseline_since, baseline_until, show_nodes, store, as_json, as_csv, **filters
):
    """The actor network: signed, weighted edges (or --nodes), or its changes against a baseline."""
    from ..analysis import queries, tables

    with read_connection(store) as conn:
        if baseline_since or baseline_until:
            ch = queries.changes(
                conn, baseline_start=baseline_since, baseline_end=baseline_until, directed=directed, **filters
            )
            _emit(
                ch,
                tables.change_rows(ch),
                as_json,
                as_csv,
                "changes",
                [
                    "source",
                    "target",
                    "status",
                    "events",
                    "baseline_events",
                    "net",
                    "baseline_net",
                    "delta_events",
                ],
            )
            return
        net = queries.network(conn, directed=directed, max_edges=max_edges, **filters)
    if show_nodes:
        _emit(
            net,
            tables.node_rows(net),
            as_json,
            as_csv,
            "actors",
            ["id", "label", "kind", "events", "degree", "net", "bloc"],
        )
    else:
        _emit(
            net,
            tables.edge_rows(net),
            as_json,
            as_csv,
            "edges",
            ["source", "target", "events", "mentions", "quad1", "quad2", "quad3", "quad4", "net", "sign"],
        )


@click.command()
@filter_options
@network_options
@click.option(
    "--resolution", default=None, help="Louvain resolution (default 1.0; higher gives smaller blocs)."
)
@click.option("--seed", default=None, help="Random seed (default 0).")
@output_options
def blocs(resolution, seed, store, as_json, as_csv, **filters):
    """Blocs: communities of the signed network (who sides with whom)."""
    from ..analysis import queries, tables

    with read_connection(store) as conn:
        b = queries.blocs(conn, resolution=resolution, seed=seed, **filters)
    if as_json or as_csv:
        _emit(b, tables.bloc_rows(b), as_json, as_csv, "blocs")
        return
    rows = [
        {
            "bloc": x["id"],
            "size": x["size"],
            "internal net": x["internal_net"],
            "external net": x["external_net"],
            "members": ", ".join(x["members"]),
        }
        for x in b["blocs"]
    ]
    _emit(
        b,
        rows,
        False,
        False,
        f"blocs ({b['method']}, frustration {b['frustration']}, modularity {b['modularity']})",
    )


@click.command()
@click.option("--actor", default=None, help="Actor code: events it takes part in.")
@click.option("--source", default=None, help="Dyad: source code (with --target).")
@click.option("--target", default=None, help="Dyad: target code (with --source).")
@click.option("--directed", is_flag=True, help="Dyad: only source -> target.")
@click.option("--resolution", default="week", show_default=True, help="day, week or month.")
@filter_options
@output_options
def timeline(actor, source, target, directed, resolution, store, as_json, as_csv, **filters):
    """Events over time by quad category, for an actor or a dyad."""
    from ..analysis import queries, tables

    with read_connection(store) as conn:
        t = queries.timeline(
            conn, actor=actor, source=source, target=target, resolution=resolution, directed=directed, **filters
        )
    _emit(
        t,
        tables.timeline_rows(t),
        as_json,
        as_csv,
        f"timeline of {actor or f'{source} / {target}'}",
        ["period", "events", "quad1", "quad2", "quad3", "quad4", "net"],
    )


@click.command()
@click.argument("table")
@click.option(
    "--format",
    "fmt",
    required=True,
    help="csv, parquet (tables), plover, gdelt (events), graphml, gexf (network), or a plug-in's.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="Output file (one table) or directory (all).",
)
@filter_options
@network_options
@store_option
def export(table, fmt, out, store, **filters):
    """Export TABLE (a store table, events, network, or all) in a format for other tools."""
    from ..export import export as run_export

    with read_connection(store) as conn:
        written = run_export(conn, table, fmt, out, filters)
    for path in written:
        click.echo(str(path))
