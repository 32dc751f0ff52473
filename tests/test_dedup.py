from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thucydides.dedup import (
    cluster_article,
    estimated_jaccard,
    minhash,
    report,
    same_event,
)

ROOT = Path(__file__).resolve().parents[1]


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_dedup", ROOT / "benchmarks" / "dedup.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


def rep(**short: Any) -> Any:
    short.setdefault("cameo", "040")
    short.setdefault("plover", "CONSULT")
    return report(BENCH.expand(short))


def test_labelled_pairs_precision_and_recall() -> None:
    result = BENCH.score()
    assert result["pairs"] >= 40
    assert result["all"]["precision"] >= 0.9, result["wrong"]
    assert result["all"]["recall"] >= 0.9, result["wrong"]
    assert result["within"]["precision"] == 1.0, result["wrong"]


@pytest.mark.parametrize(
    ("a", "b", "same_article", "same"),
    [
        ({"cameo": "040"}, {"cameo": "042", "plover_mode": "visit"}, True, True),
        (
            {"cameo": "042", "plover_mode": "visit"},
            {"cameo": "043", "plover_mode": "visit"},
            True,
            True,
        ),
        ({"cameo": "040"}, {"cameo": "045"}, True, False),  # mediation weighs far more
        ({"cameo": "041"}, {"cameo": "042"}, True, False),  # two specific codes
        ({"date": "2025-01-01"}, {"date": "2025-01-02"}, False, True),
        ({"date": "2025-01-01"}, {"date": "2025-01-03"}, False, False),
        ({"date": "2025-01-20"}, {"date": "2025-01-01", "precision": "month"}, False, True),
        ({"date": "2025-01-20"}, {"date": None}, True, True),  # undated inside one article
        ({"date": "2025-01-20"}, {"date": None}, False, False),  # never across articles
        ({"factual": True}, {"factual": False}, True, False),
    ],
)
def test_rule_table(a: dict[str, Any], b: dict[str, Any], same_article: bool, same: bool) -> None:
    base = {"actors": ["TURGOV", "SYRGOV"], "date": "2025-01-20"}
    ra, rb = rep(**{**base, **a}), rep(**{**base, **b})
    assert same_event(ra, rb, same_article=same_article) is same
    assert same_event(rb, ra, same_article=same_article) is same


@pytest.mark.parametrize(
    ("a", "b", "same_article", "same"),
    [
        (["SYR", "RUS", "TUR"], ["SYRGOV", "TURGOV"], True, True),  # subset inside an article
        (["SYR", "RUS", "TUR"], ["SYRGOV", "TURGOV"], False, False),  # not across
        (["SYRGOV", "TURGOV"], ["SYRSPY", "TURSPY"], True, False),  # sectors must overlap
        ([], ["SYRGOV", "TURGOV"], True, True),  # "the three officials"
        ([], ["SYRGOV", "TURGOV"], False, False),
    ],
)
def test_parties(a: list[str], b: list[str], same_article: bool, same: bool) -> None:
    ra, rb = rep(actors=a, date="2025-01-20"), rep(actors=b, date="2025-01-20")
    assert same_event(ra, rb, same_article=same_article) is same


def test_directed_events_with_reversed_roles_differ() -> None:
    a = rep(plover="ACCUSE", cameo="112", actors=["IND"], recipients=["PAK"], date="2025-01-01")
    b = rep(plover="ACCUSE", cameo="112", actors=["PAK"], recipients=["IND"], date="2025-01-01")
    assert not same_event(a, b, same_article=True)
    assert not same_event(a, b, same_article=False)


def test_article_clusters_use_complete_linkage() -> None:
    reports = [
        rep(actors=["SYRGOV", "TURGOV"], date="2022-12-28"),  # ministers met
        rep(actors=[], date="2022-12-28"),  # "they discussed": joins the latest compatible
        rep(actors=["SYRSPY", "TURSPY"], date="2022-12-28"),  # intelligence chiefs met
        rep(actors=[], date="2022-12-28"),  # "they met": joins the chiefs (most recent)
    ]
    assert cluster_article(reports) == [0, 0, 2, 2]


WIRE = (
    "ANKARA, March 4 - Turkish Foreign Minister Hakan Fidan visited Baghdad on Tuesday for talks "
    "on water, trade and border security with his Iraqi counterpart. The two ministers discussed "
    "the flow of the Tigris and Euphrates rivers during a third year of drought, officials said. "
    "Turkey and Iraq signed a framework agreement on water management and agreed to set up a "
    "joint committee that will meet every three months. Iraq's prime minister received Fidan "
    "later in the day and praised what he called a new chapter in relations between the two "
    "neighbours, according to a statement from his office."
)


def test_wire_copies_are_near_duplicates_and_different_stories_are_not() -> None:
    original = minhash(WIRE)
    copy = minhash("BAGHDAD (Other Wire) - " + WIRE.replace("officials said", "an aide said"))
    other = minhash(WIRE.replace("Turkish", "Egyptian").replace("Iraq", "Jordan")[::-1])
    assert original is not None and copy is not None and other is not None
    assert estimated_jaccard(original.tobytes(), copy.tobytes()) >= 0.7
    assert estimated_jaccard(original.tobytes(), other.tobytes()) < 0.3
    assert minhash("Egypt and Jordan met in Cairo.") is None  # too short to judge


def test_minhash_estimates_follow_the_true_jaccard() -> None:
    """Unrelated texts over the same small vocabulary must not look like copies (a weak hash
    family once made every permutation pick the same shingle, estimating ~0.75 for them)."""
    import random

    import numpy as np

    from thucydides.dedup import minhash, shingles

    vocabulary = [
        "the",
        "a",
        "minister",
        "said",
        "on",
        "tuesday",
        "government",
        "forces",
        "rebels",
        "attacked",
        "city",
        "police",
        "arrested",
        "protesters",
        "talks",
        "meeting",
    ]
    rng = random.Random(5)
    texts = [" ".join(rng.choice(vocabulary) for _ in range(300)) for _ in range(6)]
    for i in range(len(texts) - 1):
        a, b = texts[i], texts[i + 1]
        sa, sb = minhash(a), minhash(b)
        assert sa is not None and sb is not None
        true = len(shingles(a) & shingles(b)) / len(shingles(a) | shingles(b))
        assert true < 0.05 and float(np.mean(sa == sb)) < 0.2
    copy = texts[0].replace("police", "army", 2)
    assert float(np.mean(minhash(texts[0]) == minhash(copy))) > 0.8


def _shingles_char_by_char(text: str, k: int) -> set[str]:
    """The definition: lower-case each alphanumeric character, everything else separates."""
    words = "".join(c.lower() if c.isalnum() else " " for c in text).split()
    return {" ".join(words[i : i + k]) for i in range(max(len(words) - k + 1, 0))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("İstanbul, ΟΔΟΣ snake_case x²", ["i̇stanbul", "οδοσ", "snake", "case", "x²"]),
        ("Don't stop—now", ["don", "t", "stop", "now"]),
        ("", []),
    ],
)
def test_words_lower_each_character_on_its_own(text: str, expected: list[str]) -> None:
    from thucydides.dedup import words

    assert words(text) == expected


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=120), k=st.integers(1, 6))
def test_shingles_follow_the_character_definition(text: str, k: int) -> None:
    from thucydides.dedup import shingles

    assert shingles(text, k) == _shingles_char_by_char(text, k)
