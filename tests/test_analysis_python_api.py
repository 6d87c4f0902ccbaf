"""``newsgraph.open(path)``: the CLI's queries as DataFrames and Arrow tables, and the analysis CLI."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest
from click.testing import CliRunner

import newsgraph
from analysis_corpus import CAMP_EAST, JUNE
from newsgraph.cli import main
from newsgraph.errors import QueryError


@pytest.fixture(scope="module")
def ng(analysis_store):
    with newsgraph.open(analysis_store) as corpus:
        yield corpus


def test_analysis_python_api_dyads_dataframe(ng):
    df = ng.dyads("RUS", "PRK", start=JUNE[0], end=JUNE[1])
    total = df[df.direction == "total"].iloc[0]
    assert (total.events, total.mentions) == (2, 3)
    assert list(df.direction) == ["forward", "reverse", "total"]


@pytest.mark.parametrize(
    "method,kwargs",
    [
        ("articles", {}),
        ("actors", {}),
        ("quotes", {"q": "missiles"}),
        ("events", {"pair": "RUS,PRK"}),
        ("network", {"start": JUNE[0]}),
        ("nodes", {}),
        ("blocs", {}),
        ("changes", {"start": JUNE[0], "end": JUNE[1]}),
        ("timeline", {"actor": "RUS"}),
    ],
)
def test_analysis_python_api_arrow_matches_pandas(ng, method, kwargs):
    df = getattr(ng, method)(**kwargs)
    table = getattr(ng, method)(as_="arrow", **kwargs)
    assert isinstance(table, pa.Table)
    assert table.num_rows == len(df) > 0
    assert table.column_names == list(df.columns)


def test_analysis_python_api_blocs_and_graph(ng):
    blocs = ng.blocs(start=JUNE[0], end=JUNE[1])
    east = set(blocs[blocs.bloc == blocs.set_index("actor").loc["RUS", "bloc"]].actor)
    assert east == CAMP_EAST
    g = ng.graph(start=JUNE[0], end=JUNE[1])
    assert g.nodes["RUS"]["bloc"] == g.nodes["PRK"]["bloc"] != g.nodes["USA"]["bloc"]


def test_analysis_python_api_json_and_pages(ng):
    assert ng.dyads("RUS", "PRK", as_="json")["total"]["events"] == 2
    page = ng.actor("RUS")
    assert page["partners"][0]["code"] in CAMP_EAST
    assert {a["code"] for a in page["adversaries"]} >= {"USA", "NATO", "UKR"}
    art = ng.article("syn-06")
    text = art["article"]["text"]
    for q in art["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
    assert ng.status()["events"] > 0
    assert ng.search("Ellison")["quotes"]


def test_analysis_python_api_rejects_unknown_output(ng):
    with pytest.raises(QueryError):
        ng.timeline(actor="RUS", as_="excel")


@pytest.mark.parametrize(
    "args,check",
    [
        (["dyads", "RUS", "PRK", "--json"], lambda d: d["total"]["events"] == 2),
        (["network", "--json", "--since", JUNE[0], "--until", JUNE[1]], lambda d: len(d["nodes"]) == 10),
        (
            ["network", "--json", "--max-edges", "2"],
            lambda d: len(d["edges"]) == 2 < d["edges_total"] and d["params"]["max_edges"] == 2,
        ),
        (["blocs", "--json"], lambda d: d["membership"]["RUS"] == d["membership"]["IRN"]),
        (
            ["timeline", "--actor", "RUS", "--resolution", "month", "--json"],
            lambda d: [p["period"] for p in d["periods"]] == ["2024-05-01", "2024-06-01"],
        ),
        (
            [
                "network",
                "--since",
                JUNE[0],
                "--until",
                JUNE[1],
                "--baseline-since",
                "2024-05-01",
                "--baseline-until",
                "2024-05-31",
                "--json",
            ],
            lambda d: any(e["status"] == "new" for e in d["edges"]),
        ),
    ],
)
def test_analysis_cli_json_is_the_api_answer(analysis_store, args, check):
    result = CliRunner().invoke(main, [*args, "--store", str(analysis_store)])
    assert result.exit_code == 0, result.output
    assert check(json.loads(result.output))


@pytest.mark.parametrize(
    "args,header",
    [
        (["dyads", "USA", "RUS", "--csv"], "direction,pair,factuality,events"),
        (["network", "--csv"], "source,target,events"),
        (["blocs", "--csv"], "actor,bloc,bloc_size"),
        (["timeline", "--source", "RUS", "--target", "PRK", "--csv"], "period,start,end,events"),
    ],
)
def test_analysis_cli_csv(analysis_store, args, header):
    result = CliRunner().invoke(main, [*args, "--store", str(analysis_store)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(header)


def test_analysis_cli_tables_and_errors(analysis_store):
    ok = CliRunner().invoke(main, ["blocs", "--store", str(analysis_store)])
    assert ok.exit_code == 0 and "RUS" in ok.output
    bad = CliRunner().invoke(main, ["dyads", "RUS", "NOWHERE", "--store", str(analysis_store)])
    assert bad.exit_code == 2 and "unknown actor code 'NOWHERE'" in bad.output
