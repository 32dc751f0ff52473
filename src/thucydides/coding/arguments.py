"""Who did it and to whom: the argument heads of a trigger in the dependency parse.

Each function returns ``(head token, how)`` pairs; the actor resolver turns a head into actors and
``how`` goes into the event's explanation ("nsubj of 'met'", "agent of 'arrested' (passive)").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from thucydides.coding.actors import MESSAGE_NOUNS
from thucydides.dictionaries.actors import default_dictionary

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
            called_on = [  # "called on Israel to begin talks"
                p
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ in ("on", "upon") and prep.i < verb.i
                for p in prep.children
                if p.dep_ == "pobj"
            ]
            objs = [c for c in head.children if c.dep_ in ("dobj", "nsubj") and c.i < verb.i]
            objs = sorted(objs + called_on[:1], key=lambda t: t.i)
            if objs:
                return [(objs[-1], f"object of {head.text!r} controls {verb.text!r}")]
        return [(h, f"{how}, via {head.text!r}") for h, how in subjects_of(head)]
    if dep == "pcomp" and head.lower_ == "of" and head.head.pos_ == "VERB":
        # "accused Rwanda of sending troops": Rwanda is said to send them
        objs = [c for c in head.head.children if c.dep_ == "dobj"]
        if objs:
            return [(objs[0], f"object of {head.head.text!r}, said to be {verb.text!r}")]
    if dep == "acomp":  # "Ghana is ready to ...": the subject of "is"
        return [(h, f"{how}, via {verb.text!r}") for h, how in subjects_of(head)]
    if dep in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return [(h, f"{how}, shared by conjunction") for h, how in subjects_of(head)]
    if dep == "acl" and verb.tag_ == "VBG":
        if head.lemma_.lower() in _DOCUMENT_NOUNS and head.dep_ == "dobj":
            # "the PKK issued a declaration demanding ...": who issued it demands
            return [(h, f"{how}, author of {head.text!r}") for h, how in subjects_of(head.head)]
        return [(head, f"noun modified by participle {verb.text!r}")]
    if dep == "relcl":
        return [(head, f"antecedent of relative clause {verb.text!r}")]
    return found


# Documents that speak for their author: "issued a statement calling for ...".
_DOCUMENT_NOUNS = frozenset(
    {"statement", "declaration", "communique", "letter", "resolution", "message", "report"}
)

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
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.dep_ == "ccomp" and token.head.i in inside:
            # "demanded that India release": the clause is part of the trigger; India is asked
            found.extend(
                (c, f"subject of {token.text!r}, which {token.head.text!r} asks for")
                for c in token.children
                if c.dep_ == "nsubj" and c.i not in exclude
            )
        for child in token.children:
            if child.i in exclude:
                continue
            if child.dep_ == "ccomp" and token.lemma_.lower() in _REQUEST_VERBS:
                # a clause outside the trigger: "insisted that Kenya act" (Kenya)
                # "demanded that India release ...": who is asked to act is the target
                found.extend(
                    (c, f"subject of {child.text!r}, which {token.text!r} asks for")
                    for c in child.children
                    if c.dep_ == "nsubj" and c.i not in exclude
                )
            if (
                child.dep_ == "ccomp"
                and token is tokens[0]
                and token.lemma_.lower() in _ALLEGATION_VERBS
            ):
                # "the report alleged that France armed the militia": France is accused
                found.extend(
                    (c, f"subject of {verb.text!r}, which {token.text!r} alleges")
                    for c, verb in _clause_subjects(child)
                    if c.i not in exclude
                )
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


def owners_of_consumed_objects(
    tokens: Iterable[Token], head: Token, *, between: bool = False
) -> list[Arg]:
    """Recipients of a verbal trigger whose object is part of the trigger words: that object when
    it is a party itself ("allow Kurdish refugees to return"); else the author of the object
    ("rejected an Indian proposal", "accepted the UN plan", "rejected Turkey's calls"), named by a
    possessor, a modifier before it, or "from"/"by"; else the party of an "of" after it ("demanded
    a meeting of the Security Council", "allow the return of UN inspectors"). ``between``: also the
    parties of a "between" after it, when someone else acts on them ("undertook a mediation mission
    between Syria and the PLO"); without a doer they are the doers themselves."""
    found: list[Arg] = []
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    for token in tokens:
        if token is head or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if _is_agent_word(token):
            found.append((token, f"{token.text!r}, the object of the trigger, is a party"))
            continue
        for child in token.children:
            if _owner(child, token):
                found.append((child, f"author of {token.text!r} (the object of the trigger)"))
            elif child.dep_ == "prep" and (
                child.lower_ == "from" or (between and child.lower_ == "between")
            ):
                found.extend(
                    (p, f"object of {child.text!r} after {token.text!r}")
                    for p in child.children
                    if p.dep_ == "pobj"
                )
        found.extend(_doers(token, inside))
    if found:
        return found
    return [arg for token in tokens if token is not head for arg in _of_parties(token, inside)]


def _of_parties(noun: Token, exclude: set[int]) -> list[Arg]:
    """The party of an "of" after a thing ("the rights of Palestinians", "a meeting of the
    Security Council"); when that party has a target preposition of its own ("the withdrawal of
    forces from Panama"), the party after it instead."""
    if noun.pos_ not in ("NOUN", "PROPN") or _may_be_party(noun):
        return []
    if _venue(noun) or (noun.dep_ == "pobj" and noun.head.lower_ in _VENUE_PREPS):
        return []  # a venue: "met on the sidelines of the General Assembly"
    found: list[Arg] = []
    for of in noun.children:
        if of.dep_ != "prep" or of.lower_ != "of":
            continue
        for party in of.children:
            if party.dep_ != "pobj" or party.i in exclude:
                continue
            how = f"object of 'of' after {noun.text!r}"
            further = [
                (q, f"object of {prep.text!r} after {party.text!r}, {how}")
                for prep in party.children
                if prep.dep_ == "prep" and prep.lower_ in _TARGET_PREPS
                for q in prep.children
                if q.dep_ == "pobj" and q.i not in exclude and _may_be_party(q)
            ]
            if further:
                found.extend(further)
            elif _may_be_party(party) or _named_party(party):
                found.append((party, how))
    return found


def _is_agent_word(token: Token) -> bool:
    """A party named by a noun of the actor dictionary or a name, not a message ("refugees",
    "prisoners", "UN inspectors"; not "proposal")."""
    if token.lemma_.lower() in MESSAGE_NOUNS or token.lower_ in MESSAGE_NOUNS:
        return False
    return _may_be_party(token) and token.lower_ not in _PARTY_PRONOUNS


def _owner(child: Token, noun: Token) -> bool:
    """A possessor, or a name or nationality before the noun ("Turkey's efforts", "an Indian
    proposal", "a U.S. request"); not a common modifier ("military offensive", "anti-aircraft")."""
    if child.dep_ == "poss":
        return True
    return (
        child.dep_ in ("amod", "compound", "nmod")
        and child.i < noun.i
        and (child.ent_type_ in _PARTY_ENTS or child.pos_ == "PROPN")
    )


# Prepositions that name whom an event is aimed at when the dictionary entry names no recipient:
# "threatened action against Russia", "sanctions on Iran", "handed over to Britain", "fired at the
# convoy", "cooperate with Kenya", "a withdrawal from Panama", "an inquiry into the army".
_TARGET_PREPS = frozenset(
    {"against", "on", "upon", "at", "to", "toward", "towards", "with", "from", "into", "for"}
)
_PARTY_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
_NOT_PARTY_ENTS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "EVENT", "LAW"}
)
# Verbs whose clause names who is asked to act: "demanded that Israel ease ..." (Israel).
_REQUEST_VERBS = frozenset(
    {"demand", "insist", "urge", "ask", "request", "press", "appeal", "call", "plead", "beg"}
)
# Verbs of allegation: the doer named in what they allege is the one accused.
_ALLEGATION_VERBS = frozenset({"allege", "charge", "contend"})
_PARTY_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "us", "we"})
# "on the sidelines of", "at a session of", "during a visit of": the "of" names a venue or an
# occasion, not a party.
_VENUE_PREPS = frozenset({"on", "at", "in", "during", "amid", "after", "before", "since"})
_VENUE_NOUNS = frozenset(
    {"sideline", "sidelines", "margin", "margins", "eve", "occasion", "session"}
)


def _venue(noun: Token) -> bool:
    return bool(noun.lemma_.lower() in _VENUE_NOUNS or noun.lower_ in _VENUE_NOUNS)


# Nouns whose "that" clause names who is asked to act: "its demand that Israel withdraw".
_DEMAND_NOUNS = frozenset({"demand", "call", "appeal", "request", "ultimatum", "insistence"})


def recipients_of(
    tokens: Sequence[Token],
    specs: Iterable[str],
    exclude: set[int],
    *,
    nominal: bool,
    fallback: bool = True,
) -> list[Arg]:
    """Recipients of the trigger ``tokens`` (its head first), by the first rule that finds any:

    1. the dictionary entry's slots (``dobj``, ``prep:WORD``) and, for a verb, its passive subject;
    2. for a verb, the author of an object that belongs to the trigger ("rejected an Indian plan");
    3. a party after a target preposition (:data:`_TARGET_PREPS`) of the trigger, of a verb it
       governs ("threatened to cut off power to Nakhichevan") or of its object ("threatened further
       action against Russia");
    4. the owner of the trigger's object ("will support Turkey's bid").

    Rules 3 and 4 (and the content of a nominal demand) are weaker evidence: ``fallback=False``
    (an event whose parse names no doer) keeps to rules 1 and 2.
    """
    head = tokens[0]
    specs = tuple(specs)
    named = objects_of(tokens, specs, exclude)
    named += [d for d in _datives(tokens) if all(d[0].i != h.i for h, _ in named)]
    if not nominal:
        named = patients_of(head) + named
    found = [(h, how) for h, how in named if _may_be_party(h)]
    if found:
        return found
    if not nominal and not named:
        found = owners_of_consumed_objects(tokens, head, between=fallback)
        if found:
            return found
    if not fallback:
        return named
    scope = _scope(tokens, exclude)
    found = _prepositional_targets(scope, exclude)
    if found:
        return found
    objects = [noun for noun in scope if noun.dep_ == "dobj" and noun.i not in exclude]
    found = [
        (child, f"owner of {noun.text!r}, the object of {noun.head.text!r}")
        for noun in objects
        for child in noun.children
        if _owner(child, noun)
    ]
    found += [  # "violated a ban by the general"
        (h, f"{deed}, the object of {noun.head.text!r}")
        for noun in objects
        for h, deed in _doers(noun, exclude)
    ]
    if found:
        return found
    found = _conditions(scope, exclude)
    if found:
        return found
    if nominal and head.dep_ == "dobj":  # "reiterated its demand that Israel ease ...": Israel
        return [
            (c, f"subject of {clause.text!r}, the content of {head.text!r}")
            for clause in head.head.children
            if clause.dep_ == "ccomp"
            for c in clause.children
            if c.dep_ == "nsubj" and _may_be_party(c)
        ]
    return named  # heads the resolver may still know ("the envoy")


def _clause_subjects(clause: Token) -> list[tuple[Token, Token]]:
    """Active subjects of a clause and of the clauses joined to it ("that France knew ... and
    that its military took part"), each with its verb."""
    clauses = [clause, *(c for c in clause.children if c.dep_ == "conj")]
    return [(c, verb) for verb in clauses for c in verb.children if c.dep_ == "nsubj"]


def _datives(tokens: Sequence[Token]) -> list[Arg]:
    """The indirect object, whatever slots the entry names: "gave Tanzania a grant"."""
    return [
        (child, f"indirect object of {token.text!r}")
        for token in tokens
        for child in token.children
        if child.dep_ == "dative" and child.pos_ != "ADP"
    ]


def _scope(tokens: Sequence[Token], exclude: set[int]) -> list[Token]:
    """The trigger's words, the verbs it governs through "to" (xcomp), and their objects."""
    scope: dict[int, Token] = {t.i: t for t in tokens}
    frontier = list(tokens)
    for _ in range(2):
        nxt = []
        for token in frontier:
            for child in token.children:
                if child.i in scope:
                    continue
                if child.dep_ == "xcomp" or (child.dep_ == "dobj" and child.i not in exclude):
                    scope[child.i] = child
                    nxt.append(child)
        frontier = nxt
    return [scope[i] for i in sorted(scope)]


def _prepositional_targets(
    scope: Sequence[Token], exclude: set[int], *, depth: int = 0
) -> list[Arg]:
    """Parties after a target preposition of the ``scope`` words; when the object of the
    preposition is a thing, its owner ("riots against Israeli policies"), its doer ("an inquiry
    into crimes committed by the army") or the party of an "of" after it ("hack into the computers
    of Korean officers"). Failing these, the party of an "of" after a thing in the scope ("defended
    the rights of Palestinians") and, one level down, a target preposition after the object of any
    preposition ("mobilized reservists for a war against Iraq")."""
    found: list[Arg] = []
    things: list[tuple[Token, str]] = []
    for token in scope:
        for prep in token.children:
            if prep.dep_ not in ("prep", "dative"):
                continue
            target = prep.lower_ in _TARGET_PREPS
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.i in exclude:
                    continue
                how = f"object of {prep.text!r} after {token.text!r}"
                if target and _may_be_party(obj):
                    found.extend(_demand_content(obj, exclude) or [(obj, how)])
                    continue
                if target:
                    found.extend(
                        (c, f"owner of {obj.text!r}, {how}") for c in obj.children if _owner(c, obj)
                    )
                    found.extend((h, f"{deed}, {how}") for h, deed in _doers(obj, exclude))
                    found.extend(
                        (p, f"object of 'of' after {obj.text!r}, {how}")
                        for of in obj.children
                        if of.dep_ == "prep" and of.lower_ == "of" and not _venue(obj)
                        for p in of.children
                        if p.dep_ == "pobj" and (_may_be_party(p) or _named_party(p))
                    )
                if not _may_be_party(obj):
                    things.append((obj, how))
    if found or depth:
        return found
    found = _governed_objects(scope, exclude)
    if found:
        return found
    found = [arg for token in scope for arg in _of_parties(token, exclude)]
    if found:
        return found
    for obj, how in things:
        found.extend(
            (h, f"{deeper}, within {how}")
            for h, deeper in _prepositional_targets([obj], exclude, depth=1)
        )
        if found:
            break
    return found


def _governed_objects(scope: Sequence[Token], exclude: set[int]) -> list[Arg]:
    """A named party as the object of a verb the trigger governs ("refused to recognise Kosovo",
    "agreed to free Palestinian prisoners"), or as the subject of an infinitive after a verb of
    letting or making ("refused to allow UN planes to land")."""
    found: list[Arg] = []
    for verb in scope:
        if verb.pos_ != "VERB":
            continue
        for child in verb.children:
            if child.i in exclude:
                continue
            if child.dep_ == "dobj" and verb.i not in exclude:
                how = f"object of {verb.text!r}"
                found.extend((o, how) for o in (child,) if _named_party(o))
            elif child.dep_ == "ccomp" and verb.lemma_.lower() in _OBJECT_CONTROL:
                found.extend(
                    (s, f"subject of {child.text!r} after {verb.text!r}")
                    for s in child.children
                    if s.dep_ == "nsubj" and s.i not in exclude and _named_party(s)
                )
    for token in scope:  # "insisted on its demands that Burundi's government grant ...": Burundi
        for noun in [c for c in token.children if c.dep_ == "dobj"] + [
            p for prep in token.children if prep.dep_ == "prep" for p in prep.children
        ]:
            if noun.dep_ in ("dobj", "pobj"):
                found.extend(_demand_content(noun, exclude))
    return found


def _demand_content(noun: Token, exclude: set[int]) -> list[Arg]:
    """Whom a demand is made of: the subject of its "that" clause ("its demand that Benin free
    the men": Benin)."""
    if noun.lemma_.lower() not in _DEMAND_NOUNS and noun.lower_ not in _DEMAND_NOUNS:
        return []
    return [
        (s, f"subject of {clause.text!r}, the content of {noun.text!r}")
        for clause in noun.children
        if clause.dep_ in ("acl", "ccomp") and clause.pos_ in ("VERB", "AUX")
        for s in clause.children
        if s.dep_ == "nsubj" and s.i not in exclude and _may_be_party(s)
    ]


def _conditions(scope: Sequence[Token], exclude: set[int]) -> list[Arg]:
    """Who must act to avert a threat: "threatened a strike unless Israel rescinded ..."."""
    return [
        (s, f"subject of {clause.text!r}, the condition of {verb.text!r}")
        for verb in scope
        for clause in verb.children
        if clause.dep_ == "advcl" and any(m.lower_ == "unless" for m in clause.children)
        for s in clause.children
        if s.dep_ == "nsubj" and s.i not in exclude and _may_be_party(s)
    ]


def _named_party(token: Token) -> bool:
    """A party with a name, or with one before it ("Kosovo", "UN planes", "Palestinian
    prisoners"), not a bare "troops" (whose side the sentence does not say)."""
    if token.lower_ in _PARTY_PRONOUNS or token.ent_type_ in _NOT_PARTY_ENTS:
        return False
    if token.ent_type_ in _PARTY_ENTS or token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and any(_owner(c, token) for c in token.children)


def _doers(deed: Token, exclude: set[int]) -> list[Arg]:
    """Who did a deed named by a noun: "crimes by extremists", "abuses committed by the army"."""
    preps = [c for c in deed.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
    for participle in deed.children:
        if participle.dep_ == "acl" and participle.tag_ == "VBN":
            preps.extend(c for c in participle.children if c.dep_ == "agent")
    return [
        (p, f"doer of {deed.text!r}")
        for prep in preps
        for p in prep.children
        if p.dep_ == "pobj" and p.i not in exclude and (_may_be_party(p) or _named_party(p))
    ]


def _may_be_party(token: Token) -> bool:
    """A name, a nationality, a pronoun or a word of the actor dictionary ("troops", "police"),
    or a message that stands for its author ("rejected Ethiopia's decision")."""
    if token.ent_type_ in _NOT_PARTY_ENTS:
        return False
    if token.ent_type_ in _PARTY_ENTS or token.pos_ == "PROPN" or token.lower_ in _PARTY_PRONOUNS:
        return True
    if token.lemma_.lower() in MESSAGE_NOUNS:
        return True
    d = default_dictionary()
    return d.lookup(token.text) is not None or d.lookup(token.lemma_) is not None
