"""Persistence at the edge of the flow: extractions in, tables out (see docs/storage.md)."""
from .keys import actor_key, dyad_code, event_id
from .sqlite import DB_NAME, TABLES, Store

__all__ = ["DB_NAME", "TABLES", "Store", "actor_key", "dyad_code", "event_id"]
