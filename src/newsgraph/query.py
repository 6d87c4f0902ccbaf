"""The listing query layer: articles, actors, quotes and events as pages of plain rows.

One module under the CLI (``newsgraph articles|actors|quotes|events|summary``), the HTTP API
and the dashboard, as datasette's views share one ``Database.execute``. Every function takes
a read connection (``Store.connect()``) and raw parameters (strings from a command line or a
query string, or typed values), validates them (``QueryError`` naming the parameter) and runs
SQL with bound parameters only.
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from .analysis.params import parse_code, parse_date, parse_factuality, parse_int, parse_quads, parse_types
from .errors import QueryError
from .records import ACTOR_KINDS

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000
MAX_TEXT = 500


@dataclass
class Page:
    """One page of a listing; ``next_offset`` is None on the last page."""

    rows: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None

    def to_json(self) -> dict[str, Any]:
        return {"rows": self.rows, "limit": self.limit, "offset": self.offset, "next_offset": self.next_offset}


class _Where:
    """Conditions and their bound arguments, built side by side so they cannot drift apart."""

    def __init__(self) -> None:
        self.conds: list[str] = []
        self.args: list[Any] = []

    def add(self, cond: str, *args: Any) -> None:
        self.conds.append(cond)
        self.args.extend(args)

    def sql(self) -> str:
        return " AND ".join(self.conds) or "1"


def _paging(limit, offset) -> tuple[int, int]:
    return (parse_int(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
            parse_int(offset, "offset", 0, 0, MAX_OFFSET))


def _window(where: _Where, column: str, since, until) -> None:
    start, end = parse_date(since, "since"), parse_date(until, "until")
    if start and end and start > end:
        raise QueryError(f"since {start} is after until {end}", "since")
    if start:
        where.add(f"{column} >= ?", start.isoformat())
    if end:
        where.add(f"{column} <= ?", end.isoformat())


def _text(value, param: str) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    v = str(value).strip()
    if len(v) > MAX_TEXT:
        raise QueryError(f"{param}: longer than {MAX_TEXT} characters", param)
    return v


def _like(value: str) -> str:
    return "%" + re.sub(r"([%_\\])", r"\\\1", value) + "%"


# The actor keys a user's term names: a key (person:Jane Doe), a code (RUS: Russia and every
# person and body acting for it) or an exact name. Resolved in the small actors table first,
# so the large tables are searched through their actor_key indexes.
_NAMED_KEYS = "SELECT key FROM actors WHERE key = ? OR code = ? OR name = ? COLLATE NOCASE"


def _actor_args(value: str) -> tuple[str, str, str]:
    return (value, value.upper(), value)


def _page(conn: sqlite3.Connection, sql: str, args: list, limit: int, offset: int,
          full_text: bool = False) -> Page:
    try:
        rows = [dict(r) for r in conn.execute(f"{sql} LIMIT ? OFFSET ?", [*args, limit + 1, offset])]
    except sqlite3.OperationalError as exc:
        # FTS5 reports a malformed MATCH expression only when the statement runs.
        if full_text and ("fts5" in str(exc) or "syntax" in str(exc) or "unterminated" in str(exc)):
            raise QueryError(f"text: not a valid full-text query ({exc})", "text") from exc
        raise
    more = len(rows) > limit
    return Page(rows[:limit], limit, offset, offset + limit if more else None)


# ------------------------------------------------------------------------------- articles

def list_articles(conn: sqlite3.Connection, *, since=None, until=None, source=None, actor=None,
                  duplicates: bool = True, limit=None, offset=None) -> Page:
    """Articles, newest first, with their numbers of quotes and events."""
    limit, offset = _paging(limit, offset)
    w = _Where()
    _window(w, "ar.published", since, until)
    if (src := _text(source, "source")) is not None:
        w.add("ar.source = ? COLLATE NOCASE", src)
    if (who := parse_code(actor, "actor")) is not None:
        w.add(f"ar.id IN (SELECT article_id FROM article_actors WHERE actor_key IN ({_NAMED_KEYS}))",
              *_actor_args(who))
    if not duplicates:
        w.add("ar.duplicate_of IS NULL")
    sql = ("SELECT ar.id, ar.published, ar.title, ar.source, ar.url, ar.ref, ar.duplicate_of, "
           "(SELECT count(*) FROM quotes q WHERE q.article_id = ar.id) AS quotes, "
           "(SELECT count(*) FROM event_mentions m WHERE m.article_id = ar.id) AS events "
           f"FROM articles ar WHERE {w.sql()} ORDER BY ar.published DESC NULLS LAST, ar.id")
    return _page(conn, sql, w.args, limit, offset)


def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    """One article with its text; QueryError if there is none with that id."""
    aid = _text(article_id, "id")
    row = conn.execute("SELECT id, ref, title, url, published, source, language, duplicate_of, ingested_at, text "
                       "FROM articles WHERE id = ?", (aid,)).fetchone()
    if row is None:
        raise QueryError(f"id: no article {aid!r} in the store", "id")
    return dict(row)


# ------------------------------------------------------------------------------- actors

def list_actors(conn: sqlite3.Connection, *, kind=None, code=None, name=None, since=None, until=None,
                limit=None, offset=None) -> Page:
    """Canonical actors, the most widely reported first (number of articles mentioning them)."""
    limit, offset = _paging(limit, offset)
    w = _Where()
    if kind is not None and str(kind).strip():
        k = str(kind).strip().lower()
        if k not in ACTOR_KINDS:
            raise QueryError(f"kind: {kind!r} is not an actor kind; use one of {', '.join(ACTOR_KINDS)}", "kind")
        w.add("a.kind = ?", k)
    if (c := parse_code(code, "code")) is not None:
        w.add("a.code = ?", c.upper())
    if (n := _text(name, "name")) is not None:
        w.add("a.name LIKE ? ESCAPE '\\'", _like(n))
    # An actor seen at any time in [since, until].
    start, end = parse_date(since, "since"), parse_date(until, "until")
    if start and end and start > end:
        raise QueryError(f"since {start} is after until {end}", "since")
    if start:
        w.add("a.last_seen >= ?", start.isoformat())
    if end:
        w.add("a.first_seen <= ?", end.isoformat())
    sql = ("SELECT a.key, a.name, a.kind, a.code, a.sector, a.role, a.country, a.first_seen, a.last_seen, "
           "a.article_count AS articles, "
           "(SELECT count(*) FROM quotes q WHERE q.speaker_key = a.key) AS quotes "
           f"FROM actors a WHERE {w.sql()} ORDER BY a.article_count DESC, a.key")
    return _page(conn, sql, w.args, limit, offset)


# ------------------------------------------------------------------------------- quotes

_FTS_OPERATORS = re.compile(r'["*()]|\b(AND|OR|NOT|NEAR)\b')


def fts_query(text: str) -> str:
    """Plain words become a phrase-safe AND of quoted terms ("U.S." would otherwise be an FTS
    syntax error); text that already uses FTS5 syntax (quotes, *, AND/OR/NOT) passes through."""
    if _FTS_OPERATORS.search(text):
        return text
    return " ".join('"' + w.replace('"', '""') + '"' for w in text.split())


def list_quotes(conn: sqlite3.Connection, *, speaker=None, code=None, text=None, since=None, until=None,
                article=None, direct=None, limit=None, offset=None) -> Page:
    """Quotes, newest first. ``speaker`` matches an actor key or part of the speaker's name;
    ``text`` is a full-text search (SQLite FTS5: words, "phrases", prefix*, OR, NOT)."""
    limit, offset = _paging(limit, offset)
    w = _Where()
    if (sp := _text(speaker, "speaker")) is not None:
        w.add("(q.speaker_key = ? OR q.speaker_name LIKE ? ESCAPE '\\')", sp, _like(sp))
    if (c := parse_code(code, "code")) is not None:
        w.add("q.speaker_code = ?", c.upper())
    if (t := _text(text, "text")) is not None:
        w.add("q.n IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", fts_query(t))
    if (a := _text(article, "article")) is not None:
        w.add("q.article_id = ?", a)
    if direct is not None:
        w.add("q.direct = ?", 1 if direct else 0)
    _window(w, "q.published", since, until)
    sql = ("SELECT q.id, q.article_id, q.published, q.speaker_name AS speaker, q.speaker_key, q.speaker_code, "
           "q.speaker_text, q.direct, q.cue, q.text, q.start, q.\"end\" "
           f"FROM quotes q WHERE {w.sql()} ORDER BY q.published DESC NULLS LAST, q.article_id, q.n")
    page = _page(conn, sql, w.args, limit, offset, full_text=t is not None)
    for r in page.rows:
        r["direct"] = bool(r["direct"])
    return page


# ------------------------------------------------------------------------------- events

def list_events(conn: sqlite3.Connection, *, actor=None, source=None, target=None, type=None, quad=None,
                factuality=None, since=None, until=None, article=None, limit=None, offset=None) -> Page:
    """Distinct events, newest first, each with the evidence sentence of its first report.

    ``actor``/``source``/``target`` match an actor key (``person:Jane Doe``), code (``RUS``,
    which also finds persons and bodies acting for Russia) or exact name. ``type`` and
    ``quad`` accept comma-separated lists; ``factuality`` defaults to all.
    """
    limit, offset = _paging(limit, offset)
    w = _Where()
    for param, value, roles in (("actor", actor, "'source', 'target'"), ("source", source, "'source'"),
                                ("target", target, "'target'")):
        if (who := parse_code(value, param)) is not None:
            w.add(f"e.id IN (SELECT event_id FROM event_actors WHERE role IN ({roles}) "
                  f"AND actor_key IN ({_NAMED_KEYS}))", *_actor_args(who))
    if types := parse_types(type):
        w.add(f"e.type IN ({','.join('?' * len(types))})", *types)
    if quads := parse_quads(quad):
        w.add(f"e.quad IN ({','.join('?' * len(quads))})", *quads)
    if (facts := parse_factuality(factuality, default="all")) is not None:
        w.add(f"e.factuality IN ({','.join('?' * len(facts))})", *facts)
    if (a := _text(article, "article")) is not None:
        w.add("e.id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)", a)
    _window(w, "e.date", since, until)
    sql = ("SELECT e.id, e.date, e.date_resolution, e.type, e.mode, e.cameo, e.quad, e.intensity, e.factuality, "
           "e.location, e.sources, e.targets, e.mention_count, m.article_id, m.claimed_by, m.quote_id, "
           "m.evidence, m.evidence_start, m.evidence_end, m.trigger, m.confidence "
           # The first report is the lowest rowid: reports are inserted in the order they arrive.
           "FROM events e JOIN event_mentions m ON m.rowid = "
           "(SELECT min(x.rowid) FROM event_mentions x WHERE x.event_id = e.id) "
           f"WHERE {w.sql()} ORDER BY e.date DESC NULLS LAST, e.mention_count DESC, e.id")
    page = _page(conn, sql, w.args, limit, offset)
    _name_actors(conn, page.rows)
    return page


def _name_actors(conn: sqlite3.Connection, rows: list[dict]) -> None:
    """Replace JSON key lists by actor names, adding the dyad codes alongside."""
    keys: set[str] = set()
    for r in rows:
        r["sources"], r["targets"] = json.loads(r["sources"]), json.loads(r["targets"])
        keys.update(r["sources"], r["targets"])
        if r["claimed_by"]:
            keys.add(r["claimed_by"])
    known = _actors_by_key(conn, keys)
    for r in rows:
        for side in ("sources", "targets"):
            actors = [known.get(k, {"name": k, "code": None}) for k in r[side]]
            r[side[:-1] + "_keys"] = r[side]
            r[side] = [a["name"] for a in actors]
            r[side[:-1] + "_codes"] = list(dict.fromkeys(a["code"] or a["name"] for a in actors))
        if r["claimed_by"]:
            r["claimed_by_name"] = known.get(r["claimed_by"], {"name": r["claimed_by"]})["name"]
        else:
            r["claimed_by_name"] = None


def _actors_by_key(conn: sqlite3.Connection, keys: set[str]) -> dict[str, dict]:
    keys_l = sorted(keys)
    out: dict[str, dict] = {}
    for i in range(0, len(keys_l), 500):
        chunk = keys_l[i:i + 500]
        for r in conn.execute(f"SELECT key, name, code FROM actors WHERE key IN ({','.join('?' * len(chunk))})",
                              chunk):
            out[r[0]] = {"name": r[1], "code": r[2]}
    return out


# ------------------------------------------------------------------------------- summary

def summary(conn: sqlite3.Connection, pairs=10) -> dict[str, Any]:
    """What the store holds, and the strongest directed actor pairs by number of distinct events
    (self-pairs such as a ministry and its own state left out), each with its dominant types."""
    n_pairs = parse_int(pairs, "pairs", 10, 0, 100)

    def one(sql: str, args: tuple = ()) -> Any:
        return conn.execute(sql, args).fetchone()[0]

    counts = {
        "articles": one("SELECT count(*) FROM articles"),
        "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "actors": one("SELECT count(*) FROM actors"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"),
        "event_reports": one("SELECT count(*) FROM event_mentions"),
    }
    span = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
    top = conn.execute(
        "SELECT source, target, count(DISTINCT event_id) AS events, "
        "count(DISTINCT CASE WHEN factuality = 'asserted' THEN event_id END) AS asserted "
        "FROM event_dyads WHERE source != target GROUP BY source, target "
        "ORDER BY events DESC, source, target LIMIT ?", (n_pairs,)).fetchall()
    names = _actors_by_key(conn, {r[0] for r in top} | {r[1] for r in top})
    out_pairs = []
    for source, target, n, asserted in top:
        types = conn.execute(
            "SELECT type, count(DISTINCT event_id) AS n FROM event_dyads WHERE source = ? AND target = ? "
            "GROUP BY type ORDER BY n DESC, type LIMIT 3", (source, target)).fetchall()
        out_pairs.append({
            "source": source, "source_name": names.get(source, {"name": source})["name"],
            "target": target, "target_name": names.get(target, {"name": target})["name"],
            "events": n, "asserted": asserted, "types": {t: c for t, c in types},
        })
    return {"counts": counts, "published": {"first": span[0], "last": span[1]}, "pairs": out_pairs}


__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "Page", "fts_query", "get_article", "list_actors", "list_articles",
           "list_events", "list_quotes", "summary"]
