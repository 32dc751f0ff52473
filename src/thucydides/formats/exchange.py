"""``thucydides export`` and ``thucydides import``: whole files to and from a store, streamed."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from thucydides.errors import UsageError
from thucydides.formats.columns import POLECAT_COLUMNS
from thucydides.formats.exporters import (
    gdelt_event_rows,
    gdelt_mention_rows,
    json_line,
    plover_record,
    polecat_rows,
)
from thucydides.formats.importers import Imported, Skipped, read_events
from thucydides.formats.writers import open_writer
from thucydides.store import Store
from thucydides.store.exchange import iter_exported, iter_mentions

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "gdelt", "gdelt-mentions", "plover", "polecat")
IMPORT_BATCH = 5000


@dataclass
class ExportSummary:
    events: int = 0
    rows: int = 0


@dataclass
class ImportSummary:
    imported: int = 0
    skipped: int = 0
    first_skipped: list[Skipped] = field(default_factory=list)


def export_store(
    store: Store, fmt: str, out: str | Path, *, dataset: str | None = None
) -> ExportSummary:
    """Write the store's events (one per cluster, with its counts) to ``out`` in ``fmt``."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"--format {fmt!r} is not known; use one of {', '.join(EXPORT_FORMATS)}")
    summary = ExportSummary()
    if fmt in ("jsonl", "csv", "parquet"):
        path = Path(out)
        if path.suffix.lower() != {"jsonl": ".jsonl", "csv": ".csv", "parquet": ".parquet"}[fmt]:
            raise UsageError(f"--out {str(out)!r}: a {fmt} export needs a .{fmt} file name")
        writer = open_writer(path)
        try:
            for item in iter_exported(store, dataset):
                record = dict(item.record)
                if fmt == "jsonl":
                    record.update(
                        cluster_id=item.cluster_id,
                        num_mentions=item.num_mentions,
                        num_articles=item.num_articles,
                        num_sources=item.num_sources,
                        dataset=item.dataset,
                    )
                writer.write_many([record])
                summary.events += 1
                summary.rows += 1
        finally:
            writer.close()
        return summary
    with open(out, "w", encoding="utf-8", newline="") as f:
        if fmt == "gdelt-mentions":
            for item, representative, seen, first in iter_mentions(store):
                summary.events += 1
                summary.rows += _tsv(f, gdelt_mention_rows(item, representative, seen, first))
            return summary
        if fmt == "polecat":
            f.write("\t".join(POLECAT_COLUMNS) + "\n")
        for item in iter_exported(store, dataset):
            summary.events += 1
            if fmt == "plover":
                f.write(json_line(plover_record(item)) + "\n")
                summary.rows += 1
            elif fmt == "gdelt":
                summary.rows += _tsv(f, gdelt_event_rows(item))
            else:
                summary.rows += _tsv(f, polecat_rows(item))
    return summary


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _tsv(f: IO[str], rows: Iterable[list[str]]) -> int:
    n = 0
    for row in rows:
        f.write("\t".join(_clean(v) for v in row) + "\n")
        n += 1
    return n


def import_file(
    store: Store,
    fmt: str,
    path: str | Path,
    *,
    on_batch: Callable[[int], None] | None = None,
    native: bool = True,
) -> ImportSummary:
    """Load a GDELT/ICEWS/POLECAT/ACLED (or thucydides JSONL) file into the store, in batches
    of ``IMPORT_BATCH`` rows: memory does not grow with the file. Bad lines are counted.

    GDELT files are read and mapped by DuckDB itself (:meth:`Store.import_gdelt`), unless
    ``native`` is false or DuckDB cannot read the file as the Python reader does; the stored
    rows are the same either way."""
    if fmt == "gdelt" and native and Path(path).is_file():
        done = store.import_gdelt(path, on_chunk=on_batch)
        if done is not None:
            return ImportSummary(done.imported, done.skipped, list(done.first_skipped))
    summary = ImportSummary()
    dataset = "thucydides" if fmt == "jsonl" else fmt
    batch: list[Imported] = []

    def flush() -> None:
        if batch:
            store.import_events(dataset, batch, seq=summary.imported)
            summary.imported += len(batch)
            batch.clear()
            if on_batch:
                on_batch(summary.imported)

    for item in read_events(fmt, path):
        if isinstance(item, Skipped):
            summary.skipped += 1
            if len(summary.first_skipped) < 10:
                summary.first_skipped.append(item)
            continue
        batch.append(item)
        if len(batch) >= IMPORT_BATCH:
            flush()
    flush()
    return summary


def read_json_records(path: str | Path) -> list[dict[str, object]]:
    """All JSON Lines of a file (for tests and small files)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


__all__ = ["EXPORT_FORMATS", "export_store", "import_file"]
