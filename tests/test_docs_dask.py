"""The cluster configuration examples in docs/dask/ parse and have the keys the guide relies on."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_jobqueue_example() -> None:
    config = yaml.safe_load((DOCS / "dask" / "jobqueue.yaml").read_text())
    slurm = config["jobqueue"]["slurm"]
    assert slurm["cores"] == slurm["processes"]  # one single-threaded worker per core
    assert {"queue", "memory", "walltime", "python"} <= set(slurm)


def test_kubernetes_example() -> None:
    spec = yaml.safe_load((DOCS / "dask" / "kubernetes.yaml").read_text())
    assert spec["kind"] == "DaskCluster"
    workers = spec["spec"]["worker"]["spec"]["containers"][0]
    assert (
        "--nthreads" in workers["args"]
        and workers["args"][workers["args"].index("--nthreads") + 1] == "1"
    )
    ports = [p["port"] for p in spec["spec"]["scheduler"]["service"]["ports"]]
    assert ports == [8786]


def test_python_snippets_in_the_guide_parse() -> None:
    text = (DOCS / "dask.md").read_text()
    snippets = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(snippets) >= 2
    for snippet in snippets:
        ast.parse(snippet)
