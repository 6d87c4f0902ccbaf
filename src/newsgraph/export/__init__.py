"""Exports of the store: tables (CSV, Parquet), events (PLOVER JSON Lines, GDELT-style TSV) and the
network (GraphML, GEXF), each an :class:`Exporter` in the registry (see ``registry``)."""

from .registry import Exporter, export, get, names, register

__all__ = ["Exporter", "export", "get", "names", "register"]
