"""A GDELT-style event table: one row per (event, source, target) with CAMEO codes and quad classes.

Columns follow GDELT's event table names where newsgraph has the information (GLOBALEVENTID,
SQLDATE, Actor1Code, EventCode, QuadClass, GoldsteinScale, NumArticles, SOURCEURL, ...).
``GoldsteinScale`` carries the PLOVER intensity, which the PLOVER manual scales to splice with
Goldstein scores. Tab-separated with a header row. GDELT has no notion of factuality, so only
asserted events are written unless ``options["factuality"]`` says otherwise (``all`` or a list);
the ``Factuality`` column is added at the end.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from .registry import Exporter, event_filter

COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "DATEADDED",
    "SOURCEURL",
    "PloverType",
    "PloverMode",
    "Factuality",
]

_SQL = """
SELECT d.event_id, d.source, d.target, d.date, e.cameo, d.quad, d.intensity, e.mention_count, e.location,
       e.type, e.mode, d.factuality, a.url, a.ingested_at,
       (SELECT count(DISTINCT ar.source) FROM event_mentions m JOIN articles ar ON ar.id = m.article_id
        WHERE m.event_id = d.event_id)
FROM event_dyads d JOIN events e ON e.id = d.event_id JOIN articles a ON a.id = e.first_article
WHERE {where}
ORDER BY d.date, d.event_id, d.source, d.target
"""


def _labels(conn: sqlite3.Connection) -> dict[str, tuple[str, str | None, str | None]]:
    """Dyad code -> (name, country code, sector) for states and IGOs; other codes are names already."""
    out = {}
    for key, name, kind, code, sector in conn.execute(
        "SELECT key, name, kind, code, sector FROM actors WHERE key = code"
    ):
        out[key] = (name, code if kind == "state" else None, sector)
    return out


def _fraction(day: str) -> float | None:
    from datetime import date

    d = date.fromisoformat(day)
    return round(d.year + (d.timetuple().tm_yday - 1) / 365.0, 4)


def write_gdelt(conn: sqlite3.Connection, table: str, out: Path, options: dict) -> list[Path]:
    where, args = event_filter(options).where("d")
    labels = _labels(conn)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        cur = conn.execute(_SQL.format(where=where), args)
        while rows := cur.fetchmany(20_000):
            for (
                eid,
                src,
                tgt,
                day,
                cameo,
                quad,
                intensity,
                n,
                loc,
                typ,
                mode,
                fact,
                url,
                added,
                n_sources,
            ) in rows:
                s_name, s_country, s_sector = labels.get(src, (src, None, None))
                t_name, t_country, t_sector = labels.get(tgt, (tgt, None, None))
                cameo = cameo or ""
                w.writerow(
                    [
                        eid,
                        day.replace("-", "") if day else "",
                        day[:7].replace("-", "") if day else "",
                        day[:4] if day else "",
                        _fraction(day) if day else "",
                        src,
                        s_name,
                        s_country or "",
                        s_sector or "",
                        tgt,
                        t_name,
                        t_country or "",
                        t_sector or "",
                        1,
                        cameo,
                        cameo[:3],
                        cameo[:2],
                        quad if quad is not None else "",
                        intensity if intensity is not None else "",
                        n,
                        n_sources,
                        n,
                        loc or "",
                        (added or "")[:10].replace("-", ""),
                        url or "",
                        typ,
                        mode or "",
                        fact,
                    ]
                )
    return [out]


GDELT = Exporter(
    "gdelt",
    "GDELT-style dyadic event table (TSV) with CAMEO codes and quad classes",
    ("events",),
    ".tsv",
    write_gdelt,
)
