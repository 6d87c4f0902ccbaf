"""Where input bytes come from: a file or stdin, with the size limit enforced up front.

``Source`` is what a reader receives. Whole-document readers call ``read_bytes()``, which
refuses a file larger than ``max_bytes`` from its size alone, before reading it. Container
readers (JSON Lines, WARC) stream ``open()`` and apply the limit to each record instead, so an
archive of many articles is not refused for being an archive.
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, TooLargeError

STDIN = "-"
STDIN_REF = "<stdin>"
HEAD_BYTES = 8192


class Source:
    """One input: a named stream of bytes plus the size limit that applies to it."""

    def __init__(self, ref: str, max_bytes: int, path: Path | None = None, stream: BinaryIO | None = None):
        self.ref = ref
        self.max_bytes = max_bytes
        self.path = path
        self._stream = stream
        self._head: bytes | None = None

    @classmethod
    def from_path(cls, path: Path, max_bytes: int) -> Source:
        return cls(str(path), max_bytes, path=path)

    @classmethod
    def from_stream(cls, stream: BinaryIO, max_bytes: int, ref: str = STDIN_REF) -> Source:
        """A non-seekable stream (stdin): its head is kept so sniffing does not consume it."""
        return cls(ref, max_bytes, stream=stream)

    @property
    def name(self) -> str:
        """The lower-cased file name, for matching extensions ('' for a stream)."""
        return self.path.name.lower() if self.path else ""

    def size(self) -> int | None:
        if self.path is None:
            return None
        try:
            return self.path.stat().st_size
        except OSError as exc:
            raise InputError(self.ref, f"cannot be read: {exc.strerror or exc}") from exc

    def head(self) -> bytes:
        """The first few KB, for sniffing the format."""
        if self._head is None:
            if self._stream is not None:
                self._head = _read_up_to(self._stream, HEAD_BYTES)
            else:
                with self.open() as f:
                    self._head = f.read(HEAD_BYTES)
        return self._head

    def open(self) -> BinaryIO:
        """A binary stream of the whole input. A stream source can be opened once."""
        if self._stream is not None:
            head, stream = self.head(), self._stream
            self._stream = _Exhausted()
            return io.BufferedReader(_Prefixed(head, stream))
        assert self.path is not None
        try:
            return open(self.path, "rb")
        except OSError as exc:
            raise InputError(self.ref, f"cannot be read: {exc.strerror or exc}") from exc

    def read_bytes(self) -> bytes:
        """All bytes; TooLargeError when over ``max_bytes`` (judged by size before reading)."""
        size = self.size()
        if size is not None and size > self.max_bytes:
            raise self.too_large(size)
        with self.open() as f:
            try:
                data = f.read(self.max_bytes + 1)
            except OSError as exc:
                raise InputError(self.ref, f"cannot be read: {exc.strerror or exc}") from exc
        if len(data) > self.max_bytes:  # grew since stat, or a stream
            raise self.too_large(None)
        return data

    def too_large(self, size: int | None, ref: str | None = None) -> TooLargeError:
        what = f"{size} bytes" if size is not None else f"over {self.max_bytes} bytes"
        return TooLargeError(ref or self.ref, f"is too large ({what}; the limit is {self.max_bytes} bytes, "
                                              "set by max_bytes / NEWSGRAPH_MAX_BYTES)")


def iter_sources(paths: Iterable[str], max_bytes: int, wanted: Callable[[str], bool],
                 stdin: BinaryIO | None = None) -> Iterator[Source | InputError]:
    """Sources in input order. Directories are walked recursively in sorted order, skipping
    hidden entries and files ``wanted`` rejects (unknown extensions); a file named explicitly
    is always read."""
    for raw in paths:
        if raw == STDIN:
            yield Source.from_stream(stdin or sys.stdin.buffer, max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path):
                if isinstance(found, InputError):
                    yield found
                elif wanted(found.name.lower()):
                    yield Source.from_path(found, max_bytes)
        elif path.exists():
            yield Source.from_path(path, max_bytes)
        else:
            yield InputError(raw, "does not exist")


def _walk(root: Path) -> Iterator[Path | InputError]:
    """Files under root in sorted path order (a/1, a/b/2, b/3, c), hidden entries skipped."""
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        error = InputError(str(root), f"directory cannot be read: {exc.strerror or exc}")
        error.__cause__ = exc
        yield error
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _read_up_to(stream: BinaryIO, n: int) -> bytes:
    """Read n bytes or to EOF: a pipe hands data over in pieces."""
    chunks, have = [], 0
    while have < n:
        chunk = stream.read(n - have)
        if not chunk:
            break
        chunks.append(chunk)
        have += len(chunk)
    return b"".join(chunks)


class _Prefixed(io.RawIOBase):
    """The already-read head followed by the rest of a non-seekable stream."""

    def __init__(self, prefix: bytes, rest: BinaryIO):
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Exhausted(io.BytesIO):
    def read(self, *args, **kwargs) -> bytes:
        raise OSError("the stream has already been read")
