"""Reading gold files: the record fields, and one-line errors for bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from thucydides.errors import EvaluationError
from thucydides.evaluation import evaluate, load_gold
from thucydides.models import Article, Event

SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
DATASETS = sorted(p.parent.name for p in SHARED_EVAL.glob("*/dev.jsonl"))

RECORD = {
    "id": "r1",
    "dataset": "toy",
    "lang": "en",
    "text": "Ruritania's army shelled the border town.",
    "date": "2021-03-04",
    "events": [
        {
            "cameo": "195",
            "cameo_root": "19",
            "plover": "ASSAULT",
            "plover_mode": "heavy-weapons",
            "plover_context": "military, territory",
            "source": [{"code": "RURMIL", "code3": "RUR", "country": None, "sectors": ["MIL"]}],
            "target": [],
            "trigger": "shelled",
            "location": {"name": "border town"},
        }
    ],
}


def test_record_fields(gold_file: Any) -> None:
    (record,) = load_gold(gold_file([RECORD]))
    assert (record.id, record.dataset, record.lang) == ("r1", "toy", "en")
    assert record.date == dt.date(2021, 3, 4)
    assert record.has_events
    (event,) = record.events
    assert event.plover_contexts == ("military", "territory")
    assert event.source[0].code3 == "RUR" and event.source[0].sectors == ("MIL",)
    assert event.location == "border town"
    assert event.cameo_valid


def test_record_becomes_article(gold_file: Any) -> None:
    (record,) = load_gold(gold_file([RECORD]))
    article = record.to_article()
    assert (article.id, article.text, article.language) == ("r1", RECORD["text"], "en")
    assert article.published == dt.date(2021, 3, 4)


def test_label_only_record_and_defaults(gold_file: Any) -> None:
    path = gold_file(["", '{"text": "A quiet day.", "label": {"x": 1}}'])
    (record,) = load_gold(path)
    assert record.id == "gold:2"  # file stem and line
    assert record.dataset == path.parent.name
    assert not record.has_events and record.events == ()
    assert record.date is None


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["{not json"], r"gold\.jsonl:1: not JSON .*one JSON object per line"),
        (['{"text": "ok", "events": []}', "[1, 2]"], r"gold\.jsonl:2: not a JSON object"),
        (['{"events": []}'], r"gold\.jsonl:1: record has no 'text' string; add"),
        (['{"text": "x"}'], r"gold\.jsonl:1: record has no 'events' list; add 'events'"),
        (['{"text": "x", "events": {}}'], r"gold\.jsonl:1: 'events' must be a list"),
        (['{"text": "x", "events": [3]}'], r"gold\.jsonl:1: each item of 'events'"),
        (['{"text": "x", "events": [], "date": "May 5"}'], r"gold\.jsonl:1: 'date' 'May 5'"),
        (['{"text": "x", "events": [{"source": "USA"}]}'], r"gold\.jsonl:1: an event's 'source'"),
    ],
)
def test_bad_lines_name_file_line_and_fix(gold_file: Any, lines: list[str], message: str) -> None:
    with pytest.raises(EvaluationError, match=message) as info:
        list(load_gold(gold_file(lines)))
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match=r"nope\.jsonl: no such gold file; give the path"):
        list(load_gold(tmp_path / "nope.jsonl"))


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(EvaluationError, match="not UTF-8"):
        list(load_gold(path))


def test_empty_file_and_bad_limit(gold_file: Any) -> None:
    def coder(articles: Iterable[Article]) -> list[tuple[str, list[Event]]]:
        return []

    with pytest.raises(EvaluationError, match="no gold records"):
        evaluate(gold_file([""]), coder)
    with pytest.raises(EvaluationError, match="limit must be a positive number"):
        evaluate(gold_file([RECORD]), coder, limit=0)


@pytest.mark.parametrize("dataset", DATASETS or ["(absent)"])
def test_shared_dev_files_load(dataset: str) -> None:
    path = SHARED_EVAL / dataset / "dev.jsonl"
    if not path.is_file():
        pytest.skip("shared evaluation data not available")
    records = list(load_gold(path))
    assert records
    assert {r.dataset for r in records} == {dataset}
    assert all(r.text for r in records)


@pytest.mark.parametrize("dataset", DATASETS or ["(absent)"])
def test_shared_dev_files_score_with_an_empty_coder(dataset: str) -> None:
    path = SHARED_EVAL / dataset / "dev.jsonl"
    if not path.is_file():
        pytest.skip("shared evaluation data not available")

    def english_only(articles: Iterable[Article]) -> Iterator[tuple[str, list[Event]]]:
        return ((a.id, []) for a in articles if a.language == "en")

    report = evaluate(path, english_only, limit=40)
    assert report.dataset == dataset and report.n_records == 40
    assert report.metrics["n_predicted_events"] == 0
    assert report.render().startswith(f"dataset {dataset}")
    if report.metrics["coverage"] == 0:
        assert any("were not coded" in note for note in report.notes)
