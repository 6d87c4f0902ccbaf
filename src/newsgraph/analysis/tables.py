"""Flat rows of analysis results: what CSV output, rich tables and DataFrames are made of.

Each function takes the JSON-able result of an ``analysis.queries`` function and returns a
list of flat dicts (scalar values only), so the CLI's ``--csv``, its terminal tables and the
Python API's DataFrames show the same columns.
"""

from __future__ import annotations

import json

COUNT_COLUMNS = ("events", "mentions", "cooperation", "conflict", "net", "mean")


def _counts(c: dict) -> dict:
    row = {k: c[k] for k in COUNT_COLUMNS}
    row.update({f"quad{q}": n for q, n in c["by_quad"].items()})
    row["types"] = " ".join(f"{t}:{n}" for t, n in c["by_type"].items())
    return row


def dyad_rows(d: dict) -> list[dict]:
    """One row per direction (forward, reverse, total) and factuality group."""
    main = ",".join(d["factuality"])
    rows = []
    for direction, label in (
        ("forward", f"{d['source']}->{d['target']}"),
        ("reverse", f"{d['target']}->{d['source']}"),
        ("total", "both"),
    ):
        rows.append({"direction": direction, "pair": label, "factuality": main, **_counts(d[direction])})
    for fact, block in (d.get("other_factualities") or {}).items():
        for direction, label in (
            ("forward", f"{d['source']}->{d['target']}"),
            ("reverse", f"{d['target']}->{d['source']}"),
            ("total", "both"),
        ):
            rows.append(
                {"direction": direction, "pair": label, "factuality": fact, **_counts(block[direction])}
            )
    return rows


def edge_rows(net: dict) -> list[dict]:
    return [
        {
            "source": e["source"],
            "target": e["target"],
            "events": e["events"],
            "mentions": e["mentions"],
            "cooperation": e["cooperation"],
            "conflict": e["conflict"],
            "net": e["net"],
            "sign": e["sign"],
            "weight": e["weight"],
            **{f"quad{q}": n for q, n in e["by_quad"].items()},
        }
        for e in net["edges"]
    ]


def node_rows(net: dict) -> list[dict]:
    return [
        {k: n[k] for k in ("id", "label", "kind", "events", "net", "degree", "bloc")} for n in net["nodes"]
    ]


def change_rows(ch: dict) -> list[dict]:
    return [{k: v for k, v in e.items() if k not in ("events_query", "by_quad")} for e in ch["edges"]]


def bloc_rows(b: dict) -> list[dict]:
    """One row per actor: its bloc and the bloc's size."""
    size = {x["id"]: x["size"] for x in b["blocs"]}
    return [{"actor": a, "bloc": i, "bloc_size": size[i]} for a, i in b["membership"].items()]


def timeline_rows(t: dict) -> list[dict]:
    return [{k: v for k, v in p.items() if k != "events_query"} for p in t["periods"]]


def event_rows(events: list[dict]) -> list[dict]:
    """One row per event; lists joined, its first evidence sentence and article alongside."""
    rows = []
    for e in events:
        first = e["evidence"][0] if e.get("evidence") else None
        rows.append(
            {
                "id": e["id"],
                "date": e["date"],
                "type": e["type"],
                "mode": e["mode"],
                "cameo": e["cameo"],
                "quad": e["quad"],
                "intensity": e["intensity"],
                "factuality": e["factuality"],
                "source_codes": ",".join(e["source_codes"]),
                "target_codes": ",".join(e["target_codes"]),
                "sources": ",".join(e["sources"]),
                "targets": ",".join(e["targets"]),
                "mention_count": e["mention_count"],
                "sentence": first["sentence"] if first else None,
                "article_id": first["article"]["id"] if first else None,
                "url": first["article"]["url"] if first else None,
                "claimed_by": first["claimed_by"] if first else None,
                "evidence": json.dumps(e.get("evidence", []), ensure_ascii=False),
            }
        )
    return rows
