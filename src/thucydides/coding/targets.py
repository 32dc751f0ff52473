"""Implicit targets: whom an event is aimed at when the sentence names nobody after the trigger.

Three conventions of event coding, applied in this order and only when the parse gave no recipient:

* **the co-actors of a joint event**: when several parties of different countries meet, negotiate,
  sign or cooperate and nobody else is named, each is the other's counterpart: the actors are
  also the recipients ("Syria, Russia and Turkey met in Astana"); the event coder then codes one
  event per party, aimed at the parties of the other countries (:func:`joint_event`);

* **the place of the event**: a meeting, visit, protest, curfew or deployment "in Amman", "in
  Beijing", "in southeastern Turkey" is aimed at that country ("arrived in Amman" → JOR); a place
  in the actor's own country only for domestic (CAMEO 14, 17, threats of repression) and violent
  (18–20) events, or when every actor is of a domestic sector (opposition, rebels, civilians:
  "the opposition agreed to postpone the rally in Baku" → AZE);
* **the actor's own country**, for events that are domestic by nature: protests, strikes and
  riots (CAMEO 14), repression, curfews and arrests (CAMEO 17) and threats of them (1321–1324,
  137) without a named target are directed at the authorities, or the population, of the actor's
  own country ("Egyptian demonstrators rioted" → EGY).

Each implied recipient carries its reason into the event's explanation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from thucydides.coding.actors import DOMESTIC_SECTORS
from thucydides.models import Actor, Place

# CAMEO roots whose events are domestic when no target is named: protest (14), coerce (17).
DOMESTIC_ROOTS = frozenset({"14", "17"})
# Joint events: meeting, talking, negotiating, signing, cooperating, saying they will. Several
# parties named as the doers and nobody else: each is the other's counterpart ("Syria, Russia and
# Turkey met in Astana": SYR meets RUS and TUR, ...).
SYMMETRIC_CODES = frozenset(
    {"030", "036", "040", "041", "044", "046", "050", "057", "060", "061", "062", "063", "064"}
)
# Threats of domestic repression: curbs on freedoms, bans on parties, curfews, martial law (CAMEO
# 1321-1324) and repression (137); aimed at the actor's own country like the deeds themselves.
DOMESTIC_THREATS = ("1321", "1322", "1323", "1324", "137")
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def implicit_recipients(
    code: str, actors: Sequence[Actor], place: Place | None, sentence: Any
) -> tuple[list[Actor], list[dict[str, Any]]]:
    """Recipients implied by the event's place or, for a domestic event, by its actors' country;
    with one explanation note per recipient. ``sentence`` is the spaCy span of the event."""
    actor_codes = {a.code for a in actors}
    if joint_event(code, actors):
        how = f"implied target: co-actor of a joint event (CAMEO {code}); each is the other's party"
        return list(actors), [_note(a, how) for a in actors]
    if _place_is_target(code, place, sentence, actors):
        assert place is not None and place.country is not None
        actor = Actor(place.country, place.country, (), None, place.text, place.start, place.end)
        how = (
            f"implied target: the event happens in {place.text!r} "
            f"({place.country}); no recipient is named"
        )
        return [actor], [_note(actor, how)]
    if not _domestic(code):
        return [], []
    found: list[Actor] = []
    notes: list[dict[str, Any]] = []
    for a in actors:
        country = a.country
        if not country or country in actor_codes or any(r.code == country for r in found):
            continue
        actor = Actor(country, country, (), None, a.text, a.start, a.end)
        how = (
            f"implied target: a domestic event (CAMEO {_label(code)}) without a named target is "
            f"aimed at the actor's own country ({country}, from {a.text!r})"
        )
        found.append(actor)
        notes.append(_note(actor, how))
    return found, notes


def joint_event(code: str, actors: Sequence[Actor]) -> bool:
    """A meeting, negotiation, agreement or cooperation of parties of two or more countries."""
    return code in SYMMETRIC_CODES and len({a.country or a.code for a in actors}) >= 2


def _place_is_target(
    code: str,
    place: Place | None,
    sentence: Any,
    actors: Sequence[Actor],
) -> bool:
    """A place named in the sentence, in a country that is not an actor; a place in the actor's
    own country only for a domestic or violent event ("a curfew in Cizre", "air strikes in
    Tsafe"), not for its diplomacy ("protested in Manila")."""
    if place is None or not place.country or not _within(place, sentence):
        return False
    actor_codes = {a.code for a in actors}
    own = {a.country for a in actors if a.country}
    if place.country in actor_codes:
        return False
    return (
        place.country not in own
        or _domestic(code)
        or code[:2] in VIOLENT_ROOTS
        or _domestic_actors(actors)
    )


def _label(code: str) -> str:
    return code[:2] if code[:2] in DOMESTIC_ROOTS else code


def _domestic(code: str) -> bool:
    return code[:2] in DOMESTIC_ROOTS or code.startswith(DOMESTIC_THREATS)


def _domestic_actors(actors: Sequence[Actor]) -> bool:
    """Only actors of domestic sectors (opposition, rebels, civilians, ...): what they do at home
    is aimed at their own country ("the opposition agreed to postpone the rally in Baku")."""
    return bool(actors) and all(a.sectors and set(a.sectors) <= DOMESTIC_SECTORS for a in actors)


def _within(place: Place, sentence: Any) -> bool:
    return bool(sentence.start_char <= place.start and place.end <= sentence.end_char)


def _note(actor: Actor, how: str) -> dict[str, Any]:
    return {"code": actor.code, "name": None, "text": actor.text, "how": how}
