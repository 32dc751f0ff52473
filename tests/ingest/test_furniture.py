from __future__ import annotations

import datetime as dt

import pytest

from thucydides.ingest import furniture_spans, publication_date_from_text


@pytest.mark.parametrize(
    "line",
    [
        "Updated: March 3, 2025, 9:15 AM",
        "Published: 2025-03-03",
        "Powered by automated translation",
        "Photo: Reuters",
        "By Jane Doe",
        "Reporting by Ali Hassan; editing by Sam Lee",
        "Egyptian President and Jordanian King in Cairo. AFP / Getty Images",
        "Share this article",
    ],
)
def test_furniture_lines_are_marked(line: str) -> None:
    text = f"Headline here\n\n{line}\n\nThe ministers met in Cairo on Monday, officials said."
    spans = furniture_spans(text)
    assert [text[s:e] for s, e in spans] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The ministers met in Cairo on Monday, officials told Reuters",
        "Police arrested 12 protesters in Nairobi, the interior ministry said.",
        "By the end of the week, Egypt had hosted three rounds of talks.",
        "By Monday, Egypt and Jordan had agreed",
    ],
)
def test_reporting_lines_are_not_furniture(line: str) -> None:
    assert furniture_spans(line) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Body.\n\nUpdated: December 29, 2022, 7:31 AM", dt.date(2022, 12, 29)),
        ("Published: 3 March 2025\n\nBody.", dt.date(2025, 3, 3)),
        ("Posted 2024-02-29\nBody", dt.date(2024, 2, 29)),
        ("Updated: Smarch 40, 2022", None),
        ("No furniture here.", None),
    ],
)
def test_publication_date_from_furniture(text: str, expected: dt.date | None) -> None:
    assert publication_date_from_text(text) == expected
