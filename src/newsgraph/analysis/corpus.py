"""The Python API: ``newsgraph.open(path)`` returns a :class:`Corpus` with the CLI's queries.

Every method calls the same ``analysis.queries`` function as the HTTP API and the CLI and
returns a pandas DataFrame by default; ``as_="arrow"`` gives a pyarrow Table and ``as_="json"``
the API's JSON-able answer (nested, with evidence links)::

    import newsgraph
    ng = newsgraph.open("newsgraph-data")
    ng.dyads("RUS", "PRK", start="2024-06-01", end="2024-06-30")
    ng.network(start="2024-06-01", end="2024-06-30")      # edges
    ng.blocs()                                             # actor -> bloc
    ng.timeline(actor="RUS", resolution="month", as_="arrow")
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import QueryError
from . import queries, tables

FORMATS = ("pandas", "arrow", "json")


def _frame(rows: list[dict], as_: str, columns: list[str] | None = None):
    import pandas as pd

    df = pd.DataFrame(rows, columns=columns if not rows else None)
    if as_ == "pandas":
        return df
    import pyarrow as pa

    for col in df.columns:  # nested values (lists, dicts) travel as JSON text in Arrow
        if df[col].map(lambda v: isinstance(v, (list, dict))).any():
            df[col] = df[col].map(
                lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
            )
    return pa.Table.from_pandas(df, preserve_index=False)


class Corpus:
    """A read-only handle on a newsgraph store."""

    def __init__(self, path: str | Path):
        from ..store import Store

        self.path = Path(path)
        self._store = Store.open(self.path, readonly=True)

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<newsgraph.Corpus {self.path}>"

    @contextmanager
    def _conn(self):
        conn = self._store.connect()
        try:
            yield conn
        finally:
            conn.close()

    def _run(self, fn, to_rows, as_: str, columns: list[str] | None = None, **params) -> Any:
        if as_ not in FORMATS:
            raise QueryError(f"as_: {as_!r} is not one of {', '.join(FORMATS)}", "as_")
        with self._conn() as conn:
            result = fn(conn, **params)
        if as_ == "json":
            return result
        return _frame(to_rows(result), as_, columns)

    # ------------------------------------------------------------------ listings
    def status(self) -> dict:
        with self._conn() as conn:
            return queries.status(conn, self.path)

    def articles(self, as_: str = "pandas", **params):
        """Articles (q, source, start, end, actor, limit, offset), newest first."""
        return self._run(queries.articles, lambda r: r["items"], as_, **params)

    def article(self, article_id: str) -> dict:
        """One article with its text, actors, quotes and events (offsets into the text)."""
        with self._conn() as conn:
            return queries.article(conn, article_id)

    def actors(self, as_: str = "pandas", **params):
        """Actors (q, kind, code, start, end, limit, offset), the most reported first."""
        return self._run(queries.actors, lambda r: r["items"], as_, **params)

    def actor(self, key: str, **params) -> dict:
        """One actor's page: counts, timeline, partners, adversaries, quotes by and about it."""
        with self._conn() as conn:
            return queries.actor_page(conn, key, **params)

    def quotes(self, as_: str = "pandas", **params):
        """Quotes (q full text, speaker, code, start, end, article, limit, offset)."""
        return self._run(queries.quotes, lambda r: r["items"], as_, **params)

    def events(self, as_: str = "pandas", **params):
        """Events with evidence (start, end, type, quad, factuality, source, target, actor, pair, ...)."""
        return self._run(queries.events, lambda r: tables.event_rows(r["items"]), as_, **params)

    def search(self, q: str, limit: int | None = None) -> dict:
        with self._conn() as conn:
            return queries.search(conn, q=q, limit=limit)

    # ------------------------------------------------------------------ analysis
    def dyads(self, source: str, target: str, as_: str = "pandas", **params):
        """Counts for a pair by direction and factuality (start, end, type, quad, factuality,
        include_other, normalize, evidence)."""
        return self._run(queries.dyads, tables.dyad_rows, as_, source=source, target=target, **params)

    def network(self, as_: str = "pandas", **params):
        """Edges of the actor network (start, end, type, quad, factuality, min_events, kind, max_nodes,
        directed, max_edges: only the strongest)."""
        return self._run(queries.network, tables.edge_rows, as_, **params)

    def nodes(self, as_: str = "pandas", **params):
        """Nodes of the actor network, with their bloc."""
        return self._run(queries.network, tables.node_rows, as_, **params)

    def graph(self, **params):
        """The network as a networkx graph (what the GraphML/GEXF exports write)."""
        from .network import to_graph

        with self._conn() as conn:
            return to_graph(queries.network(conn, **params))

    def blocs(self, as_: str = "pandas", **params):
        """Actor -> bloc of the signed network (network filters, resolution, seed)."""
        return self._run(queries.blocs, tables.bloc_rows, as_, ["actor", "bloc", "bloc_size"], **params)

    def changes(self, as_: str = "pandas", **params):
        """Edges new or strengthening in [start, end] against a baseline window."""
        return self._run(queries.changes, tables.change_rows, as_, **params)

    def timeline(self, as_: str = "pandas", **params):
        """Events per period by quad for an actor (actor=) or a dyad (source=, target=)."""
        return self._run(queries.timeline, tables.timeline_rows, as_, **params)

    def export(self, table: str, format: str, out: str | Path, **options) -> list[Path]:
        from ..export import export

        with self._conn() as conn:
            return export(conn, table, format, Path(out), options)


def open(path: str | Path) -> Corpus:  # noqa: A001 - the public name is newsgraph.open
    return Corpus(path)
