"""Conventional or unconventional violence: CAMEO 19 (fighting between armed forces) versus 18
(bombings, and violence by irregular or unidentified attackers or against civilians).

Words like "killed", "attacked", "opened fire" carry the generic code 190 in the trigger
dictionary; :func:`refine_violence` decides from the sentence and the resolved actors whether
CAMEO's rules make it a bombing (183, 1831 suicide), unconventional violence (180), or leave
it conventional (190).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from thucydides.models import Actor

Token = Any  # spacy.tokens.Token

GENERIC_VIOLENCE = frozenset({"190"})
BOMB_WORDS = frozenset(
    {
        "bomb", "bomber", "bombing", "explosive", "ied", "grenade", "blast", "explosion",
        "detonate", "detonation", "car-bomb", "landmine", "mine",
    }
)  # fmt: skip
SUICIDE_WORDS = frozenset({"suicide"})
CIVILIAN_WORDS = frozenset(
    {
        "civilian", "villager", "resident", "people", "person", "woman", "child", "children",
        "worshipper", "tourist", "passenger", "farmer", "student", "teacher", "shopkeeper",
        "community", "family", "man", "boy", "girl", "pilgrim", "driver", "trader",
    }
)  # fmt: skip
IRREGULAR_WORDS = frozenset(
    {
        "gunman", "gunmen", "militant", "terrorist", "assailant", "attacker", "unidentified",
        "unknown", "suspected", "bandit", "jihadist", "insurgent", "extremist", "herdsman",
    }
)  # fmt: skip
_IRREGULAR_SECTORS = frozenset({"UAF", "INS", "RAD", "REB", "CRM", "SEP"})
_FORCE_SECTORS = frozenset({"MIL", "REB", "INS", "SEP"})


def refine_violence(
    code: str,
    sentence: Iterable[Token],
    actors: Sequence[Actor],
    recipients: Sequence[Actor],
    recipient_words: Iterable[Token] = (),
) -> tuple[str, str | None]:
    """The refined code and the reason, or ``(code, None)`` when it stays as it is."""
    if code not in GENERIC_VIOLENCE:
        return code, None
    lemmas = {t.lemma_.lower() for t in sentence}
    if lemmas & BOMB_WORDS:
        cue = sorted(lemmas & BOMB_WORDS)[0]
        if lemmas & SUICIDE_WORDS:
            return "1831", f"suicide bombing: the sentence says 'suicide' and {cue!r}"
        return "183", f"bombing: the sentence says {cue!r}"
    targets = {s for a in recipients for s in a.sectors}
    civilians = "CVL" in targets or any(t.lemma_.lower() in CIVILIAN_WORDS for t in recipient_words)
    if civilians and not targets & _FORCE_SECTORS:
        return "180", "violence against civilians"
    sides = {s for a in actors for s in a.sectors}
    if sides & _IRREGULAR_SECTORS and not (targets & _FORCE_SECTORS):
        return "180", "attack by an irregular armed group, not on armed forces"
    if not actors and lemmas & IRREGULAR_WORDS and not (targets & _FORCE_SECTORS):
        return "180", "attack by unidentified or irregular attackers"
    return code, None
