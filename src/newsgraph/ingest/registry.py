"""Input readers and how one is chosen for a source.

A reader is a ``Reader``: a name, the file extensions it claims, an optional ``sniff(head)``
that recognises its format from a file's first bytes, and ``read(source)`` yielding Articles
and InputErrors. Built-in readers are registered through the same ``register`` a plug-in uses;
plug-ins are found through the ``newsgraph.readers`` entry-point group (an entry point names a
``Reader`` or a list of them). Later registrations take precedence, so a plug-in can claim an
extension or a sniffed format from a built-in.

Choosing: a recognised extension decides (the longest match, so ``.warc.gz`` beats ``.gz``);
otherwise the sniffers are asked in reverse registration order; otherwise the ``text`` reader.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import entry_points

from ..errors import InputError, NewsgraphError
from ..records import Article
from .source import Source

ENTRY_POINT_GROUP = "newsgraph.readers"
FALLBACK = "text"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reader:
    """One input format.

    ``read`` yields Articles and InputErrors for a source; it may also raise an InputError,
    which then stands for the whole source. ``sniff`` receives the first 8 KB as bytes.
    """

    name: str
    read: Callable[[Source], Iterable[Article | InputError]]
    extensions: tuple[str, ...] = ()
    sniff: Callable[[bytes], bool] | None = None


class ReaderRegistry:
    def __init__(self) -> None:
        self._readers: dict[str, Reader] = {}

    def register(self, reader: Reader, *, replace: bool = False) -> Reader:
        if not isinstance(reader, Reader):
            raise NewsgraphError(f"{reader!r} is not a newsgraph.ingest.Reader")
        if reader.name in self._readers and not replace:
            raise NewsgraphError(f"an input reader named {reader.name!r} is already registered "
                                 "(pass replace=True to override it)")
        self._readers.pop(reader.name, None)  # re-registering moves it to the end: it now wins
        self._readers[reader.name] = reader
        return reader

    def __iter__(self) -> Iterator[Reader]:
        return iter(self._readers.values())

    def __getitem__(self, name: str) -> Reader:
        return self._readers[name]

    def for_extension(self, filename: str) -> Reader | None:
        best: tuple[int, int, Reader] | None = None
        for order, reader in enumerate(self._readers.values()):
            for ext in reader.extensions:
                if filename.endswith(ext.lower()) and (best is None or (len(ext), order) > best[:2]):
                    best = (len(ext), order, reader)
        return best[2] if best else None

    def knows_extension(self, filename: str) -> bool:
        return self.for_extension(filename) is not None

    def sniff(self, head: bytes) -> Reader:
        for reader in reversed(self._readers.values()):
            if reader.sniff is not None and reader.sniff(head):
                return reader
        return self._readers[FALLBACK]

    def reader_for(self, source: Source) -> Reader:
        return self.for_extension(source.name) or self.sniff(source.head())


def load_registry(plugins: bool = True) -> ReaderRegistry:
    """A fresh registry: the built-in readers, then the plug-ins' (unless ``plugins`` is False)."""
    from .builtin import BUILTIN_READERS

    registry = ReaderRegistry()
    for reader in BUILTIN_READERS:
        registry.register(reader)
    if plugins:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            try:
                loaded = ep.load()
            except Exception as exc:  # noqa: BLE001 -- a broken plug-in must not stop every ingest
                log.warning("newsgraph reader plug-in %r could not be loaded: %s", ep.value, exc)
                continue
            for reader in loaded if isinstance(loaded, (list, tuple)) else [loaded]:
                registry.register(reader, replace=True)
    return registry


@lru_cache(maxsize=1)
def default_registry() -> ReaderRegistry:
    """The process-wide registry ``read_inputs`` uses, built on first use."""
    return load_registry()


def register_reader(reader: Reader, *, replace: bool = False) -> Reader:
    """Add a reader to the default registry (for code that cannot declare an entry point)."""
    return default_registry().register(reader, replace=replace)
