"""Implicit targets: the place of the event, or the actor's own country for domestic events."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from thucydides.coding.targets import implicit_recipients
from thucydides.models import Actor, Place


@dataclass(frozen=True)
class _Sentence:
    start_char: int = 0
    end_char: int = 100


def _actor(code: str, country: str | None) -> Actor:
    sectors = (code[3:],) if len(code) > 3 else ()
    return Actor(code, country, sectors, None, "words", 0, 5)


def _place(country: str, start: int = 20) -> Place:
    return Place("Town", country, None, None, None, None, "city", "Town", start, start + 4)


@pytest.mark.parametrize(
    ("code", "actors", "place", "expected", "reason"),
    [
        # a visit or a meeting abroad is aimed at the host country
        ("042", [_actor("MLIGOV", "MLI")], _place("SEN"), ["SEN"], "happens in 'Town'"),
        # diplomacy in the actor's own capital names no target
        ("114", [_actor("PHLGOV", "PHL")], _place("PHL"), [], ""),
        # a curfew in the actor's own country is aimed at its people
        ("1723", [_actor("TURGOV", "TUR")], _place("TUR"), ["TUR"], "happens in"),
        # a protest without a place or a target is aimed at the protesters' own country
        ("145", [_actor("BOLLAB", "BOL")], None, ["BOL"], "domestic event (CAMEO 14)"),
        # ... but an appeal is not domestic by nature
        ("020", [_actor("BOLGOV", "BOL")], None, [], ""),
        # a place outside the sentence (a dateline) is not the event's target
        ("042", [_actor("MLIGOV", "MLI")], _place("SEN", start=300), [], ""),
        # an actor that is the country itself is not its own target
        ("145", [_actor("BOL", "BOL")], None, [], ""),
        # what the opposition does at home is aimed at its own country
        ("080", [_actor("AZEOPP", "AZE")], _place("AZE"), ["AZE"], "happens in 'Town'"),
        # ... but not what a government does at home
        ("080", [_actor("AZEGOV", "AZE")], _place("AZE"), [], ""),
        # a threatened curfew is domestic like the curfew itself
        ("1323", [_actor("CIVGOV", "CIV")], _place("CIV"), ["CIV"], "happens in"),
        ("1323", [_actor("CIVGOV", "CIV")], None, ["CIV"], "domestic event (CAMEO 1323)"),
        # a threat of force is not
        ("138", [_actor("CIVGOV", "CIV")], None, [], ""),
    ],
)
def test_implicit_recipients(
    code: str, actors: list[Actor], place: Place | None, expected: list[str], reason: str
) -> None:
    found, notes = implicit_recipients(code, actors, place, _Sentence())
    assert [a.code for a in found] == expected
    assert len(notes) == len(found)
    if found:
        assert reason in notes[0]["how"]
        assert found[0].sectors == ()


@pytest.mark.parametrize(
    ("code", "actors", "expected"),
    [
        # parties of two countries meeting or signing are each other's counterparts
        ("057", [_actor("TUR", "TUR"), _actor("IRQ", "IRQ")], ["TUR", "IRQ"]),
        ("044", [_actor("ARMGOV", "ARM"), _actor("AZEGOV", "AZE")], ["ARMGOV", "AZEGOV"]),
        # one country's two ministries have no counterpart in each other
        ("040", [_actor("TURGOV", "TUR"), _actor("TURMIL", "TUR")], []),
        # a visit is not a joint event: the host is the target
        ("042", [_actor("TUR", "TUR"), _actor("IRQ", "IRQ")], []),
    ],
)
def test_co_actors_of_a_joint_event(code: str, actors: list[Actor], expected: list[str]) -> None:
    found, notes = implicit_recipients(code, actors, None, _Sentence())
    assert [a.code for a in found] == expected
    assert all("co-actor of a joint event" in n["how"] for n in notes)
    assert len(notes) == len(found)
