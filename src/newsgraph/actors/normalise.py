"""How names are compared: one normalisation for knowledge-base aliases and article tokens.

Aliases are tokenised with spaCy's English tokenizer (the same rules the model uses), so an
alias and a stretch of article text compare as tuples of token keys. A key is the token
lower-cased with curly quotes folded and accents removed; a leading "the" is not part of
an alias ("the U.S." and "U.S." are one alias).

Tokenising every alias costs seconds (building spaCy's tokenizer, then thousands of calls), and
every process that loads the knowledge base would pay it. So the token lists are kept in a JSON
file in the user's cache directory (``NEWSGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsgraph``,
else ``~/.cache/newsgraph``; ``NEWSGRAPH_CACHE_DIR=off`` disables it), named for the spaCy
version and the version of these rules: an alias found there is not tokenised again, and spaCy's
tokenizer is built only for aliases that are not.
"""
from __future__ import annotations

import contextlib
import json
import os
import tempfile
import unicodedata
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

_RULES_VERSION = 1  # bump when the tokenisation of aliases changes

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Lower-case, straight quotes, no accents: the key a token or a name is compared by."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """A whole name as one comparable string ("the U.S." → "u.s.")."""
    return " ".join(alias_key(text))


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


class _TokenCache:
    """alias → its tokens as spaCy splits them, kept on disk between processes."""

    def __init__(self) -> None:
        self.path = _cache_path()
        self.tokens: dict[str, list[str]] = {}
        self.dirty = False
        if self.path is not None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    self.tokens = data
            except (OSError, ValueError):
                pass  # no cache yet, or a damaged one: rebuilt on the next save

    def split(self, text: str) -> list[str]:
        found = self.tokens.get(text)
        if found is None:
            found = [t.text for t in _tokenizer()(text) if not t.is_space]
            self.tokens[text] = found
            self.dirty = True
        return found

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        if write_cache_file(self.path, self.tokens, ".alias-tokens-"):
            self.dirty = False
        else:
            self.path = None  # a read-only home: keep working without the cache


def cache_dir() -> Path | None:
    """The user's newsgraph cache folder (see the module docstring), or None when disabled."""
    where = os.environ.get("NEWSGRAPH_CACHE_DIR")
    if where is not None and where.strip().lower() in ("", "off", "0", "none"):
        return None
    if where:
        return Path(where)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsgraph"


def write_cache_file(path: Path, data: object, prefix: str) -> bool:
    """Write ``data`` as compact JSON to ``path``, then rename it into place: a reader (another
    worker) never sees half a file. False when the folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return True
    except OSError:
        return False


def _cache_path() -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        spacy_version = version("spacy")
    except PackageNotFoundError:
        spacy_version = "unknown"
    return folder / f"alias-tokens-spacy{spacy_version}-r{_RULES_VERSION}.json"


@lru_cache(maxsize=1)
def _token_cache() -> _TokenCache:
    return _TokenCache()


def save_alias_cache() -> None:
    """Write the aliases tokenised in this process to the user's cache (called after a KB load)."""
    _token_cache().save()


@lru_cache(maxsize=65536)
def alias_key(alias: str) -> tuple[str, ...]:
    """Token keys of an alias as the article's tokenizer would split it, without a leading "the"."""
    words = [fold(t) for t in _token_cache().split(alias.strip())]
    while words and words[0] == "the":
        words = words[1:]
    return tuple(words)


def token_key(token) -> str:
    """The key of one article token (spaCy Token), comparable with ``alias_key`` elements."""
    return fold(token.text)
