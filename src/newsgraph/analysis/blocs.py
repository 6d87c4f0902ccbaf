"""Blocs: communities of the signed actor network.

Method ("signed-louvain"), in two steps:

1. Louvain (networkx's algorithm, run on plain dicts by louvain.py) on the graph of *positive*
   edges, weighted by net cooperation: actors that cooperate more with each other than chance would predict end up together.
2. Negative edges penalise: repeated local moves put each actor in the bloc (or alone) where
   its positive ties minus its negative ties are largest. Each move lowers the weighted
   frustration (positive weight across blocs plus negative weight inside blocs), so the loop
   ends; an actor that only fights its Louvain bloc is moved out of it.

Deterministic for a given ``seed`` (nodes are visited in sorted order).
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from .louvain import louvain_communities
from .network import NetworkParams, network

MAX_PASSES = 50


def detect(
    nodes: list[str], edges: list[tuple[str, str, float]], resolution: float = 1.0, seed: int = 0
) -> list[set[str]]:
    """Blocs of a signed undirected graph given as (a, b, net) edges."""
    # networkx's Louvain, step for step, without its graph views (half the time; see louvain.py)
    parts = louvain_communities(sorted(nodes), [(a, b, w) for a, b, w in edges if w > 0], resolution, seed)
    bloc = {n: i for i, part in enumerate(sorted(parts, key=lambda p: sorted(p))) for n in part}

    adj: dict[str, dict[str, float]] = {n: {} for n in nodes}
    for a, b, w in edges:
        if a != b:
            adj[a][b] = adj[a].get(b, 0.0) + w
            adj[b][a] = adj[b].get(a, 0.0) + w
    next_id = len(parts)
    order = sorted(nodes)
    ties = {n: list(adj[n].items()) for n in order}
    # A node none of whose neighbours moved since it last stayed (or moved) would stay again, so
    # a pass visits only the neighbours of nodes that moved: the same moves, in the same order.
    dirty = set(order)
    for _ in range(MAX_PASSES):
        moved = False
        for n in order:
            if n not in dirty:
                continue
            dirty.discard(n)
            pull: dict[int, float] = {}
            for m, w in ties[n]:
                b = bloc[m]
                pull[b] = pull.get(b, 0.0) + w
            here = pull.get(bloc[n], 0.0)
            best, best_pull = bloc[n], here
            for b, p in sorted(pull.items()):
                if p > best_pull + 1e-9:
                    best, best_pull = b, p
            if best_pull < -1e-9 or (best == bloc[n] and here < -1e-9):
                best = next_id  # alone beats every bloc it has ties to
                next_id += 1
            if best != bloc[n]:
                bloc[n] = best
                moved = True
                dirty.update(adj[n])
        if not moved:
            break
    groups: dict[int, set[str]] = {}
    for n, b in bloc.items():
        groups.setdefault(b, set()).add(n)
    return sorted(groups.values(), key=lambda g: (-len(g), sorted(g)))


def frustration(edges: list[tuple[str, str, float]], membership: dict[str, int]) -> tuple[int, float]:
    """Edges (and their weight) that disagree with the partition."""
    count, weight = 0, 0.0
    for a, b, w in edges:
        same = membership[a] == membership[b]
        if (w > 0 and not same) or (w < 0 and same):
            count += 1
            weight += abs(w)
    return count, round(weight, 3)


def blocs(
    conn: sqlite3.Connection,
    params: NetworkParams | None = None,
    resolution: float = 1.0,
    seed: int = 0,
    net: dict | None = None,
) -> dict:
    """Blocs of the undirected network selected by ``params`` (see ``network``)."""
    import networkx as nx

    # every edge, undirected: the blocs of a network do not depend on how many edges it shows
    params = replace(params or NetworkParams(), directed=False, max_edges=None)
    net = net or network(conn, params)
    nodes, edges = _signed(net)
    groups = detect(nodes, edges, resolution, seed)
    membership = _membership(groups)
    internal = [0.0] * len(groups)
    external = [0.0] * len(groups)
    for a, b, w in edges:
        if membership[a] == membership[b]:
            internal[membership[a]] += w
        else:
            external[membership[a]] += w
            external[membership[b]] += w
    out_blocs = [
        {
            "id": i,
            "members": sorted(g),
            "size": len(g),
            "internal_net": round(internal[i], 3),
            "external_net": round(external[i], 3),
        }
        for i, g in enumerate(groups)
    ]
    pos = nx.Graph()
    pos.add_nodes_from(nodes)
    pos.add_weighted_edges_from((a, b, w) for a, b, w in edges if w > 0)
    modularity = (
        round(nx.community.modularity(pos, groups, weight="weight"), 4) if pos.number_of_edges() else None
    )
    n_frust, w_frust = frustration(edges, membership)
    return {
        "method": "signed-louvain",
        "resolution": resolution,
        "seed": seed,
        "blocs": out_blocs,
        "membership": dict(sorted(membership.items())),
        "frustration": n_frust,
        "frustration_weight": w_frust,
        "modularity": modularity,
        "params": net["params"],
    }


def _signed(net: dict) -> tuple[list[str], list[tuple[str, str, float]]]:
    return [n["id"] for n in net["nodes"]], [(e["source"], e["target"], e["net"]) for e in net["edges"]]


def _membership(groups: list[set[str]]) -> dict[str, int]:
    return {n: i for i, g in enumerate(groups) for n in g}


def labeller(resolution: float = 1.0, seed: int = 0):
    """``network(..., blocs=labeller())``: the nodes' blocs from every edge of the network, before
    ``max_edges`` drops the weaker ones (the partition ``blocs`` finds)."""
    return lambda nodes, edges: _membership(detect(nodes, edges, resolution, seed))
