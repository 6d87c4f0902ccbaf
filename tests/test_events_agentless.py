"""Violence and coercion reported without a named doer (patterns.agentless_victims): one event with
an empty source list and the victims as targets, and the store, listings, dyads and exports cope
with it. Every sentence here is synthetic and every named person fictional."""
from __future__ import annotations

import json

import pytest
from events_helpers import event_codes
from click.testing import CliRunner

from newsgraph.cli import main


@pytest.mark.parametrize("text, expected", [
    ("Synthetic: two Ghanaian soldiers were wounded near the border on Monday.",
     ("ASSAULT", "asserted", ("GHA",))),
    ("Synthetic: five Kenyan students were arrested by unknown men on Friday.",
     ("COERCE", "asserted", ("KEN",))),
    ("Synthetic report. A car bomb killed three Iraqi policemen on Sunday.",
     ("ASSAULT", "asserted", ("IRQ",))),
    ("Synthetic: two Ghanaian soldiers were reportedly killed on Monday.",
     ("ASSAULT", "alleged", ("GHA",))),
], ids=["passive_without_agent", "passive_with_unnamed_agent", "weapon_as_subject", "alleged_passive"])
def test_events_agentless_coded_with_empty_source(actors_and_events, text, expected):
    idx, events = actors_and_events(text)
    assert expected in {(t, f, g) for t, f, s, g in event_codes(idx.get, events) if not s}


@pytest.mark.parametrize("text", [
    "Synthetic: five Kenyan students were arrested by the Kenyan police on Friday.",
    "Synthetic: two Ghanaian soldiers could be wounded if the talks fail.",
    "Synthetic: an anti-Ghana journalist was killed on Monday.",
    "Synthetic: two Ghanaian ministers were praised on Monday.",
    "Synthetic: five journalists were killed on Monday.",
], ids=["named_agent_is_source", "hypothetical", "stance_modifier_is_no_victim", "not_violence",
        "no_actor_victim"])
def test_events_agentless_not_coded(actors_and_events, text):
    _, events = actors_and_events(text)
    assert not [e for e in events if not e.sources]


def test_events_agentless_store_and_exports(tmp_path):
    """Ingested, listed, exported and left out of dyads without failing."""
    (tmp_path / "a.txt").write_text("Synthetic report. Two Ghanaian soldiers were wounded near the border.\n")
    store = tmp_path / "store"
    runner = CliRunner()

    def invoke(*args):
        result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    invoke("ingest", tmp_path / "a.txt", "--store", store, "--no-progress", "--published", "2024-06-20")
    listed = json.loads(invoke("events", "--store", store, "--json"))
    assert any(e["type"] == "ASSAULT" and e["sources"] == [] and e["targets"] for e in listed)
    for fmt in ("plover", "gdelt", "csv"):
        out = tmp_path / f"events.{fmt}"
        invoke("export", "events", "--format", fmt, "--out", out, "--store", store)
        assert out.exists()
    plover = out.with_suffix(".plover").read_text()
    assert "ASSAULT" in plover
    # the victim is found by actor; no dyad is made without a source
    by_actor = json.loads(invoke("events", "--store", store, "--json", "--actor", "GHA"))
    assert [e for e in by_actor if e["sources"] == []]
    invoke("network", "--store", store)
