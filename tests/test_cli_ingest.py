"""``newsgraph ingest``, ``summary`` and the listings through click's CliRunner, on real stores."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner
from store_samples import TEXT_B, corpus_jsonl, corpus_text, extraction_a, extraction_c

from newsgraph.cli import main
from newsgraph.store import DB_NAME, Store


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def built_store(tmp_path):
    """A store written from hand-built extractions (no NLP), for the listing commands."""
    path = tmp_path / "built"
    with Store.open(path) as store:
        store.write([extraction_a("art-a"), extraction_a("art-b", text=TEXT_B, duplicate_of="art-a"),
                     extraction_c("art-c")])
    return path


def invoke(runner, *args, env=None):
    return runner.invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)


def table_counts(store) -> dict[str, int]:
    with Store.open(store, readonly=True) as s:
        return s.counts()


# ----------------------------------------------------------------------------- ingest (real pipeline)

def test_cli_ingest_then_reingest_changes_nothing(runner, tmp_path):
    inputs = tmp_path / "stories.jsonl"
    inputs.write_text(corpus_jsonl(4), encoding="utf-8")
    store = tmp_path / "store"
    first = invoke(runner, "ingest", inputs, "--store", store, "--no-progress")
    assert first.exit_code == 0, first.output
    assert "ingested 4 new article(s)" in first.output
    assert "4 articles" in first.output  # the summary printed at the end
    counts = table_counts(store)
    assert counts["articles"] == 4 and counts["quotes"] > 0 and counts["events"] > 0

    second = invoke(runner, "ingest", inputs, "--store", store, "--no-progress")
    assert second.exit_code == 0
    assert "ingested 0 new article(s)" in second.output and "4 already stored" in second.output
    assert table_counts(store) == counts


def test_cli_ingest_bad_inputs_reported_rest_ingested(runner, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(corpus_text(1), encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "broken.jsonl").write_text('{"text": "Synthetic line that is fine, about Norway and Sweden."}\n'
                                         '{"text": \n', encoding="utf-8")
    store = tmp_path / "store"
    result = invoke(runner, "ingest", inputs, "--store", store, "--no-progress", "--published", "2024-02-01")
    assert result.exit_code == 2
    assert "empty.txt" in result.stderr and "broken.jsonl" in result.stderr
    assert "2 input(s) could not be read" in result.stderr
    assert "ingested 2 new article(s)" in result.stdout
    with sqlite3.connect(store / DB_NAME) as conn:
        assert {r[0] for r in conn.execute("SELECT published FROM articles")} == {"2024-02-01"}


def test_cli_ingest_marks_near_duplicates_and_merges_their_events(runner, tmp_path):
    text = corpus_text(3)
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "two.txt").write_text(text + " This copy of the story was updated later.", encoding="utf-8")
    store = tmp_path / "store"
    assert invoke(runner, "ingest", tmp_path / "one.txt", "--store", store, "--no-progress",
                  "--published", "2024-06-01").exit_code == 0
    alone = table_counts(store)
    assert alone["events"] > 0
    result = invoke(runner, "ingest", tmp_path / "two.txt", "--store", store, "--no-progress",
                    "--published", "2024-06-01", "--json")
    assert result.exit_code == 0
    report = json.loads(result.output)["report"]
    assert report["written"] == 1 and report["duplicates"] == 1
    with sqlite3.connect(store / DB_NAME) as conn:
        dup = conn.execute("SELECT duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchall()
        assert len(dup) == 1
        # The copy's events are the first copy's events, reported twice.
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == alone["events"]
        assert conn.execute("SELECT min(mention_count) FROM events").fetchone()[0] == 2


def test_cli_ingest_store_from_environment(runner, tmp_path):
    inputs = tmp_path / "one.txt"
    inputs.write_text(corpus_text(5), encoding="utf-8")
    store = tmp_path / "env-store"
    result = invoke(runner, "ingest", inputs, "--no-progress", env={"NEWSGRAPH_STORE": str(store)})
    assert result.exit_code == 0, result.output
    assert (store / DB_NAME).is_file()
    summary = invoke(runner, "summary", "--json", env={"NEWSGRAPH_STORE": str(store)})
    assert json.loads(summary.output)["counts"]["articles"] == 1


# ----------------------------------------------------------------------------- summary and listings

def test_cli_summary_table_and_json(runner, built_store):
    text = invoke(runner, "summary", "--store", built_store)
    assert text.exit_code == 0
    assert "3 articles (1 near-duplicates)" in " ".join(text.output.split())
    assert "strongest actor pairs" in text.output and "PRK (North Korea)" in text.output
    data = json.loads(invoke(runner, "summary", "--store", built_store, "--json").output)
    assert data["counts"]["events"] == 6
    assert data["pairs"][0]["events"] >= data["pairs"][-1]["events"]


def test_cli_summary_missing_store_is_an_error(runner, tmp_path):
    result = invoke(runner, "summary", "--store", tmp_path / "none")
    assert result.exit_code == 1
    assert "no newsgraph store" in result.output


def test_cli_events_json_with_evidence(runner, built_store):
    result = invoke(runner, "events", "--store", built_store, "--source", "PRK", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [(r["type"], r["targets"], r["mention_count"]) for r in rows] == [("AID", ["Russia"], 2)]
    assert rows[0]["evidence"].startswith("North Korea is shipping")


def test_cli_events_table_shows_evidence(runner, built_store):
    result = invoke(runner, "events", "--store", built_store, "--type", "CONSULT")
    assert result.exit_code == 0
    assert "Ivo Brand → France" in result.output and "CONSULT/visit (asserted)" in result.output
    assert "in Paris." in result.output


def test_cli_quotes_csv_full_text(runner, built_store):
    result = invoke(runner, "quotes", "--store", built_store, "--text", "air defence", "--csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["speaker"], r["id"]) for r in rows] == [("Ivo Brand", "art-c:q1")]


def test_cli_articles_and_actors_listings(runner, built_store):
    arts = json.loads(invoke(runner, "articles", "--store", built_store, "--no-duplicates", "--json").output)
    assert [a["id"] for a in arts] == ["art-c", "art-a"]
    result = invoke(runner, "actors", "--store", built_store, "--kind", "person", "--limit", "1")
    assert result.exit_code == 0
    assert "more: --offset 1" in result.output


@pytest.mark.parametrize("args, message", [
    (["events", "--factuality", "certain"], "factuality"),
    (["events", "--since", "yesterday"], "since"),
    (["events", "--type", "INVADE"], "type"),
    (["quotes", "--limit", "5000"], "limit"),
    (["actors", "--kind", "company"], "kind"),
], ids=["unknown-factuality", "bad-date", "unknown-type", "limit-over-maximum", "unknown-kind"])
def test_cli_listing_validation_errors(runner, built_store, args, message):
    result = invoke(runner, *args, "--store", built_store)
    assert result.exit_code == 2
    assert message in result.output
