"""Dyads: what two actors did to each other in a window, counted by type and quad category.

Only asserted events count by default; claimed (alleged), intended (future), hypothetical,
demanded and negated ones are counted apart in ``other_factualities`` when asked for, so a
threat someone fears never adds to a conflict score as if it had happened.
"""

from __future__ import annotations

import sqlite3

from ..records import FACTUALITIES
from .counts import counts_from_rows
from .evidence import EventQuery, list_events
from .params import EventFilter, Window, check_codes, parse_code

# One row per (direction, factuality, type, quad). ``f`` is source -> target, ``r`` the reverse.
_BY_DIRECTION = """
SELECT CASE WHEN d.source = ? THEN 'f' ELSE 'r' END, d.factuality, d.type, d.quad, COUNT(*),
       SUM(e.mention_count),
       COALESCE(SUM(CASE WHEN d.intensity > 0 THEN d.intensity END), 0),
       COALESCE(SUM(CASE WHEN d.intensity < 0 THEN -d.intensity END), 0)
FROM event_dyads d JOIN events e ON e.id = d.event_id
WHERE ((d.source = ? AND d.target = ?) OR (d.source = ? AND d.target = ?)) AND {where}
GROUP BY 1, 2, 3, 4
"""

# Both directions with each event once (an event can, rarely, link the pair both ways).
_TOTAL = """
SELECT x.factuality, x.type, x.quad, COUNT(*), SUM(e.mention_count),
       COALESCE(SUM(CASE WHEN x.intensity > 0 THEN x.intensity END), 0),
       COALESCE(SUM(CASE WHEN x.intensity < 0 THEN -x.intensity END), 0)
FROM (SELECT d.event_id, d.factuality, d.type, d.quad, d.intensity FROM event_dyads d
      WHERE ((d.source = ? AND d.target = ?) OR (d.source = ? AND d.target = ?)) AND {where}
      GROUP BY d.event_id) AS x
JOIN events e ON e.id = x.event_id
GROUP BY 1, 2, 3
"""


def articles_in_window(conn: sqlite3.Connection, window: Window) -> int:
    """Distinct stories published in the window (near-duplicate copies of a wire story count once)."""
    conds, args = ["duplicate_of IS NULL"], []
    if window.start:
        conds.append("published >= ?")
        args.append(window.start.isoformat())
    if window.end:
        conds.append("published <= ?")
        args.append(window.end.isoformat())
    return conn.execute(f"SELECT COUNT(*) FROM articles WHERE {' AND '.join(conds)}", args).fetchone()[0]


def dyad(
    conn: sqlite3.Connection,
    source: str,
    target: str,
    flt: EventFilter | None = None,
    include_other: bool = False,
    normalize: bool = False,
    evidence: int = 0,
) -> dict:
    """Counts for the pair (source, target) in both directions, with the events behind them.

    ``flt.factuality`` chooses the factualities that count (default asserted only); with
    ``include_other`` every other factuality is counted too, each separately.
    """
    flt = flt or EventFilter()
    source = parse_code(source, "source", required=True)
    target = parse_code(target, "target", required=True)
    check_codes(conn, {"source": source, "target": target})
    main = flt.factuality or FACTUALITIES
    # Query all factualities once and split in Python: cheaper than one query per factuality.
    where, args = flt.with_factuality(None).where("d")
    pair_args = [source, target, target, source]

    rows_dir: dict[tuple[str, str], list] = {}
    for direction, fact, typ, quad, n, m, coop, conf in conn.execute(
        _BY_DIRECTION.format(where=where), [source, *pair_args, *args]
    ):
        rows_dir.setdefault((direction, fact), []).append((typ, quad, n, m, coop, conf))
    rows_tot: dict[str, list] = {}
    for fact, typ, quad, n, m, coop, conf in conn.execute(_TOTAL.format(where=where), [*pair_args, *args]):
        rows_tot.setdefault(fact, []).append((typ, quad, n, m, coop, conf))

    def fold(facts, direction=None) -> dict:
        if direction is None:
            return counts_from_rows([r for f in facts for r in rows_tot.get(f, [])])
        return counts_from_rows([r for f in facts for r in rows_dir.get((direction, f), [])])

    out = {
        "source": source,
        "target": target,
        **flt.window.as_json(),
        "factuality": list(main),
        "types": list(flt.types),
        "quads": list(flt.quads),
        "forward": fold(main, "f"),
        "reverse": fold(main, "r"),
        "total": fold(main),
    }
    if include_other:
        others = [f for f in FACTUALITIES if f not in main]
        # only factualities with events: an absent key means none
        out["other_factualities"] = {
            f: {"forward": fold([f], "f"), "reverse": fold([f], "r"), "total": fold([f])}
            for f in others
            if rows_tot.get(f)
        }
    if normalize:  # a count over the articles table: only when asked for
        n_articles = articles_in_window(conn, flt.window)
        out["articles_in_window"] = n_articles
        out["normalized"] = _per_article(out, n_articles)
    out["events_query"] = {"pair": f"{source},{target}", **flt.query()}
    if evidence:
        q = EventQuery.of_pair(flt, source, target)
        out["events"] = list_events(conn, q, limit=evidence, with_total=False)["items"]
    return out


def _per_article(out: dict, n_articles: int) -> dict:
    if n_articles == 0:
        return {"events_per_article": None, "forward": None, "reverse": None, "net_per_article": None}
    return {
        "events_per_article": round(out["total"]["events"] / n_articles, 4),
        "forward": round(out["forward"]["events"] / n_articles, 4),
        "reverse": round(out["reverse"]["events"] / n_articles, 4),
        "net_per_article": round(out["total"]["net"] / n_articles, 4),
    }
