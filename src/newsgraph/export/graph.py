"""The actor network as GraphML or GEXF for Gephi (networkx writers), blocs as a node attribute.

``options`` take the network filters of ``newsgraph network`` (start, end, type, quad,
factuality, min_events, kind, max_nodes); the default is the whole store, asserted events.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..analysis import queries
from ..analysis.network import to_graph
from .registry import Exporter

NETWORK_OPTIONS = ("start", "end", "type", "quad", "factuality", "min_events", "kind", "max_nodes")


def graph(conn: sqlite3.Connection, options: dict):
    params = {k: options.get(k) for k in NETWORK_OPTIONS}
    if params["max_nodes"] is None:
        params["max_nodes"] = 5000
    return to_graph(queries.network(conn, **params))


def write_graphml(conn: sqlite3.Connection, table: str, out: Path, options: dict) -> list[Path]:
    import networkx as nx

    nx.write_graphml(graph(conn, options), out)
    return [out]


def write_gexf(conn: sqlite3.Connection, table: str, out: Path, options: dict) -> list[Path]:
    import networkx as nx

    nx.write_gexf(graph(conn, options), out)
    return [out]


GRAPHML = Exporter(
    "graphml",
    "GraphML of the actor network (nodes with bloc, signed weighted edges)",
    ("network",),
    ".graphml",
    write_graphml,
)
GEXF = Exporter("gexf", "GEXF of the actor network for Gephi", ("network",), ".gexf", write_gexf)
