"""The pre-aggregated tables answer exactly what a scan of the dyads answers.

The corpus store (tests/analysis_corpus.py) is read twice: as written (the trigger kept its
``agg_*`` tables) and as a copy without them (a store written before they existed, opened
read-only), where every query scans ``event_dyads``. Windows cover whole months, parts of
months, both, open ends and no bound at all.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from analysis_corpus import ACTORS
from newsgraph.analysis import aggregates, queries
from newsgraph.analysis.params import Window
from newsgraph.store import DB_NAME, Store

WINDOWS = [
    ("2024-06-01", "2024-06-30"),  # one whole month
    ("2024-05-01", "2024-06-30"),  # two
    ("2024-06-05", "2024-06-20"),  # inside a month
    ("2024-05-10", "2024-06-15"),  # a month's end and the next one's start
    ("2024-04-20", "2024-06-30"),  # days, then whole months
    ("2024-05-01", "2024-06-19"),  # a whole month, then days
    (None, None),
    ("2024-06-01", None),
    (None, "2024-05-31"),
    ("2024-06-12", None),
    (None, "2024-06-12"),
    # the corpus runs from 2024-05-15 to 2024-06-25: bounds past its ends widen to whole months
    ("2024-05-03", "2024-06-27"),
    ("2024-05-15", "2024-06-25"),
    ("2024-05-16", "2024-06-24"),
    ("2024-04-20", "2024-07-10"),
]
CODES = sorted({code for _, code, _, _ in ACTORS.values()})


@pytest.fixture(scope="module")
def both(analysis_store, tmp_path_factory):
    """(connection with the aggregates, connection to a copy without them)."""
    bare = tmp_path_factory.mktemp("bare") / "store"
    bare.mkdir()
    src = sqlite3.connect(analysis_store / DB_NAME)
    dst = sqlite3.connect(bare / DB_NAME)
    src.backup(dst)
    src.close()
    dst.executescript(
        "DROP TRIGGER event_dyads_aggregates; DROP TABLE agg_ties_month; DROP TABLE agg_actor_day; "
        "DROP TABLE agg_actor_type; DROP TABLE agg_partner; "
        "DROP TRIGGER event_dyads_pair_month; DROP TABLE agg_pair_month;"
    )
    dst.close()
    with Store.open(analysis_store, readonly=True) as a, Store.open(bare, readonly=True) as b:
        ca, cb = a.connect(), b.connect()
        assert aggregates.available(ca) and not aggregates.available(cb)
        pairs = ("agg_pair_month",)
        assert aggregates.available(ca, pairs) and not aggregates.available(cb, pairs)
        yield ca, cb
        ca.close()
        cb.close()


@pytest.mark.parametrize("start,end", WINDOWS)
@pytest.mark.parametrize("factuality", [None, "all", "asserted,alleged"])
def test_analysis_aggregates_network_same_as_scan(both, start, end, factuality):
    with_agg, bare = both
    a = queries.network(with_agg, start, end, factuality=factuality, max_nodes="5")
    b = queries.network(bare, start, end, factuality=factuality, max_nodes="5")
    assert a == b
    assert queries.network(with_agg, start, end, factuality=factuality) == queries.network(
        bare, start, end, factuality=factuality
    )
    for extra in ({"kind": "state"}, {"kind": "state,organisation", "max_nodes": "3"}, {"min_events": "2"},
                  {"quad": "4"}, {"directed": "true", "max_nodes": "4"}, {"max_edges": "3"},
                  {"min_events": "2", "max_edges": "2"}):
        a = queries.network(with_agg, start, end, factuality=factuality, **extra)
        assert a == queries.network(bare, start, end, factuality=factuality, **extra), extra


@pytest.mark.parametrize("start,end", [w for w in WINDOWS if w[0] and w[1]])
def test_analysis_aggregates_changes_same_as_scan(both, start, end):
    with_agg, bare = both
    for extra in ({}, {"factuality": "all"}, {"min_events": "2"},
                  {"baseline_start": "2024-04-01", "baseline_end": "2024-05-31"}):
        a = queries.changes(with_agg, start, end, **extra)
        assert a == queries.changes(bare, start, end, **extra), extra


@pytest.mark.parametrize("start,end", WINDOWS)
@pytest.mark.parametrize("resolution", ["day", "week", "month"])
def test_analysis_aggregates_actor_timeline_same_as_scan(both, start, end, resolution):
    with_agg, bare = both
    for code in CODES:
        for extra in ({}, {"quad": "1,2"}, {"factuality": "all"}, {"type": "ACCUSE"}):
            a = queries.timeline(with_agg, actor=code, start=start, end=end, resolution=resolution, **extra)
            b = queries.timeline(bare, actor=code, start=start, end=end, resolution=resolution, **extra)
            assert a == b, (code, extra)


@pytest.mark.parametrize("resolution", ["week", "month"])
@pytest.mark.parametrize("factuality", [None, "all", "alleged"])
def test_analysis_aggregates_actor_page_same_as_scan(both, resolution, factuality):
    with_agg, bare = both
    keys = [r[0] for r in with_agg.execute("SELECT key FROM actors ORDER BY key")]
    assert keys
    for key in [*keys, *CODES]:
        a = queries.actor_page(with_agg, key, resolution=resolution, factuality=factuality)
        b = queries.actor_page(bare, key, resolution=resolution, factuality=factuality)
        assert a == b, key
    # a window is answered from the dyads: still the same
    windowed = {"start": "2024-06-05"}
    assert queries.actor_page(with_agg, "RUS", **windowed) == queries.actor_page(bare, "RUS", **windowed)


@pytest.mark.parametrize(
    "start,end,months,edges",
    [
        (None, None, ("", "9999-99"), []),
        ("2024-06-01", "2024-06-30", ("2024-06", "2024-06"), []),
        ("2024-06-02", "2024-06-30", None, [("2024-06-02", "2024-06-30")]),
        (
            "2024-05-31",
            "2024-07-01",
            ("2024-06", "2024-06"),
            [("2024-05-31", "2024-05-31"), ("2024-07-01", "2024-07-01")],
        ),
        ("2024-02-01", "2024-02-29", ("2024-02", "2024-02"), []),
        (None, "2024-03-15", ("0000-00", "2024-02"), [("2024-03-01", "2024-03-15")]),
        ("2024-03-15", None, ("2024-04", "9999-99"), [("2024-03-15", "2024-03-31")]),
        ("2024-03-15", "2024-04-10", None, [("2024-03-15", "2024-04-10")]),
    ],
)
def test_analysis_aggregates_split_months(start, end, months, edges):
    w = Window.parse(start, end)
    got_months, got_edges = aggregates.split_months(w)
    assert got_months == months
    assert [(e.start.isoformat(), e.end.isoformat()) for e in got_edges] == [
        (date.fromisoformat(a).isoformat(), date.fromisoformat(b).isoformat()) for a, b in edges
    ]
