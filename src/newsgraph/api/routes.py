"""Read-only routes under /api/: thin wrappers calling ``analysis.queries`` (the CLI calls the same).

Parameters are declared as strings so that validation, and its messages, live in one place
(``analysis.params``) for the API, the CLI and the Python API alike.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from ..analysis import queries
from ..analysis.network import MAX_EDGES as EDGES_CAP

router = APIRouter(prefix="/api")


def connection(request: Request) -> Iterator[sqlite3.Connection]:
    """One read connection per request: a consistent snapshot, never blocked by an ingest."""
    conn = request.app.state.store.connect(check_same_thread=False)
    try:
        yield conn
    finally:
        conn.close()


def _cached(request: Request, conn: sqlite3.Connection, fn, **params):
    """An analysis answer, from the cache while the store has not changed since it was computed."""
    return request.app.state.cache.get(conn, fn.__name__, params, lambda: fn(conn, **params))


Conn = Annotated[sqlite3.Connection, Depends(connection)]
Str = str | None
Multi = Annotated[list[str] | None, Query()]
START = Query(None, description="First day, YYYY-MM-DD (inclusive)")
END = Query(None, description="Last day, YYYY-MM-DD (inclusive)")
LIMIT = Query(None, description="Page size (default 50, at most 500)")
OFFSET = Query(None, description="Rows to skip (default 0)")


@router.get("/status")
def status(request: Request, conn: Conn):
    """Counts and the time of the last ingest (the dashboard polls this)."""
    state = request.app.state
    return state.cache.get(
        conn, "status", {}, lambda: queries.status(conn, state.store.path, bool(state.settings.ingest_token))
    )


@router.get("/articles")
def articles(
    conn: Conn,
    q: Str = None,
    source: Str = None,
    start: Str = START,
    end: Str = END,
    actor: Str = None,
    limit: Str = LIMIT,
    offset: Str = OFFSET,
):
    """Articles, newest first."""
    return queries.articles(
        conn, q=q, source=source, start=start, end=end, actor=actor, limit=limit, offset=offset
    )


@router.get("/articles/{article_id}")
def article(article_id: str, conn: Conn):
    """One article with its text, actors, quotes and events (character offsets into the text)."""
    return queries.article(conn, article_id)


@router.get("/actors")
def actors(
    conn: Conn,
    q: Str = None,
    kind: Str = None,
    code: Str = None,
    start: Str = START,
    end: Str = END,
    limit: Str = LIMIT,
    offset: Str = OFFSET,
):
    """Actors, the most reported first."""
    return queries.actors(conn, q=q, kind=kind, code=code, start=start, end=end, limit=limit, offset=offset)


@router.get("/actors/{key:path}")
def actor(
    request: Request,
    key: str,
    conn: Conn,
    start: Str = START,
    end: Str = END,
    resolution: Str = None,
    factuality: Multi = None,
    limit: Str = None,
):
    """One actor: counts, timeline by quad, partners, adversaries, quotes by and about it."""
    return _cached(
        request,
        conn,
        queries.actor_page,
        key=key,
        start=start,
        end=end,
        resolution=resolution,
        factuality=factuality,
        limit=limit,
    )


@router.get("/events")
def events(
    conn: Conn,
    flt: Filter,
    source: Str = None,
    target: Str = None,
    actor: Str = None,
    pair: Str = None,
    article: Str = None,
    claimed_by: Str = None,
    min_mentions: Str = None,
    limit: Str = LIMIT,
    offset: Str = OFFSET,
):
    """Events with their evidence (sentence, article, quote), newest first."""
    return queries.events(
        conn, source=source, target=target, actor=actor, pair=pair, article=article, claimed_by=claimed_by,
        min_mentions=min_mentions, limit=limit, offset=offset, **flt,
    )


@router.get("/events/{event_id}")
def event(event_id: str, conn: Conn):
    """One event with all its evidence."""
    return queries.event(conn, event_id)


@router.get("/quotes")
def quotes(
    conn: Conn,
    q: Str = None,
    speaker: Str = None,
    code: Str = None,
    start: Str = START,
    end: Str = END,
    article: Str = None,
    limit: Str = LIMIT,
    offset: Str = OFFSET,
):
    """Quotes: full-text search, by speaker, by the speaker's code, by date."""
    return queries.quotes(
        conn,
        q=q,
        speaker=speaker,
        code=code,
        start=start,
        end=end,
        article=article,
        limit=limit,
        offset=offset,
    )


@router.get("/search")
def search(conn: Conn, q: Str = None, limit: Str = None):
    """Actors, quotes and articles matching a text."""
    return queries.search(conn, q=q, limit=limit)


def event_filter(
    start: Str = START, end: Str = END, type: Multi = None, quad: Multi = None, factuality: Multi = None
) -> dict:
    """Which events an aggregate counts: the parameters every analysis route shares."""
    return {"start": start, "end": end, "type": type, "quad": quad, "factuality": factuality}


def network_filter(
    flt: Annotated[dict, Depends(event_filter)], min_events: Str = None, kind: Multi = None
) -> dict:
    """The network routes' filters: the event filter, events per edge and node kinds."""
    return {**flt, "min_events": min_events, "kind": kind}


Filter = Annotated[dict, Depends(event_filter)]
NetFilter = Annotated[dict, Depends(network_filter)]


@router.get("/dyads")
def dyads(
    request: Request,
    conn: Conn,
    flt: Filter,
    source: Str = None,
    target: Str = None,
    include_other: Str = None,
    normalize: Str = None,
    evidence: Str = None,
):
    """Counts by type and quad, and the net cooperation-conflict score, for a pair of actors."""
    return _cached(
        request, conn, queries.dyads, source=source, target=target, include_other=include_other,
        normalize=normalize, evidence=evidence, **flt,
    )


MAX_EDGES = Query(
    None,
    description=f"Return only the strongest edges (largest |net|), 1..{EDGES_CAP}; default all. "
    "edges_total counts them all; nodes, degrees and blocs are those of the whole network",
)


@router.get("/network")
def network(
    request: Request, conn: Conn, flt: NetFilter, max_nodes: Str = None, directed: Str = None,
    max_edges: Str = MAX_EDGES,
):
    """Actors and the signed, weighted edges between them, with bloc labels."""
    return _cached(
        request, conn, queries.network, max_nodes=max_nodes, directed=directed, max_edges=max_edges, **flt
    )


@router.get("/blocs")
def blocs(
    request: Request, conn: Conn, flt: NetFilter, max_nodes: Str = None, resolution: Str = None, seed: Str = None
):
    """Communities of the signed network (Louvain on cooperation, negative ties penalising)."""
    return _cached(request, conn, queries.blocs, max_nodes=max_nodes, resolution=resolution, seed=seed, **flt)


@router.get("/changes")
def changes(
    request: Request,
    conn: Conn,
    flt: NetFilter,
    baseline_start: Str = None,
    baseline_end: Str = None,
    directed: Str = None,
    limit: Str = None,
):
    """Edges new or strengthening in a window against a baseline window."""
    return _cached(
        request, conn, queries.changes, baseline_start=baseline_start, baseline_end=baseline_end,
        directed=directed, limit=limit, **flt,
    )


@router.get("/timeline")
def timeline(
    request: Request,
    conn: Conn,
    flt: Filter,
    actor: Str = None,
    source: Str = None,
    target: Str = None,
    resolution: Str = None,
    directed: Str = None,
):
    """Events per day, week or month by quad category, for an actor or a dyad."""
    return _cached(
        request, conn, queries.timeline, actor=actor, source=source, target=target, resolution=resolution,
        directed=directed, **flt,
    )
