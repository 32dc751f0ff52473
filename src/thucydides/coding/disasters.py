"""Disasters and accidents are not political events.

"An earthquake killed eight", "six were killed when a chemical plant exploded", "the blast
occurred in a tank": deaths, blasts and damage caused by nature or by accident are not political
violence. :func:`accidental` decides for one mention; :func:`disaster_document` recognises a
report about a disaster, in which events without a known actor are the disaster itself
(evacuations, damage, "exploded", "struck") rather than political events.
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


def _accident_source(noun: Token) -> bool:
    """ "a gas tank", "the chemical plant": the noun or a modifier of it is an accident source."""
    words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))]
    return any(w.lemma_.lower() in ACCIDENT_SOURCES for w in words)


def disaster_document(doc: Doc) -> str | None:
    """The word that makes ``doc`` a report about a disaster or accident, or None."""
    text = doc.text.lower()
    if not any(word in text for word in _DOCUMENT_CUES):
        return None  # most articles: no need to look at the tokens
    for token in doc:
        if token.lemma_.lower() in NATURAL_CAUSES and token.pos_ in ("NOUN", "PROPN", "ADJ"):
            return str(token.text)
        if token.lower_ in ("fires", "wildfires", "blaze"):  # not "opened fire"
            return str(token.text)
        if token.lemma_.lower() == "explode" and any(
            c.dep_ == "nsubj" and _accident_source(c) for c in token.children
        ):
            return str(token.text)
    return None
