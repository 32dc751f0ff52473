"""The warm-up pass: the dashboard's default answers are computed before a snapshot is served,
within its bounds, and are the same bytes a request computes."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest
from webstore import Server

from thucydides.web.snapshot import SnapshotReader
from thucydides.web.warmup import WarmUp, plan, warmer


def cache(server: Server) -> dict[str, int]:
    counts: dict[str, int] = httpx.get(server.url + "/api/health", timeout=30).json()["snapshot"][
        "cache"
    ]
    return counts


@pytest.mark.parametrize(
    "path",
    [
        "/api/series?interval=month",
        "/api/top/dyads?limit=15",
        "/api/top/actors?limit=15",
        "/api/map?limit=1000",
        "/api/events?offset=0&limit=50",
        "/api/dyads/TURGOV/SYRGOV/series?interval=month",
        "/api/dyads/TURGOV/SYRGOV/events?offset=0&limit=25",
        "/api/series?party=TURGOV",
        "/api/top/dyads?party=TURGOV&limit=15",
        "/api/actors/TURGOV/timeline?limit=25",
    ],
)
def test_the_dashboards_default_requests_are_warm(server: Server, path: str) -> None:
    """Each request a dashboard page sends by default (static/app.js) is a cache hit."""
    before = cache(server)
    body = httpx.get(server.url + path, timeout=30).json()
    after = cache(server)
    assert body["ok"] is True
    # the request and the /api/health that reads the counts
    assert (after["hits"] - before["hits"], after["misses"] - before["misses"]) == (2, 0)


def test_health_says_what_the_warm_up_did(server: Server) -> None:
    warm = httpx.get(server.url + "/api/health", timeout=30).json()["snapshot"]["warm_up"]
    assert warm["answers"] > 10 and warm["seconds"] > 0


def _reader(tmp_path: Path, store_path: tuple[Path, list[str]], warm: WarmUp) -> SnapshotReader:
    tmp_path.mkdir(exist_ok=True)
    db = tmp_path / "events.duckdb"
    shutil.copyfile(store_path[0], db)
    return SnapshotReader(db, refresh=0, warm=warmer(warm))


@pytest.mark.parametrize(
    ("warm", "expected"),
    [
        (WarmUp(max_answers=3), 3),  # the count bound
        (WarmUp(seconds=0.0), 0),  # the time bound: nothing starts after it
        (WarmUp(ranks=0), 6),  # the overview, the map and the first page of events
    ],
)
def test_the_warm_up_keeps_to_its_bounds(
    tmp_path: Path, store_path: tuple[Path, list[str]], warm: WarmUp, expected: int
) -> None:
    reader = _reader(tmp_path, store_path, warm)
    try:
        snap = reader.snapshot
        assert snap.warmed == expected == len(snap.pinned)
        assert snap.cache == {}  # pinned apart from the LRU answers
    finally:
        reader.close()


def test_warm_answers_are_the_answers_computed_on_request(
    tmp_path: Path, store_path: tuple[Path, list[str]]
) -> None:
    reader = _reader(tmp_path, store_path, WarmUp())
    cold = _reader(tmp_path / "cold", store_path, WarmUp(max_answers=0))
    try:
        with reader.store() as store:
            answers = plan(store, WarmUp())
        assert len(answers) == len(reader.snapshot.pinned) > 20
        assert {key for key, _ in answers} == set(reader.snapshot.pinned)
        for key, compute in answers[1:]:  # the first is the counts, kept as a dict
            from thucydides.web.api import encoded

            assert cold.answer(key, encoded(compute)) == reader.cached(key), key
    finally:
        reader.close()
        cold.close()


def test_a_pinned_answer_outlives_the_lru(
    tmp_path: Path, store_path: tuple[Path, list[str]]
) -> None:
    reader = _reader(tmp_path, store_path, WarmUp(ranks=0))
    reader.cache_size = 2
    try:
        for n in range(5):
            reader.answer(("n", n), lambda s, n=n: n)
        assert len(reader.snapshot.cache) == 2
        assert reader.cached(("summary",))["events"] > 0
    finally:
        reader.close()
