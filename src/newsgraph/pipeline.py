"""Article → Extraction, one stage per line, and the batch/parallel driver.

    ingest (Article) → nlp (spaCy Doc) → actors (ActorIndex) → quotes → events → Extraction

Every stage is a plain function of records; nothing here touches the store, so the same
``Extractor`` runs in one process, in a pool of worker processes, or inside Ray workers.
"""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .actors import KnowledgeBase, PersonMemory, resolve_actors
from .config import Settings
from .events import Ontology, extract_events
from .nlp import load_pipeline
from .quotes import find_quotes
from .records import Article, Extraction


@dataclass
class Extractor:
    """Holds the loaded model and language data; ``extract`` is pure given those."""

    nlp: object
    kb: KnowledgeBase
    ontology: Ontology
    memory: PersonMemory

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> "Extractor":
        settings = settings or Settings.from_env()
        return cls(
            nlp=load_pipeline(settings.model),
            kb=KnowledgeBase.load(extra_files=settings.kb_files),
            ontology=Ontology.load(extra_trigger_files=settings.trigger_files),
            memory=PersonMemory(),
        )

    def extract(self, article: Article) -> Extraction:
        return self._extract_doc(article, self.nlp(article.text))

    def _extract_doc(self, article: Article, doc) -> Extraction:
        actors = resolve_actors(doc, article, self.kb, self.memory)
        quotes = find_quotes(doc, actors)
        events = extract_events(doc, article, actors, quotes, self.ontology)
        return Extraction(article=article, actors=actors.actors, quotes=quotes, events=events)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]:
        """Extract in input order, parsing in batches (nlp.pipe) in this process."""
        buf: list[Article] = []
        for article in articles:
            buf.append(article)
            if len(buf) >= batch_size:
                yield from self._extract_batch(buf)
                buf = []
        if buf:
            yield from self._extract_batch(buf)

    def _extract_batch(self, articles: list[Article]) -> Iterator[Extraction]:
        docs = self.nlp.pipe([a.text for a in articles], batch_size=len(articles))
        for article, doc in zip(articles, docs):
            yield self._extract_doc(article, doc)


_worker: Extractor | None = None


def _init_worker(settings: Settings) -> None:
    global _worker
    _worker = Extractor.from_settings(settings)


def _work(article: Article) -> Extraction:
    assert _worker is not None
    return _worker.extract(article)


def extract_parallel(articles: Iterable[Article], settings: Settings, workers: int) -> Iterator[Extraction]:
    """Extract in input order with ``workers`` processes, each loading the model once."""
    if workers <= 1:
        yield from Extractor.from_settings(settings).extract_many(articles)
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        yield from pool.imap(_work, articles, chunksize=4)
