"""Timelines: events over time by quad category, for one actor or one dyad.

Periods are days, ISO weeks starting on Monday, or calendar months, labelled by their first
day. Each distinct event counts once per period; empty periods are filled with zeros so a
chart's x-axis is continuous.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from ..errors import QueryError
from . import aggregates
from .params import EventFilter, check_codes, parse_code, parse_resolution

MAX_PERIODS = 20_000

_PERIOD_SQL = {
    "day": "x.date",
    # back six days, then forward to the next Monday: the Monday on or before the date
    "week": "date(x.date, '-6 days', 'weekday 1')",
    "month": "substr(x.date, 1, 7) || '-01'",
}

_SQL = """
SELECT {period} AS p, COUNT(*), SUM(x.quad = 1), SUM(x.quad = 2), SUM(x.quad = 3), SUM(x.quad = 4),
       COALESCE(SUM(x.intensity), 0)
FROM ({events}) AS x
WHERE x.date IS NOT NULL
GROUP BY p ORDER BY p
"""


def period_start(day: date, resolution: str) -> date:
    if resolution == "week":
        return day - timedelta(days=day.weekday())
    if resolution == "month":
        return day.replace(day=1)
    return day


def period_end(start: date, resolution: str) -> date:
    if resolution == "week":
        return start + timedelta(days=6)
    if resolution == "month":
        nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return nxt - timedelta(days=1)
    return start


def _periods(first: date, last: date, resolution: str):
    p = period_start(first, resolution)
    n = 0
    while p <= last:
        n += 1
        if n > MAX_PERIODS:
            raise QueryError(
                f"resolution: more than {MAX_PERIODS} {resolution}s in the window; "
                "use a coarser resolution or a shorter window",
                "resolution",
            )
        yield p
        p = period_end(p, resolution) + timedelta(days=1)


def fill(rows: dict[str, tuple], flt: EventFilter, resolution: str, link: dict) -> list[dict]:
    """Periods from first to last (or across the window), zeros where ``rows`` (period start ->
    (events, q1, q2, q3, q4, net)) has none, each with the ``events_query`` listing its events."""
    periods: list[dict] = []
    if rows or (flt.window.start and flt.window.end):
        first = flt.window.start or date.fromisoformat(min(rows))
        last = flt.window.end or date.fromisoformat(max(rows))
        for p in _periods(first, last, resolution):
            n, q1, q2, q3, q4, net = rows.get(p.isoformat(), (0, 0, 0, 0, 0, 0.0))
            end = period_end(p, resolution)
            lo = max(p, flt.window.start) if flt.window.start else p
            hi = min(end, flt.window.end) if flt.window.end else end
            periods.append(
                {
                    "period": p.isoformat(),
                    "start": lo.isoformat(),
                    "end": hi.isoformat(),
                    "events": n,
                    "quad1": q1 or 0,
                    "quad2": q2 or 0,
                    "quad3": q3 or 0,
                    "quad4": q4 or 0,
                    "net": round(net or 0.0, 3),
                    "events_query": {**link, **flt.query(), "start": lo.isoformat(), "end": hi.isoformat()},
                }
            )
    return periods


def timeline(
    conn: sqlite3.Connection,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    flt: EventFilter | None = None,
    resolution: str = "week",
    directed: bool = False,
) -> dict:
    """Per-period counts by quad for ``actor`` (either side of an event) or the dyad ``source``/``target``."""
    flt = flt or EventFilter()
    resolution = parse_resolution(resolution)
    actor, source, target = (
        parse_code(actor, "actor"),
        parse_code(source, "source"),
        parse_code(target, "target"),
    )
    if actor and (source or target):
        raise QueryError("actor: give either actor or source and target, not both", "actor")
    if not actor and not (source and target):
        raise QueryError("actor: give an actor, or both source and target for a dyad", "actor")
    check_codes(conn, {"actor": actor, "source": source, "target": target})
    link = {"actor": actor} if actor else ({"source": source, "target": target} if directed
                                           else {"pair": f"{source},{target}"})
    days = aggregates.actor_days(conn, actor, flt, self_pairs=True) if actor else None
    if days is not None:
        rows = by_period(days, resolution)
    else:
        rows = _scan(conn, actor, source, target, flt, resolution, directed)
    periods = fill(rows, flt, resolution, link)
    return {
        "resolution": resolution,
        "actor": actor,
        "source": source,
        "target": target,
        "directed": directed,
        **flt.window.as_json(),
        "factuality": flt.query()["factuality"],
        "periods": periods,
    }


def by_period(days, resolution: str) -> dict[str, tuple]:
    """Fold (day, quad, events, net) rows into period start -> (events, q1, q2, q3, q4, net)."""
    out: dict[str, list] = {}
    keys: dict[str, str] = {}  # several quads and factualities share a day
    for day, quad, n, x in days:
        key = keys.get(day)
        if key is None:
            key = keys[day] = period_start(date.fromisoformat(day), resolution).isoformat()
        p = out.setdefault(key, [0, 0, 0, 0, 0, 0.0])
        p[0] += n
        if quad in (1, 2, 3, 4):
            p[quad] += n
        p[5] += x or 0.0
    return {k: tuple(v) for k, v in out.items()}


def _scan(conn, actor, source, target, flt: EventFilter, resolution: str, directed: bool) -> dict[str, tuple]:
    """Period start -> (events, q1, q2, q3, q4, net) read from the dyads themselves."""
    where, args = flt.where("d")
    cols = "d.event_id, d.date, d.quad, d.intensity"
    if actor:
        events = (
            f"SELECT {cols} FROM event_dyads d WHERE d.source = ? AND {where} UNION "
            f"SELECT {cols} FROM event_dyads d WHERE d.target = ? AND {where}"
        )
        qargs = [actor, *args, actor, *args]
    elif directed:
        events = f"SELECT {cols} FROM event_dyads d WHERE d.source = ? AND d.target = ? AND {where}"
        qargs = [source, target, *args]
    else:
        events = (
            f"SELECT {cols} FROM event_dyads d WHERE ((d.source = ? AND d.target = ?) "
            f"OR (d.source = ? AND d.target = ?)) AND {where} GROUP BY d.event_id"
        )
        qargs = [source, target, target, source, *args]
    sql = _SQL.format(period=_PERIOD_SQL[resolution], events=events)
    return {p: tuple(r) for p, *r in conn.execute(sql, qargs)}
