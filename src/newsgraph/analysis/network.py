"""The actor network: nodes are actors, edges aggregated dyads with a sign and a weight.

An edge counts the distinct events between two actors that pass the filter; its ``net``
score is cooperation minus conflict (PLOVER intensities), its ``sign`` the sign of ``net``
and its ``weight`` ``|net|``. Undirected by default (the pair in sorted order), since blocs
and Gephi layouts want one tie per pair; ``directed=True`` keeps source -> target.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
from dataclasses import dataclass

from ..errors import QueryError
from ..records import ACTOR_KINDS
from . import aggregates
from .params import EventFilter, parse_bool, parse_int, split_values

MAX_NODES = 5000
MAX_EDGES = 1_000_000

# Undirected edges of whole months come from the pair aggregate (one row per pair and month);
# otherwise aggregation happens in SQLite over the covering index event_dyads_window, so a
# month of a million-event store is index range scans and GROUP BYs rather than tens of
# thousands of Python rows. The store writes one row per event and unordered pair (a mirrored
# "X and Y met" is one row), so an edge's count(*) counts distinct events. A node's activity is
# the number of ties it has in the window (an event with two targets gives its source two ties).
# Nodes are ranked first; edges are then aggregated among the kept nodes only (``{keep}``), so
# a month with tens of thousands of pairs returns only the edges that are shown.
_EDGES = """
SELECT {a} AS a, {b} AS b, count(*),
       total(CASE WHEN d.intensity > 0 THEN d.intensity END),
       -total(CASE WHEN d.intensity < 0 THEN d.intensity END),
       sum(d.quad IS 1), sum(d.quad IS 2), sum(d.quad IS 3), sum(d.quad IS 4)
FROM event_dyads d WHERE d.source <> d.target AND {where} {keep}
GROUP BY a, b HAVING count(*) >= ?
"""
# unary + keeps the planner on the window's range scan: probing every pair of kept nodes costs more
_KEEP = "AND +d.source IN (SELECT value FROM json_each(?)) AND +d.target IN (SELECT value FROM json_each(?))"
# Ties per actor on one side; two GROUP BYs of one range each sort half what a UNION would.
_NODES = """
SELECT d.{side}, count(*), total(d.intensity) FROM event_dyads d
WHERE d.source <> d.target AND {where} GROUP BY d.{side}
"""
# Reports behind an edge = its events + what the events reported more than once add; those are
# few and found through the partial index events_reported, so no query joins every event.
_EXTRA_REPORTS = """
SELECT {a} AS a, {b} AS b, total(e.mention_count - 1)
FROM events e CROSS JOIN event_dyads d ON d.event_id = e.id
WHERE e.mention_count > 1 AND {ewhere} AND d.source <> d.target AND {where} {keep}
GROUP BY a, b
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
    max_edges: int | None = None  # None: every edge among the kept nodes

    @classmethod
    def parse(cls, start=None, end=None, min_events=None, kind=None, max_nodes=None, directed=False,
              max_edges=None, **flt) -> "NetworkParams":
        """``flt`` are the ``EventFilter.parse`` parameters besides the window (type, quad, factuality)."""
        kinds = tuple(k.lower() for k in split_values(kind))
        for k in kinds:
            if k not in ACTOR_KINDS:
                raise QueryError(f"kind: {k[:40]!r} is not an actor kind ({', '.join(ACTOR_KINDS)})", "kind")
        return cls(
            EventFilter.parse(start, end, **flt),
            parse_int(min_events, "min_events", 1, 1, 1_000_000),
            kinds,
            parse_int(max_nodes, "max_nodes", 200, 1, MAX_NODES),
            parse_bool(directed, "directed"),
            parse_int(max_edges, "max_edges", None, 1, MAX_EDGES),
        )

    def as_json(self) -> dict:
        return {
            **self.filter.query(),
            "min_events": self.min_events,
            "kind": list(self.kinds),
            "max_nodes": self.max_nodes,
            "directed": self.directed,
            "max_edges": self.max_edges,
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


def _cursor(conn: sqlite3.Connection) -> sqlite3.Cursor:
    cur = conn.cursor()
    cur.row_factory = None  # plain tuples: cheaper for thousands of rows
    return cur


def edge_accumulators(
    conn: sqlite3.Connection, flt: EventFilter, directed: bool = False, keep: list[str] | None = None,
    min_events: int = 1,
) -> dict[tuple[str, str], list]:
    """pair -> [events, cooperation, conflict, q1, q2, q3, q4] of the events passing ``flt``, among
    ``keep`` (every actor when None), for pairs with at least ``min_events`` events: undirected
    from the monthly pair aggregate where it can answer, else from the dyads."""
    if not directed:
        acc = aggregates.pair_edges(
            conn, flt, keep, min_events, lambda c, f, k: _scan_edges(c, f, False, k, 1)
        )
        if acc is not None:
            return acc
    return _scan_edges(conn, flt, directed, keep, min_events)


def _scan_edges(
    conn: sqlite3.Connection, flt: EventFilter, directed: bool, keep: list[str] | None, min_events: int
) -> dict[tuple[str, str], list]:
    where, args = flt.where("d")
    keep_sql, keep_args = ("", []) if keep is None else (_KEEP, [json.dumps(keep)] * 2)
    sql = _EDGES.format(where=where, keep=keep_sql, **_pair_sql(directed))
    return {(a, b): rest for a, b, *rest in _cursor(conn).execute(sql, [*args, *keep_args, min_events])}


def activity(conn: sqlite3.Connection, flt: EventFilter) -> dict[str, tuple[int, float]]:
    """code -> (ties, net intensity) of every actor with a tie passing ``flt``: from the monthly
    aggregates where they can answer, else (and for the days at a window's edges) from the dyads."""
    return aggregates.ties(conn, flt, _scan_activity)


def _scan_activity(conn: sqlite3.Connection, flt: EventFilter) -> dict[str, tuple[int, float]]:
    where, args = flt.where("d")
    ties: dict[str, tuple[int, float]] = {}
    cur = _cursor(conn)
    for side in ("source", "target"):
        for c, n, x in cur.execute(_NODES.format(side=side, where=where), args):
            m, y = ties.get(c, (0, 0.0))
            ties[c] = (m + n, y + x)
    return ties


def _edge(key: tuple[str, str], acc: list, net: float | None = None) -> dict:
    if net is None:
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
    """Every edge passing ``flt`` (no pruning, no report counts): what ``changes`` compares."""
    return [_edge(k, acc) for k, acc in edge_accumulators(conn, flt, directed).items()]


def _extra_reports(conn: sqlite3.Connection, flt: EventFilter, directed: bool, keep: list[str]) -> dict:
    where, args = flt.where("d")
    ewhere, eargs = EventFilter(window=flt.window, factuality=None).where("e")
    sql = _EXTRA_REPORTS.format(where=where, ewhere=ewhere, keep=_KEEP, **_pair_sql(directed))
    return {(a, b): int(m) for a, b, m in _cursor(conn).execute(sql, [*eargs, *args, *[json.dumps(keep)] * 2])}


def _most_active(conn: sqlite3.Connection, ranked: sqlite3.Cursor, p: NetworkParams):
    """The first ``max_nodes`` actors of a ranking of (code, ties, net) that pass the kind filter."""
    labels = _all_labels(conn)
    ties: dict[str, tuple[int, float]] = {}
    top: list[str] = []
    for c, n, x in ranked:
        if len(top) == p.max_nodes:
            break
        if p.kinds and labels.get(c, {"kind": None})["kind"] not in p.kinds:
            continue
        ties[c] = (n, x)
        top.append(c)
    ranked.close()
    return ties, top


def _strongest(order: list, nets: dict, n: int | None) -> set | None:
    """The ``n`` edges of largest weight (``|net|``; more events, then the pair, break ties: the
    order of ``order``), or None when all are kept. The dashboard draws only so many lines:
    building and sending the others is most of a month's answer."""
    if n is None or len(order) <= n:
        return None
    weight = {k: abs(v) for k, v in nets.items()}
    # a stable sort keeps ``order`` among equal weights; C-level keys, no Python call per edge
    return set(sorted(order, key=weight.__getitem__, reverse=True)[:n])


def network(conn: sqlite3.Connection, params: NetworkParams | None = None, blocs=None) -> dict:
    """Nodes and edges of the network; the ``max_nodes`` most active actors (after the kind filter)
    and the edges among them with at least ``min_events`` events, the ``max_edges`` strongest of
    them when set (``edges_total`` counts them all). ``blocs(nodes, signed_edges)`` -> {actor: bloc},
    when given, labels the nodes; it sees every edge, so a bloc does not depend on ``max_edges``."""
    p = params or NetworkParams()
    ranked = aggregates.ranked_ties(conn, p.filter) if p.min_events == 1 else None
    if ranked is not None:  # read the ranking only as far as the kept nodes
        ties, top = _most_active(conn, ranked, p)
    else:
        ties = activity(conn, p.filter)
        if p.min_events > 1:  # only actors on an edge strong enough can be shown
            strong = edge_accumulators(conn, p.filter, p.directed, None, p.min_events)
            linked = {c for k in strong for c in k}
        else:
            linked = set(ties)
        if p.kinds:
            info = actor_info(conn, linked)
            linked = [c for c in linked if info[c]["kind"] in p.kinds]
        # the max_nodes most active of thousands: a heap, not a sort of them all
        top = heapq.nsmallest(p.max_nodes, linked, key=lambda c: (-ties[c][0], c))
    info = actor_info(conn, top)
    keep = sorted(top)
    kept = edge_accumulators(conn, p.filter, p.directed, keep, p.min_events) if keep else {}
    # most events first, then the pair: two stable sorts with C-level keys (reverse keeps ties in order)
    order = sorted(kept)
    order.sort(key={k: acc[0] for k, acc in kept.items()}.__getitem__, reverse=True)
    nets = {k: round(acc[1] - acc[2], 3) for k, acc in kept.items()}
    shown = _strongest(order, nets, p.max_edges)
    extra = _extra_reports(conn, p.filter, p.directed, keep) if kept else {}
    fq = p.filter.query()
    edges, degree = [], dict.fromkeys(keep, 0)
    for key in order:
        degree[key[0]] += 1
        degree[key[1]] += 1
        if shown is not None and key not in shown:
            continue
        acc = kept[key]
        e = _edge(key, acc, nets[key])
        e["mentions"] = acc[0] + extra.get(key, 0)
        link = {"source": key[0], "target": key[1]} if p.directed else {"pair": f"{key[0]},{key[1]}"}
        e["events_query"] = link | fq
        edges.append(e)
    ids = [c for c in top if degree[c]]
    members = blocs(ids, [(*k, nets[k]) for k in order]) if blocs is not None else {}
    nodes = [
        {
            "id": c,
            "label": info[c]["label"],
            "kind": info[c]["kind"],
            "events": ties[c][0],
            "net": round(ties[c][1], 3),
            "degree": degree[c],
            "bloc": members.get(c),
            "events_query": {"actor": c} | fq,
        }
        for c in ids
    ]
    return {"params": p.as_json(), "nodes": nodes, "edges": edges, "edges_total": len(kept)}


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
