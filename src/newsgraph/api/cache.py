"""Answers of the analysis routes, remembered until the store changes.

The dashboard asks the same questions again and again (the network of this month, the
timeline of this actor) while the data changes only when an ingest commits. The store only
ever appends, so the largest rowids of ``articles`` and ``event_mentions`` (two index
look-ups) tell when an answer may be stale; any commit makes every older answer unreachable.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import orjson
from fastapi.responses import Response


def _json(answer: Any) -> Response:
    # orjson straight away: FastAPI's generic encoder, and even json.dumps, spend tens of ms on a
    # month's network (~1 MB); the bytes are the same as json.dumps(..., separators=(",", ":")).
    body = orjson.dumps(answer, option=orjson.OPT_NON_STR_KEYS)
    return Response(body, media_type="application/json")


def data_version(conn: sqlite3.Connection) -> tuple:
    return (
        conn.execute("SELECT max(rowid) FROM articles").fetchone()[0],
        conn.execute("SELECT max(rowid) FROM event_mentions").fetchone()[0],
    )


class AnswerCache:
    """A small thread-safe LRU of serialized JSON answers keyed by route, parameters and data version."""

    def __init__(self, maxsize: int = 256):
        self.maxsize = maxsize
        self._items: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, conn: sqlite3.Connection, route: str, params: dict, compute: Callable[[], Any]) -> Response:
        """The answer as JSON; ``compute`` runs only when none is kept for this state of the store."""
        if self.maxsize <= 0:
            return _json(compute())
        key = (route, data_version(conn), tuple(sorted((k, repr(v)) for k, v in params.items())))
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        answer = _json(compute())  # errors are not cached: they raise through
        with self._lock:
            self._items[key] = answer
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)
        return answer
