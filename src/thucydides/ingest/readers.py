"""Readers for the first input formats: .txt, .jsonl, .csv, folders of those, and stdin (``-``)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from thucydides.errors import InputError
from thucydides.ingest.checks import check_bytes, check_text, decode
from thucydides.ingest.furniture import publication_date_from_text
from thucydides.models import Article, Rejection, RejectionReason

MAX_CHARS = 1_000_000  # spaCy's own limit for one Doc
SUFFIXES = {".txt": "txt", ".text": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
_SUPPORTED = "a .txt, .jsonl or .csv file, a folder of those, or - for stdin"

Outcome = Article | Rejection


def content_id(text: str) -> str:
    """The id of an article that came without one: a hash of its text (stable across runs)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def check_inputs(inputs: Iterable[str]) -> list[str]:
    """Fail early, with a one-line message, on an input path that cannot be read at all."""
    checked = []
    for name in inputs:
        if name == "-":
            checked.append(name)
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"input {name!r} does not exist; give {_SUPPORTED}", path=name)
        if path.is_file() and path.suffix.lower() not in SUFFIXES:
            raise InputError(
                f"input {name!r} has no reader for {path.suffix or 'files without a suffix'!r}; "
                f"give {_SUPPORTED}",
                path=name,
            )
        checked.append(name)
    return checked


def iter_articles(
    inputs: Iterable[str], *, stdin: IO[bytes] | None = None, max_chars: int = MAX_CHARS
) -> Iterator[Outcome]:
    """Every record of every input, in order, as an Article or a Rejection with its reason."""
    for name in check_inputs(inputs):
        if name == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer, max_chars)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in SUFFIXES
                    and not _hidden(child, path)
                ):
                    yield from _read_file(child, max_chars)
        else:
            yield from _read_file(path, max_chars)


def _hidden(child: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in child.relative_to(root).parts)


def _read_file(path: Path, max_chars: int) -> Iterator[Outcome]:
    kind = SUFFIXES[path.suffix.lower()]
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(origin, "ingest", RejectionReason.MALFORMED, f"cannot read: {exc}", origin)
        return
    yield from _read_bytes(data, kind, origin, max_chars)


def _read_stdin(stream: IO[bytes], max_chars: int) -> Iterator[Outcome]:
    data = stream.read()
    kind = "jsonl" if data.lstrip()[:1] == b"{" else "txt"
    yield from _read_bytes(data, kind, "-", max_chars)


def _read_bytes(data: bytes, kind: str, origin: str, max_chars: int) -> Iterator[Outcome]:
    bad = check_bytes(data)
    if bad:
        yield Rejection(origin, "ingest", bad[0], bad[1], origin)
        return
    text = decode(data)
    if isinstance(text, tuple):
        yield Rejection(origin, "ingest", text[0], text[1], origin)
        return
    if kind == "txt":
        yield _from_text(text, origin, max_chars)
    elif kind == "jsonl":
        yield from _from_jsonl(text, origin, max_chars)
    else:
        yield from _from_csv(text, origin, max_chars)


def _from_text(text: str, origin: str, max_chars: int) -> Outcome:
    article_id = content_id(text)
    bad = check_text(text, max_chars=max_chars)
    if bad:
        return Rejection(article_id, "ingest", bad[0], bad[1], origin)
    return Article(
        id=article_id,
        text=text,
        title=_title_line(text),
        published=publication_date_from_text(text),
        language="en",
        origin=origin,
    )


def _title_line(text: str) -> str | None:
    """The first line, when it looks like a headline: short, followed by more text, no full stop."""
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    if first and rest.strip() and len(first) <= 200 and not first.endswith((".", ":", ";")):
        return first
    return None


def _from_jsonl(text: str, origin: str, max_chars: int) -> Iterator[Outcome]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            detail = f"line {lineno} is not valid JSON: {exc.msg} (column {exc.colno})"
            yield Rejection(where, "ingest", RejectionReason.MALFORMED, detail, where)
            continue
        if not isinstance(record, dict):
            detail = f"line {lineno} is a JSON {type(record).__name__}, not an object with 'text'"
            yield Rejection(where, "ingest", RejectionReason.MALFORMED, detail, where)
            continue
        yield _from_record(record, where, max_chars)


def _from_csv(text: str, origin: str, max_chars: int) -> Iterator[Outcome]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or "text" not in reader.fieldnames:
        columns = ", ".join(reader.fieldnames or []) or "none"
        detail = (
            f"the CSV has no 'text' column (columns: {columns}); name the article column 'text'"
        )
        yield Rejection(origin, "ingest", RejectionReason.NO_TEXT, detail, origin)
        return
    try:
        for row in reader:
            where = f"{origin}:{reader.line_num}"
            yield _from_record(row, where, max_chars)
    except csv.Error as exc:
        where = f"{origin}:{reader.line_num}"
        detail = f"line {reader.line_num} is not valid CSV: {exc}"
        yield Rejection(where, "ingest", RejectionReason.MALFORMED, detail, where)


def _from_record(record: Mapping[str, Any], where: str, max_chars: int) -> Outcome:
    given_id = record.get("id")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        article_id = str(given_id) if given_id not in (None, "") else where
        what = "has no 'text' field" if text is None else "has an empty or non-string 'text'"
        return Rejection(article_id, "ingest", RejectionReason.NO_TEXT, f"the record {what}", where)
    article_id = str(given_id) if given_id not in (None, "") else content_id(text)
    language = _str_or_none(record.get("language") or record.get("lang"))
    if language and language.lower()[:2] != "en":
        detail = (
            f"the record is in language {language!r}; only English is coded with the installed "
            "pipeline (choose another with --model)"
        )
        return Rejection(article_id, "ingest", RejectionReason.LANGUAGE, detail, where)
    bad = check_text(text, max_chars=max_chars)
    if bad:
        return Rejection(article_id, "ingest", bad[0], bad[1], where)
    published = _parse_date(record.get("published") or record.get("date"))
    return Article(
        id=article_id,
        text=text,
        title=_str_or_none(record.get("title")),
        url=_str_or_none(record.get("url")),
        source=_str_or_none(record.get("source")),
        published=published or publication_date_from_text(text),
        language="en",
        origin=where,
    )


def _str_or_none(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def _parse_date(value: Any) -> dt.date | None:
    """An ISO date or date-time ("2022-12-29", "2022-12-29T07:31:00Z"); None when absent or bad."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
