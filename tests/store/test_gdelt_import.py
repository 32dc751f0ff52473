"""The SQL import of GDELT files stores exactly what the Python reader stores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from thucydides.formats.exchange import export_store, import_file
from thucydides.store import Store, queries

DATA = Path(__file__).resolve().parents[1] / "formats" / "data"

# column → value, over a well-formed GDELT 2.0 row (see :func:`row`)
VARIANTS: list[dict[int, str]] = [
    {},
    {5: "", 6: "", 7: "", 15: "USAGOV", 16: "UNITED STATES", 17: "USA", 22: "GOV"},
    {6: "O'NEIL-SMITH 3RD", 12: "GOV", 13: "MIL", 14: "REB"},
    {16: "", 17: "", 22: ""},
    {1: ""},
    {30: "", 29: ""},
    {30: "7", 29: "2.0"},
    {26: "1411", 27: "141", 28: "14"},
    {26: "190", 29: "4", 30: "-10.0"},
    {31: "0", 32: "", 33: "12"},
    {51: "", 52: ""},
    {51: "", 52: "Somewhere"},
    {51: "1", 53: "", 56: "", 57: "", 58: ""},
    {51: "9", 53: "XX", 56: "12", 57: "-3", 58: "abc"},
    {60: ""},
    {25: "0", 59: ""},
    {6: "ISTANBUL ÇARŞI", 52: "Zürich, Schweiz"},
    {7: "", 12: ""},
]
# rows the Python reader skips, with its reason
BAD: list[tuple[dict[int, str], str]] = [
    ({26: "42"}, "UnknownCodeError: '42' is not a CAMEO event code; did you mean '042'?"),
    ({26: "999"}, "UnknownCodeError: '999' is not a CAMEO event code; expected a code"),
    ({1: "2024xx05"}, "ValueError: time data '2024xx05' does not match format '%Y%m%d'"),
    ({30: "high"}, "ValueError: could not convert string to float: 'high'"),
    ({56: "north"}, "ValueError: could not convert string to float: 'north'"),
    ({32: "many"}, "ValueError: could not convert string to float: 'many'"),
]


def row(n: int, changes: dict[int, str]) -> str:
    values = (
        [str(n), "20240105", "202401", "2024", "2024.0137", "TURGOV", "TURKEY", "TUR"]
        + [""] * 4
        + ["GOV", "", "", "SYRGOV", "SYRIA", "SYR"]
        + [""] * 4
        + ["GOV", "", "", "1", "042", "042", "04", "1", "1.9", "3", "2", "3", ""]
        + [""] * 16
        + ["4", "Moscow", "RS", "", "", "55.75", "37.6", "524901", "20240105000000"]
        + [f"https://example.org/{n % 7}"]
    )
    for column, value in changes.items():
        values[column] = value
    return "\t".join(values)


def write_file(path: Path, *, bad: bool = True) -> Path:
    lines = [row(1000 + i, v) for i, v in enumerate(VARIANTS)]
    if bad:
        lines.insert(3, "too\tfew\tcolumns")
        for i, (changes, _) in enumerate(BAD):
            lines.insert(5 + 2 * i, row(2000 + i, changes))
        lines.append(row(3000, {}) + "\textra")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _normal(value: Any) -> Any:
    """JSON text compared by content and types (key order kept), not by spacing."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        return json.dumps(json.loads(value))
    return value


def contents(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for table in ("events", "event_actors", "places", "clusters", "imported_rows", "articles"):
        rows = store.sql(f"SELECT * FROM {table}")
        out[table] = sorted((tuple(_normal(v) for v in r) for r in rows), key=repr)
    return out


def both_ways(path: Path, tmp_path: Path) -> tuple[Store, Store, Any, Any]:
    native, python = Store(tmp_path / "n.duckdb"), Store(tmp_path / "p.duckdb")
    return (
        native,
        python,
        import_file(native, "gdelt", path),
        import_file(python, "gdelt", path, native=False),
    )


def test_sql_import_stores_what_the_python_reader_stores(tmp_path: Path) -> None:
    path = write_file(tmp_path / "g.CSV")
    native, python, n_summary, p_summary = both_ways(path, tmp_path)
    with native, python:
        assert n_summary == p_summary
        assert n_summary.imported == len(VARIANTS)
        assert native.counts() == python.counts()
        assert contents(native) == contents(python)
        assert list(native.iter_event_records()) == list(python.iter_event_records())
        for fmt, name in (("gdelt", "e.CSV"), ("jsonl", "e.jsonl"), ("polecat", "e.tsv")):
            export_store(native, fmt, tmp_path / f"n{name}")
            export_store(python, fmt, tmp_path / f"p{name}")
            assert (tmp_path / f"n{name}").read_bytes() == (tmp_path / f"p{name}").read_bytes()
        f = queries.EventFilter(actor="TUR")
        assert queries.events(native, f).equals(queries.events(python, f))


@pytest.mark.parametrize(("changes", "reason"), BAD)
def test_sql_import_skips_bad_rows_with_the_python_reason(
    changes: dict[int, str], reason: str, tmp_path: Path
) -> None:
    path = tmp_path / "g.CSV"
    path.write_text(row(1, {}) + "\n" + row(2, changes) + "\n" + row(3, {}) + "\n")
    with Store() as store:
        summary = import_file(store, "gdelt", path)
        assert (summary.imported, summary.skipped) == (2, 1)
        assert summary.first_skipped[0].line == 2
        assert summary.first_skipped[0].reason.startswith(reason)
        assert store.sql("SELECT event_id FROM events ORDER BY 1") == [("gdelt:1",), ("gdelt:3",)]


@pytest.mark.parametrize("chunk_rows", [1, 4, 100_000])
def test_sql_import_in_chunks_is_the_same_and_reimport_replaces(
    chunk_rows: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("thucydides.store.gdelt_import.CHUNK_ROWS", chunk_rows)
    path = write_file(tmp_path / "g.CSV")
    with Store() as one, Store() as other:
        import_file(one, "gdelt", path, native=False)
        seen: list[int] = []
        import_file(other, "gdelt", path)
        summary = import_file(other, "gdelt", path, on_batch=seen.append)
        assert summary.imported == len(VARIANTS)
        assert seen == sorted(set(seen)) and seen[-1] == len(VARIANTS)
        assert len(seen) == (1 if chunk_rows > len(VARIANTS) else len(seen)) > 0
        assert contents(other) == contents(one)


def test_lines_duckdb_cannot_read_go_to_the_python_reader(tmp_path: Path) -> None:
    path = tmp_path / "g.CSV"
    path.write_bytes(
        row(1, {}).encode() + b"\n" + row(2, {16: "X"}).encode().replace(b"X", b"\xff") + b"\n"
    )
    native, python, n_summary, p_summary = both_ways(path, tmp_path)
    with native, python:
        assert n_summary == p_summary and n_summary.imported == 2
        assert contents(native) == contents(python)


def test_the_sample_file_imports_the_same_both_ways(tmp_path: Path) -> None:
    native, python, n_summary, p_summary = both_ways(DATA / "gdelt_sample.export.CSV", tmp_path)
    with native, python:
        assert n_summary == p_summary
        assert (n_summary.imported, n_summary.skipped) == (2, 1)
        assert contents(native) == contents(python)
