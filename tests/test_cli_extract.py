"""``newsgraph extract`` through the front door: the JSON contract, bad inputs, stdin."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"
ARTICLE = DATA / "synthetic_summit.txt"


def run_extract(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", "extract", *args],
                          input=stdin, capture_output=True, timeout=300)


def _codes(record, kind=None):
    return {a["code"] for a in record["actors"] if kind is None or a["kind"] == kind}


def test_cli_extract_prints_the_contract():
    proc = run_extract(str(ARTICLE), "--published", "2024-03-08", "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    [line] = proc.stdout.decode().splitlines()
    record = json.loads(line)
    assert record["version"] == 1
    assert set(record) == {"version", "article", "actors", "quotes", "events"}
    assert record["article"]["published"] == "2024-03-08"
    assert {"POL", "JPN", "RUS", "IRN", "PRK", "CHN", "UKR", "BLR"} <= _codes(record, "state")
    persons = {a["name"]: a for a in record["actors"] if a["kind"] == "person"}
    assert persons["Anna Kowalczyk"]["code"] == "POL" and persons["Kenji Morita"]["code"] == "JPN"
    text = ARTICLE.read_text(encoding="utf-8")
    for q in record["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    for e in record["events"]:
        ev = e["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        assert e["factuality"] in {"asserted", "negated", "hypothetical", "future", "demanded", "alleged"}
    ids = {a["id"]: a for a in record["actors"]}
    triples = {(ids[s]["code"], e["type"], ids[t]["code"], e["factuality"])
               for e in record["events"] for s in e["sources"] for t in e["targets"]}
    assert ("IRN", "AID", "RUS", "asserted") in triples
    assert ("EU", "SANCTION", "BLR", "asserted") in triples
    assert not any(t[:3] == ("CHN", "AID", "RUS") and t[3] == "asserted" for t in triples)


def test_cli_extract_reports_bad_inputs_and_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "lines.jsonl").write_text('{"text": "Synthetic: France and Germany held talks."}\n{not json\n',
                                          encoding="utf-8")
    proc = run_extract(str(tmp_path))
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "empty.txt" in err and "junk.txt" in err and "lines.jsonl:2" in err
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(records) == 2


def test_cli_extract_reads_stdin():
    proc = run_extract("-", stdin=ARTICLE.read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    assert "RUS" in _codes(json.loads(proc.stdout.decode()))
