"""The table printed at the end of `thucydides code`."""

from __future__ import annotations

import pytest
from rich.console import Console

from thucydides.cli.code import render_summary
from thucydides.pipeline import RunSummary


def _text(summary: RunSummary) -> str:
    console = Console(width=120, record=True)
    console.print(render_summary(summary, "store.duckdb", None))
    return console.export_text()


@pytest.mark.parametrize(
    ("coded", "unchanged", "time_cell"),
    [
        (8, 0, "4.0 s (2.0 articles coded/s)"),
        # a re-run that finds every article already stored codes nothing: no rate of zero
        (0, 8, "4.0 s"),
    ],
)
def test_time_row_gives_a_rate_only_when_articles_were_coded(
    coded: int, unchanged: int, time_cell: str
) -> None:
    text = _text(RunSummary("r1", read=8, coded=coded, unchanged=unchanged, seconds=4.0))
    row = next(line for line in text.splitlines() if "time" in line)
    assert row.split("│")[2].strip() == time_cell
    assert "0.0 articles" not in text
