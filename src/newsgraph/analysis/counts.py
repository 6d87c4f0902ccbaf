"""The ``Counts`` block every aggregate answers with, built from one grouped SQL query.

Counting rules (see docs/analysis.md): an event is one row of ``events`` however many
articles report it (``mentions`` keeps the number of reports); cooperation is the sum of
positive PLOVER intensities, conflict the sum of the absolute negative ones, net their
difference.
"""

from __future__ import annotations

import sqlite3

from .params import QUADS

# Per (type, quad): distinct events, reports, positive and negative intensity sums.
# ``{dyads}`` is a sub-query yielding one row per event (event_id, type, quad, intensity).
COUNTS_SQL = """
SELECT x.type, x.quad, COUNT(*), COALESCE(SUM(e.mention_count), 0),
       COALESCE(SUM(CASE WHEN x.intensity > 0 THEN x.intensity END), 0),
       COALESCE(SUM(CASE WHEN x.intensity < 0 THEN -x.intensity END), 0)
FROM ({dyads}) AS x JOIN events e ON e.id = x.event_id
GROUP BY x.type, x.quad
"""


def empty_counts() -> dict:
    return {
        "events": 0,
        "mentions": 0,
        "by_type": {},
        "by_quad": {str(q): 0 for q in QUADS},
        "cooperation": 0.0,
        "conflict": 0.0,
        "net": 0.0,
        "mean": None,
    }


def counts_from_rows(rows) -> dict:
    """Fold rows of (type, quad, events, mentions, cooperation, conflict) into a Counts dict."""
    c = empty_counts()
    for typ, quad, n, mentions, coop, conf in rows:
        c["events"] += n
        c["mentions"] += mentions
        c["by_type"][typ] = c["by_type"].get(typ, 0) + n
        if quad in QUADS:
            c["by_quad"][str(quad)] += n
        c["cooperation"] += coop
        c["conflict"] += conf
    return finish(c)


def finish(c: dict) -> dict:
    c["cooperation"] = round(c["cooperation"], 3)
    c["conflict"] = round(c["conflict"], 3)
    c["net"] = round(c["cooperation"] - c["conflict"], 3)
    c["mean"] = round(c["net"] / c["events"], 3) if c["events"] else None
    c["by_type"] = dict(sorted(c["by_type"].items(), key=lambda kv: (-kv[1], kv[0])))
    return c


def counts(conn: sqlite3.Connection, dyads_sql: str, args: list) -> dict:
    """Counts over the distinct events selected by ``dyads_sql`` (one row per event)."""
    return counts_from_rows(conn.execute(COUNTS_SQL.format(dyads=dyads_sql), args).fetchall())
