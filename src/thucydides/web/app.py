"""The app factory: the JSON API, the dashboard and its static files, with the security headers
and the request size limit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from thucydides import __version__
from thucydides.web import api, pages
from thucydides.web.errors import install_error_handlers
from thucydides.web.responses import ResponseCache
from thucydides.web.snapshot import SnapshotReader
from thucydides.web.warmup import WarmUp, warmer

STATIC = Path(__file__).parent / "static"
MAX_BODY_BYTES = 1_000_000

SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        b"frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class Guard:
    """ASGI middleware: refuses bodies over ``max_body`` bytes (413, the one error shape) and
    adds the security headers to every response."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._too_large(send)
            return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge
            return message

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except _TooLarge:
            if not started:
                await self._too_large(send)

    async def _too_large(self, send: Send) -> None:
        body = (
            b'{"ok": false, "error": "request body too large; the limit is '
            + str(self.max_body).encode()
            + b' bytes", "status": 413}'
        )
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), *SECURITY_HEADERS],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    refresh: float = 30.0,
    connections: int | None = None,
    max_body: int = MAX_BODY_BYTES,
    warm_up: WarmUp | None = None,
    threads: int = 1,
) -> FastAPI:
    """The web app over the store at ``db``: read-only, from snapshots (see
    :mod:`thucydides.web.snapshot`). ``token`` enables the coding endpoints for clients that
    send it; without it they answer 403. ``warm_up``: the bounds of the answers computed before
    a snapshot is served (:mod:`thucydides.web.warmup`); ``connections``: the query workers
    (default: one per core); ``threads``: DuckDB's threads for each of the snapshot's queries
    (:class:`~thucydides.web.snapshot.SnapshotReader`)."""
    reader = SnapshotReader(
        db, connections=connections, refresh=refresh, warm=warmer(warm_up), threads=threads
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        reader.close()

    app = FastAPI(
        title="thucydides",
        version=__version__,
        description="Political events coded from news: events, dyads, actors and evidence.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.reader = reader
    app.state.token = token or None
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    cached: Any = ResponseCache
    app.add_middleware(cached, reader=reader)
    guarded: Any = Guard
    app.add_middleware(guarded, max_body=max_body)
    return app


__all__ = ["create_app"]
