"""The one event listing: events with their evidence, for the CLI, the Python API and the HTTP API.

An event row is the deduplicated fact; its evidence is one entry per article reporting it
(``event_mentions``) with the sentence and offsets, the article it comes from and the quote
it sits in when a speaker claims it. Every aggregate's ``events_query`` is an ``EventQuery``.

Actors are named by a dyad code (``RUS``: Russia and everyone counted under it), matched on
``event_dyads`` as aggregates count them, or else by an actor key (``person:Jane Doe``) or an
exact name (case-insensitive), matched on ``event_actors``. A term naming nothing is an error.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import QueryError
from .params import EventFilter, code_in_store, parse_code, parse_int, parse_text, split_values

EVENT_COLUMNS = (
    "id, type, mode, cameo, quad, intensity, factuality, date, date_resolution, location, "
    "sources, targets, first_article, mention_count"
)
_E_COLUMNS = ", ".join("e." + c.strip() for c in EVENT_COLUMNS.split(","))

EVIDENCE_SQL = """
SELECT m.event_id, m.article_id, m.seq, m.evidence, m.evidence_start, m.evidence_end,
       m.trigger, m.trigger_start, m.trigger_end, m.claimed_by, m.confidence, m.quote_id,
       a.title, a.url, a.source, a.published,
       q.text, q.speaker_key, q.speaker_name, q.speaker_code, q.start, q."end"
FROM event_mentions m
JOIN articles a ON a.id = m.article_id
LEFT JOIN quotes q ON q.id = m.quote_id
WHERE m.event_id IN ({marks}) {first}
ORDER BY a.published, m.article_id, m.seq
"""
# The first report is the lowest rowid: reports are inserted in the order they arrive.
_FIRST = "AND m.rowid = (SELECT min(x.rowid) FROM event_mentions x WHERE x.event_id = m.event_id)"

# Actor keys a user's term names: a key, a code (every actor carrying it) or an exact name.
NAMED_KEYS = "SELECT key FROM actors WHERE key = ? OR code = ? OR name = ? COLLATE NOCASE"
# Actor keys counted under a dyad code: the code's actors, or the uncoded actor of that name.
_CODE_KEYS = "SELECT key FROM actors WHERE code = ? UNION ALL SELECT key FROM actors WHERE code IS NULL AND name = ?"

_CHUNK = 500  # stays far below SQLite's bound-parameter limit


def chunks(items: list, size: int = _CHUNK):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def marks(n: int) -> str:
    return ",".join("?" * n)


def event_from_row(row) -> dict:
    (eid, typ, mode, cameo, quad, intensity, fact, day, res, loc, sources, targets, first, n) = row
    return {
        "id": eid,
        "type": typ,
        "mode": mode,
        "cameo": cameo,
        "quad": quad,
        "intensity": intensity,
        "factuality": fact,
        "date": day,
        "date_resolution": res,
        "location": loc,
        "sources": json.loads(sources),
        "targets": json.loads(targets),
        "source_codes": [],
        "target_codes": [],
        "first_article": first,
        "mention_count": n,
    }


def evidence_from_row(r) -> dict:
    quote = None
    if r[11] is not None and r[16] is not None:
        quote = {
            "id": r[11],
            "text": r[16],
            "speaker_key": r[17],
            "speaker_name": r[18],
            "speaker_code": r[19],
            "start": r[20],
            "end": r[21],
        }
    return {
        "article": {"id": r[1], "title": r[12], "url": r[13], "source": r[14], "published": r[15]},
        "sentence": r[3],
        "start": r[4],
        "end": r[5],
        "trigger": r[6],
        "trigger_start": r[7],
        "trigger_end": r[8],
        "claimed_by": r[9],
        "confidence": r[10],
        "quote": quote,
    }


def attach_evidence(
    conn: sqlite3.Connection, events: list[dict], article_id: str | None = None, first_only: bool = False
) -> list[dict]:
    """Fill ``evidence`` (all reports, the first one, or only those in ``article_id``) and the dyad
    codes of each event (from its dyad rows; for an event without a target, from its actors)."""
    by_id = {e["id"]: e for e in events}
    for e in events:
        e["evidence"] = []
    for chunk in chunks(list(by_id)):
        m = marks(len(chunk))
        for r in conn.execute(EVIDENCE_SQL.format(marks=m, first=_FIRST if first_only else ""), chunk):
            if article_id is None or r[1] == article_id:
                by_id[r[0]]["evidence"].append(evidence_from_row(r))
        for eid, src, tgt in conn.execute(
            f"SELECT event_id, source, target FROM event_dyads WHERE event_id IN ({m}) "
            "ORDER BY event_id, source, target",
            chunk,
        ):
            e = by_id[eid]
            if src not in e["source_codes"]:
                e["source_codes"].append(src)
            if tgt not in e["target_codes"]:
                e["target_codes"].append(tgt)
    undyadic = [e for e in events if not e["source_codes"] and not e["target_codes"]]
    if undyadic:
        codes = actor_codes(conn, {k for e in undyadic for k in e["sources"] + e["targets"]})
        for e in undyadic:
            e["source_codes"] = list(dict.fromkeys(codes.get(k, k) for k in e["sources"]))
            e["target_codes"] = list(dict.fromkeys(codes.get(k, k) for k in e["targets"]))
    return events


def actor_rows(conn: sqlite3.Connection, keys) -> dict[str, dict]:
    """key -> {name, code, kind} of the given actor keys."""
    out: dict[str, dict] = {}
    for chunk in chunks(sorted(keys)):
        for r in conn.execute(f"SELECT key, name, code, kind FROM actors WHERE key IN ({marks(len(chunk))})", chunk):
            out[r[0]] = {"name": r[1], "code": r[2], "kind": r[3]}
    return out


def actor_codes(conn: sqlite3.Connection, keys) -> dict[str, str]:
    """key -> dyad code (the actor's code, else its name)."""
    return {k: a["code"] or a["name"] for k, a in actor_rows(conn, keys).items()}


@dataclass(frozen=True)
class Who:
    """An actor term resolved: a dyad code (matched on ``event_dyads``) or actor keys (``event_actors``)."""

    term: str
    code: str | None = None
    keys: tuple[str, ...] = ()

    @classmethod
    def parse(cls, conn: sqlite3.Connection, value, param: str) -> "Who | None":
        term = parse_code(value, param)
        if term is None:
            return None
        if code_in_store(conn, term):
            return cls(term, code=term)
        keys = tuple(dict.fromkeys(r[0] for r in conn.execute(NAMED_KEYS, (term, term.upper(), term))))
        if not keys:
            raise QueryError(
                f"{param}: unknown actor {term[:60]!r} (no dyad code, actor key or name in the store)", param
            )
        return cls(term, keys=keys)

    def role_sql(self, roles: str) -> tuple[str, list]:
        """Events in which one of this term's actors has one of ``roles`` ('source', 'target')."""
        if self.code is not None:
            keys, args = _CODE_KEYS, [self.code, self.code]
        else:
            keys, args = marks(len(self.keys)), list(self.keys)
        return (f"e.id IN (SELECT event_id FROM event_actors WHERE role IN ({roles}) AND actor_key IN ({keys}))",
                args)


def _directed(a: Who, b: Who) -> tuple[str, list]:
    """Events with ``a`` as a source and ``b`` as a target (on one dyad row when both are codes)."""
    if a.code is not None and b.code is not None:
        return "e.id IN (SELECT event_id FROM event_dyads WHERE source = ? AND target = ?)", [a.code, b.code]
    (s, s_args), (t, t_args) = a.role_sql("'source'"), b.role_sql("'target'")
    return f"({s} AND {t})", s_args + t_args


@dataclass(frozen=True)
class EventQuery:
    """The filters of the event listing (and of every ``events_query`` link): who, when, what, how sure."""

    filter: EventFilter = EventFilter(factuality=None)
    source: Who | None = None
    target: Who | None = None
    actor: Who | None = None
    pair: tuple[Who, Who] | None = None
    article: str | None = None
    claimed_by: str | None = None
    min_mentions: int = 1

    @classmethod
    def parse(
        cls,
        conn: sqlite3.Connection,
        *,
        start=None,
        end=None,
        type=None,
        quad=None,
        factuality=None,
        source=None,
        target=None,
        actor=None,
        pair=None,
        article=None,
        claimed_by=None,
        min_mentions=None,
        window_names: tuple[str, str] = ("start", "end"),
    ) -> "EventQuery":
        flt = EventFilter.parse(start, end, type, quad, factuality, default_factuality="all", names=window_names)
        pair_w = None
        if pair:
            parts = split_values(pair)
            if len(parts) != 2:
                raise QueryError(f"pair: expected two actor codes separated by a comma, got {len(parts)}", "pair")
            pair_w = (Who.parse(conn, parts[0], "pair"), Who.parse(conn, parts[1], "pair"))
        return cls(
            flt,
            Who.parse(conn, source, "source"),
            Who.parse(conn, target, "target"),
            Who.parse(conn, actor, "actor"),
            pair_w,
            parse_text(article, "article"),
            parse_code(claimed_by, "claimed_by"),
            parse_int(min_mentions, "min_mentions", 1, 1, 1_000_000),
        )

    @classmethod
    def of_pair(cls, flt: EventFilter, a: str, b: str) -> "EventQuery":
        """The events of a dyad (both directions) passing ``flt``: what a dyad's evidence lists."""
        return cls(filter=flt, pair=(Who(a, code=a), Who(b, code=b)))

    def where(self) -> tuple[str, list]:
        cond, args = self.filter.where("e")
        conds, args = [cond], list(args)

        def add(sql_args: tuple[str, list]) -> None:
            conds.append(sql_args[0])
            args.extend(sql_args[1])

        if self.source and self.target:
            add(_directed(self.source, self.target))
        elif self.source or self.target:
            who, role = (self.source, "source") if self.source else (self.target, "target")
            if who.code is not None:
                add((f"e.id IN (SELECT event_id FROM event_dyads WHERE {role} = ?)", [who.code]))
            else:
                add(who.role_sql(f"'{role}'"))
        if self.actor:
            if self.actor.code is not None:
                add((
                    "e.id IN (SELECT event_id FROM event_dyads WHERE source = ? "
                    "UNION SELECT event_id FROM event_dyads WHERE target = ?)",
                    [self.actor.code, self.actor.code],
                ))
            else:
                add(self.actor.role_sql("'source', 'target'"))
        if self.pair:
            a, b = self.pair
            (ab, ab_args), (ba, ba_args) = _directed(a, b), _directed(b, a)
            add((f"({ab} OR {ba})", ab_args + ba_args))
        if self.article:
            add(("e.id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)", [self.article]))
        if self.claimed_by:
            add(("e.id IN (SELECT event_id FROM event_mentions WHERE claimed_by = ?)", [self.claimed_by]))
        if self.min_mentions > 1:
            add(("e.mention_count >= ?", [self.min_mentions]))
        return " AND ".join(conds), args


_ORDER = "ORDER BY e.date DESC, e.mention_count DESC, e.id"


def list_events(
    conn: sqlite3.Connection,
    query: EventQuery,
    limit: int = 50,
    offset: int = 0,
    with_total: bool = True,
    first_report: bool = False,
) -> dict:
    """Events matching ``query``, newest first, each with all its evidence (or only its first report).

    ``next_offset`` is None on the last page; ``total`` counts every match (None without ``with_total``).
    """
    where, args = query.where()
    rows = conn.execute(
        f"SELECT {_E_COLUMNS} FROM events e WHERE {where} {_ORDER} LIMIT ? OFFSET ?",
        [*args, limit + 1, offset],
    ).fetchall()
    more = len(rows) > limit
    items = attach_evidence(conn, [event_from_row(r) for r in rows[:limit]], first_only=first_report)
    total = conn.execute(f"SELECT COUNT(*) FROM events e WHERE {where}", args).fetchone()[0] if with_total else None
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
        "items": items,
    }


def iter_events(conn: sqlite3.Connection, query: EventQuery, batch: int = 2_000) -> Iterator[dict]:
    """Every event matching ``query`` with all its evidence, oldest first, ``batch`` at a time (exports)."""
    where, args = query.where()
    cur = conn.execute(f"SELECT {_E_COLUMNS} FROM events e WHERE {where} ORDER BY e.date, e.id", args)
    while rows := cur.fetchmany(batch):
        yield from attach_evidence(conn, [event_from_row(r) for r in rows])


def get_event(conn: sqlite3.Connection, event_id: str) -> dict | None:
    row = conn.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    return attach_evidence(conn, [event_from_row(row)])[0]


def article_events(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    """Events reported by one article, with the evidence from that article only, in text order."""
    rows = conn.execute(
        f"SELECT {_E_COLUMNS} FROM events e JOIN event_mentions m ON m.event_id = e.id "
        "WHERE m.article_id = ? ORDER BY m.seq",
        (article_id,),
    ).fetchall()
    seen: dict[str, dict] = {}
    for r in rows:
        seen.setdefault(r[0], event_from_row(r))
    return attach_evidence(conn, list(seen.values()), article_id=article_id)
