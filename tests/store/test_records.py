"""The event records that come out of the store are those that went in (migration 6)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from builders import article, event
from contract import ODD_RECORDS, as_lines, build, outputs, read_golden

from thucydides.store import Store
from thucydides.store.records import record_sql


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Any]]:
    tmp = tmp_path_factory.mktemp("contract")
    return as_lines(outputs(build(tmp), tmp))


@pytest.mark.parametrize(
    "reader",
    [
        "query events",
        "query events --mentions",
        "export jsonl",
        "export csv",
        "export parquet",
        "export gdelt",
        "export gdelt-mentions",
        "export plover",
        "export polecat",
        "api event",
        "iter_event_records",
    ],
)
def test_every_reader_gives_the_records_the_store_gave_before_migration_6(
    found: dict[str, list[Any]], reader: str
) -> None:
    golden, items = read_golden()[reader], found[reader]
    # the golden file predates the event-id tie-break among reports of one event in one article
    if reader == "export gdelt-mentions":
        golden, items = sorted(golden), sorted(items)
    assert len(items) == len(golden)
    for got, expected in zip(items, golden, strict=True):
        assert got == expected
        # same keys in the same order, same JSON (an integer stays an integer)
        assert json.dumps(got, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)


@pytest.mark.parametrize(
    ("record", "has_rest"),
    # odd-1: integer Goldstein, compact date, an actor key and a key outside version 1;
    # odd-2: keys in reverse order, a string index; odd-3: long floats, held exactly
    list(zip(ODD_RECORDS, [True, True, False], strict=True)),
    ids=lambda r: str(r["event_id"]) if isinstance(r, dict) else str(r),
)
def test_an_imported_record_comes_back_as_it_was(record: dict[str, Any], has_rest: bool) -> None:
    from thucydides.formats.importers import Imported

    with Store() as store:
        store.import_events("thucydides", [Imported(dict(record))], seq=0)
        [(text, rest)] = store.sql(f"SELECT {record_sql('e')}, record_rest FROM events e")
    assert json.dumps(json.loads(text), ensure_ascii=False) == json.dumps(
        record, ensure_ascii=False
    )
    assert (rest is not None) is has_rest


def test_records_the_columns_hold_keep_no_rest() -> None:
    from builders import moscow_story

    with Store() as store:
        store.write([moscow_story("a1")], [], run_id="r", coder_version="v")
        assert store.sql("SELECT count(*), count(record_rest) FROM events") == [(4, 0)]


@pytest.mark.parametrize(
    ("changes", "has_rest"),
    [
        ({}, False),
        ({"date": "20210714"}, True),  # a date the DATE column cannot hold as written
        ({"date": "2021-7-4"}, True),
        ({"goldstein": 2}, True),  # an integer Goldstein value stays an integer
        ({"actors": (), "recipients": (), "location": None, "plover_contexts": ()}, False),
        ({"sentence": "Ünïcödé — “quoted” \x1f text", "explanation": {"x": [1.5, None]}}, False),
    ],
    ids=["typed", "compact date", "short date", "int goldstein", "empty", "unicode"],
)
def test_a_written_event_comes_back_as_its_record(changes: dict[str, Any], has_rest: bool) -> None:
    written = [
        dataclasses.replace(event("a1", 0), **changes),
        dataclasses.replace(event("a1", 1, cameo="190", recipients=("UKRMIL",)), **changes),
    ]
    with Store() as store:
        store.write([(article("a1"), written)], [], run_id="r", coder_version="v")
        stored = list(store.iter_event_records())
        [(rests,)] = store.sql("SELECT count(record_rest) FROM events")
    assert [json.dumps(r, ensure_ascii=False) for r in stored] == [
        json.dumps(e.to_record(), ensure_ascii=False) for e in written
    ]
    assert rests == (2 if has_rest else 0)
