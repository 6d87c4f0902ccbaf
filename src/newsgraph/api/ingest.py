"""POST /api/ingest: articles in, the real pipeline and store write, behind a bearer token.

Off unless a token is configured (``NEWSGRAPH_INGEST_TOKEN`` / ``Settings.ingest_token``): the
API is read-only by default. The articles go through ``ingest_run.ingest`` exactly as files
do (dedup, extraction, one atomic batch), by way of a JSON Lines file it reads.
"""

from __future__ import annotations

import hmac
import json
import tempfile
import threading
from pathlib import Path

from fastapi import APIRouter, Header, HTTPException, Request
from pydantic import BaseModel, Field

router = APIRouter(prefix="/api")
MAX_ARTICLES = 1000
_lock = threading.Lock()  # one ingest at a time per process: the store has one writer


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    published: str | None = Field(None, description="YYYY-MM-DD", max_length=40)
    source: str | None = Field(None, max_length=500)


def _authorise(request: Request, authorization: str | None) -> None:
    token = request.app.state.settings.ingest_token
    if not token:
        raise HTTPException(403, "ingest is disabled: start the server with NEWSGRAPH_INGEST_TOKEN set")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(
            401,
            "ingest needs 'Authorization: Bearer <token>' with the configured token",
            headers={"WWW-Authenticate": "Bearer"},
        )


@router.post("/ingest")
def ingest(request: Request, articles: list[ArticleIn], authorization: str | None = Header(None)):
    """Extract and store articles (JSON list of {text, title, url, published, source})."""
    _authorise(request, authorization)
    if len(articles) > MAX_ARTICLES:
        raise HTTPException(413, f"at most {MAX_ARTICLES} articles per request, got {len(articles)}")
    from ..ingest_run import ingest as run_ingest
    from ..store import Store

    state = request.app.state
    problems: list[str] = []
    with _lock, tempfile.TemporaryDirectory(prefix="newsgraph-ingest-") as tmp:
        path = Path(tmp) / "articles.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for i, a in enumerate(articles):
                f.write(json.dumps({**a.model_dump(), "ref": a.url or f"api:{i}"}, ensure_ascii=False) + "\n")
        if getattr(state, "writer", None) is None:
            state.writer = Store.open(state.store.path)
        report = run_ingest(
            [path],
            state.settings,
            workers=1,
            progress=False,
            on_problem=lambda e: problems.append(str(e).replace(str(path), "article")),
            store=state.writer,
        )
    body = report.to_json()
    body["failures"] = problems
    return body
