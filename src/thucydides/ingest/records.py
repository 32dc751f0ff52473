"""Collections: JSON Lines, CSV and Parquet records → Articles, with field mapping.

The fields that hold the text, id and date are settings (``--text-field``, ``--id-field``,
``--date-field``); ``title``, ``url``, ``source`` and ``language``/``lang`` are read when present.
JSONL and CSV are streamed record by record, so a bad line (malformed, wrong encoding) is one
rejection and a truncated compressed file keeps every record before the break.
"""

from __future__ import annotations

import csv
import json
import zlib
from collections.abc import Iterator, Mapping
from typing import IO, Any

from thucydides.ingest.articles import Outcome, build_article, parse_date, str_or_none
from thucydides.ingest.checks import decode
from thucydides.models import Rejection, RejectionReason
from thucydides.settings import Settings

csv.field_size_limit(2**31 - 1)  # one field may hold a whole (long) article
_STREAM_ERRORS = (EOFError, OSError, zlib.error)


def iter_jsonl(stream: IO[bytes], origin: str, settings: Settings) -> Iterator[Outcome]:
    """One outcome per non-blank line of a JSON Lines stream."""
    lineno = 0
    try:
        for lineno, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            where = f"{origin}:{lineno}"
            line = decode(raw)
            if isinstance(line, tuple):
                detail = f"line {lineno} is {line[1]}"
                yield Rejection(where, "ingest", line[0], detail, where)
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                detail = f"line {lineno} is not valid JSON: {exc.msg} (column {exc.colno})"
                yield Rejection(where, "ingest", RejectionReason.MALFORMED, detail, where)
                continue
            if not isinstance(record, dict):
                detail = (
                    f"line {lineno} is a JSON {type(record).__name__}, not an object with "
                    f"{settings.text_field!r}"
                )
                yield Rejection(where, "ingest", RejectionReason.MALFORMED, detail, where)
                continue
            yield from_record(record, where, settings)
    except _STREAM_ERRORS as exc:
        yield broken_stream(origin, lineno, exc)


def iter_csv(stream: IO[bytes], origin: str, settings: Settings) -> Iterator[Outcome]:
    """One outcome per row of a CSV stream with a header row; a row with bytes that are not
    UTF-8 is an ``encoding`` rejection and the rows after it are read."""
    bad_lines: dict[int, str] = {}

    def lines() -> Iterator[str]:
        for lineno, raw in enumerate(stream, start=1):
            line = decode(raw)  # (utf-8-sig: a BOM on the first line is dropped)
            if isinstance(line, tuple):
                bad_lines[lineno] = line[1]
                line = raw.decode("utf-8", errors="replace")
            yield line

    reader = csv.DictReader(lines())
    try:
        fieldnames = reader.fieldnames
        if fieldnames is None or settings.text_field not in fieldnames:
            columns = ", ".join(fieldnames or []) or "none"
            detail = (
                f"the CSV has no {settings.text_field!r} column (columns: {columns}); "
                "name the article column with --text-field"
            )
            yield Rejection(origin, "ingest", RejectionReason.NO_TEXT, detail, origin)
            return
        previous = reader.line_num
        for row in reader:
            where = f"{origin}:{reader.line_num}"
            bad = [n for n in bad_lines if previous < n <= reader.line_num]
            if bad:
                detail = f"line {bad[0]} is {bad_lines[bad[0]]}"
                yield Rejection(where, "ingest", RejectionReason.ENCODING, detail, where)
            else:
                yield from_record(row, where, settings)
            previous = reader.line_num
    except csv.Error as exc:
        where = f"{origin}:{reader.line_num}"
        detail = f"line {reader.line_num} is not valid CSV: {exc}"
        yield Rejection(where, "ingest", RejectionReason.MALFORMED, detail, where)
    except _STREAM_ERRORS as exc:
        yield broken_stream(origin, reader.line_num, exc)


def iter_parquet(path: str, origin: str, settings: Settings) -> Iterator[Outcome]:
    """One outcome per row of a Parquet file (read through the store, DuckDB's one home)."""
    from thucydides.errors import StoreError
    from thucydides.store.files import iter_parquet_rows

    index = 0
    try:
        for index, row in enumerate(iter_parquet_rows(path), start=1):
            yield from_record(row, f"{origin}:{index}", settings)
    except StoreError as exc:
        detail = f"cannot read the Parquet file after row {index}: {exc}"
        yield Rejection(origin, "ingest", RejectionReason.MALFORMED, detail, origin)


def broken_stream(origin: str, lineno: int, exc: BaseException) -> Rejection:
    """The rejection for a compressed file that breaks off (truncated or corrupt)."""
    if isinstance(exc, EOFError):
        what = "the compressed file is truncated (it ends before its end marker)"
    else:
        what = f"the compressed file is corrupt ({exc})"
    detail = f"{what}; the {lineno} lines before the break were read, the rest is lost"
    return Rejection(origin, "ingest", RejectionReason.MALFORMED, detail, origin)


def from_record(record: Mapping[str, Any], where: str, settings: Settings) -> Outcome:
    """An Article from one collection record, using the field mapping of ``settings``."""
    given_id = record.get(settings.id_field)
    text = record.get(settings.text_field)
    if not isinstance(text, str) or not text.strip():
        article_id = str(given_id) if given_id not in (None, "") else where
        if text is None:
            fields = ", ".join(list(record)[:12]) or "none"
            what = (
                f"has no {settings.text_field!r} field (fields: {fields}); "
                "name the text field with --text-field"
            )
        else:
            what = f"has an empty or non-string {settings.text_field!r}"
        return Rejection(article_id, "ingest", RejectionReason.NO_TEXT, f"the record {what}", where)
    return build_article(
        text,
        settings,
        origin=where,
        article_id=str(given_id) if given_id not in (None, "") else None,
        title=str_or_none(record.get("title")),
        url=str_or_none(record.get("url")),
        source=str_or_none(record.get("source")),
        published=_published(record, settings),
        language=str_or_none(record.get("language") or record.get("lang")),
    )


def _published(record: Mapping[str, Any], settings: Settings) -> Any:
    value = record.get(settings.date_field)
    if value in (None, "") and settings.date_field == "published":
        value = record.get("date")
    return parse_date(value)
