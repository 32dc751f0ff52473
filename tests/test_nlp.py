"""The pipeline's own component: a line break (and a dateline) starts a sentence."""

from __future__ import annotations

from typing import Any

import pytest

from thucydides.nlp import LINE_BREAKS, mark_line_breaks

# text, the words that must start a sentence because of a line break or a dateline
CASES: list[tuple[str, list[str]]] = [
    ("Turkey and Iraq sign deal\nThe ministers met in Baghdad.", ["The"]),
    ("A.\r\nB \t\nC  \n  D", ["B", "C", "D"]),
    ("First line\n\nSecond paragraph here.", ["Second"]),
    ("Caption text \n Photo by someone", ["Photo"]),  # a space token holds the line break
    ("One line only, no break at all.", []),
    ("Ends with a break\n", []),  # nothing follows the last line break
    ("\nStarts with a break", ["Starts"]),
    ("a\nb\nc\nd", ["b", "c", "d"]),
    ("CAIRO, Feb 3 (Reuters) - Egypt said on Monday it would talk.", ["Egypt"]),
]


def _marked(doc: Any) -> list[str]:
    return [t.text for t in doc if t.i > 0 and t.is_sent_start]


@pytest.mark.parametrize(("text", "starts"), CASES)
def test_line_breaks_start_sentences(nlp: Any, text: str, starts: list[str]) -> None:
    doc = mark_line_breaks(nlp.make_doc(text))
    assert _marked(doc) == starts


@pytest.mark.parametrize("text", [text for text, _ in CASES])
def test_only_the_token_after_a_break_is_marked(nlp: Any, text: str) -> None:
    """The same tokens as a walk over every token would mark (the component looks only at the
    line breaks' positions)."""
    doc = mark_line_breaks(nlp.make_doc(text))
    after_break = {
        t.i + 1 for t in doc[:-1] if "\n" in t.whitespace_ or (t.is_space and "\n" in t.text)
    }
    marked = {t.i for t in doc if t.i > 0 and t.is_sent_start}
    assert after_break <= marked
    assert all(doc[i].is_sent_start is None for i in range(1, len(doc)) if i not in marked)


def test_the_component_runs_before_the_parser(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index(LINE_BREAKS) < names.index("parser")
    doc = nlp("Protests in Tbilisi\nPolice detained dozens of people on Sunday.")
    assert [s.text.strip() for s in doc.sents][:2] == [
        "Protests in Tbilisi",
        "Police detained dozens of people on Sunday.",
    ]
