"""``newsgraph serve``: the HTTP API and dashboard under uvicorn, on loopback unless told otherwise."""

from __future__ import annotations

import click

from ..errors import StoreError
from .options import settings_from, store_option


@click.command()
@store_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind; 0.0.0.0 exposes the server to the network.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--ingest-token",
    default=None,
    envvar="NEWSGRAPH_INGEST_TOKEN",
    show_envvar=True,
    help="Enable POST /api/ingest for clients sending this bearer token (off by default).",
)
def serve(store, host, port, ingest_token):
    """Serve the HTTP API (/api/, /docs) and the dashboard (/) over the store."""
    import uvicorn

    from ..api.app import create_app

    settings = settings_from(store=store)
    if ingest_token:
        settings.ingest_token = ingest_token
    try:
        app = create_app(settings.store, settings)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"newsgraph: serving {settings.store} on http://{host}:{port}/ "
        f"(ingest {'enabled' if settings.ingest_token else 'disabled'})",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
