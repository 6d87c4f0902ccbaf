"""Events with their evidence: the expansion every aggregate links to.

An event row is the deduplicated fact; its evidence is one entry per article reporting it
(``event_mentions``) with the sentence and offsets, the article it comes from and the quote
it sits in when a speaker claims it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from ..errors import QueryError
from .params import EventFilter, check_codes, parse_code, parse_int, split_values

EVENT_COLUMNS = (
    "id, type, mode, cameo, quad, intensity, factuality, date, date_resolution, location, "
    "sources, targets, first_article, mention_count"
)

EVIDENCE_SQL = """
SELECT m.event_id, m.article_id, m.seq, m.evidence, m.evidence_start, m.evidence_end,
       m.trigger, m.trigger_start, m.trigger_end, m.claimed_by, m.confidence, m.quote_id,
       a.title, a.url, a.source, a.published,
       q.text, q.speaker_key, q.speaker_name, q.speaker_code, q.start, q."end"
FROM event_mentions m
JOIN articles a ON a.id = m.article_id
LEFT JOIN quotes q ON q.id = m.quote_id
WHERE m.event_id IN ({marks})
ORDER BY a.published, m.article_id, m.seq
"""

_CHUNK = 500  # stays far below SQLite's bound-parameter limit


def _chunks(ids: list[str]):
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def event_from_row(row) -> dict:
    (eid, typ, mode, cameo, quad, intensity, fact, day, res, loc, sources, targets, first, n) = row
    return {
        "id": eid,
        "type": typ,
        "mode": mode,
        "cameo": cameo,
        "quad": quad,
        "intensity": intensity,
        "factuality": fact,
        "date": day,
        "date_resolution": res,
        "location": loc,
        "sources": json.loads(sources),
        "targets": json.loads(targets),
        "source_codes": [],
        "target_codes": [],
        "first_article": first,
        "mention_count": n,
    }


def evidence_from_row(r) -> dict:
    quote = None
    if r[11] is not None and r[16] is not None:
        quote = {
            "id": r[11],
            "text": r[16],
            "speaker_key": r[17],
            "speaker_name": r[18],
            "speaker_code": r[19],
            "start": r[20],
            "end": r[21],
        }
    return {
        "article": {"id": r[1], "title": r[12], "url": r[13], "source": r[14], "published": r[15]},
        "sentence": r[3],
        "start": r[4],
        "end": r[5],
        "trigger": r[6],
        "trigger_start": r[7],
        "trigger_end": r[8],
        "claimed_by": r[9],
        "confidence": r[10],
        "quote": quote,
    }


def attach_evidence(
    conn: sqlite3.Connection, events: list[dict], article_id: str | None = None
) -> list[dict]:
    """Fill ``evidence`` (all reports, or only those in ``article_id``) and the dyad codes of each event."""
    by_id = {e["id"]: e for e in events}
    for e in events:
        e["evidence"] = []
    ids = list(by_id)
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(EVIDENCE_SQL.format(marks=marks), chunk):
            if article_id is None or r[1] == article_id:
                by_id[r[0]]["evidence"].append(evidence_from_row(r))
        for eid, src, tgt in conn.execute(
            f"SELECT event_id, source, target FROM event_dyads WHERE event_id IN ({marks}) "
            "ORDER BY event_id, source, target",
            chunk,
        ):
            e = by_id[eid]
            if src not in e["source_codes"]:
                e["source_codes"].append(src)
            if tgt not in e["target_codes"]:
                e["target_codes"].append(tgt)
    return events


@dataclass(frozen=True)
class EventQuery:
    """The filters of ``/api/events`` (and ``events_query`` links): who, when, what, how sure."""

    filter: EventFilter = EventFilter(factuality=None)
    source: str | None = None
    target: str | None = None
    actor: str | None = None
    pair: tuple[str, str] | None = None
    article: str | None = None
    claimed_by: str | None = None
    min_mentions: int = 1

    @classmethod
    def parse(
        cls,
        conn: sqlite3.Connection,
        *,
        start=None,
        end=None,
        type=None,
        quad=None,
        factuality=None,
        source=None,
        target=None,
        actor=None,
        pair=None,
        article=None,
        claimed_by=None,
        min_mentions=None,
    ) -> "EventQuery":
        flt = EventFilter.parse(start, end, type, quad, factuality, default_factuality="all")
        codes = {
            "source": parse_code(source, "source"),
            "target": parse_code(target, "target"),
            "actor": parse_code(actor, "actor"),
        }
        check_codes(conn, codes)
        pair_t = None
        if pair:
            parts = split_values(pair)
            if len(parts) != 2:
                raise QueryError(
                    f"pair: expected two actor codes separated by a comma, got {len(parts)}", "pair"
                )
            pair_t = (parse_code(parts[0], "pair"), parse_code(parts[1], "pair"))
            for code in pair_t:
                check_codes(conn, {"pair": code})
        return cls(
            flt,
            codes["source"],
            codes["target"],
            codes["actor"],
            pair_t,
            parse_code(article, "article"),
            parse_code(claimed_by, "claimed_by"),
            parse_int(min_mentions, "min_mentions", 1, 1, 1_000_000),
        )

    def where(self) -> tuple[str, list]:
        cond, args = self.filter.where("e")
        conds, args = [cond], list(args)
        if self.source or self.target:
            # source and target on the same dyad row, not merely somewhere in the event
            dy = [(c, v) for c, v in (("d.source = ?", self.source), ("d.target = ?", self.target)) if v]
            conds.append(
                f"e.id IN (SELECT d.event_id FROM event_dyads d WHERE {' AND '.join(c for c, _ in dy)})"
            )
            args.extend(v for _, v in dy)
        if self.actor:
            conds.append(
                "e.id IN (SELECT event_id FROM event_dyads WHERE source = ? "
                "UNION SELECT event_id FROM event_dyads WHERE target = ?)"
            )
            args.extend([self.actor, self.actor])
        if self.pair:
            a, b = self.pair
            conds.append(
                "e.id IN (SELECT event_id FROM event_dyads WHERE (source = ? AND target = ?) "
                "OR (source = ? AND target = ?))"
            )
            args.extend([a, b, b, a])
        if self.article:
            conds.append("e.id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)")
            args.append(self.article)
        if self.claimed_by:
            conds.append("e.id IN (SELECT event_id FROM event_mentions WHERE claimed_by = ?)")
            args.append(self.claimed_by)
        if self.min_mentions > 1:
            conds.append("e.mention_count >= ?")
            args.append(self.min_mentions)
        return " AND ".join(conds), args


def list_events(
    conn: sqlite3.Connection, query: EventQuery, limit: int = 50, offset: int = 0, with_total: bool = True
) -> dict:
    """Events matching ``query``, newest first, each with its evidence."""
    where, args = query.where()
    rows = conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE {where} ORDER BY e.date DESC, e.id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    items = attach_evidence(conn, [event_from_row(r) for r in rows])
    total = (
        conn.execute(f"SELECT COUNT(*) FROM events e WHERE {where}", args).fetchone()[0]
        if with_total
        else None
    )
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def get_event(conn: sqlite3.Connection, event_id: str) -> dict | None:
    row = conn.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    return attach_evidence(conn, [event_from_row(row)])[0]


def article_events(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    """Events reported by one article, with the evidence from that article only, in text order."""
    rows = conn.execute(
        f"SELECT {', '.join('e.' + c.strip() for c in EVENT_COLUMNS.split(','))} FROM events e "
        "JOIN event_mentions m ON m.event_id = e.id WHERE m.article_id = ? ORDER BY m.seq",
        (article_id,),
    ).fetchall()
    seen: dict[str, dict] = {}
    for r in rows:
        seen.setdefault(r[0], event_from_row(r))
    return attach_evidence(conn, list(seen.values()), article_id=article_id)
