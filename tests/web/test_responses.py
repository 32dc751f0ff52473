"""The response cache: a repeated GET of the API is answered from its bytes, with the same
headers; errors, /api/health and other snapshots are never answered from it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from webstore import Server, run_server

from thucydides.web.responses import Responses


def counts(server: Server) -> tuple[int, int, int]:
    body = httpx.get(server.url + "/api/health", timeout=30).json()
    cache = body["snapshot"]["cache"]
    return cache["hits"], cache["misses"], body["snapshot"]["generation"]


@pytest.fixture()
def own_server(tmp_path: Path, store_path: tuple[Path, list[str]]) -> Iterator[Server]:
    db = tmp_path / "events.duckdb"
    shutil.copyfile(store_path[0], db)
    yield from run_server(db, token="t" * 20)


@pytest.mark.parametrize(
    "path",
    [
        "/api/events?since=2024-01-02&limit=3",
        "/api/top/actors?limit=4&role=actor",
        "/api/dyads/TUR/SYR/series?since=2024-01-03",
        "/api/stats",
    ],
)
def test_a_repeated_request_is_the_same_response_from_the_cache(
    own_server: Server, path: str
) -> None:
    first = httpx.get(own_server.url + path, timeout=30)
    hits, misses, _ = counts(own_server)
    again = httpx.get(own_server.url + path, timeout=30)
    after = counts(own_server)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    for header in ("content-type", "content-length", "content-security-policy"):
        assert again.headers[header] == first.headers[header]
    # the request and the counts of the /api/health that reads them (itself never cached)
    assert after[:2] == (hits + 2, misses)


@pytest.mark.parametrize(
    ("path", "status"),
    [("/api/events/no-such-event", 404), ("/api/events?limit=0", 422)],
)
def test_errors_are_never_cached(own_server: Server, path: str, status: int) -> None:
    for _ in range(2):
        response = httpx.get(own_server.url + path, timeout=30)
        assert response.status_code == status and response.json()["ok"] is False
    assert not any(key[0] == path.split("?")[0] for key in _entries(own_server))


def _entries(server: Server) -> list[tuple[str, bytes]]:
    responses = server.app.state.reader.snapshot.extras.get("responses")
    return list(responses.entries) if responses else []


def test_a_new_snapshot_starts_empty(own_server: Server) -> None:
    path = "/api/events?limit=2"
    httpx.get(own_server.url + path, timeout=30)
    assert ("/api/events", b"limit=2") in _entries(own_server)
    own_server.db.touch()
    response = httpx.post(
        own_server.url + "/api/snapshot", headers={"authorization": "Bearer " + "t" * 20}
    )
    assert response.json()["changed"] is True
    assert _entries(own_server) == []
    assert httpx.get(own_server.url + path, timeout=30).status_code == 200
    assert _entries(own_server) == [("/api/events", b"limit=2")]


@pytest.mark.parametrize(
    ("bodies", "max_entries", "max_bytes", "kept"),
    [
        ([b"a" * 10] * 5, 3, 1000, [2, 3, 4]),  # the count bound: oldest first
        ([b"a" * 4] * 10, 20, 32, [2, 3, 4, 5, 6, 7, 8, 9]),  # the size bound
        ([b"a" * 10, b"b" * 200], 10, 1000, [0]),  # one answer is at most an eighth
    ],
)
def test_the_cache_is_bounded(
    bodies: list[bytes], max_entries: int, max_bytes: int, kept: list[int]
) -> None:
    cache = Responses(max_entries, max_bytes)
    for n, body in enumerate(bodies):
        cache.put((f"/api/{n}", b""), b"application/json", body)
    assert [int(path.rsplit("/", 1)[1]) for path, _ in cache.entries] == kept
    assert cache.size == sum(len(bodies[n]) for n in kept)
