"""Ingest with Ray Data: extraction on a cluster, writing through the same Store.

    driver: read_inputs → already stored? skip → near-duplicate? mark ─┐
    cluster: map_batches(ExtractBatch), one Extractor (spaCy model) per actor ◄┘
    driver: Store.write, one transaction per batch

The driver keeps everything that needs a global view (what is stored, which article is a copy
of which) and every write, so the store's guarantees (atomic batches, idempotent re-ingest,
resume after a kill) hold unchanged; workers only turn articles into extractions. Inputs are
sent to the cluster in chunks so the driver never holds a whole archive in memory.

Ray is optional (``pip install 'newsgraph[scale]'``) and imported only here, lazily.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path

from ..config import Settings
from ..errors import InputError, NewsgraphError
from ..ingest_run import DEFAULT_BATCH_SIZE, Display, IngestReport, NewArticles, commit
from ..records import Article, Extraction
from ..store import Store

DEFAULT_CHUNK = 10_000


class ScaleError(NewsgraphError):
    """The distributed driver cannot run (Ray missing or failing)."""


def require_ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise ScaleError("the Ray driver needs Ray Data: pip install 'newsgraph[scale]' "
                         "(or pip install 'ray[data]')") from exc
    return ray


class ExtractBatch:
    """A Ray Data actor: loads the pipeline once, then turns batches of articles into extractions."""

    def __init__(self, settings: Settings):
        from ..pipeline import Extractor

        self.extractor = Extractor.from_settings(settings)

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        articles = [article_from_row({k: batch[k][i] for k in batch}) for i in range(len(batch["id"]))]
        out = [json.dumps(e.to_json(), ensure_ascii=False)
               for e in self.extractor.extract_many(articles, batch_size=max(len(articles), 1))]
        return {"id": np.asarray(batch["id"], dtype=object), "extraction": np.asarray(out, dtype=object)}


_FIELDS = ("id", "text", "ref", "title", "url", "published", "source", "language", "duplicate_of")


def article_row(a: Article) -> dict:
    row = {k: getattr(a, k) for k in _FIELDS}
    row["published"] = a.published.isoformat() if a.published else None
    return row


def article_from_row(row: dict) -> Article:
    def text(v):
        return None if v is None or (isinstance(v, float) and v != v) else str(v)

    published = text(row.get("published"))
    return Article(id=str(row["id"]), text=str(row["text"]), ref=text(row.get("ref")), title=text(row.get("title")),
                   url=text(row.get("url")), published=date.fromisoformat(published) if published else None,
                   source=text(row.get("source")), language=text(row.get("language")) or "en",
                   duplicate_of=text(row.get("duplicate_of")))


def ingest_ray(paths: Iterable[str | Path], settings: Settings, workers: int = 2, progress: bool = True, *,
               published: date | None = None, batch_size: int = DEFAULT_BATCH_SIZE, chunk: int = DEFAULT_CHUNK,
               address: str | None = None, on_problem: Callable[[InputError], None] | None = None) -> IngestReport:
    """Like ``newsgraph.ingest_run.ingest``, with extraction done by ``workers`` Ray actors.

    ``address`` names a running Ray cluster (``auto``, ``ray://host:10001``); without it a
    local Ray instance is started. Each worker's person memory lasts for its chunk only.
    """
    ray = require_ray()
    from ..ingest import read_inputs

    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 **({} if address else {"num_cpus": max(workers, 1)}))
    # Batches come back in input order, so the first copy of a story is written first.
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    report = IngestReport()
    started = time.perf_counter()
    with Store.open(settings.store) as store, Display(progress) as display:
        new = NewArticles(store, report, on_problem or display.problem)
        articles = new.filter(read_inputs([str(p) for p in paths], published=published,
                                          max_bytes=settings.max_bytes))
        for part in _chunks(articles, chunk):
            by_id = {a.id: a for a in part}
            ds = ray.data.from_items([article_row(a) for a in part]).map_batches(
                ExtractBatch, fn_constructor_kwargs={"settings": settings}, batch_size=batch_size,
                concurrency=workers, batch_format="numpy")
            try:
                for out in ds.iter_batches(batch_size=batch_size, batch_format="numpy"):
                    batch = [_extraction(s, by_id) for s in out["extraction"]]
                    commit(store, batch, new, report)
                    display.update(report, time.perf_counter() - started)
            except NewsgraphError:
                raise
            except Exception as exc:  # Ray wraps worker failures in its own exception types
                raise ScaleError(f"Ray extraction failed: {exc}") from exc
        report.seconds = time.perf_counter() - started
        display.update(report, report.seconds)
    return report


def _extraction(payload: str, by_id: dict[str, Article]) -> Extraction:
    d = json.loads(payload)
    article = by_id[d["article"]["id"]]
    ext = Extraction.from_json({**d, "text": article.text})
    ext.article = article  # the driver's own record, exactly as read and marked
    return ext


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while part := list(islice(items, size)):
        yield part
