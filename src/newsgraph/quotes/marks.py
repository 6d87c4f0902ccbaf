"""Quotation marks → character spans, before any parsing.

Works paragraph by paragraph (a paragraph is a line of the article). Double marks of every
style (" “ ” „ « ») are primary; single marks (' ‘ ’) count only outside double-quoted
text, so a nested 'scare quote' inside a quote is never a span of its own, and only when
they cannot be apostrophes ("Russia’s", "don't", "'90s", "leaders’ summit").

A paragraph that opens a quote and never closes it continues into the next paragraph when
that one re-opens with a quote mark (the newspaper convention for long quotes); each
paragraph's part is one span and the later parts are flagged ``continues``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH

from ..nlp import doc_text

OPEN_DOUBLE = "“„«‟"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
STRAIGHT_SINGLE = "'"
ALL_MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_SINGLE
_BEFORE_OPEN = " \t([{—–-/:;,"
_AFTER_CLOSE = " \t.,;:!?)]}—–-…"
# the scans below visit only the marks, not every character of a paragraph
# two apostrophes (or backticks) are a double mark in typewriter and PTB-style text
# (''quote'', ``quote''): read as one mark, they are neither apostrophes nor single quotes
_DOUBLE_MARK = re.compile("''|``|[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT_DOUBLE) + "]")
TWO_CHAR_DOUBLE = ("''", "``")
_SINGLE_MARK = re.compile("[" + re.escape(OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_SINGLE) + "]")


@dataclass
class MarkedSpan:
    """The inside of one pair of marks: [start, end) excludes the marks themselves."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    para: int
    single: bool = False
    continues: bool = False

    @property
    def outer_start(self) -> int:
        return self.open_at

    @property
    def outer_end(self) -> int:
        return self.close_at + 1 if self.close_at is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) character ranges, trailing white space excluded."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        lead = len(line) - len(line.lstrip())
        if stripped.strip():
            out.append((pos + lead, pos + len(stripped)))
        pos += len(line) + 1
    return out


_PARAS_KEY = "newsgraph.token_paragraphs"


def token_paragraphs(doc) -> list[int]:
    """Paragraph number of every token (line breaks in the text end a paragraph). Built once
    per Doc (the direct and reported stages both ask); callers must not change the list."""
    out = doc.user_data.get(_PARAS_KEY)
    if out is not None:
        return out
    # On arrays (no Token per word): a token opens a new paragraph when the gap since the
    # previous token's end holds a line break; a white-space token holding one ends its own.
    text = doc_text(doc)
    rows = doc.to_array([IDX, LENGTH, IS_SPACE]).astype("int64").reshape(-1, 3)
    idx, ends = rows[:, 0], rows[:, 0] + rows[:, 1]
    found = []
    k = text.find("\n")
    while k >= 0:
        found.append(k)
        k = text.find("\n", k + 1)
    breaks = numpy.array(found, dtype="int64")
    prev_end = numpy.concatenate(([0], ends[:-1]))
    gap = numpy.searchsorted(breaks, idx) > numpy.searchsorted(breaks, prev_end)
    own = (rows[:, 2] != 0) & (numpy.searchsorted(breaks, ends) > numpy.searchsorted(breaks, idx))
    out = (numpy.cumsum(gap) + numpy.cumsum(own) - own).tolist()
    doc.user_data[_PARAS_KEY] = out
    return out


def _is_open_context(text: str, i: int, lo: int) -> bool:
    return i == lo or text[i - 1] in _BEFORE_OPEN or text[i - 1] in OPEN_DOUBLE + STRAIGHT_DOUBLE


def _double_spans(text: str, lo: int, hi: int, para: int) -> tuple[list[MarkedSpan], int | None]:
    spans: list[MarkedSpan] = []
    open_at: int | None = None
    width = 1  # of the opening mark
    for m in _DOUBLE_MARK.finditer(text, lo, hi):
        i = m.start()
        c = m.group()
        if c in TWO_CHAR_DOUBLE:
            if open_at is None:
                open_at, width = i, 2
            else:
                if text.startswith("'", i + 2):
                    i += 1  # three marks: a nested single quote closes first
                spans.append(MarkedSpan(open_at + width, i, open_at, i + 1, para))
                open_at = None
            continue
        if c in OPEN_DOUBLE:
            if open_at is None:
                open_at, width = i, 1
            elif text[i - 1] not in " \t" and (i + 1 == hi or text[i + 1] in _AFTER_CLOSE):
                # a mistyped closing mark (“...“), common in scraped text
                spans.append(MarkedSpan(open_at + width, i, open_at, i, para))
                open_at = None
        elif c in CLOSE_DOUBLE:
            if open_at is not None:
                spans.append(MarkedSpan(open_at + width, i, open_at, i, para))
                open_at = None
            elif _is_open_context(text, i, lo) and i + 1 < hi and text[i + 1] not in " \t":
                open_at, width = i, 1  # ” used as an opening mark
        elif c == STRAIGHT_DOUBLE:
            if open_at is None:
                if i > lo and text[i - 1].isdigit():
                    continue  # inches
                open_at, width = i, 1
            else:
                spans.append(MarkedSpan(open_at + width, i, open_at, i, para))
                open_at = None
    return spans, open_at


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return before.isalnum() and after.isalnum()


def _single_spans(text: str, lo: int, hi: int, para: int, blocked: list[tuple[int, int]]) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    open_at: int | None = None

    def inside_double(i: int) -> bool:
        return any(a <= i < b for a, b in blocked)

    for m in _SINGLE_MARK.finditer(text, lo, hi):
        i = m.start()
        c = text[i]
        if inside_double(i):
            continue
        if _is_apostrophe(text, i, lo, hi):
            continue
        after = text[i + 1] if i + 1 < hi else " "
        before = text[i - 1] if i > lo else " "
        can_open = c in OPEN_SINGLE + STRAIGHT_SINGLE and _is_open_context(text, i, lo) and after not in " \t"
        can_close = c in CLOSE_SINGLE + STRAIGHT_SINGLE and before not in " \t" and after in _AFTER_CLOSE + "”\""
        if open_at is None:
            if can_open and not (c == STRAIGHT_SINGLE and after.isdigit()):
                open_at = i
        elif can_close:
            if any(ch.isalpha() for ch in text[open_at + 1:i]):
                spans.append(MarkedSpan(open_at + 1, i, open_at, i, para, single=True))
            open_at = None
    return spans


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every quoted stretch of ``text``, in text order.

    An opening mark that is never closed yields a span only when the next paragraph
    re-opens (the long-quote convention); otherwise it is a stray mark and is ignored.
    """
    out: list[MarkedSpan] = []
    pending: MarkedSpan | None = None
    for p, (lo, hi) in enumerate(paragraphs(text)):
        doubles, open_at = _double_spans(text, lo, hi, p)
        blocked = [(s.open_at, s.outer_end) for s in doubles]
        unclosed: MarkedSpan | None = None
        if open_at is not None:
            blocked.append((open_at, hi))
            unclosed = MarkedSpan(open_at + (2 if text.startswith(TWO_CHAR_DOUBLE, open_at) else 1), hi,
                                  open_at, None, p)
        spans = sorted(doubles + _single_spans(text, lo, hi, p, blocked), key=lambda s: s.open_at)
        if pending is not None and (text[lo] in OPEN_DOUBLE + STRAIGHT_DOUBLE + CLOSE_DOUBLE
                                    or text.startswith(TWO_CHAR_DOUBLE, lo)):
            out.append(pending)
            first = spans[0] if spans and spans[0].open_at == lo else unclosed
            if first is not None and first.open_at == lo:
                first.continues = True
        out.extend(spans)
        pending = unclosed
    return out
