"""Events as PLOVER JSON records, one per line (the PLOVER manual's "Data Fields" chapter).

Field names are the manual's: ``id``, ``date``, ``actor`` and ``recipient`` (lists of entity
objects with ``code``, ``sector``, ``entity_text``, ``identifier_text``), ``event``, ``mode``,
``context``, ``quad_code``, ``event_scale``, ``event_text``, ``event_loc``, ``text_info``,
``cite_info``, ``coder``, ``coded_date``, ``comment``, ``has_event``. Factuality follows the
manual's auxiliary modes, put in ``context`` (``future``, ``hypothetical``, ``negation``);
newsgraph's own fields (``factuality``, ``claimed_by``, ``mention_count``, ``cameo``,
``evidence``) are added under their own names, as the manual allows.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

from ..analysis.evidence import EventQuery, iter_events
from .registry import Exporter, event_filter

BATCH = 2_000
AUXILIARY = {"future": "future", "hypothetical": "hypothetical", "negated": "negation"}


def _entities(keys: list[str], actors: dict[str, dict]) -> list[dict]:
    out = []
    for k in keys:
        a = actors.get(k, {"name": k, "code": None, "sector": None, "role": None, "kind": None})
        ent = {
            "code": a["code"] or a["name"],
            "sector": a["sector"],
            "entity_text": a["name"],
            "identifier_text": k,
        }
        if a.get("role"):
            ent["office"] = a["role"]
        out.append(ent)
    return out


def record(event: dict, actors: dict[str, dict], coder: str, coded: str) -> dict:
    """One PLOVER record for an event with its evidence (see ``analysis.evidence``)."""
    ev = event["evidence"]
    first = next((e for e in ev if e["article"]["id"] == event["first_article"]), ev[0] if ev else None)
    aux = AUXILIARY.get(event["factuality"])
    rec = {
        "id": event["id"],
        "has_event": True,
        "date": event["date"],
        "actor": _entities(event["sources"], actors),
        "recipient": _entities(event["targets"], actors),
        "event": [event["type"]],
        "mode": [event["mode"]] if event["mode"] else [],
        "context": [aux] if aux else [],
        "quad_code": event["quad"],
        "event_scale": event["intensity"],
        "event_text": [e["sentence"] for e in ev],
        "event_loc": {"extracted_place": event["location"]} if event["location"] else None,
        "text_info": ({"start": first["start"], "end": first["end"]} if first else None),
        "cite_info": (
            {
                "url": first["article"]["url"],
                "title": first["article"]["title"],
                "publication": first["article"]["source"],
                "citation": first["article"]["id"],
                "coder": coder,
                "codebook": "plover-newsgraph",
            }
            if first
            else None
        ),
        "coder": coder,
        "coded_date": coded,
        "comment": f"{event['factuality']} event reported by {event['mention_count']} article(s)",
        # newsgraph fields beyond the manual's
        "cameo": event["cameo"],
        "factuality": event["factuality"],
        "claimed_by": sorted({e["claimed_by"] for e in ev if e["claimed_by"]}),
        "mention_count": event["mention_count"],
        "date_resolution": event["date_resolution"],
        "evidence": [
            {
                "article_id": e["article"]["id"],
                "published": e["article"]["published"],
                "url": e["article"]["url"],
                "start": e["start"],
                "end": e["end"],
                "quote_id": e["quote"]["id"] if e["quote"] else None,
            }
            for e in ev
        ],
    }
    return rec


def write_plover(conn: sqlite3.Connection, table: str, out: Path, options: dict) -> list[Path]:
    actors = {
        r[0]: {"name": r[1], "kind": r[2], "code": r[3], "sector": r[4], "role": r[5]}
        for r in conn.execute("SELECT key, name, kind, code, sector, role FROM actors")
    }
    coder = f"newsgraph {version('newsgraph')}"
    coded = datetime.now(timezone.utc).date().isoformat()
    query = EventQuery(filter=event_filter(options, default_factuality="all"))
    with open(out, "w", encoding="utf-8") as f:
        for ev in iter_events(conn, query, BATCH):
            f.write(json.dumps(record(ev, actors, coder, coded), ensure_ascii=False) + "\n")
    return [out]


PLOVER = Exporter(
    "plover", "PLOVER JSON Lines event records (one event per line)", ("events",), ".jsonl", write_plover
)
