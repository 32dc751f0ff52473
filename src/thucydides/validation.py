"""Validating output files: event records (JSON Schema + consistency rules), PLOVER JSON, GDELT TSV.

``validate_file(path, kind="auto")`` reads the file as a stream and returns a report with the number
of records checked and the first problems, each naming the line and the field. It backs
``thucydides validate FILE`` and the tests that check every export.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

from thucydides.errors import InputError, UsageError
from thucydides.models import FACTUAL_MODALITIES

KINDS = ("auto", "record", "plover", "gdelt", "gdelt-mentions")
MAX_PROBLEMS = 20


@dataclass
class ValidationReport:
    """What was checked and what was wrong (the first MAX_PROBLEMS problems, all counted)."""

    path: str
    kind: str
    records: int = 0
    invalid: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.invalid == 0

    def add(self, line: int, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(f"line {line}: {message}")

    def render(self) -> str:
        head = f"{self.path}: {self.records} {self.kind} records, {self.invalid} invalid"
        return "\n".join([head, *self.problems]) + ("\n..." if self.invalid > MAX_PROBLEMS else "")


@functools.cache
def schema(name: str) -> Any:
    """A JSON Schema shipped with the package: ``event-record-v1`` or ``plover-record``."""
    text = importlib.resources.files("thucydides.schemas").joinpath(f"{name}.schema.json")
    loaded = json.loads(text.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


@functools.cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(name))


def record_problems(record: Any) -> list[str]:
    """Problems of one event record (version 1): schema first, then consistency between fields."""
    errors = sorted(_validator("event-record-v1").iter_errors(record), key=lambda e: list(e.path))
    if errors:
        return [f"{'.'.join(str(p) for p in e.path) or '(record)'}: {e.message}" for e in errors]
    problems = []
    if record["cameo"][:2] != record["cameo_root"]:
        problems.append(
            f"cameo_root {record['cameo_root']!r} is not the root of {record['cameo']!r}"
        )
    root = int(record["cameo_root"])
    quad = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
    if record["quad_class"] != quad:
        problems.append(
            f"quad_class {record['quad_class']} does not match root {root:02d} ({quad})"
        )
    if (record["plover"] is None) != (root <= 2):
        problems.append("plover must be null exactly for CAMEO 01/02 events")
    if record["factual"] != (record["modality"] in FACTUAL_MODALITIES):
        problems.append(f"factual {record['factual']} contradicts modality {record['modality']!r}")
    trigger = record["trigger"]
    if trigger["end"] <= trigger["start"]:
        problems.append("trigger.end must be after trigger.start")
    if (record["date"] is None) != (record["date_precision"] is None):
        problems.append("date and date_precision must both be set or both be null")
    for role in ("actors", "recipients"):
        for i, actor in enumerate(record[role]):
            if actor["end"] < actor["start"]:
                problems.append(f"{role}.{i}: end before start")
            if actor["country"] and not actor["code"].startswith(actor["country"]):
                problems.append(
                    f"{role}.{i}: code {actor['code']!r} does not start with country "
                    f"{actor['country']!r}"
                )
    return problems


def plover_problems(record: Any) -> list[str]:
    errors = sorted(_validator("plover-record").iter_errors(record), key=lambda e: list(e.path))
    return [f"{'.'.join(str(p) for p in e.path) or '(record)'}: {e.message}" for e in errors]


def gdelt_problems(row: list[str], columns: tuple[str, ...]) -> list[str]:
    """Column count and the types of the key columns of a GDELT 2.0 events or mentions row."""
    if len(row) != len(columns):
        return [
            f"{len(row)} columns; GDELT 2.0 {'events' if len(columns) > 20 else 'mentions'} "
            f"rows have {len(columns)}"
        ]
    problems = []
    values = dict(zip(columns, row, strict=True))
    for name in (
        "GLOBALEVENTID",
        "GlobalEventID",
        "SQLDATE",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "QuadClass",
        "EventTimeDate",
        "MentionTimeDate",
    ):
        if name in values and not values[name].isdigit():
            problems.append(f"{name} {values[name]!r} is not a whole number")
    if "SQLDATE" in values and len(values["SQLDATE"]) != 8:
        problems.append(f"SQLDATE {values['SQLDATE']!r} is not YYYYMMDD")
    for name in ("EventCode", "EventBaseCode", "EventRootCode"):
        if name in values and not (values[name].isdigit() and 2 <= len(values[name]) <= 4):
            problems.append(f"{name} {values[name]!r} is not a CAMEO code with its leading zero")
    if "QuadClass" in values and values["QuadClass"] not in {"1", "2", "3", "4"}:
        problems.append(f"QuadClass {values['QuadClass']!r} is not 1-4")
    if "GoldsteinScale" in values:
        try:
            if not -10 <= float(values["GoldsteinScale"]) <= 10:
                problems.append("GoldsteinScale is outside -10..10")
        except ValueError:
            problems.append(f"GoldsteinScale {values['GoldsteinScale']!r} is not a number")
    return problems


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, start=1):
            if line.strip():
                yield number, line.rstrip("\r\n")


def detect_kind(path: Path) -> str:
    """The kind of an output file, from its suffix and first line."""
    for _, line in _lines(path):
        if line.lstrip().startswith("{"):
            record = json.loads(line)
            return "record" if isinstance(record, dict) and "event_id" in record else "plover"
        if line.lstrip().startswith("["):
            return "plover"
        width = line.count("\t") + 1
        from thucydides.formats.columns import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS

        if width == len(GDELT_MENTION_COLUMNS):
            return "gdelt-mentions"
        if width == len(GDELT_EVENT_COLUMNS) or "\t" in line:
            return "gdelt"
        break
    raise UsageError(
        f"cannot tell what kind of file {str(path)!r} is; pass --kind ({', '.join(KINDS[1:])})"
    )


def validate_file(path: str | Path, kind: str = "auto") -> ValidationReport:
    """Check every record of an output file; the report names each bad line and field."""
    p = Path(path)
    if not p.is_file():
        raise InputError(
            f"file {str(path)!r} does not exist; give an exported file", path=str(path)
        )
    if kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    if kind == "auto":
        kind = detect_kind(p)
    report = ValidationReport(str(path), kind)
    if kind in ("gdelt", "gdelt-mentions"):
        from thucydides.formats.columns import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS

        columns = GDELT_EVENT_COLUMNS if kind == "gdelt" else GDELT_MENTION_COLUMNS
        for number, line in _lines(p):
            _check(report, number, gdelt_problems(line.split("\t"), columns))
        return report
    check = record_problems if kind == "record" else plover_problems
    text = p.read_text(encoding="utf-8") if kind == "plover" else ""
    if kind == "plover" and text.lstrip().startswith("["):
        for index, record in enumerate(json.loads(text), start=1):
            _check(report, index, check(record))
        return report
    for number, line in _lines(p):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            _check(report, number, [f"not valid JSON: {exc.msg} (column {exc.colno})"])
            continue
        _check(report, number, check(record))
    return report


def _check(report: ValidationReport, line: int, problems: list[str]) -> None:
    report.records += 1
    if problems:
        report.invalid += 1
        report.add(line, "; ".join(problems))
