"""Every error the app returns has one shape: ``{"ok": false, "error": "...", "status": N}``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from thucydides.errors import StoreError, UsageError

log = logging.getLogger(__name__)


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = f"{request.url.path!r} is not a page or API route; the API is described at /api/openapi.json"
    return error_response(exc.status_code, message)


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, _validation_message(exc))


async def _usage(request: Request, exc: Exception) -> JSONResponse:
    return error_response(400, str(exc))


async def _store(request: Request, exc: Exception) -> JSONResponse:
    log.error("store error on %s: %s", request.url.path, exc)
    return error_response(503, "the store could not answer; see the server log")


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s", request.url.path)
    return error_response(500, "internal error; see the server log")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(UsageError, _usage)
    app.add_exception_handler(StoreError, _store)
    app.add_exception_handler(Exception, _unexpected)


__all__ = ["error_response", "install_error_handlers"]
