from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.errors import InputError, UsageError
from thucydides.formats.importers import Imported, Skipped, read_events

DATA = Path(__file__).resolve().parent / "data"


def read(kind: str, name: str) -> tuple[list[Imported], list[Skipped]]:
    items = list(read_events(kind, DATA / name))
    return (
        [i for i in items if isinstance(i, Imported)],
        [i for i in items if isinstance(i, Skipped)],
    )


def test_gdelt_rows_become_event_records() -> None:
    rows, skipped = read("gdelt", "gdelt_sample.export.CSV")
    assert [s.line for s in skipped] == [3]
    first = rows[0]
    r = first.record
    assert (r["event_id"], r["date"], r["cameo"], r["plover"], r["plover_mode"]) == (
        "gdelt:1100000001", "2025-03-04", "042", "CONSULT", "visit"
    )  # fmt: skip
    assert [(a["code"], a["country"], a["sectors"]) for a in r["actors"]] == [
        ("TURGOV", "TUR", ["GOV"])
    ]
    assert r["location"]["name"] == "Baghdad, Baghdad, Iraq" and r["location"]["lat"] == 33.3406
    assert (first.num_mentions, first.num_sources, first.num_articles) == (6, 2, 5)
    assert rows[1].record["actors"] == []  # a blank Actor1 stays blank
    assert first.raw is not None and len(first.raw) == 61


def test_icews_rows_resolve_country_names_and_sectors() -> None:
    rows, skipped = read("icews", "icews_sample.tab")
    assert [s.line for s in skipped] == [5, 6]
    assert "not a date" in skipped[0].reason and "columns" in skipped[1].reason
    r = rows[0].record
    assert [(a["code"], a["name"]) for a in r["actors"]] == [("TURGOV", "Hakan Fidan")]
    assert [a["code"] for a in r["recipients"]] == ["IRQ"]
    assert (r["cameo"], r["goldstein"], r["explanation"]["imported"]["intensity"]) == (
        "042",
        1.9,
        1.9,
    )
    assert r["location"]["country"] == "IRQ" and r["location"]["precision"] == "city"
    assert rows[1].record["recipients"][0]["code"] == "SRB"
    assert rows[2].record["plover"] is None  # CAMEO 01 has no PLOVER type


def test_acled_rows_map_event_types_and_skip_strategic_developments() -> None:
    rows, skipped = read("acled", "acled_sample.csv")
    assert [s.reason for s in skipped] == ["no CAMEO/PLOVER equivalent"]
    battle, protest = (r.record for r in rows)
    assert (battle["cameo"], battle["plover"], battle["date"]) == ("190", "ASSAULT", "2025-05-20")
    assert [a["code"] for a in battle["actors"] + battle["recipients"]] == ["SDNMIL", "SDNREB"]
    assert battle["explanation"]["imported"]["fatalities"] == 12
    assert "commas" in battle["sentence"]
    assert (protest["cameo"], protest["date"], protest["actors"][0]["code"]) == (
        "140", "2025-07-05", "SRBOPP"
    )  # fmt: skip


def test_polecat_rows_keep_plover_fields() -> None:
    rows, skipped = read("polecat", "polecat_sample.tsv")
    assert len(skipped) == 1 and "DANCE" in skipped[0].reason
    r = rows[0].record
    assert (r["plover"], r["plover_mode"], r["cameo"], r["plover_contexts"]) == (
        "ASSAULT", "aerial", "195", ["military"]
    )  # fmt: skip
    assert [(a["code"], a["country"]) for a in r["actors"]] == [("RUSMIL", "RUS")]
    assert rows[1].record["actors"][0]["code"] == "RUS"


def test_bad_format_and_missing_file_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--format 'xml' is not known"):
        list(read_events("xml", DATA / "icews_sample.tab"))
    with pytest.raises(InputError, match="is not a file"):
        list(read_events("gdelt", tmp_path / "nope.CSV"))
    with pytest.raises(InputError, match="does not look like a acled file"):
        list(read_events("acled", DATA / "icews_sample.tab"))


def _record(**changes: object) -> dict[str, object]:
    record: dict[str, object] = {
        "event_id": "ev1",
        "article_id": "art1",
        "sentence_index": 0,
        "sentence": "Ankara hosted the talks.",
        "trigger": {"text": "hosted", "start": 7, "end": 13},
        "plover": "CONSULT",
        "plover_mode": "host",
        "plover_contexts": [],
        "cameo": "043",
        "cameo_root": "04",
        "goldstein": 2.8,
        "quad_class": 1,
        "actors": [],
        "recipients": [],
        "factual": True,
        "modality": "asserted",
        "date": "2024-01-05",
        "date_precision": "day",
        "date_text": None,
        "location": None,
        "explanation": {},
    }
    record.update(changes)
    return record


@pytest.mark.parametrize(
    ("changes", "drop", "reason"),
    [
        ({}, "recipients", "no 'recipients' field"),
        ({}, "trigger", "no 'trigger' field"),
        ({"trigger": None}, None, "trigger null is not an object"),
        ({"plover_contexts": None}, None, "plover_contexts null is not a list (use [] for none)"),
        ({"actors": ["TURGOV"]}, None, 'actors ["TURGOV"] is not a list of actor objects'),
        ({"date": "2024-01"}, None, 'date "2024-01" is not an ISO date (YYYY-MM-DD)'),
        ({"location": "Ankara"}, None, 'location "Ankara" is not an object or null'),
        ({"explanation": None}, None, "explanation null is not an object"),
        ({"event_id": ""}, None, 'event_id "" is not a non-empty string'),
    ],
)
def test_jsonl_records_the_store_cannot_hold_are_skipped_with_the_field_named(
    tmp_path: Path, changes: dict[str, object], drop: str | None, reason: str
) -> None:
    bad = _record(**changes)
    if drop:
        del bad[drop]
    path = tmp_path / "events.jsonl"
    lines = [_record(event_id="good1"), bad, _record(event_id="good2", goldstein=3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    items = list(read_events("jsonl", path))
    assert [type(i).__name__ for i in items] == ["Imported", "Skipped", "Imported"]
    skipped = items[1]
    assert isinstance(skipped, Skipped)
    assert skipped.line == 2
    assert skipped.reason.startswith("not an event record: ")
    assert reason in skipped.reason
