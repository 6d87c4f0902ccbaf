"""Timelines per actor and per dyad by quad category (corpus: tests/analysis_corpus.py)."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest

from analysis_corpus import JUNE, distinct_events
from newsgraph.analysis import queries
from newsgraph.errors import QueryError
from newsgraph.events.ontology import Ontology


@pytest.fixture(scope="module")
def conn(analysis_conn):
    return analysis_conn


def expected(actor, resolution, start=None, end=None):
    onto = Ontology.load()
    out: dict[str, Counter] = {}
    for s, t, typ, _, day, _ in distinct_events(("asserted",), start, end):
        if actor not in (s, t):
            continue
        if resolution == "week":
            p = day - timedelta(days=day.weekday())
        elif resolution == "month":
            p = day.replace(day=1)
        else:
            p = day
        c = out.setdefault(p.isoformat(), Counter())
        c["events"] += 1
        c[f"quad{onto.quad(typ)}"] += 1
    return out


@pytest.mark.parametrize("resolution", ["day", "week", "month"])
@pytest.mark.parametrize("actor", ["RUS", "USA", "UKR"])
def test_analysis_timeline_actor_matches_corpus(conn, actor, resolution):
    t = queries.timeline(conn, actor=actor, resolution=resolution)
    want = expected(actor, resolution)
    got = {p["period"]: p for p in t["periods"] if p["events"]}
    assert set(got) == set(want)
    for period, c in want.items():
        assert got[period]["events"] == c["events"]
        for q in (1, 2, 3, 4):
            assert got[period][f"quad{q}"] == c[f"quad{q}"]


def test_analysis_timeline_fills_empty_periods_in_the_window(conn):
    t = queries.timeline(conn, actor="RUS", start="2024-05-01", end="2024-06-30", resolution="week")
    periods = [p["period"] for p in t["periods"]]
    assert periods[0] == "2024-04-29" and periods[-1] == "2024-06-24"
    assert len(periods) == 9
    assert t["periods"][0]["start"] == "2024-05-01"  # clipped to the window
    assert sum(p["events"] for p in t["periods"]) == sum(
        c["events"] for c in expected("RUS", "week").values()
    )


def test_analysis_timeline_week_of_june_10(conn):
    t = queries.timeline(conn, actor="RUS", start=JUNE[0], end=JUNE[1], resolution="week")
    week = next(p for p in t["periods"] if p["period"] == "2024-06-10")
    assert (week["events"], week["quad1"], week["quad2"], week["quad3"], week["quad4"]) == (5, 2, 3, 0, 0)
    assert week["events_query"]["start"] == "2024-06-10" and week["events_query"]["end"] == "2024-06-16"
    listed = queries.events(conn, **week["events_query"])
    assert listed["total"] == 5


def test_analysis_timeline_dyad_both_directions_or_directed(conn):
    both = queries.timeline(conn, source="RUS", target="PRK", resolution="month")
    assert sum(p["events"] for p in both["periods"]) == 2
    directed = queries.timeline(conn, source="RUS", target="PRK", resolution="month", directed=True)
    assert sum(p["events"] for p in directed["periods"]) == 1


def test_analysis_timeline_factuality_all_adds_claimed_events(conn):
    asserted = queries.timeline(conn, actor="RUS", resolution="month")
    every = queries.timeline(conn, actor="RUS", resolution="month", factuality="all")
    assert sum(p["events"] for p in every["periods"]) - sum(p["events"] for p in asserted["periods"]) == 3


@pytest.mark.parametrize(
    "kwargs,param",
    [
        ({}, "actor"),
        ({"actor": "RUS", "source": "USA"}, "actor"),
        ({"source": "RUS"}, "actor"),
        ({"actor": "ATLANTIS"}, "actor"),
        ({"actor": "RUS", "resolution": "year"}, "resolution"),
        ({"actor": "RUS", "resolution": "day", "start": "1000-01-01", "end": "9999-01-01"}, "resolution"),
    ],
)
def test_analysis_timeline_invalid_parameters(conn, kwargs, param):
    with pytest.raises(QueryError) as exc:
        queries.timeline(conn, **kwargs)
    assert exc.value.param == param
