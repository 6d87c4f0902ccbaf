"""Network, blocs and changes over the synthetic corpus (tests/analysis_corpus.py)."""

from __future__ import annotations

import pytest

from analysis_corpus import CAMP_EAST, CAMP_WEST, JUNE, MAY, distinct_events
from newsgraph.analysis import queries
from newsgraph.analysis.blocs import detect
from newsgraph.errors import QueryError
from newsgraph.events.ontology import Ontology


@pytest.fixture(scope="module")
def conn(analysis_conn):
    return analysis_conn


def expected_edges(start=JUNE[0], end=JUNE[1]) -> dict[tuple[str, str], tuple[int, float]]:
    onto = Ontology.load()
    out: dict[tuple[str, str], tuple[int, float]] = {}
    for s, t, typ, mode, _, _ in distinct_events(("asserted",), start, end):
        key = tuple(sorted((s, t)))
        n, net = out.get(key, (0, 0.0))
        out[key] = (n + 1, net + onto.intensity(typ, mode))
    return out


def test_analysis_network_edges_match_corpus_definition(conn):
    net = queries.network(conn, *JUNE)
    got = {(e["source"], e["target"]): (e["events"], e["net"]) for e in net["edges"]}
    want = expected_edges()
    assert set(got) == set(want)
    for key, (n, score) in want.items():
        assert got[key][0] == n
        assert got[key][1] == pytest.approx(score)
    for e in net["edges"]:
        assert e["sign"] == (e["net"] > 0) - (e["net"] < 0)
        assert e["weight"] == abs(e["net"])


def test_analysis_network_nodes_carry_label_kind_activity(conn):
    net = queries.network(conn, *JUNE)
    nodes = {n["id"]: n for n in net["nodes"]}
    assert set(nodes) == CAMP_EAST | CAMP_WEST
    assert nodes["NATO"]["kind"] == "organisation" and nodes["RUS"]["label"] == "Russia"
    rus_events = {e for e in distinct_events(("asserted",), *JUNE) if "RUS" in (e[0], e[1])}
    assert nodes["RUS"]["events"] == len(rus_events)


def test_analysis_network_min_events_and_max_nodes_prune(conn):
    net = queries.network(conn, *JUNE, min_events=2)
    assert {(e["source"], e["target"]) for e in net["edges"]} == {
        k for k, (n, _) in expected_edges().items() if n >= 2
    }
    small = queries.network(conn, *JUNE, max_nodes=3)
    assert len(small["nodes"]) <= 3
    kept = {n["id"] for n in small["nodes"]}
    assert all(e["source"] in kept and e["target"] in kept for e in small["edges"])


def test_analysis_network_kind_filter(conn):
    net = queries.network(conn, *JUNE, kind="organisation")
    assert net["nodes"] == [] and net["edges"] == []
    states = queries.network(conn, *JUNE, kind="state")
    assert "NATO" not in {n["id"] for n in states["nodes"]}


def test_analysis_network_quad_and_type_filters(conn):
    conflict = queries.network(conn, *JUNE, quad="3,4")
    assert conflict["edges"] and all(e["sign"] == -1 for e in conflict["edges"])
    aid = queries.network(conn, *JUNE, type="AID")
    assert {(e["source"], e["target"]) for e in aid["edges"]} == {
        ("IRN", "RUS"),
        ("PRK", "RUS"),
        ("KOR", "USA"),
        ("UKR", "USA"),
    }


def test_analysis_network_directed_keeps_direction(conn):
    net = queries.network(conn, *JUNE, directed=True)
    pairs = {(e["source"], e["target"]) for e in net["edges"]}
    assert ("USA", "NATO") in pairs and ("NATO", "USA") in pairs
    assert ("RUS", "PRK") in pairs and ("PRK", "RUS") in pairs


def test_analysis_blocs_separate_the_two_camps(conn):
    b = queries.blocs(conn, *JUNE)
    m = b["membership"]
    assert len({m[c] for c in CAMP_EAST}) == 1
    assert len({m[c] for c in CAMP_WEST}) == 1
    assert m["RUS"] != m["USA"]
    assert b["frustration"] == 0
    net = queries.network(conn, *JUNE)
    assert {n["id"]: n["bloc"] for n in net["nodes"]} == m


def _strength(e: dict):
    return (-e["weight"], -e["events"], e["source"], e["target"])


@pytest.mark.parametrize("n", [1, 4])
def test_analysis_network_max_edges_keeps_the_strongest(conn, n):
    full = queries.network(conn)
    assert full["edges_total"] == len(full["edges"]) > n
    top = queries.network(conn, max_edges=str(n))
    assert top["edges_total"] == full["edges_total"] and top["params"]["max_edges"] == n
    assert top["edges"] == [e for e in full["edges"] if e in sorted(full["edges"], key=_strength)[:n]]
    # nodes, their degree and bloc describe the whole network, not the edges shown
    assert top["nodes"] == full["nodes"]
    assert queries.network(conn, max_edges=str(len(full["edges"])))["edges"] == full["edges"]


def test_analysis_blocs_stable_over_the_whole_store(conn):
    m = queries.blocs(conn)["membership"]
    assert m["PRK"] == m["IRN"] == m["CHN"] == m["RUS"] != m["NATO"] == m["JPN"] == m["AUS"]


def test_analysis_blocs_negative_tie_moves_an_actor_out():
    # Louvain on the cooperation ties alone puts A..D in one bloc; A and D are at war
    import networkx as nx

    edges = [
        ("A", "B", 5.0),
        ("A", "C", 5.0),
        ("B", "C", 5.0),
        ("B", "D", 5.0),
        ("C", "D", 5.0),
        ("A", "D", -30.0),
    ]
    g = nx.Graph()
    g.add_weighted_edges_from(e for e in edges if e[2] > 0)
    assert len(nx.community.louvain_communities(g, weight="weight", seed=0)) == 1
    groups = detect(["A", "B", "C", "D"], edges)
    bloc = {n: i for i, grp in enumerate(groups) for n in grp}
    assert bloc["A"] != bloc["D"]
    assert bloc["B"] == bloc["C"]


def test_analysis_blocs_without_positive_edges_every_actor_alone():
    assert detect(["A", "B"], [("A", "B", -3.0)]) == [{"A"}, {"B"}]


def test_analysis_changes_new_and_strengthening_against_baseline(conn):
    ch = queries.changes(conn, *JUNE, baseline_start=MAY[0], baseline_end=MAY[1])
    status = {(e["source"], e["target"]): e["status"] for e in ch["edges"]}
    assert status[("PRK", "RUS")] == "new"
    assert status[("NATO", "USA")] == "strengthening"
    assert ("NATO", "RUS") not in status  # one event in each window: steady
    nato_usa = next(e for e in ch["edges"] if (e["source"], e["target"]) == ("NATO", "USA"))
    assert (nato_usa["events"], nato_usa["baseline_events"]) == (3, 1)


def test_analysis_changes_default_baseline_is_the_preceding_window(conn):
    ch = queries.changes(conn, "2024-06-01", "2024-06-30")
    assert ch["baseline"] == {"start": "2024-05-02", "end": "2024-05-31"}


@pytest.mark.parametrize(
    "kwargs,param",
    [
        ({}, "start"),
        ({"start": "2024-06-01", "end": "2024-06-30", "baseline_start": "2024-05-01"}, "baseline_start"),
        ({"start": "2024-06-01", "end": "2024-06-30", "limit": "100000"}, "limit"),
    ],
)
def test_analysis_changes_invalid_parameters(conn, kwargs, param):
    with pytest.raises(QueryError) as exc:
        queries.changes(conn, **kwargs)
    assert exc.value.param == param


@pytest.mark.parametrize(
    "kwargs,param",
    [
        ({"kind": "planet"}, "kind"),
        ({"max_nodes": "10000000"}, "max_nodes"),
        ({"min_events": "0"}, "min_events"),
        ({"directed": "maybe"}, "directed"),
        ({"resolution": "-1"}, "resolution"),
        ({"max_edges": "0"}, "max_edges"),
        ({"max_edges": "many"}, "max_edges"),
    ],
)
def test_analysis_network_invalid_parameters(conn, kwargs, param):
    with pytest.raises(QueryError) as exc:
        queries.network(conn, **kwargs)
    assert exc.value.param == param
