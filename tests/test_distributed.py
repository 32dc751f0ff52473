"""Coding on a real Dask LocalCluster gives the same outcomes, in the same order, as one process."""

from __future__ import annotations

import collections
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import pytest

from thucydides.distributed import (
    MIN_PARTITION,
    QUIET_CONFIG,
    code_articles_on_dask,
    code_partition,
    dask_client,
    partitions,
)
from thucydides.errors import UsageError
from thucydides.ingest import iter_articles
from thucydides.models import Article, Rejection
from thucydides.pipeline import Coded, Settings, code_articles, code_collection

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def summary(outcomes: list[object]) -> list[tuple[str, tuple[str, ...]]]:
    rows = []
    for o in outcomes:
        if isinstance(o, Coded):
            rows.append((o.article.id, tuple(e.event_id for e in o.events)))
        else:
            assert isinstance(o, Rejection)
            rows.append((f"rejected:{o.article_id}", (o.reason.value,)))
    return rows


def test_local_cluster_matches_single_process(tmp_path: Path) -> None:
    inputs = [str(EXAMPLES / "articles.jsonl"), str(EXAMPLES / "bad")]
    single = list(code_articles(iter_articles(inputs), Settings()))
    on_dask = list(
        code_articles_on_dask(iter_articles(inputs), Settings(), workers=2, partition_size=5)
    )
    assert summary(on_dask) == summary(single)
    assert any(isinstance(o, Rejection) for o in on_dask)
    assert sum(len(o.events) for o in on_dask if isinstance(o, Coded)) > 20


def test_unreachable_scheduler_is_a_usage_error() -> None:
    with pytest.raises(
        UsageError, match=re.escape("cannot reach the Dask scheduler 'tcp://127.0.0.1:9'")
    ):
        list(code_articles_on_dask([], Settings(), scheduler="tcp://127.0.0.1:9"))


def test_code_collection_with_workers_writes_the_same_store_and_output(tmp_path: Path) -> None:
    inputs = [str(EXAMPLES / "articles.jsonl")]
    one = code_collection(inputs, db=tmp_path / "one.duckdb", out=tmp_path / "one.jsonl")
    two = code_collection(
        inputs,
        db=tmp_path / "two.duckdb",
        out=tmp_path / "two.jsonl",
        settings=Settings(workers=2),
    )
    assert (two.read, two.coded, two.events) == (one.read, one.coded, one.events)
    assert (tmp_path / "two.jsonl").read_text() == (tmp_path / "one.jsonl").read_text()


def test_a_partition_comes_back_as_events_or_rejections_without_the_articles() -> None:
    articles = [
        a for a in iter_articles([str(EXAMPLES / "articles.jsonl")]) if isinstance(a, Article)
    ]
    results = code_partition(articles[:3], Settings())
    single = [o for o in code_articles(articles[:3], Settings()) if isinstance(o, Coded)]
    assert results == [tuple(o.events) for o in single]


@pytest.mark.parametrize("out", [True, False])
def test_a_run_counts_the_same_events_with_and_without_an_output_file(
    tmp_path: Path, out: bool
) -> None:
    inputs = [str(EXAMPLES / "articles.jsonl")]
    reference = code_collection(inputs, db=tmp_path / "ref.duckdb", out=tmp_path / "ref.jsonl")
    run = code_collection(
        inputs, db=tmp_path / "run.duckdb", out=tmp_path / "run.jsonl" if out else None
    )
    lines = (tmp_path / "ref.jsonl").read_text().splitlines()
    assert (run.events, run.events_by_type) == (reference.events, reference.events_by_type)
    assert run.events == len(lines) > 0
    assert run.events_by_type == collections.Counter(
        json.loads(line)["plover"] or f"CAMEO {json.loads(line)['cameo_root']}" for line in lines
    )


@pytest.mark.parametrize(
    ("items", "size", "workers"),
    [
        (0, 32, 2),
        (3, 32, 2),
        (10, 32, 2),
        (95, 32, 2),
        (96, 32, 2),
        (140, 32, 2),
        (1000, 32, 2),
        (1000, 16, 4),
        (50, 5, 1),
    ],
)
def test_partitions_keep_every_item_in_order_and_split_the_tail(
    items: int, size: int, workers: int
) -> None:
    parts: list[list[Any]] = list(partitions(range(items), size, workers))  # type: ignore[arg-type]
    sizes = [len(p) for p in parts]
    assert [x for p in parts for x in p] == list(range(items))
    streamed = 0  # full partitions, sent while more than (workers + 1) × size items remain
    while items - streamed * size >= (workers + 1) * size:
        streamed += 1
    assert sizes[:streamed] == [size] * streamed
    tail, left = sizes[streamed:], items - streamed * size
    assert tail == sorted(tail, reverse=True), sizes  # the tail shrinks...
    assert all(MIN_PARTITION <= n <= size for n in tail[:-1]), sizes
    if tail:  # ...from about 1 / (2 × workers) of what was left
        assert tail[0] == min(left, size, max(MIN_PARTITION, -(-left // (2 * workers))))
    if items >= 2 * workers * MIN_PARTITION:  # every worker gets a share of the tail
        assert len(tail) >= 2 * workers, sizes


@pytest.mark.parametrize(("size", "workers"), [(32, 2), (8, 3), (5, 1)])
def test_partitions_read_a_bounded_stretch_ahead(size: int, workers: int) -> None:
    read = []

    def source() -> Iterator[int]:
        for i in range(10_000):
            read.append(i)
            yield i

    stream = partitions(source(), size, workers)  # type: ignore[arg-type]
    for _ in range(3):
        assert len(next(stream)) == size
        assert len(read) <= (workers + 3) * size  # the partitions given, plus workers × size


def test_a_local_cluster_runs_without_dask_diagnostics() -> None:
    with dask_client(1, None) as client:
        seen = client.run(
            lambda dask_worker: (
                "profile" in dask_worker.periodic_callbacks,
                dask_worker.state.validate,
                dask.config.get("distributed.admin.tick.interval"),
            )
        )
        saturation = client.run_on_scheduler(
            lambda dask_scheduler: dask_scheduler.WORKER_SATURATION
        )
    assert list(seen.values()) == [(False, False, QUIET_CONFIG["distributed.admin.tick.interval"])]
    assert saturation == QUIET_CONFIG["distributed.scheduler.worker-saturation"]
