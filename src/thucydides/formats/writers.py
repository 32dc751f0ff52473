"""Event-record writers. Each streams: memory stays flat however many events are written."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol

from thucydides.errors import UsageError

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}

CSV_COLUMNS = (
    "event_id",
    "article_id",
    "sentence_index",
    "sentence",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "plover",
    "plover_mode",
    "plover_contexts",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad_class",
    "actor_codes",
    "actor_countries",
    "actor_names",
    "actor_texts",
    "recipient_codes",
    "recipient_countries",
    "recipient_names",
    "recipient_texts",
    "factual",
    "modality",
    "date",
    "date_precision",
    "date_text",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "explanation",
)


class RecordWriter(Protocol):
    def write_many(self, records: Iterable[dict[str, Any]]) -> None: ...
    def close(self) -> None: ...


def open_writer(path: str | Path) -> RecordWriter:
    """A writer for ``path``; the suffix chooses the format (one-line error for an unknown one)."""
    suffix = Path(path).suffix.lower()
    kind = FORMATS.get(suffix)
    if kind is None:
        known = ", ".join(sorted(FORMATS))
        raise UsageError(
            f"--out {str(path)!r}: unknown format {suffix or '(no suffix)'!r}; use one of {known}"
        )
    if kind == "jsonl":
        return JsonlWriter(path)
    if kind == "csv":
        return CsvWriter(path)
    return ParquetWriter(path)


class JsonlWriter:
    """One event record (version 1) per line, UTF-8."""

    def __init__(self, path: str | Path) -> None:
        self._file: IO[str] = open(path, "w", encoding="utf-8")  # noqa: SIM115

    def write_many(self, records: Iterable[dict[str, Any]]) -> None:
        for record in records:
            self._file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._file.close()


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """The event record as one flat row: lists joined with ';', the explanation as JSON."""

    def joined(actors: list[dict[str, Any]], key: str) -> str:
        return ";".join("" if a.get(key) is None else str(a[key]) for a in actors)

    location = record.get("location") or {}
    trigger = record["trigger"]
    return {
        **{k: record[k] for k in ("event_id", "article_id", "sentence_index", "sentence")},
        "trigger_text": trigger["text"],
        "trigger_start": trigger["start"],
        "trigger_end": trigger["end"],
        **{k: record[k] for k in ("plover", "plover_mode")},
        "plover_contexts": ";".join(record["plover_contexts"]),
        **{k: record[k] for k in ("cameo", "cameo_root", "goldstein", "quad_class")},
        **{
            f"{role[:-1]}_{plural}": joined(record[role], key)
            for role in ("actors", "recipients")
            for key, plural in (
                ("code", "codes"),
                ("country", "countries"),
                ("name", "names"),
                ("text", "texts"),
            )
        },
        **{k: record[k] for k in ("factual", "modality", "date", "date_precision", "date_text")},
        "location_name": location.get("name"),
        "location_country": location.get("country"),
        "location_lat": location.get("lat"),
        "location_lon": location.get("lon"),
        "explanation": json.dumps(record["explanation"], ensure_ascii=False),
    }


class CsvWriter:
    """Flat rows with a header (see CSV_COLUMNS)."""

    def __init__(self, path: str | Path) -> None:
        self._file: IO[str] = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._csv = csv.DictWriter(self._file, fieldnames=CSV_COLUMNS)
        self._csv.writeheader()

    def write_many(self, records: Iterable[dict[str, Any]]) -> None:
        for record in records:
            self._csv.writerow(flatten(record))

    def close(self) -> None:
        self._file.close()


class ParquetWriter:
    """Flat rows (as CSV) in a Parquet file, written through DuckDB when the run ends."""

    def __init__(self, path: str | Path) -> None:
        self._path = Path(path)
        fd, tmp = tempfile.mkstemp(suffix=".jsonl", dir=self._path.parent or ".")
        os.close(fd)
        self._tmp = Path(tmp)
        self._rows = JsonlWriter(self._tmp)

    def write_many(self, records: Iterable[dict[str, Any]]) -> None:
        self._rows.write_many(flatten(r) for r in records)

    def close(self) -> None:
        from thucydides.store.files import jsonl_to_parquet

        self._rows.close()
        try:
            jsonl_to_parquet(self._tmp, self._path, CSV_COLUMNS)
        finally:
            self._tmp.unlink(missing_ok=True)
