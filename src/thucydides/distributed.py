"""The only home of Dask: coding a stream of articles on a Dask cluster.

``code_articles_on_dask`` is a drop-in for :func:`thucydides.pipeline.code_articles`: the same
outcomes, in the same order, with the same event ids, computed by Dask workers. Input is streamed in
partitions and at most ``2 × workers`` partitions are in flight (plus about ``workers × partition
size`` articles read ahead, to split the end of the input into shrinking partitions so that the
workers finish together), so the articles held at once do not grow with the corpus. Each worker
process loads the NLP pipeline once (it is cached per process) and returns, per article, only its
events or its rejection (the caller has the articles already): the caller, the single writer of the
store, spends as little CPU as possible on each partition, since on a machine with one core per
worker it takes that CPU from the workers.

A local cluster is started for ``workers`` processes, or an existing scheduler is used
(``scheduler="tcp://host:8786"``: a dask-jobqueue/Slurm or Kubernetes cluster, see docs/dask.md).
"""

from __future__ import annotations

import collections
import contextlib
import logging
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from thucydides.errors import UsageError
from thucydides.models import Article, Rejection, RejectionReason

if TYPE_CHECKING:
    from thucydides.pipeline import Outcome, Settings

PARTITION_SIZE = 32
MIN_PARTITION = 4  # the smallest partition of the tail (see ``partitions``)
# Dask's defaults poll often, for its dashboard and diagnostics: the worker samples its running
# task's stack every 10 ms, every event loop ticks every 20 ms. On a machine whose cores all run
# workers, that took about 4% of each core (and of the client); thucydides shows neither the
# dashboard nor profiles, so these run rarely (or not at all) in the clusters it starts. A worker
# holds one partition at a time (saturation 1.0): the others wait on the scheduler and go to
# whichever worker is free first, so no worker ends the run with a queue while another idles.
QUIET_CONFIG: dict[str, Any] = {
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.memory.monitor-interval": "500ms",
}


Result = tuple[Any, ...] | Rejection  # the events of one article (``tuple[Event, ...]``)


def partitions(
    items: Iterable[Article | Rejection], size: int, workers: int
) -> Iterator[list[Article | Rejection]]:
    """The items in lists of ``size``, streaming, except the last ``workers × size`` or so (read
    ahead): those come in shrinking lists, each about ``1 / (2 × workers)`` of what is left (at
    least ``MIN_PARTITION``), so the workers finish together instead of one coding a last full
    partition while the others idle."""
    ahead: collections.deque[Article | Rejection] = collections.deque()
    for item in items:
        ahead.append(item)
        if len(ahead) >= (workers + 1) * size:
            yield [ahead.popleft() for _ in range(size)]
    while ahead:
        n = min(size, max(MIN_PARTITION, math.ceil(len(ahead) / (2 * workers))))
        yield [ahead.popleft() for _ in range(min(n, len(ahead)))]


def code_partition(articles: Sequence[Article], settings: Settings) -> list[Result]:
    """Run on a worker: code one partition with the worker's (cached) pipeline; for each article
    its events, or its rejection."""
    import dataclasses

    from thucydides.pipeline import Coded, code_articles

    here = dataclasses.replace(settings, workers=1, scheduler="")  # one process per worker
    return [tuple(o.events) if isinstance(o, Coded) else o for o in code_articles(articles, here)]


@contextlib.contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Any]:
    """A Dask client: on the given scheduler, or on a local cluster of ``workers`` processes
    (started with :data:`QUIET_CONFIG`)."""
    import dask
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    with contextlib.ExitStack() as stack:
        stack.enter_context(dask.config.set(QUIET_CONFIG))
        if scheduler:
            try:
                client = Client(scheduler, timeout="10s")  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError) as exc:
                raise UsageError(
                    f"cannot reach the Dask scheduler {scheduler!r} ({exc}); start one with "
                    "`dask scheduler` (or dask-jobqueue/dask-kubernetes) or drop --scheduler"
                ) from exc
        else:
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            stack.enter_context(cluster)
            client = Client(cluster)  # type: ignore[no-untyped-call]
        with client:
            yield client


def code_articles_on_dask(
    items: Iterable[Article | Rejection],
    settings: Settings,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    partition_size: int = PARTITION_SIZE,
    already_coded: Callable[[Sequence[Article]], set[str]] | None = None,
    client: Any = None,
) -> Iterator[Outcome]:
    """Outcomes for every input item, in input order, coded by Dask workers (of ``client``, when
    given: a running ``distributed.Client``; else of a cluster started for this call)."""
    from thucydides.pipeline import Coded

    Pending = tuple[list[Article | Rejection], set[str], Any]
    given = contextlib.nullcontext(client) if client is not None else None
    with given or dask_client(workers, scheduler) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        in_flight: collections.deque[Pending] = collections.deque()

        def drain(pending: Pending) -> Iterator[Outcome]:
            batch, unchanged, future = pending
            results: Iterator[Result] = iter(())
            if future is not None:
                try:
                    results = iter(future.result())
                except Exception as exc:  # a lost worker or a crash: the partition becomes data
                    results = iter(
                        Rejection(
                            a.id,
                            "coding",
                            RejectionReason.CODING_FAILED,
                            f"the Dask worker failed on this partition: {type(exc).__name__}: {exc}",
                            a.origin,
                        )
                        for a in batch
                        if isinstance(a, Article) and a.id not in unchanged
                    )
            for item in batch:
                if isinstance(item, Rejection):
                    yield item
                elif item.id in unchanged:
                    yield Coded(item, (), unchanged=True)
                else:
                    result = next(results)
                    yield result if isinstance(result, Rejection) else Coded(item, result)

        for batch in partitions(items, partition_size, n_workers):
            articles = [a for a in batch if isinstance(a, Article)]
            unchanged = already_coded(articles) if already_coded and articles else set()
            to_code = [a for a in articles if a.id not in unchanged]
            future = (
                client.submit(code_partition, to_code, settings, pure=False) if to_code else None
            )
            in_flight.append((batch, unchanged, future))
            while len(in_flight) > 2 * n_workers:
                yield from drain(in_flight.popleft())
        while in_flight:
            yield from drain(in_flight.popleft())
