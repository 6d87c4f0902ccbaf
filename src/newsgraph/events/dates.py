"""The date of an event, resolved against the article's publication date.

Looks for a date expression attached to the trigger (its subtree, then its clause, then the
sentence), parses absolute dates ("June 18", "18 June 2024", "2024-06-18") and relative ones
("on Tuesday", "yesterday", "last week", "in mid-July", "next month"), and falls back to the
publication date. Returns the date and how it was resolved: exact, relative, publication or
unknown (EXTRACT_FORMAT.md).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..nlp import sent_ents

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.I)
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4}))?\b", re.I)
_PART_MONTH = re.compile(r"\b(early|mid|late|end of|beginning of|the end of)?[- ]?" + _MONTH + r"(?:\s+(\d{4}))?\b", re.I)
_WEEKDAY = re.compile(r"\b(last|next|this|on)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1,
    "last week": -7, "next week": 7, "last month": -30, "next month": 30,
    "last year": -365, "next year": 365, "earlier this week": -2, "later this week": 2,
}
_PART_DAY = {"early": 5, "beginning of": 3, "mid": 15, "late": 25, "end of": 28, "the end of": 28, None: 15}


def _month(word: str) -> int | None:
    w = word.rstrip(".").lower()
    return MONTHS.get(w) or MONTHS.get(w[:3])


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, min(d, calendar.monthrange(y, m)[1]))
    except ValueError:
        return None


def _year_for(month: int, day: int, published: date, future: bool) -> int:
    """Without a year, the reading nearest the publication date in the expected direction."""
    y = published.year
    candidate = _safe_date(y, month, day)
    if candidate is None:
        return y
    if not future and candidate > published + timedelta(days=31):
        return y - 1
    if future and candidate < published - timedelta(days=31):
        return y + 1
    return y


def parse_date_expression(text: str, published: date | None, future: bool = False) -> tuple[date | None, str]:
    """Parse one date expression; ``future`` says the event lies ahead (tense, modality)."""
    t = text.strip().lower()
    m = _ISO.search(t)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return d, "exact"
    for rx, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        m = rx.search(t)
        if m:
            month = _month(m.group(month_group))
            day = int(m.group(day_group))
            if month and 1 <= day <= 31:
                if m.group(3):
                    d = _safe_date(int(m.group(3)), month, day)
                    if d:
                        return d, "exact"
                elif published:
                    d = _safe_date(_year_for(month, day, published, future), month, day)
                    if d:
                        return d, "exact"
    if published is None:
        return None, "unknown"
    for phrase, delta in _RELATIVE.items():
        if re.search(r"\b" + phrase + r"\b", t):
            return published + timedelta(days=delta), "relative"
    m = _WEEKDAY.search(t)
    if m:
        target = WEEKDAYS[m.group(2).lower()]
        qualifier = (m.group(1) or "").lower()
        back = (published.weekday() - target) % 7
        if qualifier == "next" or (future and qualifier != "last"):
            ahead = (target - published.weekday()) % 7 or 7
            return published + timedelta(days=ahead), "relative"
        if qualifier == "last" and back == 0:
            back = 7
        return published - timedelta(days=back), "relative"
    m = _PART_MONTH.search(t)
    if m:
        month = _month(m.group(2))
        if month:
            part = (m.group(1) or "").lower() or None
            day = _PART_DAY.get(part, 15)
            year = int(m.group(3)) if m.group(3) else _year_for(month, day, published, future)
            d = _safe_date(year, month, day)
            if d:
                return d, "relative"
    return None, "unknown"


def _date_spans(sent) -> list:
    return [e for e in sent_ents(sent) if e.label_ in ("DATE", "TIME")]


def resolve_date(doc, sent, trigger, published: date | None, future: bool = False) -> tuple[date | None, str]:
    """The event's date: a DATE entity governed by the trigger's clause first, then the sentence."""
    spans = _date_spans(sent)
    if spans:
        clause = trigger.head if trigger.dep_ in ("xcomp", "ccomp", "pobj", "dobj", "nsubj") else trigger
        subtree = {t.i for t in clause.subtree}

        def rank(span):
            inside = any(t.i in subtree for t in span)
            return (0 if inside else 1, abs(span.start - trigger.i))

        for span in sorted(spans, key=rank):
            d, how = parse_date_expression(span.text, published, future)
            if d is not None:
                return d, how
    if published is not None:
        return published, "publication"
    return None, "unknown"
