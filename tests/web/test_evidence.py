"""Cutting an event's sentence into marked segments, with or without the article text."""

from __future__ import annotations

from typing import Any

import pytest

from thucydides.web.evidence import segments

SENTENCE = "Turkey sent aid to Syria on Sunday."
ARTICLE = "First line. " + SENTENCE + " Last line."
BASE = ARTICLE.index(SENTENCE)


def record(**changes: Any) -> dict[str, Any]:
    r: dict[str, Any] = {
        "sentence": SENTENCE,
        "trigger": {"text": "sent", "start": BASE + 7, "end": BASE + 11},
        "cameo": "070",
        "actors": [{"code": "TUR", "text": "Turkey", "start": BASE, "end": BASE + 6}],
        "recipients": [{"code": "SYR", "text": "Syria", "start": BASE + 19, "end": BASE + 24}],
        "location": None,
        "date": "2024-03-03",
        "date_text": "Sunday",
    }
    r.update(changes)
    return r


def marked(segs: list[Any]) -> list[tuple[str | None, str]]:
    return [(s["kind"], s["text"]) for s in segs]


FULL = [
    ("actor", "Turkey"),
    (None, " "),
    ("trigger", "sent"),
    (None, " aid to "),
    ("recipient", "Syria"),
    (None, " on "),
    ("date", "Sunday"),
    (None, "."),
]


@pytest.mark.parametrize(
    ("rec", "text", "expected"),
    [
        (record(), ARTICLE, FULL),
        (record(), None, FULL),  # imported: no article text, found by words
        (record(), "unrelated text", FULL),  # offsets that do not match fall back to words
        (
            record(
                actors=[{"code": "TUR", "text": "Turkey sent", "start": BASE, "end": BASE + 11}]
            ),
            ARTICLE,
            [(None, "Turkey "), *FULL[2:]],  # the trigger wins; the overlapping actor is unmarked
        ),
        (
            record(date_text="yesterday", recipients=[]),
            ARTICLE,
            [*FULL[:3], (None, " aid to Syria on Sunday.")],
        ),
        (record(sentence=""), ARTICLE, []),
        (
            record(sentence="<b>Turkey</b> sent aid"),
            None,
            [
                (None, "<b>"),
                ("actor", "Turkey"),
                (None, "</b> "),
                ("trigger", "sent"),
                (None, " aid"),
            ],
        ),
    ],
)
def test_segments(rec: dict[str, Any], text: str | None, expected: list[Any]) -> None:
    segs = segments(rec, text)
    assert marked(segs) == expected
    assert "".join(s["text"] for s in segs) == rec["sentence"]


def test_labels_name_the_codes() -> None:
    labels = {s["kind"]: s["label"] for s in segments(record(), ARTICLE) if s["kind"]}
    assert labels == {"actor": "TUR", "trigger": "070", "recipient": "SYR", "date": "2024-03-03"}
