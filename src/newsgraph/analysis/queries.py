"""Entry points over raw parameters: the one query layer the HTTP API, the CLI and the Python API call.

Each function takes a read connection and parameters as a user gives them (strings from a
query string or a command line, or typed Python values), validates them (``QueryError``
naming the parameter, ``NotFoundError`` for an unknown id) and returns plain JSON-able data.
"""

from __future__ import annotations

import heapq
from contextlib import contextmanager
from datetime import date

from .. import query as listing
from ..errors import QueryError
from . import aggregates as _aggregates
from . import blocs as _blocs
from . import changes as _changes
from . import dyads as _dyads
from . import evidence as _evidence
from . import network as _network
from . import timeline as _timeline
from .counts import counts_from_rows
from .params import (
    EventFilter,
    Window,
    code_in_store,
    parse_bool,
    parse_code,
    parse_float,
    parse_int,
    parse_page,
    parse_resolution,
    parse_text,
)

MAX_LIMIT = 500


class NotFoundError(QueryError):
    """The id names nothing in the store (HTTP 404)."""


def page(limit, offset, default: int = 50, maximum: int = MAX_LIMIT) -> tuple[int, int]:
    return parse_page(limit, offset, default, maximum)


# The listings (``newsgraph.query``) name parameters as the CLI does; answers here use the
# API's names, so a message points at the parameter the caller actually sent.
_API_NAMES = {"since": "start", "until": "end", "text": "q", "name": "q"}


@contextmanager
def _api_names():
    try:
        yield
    except NotFoundError:
        raise
    except QueryError as exc:
        param = getattr(exc, "param", None)
        if param not in _API_NAMES:
            raise
        new = _API_NAMES[param]
        msg = str(exc)
        for old, repl in _API_NAMES.items():
            if old != "name":
                msg = msg.replace(f"{old} ", f"{repl} ", 1).replace(f"{old}:", f"{repl}:", 1)
        raise QueryError(msg, new) from exc


# ------------------------------------------------------------------------------- analysis


def dyads(
    conn,
    source=None,
    target=None,
    start=None,
    end=None,
    type=None,
    quad=None,
    factuality=None,
    include_other=False,
    normalize=False,
    evidence=None,
) -> dict:
    flt = EventFilter.parse(start, end, type, quad, factuality)
    return _dyads.dyad(
        conn,
        source,
        target,
        flt,
        include_other=parse_bool(include_other, "include_other"),
        normalize=parse_bool(normalize, "normalize"),
        evidence=parse_int(evidence, "evidence", 0, 0, 100),
    )


def network(conn, start=None, end=None, *, with_blocs=True, resolution=None, seed=None, **filters) -> dict:
    """The actor network in [start, end]; ``filters`` are ``NetworkParams.parse``'s (type, quad,
    factuality, min_events, kind, max_nodes, directed, max_edges). Nodes carry their bloc unless
    directed."""
    p = _network.NetworkParams.parse(start, end, **filters)
    label = _blocs.labeller(*_bloc_options(resolution, seed)) if with_blocs and not p.directed else None
    return _network.network(conn, p, blocs=label)


def _bloc_options(resolution, seed) -> tuple[float, int]:
    return (
        parse_float(resolution, "resolution", 1.0, 0.01, 100.0),
        parse_int(seed, "seed", 0, 0, 2**31 - 1),
    )


def blocs(conn, start=None, end=None, *, resolution=None, seed=None, **filters) -> dict:
    """Blocs of the undirected network selected by ``filters`` (as ``network``)."""
    p = _network.NetworkParams.parse(start, end, **{**filters, "directed": False})
    return _blocs.blocs(conn, p, *_bloc_options(resolution, seed))


def changes(conn, start=None, end=None, *, baseline_start=None, baseline_end=None, limit=None, **filters) -> dict:
    """Edges new or strengthening in [start, end] against a baseline window (network filters)."""
    p = _network.NetworkParams.parse(start, end, **{**filters, "max_nodes": None})
    baseline = None
    if baseline_start or baseline_end:
        baseline = Window.parse(baseline_start, baseline_end, prefix="baseline_")
    return _changes.changes(conn, p, baseline, parse_int(limit, "limit", 50, 1, MAX_LIMIT))


def timeline(
    conn,
    actor=None,
    source=None,
    target=None,
    start=None,
    end=None,
    resolution=None,
    factuality=None,
    type=None,
    quad=None,
    directed=False,
) -> dict:
    flt = EventFilter.parse(start, end, type, quad, factuality)
    return _timeline.timeline(
        conn, actor, source, target, flt, parse_resolution(resolution), parse_bool(directed, "directed")
    )


def events(conn, limit=None, offset=None, **filters) -> dict:
    """Events with all their evidence, newest first; ``filters`` are ``EventQuery.parse``'s (start, end,
    type, quad, factuality, source, target, actor, pair, article, claimed_by, min_mentions)."""
    limit, offset = page(limit, offset)
    return _evidence.list_events(conn, _evidence.EventQuery.parse(conn, **filters), limit, offset)


def event(conn, event_id: str) -> dict:
    e = _evidence.get_event(conn, str(event_id)[:200])
    if e is None:
        raise NotFoundError(f"id: no event {str(event_id)[:60]!r} in the store", "id")
    return e


# ------------------------------------------------------------------------------- pages


def article(conn, article_id: str) -> dict:
    """One article with its text and everything found in it, with offsets."""
    try:
        art = listing.get_article(conn, article_id)
    except QueryError as exc:
        raise NotFoundError(str(exc), "id") from exc
    actors: dict[str, dict] = {}
    for local_id, key, name, kind, code in conn.execute(
        "SELECT aa.local_id, aa.actor_key, a.name, a.kind, a.code FROM article_actors aa "
        "JOIN actors a ON a.key = aa.actor_key WHERE aa.article_id = ? ORDER BY aa.rowid",
        (art["id"],),
    ):
        actors[local_id] = {
            "key": key,
            "name": name,
            "kind": kind,
            "code": code,
            "local_id": local_id,
            "mentions": [],
        }
    for local_id, start, end, text in conn.execute(
        'SELECT local_id, start, "end", text FROM mentions WHERE article_id = ? ORDER BY start', (art["id"],)
    ):
        if local_id in actors:
            actors[local_id]["mentions"].append({"start": start, "end": end, "text": text})
    quotes = [
        dict(r)
        for r in conn.execute(
            'SELECT id, text, start, "end", direct, cue, cue_start, cue_end, speaker_key, speaker_name, '
            "speaker_code, "
            "speaker_text, speaker_start, speaker_end FROM quotes WHERE article_id = ? ORDER BY start",
            (art["id"],),
        )
    ]
    for q in quotes:
        q["direct"] = bool(q["direct"])
    return {
        "article": art,
        "actors": list(actors.values()),
        "quotes": quotes,
        "events": _evidence.article_events(conn, art["id"]),
    }


def _find_actor(conn, key: str) -> tuple[dict, str]:
    """The actor row for an actor key or a dyad code, and the dyad code its events are counted by."""
    row = conn.execute(
        "SELECT key, name, kind, code, sector, role, country, first_seen, last_seen "
        "FROM actors WHERE key = ?",
        (key,),
    ).fetchone()
    if row is not None:
        actor = dict(row)
        return actor, actor["code"] or actor["name"]
    if code_in_store(conn, key):
        info = _network.actor_info(conn, [key])[key]
        return (
            {
                "key": key,
                "name": info["label"],
                "kind": info["kind"],
                "code": key,
                "sector": None,
                "role": None,
                "country": None,
                "first_seen": None,
                "last_seen": None,
            },
            key,
        )
    raise NotFoundError(f"key: no actor {key[:60]!r} in the store", "key")


# The actor's dyad rows, fetched once for counts, partners and timeline alike.
_ACTOR_ROWS = """
SELECT d.event_id, d.target, d.type, d.quad, d.intensity, d.date FROM event_dyads d
WHERE d.source = ? AND d.target <> ? AND {where}
UNION ALL
SELECT d.event_id, d.source, d.type, d.quad, d.intensity, d.date FROM event_dyads d
WHERE d.target = ? AND d.source <> ? AND {where}
"""


def _actor_aggregates(conn, code: str, flt: EventFilter, resolution: str):
    """Counts, partner scores and per-period counts of the events ``code`` takes part in, in one pass."""
    from .timeline import by_period, period_start

    totals = _aggregates.actor_totals(conn, code, flt)
    days = _aggregates.actor_days(conn, code, flt, self_pairs=False) if totals is not None else None
    if totals is not None and days is not None:
        per_type, others = totals
        counts = counts_from_rows([(t, q, n, 0, coop, conf) for t, q, n, coop, conf in per_type])
        counts["mentions"] = None
        return counts, others, by_period(days, resolution)
    where, args = flt.where("d")
    cur = conn.cursor()
    cur.row_factory = None  # plain tuples: tens of thousands of rows
    per_type: dict[tuple, list] = {}
    others: dict[str, list] = {}
    periods: dict[str, list] = {}
    seen: set[str] = set()
    seen_pair: set[tuple[str, str]] = set()
    for eid, other, typ, quad, x, day in cur.execute(
        _ACTOR_ROWS.format(where=where), [code, code, *args, code, code, *args]
    ):
        x = x or 0.0
        if (eid, other) not in seen_pair:
            seen_pair.add((eid, other))
            o = others.setdefault(other, [0, 0.0])
            o[0] += 1
            o[1] += x
        if eid in seen:
            continue
        seen.add(eid)
        c = per_type.setdefault((typ, quad), [0, 0.0, 0.0])
        c[0] += 1
        c[1 if x > 0 else 2] += abs(x)
        if day:
            p = periods.setdefault(
                period_start(date.fromisoformat(day), resolution).isoformat(), [0, 0, 0, 0, 0, 0.0]
            )
            p[0] += 1
            if quad in (1, 2, 3, 4):
                p[quad] += 1
            p[5] += x
    # report counts are left out here: summing them needs a look-up per event
    counts = counts_from_rows([(t, q, n, 0, coop, conf) for (t, q), (n, coop, conf) in per_type.items()])
    counts["mentions"] = None
    return counts, others, {k: tuple(v) for k, v in periods.items()}


_QUOTE_COLS = (
    "q.id, q.article_id, q.published, q.speaker_name AS speaker, q.speaker_key, q.speaker_code, "
    'q.speaker_text, q.direct, q.cue, q.text, q.start, q."end"'
)


def actor_page(conn, key: str, start=None, end=None, resolution=None, factuality=None, limit=None) -> dict:
    """One actor: counts, timeline by quad, partners and adversaries, quotes by and about it."""
    key = parse_code(key, "key", required=True)
    flt = EventFilter.parse(start, end, None, None, factuality)
    n = parse_int(limit, "limit", 10, 1, 100)
    actor, code = _find_actor(conn, key)
    res = parse_resolution(resolution, "month")
    counts, others, periods = _actor_aggregates(conn, code, flt, res)

    def side(rows):
        return [
            {
                "code": o,
                "name": info[o]["label"],
                "events": k,
                "net": round(s, 3),
                "events_query": {"pair": f"{code},{o}", **flt.query()},
            }
            for o, (k, s) in rows
        ]

    # the n strongest of thousands of partners: heaps, not sorts of them all
    partners = heapq.nsmallest(
        n, ((o, v) for o, v in others.items() if v[1] > 0), key=lambda r: (-r[1][1], -r[1][0], r[0])
    )
    adversaries = heapq.nsmallest(
        n, ((o, v) for o, v in others.items() if v[1] < 0), key=lambda r: (r[1][1], -r[1][0], r[0])
    )
    info = _network.actor_info(conn, [o for o, _ in partners + adversaries])
    tl = {
        "resolution": res,
        "actor": code,
        "source": None,
        "target": None,
        "directed": False,
        **flt.window.as_json(),
        "factuality": flt.query()["factuality"],
        "periods": _timeline.fill(periods, flt, res, {"actor": code}),
    }
    if actor["key"] == actor.get("code"):  # a state or IGO speaks through anyone acting for it
        by_sql, by_args = "q.speaker_key = ? OR q.speaker_code = ?", [actor["key"], code]
    else:
        by_sql, by_args = "q.speaker_key = ?", [actor["key"]]
    quotes_by = [
        _quote(r)
        for r in conn.execute(
            f"SELECT {_QUOTE_COLS} FROM quotes q WHERE {by_sql} ORDER BY q.published DESC, q.id LIMIT ?",
            [*by_args, n],
        )
    ]
    quotes_about = [
        _quote(r)
        for r in conn.execute(
            f"SELECT DISTINCT {_QUOTE_COLS} FROM mentions m JOIN quotes q ON q.article_id = m.article_id "
            'AND m.start >= q.start AND m."end" <= q."end" '
            "WHERE m.actor_key = ? AND coalesce(q.speaker_key, '') <> ? "
            "ORDER BY q.published DESC, q.id LIMIT ?",
            (actor["key"], actor["key"], n),
        )
    ]
    return {
        "actor": actor,
        "code": code,
        "counts": counts,
        "timeline": tl,
        "partners": side(partners),
        "adversaries": side(adversaries),
        "quotes_by": _with_articles(conn, quotes_by),
        "quotes_about": _with_articles(conn, quotes_about),
    }


def _quote(row) -> dict:
    q = dict(row)
    q["direct"] = bool(q["direct"])
    return q


def _with_articles(conn, quotes: list[dict]) -> list[dict]:
    ids = sorted({q["article_id"] for q in quotes})
    refs = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for r in conn.execute(
            f"SELECT id, title, url, source, published FROM articles WHERE id IN "
            f"({','.join('?' * len(chunk))})",
            chunk,
        ):
            refs[r[0]] = dict(r)
    for q in quotes:
        q["article"] = refs.get(q["article_id"])
    return quotes


# ------------------------------------------------------------------------------- listings


def articles(conn, q=None, source=None, start=None, end=None, actor=None, limit=None, offset=None) -> dict:
    """Articles, newest first; ``q`` is part of the title."""
    with _api_names():
        p = listing.list_articles(conn, since=start, until=end, source=source, actor=actor, title=q,
                                  limit=limit, offset=offset, max_limit=MAX_LIMIT)
    return p.to_json()


def actors(conn, q=None, kind=None, code=None, start=None, end=None, limit=None, offset=None) -> dict:
    with _api_names():
        p = listing.list_actors(conn, kind=kind, code=code, name=q, since=start, until=end,
                                limit=limit, offset=offset, max_limit=MAX_LIMIT)
    return p.to_json()


def quotes(
    conn, q=None, speaker=None, code=None, start=None, end=None, article=None, limit=None, offset=None
) -> dict:
    with _api_names():
        p = listing.list_quotes(conn, speaker=speaker, code=code, text=q, since=start, until=end,
                                article=article, limit=limit, offset=offset, max_limit=MAX_LIMIT)
    out = p.to_json()
    _with_articles(conn, out["items"])
    return out


def search(conn, q=None, limit=None) -> dict:
    """Actors, quotes and articles matching ``q`` (names, full text of quotes, titles)."""
    text = parse_text(q, "q")
    if text is None:
        raise QueryError("q: a search text is required", "q")
    n = parse_int(limit, "limit", 10, 1, 100)
    return {
        "q": text,
        "actors": actors(conn, q=text, limit=n)["items"],
        "quotes": quotes(conn, q=text, limit=n)["items"],
        "articles": articles(conn, q=text, limit=n)["items"],
    }


def status(conn, store_path=None, ingest_enabled: bool = False) -> dict:
    from importlib.metadata import version

    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "version": version("newsgraph"),
        "store": str(store_path) if store_path else None,
        "articles": one("SELECT count(*) FROM articles"),
        "actors": one("SELECT count(*) FROM actors"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"),
        "event_mentions": one("SELECT count(*) FROM event_mentions"),
        "last_ingest": one("SELECT max(ingested_at) FROM articles"),
        "first_date": one("SELECT min(date) FROM events"),
        "last_date": one("SELECT max(date) FROM events"),
        "ingest_enabled": ingest_enabled,
    }
