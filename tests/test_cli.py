"""The command line, end to end, with the real model and a real DuckDB file."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from thucydides.cli import main
from thucydides.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"

SEED = SHARED / "examples" / "seed-article.txt"


def run(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["code", "nope.jsonl"], "Error: input 'nope.jsonl' does not exist; give a .txt"),
        (
            ["code", "--frobnicate", "x.txt"],
            "Error: No such option '--frobnicate'. (see `thucydides code --help`)",
        ),
        (["code"], "Error: Missing argument 'INPUT...'"),
        (["code", "--workers", "0", "x.txt"], "Error: Invalid value for '--workers'"),
        (["events", "--db", "missing.duckdb"], "Error: store 'missing.duckdb' does not exist"),
        (["evaluate", "missing.jsonl"], "Error:"),
    ],
)
def test_user_mistakes_get_one_line_and_exit_2(
    argv: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(message)
    assert err.count("\n") == 1, err


def test_out_with_unknown_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Egypt and Jordan met in Cairo on Monday.")
    assert (
        run(
            ["code", str(src), "--db", str(tmp_path / "s.duckdb"), "--out", str(tmp_path / "e.xml")]
        )
        == 2
    )
    assert (
        "unknown format '.xml'; use one of .csv, .jsonl, .ndjson, .parquet"
        in capsys.readouterr().err
    )


def test_bad_inputs_become_rejections_and_the_run_goes_on(tmp_path: Path) -> None:
    good = {
        "id": "ok",
        "text": "The foreign ministers of Egypt and Jordan met in Cairo on "
        "Monday to discuss the war, officials said.",
    }
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "m.jsonl").write_text(json.dumps(good) + '\n{"broken\n')
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    db = tmp_path / "s.duckdb"
    assert run(["code", str(tmp_path / "in"), "--db", str(db), "--quiet"]) == 0
    with Store(db, read_only=True) as store:
        reasons = sorted(r[3] for r in store.rejection_rows())
        assert reasons == ["binary", "empty", "malformed"]
        assert store.sql("SELECT article_id FROM articles") == [("ok",)]
        assert store.counts()["events"] >= 1


def code_seed(tmp_path: Path, out_name: str = "e.jsonl") -> tuple[Path, Path]:
    if not SEED.exists():
        pytest.skip("../shared/examples is not beside the project")
    db, out = tmp_path / "s.duckdb", tmp_path / out_name
    assert run(["code", str(SEED), "--db", str(db), "--out", str(out), "--quiet"]) == 0
    return db, out


def test_seed_article_moscow_meeting_is_a_consult_with_three_countries(tmp_path: Path) -> None:
    _, out = code_seed(tmp_path)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    text = SEED.read_text()
    met = [
        r
        for r in records
        if r["trigger"]["text"] == "met"
        and "Moscow" in r["sentence"]
        and "defence ministers" in r["sentence"]
    ]
    assert met, [r["trigger"]["text"] for r in records]
    # a joint meeting is one event per party, each aimed at the other parties
    assert {r["plover"] for r in met} == {"CONSULT"}
    assert {"RUS", "TUR", "SYR"} <= {a["country"] for r in met for a in r["actors"]}
    for r in met:
        mine = {a["country"] for a in r["actors"]}
        assert {"RUS", "TUR", "SYR"} - mine <= {a["country"] for a in r["recipients"]}
    assert all(r["factual"] is True for r in met)
    # no events from the by-line / caption / furniture lines
    furniture = ("AFP/ Reuters", "Powered by automated translation", "Updated: December 29")
    for r in records:
        assert not any(f in r["sentence"] for f in furniture), r["sentence"]
        assert text[r["trigger"]["start"] : r["trigger"]["end"]] == r["trigger"]["text"]


def test_rerun_is_idempotent_and_writes_the_same_output(tmp_path: Path) -> None:
    db, out = code_seed(tmp_path)
    first = out.read_text()
    with Store(db, read_only=True) as store:
        before = store.counts()
    assert run(["code", str(SEED), "--db", str(db), "--out", str(out), "--quiet"]) == 0
    with Store(db, read_only=True) as store:
        after = store.counts()
    assert after == before | {"runs": before["runs"] + 1}
    assert out.read_text() == first


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_flat_outputs_have_one_row_per_event(tmp_path: Path, suffix: str) -> None:
    db, out = code_seed(tmp_path, "e" + suffix)
    with Store(db, read_only=True) as store:
        n = store.counts()["events"]
        if suffix == ".csv":
            rows = list(csv.DictReader(out.open(encoding="utf-8")))
            assert len(rows) == n and rows[0]["cameo"].isdigit()
        else:
            assert store.sql(f"SELECT count(*) FROM read_parquet('{out}')") == [(n,)]


def test_stdin_is_read_with_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    text = b"Police arrested twelve protesters in Nairobi on Tuesday, officials said."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    db, out = tmp_path / "s.duckdb", tmp_path / "e.jsonl"
    assert run(["code", "-", "--db", str(db), "--out", str(out), "--quiet"]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert any(r["cameo_root"] == "17" for r in records)


def test_demo_examples_code_without_rejections(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples", ignore=shutil.ignore_patterns("bad"))
    db = tmp_path / "s.duckdb"
    assert (
        run(["code", str(tmp_path / "examples" / "articles.jsonl"), "--db", str(db), "--quiet"])
        == 0
    )
    with Store(db, read_only=True) as store:
        assert store.counts()["rejections"] == 0
        assert store.counts()["articles"] >= 12
