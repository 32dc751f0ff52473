"""Who did it and to whom: the argument heads of a trigger in the dependency parse.

Each function returns ``(head token, how)`` pairs; the actor resolver turns a head into actors and
``how`` goes into the event's explanation ("nsubj of 'met'", "agent of 'arrested' (passive)").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Token = Any  # spacy.tokens.Token
Arg = tuple[Token, str]

_SUBJECTS = ("nsubj", "csubj")
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
# Verbs whose object controls the infinitive: "urged Syria to withdraw" -> Syria withdraws.
_OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "call",
        "press",
        "invite",
        "force",
        "order",
        "tell",
        "encourage",
        "persuade",
        "allow",
        "help",
        "push",
        "compel",
    }
)
_LIGHT_NOUN_VERBS = frozenset(
    {
        "launch",
        "hold",
        "stage",
        "carry",
        "conduct",
        "begin",
        "start",
        "mount",
        "make",
        "organize",
        "organise",
        "lead",
        "host",
        "resume",
        "open",
        "continue",
        "order",
        "announce",
        "impose",
        "sign",
        "reach",
        "issue",
        "file",
        "level",
    }
)
OCCURRENCE_VERBS = frozenset(
    {
        "break",
        "erupt",
        "take",
        "happen",
        "occur",
        "continue",
        "begin",
        "start",
        "spread",
        "hold",
        "resume",
        "end",
        "follow",
        "come",
        "kill",
        "injure",
        "wound",
        "leave",
    }
)


def subjects_of(verb: Token) -> list[Arg]:
    """Agents of a verbal trigger: its subject, the agent of a passive, or the controller above it."""
    if verb.lemma_.lower() in DEATH_VERBS:  # "died in police firing": the firing's doer
        return _cause_agents(verb)
    found: list[Arg] = []
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                found.append((verb.head, f"antecedent of relative {child.text!r}"))
            else:
                found.append((child, f"subject of {verb.text!r}"))
        elif child.dep_ == "agent":
            found.extend(
                (p, f"agent of passive {verb.text!r}") for p in child.children if p.dep_ == "pobj"
            )
    if found:
        return found
    found = _cause_agents(verb)
    if found:
        return found
    dep, head = verb.dep_, verb.head
    if head is verb:
        return found
    if dep == "xcomp":
        if head.lemma_.lower() in _OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in ("dobj", "nsubj") and c.i < verb.i]
            if objs:
                return [(objs[-1], f"object of {head.text!r} controls {verb.text!r}")]
        return [(h, f"{how}, via {head.text!r}") for h, how in subjects_of(head)]
    if dep == "acomp":  # "Ghana is ready to ...": the subject of "is"
        return [(h, f"{how}, via {verb.text!r}") for h, how in subjects_of(head)]
    if dep in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return [(h, f"{how}, shared by conjunction") for h, how in subjects_of(head)]
    if dep == "acl" and verb.tag_ == "VBG":
        return [(head, f"noun modified by participle {verb.text!r}")]
    if dep == "relcl":
        return [(head, f"antecedent of relative clause {verb.text!r}")]
    return found


# "killed in police firing", "died in an army raid": the attack named in an "in" phrase of the
# verb; whoever it is attributed to did it.
CAUSE_NOUNS = frozenset(
    {
        "firing", "fire", "shooting", "attack", "raid", "clash", "blast", "bombing", "crossfire",
        "encounter", "airstrike", "strike", "shelling", "assault", "action", "operation",
        "crackdown", "lathicharge", "lathi-charge", "ambush", "custody",
    }
)  # fmt: skip


def _cause_agents(verb: Token) -> list[Arg]:
    found: list[Arg] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "by"):
            continue
        for cause in prep.children:
            if cause.dep_ != "pobj":
                continue
            if cause.lemma_.lower() in CAUSE_NOUNS or cause.lower_ in CAUSE_NOUNS:
                found.extend(
                    (h, f"{how}, the cause of {verb.text!r}") for h, how in nominal_actors(cause)
                )
            elif any(c.dep_ == "acl" and c.lemma_.lower() in _CAUSE_VERBS for c in cause.children):
                # "in police firing" parsed as "police" modified by the participle "firing"
                found.append((cause, f"doer of the firing that caused {verb.text!r}"))
    return found


DEATH_VERBS = frozenset({"die", "perish"})
_CAUSE_VERBS = frozenset({"fire", "firing", "shoot", "shell", "bomb"})


def patients_of(verb: Token) -> list[Arg]:
    """The affected party of a passive verb ("X was arrested") or a passive participle."""
    deps = ("nsubjpass", "nsubj") if verb.lemma_.lower() in DEATH_VERBS else ("nsubjpass",)
    found = [(c, f"passive subject of {verb.text!r}") for c in verb.children if c.dep_ in deps]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found.append((verb.head, f"noun modified by participle {verb.text!r}"))
    return found


def objects_of(tokens: Iterable[Token], specs: Iterable[str], exclude: set[int]) -> list[Arg]:
    """Recipients named by the dictionary entry: ``dobj`` or ``prep:WORD`` (pobj of that word)."""
    found: list[Arg] = []
    specs = tuple(specs)
    for token in tokens:
        if token.dep_ == "ccomp":
            # "demanded that India release ...": who is asked to act is the target
            found.extend(
                (c, f"subject of {token.text!r}, which {token.head.text!r} asks for")
                for c in token.children
                if c.dep_ == "nsubj" and c.i not in exclude
            )
        for child in token.children:
            if child.i in exclude:
                continue
            if child.dep_ in ("dobj", "dative") and "dobj" in specs:
                if child.dep_ == "dative" and child.pos_ == "ADP":
                    found.extend(
                        (p, f"object of {child.text!r}") for p in child.children if p.dep_ == "pobj"
                    )
                else:
                    found.append((child, f"object of {token.text!r}"))
            elif child.dep_ in ("prep", "agent", "dative") and f"prep:{child.lower_}" in specs:
                found.extend(
                    (p, f"object of {child.text!r} after {token.text!r}")
                    for p in child.children
                    if p.dep_ == "pobj"
                )
    return found


def nominal_actors(noun: Token) -> list[Arg]:
    """Agents of a nominal trigger: "Russia's attack", "Turkish strikes", "talks between A and B",
    "an attack by militants", "X launched an operation", "Syria, Russia and Turkey in first meeting"."""
    found: list[Arg] = []
    for child in noun.children:
        if child.dep_ == "poss":
            found.append((child, f"possessor of {noun.text!r}"))
        elif child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i:
            found.append((child, f"modifier of {noun.text!r}"))
        elif child.dep_ in ("prep", "agent") and child.lower_ in ("by", "between", "among", "from"):
            found.extend(
                (p, f"object of {child.text!r} after {noun.text!r}")
                for p in child.children
                if p.dep_ == "pobj"
            )
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        found.extend(
            (h, f"{how} (the verb governing {noun.text!r})") for h, how in subjects_of(noun.head)
        )
    elif (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("in", "at")
        and noun.head.head.pos_ in ("PROPN", "NOUN")
    ):
        holder = noun.head.head
        found.append((holder, f"headline: {holder.text!r} in {noun.text!r}"))
    return found


def is_light_object(noun: Token) -> bool:
    """A nominal trigger that is the object of a light verb ("launched an attack")."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in _LIGHT_NOUN_VERBS


def owners_of_consumed_objects(tokens: Iterable[Token], head: Token) -> list[Arg]:
    """Recipients of a verbal trigger whose object is part of the trigger words ("rejected an
    Indian proposal", "accepted the UN plan", "rejected Turkey's calls"): the author of that object,
    named by a possessor, a modifier before it, or "from"/"by"."""
    found: list[Arg] = []
    for token in tokens:
        if token is head or token.pos_ not in ("NOUN", "PROPN"):
            continue
        for child in token.children:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.i < token.i):
                found.append((child, f"author of {token.text!r} (the object of the trigger)"))
            elif child.dep_ == "prep" and child.lower_ in ("from", "by"):
                found.extend(
                    (p, f"object of {child.text!r} after {token.text!r}")
                    for p in child.children
                    if p.dep_ == "pobj"
                )
    return found
