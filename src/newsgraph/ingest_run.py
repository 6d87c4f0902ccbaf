"""``ingest``: read inputs, skip what the store has, extract, write in atomic batches.

    read_inputs → already stored? skip → near-duplicate? mark → extract_parallel → Store.write

Articles already in the store are dropped before any NLP, so an interrupted ingest run again
simply continues where its last committed batch ended. Each batch is one transaction: a kill
at any moment loses at most the batch in flight, which the next run redoes.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .config import Settings
from .errors import InputError
from .records import Article, Extraction
from .store import Store

DEFAULT_BATCH_SIZE = 32
# Test-only hook: seconds to sleep after each committed batch, so that a test can kill an
# ingest, or read the store, between two batches of a real run.
PAUSE_ENV = "NEWSGRAPH_TEST_BATCH_PAUSE"

@dataclass
class IngestReport:
    read: int = 0              # articles read from the inputs
    written: int = 0           # newly stored
    already_stored: int = 0    # skipped: stored by an earlier run, or repeated in the inputs
    duplicates: int = 0        # written articles marked as near-duplicates of an earlier one
    failed: int = 0            # inputs that could not be read
    failures: list[str] = field(default_factory=list)
    quotes: int = 0
    events: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Articles written per second of the run."""
        return self.written / self.seconds if self.seconds > 0 else 0.0

    def to_json(self) -> dict:
        return {"read": self.read, "written": self.written, "already_stored": self.already_stored,
                "duplicates": self.duplicates, "failed": self.failed, "failures": list(self.failures),
                "quotes": self.quotes, "events": self.events, "seconds": round(self.seconds, 3),
                "articles_per_second": round(self.rate, 2)}


class _Extraction:
    """Runs the pipeline over the new articles.

    With one worker the extractor lives here, its person memory seeded from the store and
    what it learns written with each batch, so a resumed run remembers what committed
    articles taught it. With several workers the pipeline's process pool runs it and each
    worker's memory lasts for the run only.
    """

    def __init__(self, settings: Settings, workers: int, store: Store):
        self.settings = settings
        self.workers = workers
        self._memory = None
        self._written: dict[str, dict] = {}
        if workers <= 1:
            from .actors.memory import PersonMemory

            self.extractor = _extractor(settings)
            facts = [{"name": name, **fact} for name, fact in store.person_facts().items()]
            self.extractor.memory = self._memory = PersonMemory.from_rows(facts)
            self._written = {f["name"]: f for f in self._memory.to_rows()}

    def run(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        if self._memory is not None:
            return self.extractor.extract_many(articles)
        from .pipeline import extract_parallel

        return extract_parallel(articles, self.settings, self.workers)

    def learnt(self) -> list[dict]:
        """Person facts new or changed since the last call."""
        if self._memory is None:
            return []
        changed = [f for f in self._memory.to_rows() if self._written.get(f["name"]) != f]
        self._written.update((f["name"], f) for f in changed)
        return changed


_EXTRACTORS: dict[str, object] = {}


def _extractor(settings: Settings):
    """One loaded pipeline per configuration and process: a server ingesting request after
    request pays for the model, knowledge base and ontology once (the person memory is
    replaced from the store on every run). Every setting but the store's place is the key."""
    from .pipeline import Extractor

    key = repr(replace(settings, store=Path("."), ingest_token=None))
    if key not in _EXTRACTORS:
        _EXTRACTORS.clear()  # a process rarely switches configuration; keep one model in memory
        _EXTRACTORS[key] = Extractor.from_settings(settings)
    return _EXTRACTORS[key]


class NewArticles:
    """Filters the input stream down to articles the store does not have, marking near-duplicates.

    The dedup index holds only first copies (roots), so ``duplicate_of`` always names the
    first article of a cluster, whichever copy a later one resembles.
    """

    def __init__(self, store: Store, report: IngestReport, on_problem: Callable[[InputError], None]):
        from .ingest.dedup import Deduplicator

        self.store = store
        self.report = report
        self.on_problem = on_problem
        self.dedup = Deduplicator()
        for aid, sig, _ in store.minhash_signatures(roots_only=True):
            self.dedup.add(aid, sig)
        self.signatures: dict[str, bytes] = {}
        self._seen: set[str] = set()

    def filter(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                self.report.failed += 1
                self.report.failures.append(str(item))
                self.on_problem(item)
                continue
            self.report.read += 1
            if item.id in self._seen or self.store.has_articles([item.id]):
                self.report.already_stored += 1
                continue
            self._seen.add(item.id)
            sig = self.dedup.signature(item.text)
            first = self.dedup.find(sig)
            if first is None:
                self.dedup.add(item.id, sig)
            elif item.duplicate_of is None:
                item.duplicate_of = first
            self.signatures[item.id] = sig
            yield item

    def take_signatures(self, batch: list[Extraction]) -> dict[str, bytes]:
        return {e.article.id: self.signatures.pop(e.article.id) for e in batch if e.article.id in self.signatures}


def ingest(paths: Iterable[str | Path], settings: Settings, workers: int = 1, progress: bool = True, *,
           published: date | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
           on_problem: Callable[[InputError], None] | None = None, store: Store | None = None) -> IngestReport:
    """Ingest ``paths`` (files, directories, ``-``) into the store ``settings.store``.

    Unreadable inputs are reported one line each through ``on_problem`` (default: standard
    error) and counted in the report; the rest is still ingested. ``store`` lets a caller
    (the HTTP API) share an open store.
    """
    from .ingest import read_inputs

    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    own_store = store is None
    store = store if store is not None else Store.open(settings.store)
    report = IngestReport()
    pause = float(os.environ.get(PAUSE_ENV) or 0)
    started = time.perf_counter()
    try:
        with Display(progress) as display:
            new = NewArticles(store, report, on_problem or display.problem)
            articles = new.filter(read_inputs([str(p) for p in paths], published=published,
                                              max_bytes=settings.max_bytes))
            extraction = _Extraction(settings, workers, store)
            batch: list[Extraction] = []
            for ext in extraction.run(articles):
                batch.append(ext)
                if len(batch) >= batch_size:
                    commit(store, batch, new, report, extraction.learnt())
                    display.update(report, time.perf_counter() - started)
                    batch = []
                    if pause:
                        time.sleep(pause)
            commit(store, batch, new, report, extraction.learnt())
            display.update(report, time.perf_counter() - started)
    finally:
        report.seconds = time.perf_counter() - started
        if own_store:
            store.close()
    return report


def commit(store: Store, batch: list[Extraction], new: NewArticles, report: IngestReport,
           person_facts: list[dict] = ()) -> None:
    """Write one batch (one transaction) and count it in the report."""
    if not batch:
        return
    written_ids = set(store.write(batch, signatures=new.take_signatures(batch), person_facts=person_facts))
    report.written += len(written_ids)
    report.already_stored += len(batch) - len(written_ids)
    for e in batch:
        if e.article.id in written_ids:
            report.quotes += len(e.quotes)
            report.events += len(e.events)
            report.duplicates += e.article.duplicate_of is not None


class Display:
    """A rich progress line on standard error (articles written, articles/s), or nothing."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._progress = None
        self._task = None

    def __enter__(self) -> "Display":
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(), TextColumn("[bold]ingest[/bold] {task.completed:.0f} articles"),
                TextColumn("{task.fields[rate]:.1f} articles/s"), TextColumn("{task.fields[detail]}"),
                TimeElapsedColumn(), console=Console(stderr=True), transient=False)
            self._progress.start()
            self._task = self._progress.add_task("ingest", total=None, rate=0.0, detail="")
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, report: IngestReport, elapsed: float) -> None:
        if self._progress is None:
            return
        self._progress.update(self._task, completed=report.written, rate=report.written / max(elapsed, 1e-9),
                              detail=f"{report.already_stored} already stored, {report.failed} failed")

    def problem(self, error: InputError) -> None:
        line = f"newsgraph: skipped {error}"
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr)
