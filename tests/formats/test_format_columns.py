from __future__ import annotations

import csv
from pathlib import Path

import pytest

from thucydides.formats.columns import (
    ACLED_COLUMNS,
    GDELT_EVENT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    ICEWS_COLUMNS,
    POLECAT_COLUMNS,
)

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "formats"


@pytest.mark.parametrize(
    ("ours", "reference", "width"),
    [
        (GDELT_EVENT_COLUMNS, "gdelt2_events_columns.csv", 61),
        (GDELT_MENTION_COLUMNS, "gdelt2_mentions_columns.csv", 16),
        (POLECAT_COLUMNS, "polecat_columns.csv", 40),
        (ICEWS_COLUMNS, "icews_events_columns.csv", 20),
        (ACLED_COLUMNS, "acled_columns.csv", 31),
    ],
)
def test_column_tables_match_the_reference_lists(
    ours: tuple[str, ...], reference: str, width: int
) -> None:
    assert len(ours) == width and len(set(ours)) == width
    path = REFERENCE / reference
    if not path.exists():
        pytest.skip("../shared/reference is not available")
    with open(path, newline="", encoding="utf-8") as f:
        theirs = tuple(row["column"] for row in csv.DictReader(f))
    assert ours == theirs
