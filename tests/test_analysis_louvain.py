"""The dict-based Louvain returns exactly networkx's communities (same seed, same graph)."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from newsgraph.analysis.louvain import louvain_communities


def _networkx(nodes, edges, resolution, seed):
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_weighted_edges_from(edges)
    return nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)


def _graph(rng: random.Random, n: int, p: float, blocks: int):
    nodes = sorted(f"N{i:03d}" for i in range(n))
    edges = []
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            same = int(a[1:]) % blocks == int(b[1:]) % blocks
            if rng.random() < (p * 3 if same else p):
                edges.append((a, b, round(rng.uniform(0.1, 9.0), 3)))
    rng.shuffle(edges)
    return nodes, edges


@pytest.mark.parametrize("case", range(40))
def test_analysis_louvain_same_as_networkx_on_random_graphs(case):
    rng = random.Random(case)
    size, density, blocks = rng.choice([5, 20, 60, 150]), rng.choice([0.02, 0.08, 0.2]), rng.choice([2, 4, 7])
    nodes, edges = _graph(rng, size, density, blocks)
    if case % 5 == 0 and edges:
        edges.append((edges[0][0], edges[0][0], 2.5))  # a self-loop
        edges.append((edges[1][1], edges[1][0], 1.25))  # an edge given twice: the last weight wins
    resolution = rng.choice([0.5, 1.0, 1.7])
    for seed in (0, 7):
        ours = louvain_communities(nodes, edges, resolution, seed)
        assert ours == _networkx(nodes, edges, resolution, seed)


def test_analysis_louvain_without_edges_every_node_alone():
    assert louvain_communities(["a", "b"], []) == [{"a"}, {"b"}]
