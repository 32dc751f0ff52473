"""The stores the web app reads: a snapshot copy of the operator's store, opened read-only.

The app never opens the operator's file for longer than a copy takes (see
:mod:`thucydides.store.snapshots`), so ``thucydides code --db`` can write it while the app
serves. A background thread takes a new snapshot when the file changes (every ``refresh``
seconds at most), adds the read tables to it (:func:`~thucydides.store.snapshots.add_read_tables`)
and swaps it in; answers are cached per snapshot, since a snapshot never changes.

Queries run off the event loop on a bounded pool of worker threads, one per read-only
connection of the snapshot and as many as the cores by default (:func:`default_connections`):
a worker always finds its connection free, and no more queries run at once than the cores can
run, the others waiting their turn in the pool's queue rather than as threads fighting over
the cores and the GIL. Each query runs on its worker alone (DuckDB ``threads`` is 1 by
default): with many clients at once, queries run side by side on the cores instead of queueing
their parallel tasks behind each other's, and a short query never waits for the tasks of a
long one. Point lookups (an event's page) have workers and connections of their own
(``quick``), so that they never wait behind counts over many rows. Requests for an answer
being computed wait for it on the event loop (:meth:`SnapshotReader.answer_async`), holding
no thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import logging
import os
import queue
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thucydides.errors import StoreError
from thucydides.store import Store
from thucydides.store.snapshots import StoreBusyError, add_read_tables, copy_snapshot

log = logging.getLogger(__name__)

MISSING: Any = object()  # not in the cache
SPACING = 4  # snapshots are at least this many times the time one takes apart


def default_connections() -> int:
    """Connections (and query workers) of a snapshot: one per core the process may use."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 2
    return max(2, cores)


@dataclass
class _Running:
    """An answer being computed, for the requests that wait for it."""

    done: threading.Event = field(default_factory=threading.Event)
    value: Any = None
    error: BaseException | None = None


@dataclass
class Snapshot:
    """One copy of the store with its own pool of read-only connections and its answer cache."""

    generation: int
    path: Path
    taken_at: float
    source_mtime: float
    pool: queue.Queue[Store]
    stores: list[Store]
    quick: queue.Queue[Store] = field(default_factory=queue.Queue)  # for point lookups
    cache: OrderedDict[Any, Any] = field(default_factory=OrderedDict)
    pinned: dict[Any, Any] = field(default_factory=dict)  # the warm-up's: never evicted
    extras: dict[str, Any] = field(default_factory=dict)  # other caches of this snapshot
    running: dict[Any, _Running] = field(default_factory=dict)
    # answers being computed for requests, awaited on the event loop (which alone touches it)
    waiting: dict[Any, asyncio.Future[Any]] = field(default_factory=dict)
    hits: int = 0  # answered from the cache
    misses: int = 0  # computed
    joined: int = 0  # waited for the same answer being computed for another request
    seconds: float = 0.0  # how long taking it took (copy and read tables)
    warmed: int = 0  # answers the warm-up pass computed
    warm_seconds: float = 0.0  # how long it took

    def close(self) -> None:
        for store in self.stores:
            with contextlib.suppress(Exception):
                store.close()


class SnapshotReader:
    """Serves reads of ``source`` from snapshots; thread-safe."""

    def __init__(
        self,
        source: str | Path,
        *,
        connections: int | None = None,
        quick_connections: int = 2,
        threads: int = 1,
        refresh: float = 30.0,
        cache_size: int = 1024,
        memory_limit: str = "1GB",
        warm: Callable[[SnapshotReader, Snapshot], None] | None = None,
    ) -> None:
        self.source = Path(source)
        self.connections = connections or default_connections()
        self.quick_connections = quick_connections
        self.threads = threads
        self.refresh = refresh
        self.cache_size = cache_size
        self.memory_limit = memory_limit
        self._warm = warm
        self._dir = Path(tempfile.mkdtemp(prefix="thucydides-serve-"))
        self._lock = threading.Lock()  # guards the answer caches
        self._refreshing = threading.Lock()  # one snapshot at a time
        self._generation = 0
        self._stop = threading.Event()
        self._current: Snapshot
        try:
            self._current = self._take()  # a missing or busy store fails here, at start-up
        except StoreBusyError as exc:
            shutil.rmtree(self._dir, ignore_errors=True)
            raise StoreError(
                f"store {os.fspath(self.source)!r} is being written by another process; start "
                "the server when that has finished (it then reads snapshots, so later writes "
                "are never blocked)"
            ) from exc
        # the query workers: one per connection, so a worker never waits for a connection
        self._workers = concurrent.futures.ThreadPoolExecutor(self.connections, "duckdb")
        self._quick_workers = concurrent.futures.ThreadPoolExecutor(
            max(1, quick_connections), "duckdb-quick"
        )
        self._thread: threading.Thread | None = None
        if refresh > 0:
            self._thread = threading.Thread(target=self._watch, daemon=True, name="snapshots")
            self._thread.start()

    # -- snapshots ------------------------------------------------------------------------
    def _take(self) -> Snapshot:
        mtime = self.source.stat().st_mtime if self.source.exists() else 0.0
        self._generation += 1
        path = self._dir / f"snapshot-{self._generation}.duckdb"
        started = time.perf_counter()
        try:
            copy_snapshot(self.source, path)
            Store(path, memory_limit=self.memory_limit).close()  # ours: bring its schema up to date
            add_read_tables(path, memory_limit=self.memory_limit)
        except BaseException:
            for leftover in (path, path.with_name(path.name + ".wal")):
                leftover.unlink(missing_ok=True)
            raise
        stores = [
            Store(path, read_only=True, memory_limit=self.memory_limit)
            for _ in range(self.connections + self.quick_connections)
        ]
        # one DuckDB instance behind the connections: its threads are the readers' alone
        stores[0].sql(f"SET threads = {int(self.threads)}")
        pool: queue.Queue[Store] = queue.Queue()
        quick: queue.Queue[Store] = queue.Queue()
        for n, store in enumerate(stores):
            (pool if n < self.connections else quick).put(store)
        snap = Snapshot(self._generation, path, time.time(), mtime, pool, stores, quick)
        snap.seconds = time.perf_counter() - started
        if self._warm:  # the answers every visitor asks for, before anyone sees the snapshot
            self._warm(self, snap)
        return snap

    def refresh_now(self) -> bool:
        """Take a new snapshot if the store changed since the last one; True if it did."""
        with self._refreshing:
            current = self._current
            if self.source.exists() and self.source.stat().st_mtime == current.source_mtime:
                return False
            self._current = self._take()
        # readers that hold the old snapshot's stores finish first: close them when returned
        threading.Thread(target=self._retire, args=(current,), daemon=True).start()
        return True

    def _retire(self, old: Snapshot) -> None:
        for _ in range(self.connections):
            old.pool.get()
        for _ in range(self.quick_connections):
            old.quick.get()
        old.close()
        for path in (old.path, old.path.with_name(old.path.name + ".wal")):
            with contextlib.suppress(OSError):
                path.unlink()

    def _watch(self) -> None:
        # a snapshot of a big store takes a while (the read tables): wait SPACING times as long
        # before the next one, so that a store written without pause costs the readers' cores
        # a bounded share, not a snapshot after snapshot
        while not self._stop.wait(max(self.refresh, SPACING * self._current.seconds)):
            try:
                if self.refresh_now():
                    log.info("new snapshot of %s", self.source)
            except StoreBusyError as exc:
                log.info("%s", exc)
            except Exception:  # keep serving the last snapshot whatever happened
                log.exception("snapshot of %s failed", self.source)

    def close(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        self._workers.shutdown(wait=True, cancel_futures=True)
        self._quick_workers.shutdown(wait=True, cancel_futures=True)
        self._current.close()
        shutil.rmtree(self._dir, ignore_errors=True)

    # -- reads ----------------------------------------------------------------------------
    @property
    def snapshot(self) -> Snapshot:
        return self._current

    @contextlib.contextmanager
    def store(self, snapshot: Snapshot | None = None) -> Iterator[Store]:
        """A read-only store of the current snapshot (or ``snapshot``), for one request."""
        snap = snapshot or self._current
        store = snap.pool.get()
        try:
            yield store
        finally:
            snap.pool.put(store)

    def cached(self, key: Any, snapshot: Snapshot | None = None) -> Any:
        """The cached answer under ``key`` in the current snapshot (or ``snapshot``), or
        :data:`MISSING` (never waits for a query: the event loop asks this before it hands a
        request to a worker)."""
        snap = snapshot or self._current
        with self._lock:
            value = snap.pinned.get(key, MISSING)
            if value is MISSING and key in snap.cache:
                snap.cache.move_to_end(key)
                value = snap.cache[key]
            if value is not MISSING:
                snap.hits += 1
        return value

    def count_hit(self, snap: Snapshot) -> None:
        """Count an answer served from another cache of ``snap`` (the response cache's)."""
        with self._lock:
            snap.hits += 1

    def answer(
        self,
        key: Any,
        compute: Callable[[Store], Any],
        snapshot: Snapshot | None = None,
        *,
        pin: bool = False,
        quick: bool = False,
    ) -> Any:
        """``compute(store)``, cached per snapshot under ``key`` (answers never go stale: a
        snapshot does not change). Concurrent requests for the same key wait for one
        computation. ``snapshot``: another than the current one (to warm it); ``pin``: keep
        the answer for the snapshot's life (the warm-up's); ``quick``: a point lookup, on the
        connections kept for them."""
        snap = snapshot or self._current
        with self._lock:
            if key in snap.pinned:
                snap.hits += 1
                return snap.pinned[key]
            if key in snap.cache:
                snap.cache.move_to_end(key)
                snap.hits += 1
                return snap.cache[key]
            running = snap.running.get(key)
            if running is None:
                running = snap.running[key] = _Running()
                owner = True
                snap.misses += 1
            else:
                owner = False
                snap.joined += 1
        if not owner:
            running.done.wait()
            if running.error is not None:
                raise running.error
            return running.value
        try:
            pool = snap.quick if quick and self.quick_connections else snap.pool
            store = pool.get()
            try:
                running.value = compute(store)
            finally:
                pool.put(store)
        except BaseException as exc:
            running.error = exc
            raise
        finally:
            with self._lock:
                del snap.running[key]
                if running.error is None and pin:
                    snap.pinned[key] = running.value
                elif running.error is None:
                    snap.cache[key] = running.value
                    while len(snap.cache) > self.cache_size:
                        snap.cache.popitem(last=False)
            running.done.set()
        return running.value

    async def answer_async(
        self, key: Any, compute: Callable[[Store], Any], *, quick: bool = False
    ) -> Any:
        """:meth:`answer` for a request on the event loop: the cached answer at once, else
        computed on a query worker (``quick``: a point lookup's). A request for an answer that
        is being computed for another awaits the same computation instead of holding a
        thread. A request that is cancelled (its client went away) does not cancel the
        computation the others wait for."""
        snap = self._current
        value = self.cached(key, snap)
        if value is not MISSING:
            return value
        future = snap.waiting.get(key)
        if future is None:
            workers = self._quick_workers if quick else self._workers
            future = asyncio.get_running_loop().run_in_executor(
                workers, functools.partial(self.answer, key, compute, snap, quick=quick)
            )
            snap.waiting[key] = future
            future.add_done_callback(lambda _: snap.waiting.pop(key, None))
        else:
            with self._lock:
                snap.joined += 1
        return await asyncio.shield(future)

    def info(self) -> dict[str, Any]:
        snap = self._current
        return {
            "source": os.fspath(self.source),
            "generation": snap.generation,
            "taken_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(snap.taken_at)),
            "refresh_seconds": self.refresh,
            "took_seconds": round(snap.seconds, 2),
            "warm_up": {"answers": snap.warmed, "seconds": round(snap.warm_seconds, 2)},
            "cache": {
                "answers": len(snap.cache) + len(snap.pinned),
                "hits": snap.hits,
                "misses": snap.misses,
                "joined": snap.joined,
            },
        }


__all__ = ["MISSING", "Snapshot", "SnapshotReader", "default_connections"]
