"""Coverage-guided fuzzing (atheris) of ingest, records, dates and places, a fixed number of
cases per target in every test run. Any failed check or escaped exception makes libFuzzer stop
with a crash report and a non-zero exit, which fails the test with the reproducer's path.

The case counts below are the README's fuzzing figure (Guarantees)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"ingest": 4000, "records": 4000, "dates": 6000, "places": 6000}


@pytest.mark.parametrize(("target", "runs"), sorted(TARGETS.items()))
def test_fuzz_target_survives(tmp_path: Path, target: str, runs: int) -> None:
    corpus = tmp_path / "corpus"  # libFuzzer adds new inputs here: never to the project's seeds
    shutil.copytree(ROOT / "fuzz" / "corpus" / target, corpus)
    command = [
        sys.executable,
        str(ROOT / "fuzz" / "targets.py"),
        target,
        f"-runs={runs}",
        "-seed=7",
        "-max_len=4096",
        f"-artifact_prefix={tmp_path}/",
        str(corpus),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(rf"Done {runs} runs", done.stderr), done.stderr[-1000:]


def test_an_unknown_target_is_named_in_a_one_line_message() -> None:
    command = [sys.executable, str(ROOT / "fuzz" / "targets.py"), "nope"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert (
        done.stderr.strip()
        == "usage: python fuzz/targets.py {ingest,records,dates,places} [libFuzzer flags]"
    )
