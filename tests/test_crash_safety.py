"""kill -9 at random points, several times in a row, then finish: the store ends identical to an
uninterrupted run (no duplicate, nothing missing, no corrupt file).

Kills land at random moments (seeded), not only between transactions, so some hit the middle of a
write; DuckDB's write-ahead log and the per-batch transactions must make that harmless.
The number of kills survived is reported in the README (Guarantees)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from thucydides.store import Store
from thucydides.store.records import record_sql

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
INPUTS = [str(EXAMPLES / "articles.jsonl"), str(EXAMPLES / "txt"), str(EXAMPLES / "bad")]
ENV = os.environ | {"THUCYDIDES_BATCH_SIZE": "1", "THUCYDIDES_COMMIT_EVERY": "1"}
KILLS_PER_RUN = 3


def code(db: Path) -> list[str]:
    return [sys.executable, "-m", "thucydides", "--quiet", "code", *INPUTS, "--db", str(db)]


def snapshot(db: Path) -> dict[str, Any]:
    with Store(db, read_only=True) as store:
        return {
            "articles": sorted(
                store.sql("SELECT article_id, content_hash, n_events FROM articles")
            ),
            "events": sorted(store.sql(f"SELECT event_id, {record_sql('e')} FROM events e")),
            "actors": sorted(store.sql("SELECT event_id, role, position, code FROM event_actors")),
            "rejections": sorted(store.sql("SELECT article_id, origin, reason FROM rejections")),
        }


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("whole") / "s.duckdb"
    subprocess.run(code(db), env=ENV, check=True, timeout=300)
    return snapshot(db)


@pytest.mark.parametrize("seed", [7, 2026])
def test_repeated_kill_9_then_finish(tmp_path: Path, seed: int, whole: dict[str, Any]) -> None:
    rng = random.Random(seed)
    db = tmp_path / "s.duckdb"
    kills = 0
    for _ in range(KILLS_PER_RUN):
        process = subprocess.Popen(code(db), env=ENV, stderr=subprocess.DEVNULL)
        # model loading takes a few seconds; kill somewhere in the coding that follows
        time.sleep(rng.uniform(3.0, 9.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
    finished = subprocess.run(code(db), env=ENV, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert kills >= 1
    assert snapshot(db) == whole
