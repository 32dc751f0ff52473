"""Violence refinements. Conventional or unconventional violence: CAMEO 19 (fighting between armed forces) versus 18
(bombings, and violence by irregular or unidentified attackers or against civilians).

Words like "killed", "attacked", "opened fire" carry the generic code 190 in the trigger
dictionary (and "destroyed" 1712, which aircraft or artillery make 195 or 194); :func:`refine_violence` decides from the sentence and the resolved actors whether
CAMEO's rules make it a bombing (183, 1831 suicide), an attack with chemical weapons (2041),
from the air (195) or with artillery and rockets (194), unconventional violence (180), or
leave it conventional (190). :func:`refine_protest` makes a demonstration reported with violence in
the same sentence a violent protest (145).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

from thucydides.models import Actor

Token = Any  # spacy.tokens.Token

GENERIC_VIOLENCE = frozenset({"190"})
# destroying property with aircraft or artillery is an attack from the air / with artillery
_WEAPON_REFINED = GENERIC_VIOLENCE | {"1712"}
BOMB_WORDS = frozenset(
    {
        "bomb", "bomber", "bombing", "explosive", "ied", "grenade", "blast", "explosion",
        "detonate", "detonation", "car-bomb", "landmine", "mine",
    }
)  # fmt: skip
SUICIDE_WORDS = frozenset({"suicide"})
# weapons that make generic violence an attack from the air (195), with artillery, rockets or
# tanks (194), or with chemical weapons (2041); words of two tokens are matched as a pair
AERIAL_WORDS = frozenset(
    {"airstrike", "air strike", "air raid", "warplane", "gunship", "drone strike", "air-strike",
     "jet", "fighter jet", "aerial bombardment"}
)  # fmt: skip
ARTILLERY_WORDS = frozenset(
    {"artillery", "shell", "shelling", "mortar", "rocket", "missile", "howitzer", "katyusha",
     "tank fire", "grad rocket", "rocket fire", "multiple rocket"}
)  # fmt: skip
CHEMICAL_WORDS = frozenset(
    {"chlorine", "sarin", "mustard gas", "nerve agent", "chemical weapon", "chemical attack",
     "poison gas", "poisonous gas", "toxic gas"}
)  # fmt: skip
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
# Words that show armed forces on the receiving end: then it is fighting (19), not 18.
MILITARY_TARGET_WORDS = frozenset(
    {
        "soldier", "troop", "army", "military", "base", "checkpoint", "patrol", "convoy",
        "position", "garrison", "outpost", "barracks", "force", "police", "policeman",
        "gendarme", "militant", "fighter", "rebel", "insurgent", "tank", "frontline", "front",
    }
)  # fmt: skip
_FIGHT_WORDS = frozenset(
    {"clash", "fight", "fighting", "battle", "skirmish", "gunfight", "firefight", "counterattack",
     "counter-attack", "counteroffensive", "engage"}
)  # fmt: skip
_IRREGULAR_SECTORS = frozenset({"UAF", "INS", "RAD", "REB", "CRM", "SEP"})
_FORCE_SECTORS = frozenset({"MIL", "REB", "INS", "SEP"})


PROTEST_VIOLENCE_WORDS = frozenset(
    {
        "violent", "violence", "violently", "clash", "rock", "stone", "firework", "ablaze",
        "torch", "loot", "looting", "vandalize", "vandalise", "vandalism", "smash", "riot",
        "rioter", "rioting", "molotov", "petrol", "firebomb", "arson", "battle", "brawl",
        "set", "burn", "stone-pelting", "pelt",
    }
)  # fmt: skip


def refine_protest(code: str, sentence: Iterable[Token]) -> tuple[str, str | None]:
    """A demonstration (CAMEO 14x) reported with violence in the same sentence ("protests
    turned violent", "protesters threw rocks") is a violent protest, CAMEO 145."""
    if code[:2] != "14" or code.startswith("145"):
        return code, None
    words = [t for t in sentence if t.lemma_.lower() in PROTEST_VIOLENCE_WORDS]
    if any(t.lemma_.lower() == "set" for t in words):  # only "set fire", "set ablaze"
        words = [
            t
            for t in words
            if t.lemma_.lower() != "set"
            or any(c.lemma_.lower() in ("fire", "ablaze") for c in t.children)
        ]
    words = [t for t in words if not _denounced(t) and not _without(t)]
    if not words:
        return code, None
    return "145", f"violent protest: the sentence says {words[0].text!r}"


_ABSENCE = frozenset({"no", "without", "non"})


def _without(word: Token) -> bool:
    """The violence word says there was none: "a violence-free march", "a non-violent sit-in",
    "protested without violence", "no violence was reported"."""
    doc = word.doc
    left = [t.lower_ for t in doc[max(0, word.i - 2) : word.i] if t.lower_ != "-"]
    right = [t.lower_ for t in doc[word.i + 1 : word.i + 3] if t.lower_ != "-"]
    return bool(left and left[-1] in _ABSENCE) or bool(right and right[0] == "free")


# Verbs and prepositions whose object is what a protest is *about*: "marched to denounce
# violence", "took to the streets to decry the violence", "a rally against police violence".
_DENOUNCING = frozenset(
    {"denounce", "decry", "condemn", "protest", "oppose", "against", "over", "mourn", "end",
     "stop", "demand", "blame", "criticize", "criticise"}
)  # fmt: skip


def _denounced(word: Token) -> bool:
    """The violence word is what the protest denounces, not what the protesters did."""
    token = word
    for _ in range(4):
        if token.head is token or token.dep_ not in ("dobj", "pobj", "conj", "compound", "amod"):
            return False
        token = token.head
        if token.lemma_.lower() in _DENOUNCING:
            return True
    return False


PROTESTER_WORDS = frozenset(
    {"protester", "protestor", "demonstrator", "rioter", "marcher", "picketer"}
)
_CLASH_WORDS = frozenset({"clash", "scuffle", "skirmish", "brawl"})


def protest_clash(code: str, trigger: Token, argument_words: Iterable[Token]) -> bool:
    """ "Rioters clashed with troops": a clash in which one side is protesters is a violent
    protest (145), not fighting between armed forces (unless the police are the other side)."""
    if code not in GENERIC_VIOLENCE or trigger.lemma_.lower() not in _CLASH_WORDS:
        return False
    words = list(argument_words)
    words += [c for w in words for c in w.children if c.dep_ == "conj"]
    lemmas = {w.lemma_.lower() for w in words}
    # with the police on the other side it is also the police using force: left as violence
    return bool(lemmas & PROTESTER_WORDS) and not lemmas & _POLICE_WORDS


_POLICE_WORDS = frozenset({"police", "policeman", "policemen", "cop", "constable", "gendarme"})
MOB_WORDS = frozenset({"mob", "rioter", "vigilante", "lynch mob"})
_MOB_CODES = frozenset({"190", "1823"})


def mob_violence(code: str, actor_words: Iterable[Token]) -> bool:
    """ "A mob lynched the suspect", "rioters fought with the guards": violence done by a mob
    or rioters is a riot (CAMEO 145), not an armed attack."""
    if code not in _MOB_CODES:
        return False
    words = list(actor_words)
    words += [c for w in words for c in w.children if c.dep_ == "conj"]
    return any(w.lemma_.lower() in MOB_WORDS for w in words)


def refine_violence(
    code: str,
    sentence: Iterable[Token],
    actors: Sequence[Actor],
    recipients: Sequence[Actor],
    recipient_words: Iterable[Token] = (),
    scope: Iterable[Token] | None = None,
    trigger: Token | None = None,
) -> tuple[str, str | None]:
    """The refined code and the reason, or ``(code, None)`` when it stays as it is. Armed forces
    on the receiving end are looked for in ``scope`` (the event's clause without its doers),
    else in the whole sentence."""
    if code not in _WEAPON_REFINED:
        return code, None
    words = list(sentence)
    lemmas = {t.lemma_.lower() for t in words}
    pairs = {f"{a.lemma_.lower()} {b.lemma_.lower()}" for a, b in pairwise(words)}
    generic = code in GENERIC_VIOLENCE
    if generic and lemmas & BOMB_WORDS and lemmas & SUICIDE_WORDS:
        cue = sorted(lemmas & BOMB_WORDS)[0]
        return "1831", f"suicide bombing: the sentence says 'suicide' and {cue!r}"
    for found, refined, kind in (
        ((lemmas | pairs) & CHEMICAL_WORDS if generic else set(), "2041", "chemical weapons"),
        ((lemmas | pairs) & AERIAL_WORDS, "195", "attack from the air"),
        ((lemmas | pairs) & ARTILLERY_WORDS, "194", "artillery or rocket fire"),
    ):
        if found:
            return refined, f"{kind}: the sentence says {sorted(found)[0]!r}"
    if not generic:
        return code, None
    if trigger is not None and trigger.lemma_.lower() in _FIGHT_WORDS:
        return code, None  # a clash or a battle has armed sides: conventional fighting
    if lemmas & BOMB_WORDS:
        cue = sorted(lemmas & BOMB_WORDS)[0]
        return "183", f"bombing: the sentence says {cue!r}"
    targets = {s for a in recipients for s in a.sectors}
    civilians = "CVL" in targets or any(t.lemma_.lower() in CIVILIAN_WORDS for t in recipient_words)
    around = lemmas if scope is None else {t.lemma_.lower() for t in scope}
    if civilians and not targets & _FORCE_SECTORS and not around & MILITARY_TARGET_WORDS:
        return "180", "violence against civilians"
    if targets & _FORCE_SECTORS or around & MILITARY_TARGET_WORDS:
        return code, None  # fighting between armed forces stays conventional
    sides = {s for a in actors for s in a.sectors}
    if sides & _IRREGULAR_SECTORS:
        return "180", "attack by an irregular armed group, not on armed forces"
    if not actors and lemmas & IRREGULAR_WORDS:
        return "180", "attack by unidentified or irregular attackers"
    return code, None
