"""Validation of analysis parameters, shared by the CLI, the Python API and the HTTP API.

Every function takes raw user input (strings from a query string or a command line, or
already-typed Python values) and returns a typed value or raises ``QueryError`` naming the
parameter, so the HTTP layer can answer 400 with the message and never 500.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..errors import QueryError
from ..records import FACTUALITIES

QUADS = (1, 2, 3, 4)
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
RESOLUTIONS = ("day", "week", "month")
MAX_CODE_LEN = 200
MAX_OFFSET = 1_000_000
_TYPE_RE = re.compile(r"^[A-Z_]{2,30}$")


def parse_date(value: str | date | None, param: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise QueryError(f"{param}: {_show(value)} is not a date in YYYY-MM-DD form", param) from None


def split_values(values: str | Iterable[str] | None) -> list[str]:
    """``"A,B"``, ``["A", "B"]`` and ``["A,B"]`` all give ``["A", "B"]``; blanks are dropped."""
    if values is None:
        return []
    if isinstance(values, (str, int)):
        values = [str(values)]
    out: list[str] = []
    for v in values:
        out.extend(p.strip() for p in str(v).split(",") if p.strip())
    return out


@lru_cache(maxsize=1)
def known_types() -> frozenset[str]:
    """PLOVER event types of the ontology (the events engineer's data), read once."""
    from ..events.ontology import Ontology

    return frozenset(Ontology.load().types)


def parse_types(values, param: str = "type") -> tuple[str, ...]:
    out = []
    for v in split_values(values):
        t = v.upper()
        if not _TYPE_RE.match(t) or t not in known_types():
            raise QueryError(
                f"{param}: unknown PLOVER event type {_show(v)}; "
                f"known types: {', '.join(sorted(known_types()))}",
                param,
            )
        out.append(t)
    return tuple(dict.fromkeys(out))


def parse_quads(values, param: str = "quad") -> tuple[int, ...]:
    out = []
    for v in split_values(values):
        if v not in {"1", "2", "3", "4"}:
            raise QueryError(f"{param}: {_show(v)} is not a quad category (1, 2, 3 or 4)", param)
        out.append(int(v))
    return tuple(sorted(set(out)))


def parse_factuality(values, default: str = "asserted", param: str = "factuality") -> tuple[str, ...] | None:
    """A tuple of factualities, or None for all of them (``all``)."""
    vals = [v.lower() for v in split_values(values)] or [default]
    if "all" in vals:
        return None
    for v in vals:
        if v not in FACTUALITIES:
            raise QueryError(
                f"{param}: {_show(v)} is not a factuality; use one of {', '.join(FACTUALITIES)} or all", param
            )
    return tuple(dict.fromkeys(vals))


def parse_int(value, param: str, default: int, minimum: int, maximum: int) -> int:
    if value is None or value == "":
        return default
    try:
        n = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise QueryError(f"{param}: {_show(value)} is not an integer", param) from None
    if n < minimum or n > maximum:
        raise QueryError(f"{param}: {n} is out of range (allowed {minimum}..{maximum})", param)
    return n


def parse_page(limit, offset, default: int = 50, maximum: int = 500) -> tuple[int, int]:
    """``limit`` (1..maximum) and ``offset`` (0..MAX_OFFSET) of a listing page."""
    return parse_int(limit, "limit", default, 1, maximum), parse_int(offset, "offset", 0, 0, MAX_OFFSET)


def parse_text(value, param: str, maximum: int = 500) -> str | None:
    """Free text (a search, a name, an id): stripped, None when blank, at most ``maximum`` characters."""
    if value is None or str(value).strip() == "":
        return None
    v = str(value).strip()
    if len(v) > maximum:
        raise QueryError(f"{param}: longer than {maximum} characters", param)
    return v


def parse_float(value, param: str, default: float, minimum: float, maximum: float) -> float:
    if value is None or value == "":
        return default
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise QueryError(f"{param}: {_show(value)} is not a number", param) from None
    if not (minimum <= x <= maximum):
        raise QueryError(f"{param}: {x} is out of range (allowed {minimum}..{maximum})", param)
    return x


def parse_bool(value, param: str, default: bool = False) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    v = str(value).strip().lower()
    if v in {"1", "true", "yes", "on"}:
        return True
    if v in {"0", "false", "no", "off"}:
        return False
    raise QueryError(f"{param}: {_show(value)} is not a boolean (true/false)", param)


def parse_resolution(value, default: str = "week") -> str:
    v = (value or default).strip().lower()
    if v not in RESOLUTIONS:
        raise QueryError(f"resolution: {_show(value)} is not one of day, week, month", "resolution")
    return v


def parse_code(value, param: str, required: bool = False) -> str | None:
    if value is None or str(value).strip() == "":
        if required:
            raise QueryError(f"{param}: an actor code is required", param)
        return None
    v = str(value).strip()
    if len(v) > MAX_CODE_LEN or any(ord(c) < 32 for c in v):
        raise QueryError(f"{param}: {_show(v)} is not a valid actor code", param)
    return v


def code_in_store(conn: sqlite3.Connection, code: str) -> bool:
    """Whether some event of the store is counted under the dyad code ``code``."""
    return conn.execute(
        "SELECT 1 FROM event_dyads WHERE source = ? UNION ALL SELECT 1 FROM event_dyads WHERE target = ? LIMIT 1",
        (code, code),
    ).fetchone() is not None


def check_codes(conn: sqlite3.Connection, codes: dict[str, str | None]) -> None:
    """Raise QueryError for a code no event of the store involves: a typo must not look like silence."""
    for param, code in codes.items():
        if code is not None and not code_in_store(conn, code):
            raise QueryError(
                f"{param}: unknown actor code {_show(code)} (no event in the store involves it)", param
            )


@dataclass(frozen=True)
class Window:
    start: date | None = None
    end: date | None = None

    @classmethod
    def parse(cls, start, end, prefix: str = "", names: tuple[str, str] = ("start", "end")) -> "Window":
        """``names`` are the parameters' names in messages (the CLI's listings say since/until)."""
        first, last = prefix + names[0], prefix + names[1]
        w = cls(parse_date(start, first), parse_date(end, last))
        if w.start and w.end and w.start > w.end:
            raise QueryError(f"{first} {w.start} is after {last} {w.end}", first)
        return w

    def days(self) -> int | None:
        if self.start and self.end:
            return (self.end - self.start).days + 1
        return None

    def as_json(self) -> dict:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }


@dataclass(frozen=True)
class EventFilter:
    """Which events an aggregate counts: window, types, quads, factualities (None = all)."""

    window: Window = field(default_factory=Window)
    types: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    factuality: tuple[str, ...] | None = ("asserted",)

    @classmethod
    def parse(
        cls,
        start=None,
        end=None,
        type=None,
        quad=None,
        factuality=None,
        default_factuality: str = "asserted",
        names: tuple[str, str] = ("start", "end"),
    ) -> "EventFilter":
        return cls(
            Window.parse(start, end, names=names),
            parse_types(type),
            parse_quads(quad),
            parse_factuality(factuality, default_factuality),
        )

    def where(self, alias: str = "d") -> tuple[str, list]:
        """SQL conditions over an ``event_dyads``/``events`` row (same column names) and their arguments."""
        conds, args = [], []
        if self.window.start:
            conds.append(f"{alias}.date >= ?")
            args.append(self.window.start.isoformat())
        if self.window.end:
            conds.append(f"{alias}.date <= ?")
            args.append(self.window.end.isoformat())
        if self.types:
            conds.append(f"{alias}.type IN ({','.join('?' * len(self.types))})")
            args.extend(self.types)
        if self.quads:
            conds.append(f"{alias}.quad IN ({','.join('?' * len(self.quads))})")
            args.extend(self.quads)
        if self.factuality is not None:
            conds.append(f"{alias}.factuality IN ({','.join('?' * len(self.factuality))})")
            args.extend(self.factuality)
        return " AND ".join(conds) or "1", args

    def query(self) -> dict:
        """The ``/api/events`` parameters selecting the same events (the evidence link)."""
        q: dict = {}
        if self.window.start:
            q["start"] = self.window.start.isoformat()
        if self.window.end:
            q["end"] = self.window.end.isoformat()
        if self.types:
            q["type"] = ",".join(self.types)
        if self.quads:
            q["quad"] = ",".join(map(str, self.quads))
        q["factuality"] = ",".join(self.factuality) if self.factuality is not None else "all"
        return q

    def with_window(self, window: Window) -> "EventFilter":
        return EventFilter(window, self.types, self.quads, self.factuality)

    def with_factuality(self, factuality: tuple[str, ...] | None) -> "EventFilter":
        return EventFilter(self.window, self.types, self.quads, factuality)


def _show(value) -> str:
    s = repr(value if isinstance(value, str) else str(value))
    return s if len(s) <= 60 else s[:57] + "...'"
