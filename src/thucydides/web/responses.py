"""The response cache: a GET of the API that was answered once in a snapshot is answered again
from its bytes, before routing, parameter parsing and validation (which cost more CPU than
a cached answer itself).

Keyed by the snapshot and the exact path and query string (``?limit=15&party=TUR`` and
``?party=TUR&limit=15`` are two entries, both also in the snapshot's answer cache, which
normalises). Only successful answers are kept, and only of routes whose answer is a function
of the snapshot alone: every ``GET /api/...`` but ``/api/health`` (it reports live counters).
A new snapshot starts with an empty cache. Bounded in entries and bytes (least recently used
go first).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from thucydides.web.snapshot import Snapshot, SnapshotReader

UNCACHED = frozenset({"/api/health"})


class Responses:
    """The cached responses of one snapshot."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple[str, bytes], tuple[bytes, bytes]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: tuple[str, bytes]) -> tuple[bytes, bytes] | None:
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found

    def put(self, key: tuple[str, bytes], content_type: bytes, body: bytes) -> None:
        if len(body) > self.max_bytes // 8:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = (content_type, body)
            self.size += len(body)
            while len(self.entries) > self.max_entries or self.size > self.max_bytes:
                _, (_, old) = self.entries.popitem(last=False)
                self.size -= len(old)


class ResponseCache:
    """ASGI middleware: answers a cached ``GET /api/...`` of the current snapshot, and keeps the
    successful answers of the others."""

    def __init__(
        self,
        app: ASGIApp,
        reader: SnapshotReader,
        max_entries: int = 8192,
        max_bytes: int = 256 * 2**20,
    ) -> None:
        self.app = app
        self.reader = reader
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._lock = threading.Lock()

    def responses(self, snap: Snapshot) -> Responses:
        found: Responses | None = snap.extras.get("responses")
        if found is None:
            with self._lock:
                found = snap.extras.setdefault(
                    "responses", Responses(self.max_entries, self.max_bytes)
                )
        return found

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not path.startswith("/api/")
            or path in UNCACHED
        ):
            await self.app(scope, receive, send)
            return
        snap = self.reader.snapshot
        cache = self.responses(snap)
        key = (path, scope.get("query_string", b""))
        found = cache.get(key)
        if found is not None:
            self.reader.count_hit(snap)
            content_type, body = found
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [
                        (b"content-length", str(len(body)).encode()),
                        (b"content-type", content_type),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        start: dict[str, Any] = {}
        parts: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                parts.append(message.get("body", b""))
                if not message.get("more_body", False):
                    headers = dict(start.get("headers", []))
                    content_type = headers.get(b"content-type", b"")
                    if content_type.startswith(b"application/json"):
                        cache.put(key, content_type, b"".join(parts))
            await send(message)

        await self.app(scope, receive, keep)


__all__ = ["ResponseCache", "Responses"]
