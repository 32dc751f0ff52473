"""Implicit targets: whom an event is aimed at when the sentence names nobody after the trigger.

Two conventions of event coding, applied in this order and only when the parse gave no recipient:

* **the place of the event**: a meeting, visit, protest, curfew or deployment "in Amman", "in
  Beijing", "in southeastern Turkey" is aimed at that country ("arrived in Amman" → JOR); a place
  in the actor's own country only for domestic (CAMEO 14, 17) and violent (18–20) events;
* **the actor's own country**, for events that are domestic by nature: protests, strikes and
  riots (CAMEO 14) and repression, curfews and arrests (CAMEO 17) without a named target are
  directed at the authorities, or the population, of the actor's own country ("Egyptian
  demonstrators rioted" → EGY).

Each implied recipient carries its reason into the event's explanation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from thucydides.models import Actor, Place

# CAMEO roots whose events are domestic when no target is named: protest (14), coerce (17).
DOMESTIC_ROOTS = frozenset({"14", "17"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def implicit_recipients(
    code: str, actors: Sequence[Actor], place: Place | None, sentence: Any
) -> tuple[list[Actor], list[dict[str, Any]]]:
    """Recipients implied by the event's place or, for a domestic event, by its actors' country;
    with one explanation note per recipient. ``sentence`` is the spaCy span of the event."""
    actor_codes = {a.code for a in actors}
    own = {a.country for a in actors if a.country}
    if _place_is_target(code, place, sentence, actor_codes, own):
        assert place is not None and place.country is not None
        actor = Actor(place.country, place.country, (), None, place.text, place.start, place.end)
        how = (
            f"implied target: the event happens in {place.text!r} "
            f"({place.country}); no recipient is named"
        )
        return [actor], [_note(actor, how)]
    if code[:2] not in DOMESTIC_ROOTS:
        return [], []
    found: list[Actor] = []
    notes: list[dict[str, Any]] = []
    for a in actors:
        country = a.country
        if not country or country in actor_codes or any(r.code == country for r in found):
            continue
        actor = Actor(country, country, (), None, a.text, a.start, a.end)
        how = (
            f"implied target: a domestic event (CAMEO {code[:2]}) without a named target is "
            f"aimed at the actor's own country ({country}, from {a.text!r})"
        )
        found.append(actor)
        notes.append(_note(actor, how))
    return found, notes


def _place_is_target(
    code: str, place: Place | None, sentence: Any, actor_codes: set[str], own: set[str]
) -> bool:
    """A place named in the sentence, in a country that is not an actor; a place in the actor's
    own country only for a domestic or violent event ("a curfew in Cizre", "air strikes in
    Tsafe"), not for its diplomacy ("protested in Manila")."""
    if place is None or not place.country or not _within(place, sentence):
        return False
    if place.country in actor_codes:
        return False
    return place.country not in own or code[:2] in DOMESTIC_ROOTS | VIOLENT_ROOTS


def _within(place: Place, sentence: Any) -> bool:
    return bool(sentence.start_char <= place.start and place.end <= sentence.end_char)


def _note(actor: Actor, how: str) -> dict[str, Any]:
    return {"code": actor.code, "name": None, "text": actor.text, "how": how}
