"""Snapshots: consistent copies of a store file, so readers never block a writer.

DuckDB lets one process hold a file read-write; while it does, no other process can open it,
not even read-only. ``thucydides serve`` therefore never keeps the store open: it copies it
(while holding a read-only open for the length of the copy, which fails at once if a writer has
the file) and serves the copy. A writer that starts during the copy gets the usual "another
process is writing" message; a writer already running makes the copy wait for the next try.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from thucydides.errors import StoreError


class StoreBusyError(StoreError):
    """The store is being written by another process; try the snapshot again later."""


def copy_snapshot(source: str | Path, dest: str | Path) -> None:
    """Copy the store ``source`` to ``dest`` (and its write-ahead log, if any) consistently."""
    source, dest = Path(source), Path(dest)
    if not source.is_file():
        raise StoreError(
            f"store {str(source)!r} does not exist; create it with "
            f"`thucydides code INPUT --db {source}`"
        )
    try:
        con = duckdb.connect(str(source), read_only=True)
    except duckdb.Error as exc:
        raise StoreBusyError(
            f"store {str(source)!r} is being written by another process; serving the last "
            "snapshot until it is free"
        ) from exc
    try:
        shutil.copyfile(source, dest)
        wal = source.with_name(source.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, dest.with_name(dest.name + ".wal"))
    finally:
        con.close()


__all__ = ["StoreBusyError", "copy_snapshot"]
