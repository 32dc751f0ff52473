"""A `code` run killed mid-way (SIGKILL), interrupted (Ctrl-C) or terminated (SIGTERM) continues
where it stopped when re-run: the store and the --out file end exactly as after an uninterrupted
run, with no duplicate and no lost event."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from thucydides.store import Store
from thucydides.store.records import record_sql
from thucydides.store.stats import collect_stats

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
INPUTS = [str(EXAMPLES / "articles.jsonl"), str(EXAMPLES / "txt"), str(EXAMPLES / "bad")]
# one article per parser batch and a commit every 2 outcomes: many small transactions
ENV = os.environ | {"THUCYDIDES_BATCH_SIZE": "1", "THUCYDIDES_COMMIT_EVERY": "2"}


def command(db: Path, out: Path, *flags: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "thucydides",
        *flags,
        "code",
        *INPUTS,
        "--db",
        str(db),
        "--out",
        str(out),
    ]


def snapshot(db: Path) -> dict[str, Any]:
    with Store(db, read_only=True) as store:
        return {
            "articles": sorted(store.sql("SELECT article_id, content_hash FROM articles")),
            "events": sorted(store.sql(f"SELECT event_id, {record_sql('e')} FROM events e")),
            "rejections": sorted(store.sql("SELECT article_id, origin, reason FROM rejections")),
            "duplicate events": store.sql("SELECT count(*) - count(DISTINCT event_id) FROM events")[
                0
            ][0],
        }


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], list[Any]]:
    tmp = tmp_path_factory.mktemp("whole")
    db, out = tmp / "s.duckdb", tmp / "e.jsonl"
    subprocess.run(command(db, out, "--quiet"), env=ENV, check=True, timeout=300)
    return snapshot(db), [json.loads(line) for line in out.read_text().splitlines()]


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_interrupted_run_resumes_without_duplicates_or_loss(
    tmp_path: Path, how: signal.Signals, uninterrupted: tuple[dict[str, Any], list[Any]]
) -> None:
    db, out = tmp_path / "s.duckdb", tmp_path / "e.jsonl"
    process = subprocess.Popen(
        command(db, out, "--json", "-vv"), env=ENV, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    for line in process.stderr:  # wait until a few batches are committed, then stop it
        record = json.loads(line) if line.startswith("{") else {}
        if record.get("kind") == "commit" and record["committed"] >= 6:
            process.send_signal(how)
            break
    rest = process.stderr.read()
    code = process.wait(timeout=120)
    assert code == (-9 if how == signal.SIGKILL else 130), rest
    if how != signal.SIGKILL:
        assert "Interrupted; re-run the same command to continue where it stopped." in rest

    partial = snapshot(db)
    whole, whole_records = uninterrupted
    assert 0 < len(partial["articles"]) < len(whole["articles"])
    with Store(db, read_only=True) as store:
        (run,) = collect_stats(store).runs
    assert run.status == "interrupted" and run.articles_stored == len(partial["articles"])

    resumed = subprocess.run(
        command(db, out, "--json", "-v"), env=ENV, capture_output=True, text=True, timeout=300
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "was interrupted after storing" in resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["articles"]["unchanged"] == len(partial["articles"])

    assert snapshot(db) == whole
    assert snapshot(db)["duplicate events"] == 0
    assert [json.loads(line) for line in out.read_text().splitlines()] == whole_records
    with Store(db, read_only=True) as store:
        statuses = [r.status for r in collect_stats(store).runs]
    assert statuses == ["interrupted", "finished"]


def test_sigterm_stops_a_run_like_ctrl_c() -> None:
    """`kill PID` (SIGTERM) becomes KeyboardInterrupt inside `code`: the complete articles are
    committed and the run is marked interrupted, as with Ctrl-C above."""
    from thucydides.cli.code import _sigterm_as_interrupt

    with pytest.raises(KeyboardInterrupt), _sigterm_as_interrupt():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # interrupted at once by the handler
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
