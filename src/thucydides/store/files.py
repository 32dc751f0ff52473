"""File conversions that DuckDB does best (kept here: the store is DuckDB's one home)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from thucydides.errors import StoreError


def jsonl_to_parquet(src: Path, dst: Path, columns: Sequence[str]) -> None:
    """Convert flat JSON Lines rows to a ZSTD Parquet file with the given column order."""
    con = duckdb.connect(":memory:")
    try:
        cols = ", ".join(f'"{c}"' for c in columns)
        if src.stat().st_size == 0:
            empty = ", ".join(f'NULL::VARCHAR AS "{c}"' for c in columns)
            con.execute(f"CREATE TABLE t AS SELECT {empty} WHERE false")
        else:
            con.execute(
                "CREATE TABLE t AS SELECT * FROM read_json_auto(?, format='newline_delimited')",
                [str(src)],
            )
        con.execute(
            f"COPY (SELECT {cols} FROM t) TO '{dst.as_posix()}' (FORMAT PARQUET, COMPRESSION ZSTD)"
        )
    except duckdb.Error as exc:
        raise StoreError(f"cannot write Parquet file {str(dst)!r}: {exc}") from exc
    finally:
        con.close()


def iter_parquet_rows(path: str | Path, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """The rows of a Parquet file as dicts, streamed in batches (for ingest of collections)."""
    con = duckdb.connect(":memory:")
    try:
        cursor = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        names = [d[0] for d in cursor.description or []]
        while rows := cursor.fetchmany(batch):
            for row in rows:
                yield dict(zip(names, row, strict=True))
    except duckdb.Error as exc:
        raise StoreError(f"cannot read Parquet file {str(path)!r}: {exc}") from exc
    finally:
        con.close()
