"""newsgraph: evidence-backed political event data from news articles."""


def open(path):  # noqa: A001 - newsgraph.open(path), like sqlite3.connect: the entry of the Python API
    """Open the store at ``path`` read-only; returns a ``Corpus`` with the CLI's queries as DataFrames."""
    from .analysis.corpus import Corpus

    return Corpus(path)
