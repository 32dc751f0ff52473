"""Disasters, accidents and ordinary crime are not political events.

"An earthquake killed eight", "six were killed when a chemical plant exploded", "the blast
occurred in a tank": deaths, blasts and damage caused by nature or by accident are not political
violence. :func:`accidental` decides for one mention; :func:`disaster_document` recognises a
report about a disaster, in which events without a known actor are the disaster itself
(evacuations, damage, "exploded", "struck") rather than political events, and in which what the
authorities do about it (:func:`disaster_response`: investigating a crash, declaring an emergency,
mobilising the army to dig people out) is relief work, not politics.
:func:`crime_document` recognises a report about ordinary crime (robbery, smuggling, fraud, drugs),
in which investigations, seizures and charges (:func:`law_enforcement`) are police work on
criminals, not political coercion.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

Token = Any  # spacy.tokens.Token
Doc = Any  # spacy.tokens.Doc

# Causes that make deaths, blasts and damage accidents or disasters, not political violence.
NATURAL_CAUSES = frozenset(
    {
        "earthquake", "quake", "tremor", "flood", "flooding", "tsunami", "volcano", "eruption",
        "storm", "cyclone", "hurricane", "typhoon", "tornado", "rain", "snowfall", "landslide",
        "mudslide", "avalanche", "drought", "heatwave", "lightning", "wildfire", "crash",
        "accident", "collision", "derailment", "leak", "poisoning", "epidemic", "pandemic",
        "stampede", "capsize", "malfunction", "disaster", "spill",
    }
)  # fmt: skip
# Things that kill or explode by accident when they are the subject ("a gas cylinder exploded").
ACCIDENT_SOURCES = NATURAL_CAUSES | frozenset(
    {
        "fire", "blaze", "gas", "chemical", "plant", "factory", "warehouse", "mine", "boiler",
        "cylinder", "fireworks", "tanker", "truck", "bus", "train", "car", "vehicle", "virus",
        "disease", "snow", "weather", "collapse", "building", "bridge", "tree", "tank",
        "bunker", "pipeline", "reactor", "container", "storage", "heat",
    }
)  # fmt: skip
_HARM_ROOTS = frozenset({"18", "19", "20"})


# Substrings at least one of which a disaster report contains (a fast pre-check).
_DOCUMENT_CUES = (*NATURAL_CAUSES, "fires", "blaze", "explo")


def accidental(code: str, subjects: Sequence[Token], sentence: Iterable[Token]) -> bool:
    """Deaths, blasts or damage (CAMEO 18-20, 1712) whose cause is nature or an accident: the
    subject is such a cause, or, with no subject, the sentence names a natural cause."""
    if code[:2] not in _HARM_ROOTS and not code.startswith("1712"):
        return False
    if subjects:
        return any(h.lemma_.lower() in ACCIDENT_SOURCES for h in subjects)
    return any(t.lemma_.lower() in NATURAL_CAUSES for t in sentence)


# Things made to explode: "a car bomb exploded" is an attack, not an accident.
_WEAPONS = frozenset({"bomb", "explosive", "device", "ied", "grenade", "vest", "shell", "rocket"})


def _accident_source(noun: Token) -> bool:
    """ "a gas tank", "the chemical plant": the noun or a modifier of it is an accident source
    (but not "a car bomb": a weapon is never an accident source)."""
    if noun.lemma_.lower() in _WEAPONS:
        return False
    words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))]
    return any(w.lemma_.lower() in ACCIDENT_SOURCES for w in words)


_NAME_ENTS = frozenset({"ORG", "PERSON", "NORP", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"})


def accident_scene(sentence: Iterable[Token]) -> bool:
    """The sentence names an accident source ("an explosion at a fireworks factory"), other
    than as the maker of a weapon ("a car bomb")."""
    return any(
        t.lemma_.lower() in ACCIDENT_SOURCES
        and not (t.dep_ == "compound" and t.head.lemma_.lower() in _WEAPONS)
        for t in sentence
    )


def disaster_document(doc: Doc, text: str | None = None) -> str | None:
    """The word that makes ``doc`` a report about a disaster or accident, or None. ``text`` is
    the document's lower-cased text, when the caller has it already (``Doc.text`` joins every
    token each time it is read)."""
    text = doc.text.lower() if text is None else text
    if not any(word in text for word in _DOCUMENT_CUES):
        return None  # most articles: no need to look at the tokens
    for token in doc:
        if (
            token.lemma_.lower() in NATURAL_CAUSES
            and token.pos_ in ("NOUN", "PROPN", "ADJ")
            and token.ent_type_ not in _NAME_ENTS  # "the Storm Corps", "Operation Tornado"
        ):
            return str(token.text)
        if token.lower_ in ("fires", "wildfires", "blaze"):  # not "opened fire"
            return str(token.text)
        if token.lemma_.lower() == "explode" and any(
            c.dep_ == "nsubj" and _accident_source(c) for c in token.children
        ):
            return str(token.text)
    return None


# What authorities do about a disaster: investigate it (09), mobilise forces to help (150, 154),
# declare an emergency (1724); and words that only ever mean relief after a disaster.
_RESPONSE_CODES = ("09", "150", "154", "1724")
_RESPONSE_WORDS = frozenset({"evacuate", "evacuation", "rescue"})


def disaster_response(code: str, head: Token) -> bool:
    """In a disaster report, an event that is the response to the disaster (see module doc)."""
    return code.startswith(_RESPONSE_CODES) or head.lemma_.lower() in _RESPONSE_WORDS


# Words of ordinary (non-political) crime.
CRIME_WORDS = frozenset(
    {
        "rob", "robbery", "robber", "burglary", "burglar", "theft", "thief", "steal", "heist",
        "smuggle", "smuggling", "smuggler", "trafficking", "trafficker", "fraud", "fraudster",
        "counterfeit", "forgery", "drug", "narcotic", "cocaine", "heroin", "methamphetamine",
        "cannabis", "marijuana", "steroid", "pornography", "poaching", "poacher", "embezzlement",
        "extortion", "scam", "contraband", "bootlegger",
    }
)  # fmt: skip
# Police work on criminals: investigations (09), seizures of goods (171), arrests and charges
# (173), and the bare "intercepted"/"barricaded" kind of obstruction (144).
_ENFORCEMENT_CODES = ("09", "171", "173", "144")
_CRIME_CUES = ("rob", "burgl", "theft", "thie", "steal", "stole", "heist", "smuggl", "traffick",
               "fraud", "counterfeit", "forger", "drug", "narcotic", "cocaine", "heroin",
               "methamphetamine", "cannabis", "marijuana", "steroid", "pornograph", "poach",
               "embezzl", "extortion", "scam", "contraband", "bootleg")  # fmt: skip
# Words that make a report political even when it mentions crime: protest, conflict, politics.
_POLITICAL_WORDS = frozenset(
    {
        "protest", "protester", "demonstration", "demonstrator", "rally", "riot", "activist",
        "opposition", "dissident", "journalist", "militant", "insurgent", "rebel", "terrorist",
        "terrorism", "army", "military", "troop", "soldier", "election", "minister", "party",
        "regime", "coup", "separatist", "jihadist", "militia", "communal", "mob",
    }
)  # fmt: skip


def crime_document(doc: Doc, text: str | None = None) -> str | None:
    """The word that makes ``doc`` a report about ordinary crime, or None: it names a crime and
    nothing political (no protest, armed conflict, party or government figure). ``text``: as for
    :func:`disaster_document`."""
    text = doc.text.lower() if text is None else text
    if not any(cue in text for cue in _CRIME_CUES):
        return None
    lemmas = {t.lemma_.lower() for t in doc}
    if lemmas & _POLITICAL_WORDS:
        return None
    found = sorted(lemmas & CRIME_WORDS)
    return found[0] if found else None


def law_enforcement(code: str) -> bool:
    """Police work that, in a report on ordinary crime, is not a political event."""
    return code.startswith(_ENFORCEMENT_CODES)
