from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thucydides.errors import StoreError
from thucydides.models import Actor, Article, Event, Rejection, RejectionReason, Trigger
from thucydides.store import Store

TEXT = "Egypt and Jordan met in Cairo."


def article(text: str = TEXT, article_id: str = "a1") -> Article:
    return Article(id=article_id, text=text, published=dt.date(2025, 3, 3), origin="x.jsonl:1")


def event(article_id: str = "a1", start: int = 17, event_id: str = "e1") -> Event:
    egy = Actor("EGY", "EGY", (), "Egypt", "Egypt", 0, 5)
    jor = Actor("JORGOV", "JOR", ("GOV",), None, "Jordan", 10, 16)
    return Event(
        event_id=event_id,
        article_id=article_id,
        sentence_index=0,
        sentence=TEXT,
        trigger=Trigger("met", start, start + 3),
        plover="CONSULT",
        plover_mode=None,
        plover_contexts=("diplomatic",),
        cameo="040",
        cameo_root="04",
        goldstein=1.0,
        quad_class=1,
        actors=(egy, jor),
        recipients=(),
        factual=True,
        modality="asserted",
        date="2025-03-03",
        date_precision="day",
        date_text=None,
        location=None,
        explanation={"trigger": {"rule": "040.meet"}},
    )


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with Store(path) as store:
        assert store.sql("SELECT version FROM _migrations ORDER BY version") == [
            (1,),
            (2,),
            (3,),
            (4,),
            (5,),
        ]


def test_a_version_3_store_keeps_its_rows_and_gets_the_event_id_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from builders import article as article_with
    from builders import moscow_story

    import thucydides.store.store as store_module
    from thucydides.store import queries
    from thucydides.store.schema import MIGRATIONS

    path = tmp_path / "v3.duckdb"
    rows = "SELECT * EXCLUDE (record), record::VARCHAR FROM events ORDER BY event_id"
    indexes = "SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'"
    with monkeypatch.context() as m:
        m.setattr(store_module, "MIGRATIONS", MIGRATIONS[:3])
        with Store(path) as old:
            old.write([moscow_story("a1")], [], run_id="r", coder_version="v")
            before = old.sql(rows)
            page = queries.events(old, mentions=True)
            assert old.sql(indexes) == []
    with Store(path) as store:
        assert store.sql("SELECT max(version) FROM _migrations") == [(5,)]
        assert store.sql(indexes) == [("events_event_id",)]
        assert store.sql(rows) == before
        assert queries.events(store, mentions=True).equals(page)
        other = (article_with("b1", "Another story. " * 30), moscow_story("b1")[1])
        store.write([other], [], run_id="r", coder_version="v")
        store.write([other], [], run_id="r", coder_version="v")  # deletes through the index
        assert store.counts()["events"] == 8
        assert len(queries.events(store, mentions=True)) == 8


ZSTD_COLUMNS = [
    ("articles", "text"),
    ("events", "explanation"),
    ("events", "location"),
    ("imported_rows", "line"),
]


def test_a_version_4_store_keeps_rows_columns_and_index_and_compresses_texts_with_zstd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from builders import moscow_story

    import thucydides.store.store as store_module
    from thucydides.formats.exchange import export_store, import_file
    from thucydides.store.schema import MIGRATIONS

    data = Path(__file__).resolve().parents[1] / "formats" / "data"
    path = tmp_path / "v4.duckdb"
    tables = ("articles", "events", "event_actors", "clusters", "imported_rows", "places")
    columns = (
        "SELECT table_name, column_name, data_type, column_default FROM information_schema.columns "
    )
    columns += "WHERE table_name IN ('articles', 'events', 'imported_rows') ORDER BY table_name, ordinal_position"
    compressed = " UNION ".join(
        f"SELECT DISTINCT '{t}', column_name FROM pragma_storage_info('{t}') "
        "WHERE compression = 'ZSTD'"
        for t in tables
    )
    with monkeypatch.context() as m:
        m.setattr(store_module, "MIGRATIONS", MIGRATIONS[:4])
        with Store(path) as old:
            old.write([moscow_story("a1")], [], run_id="r", coder_version="v")
            import_file(old, "icews", data / "icews_sample.tab")
            before = {t: sorted(old.sql(f"SELECT * FROM {t}"), key=repr) for t in tables}
            schema = old.sql(columns)
            export_store(old, "jsonl", tmp_path / "before.jsonl")
    with Store(path) as store:
        assert store.sql("SELECT max(version) FROM _migrations") == [(5,)]
        assert {t: sorted(store.sql(f"SELECT * FROM {t}"), key=repr) for t in tables} == before
        assert store.sql(columns) == schema
        assert store.sql("SELECT index_name FROM duckdb_indexes()") == [("events_event_id",)]
        export_store(store, "jsonl", tmp_path / "after.jsonl")
        store.write([moscow_story("b1")], [], run_id="r", coder_version="v")
        store.sql("CHECKPOINT")
        assert sorted(store.sql(compressed)) == ZSTD_COLUMNS
    assert (tmp_path / "after.jsonl").read_bytes() == (tmp_path / "before.jsonl").read_bytes()


def test_event_record_round_trips_through_the_store() -> None:
    with Store() as store:
        store.write([(article(), [event()])], [], run_id="r1", coder_version="v1")
        (record,) = store.iter_event_records()
    assert record == event().to_record()


def test_writing_the_same_batch_twice_does_not_duplicate() -> None:
    with Store() as store:
        for _ in range(2):
            store.write(
                [(article(), [event()])],
                [Rejection("bad", "ingest", RejectionReason.EMPTY, "empty", "b.txt")],
                run_id="r",
                coder_version="v1",
            )
        assert store.counts() | {"runs": 0} == {
            "articles": 1,
            "events": 1,
            "event_actors": 2,
            "rejections": 1,
            "runs": 0,
        }


def test_changed_article_replaces_its_events_and_old_rejection() -> None:
    with Store() as store:
        store.write(
            [],
            [Rejection("a1", "coding", RejectionReason.CODING_FAILED, "x", "x.jsonl:1")],
            run_id="r1",
            coder_version="v1",
        )
        store.write([(article(), [event(event_id="old")])], [], run_id="r1", coder_version="v1")
        store.write(
            [(article(TEXT + " Again."), [event(event_id="new")])],
            [],
            run_id="r2",
            coder_version="v1",
        )
        assert store.sql("SELECT event_id FROM events") == [("new",)]
        assert store.counts()["rejections"] == 0
        assert store.sql("SELECT count(*) FROM event_actors") == [(2,)]


def test_unchanged_finds_same_text_and_coder_version_only() -> None:
    with Store() as store:
        store.write([(article(), [event()])], [], run_id="r", coder_version="v1")
        assert store.unchanged([article()], "v1") == {"a1"}
        assert store.unchanged([article(TEXT + "!")], "v1") == set()
        assert store.unchanged([article()], "v2") == set()
        assert store.unchanged([], "v1") == set()


def test_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "s.duckdb"
    with Store(path):
        code = (
            "import sys\nfrom thucydides.store import Store\nfrom thucydides.errors import "
            f"StoreError\ntry:\n    Store({str(path)!r})\nexcept StoreError as e:\n"
            "    print(e); sys.exit(3)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
    assert result.returncode == 3
    assert "Only one writer at a time" in result.stdout


def test_store_errors_are_converted() -> None:
    with Store() as store, pytest.raises(StoreError, match="query failed"):
        store.sql("SELECT * FROM no_such_table")


def test_fast_serialisation_is_the_event_record() -> None:
    import json

    from builders import moscow_story

    from thucydides.store.bulk import event_json

    for e in [event(), *moscow_story()[1]]:
        assert json.loads(event_json(e)) == e.to_record()
