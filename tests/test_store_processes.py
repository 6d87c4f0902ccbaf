"""The store's guarantees between real processes: a reader during an ingest, kill -9, resume.

The ingest runs the real CLI and pipeline in a child process; test-only environment hooks
slow it down (a pause between batches, a pause inside each write transaction before COMMIT)
so that the reader and the kill land while a batch is being written.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from store_samples import corpus_jsonl

from newsgraph.ingest_run import PAUSE_ENV
from newsgraph.store import DB_NAME
from newsgraph.store.sqlite import COMMIT_PAUSE_ENV, TXN_MARKER

BATCH = 2
N_ARTICLES = 8

pytestmark = pytest.mark.slow


def ingest_cmd(store: Path, inputs: Path) -> list[str]:
    return [sys.executable, "-c", "from newsgraph.cli import main; main()", "ingest", str(inputs),
            "--store", str(store), "--batch-size", str(BATCH), "--no-progress"]


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    env.update(extra)
    return env


def ingest(store: Path, inputs: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(ingest_cmd(store, inputs), env=child_env(**env), capture_output=True, text=True,
                          timeout=600)


def snapshot(store: Path) -> dict[str, list[tuple]]:
    """Every row that matters, ingest times left out, in a stable order."""
    conn = sqlite3.connect(store / DB_NAME)
    try:
        q = {
            "articles": "SELECT id, ref, published, duplicate_of, minhash IS NOT NULL FROM articles",
            "actors": "SELECT key, name, kind, code, role, first_seen, last_seen FROM actors",
            "article_actors": "SELECT * FROM article_actors",
            "mentions": "SELECT * FROM mentions",
            "quotes": "SELECT id, article_id, text, start, speaker_key FROM quotes",
            "events": "SELECT id, type, factuality, date, sources, targets, first_article, mention_count FROM events",
            "event_mentions": "SELECT event_id, article_id, seq, claimed_by, quote_id, evidence FROM event_mentions",
            "event_dyads": "SELECT * FROM event_dyads",
            "person_facts": "SELECT * FROM person_facts",
            "quotes_fts": "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'weapons'",
        }
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in q.items()}
    finally:
        conn.close()


def article_count(store: Path) -> int:
    if not (store / DB_NAME).exists():
        return 0
    conn = sqlite3.connect(f"{(store / DB_NAME).as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "stories.jsonl"
    path.write_text(corpus_jsonl(N_ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(tmp_path_factory, corpus) -> dict[str, list[tuple]]:
    """The rows of one uninterrupted ingest of the corpus."""
    store = tmp_path_factory.mktemp("reference") / "store"
    done = ingest(store, corpus)
    assert done.returncode == 0, done.stderr
    snap = snapshot(store)
    assert len(snap["articles"]) == N_ARTICLES
    assert snap["events"] and snap["quotes"], "the pipeline found no events or quotes in the corpus"
    return snap


READER = textwrap.dedent("""
    import json, sqlite3, sys, time
    db, stop_file, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
    import os
    while not os.path.exists(db):
        time.sleep(0.01)
    conn = sqlite3.connect("file:" + db + "?mode=ro", uri=True, timeout=30, isolation_level=None)
    marker = os.path.join(os.path.dirname(db), sys.argv[4])
    seen, reads, during, violations, errors = set(), 0, 0, [], []
    while not os.path.exists(stop_file):
        open_before = os.path.exists(marker)
        try:
            conn.execute("BEGIN")
            arts = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            reports = conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
            counted = conn.execute("SELECT coalesce(sum(mention_count), 0) FROM events").fetchone()[0]
            orphans = conn.execute(
                "SELECT (SELECT count(*) FROM event_mentions WHERE article_id NOT IN (SELECT id FROM articles))"
                " + (SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles))"
                " + (SELECT count(*) FROM event_mentions WHERE event_id NOT IN (SELECT id FROM events))"
                " + (SELECT count(*) FROM articles a WHERE NOT EXISTS"
                "    (SELECT 1 FROM article_actors x WHERE x.article_id = a.id))").fetchone()[0]
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                conn.execute("ROLLBACK") if conn.in_transaction else None
                continue
            errors.append(str(exc))
            break
        # A read that began and ended while the writer held its transaction open was not blocked.
        if open_before and os.path.exists(marker):
            during += 1
        reads += 1
        seen.add(arts)
        if arts % batch or reports != counted or orphans:
            violations.append([arts, reports, counted, orphans])
    print(json.dumps({"reads": reads, "seen": sorted(seen), "during": during, "violations": violations,
                      "errors": errors}))
""")


def test_store_reader_process_reads_consistent_batches_during_ingest(tmp_path, corpus, reference):
    store = tmp_path / "store"
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(store / DB_NAME), str(stop), str(BATCH), TXN_MARKER],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
    try:
        # Every write transaction holds its rows uncommitted for 0.5 s: a reader blocked by the
        # writer could not complete a read while the transaction is open.
        done = ingest(store, corpus, **{COMMIT_PAUSE_ENV: "0.5", PAUSE_ENV: "0.2"})
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(out)
    assert result["errors"] == [], err
    assert result["violations"] == []
    assert result["reads"] > 20
    # The reader saw the store grow batch by batch, not only the end state.
    assert len([n for n in result["seen"] if 0 < n < N_ARTICLES]) >= 2, result["seen"]
    assert result["during"] > 0, "no read completed while a write transaction was open"
    assert snapshot(store) == reference


def test_store_kill_9_mid_batch_then_resume_gives_exact_rows(tmp_path, corpus, reference):
    store = tmp_path / "store"
    proc = subprocess.Popen(ingest_cmd(store, corpus), env=child_env(**{COMMIT_PAUSE_ENV: "1.0"}),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while article_count(store) < 2 * BATCH:
            assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read()}"
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.05)
        # The next batch is now inside its 1 s transaction: kill the writer holding it.
        time.sleep(0.3)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    killed_at = article_count(store)
    assert killed_at % BATCH == 0 and 0 < killed_at < N_ARTICLES
    partial = snapshot(store)
    # Nothing half-written: whatever is there is exactly the reference's rows of those articles.
    kept = {row[0] for row in partial["articles"]}
    assert partial["event_mentions"] == [r for r in reference["event_mentions"] if r[1] in kept]
    assert partial["quotes"] == [r for r in reference["quotes"] if r[1] in kept]

    resumed = ingest(store, corpus)
    assert resumed.returncode == 0, resumed.stderr
    assert f"ingested {N_ARTICLES - killed_at} new article(s)" in resumed.stdout
    assert snapshot(store) == reference

    again = ingest(store, corpus)
    assert "ingested 0 new article(s)" in again.stdout
    assert snapshot(store) == reference
