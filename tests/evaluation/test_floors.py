"""Accuracy floors: the real coder on the dev sets in ../shared/eval must not score below the
figures recorded in floors.json (skipped when ../shared is absent).

The larger sets are scored on their first N records (``limit`` in floors.json) so that the whole
module stays under a minute. After a deliberate improvement, record the new floors with
``pytest tests/evaluation/test_floors.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from thucydides.evaluation import evaluate
from thucydides.models import Article, Event
from thucydides.pipeline import Coded, code_articles

FLOORS = Path(__file__).with_name("floors.json")
EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
RECORDED: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
MARGIN = 0.005  # rounding slack: floors are recorded rounded down to three decimals


def _coder(articles: Iterable[Article]) -> Iterator[tuple[str, Sequence[Event]]]:
    for outcome in code_articles(articles):
        if isinstance(outcome, Coded):
            yield outcome.article.id, outcome.events


@pytest.mark.parametrize("dataset", sorted(RECORDED))
def test_dev_scores_stay_above_recorded_floors(
    dataset: str, request: pytest.FixtureRequest
) -> None:
    gold = EVAL / dataset / "dev.jsonl"
    if not gold.exists():
        pytest.skip(f"{gold} is not here (the shared evaluation data is optional)")
    spec = RECORDED[dataset]
    report = evaluate(gold, _coder, limit=spec.get("limit"))
    metrics = report.metrics
    if request.config.getoption("--update-golden"):
        spec["floors"] = {
            name: math.floor(float(metrics[name]) * 1000) / 1000 for name in spec["floors"]
        }
        FLOORS.write_text(json.dumps(RECORDED, indent=2) + "\n", encoding="utf-8")
        return
    below = {
        name: (round(float(metrics.get(name, 0.0)), 3), floor)
        for name, floor in spec["floors"].items()
        if float(metrics.get(name, 0.0)) < floor - MARGIN
    }
    assert not below, f"{dataset}: scores below the recorded floors (got, floor): {below}"
