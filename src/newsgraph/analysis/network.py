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

_EDGES_UNDIRECTED = """
SELECT a, b, COUNT(*), SUM(m),
       COALESCE(SUM(CASE WHEN intensity > 0 THEN intensity END), 0),
       COALESCE(SUM(CASE WHEN intensity < 0 THEN -intensity END), 0),
       SUM(quad = 1), SUM(quad = 2), SUM(quad = 3), SUM(quad = 4)
FROM (SELECT DISTINCT d.event_id, MIN(d.source, d.target) AS a, MAX(d.source, d.target) AS b,
             d.quad, d.intensity, e.mention_count AS m
      FROM event_dyads d JOIN events e ON e.id = d.event_id
      WHERE d.source <> d.target AND {where})
GROUP BY a, b
"""

_EDGES_DIRECTED = """
SELECT d.source, d.target, COUNT(*), SUM(e.mention_count),
       COALESCE(SUM(CASE WHEN d.intensity > 0 THEN d.intensity END), 0),
       COALESCE(SUM(CASE WHEN d.intensity < 0 THEN -d.intensity END), 0),
       SUM(d.quad = 1), SUM(d.quad = 2), SUM(d.quad = 3), SUM(d.quad = 4)
FROM event_dyads d JOIN events e ON e.id = d.event_id
WHERE d.source <> d.target AND {where}
GROUP BY d.source, d.target
"""

# Distinct events each actor takes part in (as source or target), and their net score.
_NODES = """
SELECT actor, COUNT(*), COALESCE(SUM(intensity), 0) FROM (
  SELECT DISTINCT actor, event_id, intensity FROM (
    SELECT d.source AS actor, d.event_id, d.intensity FROM event_dyads d
    WHERE d.source <> d.target AND {where}
    UNION ALL
    SELECT d.target, d.event_id, d.intensity FROM event_dyads d WHERE d.source <> d.target AND {where}))
GROUP BY actor
"""


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


def edge_rows(conn: sqlite3.Connection, flt: EventFilter, directed: bool = False) -> list[dict]:
    """Every edge passing ``flt`` (no node or min_events pruning): the raw material of network and changes."""
    where, args = flt.where("d")
    sql = (_EDGES_DIRECTED if directed else _EDGES_UNDIRECTED).format(where=where)
    out = []
    for a, b, n, m, coop, conf, q1, q2, q3, q4 in conn.execute(sql, args):
        net = round(coop - conf, 3)
        out.append(
            {
                "source": a,
                "target": b,
                "events": n,
                "mentions": m or 0,
                "cooperation": round(coop, 3),
                "conflict": round(conf, 3),
                "net": net,
                "sign": (net > 0) - (net < 0),
                "weight": abs(net),
                "by_quad": {"1": q1 or 0, "2": q2 or 0, "3": q3 or 0, "4": q4 or 0},
            }
        )
    return out


def node_rows(conn: sqlite3.Connection, flt: EventFilter) -> dict[str, tuple[int, float]]:
    where, args = flt.where("d")
    return {a: (n, round(s, 3)) for a, n, s in conn.execute(_NODES.format(where=where), [*args, *args])}


def network(conn: sqlite3.Connection, params: NetworkParams | None = None) -> dict:
    """Nodes and edges of the network; the ``max_nodes`` most active actors (after the kind filter)
    and the edges among them with at least ``min_events`` events."""
    p = params or NetworkParams()
    edges = [e for e in edge_rows(conn, p.filter, p.directed) if e["events"] >= p.min_events]
    activity = node_rows(conn, p.filter)
    linked = {e["source"] for e in edges} | {e["target"] for e in edges}
    info = actor_info(conn, linked)
    candidates = [c for c in linked if not p.kinds or info[c]["kind"] in p.kinds]
    candidates.sort(key=lambda c: (-activity.get(c, (0, 0))[0], c))
    keep = set(candidates[: p.max_nodes])
    edges = [e for e in edges if e["source"] in keep and e["target"] in keep]
    degree: dict[str, int] = {}
    for e in edges:
        degree[e["source"]] = degree.get(e["source"], 0) + 1
        degree[e["target"]] = degree.get(e["target"], 0) + 1
        e["events_query"] = (
            {"source": e["source"], "target": e["target"]}
            if p.directed
            else {"pair": f"{e['source']},{e['target']}"}
        ) | p.filter.query()
    nodes = [
        {
            "id": c,
            "label": info[c]["label"],
            "kind": info[c]["kind"],
            "events": activity.get(c, (0, 0))[0],
            "net": activity.get(c, (0, 0.0))[1],
            "degree": degree[c],
            "bloc": None,
            "events_query": {"actor": c} | p.filter.query(),
        }
        for c in candidates
        if c in degree
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
