"""WARC and WARC.gz archives (e.g. Common Crawl): each HTML response becomes an article.

Only ``response`` records with a 2xx status and an HTML content type are read; requests,
metadata, redirects, errors and non-HTML payloads are skipped silently. The archive is
streamed and the size limit applies to each record's payload. ``url`` is the record's
WARC-Target-URI; ``ref`` is ``path#record-N`` (N counts every record from 1).
"""
from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import EmptyInputError, InputError, MalformedInputError
from ..records import Article
from .decode import charset_from_content_type
from .html import html_article
from .registry import Reader
from .source import Source

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b"


def looks_like_warc(head: bytes) -> bool:
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_warc(source: Source) -> Iterator[Article | InputError]:
    if not looks_like_warc(source.head()):
        raise MalformedInputError(source.ref, "is not a WARC file (it does not start with a WARC/ record)")
    found = 0
    with source.open() as stream:
        for n, record in enumerate(_records(source, stream), 1):
            if isinstance(record, InputError):
                yield record
                return
            if not _is_html_response(record):
                continue
            found += 1
            ref = f"{source.ref}#record-{n}"
            try:
                payload = record.content_stream().read(source.max_bytes + 1)
                if len(payload) <= source.max_bytes and _cut_short(record):
                    raise EOFError(f"record {n} ends before its Content-Length")
            except _DAMAGE as exc:
                yield _damaged(source, n, exc)
                return
            if len(payload) > source.max_bytes:
                yield source.too_large(None, ref=ref)
                continue
            charset = charset_from_content_type(record.http_headers.get_header("Content-Type"))
            try:
                yield html_article(payload, ref, url=record.rec_headers.get_header("WARC-Target-URI"), charset=charset)
            except InputError as exc:
                yield exc
    if found == 0:
        raise EmptyInputError(source.ref, "has no HTML response records with a 2xx status")


# warcio reports damage in many ways, an AttributeError on a cut-off header among them; these
# are caught around warcio's own calls only, never around newsgraph's.
_DAMAGE = (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile, ValueError, AttributeError)


def _records(source: Source, stream) -> Iterator:
    """warcio's records, then an InputError if the archive turns out damaged. warcio is lenient
    with truncation, so a record whose block ended before its Content-Length is caught here."""
    records = ArchiveIterator(stream)
    previous = None
    n = 0
    while True:
        try:
            record = next(records, None)
            if previous is not None and previous.raw_stream.limit > 0:
                raise EOFError(f"record {n} ends {previous.raw_stream.limit} bytes before its Content-Length")
        except _DAMAGE as exc:
            yield _damaged(source, n, exc)
            return
        if record is None:
            leftover = _leftover(stream, records.offset)
            if leftover:
                yield _damaged(source, n + 1, EOFError(f"{leftover} bytes after the last complete record"))
            return
        n += 1
        if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
            yield MalformedInputError(source.ref, f"record {n} has no valid Content-Length header")
            return
        previous = record
        yield record


def _cut_short(record) -> bool:
    """Whether the file ended inside this record. The rest of the block is drained first, as a
    decoded payload (chunked, gzip) may legitimately stop short of the block's end."""
    while record.raw_stream.read(1 << 16):
        pass
    return record.raw_stream.limit > 0


def _leftover(stream, end: int) -> int:
    """Bytes after the last record warcio accepted: a cut-off header it silently ignored.
    Only a seekable file can be checked; a pipe has been consumed."""
    try:
        if not stream.seekable():
            return 0
        stream.seek(end)
        return len(stream.read(1 << 16).strip())
    except OSError:
        return 0


def _damaged(source: Source, n: int, exc: Exception) -> MalformedInputError:
    # Records already yielded stand; the rest of a damaged archive cannot be trusted.
    error = MalformedInputError(source.ref, f"is not a readable WARC at record {n} (truncated or corrupt): {exc}")
    error.__cause__ = exc
    return error


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.split(";")[0].strip() in _HTML_TYPES


WARC_READER = Reader(name="warc", read=read_warc, extensions=(".warc", ".warc.gz"),
                     sniff=looks_like_warc)
