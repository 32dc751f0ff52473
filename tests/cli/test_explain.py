"""`thucydides explain` for a sentence and for an event stored by `thucydides code`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.cli import main


def run(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_explains_a_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    sentence = "Kenya agreed on Tuesday to release the detained fishermen."
    assert run(["explain", sentence, "--date", "2024-05-08"]) == 0
    out = capsys.readouterr().out
    for expected in (
        "CAMEO 0353  PLOVER AGREE",
        "pattern    0353.agree+release",
        "verbs.yaml line",
        "actors     KEN 'Kenya': subject of 'agreed'",
        "modality   asserted (factual)",
        "date       2024-05-07: weekday",
    ):
        assert expected in out, out


def test_explains_a_stored_event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Peru expelled two Chilean diplomats on Monday.\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    out = tmp_path / "e.jsonl"
    assert run(["code", str(text), "--db", str(db), "--out", str(out)]) == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    capsys.readouterr()
    assert run(["explain", record["event_id"], "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert record["event_id"] in shown
    assert "pattern    166.expel+diplomat" in shown, shown


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["explain", "0123456789abcdef0123"], "Error: no event '0123456789abcdef0123' in store"),
        (["explain", "Peru met Chile.", "--date", "May 8"], "Error: --date 'May 8' is not a date"),
    ],
)
def test_user_mistakes_are_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run([*argv, "--db", str(tmp_path / "none.duckdb")]) != 0
    err = capsys.readouterr().err
    assert err.startswith(message), err
    assert "Traceback" not in err
