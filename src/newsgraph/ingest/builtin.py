"""The built-in readers, in registration order (later ones win ties, as plug-ins do)."""
from __future__ import annotations

from .feeds import FEED_READER
from .html import HTML_READER
from .jsonl import JSONL_READER
from .text import TEXT_READER
from .warc import WARC_READER

BUILTIN_READERS = (TEXT_READER, JSONL_READER, HTML_READER, FEED_READER, WARC_READER)
