"""The listing query layer: articles, actors, quotes and events as pages of plain rows.

One module under the CLI (``newsgraph articles|actors|quotes|events|summary``), the HTTP API
and the dashboard, as datasette's views share one ``Database.execute``. Every function takes
a read connection (``Store.connect()``) and raw parameters (strings from a command line or a
query string, or typed values), validates them (``QueryError`` naming the parameter) and runs
SQL with bound parameters only.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from .analysis.evidence import NAMED_KEYS, EventQuery, actor_rows
from .analysis.evidence import list_events as _event_listing
from .analysis.params import Window, parse_code, parse_int, parse_page, parse_text
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
        """The HTTP API's page shape."""
        return {"items": self.rows, "limit": self.limit, "offset": self.offset, "next_offset": self.next_offset}


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


def _paging(limit, offset, maximum: int = MAX_LIMIT) -> tuple[int, int]:
    return parse_page(limit, offset, DEFAULT_LIMIT, maximum)


def _window(where: _Where, column: str, since, until) -> Window:
    w = Window.parse(since, until, names=("since", "until"))
    if w.start:
        where.add(f"{column} >= ?", w.start.isoformat())
    if w.end:
        where.add(f"{column} <= ?", w.end.isoformat())
    return w


def _text(value, param: str) -> str | None:
    return parse_text(value, param, MAX_TEXT)


def like(value: str) -> str:
    """A LIKE pattern (ESCAPE '\\') matching ``value`` anywhere, its wildcards taken literally."""
    return "%" + re.sub(r"([%_\\])", r"\\\1", value) + "%"


# The actor keys a user's term names (a key, a code, an exact name), resolved in the small
# actors table first, so the large tables are searched through their actor_key indexes.
_NAMED_KEYS = NAMED_KEYS


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
                  duplicates: bool = True, title=None, limit=None, offset=None, max_limit: int = MAX_LIMIT) -> Page:
    """Articles, newest first, with their numbers of quotes and events; ``title`` is part of the title."""
    limit, offset = _paging(limit, offset, max_limit)
    w = _Where()
    _window(w, "ar.published", since, until)
    if (t := _text(title, "q")) is not None:
        w.add("ar.title LIKE ? ESCAPE '\\'", like(t))
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
                limit=None, offset=None, max_limit: int = MAX_LIMIT) -> Page:
    """Canonical actors, the most widely reported first (number of articles mentioning them)."""
    limit, offset = _paging(limit, offset, max_limit)
    w = _Where()
    if kind is not None and str(kind).strip():
        k = str(kind).strip().lower()
        if k not in ACTOR_KINDS:
            raise QueryError(f"kind: {kind!r} is not an actor kind; use one of {', '.join(ACTOR_KINDS)}", "kind")
        w.add("a.kind = ?", k)
    if (c := parse_code(code, "code")) is not None:
        w.add("a.code = ?", c.upper())
    if (n := _text(name, "name")) is not None:
        w.add("a.name LIKE ? ESCAPE '\\'", like(n))
    # An actor seen at any time in [since, until].
    seen = Window.parse(since, until, names=("since", "until"))
    if seen.start:
        w.add("a.last_seen >= ?", seen.start.isoformat())
    if seen.end:
        w.add("a.first_seen <= ?", seen.end.isoformat())
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
                article=None, direct=None, limit=None, offset=None, max_limit: int = MAX_LIMIT) -> Page:
    """Quotes, newest first. ``speaker`` matches an actor key or part of the speaker's name;
    ``text`` is a full-text search (SQLite FTS5: words, "phrases", prefix*, OR, NOT)."""
    limit, offset = _paging(limit, offset, max_limit)
    w = _Where()
    if (sp := _text(speaker, "speaker")) is not None:
        w.add("(q.speaker_key = ? OR q.speaker_name LIKE ? ESCAPE '\\')", sp, like(sp))
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

def list_events(conn: sqlite3.Connection, *, actor=None, source=None, target=None, pair=None, type=None,
                quad=None, factuality=None, since=None, until=None, article=None, claimed_by=None,
                limit=None, offset=None) -> Page:
    """Distinct events, newest first, each as one flat row with the evidence sentence of its first report.

    The same listing as ``/api/events`` (``analysis.evidence``), flattened for a terminal:
    ``actor``/``source``/``target`` take a dyad code (``RUS``: Russia and everyone acting for
    it), an actor key (``person:Jane Doe``) or an exact name; ``pair`` is ``A,B`` (either
    direction); ``type`` and ``quad`` accept comma-separated lists; ``factuality`` defaults to all.
    """
    limit, offset = _paging(limit, offset)
    q = EventQuery.parse(conn, start=since, end=until, type=type, quad=quad, factuality=factuality,
                         source=source, target=target, actor=actor, pair=pair, article=article,
                         claimed_by=claimed_by, window_names=("since", "until"))
    page = _event_listing(conn, q, limit, offset, with_total=False, first_report=True)
    events = page["items"]
    names = actor_rows(conn, {k for e in events for k in e["sources"] + e["targets"]}
                       | {e["evidence"][0]["claimed_by"] for e in events if e["evidence"]} - {None})
    return Page([flat_event(e, names) for e in events], limit, offset, page["next_offset"])


def flat_event(event: dict, names: dict[str, dict]) -> dict[str, Any]:
    """An event of the listing as one row: actor names beside keys and codes, its first report's evidence."""
    first = event["evidence"][0] if event["evidence"] else {}

    def name(key: str) -> str:
        return names.get(key, {"name": key})["name"]

    claimant = first.get("claimed_by")
    return {
        **{k: event[k] for k in ("id", "date", "date_resolution", "type", "mode", "cameo", "quad", "intensity",
                                 "factuality", "location")},
        "sources": [name(k) for k in event["sources"]],
        "targets": [name(k) for k in event["targets"]],
        "mention_count": event["mention_count"],
        "article_id": first.get("article", {}).get("id"),
        "claimed_by": claimant,
        "quote_id": (first.get("quote") or {}).get("id"),
        "evidence": first.get("sentence"),
        "evidence_start": first.get("start"),
        "evidence_end": first.get("end"),
        "trigger": first.get("trigger"),
        "confidence": first.get("confidence"),
        "source_keys": event["sources"],
        "source_codes": event["source_codes"],
        "target_keys": event["targets"],
        "target_codes": event["target_codes"],
        "claimed_by_name": name(claimant) if claimant else None,
    }


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
    names = actor_rows(conn, {r[0] for r in top} | {r[1] for r in top})
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
           "flat_event", "like", "list_events", "list_quotes", "summary"]
