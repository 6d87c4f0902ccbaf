"""Building an Article from what a reader found: one place for newline handling, ids and dates."""
from __future__ import annotations

from datetime import date, datetime

from ..errors import EmptyInputError, MalformedInputError
from ..records import Article
from .ids import article_id


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a stray BOM at the start goes. Nothing else changes,
    so offsets into the result match the text as read."""
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def make_article(text: str, *, ref: str, title: str | None = None, url: str | None = None,
                 published: date | None = None, source: str | None = None,
                 language: str | None = None) -> Article:
    """An Article with a stable id; raises EmptyInputError when there is no text."""
    text = normalise_newlines(text)
    if not text.strip():
        raise EmptyInputError(ref, "has no article text (empty or whitespace only)")
    return Article(
        id=article_id(text), text=text, ref=ref, title=_clean(title), url=_clean(url),
        published=published, source=_clean(source), language=language or "en",
    )


def parse_date(value: object, ref: str, field: str = "published") -> date | None:
    """``YYYY-MM-DD`` (or an ISO datetime, whose date part is kept) → date; None stays None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise MalformedInputError(ref, f"{field} must be a string in YYYY-MM-DD form, got {value!r}")
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value).date()
    except ValueError as exc:
        raise MalformedInputError(ref, f"{field} {value!r} is not a date in YYYY-MM-DD form") from exc


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
