"""Exports of the synthetic analysis corpus: each format read back by the tool it is meant for."""

from __future__ import annotations

import csv
import json
import re

import duckdb
import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from analysis_corpus import CAMP_EAST, distinct_events
from newsgraph import export as exports
from newsgraph.cli import main
from newsgraph.errors import QueryError
from newsgraph.store import TABLES

# The PLOVER manual's event-record fields (its "Data Fields" chapter), and the required ones.
PLOVER_FIELDS = {
    "id",
    "has_event",
    "date",
    "time",
    "enddate",
    "endtime",
    "actor",
    "recipient",
    "event",
    "event_loc",
    "event_text",
    "quad_code",
    "event_scale",
    "mode",
    "context",
    "link",
    "text",
    "text_info",
    "cite_info",
    "coder",
    "coded_date",
    "coded_time",
    "comment",
}
PLOVER_REQUIRED = {"id", "date", "actor", "event"}
NEWSGRAPH_EXTRA = {"cameo", "factuality", "claimed_by", "mention_count", "date_resolution", "evidence"}


@pytest.fixture(scope="module")
def conn(analysis_conn):
    return analysis_conn


def count(conn, table):
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_export_csv_all_tables(conn, tmp_path):
    written = exports.export(conn, "all", "csv", tmp_path / "csv")
    assert sorted(p.name for p in written) == sorted(f"{t}.csv" for t in TABLES)
    for t in TABLES:
        df = pd.read_csv(tmp_path / "csv" / f"{t}.csv")
        assert len(df) == count(conn, t)
    articles = pd.read_csv(tmp_path / "csv" / "articles.csv")
    assert "minhash" not in articles.columns and "text" in articles.columns


def test_export_parquet_loads_in_duckdb_and_pandas(conn, tmp_path):
    exports.export(conn, "all", "parquet", tmp_path / "pq")
    for t in ("events", "event_dyads", "quotes", "articles"):
        path = tmp_path / "pq" / f"{t}.parquet"
        assert duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[
            0
        ] == count(conn, t)
        assert len(pd.read_parquet(path)) == count(conn, t)
    dyads = pd.read_parquet(tmp_path / "pq" / "event_dyads.parquet")
    assert dyads["intensity"].dtype == "float64" and dyads["quad"].dtype == "int64"


def test_export_one_table_to_a_file(conn, tmp_path):
    (path,) = exports.export(conn, "events", "parquet", tmp_path / "sub" / "ev.parquet")
    assert path.name == "ev.parquet" and len(pd.read_parquet(path)) == count(conn, "events")


def test_export_plover_records_have_the_manual_fields(conn, tmp_path):
    (path,) = exports.export(conn, "events", "plover", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert len(records) == count(conn, "events")
    for r in records:
        assert PLOVER_REQUIRED <= set(r)
        assert set(r) <= PLOVER_FIELDS | NEWSGRAPH_EXTRA
        assert all("code" in a for a in r["actor"] + r["recipient"])
        assert r["quad_code"] in (1, 2, 3, 4) and isinstance(r["event"], list)
        assert r["event_text"]
    by_fact = {r["factuality"]: r for r in records}
    assert by_fact["future"]["context"] == ["future"]
    assert by_fact["hypothetical"]["context"] == ["hypothetical"]
    assert by_fact["alleged"]["claimed_by"] == ["person:Mara Ellison"]
    shells = next(r for r in records if r["actor"][0]["code"] == "PRK" and r["event"] == ["AID"])
    assert shells["mention_count"] == 2 and len(shells["event_text"]) == 2


def test_export_plover_fields_agree_with_the_manual(shared_dir):
    manual = shared_dir / "datasets" / "plover-gsr" / "PLOVER_MANUAL.tex"
    if not manual.is_file():
        pytest.skip("PLOVER manual not present")
    text = manual.read_text("utf-8", errors="replace")
    table = text[text.index("caption{PLOVER JSON") : text.index("label{tab:json}")]
    names = {m.replace("\\_", "_") for m in re.findall(r"^([a-z\\_]+) &", table, flags=re.M)}
    required = {m.replace("\\_", "_") for m in re.findall(r"^([a-z\\_]+) &.*& Y\s*\\\\", table, flags=re.M)}
    assert names == PLOVER_FIELDS
    assert required == PLOVER_REQUIRED


def test_export_gdelt_table(conn, tmp_path):
    (path,) = exports.export(conn, "events", "gdelt", tmp_path / "events.tsv")
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) == len(distinct_events(("asserted",)))
    assert {r["Factuality"] for r in rows} == {"asserted"}
    for r in rows:
        assert r["QuadClass"] in {"1", "2", "3", "4"}
        assert re.fullmatch(r"\d{8}", r["SQLDATE"])
        if r["EventCode"]:
            assert r["EventRootCode"] == r["EventCode"][:2]
    usa_rus = next(r for r in rows if (r["Actor1Code"], r["Actor2Code"]) == ("USA", "RUS"))
    assert usa_rus["QuadClass"] == "4" and float(usa_rus["GoldsteinScale"]) < 0
    assert usa_rus["Actor1Name"] == "United States" and usa_rus["Actor1CountryCode"] == "USA"
    every = exports.export(conn, "events", "gdelt", tmp_path / "all.tsv", {"factuality": "all"})[0]
    assert len(every.read_text("utf-8").splitlines()) - 1 == len(distinct_events(None))


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_network_loads_in_networkx(conn, tmp_path, fmt, reader):
    (path,) = exports.export(conn, "network", fmt, tmp_path / f"net.{fmt}", {"start": "2024-06-01"})
    g = reader(path)
    assert g.number_of_nodes() == 10
    assert {g.nodes[n]["bloc"] for n in CAMP_EAST} == {g.nodes["RUS"]["bloc"]}
    assert g.nodes["RUS"]["bloc"] != g.nodes["USA"]["bloc"]
    assert g.edges["RUS", "USA"]["sign"] == -1 and g.edges["PRK", "RUS"]["sign"] == 1


def test_export_registry_accepts_a_plugin(conn, tmp_path):
    def write_count(c, table, out, options):
        out.write_text(str(c.execute("SELECT count(*) FROM events").fetchone()[0]))
        return [out]

    exports.register(exports.Exporter("count", "number of events", ("events",), ".txt", write_count))
    assert "count" in exports.names()
    (path,) = exports.export(conn, "events", "count", tmp_path / "n.txt")
    assert path.read_text() == str(count(conn, "events"))


@pytest.mark.parametrize(
    "table,fmt,param",
    [("events", "xlsx", "format"), ("network", "csv", "table"), ("articles", "plover", "table")],
)
def test_export_rejects_unknown_format_or_table(conn, tmp_path, table, fmt, param):
    with pytest.raises(QueryError) as exc:
        exports.export(conn, table, fmt, tmp_path / "x")
    assert exc.value.param == param


def test_export_cli(analysis_store, tmp_path):
    out = tmp_path / "graph.gexf"
    result = CliRunner().invoke(
        main,
        [
            "export",
            "network",
            "--format",
            "gexf",
            "--out",
            str(out),
            "--store",
            str(analysis_store),
            "--since",
            "2024-06-01",
        ],
    )
    assert result.exit_code == 0, result.output
    assert nx.read_gexf(out).number_of_nodes() == 10
    bad = CliRunner().invoke(
        main,
        [
            "export",
            "events",
            "--format",
            "xlsx",
            "--out",
            str(tmp_path / "x"),
            "--store",
            str(analysis_store),
        ],
    )
    assert bad.exit_code == 2 and "unknown export format" in bad.output
