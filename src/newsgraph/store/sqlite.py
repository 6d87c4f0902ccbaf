"""The embedded store: one SQLite database in WAL mode inside a directory.

One call to :meth:`Store.write` is one transaction, so a batch is either all there or not
there at all, whatever happens to the process; readers (the CLI, the HTTP API, pandas) are
never blocked by the writer. docs/storage.md explains the choice and the tables.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from ..errors import StoreError
from ..records import Extraction
from .rows import Rows, Scorer, extraction_rows, person_fact_row

DB_NAME = "newsgraph.sqlite"
# Test-only hook: seconds to sleep inside each write transaction, before COMMIT, so that a
# test can kill a writer while it holds uncommitted rows, or time readers against it.
COMMIT_PAUSE_ENV = "NEWSGRAPH_TEST_COMMIT_PAUSE"
TXN_MARKER = "write-transaction-open"  # exists while the commit-pause test hook holds a transaction
SCHEMA_VERSION = 1
TABLES = ("articles", "actors", "article_actors", "mentions", "quotes", "events", "event_actors",
          "event_mentions", "event_dyads", "person_facts")

_INSERTS: dict[str, str] = {
    # Articles already stored are filtered out before these run, so a key collision in
    # articles, quotes or event_mentions is a bug and must fail the batch, not vanish.
    "articles": "INSERT INTO articles (id, ref, title, url, published, source, language, text, "
                "duplicate_of, minhash, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    # First name, kind and code seen win; missing facts are filled in; the period widens.
    "actors": "INSERT INTO actors (key, name, kind, code, sector, role, country, first_seen, last_seen, "
              "article_count) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET "
              "article_count = actors.article_count + excluded.article_count, "
              "sector = coalesce(actors.sector, excluded.sector), role = coalesce(actors.role, excluded.role), "
              "country = coalesce(actors.country, excluded.country), "
              "first_seen = CASE WHEN actors.first_seen IS NULL OR excluded.first_seen < actors.first_seen "
              "THEN coalesce(excluded.first_seen, actors.first_seen) ELSE actors.first_seen END, "
              "last_seen = CASE WHEN actors.last_seen IS NULL OR excluded.last_seen > actors.last_seen "
              "THEN coalesce(excluded.last_seen, actors.last_seen) ELSE actors.last_seen END",
    "article_actors": "INSERT OR IGNORE INTO article_actors (article_id, local_id, actor_key) VALUES (?,?,?)",
    "mentions": "INSERT OR IGNORE INTO mentions (article_id, local_id, actor_key, start, \"end\", text) "
                "VALUES (?,?,?,?,?,?)",
    "quotes": "INSERT INTO quotes (id, article_id, text, start, \"end\", direct, cue, cue_start, "
              "cue_end, speaker_key, speaker_name, speaker_code, speaker_text, speaker_start, speaker_end, "
              "published) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "events": "INSERT INTO events (id, type, mode, cameo, quad, intensity, factuality, date, date_resolution, "
              "location, sources, targets, first_article) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
              "ON CONFLICT(id) DO UPDATE SET mention_count = events.mention_count + 1, "
              "mode = coalesce(events.mode, excluded.mode), cameo = coalesce(events.cameo, excluded.cameo), "
              "location = coalesce(events.location, excluded.location)",
    "event_actors": "INSERT OR IGNORE INTO event_actors (event_id, role, actor_key) VALUES (?,?,?)",
    "event_mentions": "INSERT INTO event_mentions (event_id, article_id, seq, claimed_by, quote_id, "
                      "evidence, evidence_start, evidence_end, trigger, trigger_start, trigger_end, confidence) "
                      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "event_dyads": "INSERT OR IGNORE INTO event_dyads (event_id, source, target, type, quad, intensity, "
                   "factuality, date) VALUES (?,?,?,?,?,?,?,?)",
    # The most recently dated statement about a person wins; a fact without a date never
    # overrides a dated one, and nothing known is erased by a missing field.
    "person_facts": "INSERT INTO person_facts (name, role, code, country, seen) VALUES (?,?,?,?,?) "
                    "ON CONFLICT(name) DO UPDATE SET "
                    "role = coalesce(excluded.role, person_facts.role), "
                    "code = coalesce(excluded.code, person_facts.code), "
                    "country = coalesce(excluded.country, person_facts.country), "
                    "seen = excluded.seen "
                    "WHERE person_facts.seen IS NULL OR excluded.seen >= person_facts.seen",
}


@lru_cache(maxsize=1)
def _ontology():
    from ..events.ontology import Ontology

    return Ontology.load()


def ontology_scores(type_: str, mode: str | None) -> tuple[int | None, float | None]:
    """quad and intensity of a PLOVER type (and mode) from the ontology; NULL for a type it
    does not know, so one odd event cannot fail a whole batch."""
    onto = _ontology()
    if type_ not in onto.event_types:
        return None, None
    return onto.quad(type_), onto.intensity(type_, mode)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A newsgraph store directory. Open with :meth:`open`; use as a context manager to close."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool, scorer: Scorer | None):
        self.path = path
        self.db_path = path / DB_NAME
        self.readonly = readonly
        self._conn = conn
        self._lock = threading.Lock()
        self._scorer = scorer
        self._commit_pause = float(os.environ.get(COMMIT_PAUSE_ENV) or 0)

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False, scorer: Scorer | None = None) -> "Store":
        """Open the store at directory ``path``, creating it and its tables unless ``readonly``.

        ``scorer`` maps (type, mode) to (quad, intensity); by default the PLOVER ontology's.
        """
        path = Path(path)
        db = path / DB_NAME
        if readonly and not db.is_file():
            raise StoreError(f"{path}: no newsgraph store here (no {DB_NAME}); run `newsgraph ingest` first")
        with _translated(path, "open"):
            if not readonly:
                try:
                    path.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"{path}: cannot create the store directory: {exc.strerror}") from exc
            conn = _connect(db, readonly=readonly, timeout=30.0)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                conn.close()
                raise StoreError(f"{path}: store schema version {version} is newer than this newsgraph "
                                 f"({SCHEMA_VERSION}); upgrade newsgraph")
            if not readonly:
                conn.execute("PRAGMA journal_mode=WAL")
                _create_or_upgrade(conn)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return cls(path, conn, readonly, scorer if scorer is not None else ontology_scores)

    def connect(self, check_same_thread: bool = True) -> sqlite3.Connection:
        """A new read-only connection for a query layer (rows as ``sqlite3.Row``).

        Each reader gets its own connection: WAL gives it a consistent snapshot per
        statement or read transaction, never blocked by an ingest in progress.
        """
        with _translated(self.path, "open for reading"):
            return _connect(self.db_path, readonly=True, timeout=10.0, check_same_thread=check_same_thread)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---------------------------------------------------------------- writing

    def write(self, extractions: Iterable[Extraction], signatures: Mapping[str, bytes] | None = None,
              person_facts: Iterable[Mapping] = ()) -> list[str]:
        """Write a batch in one transaction; articles already stored are skipped.

        ``signatures`` maps article ids to their MinHash signatures; ``person_facts`` (name,
        role, code, country, seen) is what the extractor's person memory learnt meanwhile, so
        a resumed ingest remembers exactly what the committed articles taught it. Returns the
        ids of the articles written. Either every row of the batch is committed or none is.
        """
        self._require_writable()
        signatures = signatures or {}
        batch = list(extractions)
        rows = Rows(person_facts=[person_fact_row(f) for f in person_facts])
        if not batch and not rows.person_facts:
            return []
        with self._lock, _translated(self.path, "write"), _transaction(self._conn):
            # Checked inside the write transaction, so two writers cannot both add an article.
            stored = self._stored(self._conn, [e.article.id for e in batch])
            now = _now()
            for ext in batch:
                if ext.article.id in stored:
                    continue
                stored.add(ext.article.id)
                extraction_rows(ext, rows, signature=signatures.get(ext.article.id), ingested_at=now,
                                scorer=self._scorer)
            for table in TABLES:
                values = getattr(rows, table)
                if values:
                    self._conn.executemany(_INSERTS[table], values)
            if self._commit_pause and batch:
                # Test hook: hold the rows uncommitted, and say so in a marker file beside the
                # database, so a reader process can prove it was not blocked meanwhile.
                marker = self.db_path.with_name(TXN_MARKER)
                marker.touch()
                time.sleep(self._commit_pause)
        if self._commit_pause and batch:
            self.db_path.with_name(TXN_MARKER).unlink(missing_ok=True)
        return [r[0] for r in rows.articles]

    def write_person_facts(self, facts: Iterable[Mapping]) -> None:
        """Upsert what is known about persons: mappings with name, role, code, country, seen."""
        self.write([], person_facts=facts)

    # ---------------------------------------------------------------- reading

    def has_articles(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored."""
        with self._lock, _translated(self.path, "read"):
            return self._stored(self._conn, list(ids))

    def minhash_signatures(self, roots_only: bool = False) -> Iterator[tuple[str, bytes, str | None]]:
        """(article id, MinHash signature, duplicate_of) of stored articles, to rebuild the dedup
        index; ``roots_only`` keeps only first copies (duplicate_of IS NULL)."""
        sql = "SELECT id, minhash, duplicate_of FROM articles WHERE minhash IS NOT NULL"
        if roots_only:
            sql += " AND duplicate_of IS NULL"
        conn = self.connect()
        try:
            with _translated(self.path, "read"):
                for row in conn.execute(sql + " ORDER BY rowid"):
                    yield tuple(row)
        finally:
            conn.close()

    def person_facts(self) -> dict[str, dict]:
        """name -> {role, code, country, seen} for every person the corpus taught us about."""
        with self._lock, _translated(self.path, "read"):
            cur = self._conn.execute("SELECT name, role, code, country, seen FROM person_facts ORDER BY name")
            return {r[0]: {"role": r[1], "code": r[2], "country": r[3], "seen": r[4]} for r in cur}

    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        with self._lock, _translated(self.path, "read"):
            return {t: self._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    # ---------------------------------------------------------------- helpers

    def _require_writable(self) -> None:
        if self.readonly:
            raise StoreError(f"{self.path}: store was opened read-only")

    @staticmethod
    def _stored(conn: sqlite3.Connection, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), 500):  # SQLite caps bound parameters per statement
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found


def _create_or_upgrade(conn: sqlite3.Connection) -> None:
    """Apply schema.sql (idempotent) and fill what an older store lacks, in one transaction."""
    schema = resources.files(__package__).joinpath("schema.sql").read_text("utf-8")
    with _transaction(conn):
        had_actors = _columns(conn, "actors")
        had_event_actors = bool(_columns(conn, "event_actors"))
        if had_actors and "article_count" not in had_actors:
            conn.execute("ALTER TABLE actors ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0")
            conn.execute("UPDATE actors SET article_count = (SELECT count(DISTINCT article_id) "
                         "FROM article_actors WHERE actor_key = actors.key)")
        for statement in _statements(schema):
            conn.execute(statement)
        if had_actors and not had_event_actors:
            for role, column in (("source", "sources"), ("target", "targets")):
                conn.execute(f"INSERT OR IGNORE INTO event_actors SELECT e.id, '{role}', j.value "
                             f"FROM events e, json_each(e.{column}) j")
        if conn.execute("SELECT 1 FROM event_dyads WHERE source <> target LIMIT 1").fetchone():
            if conn.execute("SELECT 1 FROM agg_ties_month LIMIT 1").fetchone() is None:
                fill_aggregates(conn)
            elif conn.execute("SELECT 1 FROM agg_pair_month LIMIT 1").fetchone() is None:
                fill_aggregates(conn, pairs_only=True)  # a store from before the pair aggregate


# What the trigger event_dyads_aggregates adds up row by row, computed over a whole store at once:
# for a store written before the aggregates existed, or loaded in bulk without the trigger.
_SIDES = ("SELECT event_id, source AS actor, target AS other, type, quad, intensity, factuality, date "
          "FROM event_dyads WHERE source <> target UNION "
          "SELECT event_id, target, source, type, quad, intensity, factuality, date "
          "FROM event_dyads WHERE source <> target")
_FILL_AGGREGATES = (
    "INSERT INTO agg_ties_month SELECT coalesce(substr(date, 1, 7), ''), factuality, actor, count(*), "
    "total(intensity) FROM (SELECT date, factuality, source AS actor, intensity FROM event_dyads "
    "WHERE source <> target UNION ALL SELECT date, factuality, target, intensity FROM event_dyads "
    "WHERE source <> target) GROUP BY 1, 2, 3",
    f"INSERT INTO agg_partner SELECT actor, other, factuality, count(*), total(intensity) FROM ({_SIDES}) "
    "GROUP BY 1, 2, 3",
    f"CREATE TEMP TABLE agg_actor_events AS SELECT DISTINCT event_id, actor, type, quad, intensity, "
    f"factuality, date FROM ({_SIDES})",
    "INSERT INTO agg_actor_day SELECT actor, coalesce(date, ''), factuality, coalesce(quad, 0), count(*), "
    "total(intensity) FROM temp.agg_actor_events GROUP BY 1, 2, 3, 4",
    "INSERT INTO agg_actor_type SELECT actor, factuality, type, coalesce(quad, 0), count(*), "
    "total(max(coalesce(intensity, 0), 0)), -total(min(coalesce(intensity, 0), 0)) "
    "FROM temp.agg_actor_events GROUP BY 1, 2, 3, 4",
    "DROP TABLE temp.agg_actor_events",
)


# One row per month, factuality and unordered pair: the network's edges (see schema.sql).
_FILL_PAIRS = (
    "INSERT INTO agg_pair_month SELECT coalesce(substr(date, 1, 7), ''), factuality, min(source, target), "
    "max(source, target), count(*), total(max(coalesce(intensity, 0), 0)), "
    "-total(min(coalesce(intensity, 0), 0)), sum(quad IS 1), sum(quad IS 2), sum(quad IS 3), sum(quad IS 4) "
    "FROM event_dyads WHERE source <> target GROUP BY 1, 2, 3, 4"
)
AGGREGATES = ("agg_ties_month", "agg_partner", "agg_actor_day", "agg_actor_type", "agg_pair_month")


def fill_aggregates(conn: sqlite3.Connection, pairs_only: bool = False) -> None:
    """Recompute the agg_* tables (only agg_pair_month with ``pairs_only``) from event_dyads, inside
    the caller's transaction."""
    for table in ("agg_pair_month",) if pairs_only else AGGREGATES:
        conn.execute(f"DELETE FROM {table}")
    for statement in () if pairs_only else _FILL_AGGREGATES:
        conn.execute(statement)
    conn.execute(_FILL_PAIRS)


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def _statements(script: str) -> list[str]:
    """Split schema.sql into statements (a trigger body holds semicolons of its own)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf:
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return [s for s in out if s]


def _connect(db: Path, *, readonly: bool, timeout: float, check_same_thread: bool = False) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout,
                               isolation_level=None, check_same_thread=check_same_thread)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only=1")
    else:
        conn = sqlite3.connect(db, timeout=timeout, isolation_level=None, check_same_thread=check_same_thread)
        # NORMAL in WAL mode: a commit survives a killed process; only an OS crash or power
        # loss may roll back the last commits, never corrupt the database.
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    return conn


@contextmanager
def _transaction(conn: sqlite3.Connection):
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


@contextmanager
def _translated(path: Path, action: str):
    try:
        yield
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot {action} the store: {exc}") from exc
