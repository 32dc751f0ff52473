"""The snapshot reader's query workers: answers are computed off the event loop on a bounded
pool (one worker per connection), once however many requests ask for them at once."""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from thucydides.store import Store
from thucydides.web import snapshot
from thucydides.web.snapshot import SnapshotReader, default_connections


@pytest.fixture()
def reader(tmp_path: Path, store_path: tuple[Path, list[str]]) -> Iterator[SnapshotReader]:
    db = tmp_path / "events.duckdb"
    shutil.copyfile(store_path[0], db)
    value = SnapshotReader(db, refresh=0, connections=2, quick_connections=1)
    yield value
    value.close()


class Slow:
    """A computation that takes ``seconds`` and records how many run at once, and where."""

    def __init__(self, seconds: float = 0.2) -> None:
        self.seconds = seconds
        self.calls = 0
        self.running = 0
        self.peak = 0
        self.threads: set[str] = set()
        self.lock = threading.Lock()

    def __call__(self, store: Store) -> int:
        with self.lock:
            self.calls += 1
            self.running += 1
            self.peak = max(self.peak, self.running)
            self.threads.add(threading.current_thread().name)
        time.sleep(self.seconds)
        (count,) = store.sql("SELECT count(*) FROM events")[0]
        with self.lock:
            self.running -= 1
        return int(count)


def gather(reader: SnapshotReader, calls: list[tuple[Any, Callable[[Store], Any], bool]]) -> Any:
    async def run() -> list[Any]:
        return await asyncio.gather(
            *(reader.answer_async(key, compute, quick=quick) for key, compute, quick in calls)
        )

    return asyncio.run(run())


def test_requests_for_one_answer_compute_it_once(reader: SnapshotReader) -> None:
    slow = Slow()
    answers = gather(reader, [(("n",), slow, False)] * 5)
    info = reader.info()["cache"]
    assert slow.calls == 1
    assert len(set(answers)) == 1 and answers[0] > 0
    assert (info["misses"], info["joined"]) == (1, 4)
    # and then it is a hit, computed no more
    assert gather(reader, [(("n",), slow, False)]) == answers[:1] and slow.calls == 1
    assert reader.info()["cache"]["hits"] == 1


@pytest.mark.parametrize(
    ("quick", "workers", "prefix"), [(False, 2, "duckdb_"), (True, 1, "duckdb-quick_")]
)
def test_queries_run_on_a_bounded_pool_of_workers(
    reader: SnapshotReader, quick: bool, workers: int, prefix: str
) -> None:
    """Six different answers at once: no more run together than the pool has workers (one per
    connection), each on a worker thread, none on the event loop's."""
    slow = Slow(0.1)
    gather(reader, [((n,), slow, quick) for n in range(6)])
    assert slow.calls == 6
    assert slow.peak == workers
    assert all(name.startswith(prefix) for name in slow.threads), slow.threads


def test_a_cancelled_request_leaves_the_computation_to_the_others(
    reader: SnapshotReader,
) -> None:
    slow = Slow(0.3)

    async def run() -> Any:
        first = asyncio.ensure_future(reader.answer_async(("n",), slow))
        await asyncio.sleep(0.05)  # it is being computed
        second = asyncio.ensure_future(reader.answer_async(("n",), slow))
        await asyncio.sleep(0.05)
        first.cancel()  # its client went away
        with pytest.raises(asyncio.CancelledError):
            await first
        return await second

    assert asyncio.run(run()) > 0
    assert slow.calls == 1


def test_a_failed_computation_fails_every_request_waiting_for_it(
    reader: SnapshotReader,
) -> None:
    def fail(store: Store) -> None:
        time.sleep(0.1)
        raise ValueError("no answer")

    async def run() -> list[Any]:
        calls = [reader.answer_async(("bad",), fail) for _ in range(3)]
        return await asyncio.gather(*calls, return_exceptions=True)

    outcomes = asyncio.run(run())
    assert [str(o) for o in outcomes] == ["no answer"] * 3
    assert ("bad",) not in reader.snapshot.cache  # failures are not kept


@pytest.mark.parametrize(("cores", "expected"), [({0}, 2), ({0, 1}, 2), (set(range(8)), 8)])
def test_one_connection_per_core(
    monkeypatch: pytest.MonkeyPatch, cores: set[int], expected: int
) -> None:
    monkeypatch.setattr(snapshot.os, "sched_getaffinity", lambda pid: cores, raising=False)
    assert default_connections() == expected
