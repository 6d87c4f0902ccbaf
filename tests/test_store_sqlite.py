"""The embedded store on a real SQLite database under tmp_path, fed hand-built extractions."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from store_samples import TEXT_B, extraction_a, extraction_c

from newsgraph.errors import StoreError
from newsgraph.records import Quote
from newsgraph.store import DB_NAME, Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "store") as s:
        yield s


def rows(store: Store, sql: str, args=()) -> list[tuple]:
    conn = store.connect()
    try:
        return [tuple(r) for r in conn.execute(sql, args)]
    finally:
        conn.close()


def test_store_open_creates_directory_in_wal_mode(tmp_path):
    path = tmp_path / "a" / "b"
    with Store.open(path) as s:
        assert (path / DB_NAME).is_file()
        assert rows(s, "PRAGMA journal_mode") == [("wal",)]
        assert set(s.counts()) >= {"articles", "actors", "mentions", "quotes", "events", "event_mentions",
                                   "event_dyads", "person_facts"}


def test_store_write_round_trip(store):
    written = store.write([extraction_a(), extraction_c()], signatures={"art-a": b"\x01\x02"})
    assert sorted(written) == ["art-a", "art-c"]
    c = store.counts()
    assert c["articles"] == 2
    assert c["quotes"] == 2
    assert c["events"] == 6
    assert c["event_mentions"] == 6
    # Velkova, Russia, North Korea, NATO, Lantern Brigade, Ukraine / Brand, France, Germany (Ukraine shared)
    assert c["actors"] == 9

    art = rows(store, "SELECT id, published, source, duplicate_of, minhash FROM articles WHERE id = 'art-a'")
    assert art == [("art-a", "2024-03-05", "Synthetic Wire", None, b"\x01\x02")]
    assert rows(store, "SELECT minhash FROM articles WHERE id = 'art-c'") == [(None,)]

    keys = dict(rows(store, "SELECT key, kind FROM actors"))
    assert keys["RUS"] == "state" and keys["NATO"] == "organisation"
    assert keys["person:Mara Velkova"] == "person"
    assert keys["group:Lantern Brigade"] == "group"
    # Ukraine seen in both articles: its period spans them.
    assert rows(store, "SELECT first_seen, last_seen FROM actors WHERE key = 'UKR'") == [("2024-03-05", "2024-04-02")]

    quote = rows(store, "SELECT id, speaker_key, speaker_name, speaker_code, speaker_text, published, direct "
                        "FROM quotes WHERE article_id = 'art-a'")
    assert quote == [("art-a:q1", "person:Mara Velkova", "Mara Velkova", "UKR", "Mara Velkova", "2024-03-05", 1)]
    assert rows(store, "SELECT q.id FROM quotes_fts f JOIN quotes q ON q.n = f.rowid "
                       "WHERE quotes_fts MATCH 'artillery'") == [("art-a:q1",)]

    aid = rows(store, "SELECT e.id, e.sources, e.targets, e.mode, e.date, m.claimed_by, m.quote_id, m.evidence "
                      "FROM events e JOIN event_mentions m ON m.event_id = e.id "
                      "WHERE e.type = 'AID' AND m.article_id = 'art-a'")
    assert len(aid) == 1
    _, sources, targets, mode, when, claimed_by, quote_id, evidence = aid[0]
    assert (json.loads(sources), json.loads(targets), mode, when) == (["PRK"], ["RUS"], "military", "2024-03-04")
    assert (claimed_by, quote_id) == ("person:Mara Velkova", "art-a:q1")
    assert evidence.startswith("North Korea is shipping")


def test_store_event_dyads_use_codes_and_explode_pairs(store):
    ext = extraction_c()
    # "Germany and France will deliver ... to Ukraine": two sources, one pair each.
    ext.events[1].sources = ["a4", "a2"]
    store.write([ext])
    dyads = rows(store, "SELECT source, target, type, factuality, date FROM event_dyads ORDER BY type, source")
    assert dyads == [("DEU", "UKR", "AID", "future", "2024-04-02"),
                     ("FRA", "UKR", "AID", "future", "2024-04-02"),
                     ("DEU", "FRA", "CONSULT", "asserted", "2024-04-02")]  # Brand acts for DEU
    # An event without a target has no pair (THREATEN in extraction_a); one with a code-less actor uses its name.
    ext_a = extraction_a()
    ext_a.events[2].targets = ["a2"]
    store.write([ext_a])
    assert rows(store, "SELECT source, target FROM event_dyads WHERE type = 'THREATEN'") == [("Lantern Brigade", "RUS")]


def test_store_write_is_idempotent(store):
    store.write([extraction_a(), extraction_c()])
    before = store.counts()
    events_before = rows(store, "SELECT id, mention_count FROM events ORDER BY id")
    assert store.write([extraction_c(), extraction_a()]) == []
    assert store.counts() == before
    assert rows(store, "SELECT id, mention_count FROM events ORDER BY id") == events_before
    assert store.has_articles(["art-a", "art-x", "art-c"]) == {"art-a", "art-c"}


def test_store_same_article_twice_in_one_batch_is_written_once(store):
    assert store.write([extraction_a(), extraction_a()]) == ["art-a"]
    assert store.counts()["event_mentions"] == 4


def test_store_near_duplicates_share_events(store):
    store.write([extraction_a("art-a")])
    store.write([extraction_a("art-b", text=TEXT_B, duplicate_of="art-a")])
    c = store.counts()
    assert c["articles"] == 2
    assert c["events"] == 4
    assert c["event_mentions"] == 8
    assert rows(store, "SELECT DISTINCT mention_count FROM events") == [(2,)]
    assert rows(store, "SELECT DISTINCT first_article FROM events") == [("art-a",)]
    # The undated ACCUSE merged through the duplicate cluster, not through a date.
    accuse = rows(store, "SELECT date, mention_count FROM events WHERE type = 'ACCUSE'")
    assert accuse == [(None, 2)]
    assert c["event_dyads"] == 3  # pairs are not repeated per report


def test_store_undated_events_of_unrelated_articles_stay_apart(store):
    store.write([extraction_a("art-a")])
    store.write([extraction_a("art-d", text=TEXT_B)])  # same wording, not marked a near-duplicate
    accuse = rows(store, "SELECT mention_count, first_article FROM events WHERE type = 'ACCUSE' ORDER BY 2")
    assert accuse == [(1, "art-a"), (1, "art-d")]
    # Dated events are the same events whoever reports them.
    assert rows(store, "SELECT mention_count FROM events WHERE type = 'AID'") == [(2,)]


def test_store_failed_batch_leaves_nothing(store):
    store.write([extraction_c()])
    before = store.counts()
    bad = extraction_a()
    bad.quotes.append(Quote(text=None, start=0, end=1, direct=False))  # violates quotes.text NOT NULL
    with pytest.raises(StoreError) as err:
        store.write([replace(extraction_a("art-ok")), bad])
    assert str(store.path) in str(err.value)
    assert store.counts() == before
    assert store.has_articles(["art-ok", "art-a"]) == set()


def test_store_person_facts_upsert_latest_wins(store):
    store.write([extraction_a()], person_facts=[{"name": "Mara Velkova", "role": "Foreign Minister",
                                                 "code": "UKR", "country": "UKR", "seen": "2024-03-05"}])
    facts = store.person_facts()
    assert facts["Mara Velkova"] == {"role": "Foreign Minister", "code": "UKR", "country": "UKR",
                                     "seen": "2024-03-05"}
    store.write_person_facts([{"name": "Mara Velkova", "role": "Prime Minister", "seen": date(2025, 1, 1)},
                              {"name": "Ana Sol", "code": "CHL", "seen": None}])
    facts = store.person_facts()
    assert facts["Mara Velkova"] == {"role": "Prime Minister", "code": "UKR", "country": "UKR",
                                     "seen": "2025-01-01"}
    # An older statement does not override a newer one.
    store.write_person_facts([{"name": "Mara Velkova", "role": "Deputy", "seen": "2020-01-01"}])
    assert store.person_facts()["Mara Velkova"]["role"] == "Prime Minister"
    assert facts["Ana Sol"]["code"] == "CHL"


def test_store_minhash_signatures_roots_only(store):
    store.write([extraction_a("art-a"), extraction_a("art-b", text=TEXT_B, duplicate_of="art-a")],
                signatures={"art-a": b"A", "art-b": b"B"})
    assert sorted(store.minhash_signatures()) == [("art-a", b"A", None), ("art-b", b"B", "art-a")]
    assert list(store.minhash_signatures(roots_only=True)) == [("art-a", b"A", None)]


def test_store_readonly_refuses_missing_store_and_writes(tmp_path):
    with pytest.raises(StoreError, match="no newsgraph store"):
        Store.open(tmp_path / "nothing", readonly=True)
    Store.open(tmp_path / "s").close()
    with Store.open(tmp_path / "s", readonly=True) as ro:
        assert ro.counts()["articles"] == 0
        with pytest.raises(StoreError, match="read-only"):
            ro.write([extraction_a()])


def test_store_errors_name_the_store_path(tmp_path):
    not_a_db = tmp_path / "broken"
    not_a_db.mkdir()
    (not_a_db / DB_NAME).write_bytes(b"this is not an sqlite database" * 100)
    with pytest.raises(StoreError) as err:
        Store.open(not_a_db)
    assert str(not_a_db) in str(err.value)


def test_store_connect_is_read_only(store):
    store.write([extraction_a()])
    conn = store.connect()
    try:
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM articles")
    finally:
        conn.close()
    assert store.counts()["articles"] == 1


def test_store_quad_and_intensity_come_from_the_scorer(tmp_path):
    scores = {"AID": (2, 7.0), "ACCUSE": (3, -3.0)}
    with Store.open(tmp_path / "s", scorer=lambda t, m: scores.get(t, (None, None))) as s:
        s.write([extraction_a()])
        assert rows(s, "SELECT type, quad, intensity FROM events WHERE type IN ('AID', 'ACCUSE') ORDER BY type") == [
            ("ACCUSE", 3, -3.0), ("AID", 2, 7.0)]
        assert rows(s, "SELECT DISTINCT quad FROM event_dyads WHERE type = 'AID'") == [(2,)]


def test_store_actor_article_count_counts_articles_not_local_actors(store):
    ext = extraction_c()
    # The actor stage may leave Germany and "Berlin" as two local actors with one key.
    ext.actors.append(replace(ext.actors[3], id="a9", name="Berlin"))
    store.write([ext, extraction_a()])
    counts = dict(rows(store, "SELECT key, article_count FROM actors"))
    assert counts["DEU"] == 1 and counts["UKR"] == 2 and counts["RUS"] == 1


def test_store_reopen_upgrades_an_older_store(tmp_path):
    path = tmp_path / "old"
    with Store.open(path) as s:
        s.write([extraction_a(), extraction_c()])
        before = rows(s, "SELECT key, article_count FROM actors ORDER BY key")
        event_actors = rows(s, "SELECT * FROM event_actors ORDER BY 1, 2, 3")
    # Make it look like a store written before article_count and event_actors existed.
    with sqlite3.connect(path / DB_NAME) as conn:
        conn.executescript("DROP INDEX actors_article_count; ALTER TABLE actors DROP COLUMN article_count; "
                           "DROP TABLE event_actors;")
    with Store.open(path) as s:
        assert rows(s, "SELECT key, article_count FROM actors ORDER BY key") == before
        assert rows(s, "SELECT * FROM event_actors ORDER BY 1, 2, 3") == event_actors


AGG_TABLES = ("agg_ties_month", "agg_partner", "agg_actor_day", "agg_actor_type", "agg_pair_month")


def _aggregates(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    return {t: sorted(tuple(round(v, 6) if isinstance(v, float) else v for v in r)
                      for r in conn.execute(f"SELECT * FROM {t}")) for t in AGG_TABLES}


def test_store_aggregates_follow_writes_and_count_each_event_once(tmp_path):
    from newsgraph.store.sqlite import fill_aggregates

    ext_c = extraction_c()
    ext_c.events[1].sources = ["a4", "a2"]  # two sources to Ukraine: one event for Ukraine, two dyads
    with Store.open(tmp_path / "s") as s:
        s.write([extraction_a("art-a"), ext_c])
        s.write([extraction_a("art-a"), ext_c])  # re-ingest: nothing new
        s.write([extraction_a("art-b", text=TEXT_B, duplicate_of="art-a")])  # same events reported again
        with sqlite3.connect(s.db_path) as raw:
            # rows an older store or a bulk load may hold: a mirrored pair of one event, a self-pair
            eid = raw.execute("SELECT event_id FROM event_dyads WHERE type = 'CONSULT'").fetchone()[0]
            raw.execute("INSERT INTO event_dyads SELECT event_id, target, source, type, quad, intensity, "
                        "factuality, date FROM event_dyads WHERE event_id = ?", (eid,))
            raw.execute("INSERT INTO event_dyads SELECT event_id, source, source, type, quad, intensity, "
                        "factuality, date FROM event_dyads WHERE event_id = ? AND source < target", (eid,))
        conn = s._conn
        kept = _aggregates(conn)
        conn.execute("BEGIN")
        fill_aggregates(conn)
        assert _aggregates(conn) == kept  # the trigger, row by row, agrees with one pass over the store
        conn.execute("ROLLBACK")
    ukr_aid = [r for r in kept["agg_actor_type"] if r[0] == "UKR" and r[2] == "AID"]
    assert ukr_aid == [("UKR", "future", "AID", 2, 1, ukr_aid[0][5], 0.0)]
    # reported twice, stored once: each dated event of art-a counts once
    assert sum(r[4] for r in kept["agg_actor_day"] if r[0] == "RUS") == len(
        rows_of(tmp_path / "s", "SELECT DISTINCT event_id FROM event_dyads WHERE "
                "(source = 'RUS' OR target = 'RUS') AND source <> target AND date IS NOT NULL"))
    consult = [r for r in kept["agg_partner"] if {r[0], r[1]} == {"DEU", "FRA"}]
    assert [r[3] for r in consult] == [1, 1]  # the mirrored row is the same tie
    assert sum(r[3] for r in kept["agg_ties_month"]) == 2 * len(
        rows_of(tmp_path / "s", "SELECT 1 FROM event_dyads WHERE source <> target"))
    # the network's pairs: unordered, a row of event_dyads each (as its scan counts them)
    assert all(r[2] < r[3] for r in kept["agg_pair_month"])
    assert [r[4] for r in kept["agg_pair_month"] if (r[2], r[3]) == ("DEU", "FRA")] == [2]
    assert sum(r[4] for r in kept["agg_pair_month"]) == len(
        rows_of(tmp_path / "s", "SELECT 1 FROM event_dyads WHERE source <> target"))


def rows_of(path, sql: str) -> list[tuple]:
    with Store.open(path, readonly=True) as s:
        return rows(s, sql)


def test_store_reopen_fills_aggregates_of_an_older_store(tmp_path):
    path = tmp_path / "old"
    with Store.open(path) as s:
        s.write([extraction_a(), extraction_c()])
        kept = _aggregates(s._conn)
    assert kept["agg_ties_month"] and kept["agg_actor_type"]
    with sqlite3.connect(path / DB_NAME) as conn:
        drops = " ".join(f"DROP TABLE {t};" for t in AGG_TABLES)
        conn.executescript(
            "DROP TRIGGER event_dyads_aggregates; DROP TRIGGER event_dyads_pair_month; " + drops
        )
    with Store.open(path) as s:
        assert _aggregates(s._conn) == kept


def test_store_reopen_fills_the_pair_aggregate_of_a_store_from_before_it(tmp_path):
    from newsgraph.store.sqlite import fill_aggregates

    path = tmp_path / "old"
    with Store.open(path) as s:
        s.write([extraction_a()])
        kept = _aggregates(s._conn)
    assert kept["agg_pair_month"]
    with sqlite3.connect(path / DB_NAME) as conn:
        conn.executescript("DROP TRIGGER event_dyads_pair_month; DROP TABLE agg_pair_month;")
    with Store.open(path, readonly=True) as s:  # served as it is: the network scans the dyads
        from newsgraph.analysis import aggregates

        conn = s.connect()
        assert aggregates.available(conn) and not aggregates.available(conn, ("agg_pair_month",))
        conn.close()
    with Store.open(path) as s:
        assert _aggregates(s._conn) == kept
        s.write([extraction_c()])  # and the trigger keeps it from then on
        after = _aggregates(s._conn)
        s._conn.execute("BEGIN")
        fill_aggregates(s._conn)
        assert _aggregates(s._conn) == after
        s._conn.execute("ROLLBACK")
    assert after["agg_pair_month"] != kept["agg_pair_month"]
