"""The actor network: nodes are actors, edges aggregated dyads with a sign and a weight.

An edge counts the distinct events between two actors that pass the filter; its ``net``
score is cooperation minus conflict (PLOVER intensities), its ``sign`` the sign of ``net``
and its ``weight`` ``|net|``. Undirected by default (the pair in sorted order), since blocs
and Gephi layouts want one tie per pair; ``directed=True`` keeps source -> target.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..errors import QueryError
from ..records import ACTOR_KINDS
from .params import EventFilter, parse_bool, parse_int, split_values

MAX_NODES = 5000

# Aggregation happens in SQLite over the covering index event_dyads_window, so a month of a
# million-event store is one index range scan and a GROUP BY rather than tens of thousands of
# Python rows. The store writes one row per event and unordered pair (a mirrored "X and Y met"
# is one row), so an edge's count(*) counts distinct events. A node's activity is the number
# of ties it has in the window (an event with two targets gives its source two ties).
_EDGES = """
SELECT {a} AS a, {b} AS b, count(*),
       total(CASE WHEN d.intensity > 0 THEN d.intensity END),
       -total(CASE WHEN d.intensity < 0 THEN d.intensity END),
       sum(d.quad = 1), sum(d.quad = 2), sum(d.quad = 3), sum(d.quad = 4)
FROM event_dyads d WHERE d.source <> d.target AND {where}
GROUP BY a, b
"""
_NODES = """
SELECT code, count(*), total(intensity) FROM (
    SELECT d.source AS code, d.intensity FROM event_dyads d WHERE d.source <> d.target AND {where}
    UNION ALL
    SELECT d.target AS code, d.intensity FROM event_dyads d WHERE d.source <> d.target AND {where}
) GROUP BY code
"""
_MENTIONS = """
SELECT a, b, total(m) FROM (
    SELECT DISTINCT {a} AS a, {b} AS b, d.event_id, e.mention_count AS m
    FROM event_dyads d JOIN events e ON e.id = d.event_id
    WHERE d.source <> d.target AND d.source IN ({keep}) AND d.target IN ({keep}) AND {where}
) GROUP BY a, b
"""


def _pair_sql(directed: bool) -> dict[str, str]:
    if directed:
        return {"a": "d.source", "b": "d.target"}
    return {"a": "min(d.source, d.target)", "b": "max(d.source, d.target)"}


@dataclass(frozen=True)
class NetworkParams:
    filter: EventFilter = EventFilter()
    min_events: int = 1
    kinds: tuple[str, ...] = ()
    max_nodes: int = 200
    directed: bool = False

    @classmethod
    def parse(
        cls,
        start=None,
        end=None,
        type=None,
        quad=None,
        factuality=None,
        min_events=None,
        kind=None,
        max_nodes=None,
        directed=False,
    ) -> "NetworkParams":
        kinds = tuple(k.lower() for k in split_values(kind))
        for k in kinds:
            if k not in ACTOR_KINDS:
                raise QueryError(f"kind: {k[:40]!r} is not an actor kind ({', '.join(ACTOR_KINDS)})", "kind")
        return cls(
            EventFilter.parse(start, end, type, quad, factuality),
            parse_int(min_events, "min_events", 1, 1, 1_000_000),
            kinds,
            parse_int(max_nodes, "max_nodes", 200, 1, MAX_NODES),
            parse_bool(directed, "directed"),
        )

    def as_json(self) -> dict:
        return {
            **self.filter.query(),
            "min_events": self.min_events,
            "kind": list(self.kinds),
            "max_nodes": self.max_nodes,
            "directed": self.directed,
        }


_RANK = {k: i for i, k in enumerate(("state", "organisation", "group", "location", "person"))}
_labels_cache: dict[tuple[str, int], dict[str, dict]] = {}


def _all_labels(conn: sqlite3.Connection) -> dict[str, dict]:
    """Dyad code -> label and kind for every actor, read once per store state (the actors table only
    grows, so its row count tells when to read again)."""
    db = conn.execute("PRAGMA database_list").fetchone()[2]
    n = conn.execute("SELECT count(*) FROM actors").fetchone()[0]
    cached = _labels_cache.get((db, n))
    if cached is not None:
        return cached
    best: dict[str, tuple[tuple[int, int], dict]] = {}
    for key, name, kind, code in conn.execute("SELECT key, name, kind, code FROM actors"):
        dyad = code or name
        # the actor keyed by the code itself (a state, an IGO) names it; else the most state-like
        # actor carrying the code (a minister is coded with its state)
        rank = (0 if key == dyad else 1, _RANK.get(kind, 9))
        if dyad not in best or rank < best[dyad][0]:
            label = code if (kind == "person" and code) else name
            best[dyad] = (rank, {"label": label, "kind": kind})
    labels = {c: v for c, (_, v) in best.items()}
    _labels_cache.clear()
    _labels_cache[(db, n)] = labels
    return labels


def actor_info(conn: sqlite3.Connection, codes) -> dict[str, dict]:
    """Label and kind of each dyad code (the code itself, kind None, when no actor carries it)."""
    labels = _all_labels(conn)
    return {c: labels.get(c, {"label": c, "kind": None}) for c in codes}


def scan(conn: sqlite3.Connection, flt: EventFilter, directed: bool = False):
    """Edges (pair -> accumulator) and node activity (code -> [events, net]) of the events passing ``flt``.

    An accumulator is [events, cooperation, conflict, q1, q2, q3, q4].
    """
    where, args = flt.where("d")
    cur = conn.cursor()
    cur.row_factory = None
    edges = {(a, b): list(rest) for a, b, *rest in cur.execute(_EDGES.format(where=where, **_pair_sql(directed)), args)}
    nodes = {code: [n, net] for code, n, net in cur.execute(_NODES.format(where=where), args + args)}
    return edges, nodes


def _edge(key: tuple[str, str], acc: list) -> dict:
    net = round(acc[1] - acc[2], 3)
    return {
        "source": key[0],
        "target": key[1],
        "events": acc[0],
        "mentions": None,
        "cooperation": round(acc[1], 3),
        "conflict": round(acc[2], 3),
        "net": net,
        "sign": (net > 0) - (net < 0),
        "weight": abs(net),
        "by_quad": {"1": acc[3], "2": acc[4], "3": acc[5], "4": acc[6]},
    }


def edge_rows(conn: sqlite3.Connection, flt: EventFilter, directed: bool = False) -> list[dict]:
    """Every edge passing ``flt`` (no pruning, no mention counts): what ``changes`` compares."""
    edges, _ = scan(conn, flt, directed)
    return [_edge(k, acc) for k, acc in edges.items()]


def _mentions(conn: sqlite3.Connection, flt: EventFilter, directed: bool, keep: set[str]) -> dict:
    """Reports (articles) behind each edge among ``keep``: the sum of its events' mention counts."""
    if not keep:
        return {}
    where, args = flt.where("d")
    marks = ",".join("?" * len(keep))
    sql = _MENTIONS.format(where=where, keep=marks, **_pair_sql(directed))
    cur = conn.cursor()
    cur.row_factory = None
    return {(a, b): int(m) for a, b, m in cur.execute(sql, [*keep, *keep, *args])}


def network(conn: sqlite3.Connection, params: NetworkParams | None = None) -> dict:
    """Nodes and edges of the network; the ``max_nodes`` most active actors (after the kind filter)
    and the edges among them with at least ``min_events`` events."""
    p = params or NetworkParams()
    raw, activity = scan(conn, p.filter, p.directed)
    raw = {k: acc for k, acc in raw.items() if acc[0] >= p.min_events}
    linked = {c for k in raw for c in k}
    info = actor_info(conn, linked)
    candidates = [c for c in linked if not p.kinds or info[c]["kind"] in p.kinds]
    candidates.sort(key=lambda c: (-activity[c][0], c))
    keep = set(candidates[: p.max_nodes])
    kept = {k: acc for k, acc in raw.items() if k[0] in keep and k[1] in keep}
    reports = _mentions(conn, p.filter, p.directed, keep)
    edges, degree = [], dict.fromkeys(keep, 0)
    for key, acc in kept.items():
        e = _edge(key, acc)
        e["mentions"] = reports.get(key, acc[0])
        link = {"source": key[0], "target": key[1]} if p.directed else {"pair": f"{key[0]},{key[1]}"}
        e["events_query"] = link | p.filter.query()
        edges.append(e)
        degree[key[0]] += 1
        degree[key[1]] += 1
    nodes = [
        {
            "id": c,
            "label": info[c]["label"],
            "kind": info[c]["kind"],
            "events": activity[c][0],
            "net": round(activity[c][1], 3),
            "degree": degree[c],
            "bloc": None,
            "events_query": {"actor": c} | p.filter.query(),
        }
        for c in candidates
        if c in keep and degree[c]
    ]
    edges.sort(key=lambda e: (-e["events"], e["source"], e["target"]))
    return {"params": p.as_json(), "nodes": nodes, "edges": edges}


def to_graph(net: dict):
    """A networkx graph of a ``network()`` result (attributes kept GraphML/GEXF-friendly: scalars only)."""
    import networkx as nx

    g = nx.DiGraph() if net["params"]["directed"] else nx.Graph()
    for n in net["nodes"]:
        g.add_node(
            n["id"],
            label=n["label"] or n["id"],
            kind=n["kind"] or "",
            events=n["events"],
            net=float(n["net"]),
            degree=n["degree"],
            bloc=-1 if n["bloc"] is None else n["bloc"],
        )
    for e in net["edges"]:
        g.add_edge(
            e["source"],
            e["target"],
            events=e["events"],
            mentions=e["mentions"],
            net=float(e["net"]),
            sign=e["sign"],
            weight=float(e["weight"]),
            cooperation=float(e["cooperation"]),
            conflict=float(e["conflict"]),
            **{f"quad{q}": n for q, n in e["by_quad"].items()},
        )
    return g
