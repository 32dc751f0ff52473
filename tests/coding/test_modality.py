"""Modality of a trigger word: negation, futures, hypotheticals, intentions, reported speech."""

from __future__ import annotations

from typing import Any

import pytest

from thucydides.coding.modality import resolve_modality


def _trigger(nlp: Any, text: str, word: str) -> Any:
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "modality", "factual"),
    [
        ("Turkey attacked the border posts on Sunday.", "attacked", "asserted", True),
        ("Turkey did not attack the border posts.", "attack", "negated", False),
        ("Turkey will attack the border posts.", "attack", "future", False),
        ("Turkey could attack the border posts.", "attack", "hypothetical", False),
        ("Turkey plans to attack the border posts.", "attack", "intended", False),
        ("Turkey refused to attack the border posts.", "attack", "negated", False),
        (
            "If Turkey attacks the border posts, Syria will respond.",
            "attacks",
            "hypothetical",
            False,
        ),
        ("Officials said Turkey attacked the border posts.", "attacked", "reported", True),
        # 'would' in reported speech is the future seen from the past
        ("Officials said Turkey would attack the border posts.", "attack", "future", False),
        ("The possibility of talks was raised by the envoy.", "talks", "hypothetical", False),
    ],
)
def test_modality(nlp: Any, text: str, word: str, modality: str, factual: bool) -> None:
    decision = resolve_modality(_trigger(nlp, text, word))
    assert (decision.modality, decision.factual) == (modality, factual), decision.cue
    assert decision.cue
