"""Extraction → table rows: pure, no database. The writer executes what this produces.

Keeping the mapping apart from SQL means the Ray driver, tests and the writer all see the
same rows, and the writer is only about transactions.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..records import Actor, Event, Extraction, Quote
from .keys import actor_key, dyad_code, event_id

# (type, mode) -> (quad, intensity); None when the ontology cannot tell.
Scorer = Callable[[str, str | None], "tuple[int | None, float | None]"]


@dataclass
class Rows:
    """Rows for one or more articles, in the column order of the INSERT statements in sqlite.py."""

    articles: list[tuple] = field(default_factory=list)
    actors: list[tuple] = field(default_factory=list)
    article_actors: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    event_actors: list[tuple] = field(default_factory=list)
    event_mentions: list[tuple] = field(default_factory=list)
    event_dyads: list[tuple] = field(default_factory=list)
    person_facts: list[tuple] = field(default_factory=list)


def _iso(d) -> str | None:
    if d is None or isinstance(d, str):
        return d
    return d.isoformat()


def person_fact_row(fact: Mapping) -> tuple:
    """A ``person_facts`` row from a mapping with name, role, code, country, seen (PersonMemory.to_rows)."""
    return (fact["name"], fact.get("role"), fact.get("code"), fact.get("country"), _iso(fact.get("seen")))


def quote_for_event(event: Event, quotes: list[Quote]) -> int | None:
    """Index of the quote an event was reported in: the quote holding its trigger, else the
    quote holding its whole evidence, else (for a claimed event) a quote by the claimant that
    overlaps the evidence."""
    ev = event.evidence
    if event.trigger is not None:
        for i, q in enumerate(quotes):
            if q.start <= event.trigger.start and event.trigger.end <= q.end:
                return i
    for i, q in enumerate(quotes):
        if q.start <= ev.start and ev.end <= q.end:
            return i
    if event.claimed_by is not None:
        for i, q in enumerate(quotes):
            if q.speaker == event.claimed_by and q.start < ev.end and ev.start < q.end:
                return i
    return None


def extraction_rows(ext: Extraction, rows: Rows, *, signature: bytes | None, ingested_at: str,
                    scorer: Scorer | None) -> None:
    """Append the rows of one article to ``rows``."""
    art = ext.article
    aid = art.id
    published = _iso(art.published)
    rows.articles.append((aid, art.ref, art.title, art.url, published, art.source, art.language, art.text,
                          art.duplicate_of, signature, ingested_at))

    by_id: dict[str, Actor] = {a.id: a for a in ext.actors}
    keys: dict[str, str] = {a.id: actor_key(a, aid) for a in ext.actors}
    counted: set[str] = set()
    for a in ext.actors:
        key = keys[a.id]
        # Two local actors resolving to one key (Russia, the Kremlin) are one article for it.
        rows.actors.append((key, a.name, a.kind, a.code, a.sector, a.role, a.country, published, published,
                            0 if key in counted else 1))
        counted.add(key)
        rows.article_actors.append((aid, a.id, key))
        for m in a.mentions:
            rows.mentions.append((aid, a.id, key, m.start, m.end, m.text))

    quote_ids: list[str] = []
    for n, q in enumerate(ext.quotes, start=1):
        qid = f"{aid}:q{n}"
        quote_ids.append(qid)
        speaker = by_id.get(q.speaker) if q.speaker else None
        sp = q.speaker_span
        rows.quotes.append((
            qid, aid, q.text, q.start, q.end, int(q.direct),
            q.cue.text if q.cue else None, q.cue.start if q.cue else None, q.cue.end if q.cue else None,
            keys[speaker.id] if speaker else None, speaker.name if speaker else None,
            speaker.code if speaker else None,
            sp.text if sp else None, sp.start if sp else None, sp.end if sp else None, published,
        ))

    cluster = art.duplicate_of or aid
    for seq, ev in enumerate(ext.events):
        src = [by_id[x] for x in ev.sources if x in by_id]
        tgt = [by_id[x] for x in ev.targets if x in by_id]
        src_codes = sorted({dyad_code(a) for a in src})
        tgt_codes = sorted({dyad_code(a) for a in tgt})
        when = _iso(ev.date)
        eid = event_id(ev.type, src_codes, tgt_codes, ev.factuality, ev.date, cluster)
        quad, intensity = scorer(ev.type, ev.mode) if scorer else (None, None)
        rows.events.append((
            eid, ev.type, ev.mode, ev.cameo, quad, intensity, ev.factuality, when, ev.date_resolution,
            ev.location, json.dumps([keys[a.id] for a in src], ensure_ascii=False),
            json.dumps([keys[a.id] for a in tgt], ensure_ascii=False), aid,
        ))
        for role, side in (("source", src), ("target", tgt)):
            rows.event_actors.extend((eid, role, k) for k in dict.fromkeys(keys[a.id] for a in side))
        qi = quote_for_event(ev, ext.quotes)
        claimant = by_id.get(ev.claimed_by) if ev.claimed_by else None
        trig = ev.trigger
        rows.event_mentions.append((
            eid, aid, seq, keys[claimant.id] if claimant else None,
            quote_ids[qi] if qi is not None else None,
            ev.evidence.text, ev.evidence.start, ev.evidence.end,
            trig.text if trig else None, trig.start if trig else None, trig.end if trig else None,
            float(ev.confidence) if ev.confidence is not None else None,
        ))
        pairs = {(s, t) for s in src_codes for t in tgt_codes if s != t}
        for s, t in sorted(pairs):
            # A mirrored pair ("X and Y met": X->Y and Y->X) is one tie: one row, so that counts
            # over event_dyads need no DISTINCT (the network query scans a month of them).
            if s > t and (t, s) in pairs:
                continue
            rows.event_dyads.append((eid, s, t, ev.type, quad, intensity, ev.factuality, when))
