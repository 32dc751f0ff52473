"""Fixtures: the hostile fixture store and a real uvicorn server over it (see webstore.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webstore import TOKEN, Server, build_store, run_server


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("web") / "events.duckdb"
    return path, build_store(path)


@pytest.fixture(scope="session")
def server(store_path: tuple[Path, list[str]]) -> Iterator[Server]:
    """The app with coding enabled (token), over the fixture store."""
    path, ids = store_path
    for running in run_server(path, token=TOKEN):
        running.event_ids = ids
        yield running
