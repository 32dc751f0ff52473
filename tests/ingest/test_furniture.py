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
        "Share",
        "Facebook Twitter WhatsApp Email",
        "Share on Facebook",
        "Copy link",
        "Read more",
        "Read more: Erdogan said Turkey would act against the militants",
        "Related: Talks in Cairo end without a deal",
        "By Jane Doe and John Smith",
        "Written by Ali Hassan | Cairo",
        "Staff Writer",
        "(Photo by John Smith/AFP via Getty Images)",
        "Image caption, Protesters gather in Tbilisi",
        "Photograph: Sam Lee/Reuters",
        "Listen to this article",
        "5 min read",
        "Sign up for our daily newsletter",
        "Follow us on Telegram",
        "© 2025 Example Wire. All rights reserved.",
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
        "Related talks were held in Cairo on Monday.",
        "Sharing power was discussed by the two leaders.",
        "Print edition readers were told of the talks.",
        "Read the statement, the minister told reporters in Cairo.",
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
