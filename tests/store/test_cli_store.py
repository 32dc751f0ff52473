"""`thucydides query`, `export` and `import` against a real DuckDB file (the CLI contract)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import article, event, moscow_story

from thucydides.cli import main
from thucydides.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "examples" / "seed-article.txt"


def run(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.write(
            [
                moscow_story("a1"),
                (
                    article("b1", "A later story about the two. " * 20, "Paper B"),
                    [event("b1", 0, cameo="112", actors=("TURGOV",), recipients=("SYRGOV",),
                           place=None, date="2023-02-10")],
                ),
            ],
            [],
            run_id="r",
            coder_version="v",
        )  # fmt: skip
    return str(path)


def test_query_events_json_contract(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "events", "--db", db, "--plover", "CONSULT", "--actor", "TUR"]
    argv += ["--since", "2022-12-01", "--until", "2022-12-31", "--format", "json"]
    assert run(argv) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["event_id"] for r in records] == ["a1-e0", "a1-e3"]
    first = records[0]
    assert (first["num_mentions"], first["num_articles"], first["num_sources"]) == (3, 1, 1)
    assert first["cluster_id"] and first["trigger"] == {"text": "met", "start": 0, "end": 3}
    assert {"plover", "cameo", "actors", "recipients", "factual", "date", "location"} <= set(first)


def test_query_dyad_json_csv_and_plot(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["query", "dyad", "TUR", "SYR", "--db", db, "--interval", "month", "--format", "json"]
    assert run([*argv, "--plot", str(tmp_path / "s.png")]) == 0
    series = json.loads(capsys.readouterr().out)
    assert [(p["period"], p["events"]) for p in series][:3] == [
        ("2022-12-01", 2), ("2023-01-01", 0), ("2023-02-01", 1)
    ]  # fmt: skip
    assert series[-1]["verbal_conflict"] == 1 and series[0]["plover_CONSULT"] == 2
    assert (tmp_path / "s.png").read_bytes()[:4] == b"\x89PNG"
    assert run([*argv[:-1], "csv", "--plot", str(tmp_path / "s.svg")]) == 0
    assert capsys.readouterr().out.startswith("period,events,verbal_cooperation")
    assert b"<svg" in (tmp_path / "s.svg").read_bytes()[:400]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["query", "events", "--db", "missing.duckdb"], "Error: store 'missing.duckdb' does not exist"),
        (["query", "events", "--since", "yesterday"], "Error: --since 'yesterday' is not a date; write it as YYYY-MM-DD"),
        (["query", "dyad", "TUR", "SYR", "--plot", "x.pdf"], "Error: --plot 'x.pdf': use a .png or .svg file name"),
        (["export", "--format", "gdelt", "--out", "x.CSV", "--db", "missing.duckdb"], "Error: store 'missing.duckdb' does not exist"),
        (["export", "--format", "jsonl", "--out", "x.csv"], "Error: --out 'x.csv': a jsonl export needs a .jsonl file name"),
        (["import", "--format", "gdelt", "nope.CSV"], "Error: 'nope.CSV' is not a file"),
    ],
)  # fmt: skip
def test_mistakes_are_one_line_errors(
    db: str, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if "--db" not in argv:
        argv = [*argv, "--db", db]
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


def test_export_then_import_round_trip(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, again = tmp_path / "e.CSV", tmp_path / "again.CSV"
    other = str(tmp_path / "other.duckdb")
    assert run(["export", "--db", db, "--format", "gdelt", "--out", str(out)]) == 0
    assert run(["import", "--db", other, "--format", "gdelt", str(out)]) == 0
    assert run(["export", "--db", other, "--format", "gdelt", "--out", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()
    assert "6 events imported" in capsys.readouterr().err
    for sub in (["top-actors"], ["top-dyads"], ["timeline", "TURGOV"], ["last", "TUR", "SYR"]):
        assert run(["query", *sub, "--db", db, "--format", "csv"]) == 0
        assert capsys.readouterr().out.count("\n") >= 2


@pytest.mark.slow
@pytest.mark.skipif(not SEED.exists(), reason="../shared/examples is not available")
def test_seed_article_is_stored_once_with_the_moscow_meeting_as_one_cluster(tmp_path: Path) -> None:
    db = str(tmp_path / "seed.duckdb")
    assert run(["code", str(SEED), "--db", db, "--quiet"]) == 0
    assert run(["code", str(SEED), "--db", db, "--quiet"]) == 0  # idempotent
    with Store(db, read_only=True) as store:
        assert store.sql("SELECT count(*) FROM articles") == [(1,)]
        # every event coded from the meeting's sentence (one per party of the joint meeting)
        # belongs to the same cluster, whichever report became its representative
        clusters = store.sql(
            "SELECT DISTINCT c.cluster_id, c.num_mentions FROM clusters c JOIN events e "
            "ON e.cluster_id = c.cluster_id WHERE e.plover = 'CONSULT' AND e.factual "
            "AND e.sentence ILIKE '%defence ministers%Moscow%'"
        )
        assert len(clusters) == 1 and clusters[0][1] >= 3
        runs = store.sql("SELECT articles_unchanged FROM runs ORDER BY started_at")
        assert runs[-1] == (1,)
