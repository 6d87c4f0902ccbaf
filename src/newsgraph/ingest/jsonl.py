"""JSON Lines: one article per line, ``{"text", "title", "url", "published", "source", "ref"}``.

Only ``text`` is required. The file is streamed and the size limit applies to each line, so a
large export is fine; a bad line is one InputError naming ``path:line`` and the other lines are
still read. JSON Lines is UTF-8 by definition (a leading BOM is tolerated).
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator

from ..errors import BinaryInputError, EmptyInputError, InputError, MalformedInputError
from ..records import Article
from .article import make_article, parse_date
from .decode import head_text
from .registry import Reader
from .source import Source

_STRING_FIELDS = ("title", "url", "source", "ref", "language")


def looks_like_jsonl(head: bytes) -> bool:
    first, newline, _ = head_text(head).lstrip().partition("\n")
    first = first.strip()
    # A first line longer than the head is cut off: its opening brace has to do.
    return first.startswith("{") and (first.endswith("}") or not newline)


def read_jsonl(source: Source) -> Iterator[Article | InputError]:
    if b"\x00" in source.head():
        raise BinaryInputError(source.ref, "contains NUL bytes: binary data, not JSON Lines (which is UTF-8)")
    records = 0
    with source.open() as f:
        for lineno, line in _lines(f, source.max_bytes):
            ref = f"{source.ref}:{lineno}"
            if line is None:
                yield source.too_large(None, ref=ref)
                records += 1
                continue
            if lineno == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8):]
            if not line.strip():
                continue
            records += 1
            try:
                yield _article(line, ref)
            except InputError as exc:
                yield exc
    if records == 0:
        raise EmptyInputError(source.ref, "is empty (no JSON Lines records)")


def _lines(f, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; None stands for a line longer than max_bytes, skipped unread."""
    lineno = 0
    while True:
        line = f.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = f.readline(1 << 20)
            yield lineno, None
        else:
            yield lineno, line


def _article(line: bytes, ref: str) -> Article:
    try:
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise MalformedInputError(ref, f"is not UTF-8 (byte {exc.start}); JSON Lines must be UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise MalformedInputError(ref, f"is not valid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(obj, dict):
        raise MalformedInputError(ref, f"must be a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise MalformedInputError(ref, 'has no "text" string (the only required field)')
    for name in _STRING_FIELDS:
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise MalformedInputError(ref, f'"{name}" must be a string, got {obj[name]!r}')
    record_ref = obj.get("ref") or ref
    return make_article(
        text, ref=record_ref, title=obj.get("title"), url=obj.get("url"),
        published=parse_date(obj.get("published"), ref), source=obj.get("source"), language=obj.get("language"),
    )


JSONL_READER = Reader(name="jsonl", read=read_jsonl, extensions=(".jsonl", ".ndjson"), sniff=looks_like_jsonl)
