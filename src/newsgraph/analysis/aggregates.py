"""Reads of the store's pre-aggregated tables (``agg_*``, kept by a trigger on ``event_dyads``).

A cold network or actor page would otherwise read every dyad of its window: a month of a
million-event store is ~35k rows, the busiest actor ~130k. The aggregates hold per-month ties
per actor, per-month sums per unordered pair (the network's edges), per-day distinct events per
actor and all-time counts and partners per actor, so those answers read a few thousand summary
rows. Windows are answered from the whole months they cover plus the days at either edge read
from ``event_dyads``; each function returns None when its filter needs a column the aggregates
drop (event types, or quads for ties and pairs), and the caller then scans ``event_dyads`` as
before. Results are the same either way (the tests compare them); only the order of
floating-point sums can differ.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, timedelta

from .params import EventFilter, Window

_TABLES = ("agg_ties_month", "agg_actor_day", "agg_actor_type", "agg_partner")


def available(conn: sqlite3.Connection, tables: tuple[str, ...] = _TABLES) -> bool:
    """Whether the store has the aggregates (a store opened read-only and never upgraded has not;
    agg_pair_month came later than the others)."""
    marks = ",".join("?" * len(tables))
    n = conn.execute(
        f"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({marks})", tables
    ).fetchone()[0]
    return n == len(tables)


def _month_end(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def split_months(window: Window) -> tuple[tuple[str, str] | None, list[Window]]:
    """(first, last) YYYY-MM of the whole months inside ``window`` (None when it covers none),
    and the windows of the days outside them. No window at all is every month, undated
    dyads ('') included; any bound leaves undated dyads out, as ``date >= ?`` does."""
    start, end = window.start, window.end
    if start is None and end is None:
        return ("", "9999-99"), []
    first = None if start is None else (start if start.day == 1 else _month_end(start) + timedelta(days=1))
    last = None if end is None else (
        end if end == _month_end(end) else end.replace(day=1) - timedelta(days=1)
    )
    if first is not None and last is not None and first > last:
        return None, [window]
    months = (
        first.isoformat()[:7] if first else "0000-00",  # sorts after '' (no date)
        last.isoformat()[:7] if last else "9999-99",
    )
    edges = []
    if start is not None and start < first:
        edges.append(Window(start, first - timedelta(days=1)))
    if end is not None and last < end:
        edges.append(Window(last + timedelta(days=1), end))
    return months, edges


def _widened(conn: sqlite3.Connection, window: Window) -> Window:
    """``window`` with a bound moved to its month's edge when no dyad lies between them: "the
    last 30 days" of a store ending on the 30th select what the whole month selects."""
    start, end = window.start, window.end
    if end is not None and end != _month_end(end):
        last = conn.execute("SELECT max(date) FROM event_dyads").fetchone()[0]
        if last is None or last <= end.isoformat():
            end = _month_end(end)
    if start is not None and start.day != 1:
        first = conn.execute("SELECT min(date) FROM event_dyads WHERE date IS NOT NULL").fetchone()[0]
        if first is None or first >= start.isoformat():
            start = start.replace(day=1)
    if start and end and start > end:  # cannot happen for a valid window; keep it as given
        return window
    return Window(start, end)


def _factuality(flt: EventFilter, alias: str) -> tuple[str, list]:
    if flt.factuality is None:
        return "", []
    return f" AND {alias}.factuality IN ({','.join('?' * len(flt.factuality))})", list(flt.factuality)


_TIES = (
    "SELECT a.actor, sum(a.ties), total(a.net) FROM agg_ties_month a "
    "WHERE a.month BETWEEN ? AND ?{f} GROUP BY a.actor"
)


def ranked_ties(conn: sqlite3.Connection, flt: EventFilter) -> sqlite3.Cursor | None:
    """(code, ties, net) of every actor with a tie passing ``flt``, most ties first, then by code,
    when the whole months of the aggregates answer alone (else None): a caller wanting the most
    active few reads only as many rows as it keeps."""
    if flt.types or flt.quads or not available(conn):
        return None
    months, edges = split_months(_widened(conn, flt.window))
    if months is None or edges:
        return None
    fsql, fargs = _factuality(flt, "a")
    cur = conn.cursor()
    cur.row_factory = None
    # BINARY order of UTF-8 text is Python's order of str: the same ranking as a sort in Python
    if _one_group(months, flt):  # an actor has one row: no GROUP BY (a third of the time)
        sql = f"SELECT a.actor, a.ties, a.net FROM agg_ties_month a WHERE a.month = ?{fsql}"
        return cur.execute(sql + " ORDER BY 2 DESC, 1", [months[0], *fargs])
    return cur.execute(_TIES.format(f=fsql) + " ORDER BY 2 DESC, 1", [*months, *fargs])


def _one_group(months: tuple[str, str], flt: EventFilter) -> bool:
    """Whether the window is one month and the filter one factuality: one aggregate row per key."""
    return months[0] == months[1] and flt.factuality is not None and len(flt.factuality) == 1


def ties(conn: sqlite3.Connection, flt: EventFilter, scan) -> dict[str, tuple[int, float]]:
    """code -> (ties, net intensity) of every actor with a tie passing ``flt``. ``scan(conn, flt)``
    answers the same from the dyads: for the days outside whole months, and for a filter on types
    or quads (the monthly ties keep neither)."""
    if flt.types or flt.quads or not available(conn):
        return scan(conn, flt)
    months, edges = split_months(_widened(conn, flt.window))
    out: dict[str, tuple[int, float]] = {}
    if months:
        fsql, fargs = _factuality(flt, "a")
        cur = conn.cursor()
        cur.row_factory = None
        for c, n, x in cur.execute(_TIES.format(f=fsql), [*months, *fargs]):
            out[c] = (n, x)
    for w in edges:
        for c, (n, x) in scan(conn, replace(flt, window=w)).items():
            m, y = out.get(c, (0, 0.0))
            out[c] = (m + n, y + x)
    return out


_PAIR_SUMS = "p.events, p.cooperation, p.conflict, p.quad1, p.quad2, p.quad3, p.quad4"
_PAIR_TOTALS = ("sum(p.events), total(p.cooperation), total(p.conflict), sum(p.quad1), sum(p.quad2), "
                "sum(p.quad3), sum(p.quad4)")
# the planner seeks each kept actor as ``a`` and checks ``b`` against the same set
_PAIR_KEEP = " AND p.a IN (SELECT value FROM json_each(?)) AND +p.b IN (SELECT value FROM json_each(?))"


def pair_edges(conn: sqlite3.Connection, flt: EventFilter, keep: list[str] | None, min_events: int, scan):
    """(a, b) -> [events, cooperation, conflict, q1, q2, q3, q4] of the unordered pairs among ``keep``
    (every actor when None) with at least ``min_events`` events passing ``flt``, or None when the
    filter selects types or quads (the pair aggregate keeps neither). ``scan(conn, flt, keep)`` gives
    the same from the dyads (without the minimum) for the days outside whole months."""
    if flt.types or flt.quads or not available(conn, ("agg_pair_month",)):
        return None
    months, edges = split_months(_widened(conn, flt.window))
    fsql, fargs = _factuality(flt, "p")
    ksql, kargs = ("", []) if keep is None else (_PAIR_KEEP, [json.dumps(keep)] * 2)
    out: dict[tuple[str, str], list] = {}
    if months:
        cur = conn.cursor()
        cur.row_factory = None
        if _one_group(months, flt):  # each pair once: no GROUP BY to sort
            sql = f"SELECT p.a, p.b, {_PAIR_SUMS} FROM agg_pair_month p WHERE p.month = ?{fsql}{ksql}"
            month_args = [months[0]]
            if not edges:
                sql += " AND p.events >= ?"
        else:
            sql = (f"SELECT p.a, p.b, {_PAIR_TOTALS} FROM agg_pair_month p "
                   f"WHERE p.month BETWEEN ? AND ?{fsql}{ksql} GROUP BY p.a, p.b")
            month_args = list(months)
            if not edges:
                sql += " HAVING sum(p.events) >= ?"
        args = [*month_args, *fargs, *kargs] + ([] if edges else [min_events])
        out = {(a, b): rest for a, b, *rest in cur.execute(sql, args)}
    if not edges:
        return out
    for w in edges:
        for key, acc in scan(conn, replace(flt, window=w), keep).items():
            have = out.get(key)
            out[key] = acc if have is None else [x + y for x, y in zip(have, acc)]
    return {k: acc for k, acc in out.items() if acc[0] >= min_events}


def actor_days(conn: sqlite3.Connection, code: str, flt: EventFilter, self_pairs: bool):
    """(day, quad, events, net) of the distinct events ``code`` takes part in, per day and quad;
    None when the filter selects types. ``self_pairs`` also counts events where the actor is
    only paired with itself (the timeline does, the actor page does not)."""
    if flt.types or not available(conn):
        return None
    conds, args = ["a.actor = ?", "a.day <> ''"], [code]
    if flt.window.start:
        conds.append("a.day >= ?")
        args.append(flt.window.start.isoformat())
    if flt.window.end:
        conds.append("a.day <= ?")
        args.append(flt.window.end.isoformat())
    if flt.quads:
        conds.append(f"a.quad IN ({','.join('?' * len(flt.quads))})")
        args.extend(flt.quads)
    fsql, fargs = _factuality(flt, "a")
    cur = conn.cursor()
    cur.row_factory = None
    rows = cur.execute(
        f"SELECT a.day, a.quad, sum(a.events), total(a.net) FROM agg_actor_day a "
        f"WHERE {' AND '.join(conds)}{fsql} GROUP BY a.day, a.quad",
        [*args, *fargs],
    ).fetchall()
    if self_pairs:
        # an event whose only dyad with the actor pairs it with itself is in no aggregate
        where, wargs = flt.where("d")
        rows += cur.execute(
            f"SELECT d.date, coalesce(d.quad, 0), count(*), total(d.intensity) FROM event_dyads d "
            f"WHERE d.source = ? AND d.target = ? AND d.date IS NOT NULL AND {where} "
            "AND NOT EXISTS (SELECT 1 FROM event_dyads o WHERE o.event_id = d.event_id "
            "AND o.source <> o.target AND (o.source = d.source OR o.target = d.source)) "
            "GROUP BY d.date, d.quad",
            [code, code, *wargs],
        ).fetchall()
    return rows


def actor_totals(conn: sqlite3.Connection, code: str, flt: EventFilter):
    """All-time ((type, quad, events, cooperation, conflict) rows, {partner: [events, net]}) of
    ``code`` (self-pairs aside); None unless the filter is factuality only."""
    if flt.types or flt.quads or flt.window.start or flt.window.end or not available(conn):
        return None
    fsql, fargs = _factuality(flt, "a")
    cur = conn.cursor()
    cur.row_factory = None
    per_type = cur.execute(
        f"SELECT a.type, a.quad, sum(a.events), total(a.cooperation), total(a.conflict) "
        f"FROM agg_actor_type a WHERE a.actor = ?{fsql} GROUP BY a.type, a.quad",
        [code, *fargs],
    ).fetchall()
    others = {
        o: [n, x]
        for o, n, x in cur.execute(
            f"SELECT a.other, sum(a.events), total(a.net) FROM agg_partner a "
            f"WHERE a.actor = ?{fsql} GROUP BY a.other",
            [code, *fargs],
        )
    }
    return [(t, q or None, n, coop, conf) for t, q, n, coop, conf in per_type], others
