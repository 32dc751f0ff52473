"""The API under load and under attack, on a real server on loopback (bounded loops).

* 50 concurrent clients mix queries and coding requests for a fixed time: no error, bounded memory;
* SQL injection strings in every filter: a 200 or a 422 in the one error shape, never a 500, and the
  store is unchanged afterwards.
The request and error counts are reported in the README (Guarantees)."""

from __future__ import annotations

import concurrent.futures
import itertools
import resource
import time
from typing import Any

import httpx
import pytest
from webstore import TOKEN, Server

CLIENTS = 50
SECONDS = 6.0
QUERIES = (
    "/api/health",
    "/api/stats",
    "/api/events?limit=20",
    "/api/events?plover=ASSAULT",
    "/api/events?actor=TUR&since=2024-01-01",
    "/api/dyads/TUR/SYR/series?interval=month",
    "/api/top/actors",
    "/api/top/dyads",
    "/api/map",
    "/api/series?interval=week",
)
TEXT = "Police arrested twelve protesters in Nairobi on Tuesday, the interior ministry said."

INJECTIONS = (
    "' OR '1'='1",
    "TUR'; DROP TABLE events; --",
    '" OR 1=1 --',
    "%' UNION SELECT record FROM events --",
    "\\'; DELETE FROM articles; --",
    "1) OR (1=1",
    "<script>alert(1)</script>",
    "\x00",
)
FILTERS = (
    "actor",
    "recipient",
    "country",
    "sector",
    "plover",
    "cameo",
    "text",
    "place",
    "since",
    "until",
    "sort",
    "offset",
)


def _request(client: httpx.Client, server: Server, n: int) -> int:
    if n % 10 == 9:  # one request in ten codes a text (token-protected write endpoint)
        r = client.post(
            server.url + "/api/code",
            json={"text": TEXT},
            headers={"authorization": f"Bearer {TOKEN}"},
        )
    else:
        r = client.get(server.url + QUERIES[n % len(QUERIES)])
    return r.status_code


def test_fifty_concurrent_clients_mixing_queries_and_coding(server: Server) -> None:
    with httpx.Client(timeout=60) as warm:  # load the NLP pipeline once before measuring
        assert (
            warm.post(
                server.url + "/api/code",
                json={"text": TEXT},
                headers={"authorization": f"Bearer {TOKEN}"},
            ).status_code
            == 200
        )
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    counter = itertools.count()
    deadline = time.monotonic() + SECONDS

    def client_loop() -> list[int]:
        statuses = []
        with httpx.Client(timeout=60) as client:
            while time.monotonic() < deadline:
                statuses.append(_request(client, server, next(counter)))
        return statuses

    with concurrent.futures.ThreadPoolExecutor(CLIENTS) as pool:
        results = [
            s for f in [pool.submit(client_loop) for _ in range(CLIENTS)] for s in f.result()
        ]
    rss_growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    errors = [s for s in results if s != 200]
    print(
        f"\n{len(results)} requests from {CLIENTS} clients in {SECONDS:.0f} s, "
        f"{len(errors)} errors, peak RSS growth {rss_growth_mb:.0f} MB"
    )
    assert len(results) >= CLIENTS
    assert errors == []
    assert rss_growth_mb < 400


def _store_state(server: Server) -> dict[str, Any]:
    """The counts and the snapshot of /api/health, without the answer cache's counters."""
    body: dict[str, Any] = httpx.get(server.url + "/api/health", timeout=30).json()
    body["snapshot"].pop("cache")
    return body


@pytest.mark.parametrize("name", FILTERS)
def test_injection_strings_in_every_filter(server: Server, name: str) -> None:
    before = _store_state(server)
    for payload in INJECTIONS:
        r = httpx.get(server.url + "/api/events", params={name: payload}, timeout=30)
        assert r.status_code in (200, 422), (name, payload, r.status_code, r.text[:200])
        body: dict[str, Any] = r.json()
        if r.status_code == 422:
            assert set(body) == {"ok", "error", "status"} and body["ok"] is False
        else:
            assert isinstance(body["events"], list)
    assert _store_state(server) == before


@pytest.mark.parametrize("payload", INJECTIONS[:5])
def test_injection_strings_in_path_parameters(server: Server, payload: str) -> None:
    for path in (
        f"/api/dyads/{payload}/SYR/series",
        f"/api/actors/{payload}/timeline",
        f"/api/events/{payload}",
    ):
        r = httpx.get(server.url + path, timeout=30)
        assert r.status_code in (200, 404, 422), (path, r.status_code)
        assert r.status_code == 200 or r.json()["ok"] is False
