"""What every response carries, and how errors become JSON.

Security headers on every response; 4xx JSON bodies for bad input, never a 500.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..analysis.queries import NotFoundError
from ..errors import NewsgraphError, QueryError, StoreError

log = logging.getLogger(__name__)

# No inline scripts or styles anywhere: the dashboard ships its code and CSS as files.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
# FastAPI's /docs page loads Swagger UI from a CDN with an inline bootstrap script.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def error_body(status: int, message: str, param: str | None = None) -> dict:
    return {"error": {"status": status, "param": param, "message": message}}


def install(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        path = request.url.path
        response.headers["Content-Security-Policy"] = DOCS_CSP if path in ("/docs", "/redoc") else CSP
        for k, v in HEADERS.items():
            response.headers[k] = v
        if path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError):
        return JSONResponse(error_body(404, str(exc), exc.param), status_code=404)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError):
        return JSONResponse(error_body(400, str(exc), exc.param), status_code=400)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        errors = exc.errors()
        first = errors[0] if errors else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "body", "path")]
        param = ".".join(loc) or None
        msg = f"{param + ': ' if param else ''}{first.get('msg', 'invalid request')}"
        status = 422 if first.get("loc", ("",))[0] == "body" else 400
        return JSONResponse(error_body(status, msg, param), status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse(
            error_body(exc.status_code, str(exc.detail)),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        log.error("store error on %s: %s", request.url.path, exc)
        return JSONResponse(error_body(503, str(exc)), status_code=503)

    @app.exception_handler(NewsgraphError)
    async def server_error(request: Request, exc: NewsgraphError):
        # a broken installation or model (not the client's fault): say what, as JSON
        log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
        return JSONResponse(error_body(500, f"{type(exc).__name__}: {exc}"), status_code=500)
