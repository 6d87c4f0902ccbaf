"""RSS and Atom feeds: one article per entry, parsed by feedparser.

An entry's text is its full content when the feed carries it, else its summary, converted
from HTML to text. ``source`` is the feed's title; ``ref`` is ``path#entry-N``.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date
from xml.sax import SAXException

import feedparser

from ..errors import EmptyInputError, InputError, MalformedInputError
from ..records import Article
from .article import make_article
from .decode import head_text
from .htmltext import html_to_text
from .registry import Reader
from .source import Source

_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<html[\s>]", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def looks_like_feed(head: bytes) -> bool:
    text = head_text(head)
    if not text.lstrip().startswith("<"):
        return False
    feed, page = _FEED_ROOT.search(text), _HTML_ROOT.search(text)
    return feed is not None and (page is None or feed.start() < page.start())


def read_feed(source: Source) -> Iterator[Article | InputError]:
    data = source.read_bytes()
    if not data.strip():
        raise EmptyInputError(source.ref, "is empty")
    # Bytes, never a str: given a string, feedparser would treat it as a URL and fetch it.
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo:
            raise MalformedInputError(source.ref, f"is not a valid RSS/Atom feed: {parsed.get('bozo_exception')}")
        raise EmptyInputError(source.ref, "is a feed without entries")
    feed_title = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        ref = f"{source.ref}#entry-{n}"
        try:
            yield make_article(
                _entry_text(entry), ref=ref, title=entry.get("title"), url=entry.get("link"),
                published=_entry_date(entry), source=feed_title, language=_language(entry, parsed),
            )
        except InputError as exc:
            yield exc
    if parsed.bozo and isinstance(parsed.get("bozo_exception"), SAXException):
        # feedparser's lenient parser recovered what it could; the entries above stand, but
        # the file is damaged (truncated, hand-edited) and its last entries may be missing.
        yield MalformedInputError(source.ref, f"is not well-formed XML ({parsed.bozo_exception}); "
                                              f"{len(parsed.entries)} entries were recovered")


def _entry_text(entry) -> str:
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return _as_text(content["value"], content.get("type"))
    summary = entry.get("summary_detail") or {}
    return _as_text(entry.get("summary", ""), summary.get("type"))


def _as_text(value: str, mime: str | None) -> str:
    return html_to_text(value) if (mime or "text/html") in _HTML_TYPES else value.strip()


def _entry_date(entry) -> date | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _language(entry, parsed) -> str | None:
    lang = (entry.get("content") or [{}])[0].get("language") or parsed.feed.get("language")
    return lang.split("-")[0].lower() if lang else None


FEED_READER = Reader(name="feed", read=read_feed, extensions=(".rss", ".atom", ".xml"), sniff=looks_like_feed)
