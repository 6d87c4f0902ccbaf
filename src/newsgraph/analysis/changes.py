"""Changes: edges that are new or strengthening in a window against a baseline window.

An edge is *new* when the baseline has no event on it, *strengthening* when the window has at
least one event more than the baseline's rate predicts (baseline events scaled by the ratio of
the windows' lengths; with the default equal-length baseline, simply at least one more event).
Windows must be bounded: a rate needs a length.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from ..errors import QueryError
from .network import NetworkParams, edge_rows
from .params import Window

MIN_INCREASE = 1.0  # events above what the baseline rate predicts


def default_baseline(window: Window) -> Window:
    days = window.days()
    return Window(window.start - timedelta(days=days), window.start - timedelta(days=1))


def changes(
    conn: sqlite3.Connection, params: NetworkParams, baseline: Window | None = None, limit: int = 50
) -> dict:
    window = params.filter.window
    if not (window.start and window.end):
        raise QueryError("start: changes need a bounded window (start and end)", "start")
    baseline = baseline or default_baseline(window)
    if not (baseline.start and baseline.end):
        raise QueryError(
            "baseline_start: give both baseline_start and baseline_end, or neither", "baseline_start"
        )
    now = {(e["source"], e["target"]): e for e in edge_rows(conn, params.filter, params.directed)}
    before = {
        (e["source"], e["target"]): e
        for e in edge_rows(conn, params.filter.with_window(baseline), params.directed)
    }
    scale = window.days() / baseline.days()
    out = []
    for key, e in now.items():
        if e["events"] < params.min_events:
            continue
        b = before.get(key)
        b_events = b["events"] if b else 0
        if b is None:
            status = "new"
        elif e["events"] - b_events * scale >= MIN_INCREASE:
            status = "strengthening"
        else:
            continue
        b_net = b["net"] if b else 0.0
        link = {"source": key[0], "target": key[1]} if params.directed else {"pair": f"{key[0]},{key[1]}"}
        out.append(
            {
                "source": key[0],
                "target": key[1],
                "status": status,
                "events": e["events"],
                "baseline_events": b_events,
                "net": e["net"],
                "baseline_net": b_net,
                "delta_events": round(e["events"] - b_events * scale, 3),
                "delta_net": round(e["net"] - b_net * scale, 3),
                "by_quad": e["by_quad"],
                "events_query": link | params.filter.query(),
            }
        )
    out.sort(key=lambda c: (-c["delta_events"], -abs(c["delta_net"]), c["source"], c["target"]))
    return {
        "window": window.as_json(),
        "baseline": baseline.as_json(),
        "params": params.as_json(),
        "total": len(out),
        "edges": out[:limit],
    }
