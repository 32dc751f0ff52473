"""Coding on a real Dask LocalCluster gives the same outcomes, in the same order, as one process."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thucydides.distributed import code_articles_on_dask
from thucydides.errors import UsageError
from thucydides.ingest import iter_articles
from thucydides.models import Rejection
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
