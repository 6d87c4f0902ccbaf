"""Distributed drivers: the same pipeline and store, with extraction spread over a cluster.

Optional: install with ``pip install 'newsgraph[scale]'``. Nothing here is imported by the
default path.
"""
