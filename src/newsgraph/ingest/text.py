"""Plain text: the text as read (any encoding), newlines normalised, no title.

Plain text carries no metadata, so the one convention honoured is a ``YYYY-MM-DD`` date in
the file name (``2024-03-12-drills.txt``), taken as the publication date.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..records import Article
from .article import make_article
from .decode import decode_bytes
from .registry import Reader
from .source import Source

_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")


def date_from_name(name: str) -> date | None:
    match = _NAME_DATE.search(name)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def read_text(source: Source) -> Iterator[Article]:
    text = decode_bytes(source.read_bytes(), source.ref)
    yield make_article(text, ref=source.ref, published=date_from_name(source.name))


TEXT_READER = Reader(name="text", read=read_text, extensions=(".txt", ".text"))
