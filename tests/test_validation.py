"""The validator accepts what the coder writes and names what is wrong with anything else."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from thucydides.cli import main
from thucydides.validation import record_problems, validate_file

GOLDEN = Path(__file__).parent / "golden" / "demo-events.jsonl"


def golden_records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]


def test_every_coded_record_is_valid() -> None:
    records = golden_records()
    assert len(records) > 20
    for record in records:
        assert record_problems(record) == [], record["event_id"]


def _set(record: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target: Any = record
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("event_id", KeyError, "(record): 'event_id' is a required property"),
        ("cameo", "43", "cameo: '43' does not match"),
        ("quad_class", 5, "quad_class: 5 is not one of [1, 2, 3, 4]"),
        ("plover", "MEET", "plover: 'MEET' is not one of"),
        ("modality", "maybe", "modality: 'maybe' is not one of"),
        ("trigger.start", -1, "trigger.start: -1 is less than the minimum of 0"),
        ("goldstein", 11, "goldstein: 11 is greater than the maximum of 10"),
        ("surprise", 1, "Additional properties are not allowed ('surprise' was unexpected)"),
        ("date", "29/12/2022", "date: '29/12/2022' does not match"),
    ],
)
def test_schema_problems_name_the_field(path: str, value: Any, message: str) -> None:
    record = copy.deepcopy(golden_records()[0])
    _set(record, path, value)
    problems = record_problems(record)
    assert any(message in p for p in problems), problems


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"cameo_root": "05"}, "cameo_root '05' is not the root of"),
        ({"quad_class": 4}, "quad_class 4 does not match root"),
        (
            {"factual": False, "modality": "asserted"},
            "factual False contradicts modality 'asserted'",
        ),
        ({"date": None}, "date and date_precision must both be set or both be null"),
    ],
)
def test_consistency_problems(changes: dict[str, Any], message: str) -> None:
    record = next(r for r in golden_records() if r["cameo_root"] == "04" and r["date"])
    record.update(changes)
    assert message in "; ".join(record_problems(record))


def test_validate_file_reports_lines(tmp_path: Path) -> None:
    good = GOLDEN.read_text(encoding="utf-8").splitlines()[:3]
    bad = json.loads(good[0])
    bad["quad_class"] = 9
    path = tmp_path / "e.jsonl"
    path.write_text("\n".join([good[0], json.dumps(bad), "{not json", good[1]]) + "\n")
    report = validate_file(path)
    assert (report.kind, report.records, report.invalid) == ("record", 4, 2)
    assert report.problems[0].startswith("line 2: quad_class: 9 is not one of")
    assert report.problems[1].startswith("line 3: not valid JSON")


@pytest.mark.parametrize(("width", "ok"), [(61, True), (60, False)])
def test_gdelt_rows_need_61_columns(tmp_path: Path, width: int, ok: bool) -> None:
    from thucydides.formats.columns import GDELT_EVENT_COLUMNS

    values = {
        "GLOBALEVENTID": "1",
        "SQLDATE": "20221229",
        "EventCode": "043",
        "EventBaseCode": "043",
        "EventRootCode": "04",
        "QuadClass": "1",
        "GoldsteinScale": "2.8",
        "NumMentions": "3",
        "NumSources": "1",
        "NumArticles": "1",
    }
    row = [values.get(c, "") for c in GDELT_EVENT_COLUMNS][:width]
    path = tmp_path / "g.tsv"
    path.write_text("\t".join(row) + "\n")
    report = validate_file(path, "gdelt")
    assert report.ok is ok
    if not ok:
        assert "60 columns; GDELT 2.0 events rows have 61" in report.problems[0]


def test_cli_validate_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def run(argv: list[str]) -> int:
        try:
            main(argv)
        except SystemExit as exc:
            return int(exc.code or 0)
        return 0

    assert run(["validate", str(GOLDEN)]) == 0
    assert "0 invalid" in capsys.readouterr().out
    broken = tmp_path / "b.jsonl"
    broken.write_text('{"event_id": "x"}\n')
    assert run(["validate", str(broken), "--kind", "record"]) == 1
    assert run(["validate", str(tmp_path / "missing.jsonl")]) == 2
    assert "does not exist" in capsys.readouterr().err
