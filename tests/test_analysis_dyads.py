"""Dyads over a stored corpus whose events are known by construction (tests/analysis_corpus.py)."""

from __future__ import annotations

from datetime import date

import pytest

from analysis_corpus import ARTICLES, JUNE, distinct_events, reports
from newsgraph.analysis import queries
from newsgraph.errors import QueryError


@pytest.fixture(scope="module")
def conn(analysis_conn):
    return analysis_conn


def expected(onto, source, target, factualities=("asserted",), start=JUNE[0], end=JUNE[1]):
    """Counts for source -> target computed from the corpus definition."""
    evs = [e for e in distinct_events(factualities, start, end) if (e[0], e[1]) == (source, target)]
    scores = [onto.intensity(t, m) for _, _, t, m, _, _ in evs]
    return {
        "events": len(evs),
        "mentions": sum(reports(s, tg, t, d) for s, tg, t, _, d, _ in evs),
        "net": round(sum(scores), 3),
        "types": sorted(t for _, _, t, _, _, _ in evs),
        "quads": sorted(onto.quad(t) for _, _, t, _, _, _ in evs),
    }


@pytest.mark.parametrize(
    "source,target",
    [("RUS", "PRK"), ("IRN", "RUS"), ("USA", "RUS"), ("NATO", "USA"), ("JPN", "CHN"), ("AUS", "USA")],
)
def test_analysis_dyads_match_corpus_definition(conn, onto, source, target):
    d = queries.dyads(conn, source, target, *JUNE)
    for direction, (s, t) in (("forward", (source, target)), ("reverse", (target, source))):
        want = expected(onto, s, t)
        got = d[direction]
        assert got["events"] == want["events"]
        assert got["mentions"] == want["mentions"]
        assert got["net"] == pytest.approx(want["net"])
        assert sorted(t for t, n in got["by_type"].items() for _ in range(n)) == want["types"]
        assert sorted(int(q) for q, n in got["by_quad"].items() for _ in range(n)) == want["quads"]
    assert d["total"]["events"] == d["forward"]["events"] + d["reverse"]["events"]


def test_analysis_dyads_event_reported_twice_counts_once_with_two_mentions(conn):
    d = queries.dyads(conn, "PRK", "RUS", *JUNE)
    assert d["forward"]["events"] == 1 and d["forward"]["by_type"] == {"AID": 1}
    assert d["forward"]["mentions"] == 2


def test_analysis_dyads_sign_of_net_score(conn):
    assert queries.dyads(conn, "PRK", "RUS")["total"]["net"] > 0
    usa_rus = queries.dyads(conn, "USA", "RUS")
    assert usa_rus["total"]["net"] < 0
    assert usa_rus["total"]["conflict"] > 0 and usa_rus["total"]["cooperation"] == 0


def test_analysis_dyads_other_factualities_counted_apart(conn):
    plain = queries.dyads(conn, "RUS", "IRN", *JUNE)
    assert "other_factualities" not in plain and "normalized" not in plain
    assert plain["reverse"]["events"] == 1  # the asserted drone delivery only
    full = queries.dyads(conn, "RUS", "IRN", *JUNE, include_other=True)
    assert full["reverse"] == plain["reverse"]
    assert set(full["other_factualities"]) == {"alleged"}
    assert full["other_factualities"]["alleged"]["reverse"]["events"] == 1
    every = queries.dyads(conn, "RUS", "IRN", *JUNE, factuality="all")
    assert every["reverse"]["events"] == 2


def test_analysis_dyads_intended_and_hypothetical_do_not_add_to_conflict(conn):
    asserted = queries.dyads(conn, "USA", "RUS", *JUNE)
    other = queries.dyads(conn, "USA", "RUS", *JUNE, include_other=True)["other_factualities"]
    assert asserted["forward"]["by_type"] == {"SANCTION": 1}
    assert other["future"]["forward"]["by_type"] == {"SANCTION": 1}
    hypo = queries.dyads(conn, "CHN", "RUS", *JUNE, include_other=True)
    assert hypo["forward"]["by_type"] == {"SUPPORT": 1}
    assert hypo["other_factualities"]["hypothetical"]["forward"]["by_type"] == {"AID": 1}


def test_analysis_dyads_window_bounds_are_inclusive(conn):
    assert queries.dyads(conn, "NATO", "RUS")["forward"]["events"] == 2
    assert queries.dyads(conn, "NATO", "RUS", "2024-05-15", "2024-05-15")["forward"]["events"] == 1
    assert queries.dyads(conn, "NATO", "RUS", "2024-05-16", "2024-06-19")["forward"]["events"] == 0


def test_analysis_dyads_normalized_by_articles_in_window(conn):
    june = [a for a in ARTICLES if date(2024, 6, 1) <= a[1] <= date(2024, 6, 30)]
    d = queries.dyads(conn, "RUS", "PRK", *JUNE, normalize=True)
    assert d["articles_in_window"] == len(june)
    assert d["normalized"]["events_per_article"] == pytest.approx(d["total"]["events"] / len(june), abs=1e-4)


def test_analysis_dyads_evidence_reaches_sentence_article_and_quote(conn):
    d = queries.dyads(conn, "RUS", "IRN", *JUNE, factuality="alleged", evidence=5)
    (event,) = d["events"]
    (ev,) = event["evidence"]
    assert ev["sentence"] == "Russia is receiving missiles from Iran."
    assert ev["article"]["id"] == "syn-06" and ev["article"]["url"].endswith("syn-06")
    assert ev["claimed_by"] == "person:Mara Ellison"
    assert ev["quote"]["speaker_name"] == "Mara Ellison"
    assert ev["quote"]["text"] == ev["sentence"]
    listed = queries.events(conn, **d["events_query"])
    assert [e["id"] for e in listed["items"]] == [event["id"]]


@pytest.mark.parametrize(
    "kwargs,param",
    [
        ({"source": "RUS", "target": "XXX"}, "target"),
        ({"source": "RUS'; DROP TABLE events; --", "target": "PRK"}, "source"),
        ({"source": "RUS", "target": "PRK", "start": "2024-02-30"}, "start"),
        ({"source": "RUS", "target": "PRK", "start": "2024-06-30", "end": "2024-06-01"}, "start"),
        ({"source": "RUS", "target": "PRK", "type": "HUG"}, "type"),
        ({"source": "RUS", "target": "PRK", "quad": "5"}, "quad"),
        ({"source": "RUS", "target": "PRK", "factuality": "rumoured"}, "factuality"),
        ({"source": "RUS", "target": "PRK", "evidence": "1000"}, "evidence"),
        ({"source": None, "target": "PRK"}, "source"),
    ],
)
def test_analysis_dyads_invalid_parameters_raise_query_error(conn, kwargs, param):
    with pytest.raises(QueryError) as exc:
        queries.dyads(conn, **kwargs)
    assert exc.value.param == param
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0
