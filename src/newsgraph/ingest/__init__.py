"""Ingest: files, directories, stdin → Articles (the first stage of the flow).

    read_inputs(paths) ─► Source per file (size checked) ─► Reader (by extension or sniffed)
                      ─► Article | InputError, in input order

Bad inputs are yielded as InputErrors (not raised) so a run over a corpus keeps going.
Formats: plain text, HTML, JSON Lines, RSS/Atom, WARC (see docs/ingest.md); more through
the ``newsgraph.readers`` entry-point group.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import BinaryIO

from ..config import DEFAULT_MAX_BYTES
from ..errors import InputError
from ..records import Article
from .article import make_article
from .ids import article_id, normalise_text
from .registry import Reader, ReaderRegistry, default_registry, load_registry, register_reader
from .source import Source

__all__ = [
    "Reader", "ReaderRegistry", "Source", "article_id", "default_registry", "load_registry",
    "make_article", "normalise_text", "read_inputs", "read_source", "register_reader",
]


def read_inputs(paths: Iterable[str], published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                *, registry: ReaderRegistry | None = None, stdin: BinaryIO | None = None,
                ) -> Iterator[Article | InputError]:
    """Articles from files, directories (recursive, sorted, hidden entries and unknown
    extensions skipped) and ``-`` (stdin, format sniffed), in input order.

    Each unreadable input or record is yielded as an InputError naming it. ``published``
    fills in articles that carry no date. ``max_bytes`` caps a document (a file, or one
    record of a JSON Lines or WARC file).
    """
    from .source import iter_sources

    registry = registry or default_registry()
    for item in iter_sources(paths, max_bytes, registry.knows_extension, stdin=stdin):
        if isinstance(item, InputError):
            yield item
            continue
        for result in read_source(item, registry):
            if isinstance(result, Article) and result.published is None:
                result.published = published
            yield result


def read_source(source: Source, registry: ReaderRegistry | None = None) -> Iterator[Article | InputError]:
    """Everything one source holds; an InputError a reader raises is yielded instead."""
    registry = registry or default_registry()
    try:
        reader = registry.reader_for(source)
        yield from reader.read(source)
    except InputError as exc:
        yield exc
    except OSError as exc:
        error = InputError(source.ref, f"cannot be read: {exc.strerror or exc}")
        error.__cause__ = exc
        yield error
