from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import article, event, moscow_story

from thucydides.formats.exchange import export_store, import_file
from thucydides.store import Store, queries


@pytest.fixture
def store() -> Store:
    s = Store()
    s.write(
        [
            moscow_story("a1"),
            (
                article("b1", "Another story about sanctions. " * 20, "Paper B"),
                [event("b1", 0, cameo="163", actors=("USAGOV",), recipients=("IRN", "IRNGOV"),
                       place=None, date="2025-04-15")],
            ),
        ],
        [],
        run_id="r",
        coder_version="v",
    )  # fmt: skip
    return s


def lines(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def test_gdelt_export_has_61_columns_and_expands_compound_actors(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "events.export.CSV"
    summary = export_store(store, "gdelt", out)
    rows = lines(out)
    assert {len(r) for r in rows} == {61}
    assert summary.events == 3  # the ministers' meeting, the chiefs' meeting, the sanctions
    assert len(rows) == 3 + 2 + 2  # 3 actors x no recipient; 2 actors; 1 actor x 2 recipients
    sanctions = [r for r in rows if r[26] == "163"]
    assert [(r[5], r[15], r[17]) for r in sanctions] == [
        ("USAGOV", "IRN", "IRN"),
        ("USAGOV", "IRNGOV", "IRN"),
    ]
    meeting = next(r for r in rows if r[5] == "SYRGOV")
    assert (meeting[1], meeting[26], meeting[29], meeting[31:34]) == (
        "20221228",
        "040",
        "1",
        ["3", "1", "1"],
    )
    assert meeting[52:59] == ["Moscow", "RS", "", "", "55.75", "37.62", "524901"]
    assert len({r[0] for r in rows}) == len(rows)  # one GLOBALEVENTID per dyad row


def test_gdelt_round_trip_is_lossless(store: Store, tmp_path: Path) -> None:
    first, second = tmp_path / "1.CSV", tmp_path / "2.CSV"
    export_store(store, "gdelt", first)
    with Store() as other:
        assert import_file(other, "gdelt", first).imported == 7
        assert import_file(other, "gdelt", first).imported == 7  # again: replaces, no duplicates
        assert other.counts()["events"] == 7
        export_store(other, "gdelt", second)
        records = {r["event_id"]: r for r in other.iter_event_records()}
        mentions = other.sql("SELECT num_mentions FROM clusters ORDER BY num_mentions DESC")
    assert second.read_bytes() == first.read_bytes()
    row = next(r for r in lines(first) if r[5] == "USAGOV")
    r = records[f"gdelt:{row[0]}"]
    assert (r["cameo"], r["date"], r["goldstein"], r["quad_class"]) == (
        "163",
        "2025-04-15",
        -8.0,
        4,
    )
    assert [(a["code"], a["country"], a["sectors"]) for a in r["actors"]] == [
        ("USAGOV", "USA", ["GOV"])
    ]
    assert mentions[0] == (3,)


def test_polecat_and_jsonl_round_trips_are_lossless(store: Store, tmp_path: Path) -> None:
    for fmt, name in (("polecat", "p.tsv"), ("jsonl", "e.jsonl")):
        first, second = tmp_path / f"1{name}", tmp_path / f"2{name}"
        export_store(store, fmt, first)
        with Store() as other:
            summary = import_file(other, fmt, first)
            assert summary.skipped == 0
            export_store(other, fmt, second)
        assert second.read_text() == first.read_text(), fmt
    records = [json.loads(line) for line in first.read_text().splitlines()]
    assert {r["num_mentions"] for r in records} == {3, 1}
    header = (tmp_path / "1p.tsv").read_text().splitlines()[0].split("\t")
    assert len(header) == 40 and header[0] == "Event ID"


def test_imported_events_are_queryable_with_our_own(store: Store, tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[1] / "formats" / "data"
    import_file(store, "icews", data / "icews_sample.tab")
    frame = queries.events(store, queries.EventFilter(actor="TUR"))
    assert set(frame["dataset"]) == {"thucydides", "icews"}
    assert list(queries.events(store, queries.EventFilter(dataset="icews"))["event_id"]) == [
        "icews:9003-2025-03-06", "icews:9002-2025-03-05", "icews:9001-2025-03-04"
    ]  # fmt: skip


def test_mentions_and_plover_exports(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "m.CSV"
    export_store(store, "gdelt-mentions", out)
    rows = lines(out)
    assert {len(r) for r in rows} == {16}
    # meeting: 3 mentions x 3 dyad rows; chiefs: 1 x 2; sanctions 1 x 2
    assert len(rows) == 9 + 2 + 2
    assert {r[5] for r in rows} == {"https://example.org/a1", "https://example.org/b1"}
    plover = tmp_path / "p.jsonl"
    export_store(store, "plover", plover)
    records = [json.loads(line) for line in plover.read_text().splitlines()]
    meeting = next(r for r in records if r["num_mentions"] == 3)
    assert meeting["event"] == ["CONSULT"] and meeting["date"] == "2022-12-28"
    assert [a["code"] for a in meeting["actor"]] == ["SYR", "TUR", "RUS"]
    assert meeting["event_loc"]["resolved_place"] == "Moscow" and meeting["link"]
