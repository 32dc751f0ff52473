"""Argument heads of triggers in the dependency parse, with the reason each was chosen."""

from __future__ import annotations

from typing import Any

import pytest

from thucydides.coding.arguments import nominal_actors, patients_of, subjects_of


def _token(nlp: Any, text: str, word: str) -> Any:
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "heads", "how"),
    [
        ("Kenya expelled two diplomats.", "expelled", ["Kenya"], "subject of"),
        ("The envoy was expelled by Kenya.", "expelled", ["Kenya"], "agent of passive"),
        ("Kenya agreed to expel the envoy.", "expel", ["Kenya"], "via 'agreed'"),
        ("Ghana is ready to resume talks.", "resume", ["Ghana"], "via 'ready'"),
        ("Uganda urged Kenya to expel the envoy.", "expel", ["Kenya"], "controls"),
        ("Kenya met and thanked the envoy.", "thanked", ["Kenya"], "conjunction"),
        ("Two men were killed in police firing.", "killed", ["police"], "cause of"),
        ("Two men died in an army raid.", "died", ["army"], "cause of"),
    ],
)
def test_subjects_of(nlp: Any, text: str, word: str, heads: list[str], how: str) -> None:
    found = subjects_of(_token(nlp, text, word))
    assert [h.text for h, _ in found] == heads
    assert how in found[0][1]


@pytest.mark.parametrize(
    ("text", "word", "heads"),
    [
        ("Three students were arrested in the capital.", "arrested", ["students"]),
        ("Three students died in police firing.", "died", ["students"]),
        ("Kenya expelled two diplomats.", "expelled", []),
    ],
)
def test_patients_of(nlp: Any, text: str, word: str, heads: list[str]) -> None:
    assert [h.text for h, _ in patients_of(_token(nlp, text, word))] == heads


@pytest.mark.parametrize(
    ("text", "word", "heads"),
    [
        ("Russia's attack on the port angered Kyiv.", "attack", ["Russia"]),
        # the head of "Chad and Sudan"; the actor resolver expands the conjunction
        ("Talks between Chad and Sudan resumed.", "Talks", ["Chad"]),
        ("An attack by militants killed six.", "attack", ["militants"]),
        ("Nigeria launched an offensive in the north.", "offensive", ["Nigeria"]),
    ],
)
def test_nominal_actors(nlp: Any, text: str, word: str, heads: list[str]) -> None:
    assert sorted(h.text for h, _ in nominal_actors(_token(nlp, text, word))) == sorted(heads)
