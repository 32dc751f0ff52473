"""`thucydides serve`: the JSON API and the dashboard over a store, with uvicorn."""

from __future__ import annotations

import os
from pathlib import Path

import click

from thucydides.cli.app import cli, cli_settings, err
from thucydides.errors import UsageError


@cli.command("serve")
@click.option("--db", metavar="PATH", help="DuckDB store to serve [setting db].")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    envvar="THUCYDIDES_SERVE_TOKEN",
    metavar="TOKEN",
    help="Enable the coding endpoints for clients that send this token "
    "(or set THUCYDIDES_SERVE_TOKEN). Without it the server is read-only.",
)
@click.option(
    "--refresh",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0),
    metavar="SECONDS",
    help="Check the store for changes this often and serve a new snapshot (0: never).",
)
def serve_command(db: str | None, host: str, port: int, token: str | None, refresh: float) -> None:
    """Serve the dashboard and the JSON API (http://HOST:PORT/, API under /api, schema at
    /api/openapi.json). The server reads a snapshot copy of the store, so `thucydides code
    --db` can keep writing it; new events appear within --refresh seconds.

    Example: thucydides serve --db thucydides.duckdb --port 8000
    """
    import uvicorn

    from thucydides.web import create_app

    path = cli_settings(db=db).db
    if not Path(path).exists():
        raise UsageError(
            f"store {path!r} does not exist; create it with `thucydides code INPUT --db {path}`"
        )
    if token is not None and len(token) < 16:
        raise UsageError(
            "--token is too short; use at least 16 characters (e.g. `openssl rand -hex 16`)"
        )
    if host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("CI"):
        err.print(f"[yellow]Listening on {host}: anyone who can reach it can read the store.[/]")
    app = create_app(path, token=token, refresh=refresh)
    err.print(f"Serving {path} on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
