"""Exporters, registered the way a plug-in registers one.

An exporter is a name (the ``--format`` value), the tables it can write and a function
``write(conn, table, out, options) -> list[Path]``. The built-ins are bound in ``BUILTINS``
and imported only when used; a third-party package adds its own through the
``newsgraph.exporters`` entry-point group (the entry point names an ``Exporter``) or by
calling :func:`register`.
"""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path

from ..analysis.params import EventFilter
from ..errors import QueryError

ENTRY_POINT_GROUP = "newsgraph.exporters"

Writer = Callable[[sqlite3.Connection, str, Path, dict], list[Path]]


@dataclass(frozen=True)
class Exporter:
    name: str
    description: str
    tables: tuple[str, ...]  # what it can export; "all" is always accepted
    suffix: str  # file suffix of one output
    write: Writer = field(repr=False)


# format name -> "module:attribute" (relative to newsgraph.export)
BUILTINS: dict[str, str] = {
    "csv": "tables:CSV",
    "parquet": "tables:PARQUET",
    "plover": "plover:PLOVER",
    "gdelt": "gdelt:GDELT",
    "graphml": "graph:GRAPHML",
    "gexf": "graph:GEXF",
}

_registered: dict[str, Exporter] = {}


def event_filter(options: dict, default_factuality: str = "asserted") -> EventFilter:
    """The events an export writes: the export options' window, types, quads and factualities."""
    return EventFilter.parse(options.get("start"), options.get("end"), options.get("type"), options.get("quad"),
                             options.get("factuality"), default_factuality)


def register(exporter: Exporter) -> Exporter:
    _registered[exporter.name] = exporter
    return exporter


def names() -> list[str]:
    plugins = {ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)}
    return sorted(set(BUILTINS) | set(_registered) | plugins)


def get(name: str) -> Exporter:
    if name in _registered:
        return _registered[name]
    if name in BUILTINS:
        module, attr = BUILTINS[name].split(":")
        return register(getattr(importlib.import_module(f"{__package__}.{module}"), attr))
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == name:
            return register(ep.load())
    raise QueryError(f"format: unknown export format {name!r}; available: {', '.join(names())}", "format")


def export(
    conn: sqlite3.Connection, table: str, fmt: str, out: Path, options: dict | None = None
) -> list[Path]:
    """Write ``table`` (or ``all`` the format supports) in format ``fmt`` to ``out``; the files written.

    ``out`` is a file for one table and a directory for ``all`` (or when it is an existing directory).
    """
    exporter = get(fmt)
    out = Path(out)
    tables = exporter.tables if table == "all" else (table,)
    if table != "all" and table not in exporter.tables:
        raise QueryError(
            f"table: format {fmt} exports {', '.join(exporter.tables)} (or all), not {table!r}", "table"
        )
    if table == "all" or out.is_dir():
        out.mkdir(parents=True, exist_ok=True)
        targets = [(t, out / f"{t}{exporter.suffix}") for t in tables]
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        targets = [(table, out)]
    written: list[Path] = []
    for t, path in targets:
        written.extend(exporter.write(conn, t, path, dict(options or {})))
    return written
