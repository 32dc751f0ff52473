"""A realistic store and every way its event records come out, to pin the record contract.

``build`` codes the demo articles and imports one file of each format (plus JSON Lines records
with keys outside version 1 and values the typed columns cannot hold); ``outputs`` reads the
records back through every reader: ``query events --format json``, the exports and the API's
event lookup. ``python tests/store/contract.py`` rewrites the golden file from the current code.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "formats" / "data"
GOLDEN = Path(__file__).resolve().parent / "data" / "records-golden.jsonl.gz"


# JSON Lines records as users write them: extra keys, missing keys, another key order, values
# of other types than version 1 has (an integer Goldstein, a partial date, a string index).
def _full(event_id: str, **values: Any) -> dict[str, Any]:
    """A record with every key of version 1 (the exports need them all), then ``values``."""
    record: dict[str, Any] = {
        "event_id": event_id,
        "article_id": "odd-article",
        "sentence_index": 0,
        "sentence": "",
        "trigger": {"text": "", "start": None, "end": None},
        "plover": "CONSULT",
        "plover_mode": None,
        "plover_contexts": [],
        "cameo": "042",
        "cameo_root": "04",
        "goldstein": 1.9,
        "quad_class": 1,
        "actors": [],
        "recipients": [],
        "factual": True,
        "modality": "asserted",
        "date": "2021-07-14",
        "date_precision": "day",
        "date_text": None,
        "location": None,
        "explanation": {},
    }
    record.update(values)
    return record


ODD_RECORDS: list[dict[str, Any]] = [
    _full(
        "odd-1",
        goldstein=2,
        date="20210714",
        actors=[{"code": "FRAGOV", "country": "FRA", "role_note": "host"}],
        tone=-3.25,
    ),
    dict(
        reversed(
            _full(
                "odd-2",
                cameo="190",
                plover="ASSAULT",
                quad_class=4,
                factual=False,
                sentence_index="4",
                sentence="Ünïcödé — “quoted” text",
                trigger={"text": "fought", "start": 1, "end": 7},
                recipients=[
                    {
                        "code": "UKRMIL",
                        "country": "UKR",
                        "sectors": ["MIL"],
                        "name": None,
                        "text": "Ukrainian troops",
                        "start": 0,
                        "end": 16,
                    }
                ],
                location={"name": "Kharkiv", "lat": 49.99, "lon": 36.23, "note": {"k": [1, 2.5]}},
            ).items()
        )
    ),
    _full("odd-3", explanation={"imported": {"dataset": "x", "score": 1e300, "tiny": 1e-7}}),
]


def build(tmp: Path) -> Path:
    """The store: demo articles coded, then an import of each format."""
    from click.testing import CliRunner

    from thucydides.cli import cli as main

    db = tmp / "contract.duckdb"
    runner = CliRunner()
    result = runner.invoke(
        main, ["code", str(ROOT / "examples" / "articles.jsonl"), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    odd = tmp / "odd.jsonl"
    odd.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ODD_RECORDS), "utf-8")
    exported = tmp / "coded.jsonl"
    result = runner.invoke(
        main, ["export", "--db", str(db), "--format", "jsonl", "--out", str(exported)]
    )
    assert result.exit_code == 0, result.output
    renamed = tmp / "renamed.jsonl"
    with open(exported, encoding="utf-8") as f, open(renamed, "w", encoding="utf-8") as out:
        for line in f:
            record = json.loads(line)
            record["event_id"] = "copy-" + record["event_id"]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    for fmt, path in [
        ("gdelt", DATA / "gdelt_sample.export.CSV"),
        ("icews", DATA / "icews_sample.tab"),
        ("polecat", DATA / "polecat_sample.tsv"),
        ("acled", DATA / "acled_sample.csv"),
        ("jsonl", odd),
        ("jsonl", renamed),
    ]:
        result = runner.invoke(main, ["import", str(path), "--db", str(db), "--format", fmt])
        assert result.exit_code == 0, result.output
    return db


def outputs(db: Path, tmp: Path) -> dict[str, Any]:
    """Every reader's records (parsed), keyed by reader."""
    from click.testing import CliRunner

    from thucydides.cli import cli as main
    from thucydides.store import Store
    from thucydides.store.api_queries import event_detail

    runner = CliRunner()
    out: dict[str, Any] = {}
    result = runner.invoke(
        main, ["query", "events", "--db", str(db), "--format", "json", "--limit", "1000"]
    )
    assert result.exit_code == 0, result.output
    out["query events"] = json.loads(result.output)
    result = runner.invoke(
        main,
        ["query", "events", "--db", str(db), "--format", "json", "--limit", "1000", "--mentions"],
    )
    assert result.exit_code == 0, result.output
    out["query events --mentions"] = json.loads(result.output)
    for fmt, suffix in [
        ("jsonl", ".jsonl"),
        ("csv", ".csv"),
        ("parquet", ".parquet"),
        ("gdelt", ".CSV"),
        ("gdelt-mentions", ".CSV"),
        ("plover", ".jsonl"),
        ("polecat", ".tsv"),
    ]:
        path = tmp / f"export-{fmt}{suffix}"
        result = runner.invoke(
            main, ["export", "--db", str(db), "--format", fmt, "--out", str(path)]
        )
        assert result.exit_code == 0, (fmt, result.output)
        out[f"export {fmt}"] = _read(path, fmt)
    with Store(db, read_only=True) as store:
        ids = [r[0] for r in store.sql("SELECT event_id FROM events ORDER BY event_id")]
        out["api event"] = {i: _plain(event_detail(store, i)) for i in ids}
        out["iter_event_records"] = list(store.iter_event_records())
    return out


def _read(path: Path, fmt: str) -> Any:
    if fmt in ("jsonl", "plover"):
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.reader(f))
    if fmt == "parquet":
        import duckdb

        with duckdb.connect() as con:
            frame = con.execute("SELECT * FROM read_parquet(?)", [str(path)]).df()
        return json.loads(frame.to_json(orient="records", date_format="iso"))
    if path.is_dir():
        return {p.name: p.read_text("utf-8").splitlines() for p in sorted(path.iterdir())}
    return path.read_text("utf-8").splitlines()


def write_golden(found: dict[str, Any]) -> None:
    """One line per reader and item: ``[reader, item]`` (gzip: the explanations are long)."""
    GOLDEN.parent.mkdir(exist_ok=True)
    with gzip.open(GOLDEN, "wt", encoding="utf-8") as f:
        for reader, items in found.items():
            for item in items.items() if isinstance(items, dict) else items:
                f.write(json.dumps([reader, item], ensure_ascii=False) + "\n")


def read_golden() -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as f:
        for line in f:
            reader, item = json.loads(line)
            out.setdefault(reader, []).append(item)
    return out


def as_lines(found: dict[str, Any]) -> dict[str, list[Any]]:
    """``found`` as :func:`read_golden` reads it back."""
    return {
        reader: [
            json.loads(json.dumps(list(i) if isinstance(items, dict) else i, ensure_ascii=False))
            for i in (items.items() if isinstance(items, dict) else items)
        ]
        for reader, items in found.items()
    }


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as name:
        found = outputs(build(Path(name)), Path(name))
    write_golden(found)
    print(
        f"wrote {GOLDEN}: {', '.join(f'{k} {len(v)}' for k, v in found.items())}", file=sys.stderr
    )
