"""Global flags (--quiet, --verbose, --json, --config), the summary table and `thucydides stats`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
GOOD = (
    "The foreign ministers of Egypt and Jordan met in Cairo on Monday to discuss the war, "
    "officials said."
)


def run(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"id": "ok", "text": GOOD}) + "\n{broken\n")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_summary_table_counts_articles_events_and_rejections(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["code", str(inputs), "--db", str(tmp_path / "s.duckdb")]) == 0
    err = capsys.readouterr().err
    for row in ("articles read", "coded", "events", "CONSULT", "rejections", "malformed", "empty"):
        assert row in err, err


def test_quiet_prints_nothing(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--quiet", "code", str(inputs), "--db", str(tmp_path / "s.duckdb")]) == 0
    assert capsys.readouterr() == ("", "")


def test_json_gives_log_lines_and_a_summary_object(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["code", str(inputs), "--db", str(tmp_path / "s.duckdb"), "--json"]) == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["articles"] == {"read": 3, "coded": 1, "unchanged": 0, "rejected": 2}
    assert summary["rejections_by_reason"] == {"malformed": 1, "empty": 1}
    assert summary["events_by_type"]["CONSULT"] >= 1
    lines = [json.loads(line) for line in captured.err.splitlines()]
    assert {line["level"] for line in lines} == {"info"}
    rejected = [line for line in lines if line.get("kind") == "rejection"]
    assert sorted(line["reason"] for line in rejected) == ["empty", "malformed"]
    assert lines[-1]["message"].startswith(f"run {summary['run_id']} finished: 3 articles read")


def test_verbose_logs_each_rejection(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["-v", "code", str(inputs), "--db", str(tmp_path / "s.duckdb")]) == 0
    err = capsys.readouterr().err
    assert "rejected" in err and "the input is empty" in err


def test_config_file_and_environment_reach_the_run(
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'db = "{tmp_path / "from-config.duckdb"}"\n')
    monkeypatch.setenv("THUCYDIDES_LANGUAGES", "de")
    assert run(["--config", str(config), "--json", "code", str(inputs)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["db"] == str(tmp_path / "from-config.duckdb")
    assert summary["rejections_by_reason"]["language"] == 1  # English is not in languages=de
    assert (tmp_path / "from-config.duckdb").exists()


def test_bad_setting_is_a_one_line_error(
    inputs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("THUCYDIDES_COMMIT_EVERY", "often")
    assert run(["code", str(inputs)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "Error: setting 'commit_every' from THUCYDIDES_COMMIT_EVERY: 'often' is not an "
        "integer; e.g. THUCYDIDES_COMMIT_EVERY=256\n"
    )


def test_stats_counts_what_the_store_holds(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.duckdb")
    assert run(["--quiet", "code", str(inputs), "--db", db]) == 0
    assert run(["--quiet", "code", str(inputs), "--db", db]) == 0
    capsys.readouterr()
    assert run(["stats", "--db", db, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["articles"] == 1 and stats["rejections"] == 2
    assert stats["rejections_by_reason"] == {"empty": 1, "malformed": 1}
    assert stats["events"] == sum(stats["events_by_type"].values()) >= 1
    assert [(r["status"], r["coded"], r["unchanged"]) for r in stats["runs"]] == [
        ("finished", 1, 0),
        ("finished", 0, 1),
    ]
    assert run(["stats", "--db", db]) == 0
    table = capsys.readouterr().out
    for word in ("articles", "events", "rejections", "malformed", "runs", "finished"):
        assert word in table


def test_stats_on_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["stats", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "does not exist; create it with `thucydides code INPUT --db" in capsys.readouterr().err
