"""newsgraph's exceptions. Lower-level errors (trafilatura, warcio, feedparser, sqlite,
spaCy) are translated at the boundary into these, re-raised ``from exc``, and always name
the file or setting at fault and what to do next.

    NewsgraphError
    ├── InputError            a file or record that cannot be read as an article
    │   ├── EmptyInputError
    │   ├── TooLargeError
    │   ├── BinaryInputError
    │   └── MalformedInputError
    ├── ModelError            the spaCy model cannot be loaded
    ├── KnowledgeBaseError    a knowledge-base or dictionary file is invalid
    ├── StoreError            the store cannot be opened or written
    └── QueryError            a query parameter is invalid (HTTP 400/422)
"""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input cannot be read as an article. ``ref`` names the file (and line or record)."""

    def __init__(self, ref: str, problem: str):
        self.ref = ref
        self.problem = problem
        super().__init__(f"{ref}: {problem}")


class EmptyInputError(InputError):
    pass


class TooLargeError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class MalformedInputError(InputError):
    pass


class ModelError(NewsgraphError):
    pass


class KnowledgeBaseError(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    pass


class QueryError(NewsgraphError):
    """Invalid query parameters; ``param`` names the offending one."""

    def __init__(self, message: str, param: str | None = None):
        self.param = param
        super().__init__(message)
