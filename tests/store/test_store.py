from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

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
            (6,),
        ]


# How stores before migration 6 held events: the typed columns parsed from the JSON record,
# which was kept as written (the insert of the version 5 writer and importers, in plain SQL).
OLD_INSERT = """
    INSERT INTO events (event_id, article_id, sentence_index, sentence, trigger_text,
        trigger_start, trigger_end, plover, plover_mode, plover_contexts, cameo, cameo_root,
        goldstein, quad_class, factual, modality, date, date_precision, date_text, location,
        explanation, record, run_id, dataset, cluster_id, kind, countries_key)
    SELECT r.event_id, r.article_id, r.sentence_index, r.sentence, r.trigger.text,
        r.trigger.start, r.trigger."end", r.plover, r.plover_mode,
        coalesce(r.plover_contexts, []), r.cameo, r.cameo_root, r.goldstein, r.quad_class,
        r.factual, r.modality, r.date, r.date_precision, r.date_text,
        coalesce(r.location, 'null'), r.explanation, record, 'r', ?, r.event_id,
        coalesce(r.plover, 'CAMEO' || r.cameo_root), ''
    FROM (SELECT from_json(record, '{structure}') AS r, record
          FROM (SELECT unnest(?) AS record))
"""


def old_store(path: Path, version: int, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """A store at ``version`` holding coded events, imported ones (ICEWS) and JSON Lines records
    the typed columns cannot hold; returns the records as written."""
    from builders import moscow_story
    from contract import ODD_RECORDS

    import thucydides.store.store as store_module
    from thucydides.formats.importers import Imported, read_events
    from thucydides.store.bulk import RECORD_STRUCTURE
    from thucydides.store.schema import MIGRATIONS

    data = Path(__file__).resolve().parents[1] / "formats" / "data"
    coded = [e.to_record() for e in moscow_story("a1")[1]]
    icews = [
        i.record for i in read_events("icews", data / "icews_sample.tab") if isinstance(i, Imported)
    ]
    with monkeypatch.context() as m:
        m.setattr(store_module, "MIGRATIONS", MIGRATIONS[:version])
        with Store(path) as old:
            for dataset, records in (("thucydides", coded + ODD_RECORDS), ("icews", icews)):
                old.sql(
                    OLD_INSERT.format(structure=RECORD_STRUCTURE),
                    [dataset, [json.dumps(r, ensure_ascii=False) for r in records]],
                )
            old.sql("INSERT INTO articles (article_id, text) VALUES ('a1', 'Some text.')")
            old.sql("INSERT INTO imported_rows VALUES ('icews:1', 'icews', 0, '[\"x\"]')")
            assert old.sql("SELECT max(version) FROM _migrations") == [(version,)]
    return coded + ODD_RECORDS + icews


ZSTD_COLUMNS = [
    ("articles", "text"),
    ("events", "explanation"),
    ("events", "location"),
    ("imported_rows", "line"),
]


@pytest.mark.parametrize("version", [3, 4, 5])
def test_an_old_store_keeps_every_record_and_gets_index_and_zstd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: int
) -> None:
    from builders import moscow_story

    from thucydides.store import queries
    from thucydides.store.records import record_sql

    path = tmp_path / "old.duckdb"
    written = old_store(path, version, monkeypatch)
    tables = ("articles", "events", "imported_rows")
    compressed = " UNION ".join(
        f"SELECT DISTINCT '{t}', column_name FROM pragma_storage_info('{t}') "
        "WHERE compression = 'ZSTD'"
        for t in tables
    )
    with Store(path) as store:
        assert store.sql("SELECT max(version) FROM _migrations") == [(6,)]
        stored = [json.loads(r) for (r,) in store.sql(f"SELECT {record_sql('e')} FROM events e")]
        assert [json.dumps(r, ensure_ascii=False) for r in stored] == [
            json.dumps(r, ensure_ascii=False) for r in written
        ]
        # only the JSON Lines records that the columns cannot hold keep a rest
        assert store.sql("SELECT event_id FROM events WHERE record_rest IS NOT NULL") == [
            ("odd-1",),
            ("odd-2",),
        ]
        assert store.sql("SELECT index_name FROM duckdb_indexes()") == [("events_event_id",)]
        store.write([moscow_story("b1")], [], run_id="r", coder_version="v")
        store.write([moscow_story("b1")], [], run_id="r", coder_version="v")  # via the index
        assert len(queries.events(store, queries.EventFilter(dataset="thucydides"))) > 0
        store.sql("CHECKPOINT")
        assert sorted(store.sql(compressed)) == ZSTD_COLUMNS


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
