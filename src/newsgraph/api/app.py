"""The FastAPI application: read-only JSON routes under /api/, ingest behind a token, the dashboard at /.

``create_app(store_path, settings)`` is the factory ``newsgraph serve`` runs under uvicorn and
tests drive through ``httpx.ASGITransport``.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from importlib.metadata import version
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from ..config import Settings
from ..store import DB_NAME, Store
from . import ingest, routes, security
from .cache import AnswerCache


def open_store(path: Path) -> Store:
    """The store to serve, read-only; an empty one is created first when the directory has none,
    so a fresh server shows an empty dashboard rather than an error."""
    path = Path(path)
    if not (path / DB_NAME).is_file():
        Store.open(path).close()
    return Store.open(path, readonly=True)


def static_dir() -> Path | None:
    folder = Path(str(resources.files("newsgraph.api").joinpath("static")))
    return folder if (folder / "index.html").is_file() else None


def settings_cache_size() -> int:
    """Answers kept per server (NEWSGRAPH_API_CACHE; 0 turns the cache off, e.g. to time cold queries)."""
    import os

    return int(os.environ.get("NEWSGRAPH_API_CACHE", "256"))


def warm_up(store: Store) -> None:
    """What the first analysis request after a start would otherwise pay for: importing networkx
    (blocs; ~0.25 s) and reading every actor's label (the network's and the actor page's names)."""
    import networkx  # noqa: F401

    from ..analysis.network import actor_info

    conn = store.connect()
    try:
        actor_info(conn, [])
    finally:
        conn.close()


def create_app(store_path: str | Path | None = None, settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    store_path = Path(store_path) if store_path is not None else settings.store
    store = open_store(store_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        warm_up(app.state.store)
        yield
        app.state.store.close()
        if app.state.writer is not None:
            app.state.writer.close()

    app = FastAPI(
        title="newsgraph",
        version=version("newsgraph"),
        lifespan=lifespan,
        description="Evidence-backed political event data: articles, actors, quotes, events, dyads, "
        "networks, blocs and timelines. See docs/api.md.",
    )
    app.state.store = store
    app.state.settings = settings
    app.state.writer = None
    app.state.cache = AnswerCache(settings_cache_size())
    security.install(app)
    app.include_router(routes.router)
    app.include_router(ingest.router)

    static = static_dir()
    if static is not None:
        app.mount("/static", StaticFiles(directory=static), name="static")

        @app.get("/", include_in_schema=False)
        def index():
            return FileResponse(static / "index.html", media_type="text/html")

    return app
