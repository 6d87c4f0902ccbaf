"""Louvain communities of an undirected weighted graph: networkx's algorithm on plain dicts.

``networkx.community.louvain_communities`` spends most of a month's bloc labelling (~40 ms of
a cold network request) in graph views rather than arithmetic. This is the same algorithm,
step for step, in the same order (networkx 3.x ``louvain_partitions``, ``_one_level``,
``_gen_graph`` and ``modularity``): the same nodes are visited in the same shuffled order, the
same neighbour communities are weighed in the same order and ties go the same way, so the
partition is the one networkx returns for the same seed. ``tests/test_analysis_louvain.py``
compares the two on random graphs and on the corpus.
"""

from __future__ import annotations

import random
from collections import defaultdict

THRESHOLD = 0.0000001  # networkx's default modularity gain per level


class _Graph:
    """What networkx's ``Graph`` keeps that Louvain reads: nodes (in order, with the original
    nodes each stands for) and adjacency dicts in insertion order."""

    __slots__ = ("adj", "members")

    def __init__(self):
        self.adj: dict = {}
        self.members: dict = {}

    def add_node(self, n, members=None):
        if n not in self.adj:
            self.adj[n] = {}
        if members is not None:
            self.members[n] = members

    def add_edge(self, u, v, w):
        self.add_node(u)
        self.add_node(v)
        self.adj[u][v] = w
        self.adj[v][u] = w

    def edges(self, nbunch=None):
        """(u, v, weight) once per edge, in networkx's ``G.edges(nbunch, data=True)`` order."""
        seen = set()
        nodes = self.adj if nbunch is None else [n for n in nbunch if n in self.adj]
        for n in nodes:
            for nbr, w in self.adj[n].items():
                if nbr not in seen:
                    yield n, nbr, w
            seen.add(n)

    def degrees(self) -> dict:
        """Weighted degree, a self-loop counted twice (networkx's ``G.degree(weight=...)``)."""
        return {n: sum(nbrs.values()) + (nbrs[n] if n in nbrs else 0) for n, nbrs in self.adj.items()}


def _modularity(g: _Graph, communities: list[set], resolution: float) -> float:
    degree = g.degrees()
    deg_sum = sum(degree.values())
    m = deg_sum / 2
    norm = 1 / deg_sum**2

    def contribution(community):
        comm = set(community)
        inner = sum(w for u, v, w in g.edges(comm) if v in comm)
        degree_sum = sum(degree[u] for u in comm)
        return inner / m - resolution * degree_sum * degree_sum * norm

    return sum(map(contribution, communities))


def _one_level(g: _Graph, m: float, partition: list[set], resolution: float, rng: random.Random):
    node2com = {u: i for i, u in enumerate(g.adj)}
    inner_partition = [{u} for u in g.adj]
    degrees = g.degrees()
    stot = list(degrees.values())
    nbrs = {u: {v: w for v, w in g.adj[u].items() if v != u} for u in g.adj}
    rand_nodes = list(g.adj)
    rng.shuffle(rand_nodes)
    nb_moves = 1
    improvement = False
    m2 = 2 * m**2
    while nb_moves > 0:
        nb_moves = 0
        for u in rand_nodes:
            best_mod = 0
            best_com = node2com[u]
            weights2com = defaultdict(float)
            for nbr, wt in nbrs[u].items():
                weights2com[node2com[nbr]] += wt
            degree = degrees[u]
            stot[best_com] -= degree
            remove_cost = -weights2com[best_com] / m + resolution * (stot[best_com] * degree) / m2
            for nbr_com, wt in weights2com.items():
                gain = remove_cost + wt / m - resolution * (stot[nbr_com] * degree) / m2
                if gain > best_mod:
                    best_mod = gain
                    best_com = nbr_com
            stot[best_com] += degree
            if best_com != node2com[u]:
                com = g.members.get(u, {u})
                partition[node2com[u]].difference_update(com)
                inner_partition[node2com[u]].remove(u)
                partition[best_com].update(com)
                inner_partition[best_com].add(u)
                improvement = True
                nb_moves += 1
                node2com[u] = best_com
    return list(filter(len, partition)), list(filter(len, inner_partition)), improvement


def _gen_graph(g: _Graph, partition: list[set]) -> _Graph:
    h = _Graph()
    node2com = {}
    for i, part in enumerate(partition):
        nodes = set()
        for node in part:
            node2com[node] = i
            nodes.update(g.members.get(node, {node}))
        h.add_node(i, nodes)
    for node1, node2, wt in g.edges():
        com1, com2 = node2com[node1], node2com[node2]
        h.add_edge(com1, com2, wt + h.adj.get(com1, {}).get(com2, 0))
    return h


def louvain_communities(nodes, edges, resolution: float = 1.0, seed: int = 0) -> list[set]:
    """Communities of the graph with ``nodes`` (in order) and weighted ``edges`` (a, b, w), as
    ``networkx.community.louvain_communities(G, weight="weight", resolution=..., seed=seed)``
    returns them for the ``nx.Graph`` built by ``add_nodes_from(nodes)`` and
    ``add_weighted_edges_from(edges)``."""
    rng = random.Random(seed)
    g = _Graph()
    for n in nodes:
        g.add_node(n)
    for a, b, w in edges:
        g.add_edge(a, b, w)
    partition = [{u} for u in g.adj]
    if not any(g.adj.values()):
        return partition
    mod = _modularity(g, partition, resolution)
    graph = _Graph()  # networkx copies the graph first: adjacency order becomes edge order
    for n in g.adj:
        graph.add_node(n)
    for a, b, w in list(g.edges()):
        graph.add_edge(a, b, w)
    m = sum(graph.degrees().values()) / 2
    partition, inner_partition, _ = _one_level(graph, m, partition, resolution, rng)
    while True:
        result = [s.copy() for s in partition]
        new_mod = _modularity(graph, inner_partition, resolution)
        if new_mod - mod <= THRESHOLD:
            return result
        mod = new_mod
        graph = _gen_graph(graph, inner_partition)
        partition, inner_partition, improvement = _one_level(graph, m, partition, resolution, rng)
        if not improvement:  # networkx stops without yielding this level (it moved nothing)
            return result
