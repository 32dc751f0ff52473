"""The counting helpers, on values worked out by hand."""

from __future__ import annotations

import pytest

from thucydides.evaluation.metrics import (
    Counts,
    LabelTable,
    greedy_match,
    place_matches,
    token_f1,
    tokens,
)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        # tp fp fn -> precision, recall, f1
        (["a", "b"], ["a"], (1.0, 0.5, 2 / 3)),
        (["a", "a"], ["a", "a", "b"], (2 / 3, 1.0, 0.8)),
        ([], ["a"], (0.0, 0.0, 0.0)),
        (["a"], [], (0.0, 0.0, 0.0)),
    ],
)
def test_counts(gold: list[str], predicted: list[str], expected: tuple[float, ...]) -> None:
    counts = Counts()
    counts.add(gold, predicted)
    assert (counts.precision, counts.recall, counts.f1) == pytest.approx(expected)


def test_label_table_macro_f1() -> None:
    table = LabelTable()
    table.add(["A"], ["A", "B"])  # A tp, B fp
    table.add(["C"], [])  # C fn
    table.ensure(["D"])  # never seen: not in the average
    # F1: A = 1, B = 0, C = 0 -> 1/3
    assert table.macro_f1 == pytest.approx(1 / 3)
    assert (table.micro.tp, table.micro.fp, table.micro.fn) == (1, 1, 1)


def test_greedy_match_is_one_to_one_and_best_first() -> None:
    scores = {(0, 0): 1.0, (0, 1): 3.0, (1, 1): 2.0, (1, 0): 0.5}
    pairs = greedy_match(2, 2, lambda i, j: scores.get((i, j), 0.0))
    assert pairs == [(0, 1), (1, 0)]
    assert greedy_match(1, 1, lambda i, j: 0.0) == []


@pytest.mark.parametrize(
    ("gold", "predicted", "f1"),
    [
        ("a car bomb", "car bomb", 0.8),  # P 1, R 2/3
        ("the village", "village", 2 / 3),  # P 1, R 1/2
        ("Bogotá", "BOGOTA", 1.0),
        ("police", "", 0.0),
    ],
)
def test_token_f1(gold: str, predicted: str, f1: float) -> None:
    assert token_f1(tokens(gold), tokens(predicted)) == pytest.approx(f1)


@pytest.mark.parametrize(
    ("gold", "predicted", "match"),
    [
        ("Basra", ["basra"], True),
        ("province of Herat", ["Herat"], True),
        ("BOGOTA", [None, "Bogotá"], True),
        ("Jaffna peninsula", ["Colombo"], False),
        ("Kabul", [None], False),
    ],
)
def test_place_matches(gold: str, predicted: list[str | None], match: bool) -> None:
    assert place_matches(gold, predicted) is match
