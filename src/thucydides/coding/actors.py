"""Resolve an argument phrase of the dependency parse into actors (country + sectors, CAMEO style).

``resolve_actors(head)`` takes the head token of an argument (found by the event coder) and reads
the phrase it heads: compounds, adjectives, possessives, appositions, flat names, of-objects.
Surface forms are matched against the actor dictionaries (longest match first) and combined:

* a person named by the head (or its apposition) → the person's role on ``when``;
* a named group or organisation → its code ("Hamas fighters" → PSEREB, "UN chief" → IGOUNO);
* otherwise countries × sectors: one actor per country ("ministers of Syria, Turkey and Russia");
  a seat of government as head means the government ("Ankara" → TURGOV); no country → "---" prefix.

Conjoined heads ("Syria, Turkey and Russia") are expanded when ``head`` is the first conjunct.
Pronouns and non-political phrases give ``[]``. Rules and choices: docs/dictionaries-actors.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from thucydides.dictionaries.actors import (
    ActorDictionary,
    Agent,
    Country,
    Entry,
    Group,
    Person,
    default_dictionary,
)
from thucydides.models import Actor

Token = Any  # spacy.tokens.Token (spaCy ships no type stubs)

UNKNOWN_COUNTRY = "---"
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "flat", "appos", "nn", "case"})
_PREPS = frozenset({"of", "from"})
# "US-backed", "Iran-led": the country backs the actor, it is not the actor's country.
_BACKER_LEMMAS = frozenset(
    {
        "back",
        "lead",
        "sponsor",
        "fund",
        "support",
        "ally",
        "align",
        "arm",
        "base",
        "train",
        "broker",
    }
)
# "millions of Syrian refugees": the actor is the object of "of".
_QUANTITY_LEMMAS = frozenset(
    {
        "million",
        "thousand",
        "hundred",
        "dozen",
        "number",
        "group",
        "member",
        "some",
        "many",
        "all",
        "most",
        "part",
        "majority",
        "minority",
        "score",
        "handful",
    }
)
_NOT_ACTOR_ENTS = frozenset(
    {
        "GPE",
        "LOC",
        "FAC",
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "CARDINAL",
        "ORDINAL",
        "EVENT",
        "LAW",
        "LANGUAGE",
        "WORK_OF_ART",
        "PRODUCT",
    }
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "mr.", "mrs.", "ms.", "dr."})


@dataclass(frozen=True, slots=True)
class _Match:
    entry: Entry
    first: int  # token index
    last: int  # token index, inclusive


@dataclass(slots=True)
class _Phrase:
    tokens: list[Token]
    appos: set[int]  # token indices inside an apposition of the head


def resolve_actors(
    head: Token, *, when: dt.date | None = None, dictionary: ActorDictionary | None = None
) -> list[Actor]:
    """Actors of the phrase headed by ``head``; ``when`` selects people's roles (None: latest)."""
    dictionary = dictionary or default_dictionary()
    heads = [head]
    if head.dep_ != "conj":
        heads.extend(t for t in head.conjuncts if t.i > head.i)
    actors: list[Actor] = []
    for h in heads:
        for actor in _resolve_one(h, when, dictionary):
            if actor not in actors:
                actors.append(actor)
    return actors


def _resolve_one(head: Token, when: dt.date | None, d: ActorDictionary) -> list[Actor]:
    if head.pos_ == "PRON":
        return []
    if head.lemma_.lower() in _QUANTITY_LEMMAS and not _in_match_word(head, d):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return resolve_actors(obj, when=when, dictionary=d)
        return []
    phrase = _gather(head)
    matches = _match(phrase.tokens, d)
    return _combine(head, phrase, matches, when, d)


def _in_match_word(token: Token, d: ActorDictionary) -> bool:
    return d.lookup(token.text) is not None or d.lookup(token.lemma_) is not None


def _gather(head: Token) -> _Phrase:
    """The head and its modifiers (not relative clauses, other prepositions or verbs)."""
    tokens: dict[int, Token] = {head.i: head}
    appos: set[int] = set()

    def visit(tok: Token, is_head: bool, in_appos: bool) -> None:
        for child in tok.children:
            dep = child.dep_
            if dep in _MODIFIER_DEPS or (dep in ("conj", "cc") and not is_head):
                if _is_backer(child):
                    continue
                sub_appos = in_appos or dep == "appos"
                tokens[child.i] = child
                if sub_appos:
                    appos.add(child.i)
                visit(child, False, sub_appos)
            elif dep == "punct" and child.text in ("-", "–") and not is_head:
                tokens[child.i] = child
            elif dep == "prep" and child.lower_ in _PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        tokens[child.i] = child
                        tokens[obj.i] = obj
                        visit(obj, False, in_appos)

    visit(head, True, False)
    return _Phrase([tokens[i] for i in sorted(tokens)], appos)


def _is_backer(token: Token) -> bool:
    if token.lemma_.lower() not in _BACKER_LEMMAS:
        return False
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text in ("-", "–")


def _match(tokens: list[Token], d: ActorDictionary) -> list[_Match]:
    """Longest dictionary matches over runs of adjacent phrase tokens, left to right."""
    runs: list[list[Token]] = []
    for tok in tokens:
        if runs and runs[-1][-1].i == tok.i - 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    out: list[_Match] = []
    for run in runs:
        i = 0
        while i < len(run):
            found = None
            for length in range(min(d.max_tokens, len(run) - i), 0, -1):
                first, last = run[i], run[i + length - 1]
                if first.is_punct or last.is_punct:
                    continue
                before = "".join(t.text_with_ws for t in run[i : i + length - 1])
                entry = d.lookup(before + last.text)
                if entry is None and last.lemma_ and last.lemma_ != last.text:
                    entry = d.lookup(before + last.lemma_)
                    if entry is not None and entry.kind != "agent":
                        entry = None  # lemmas only for common nouns ("soldiers" → "soldier")
                if entry is not None:
                    found = _Match(entry, first.i, last.i)
                    i += length
                    break
            if found is None:
                i += 1
            else:
                out.append(found)
    return out


def _combine(
    head: Token, phrase: _Phrase, matches: list[_Match], when: dt.date | None, d: ActorDictionary
) -> list[Actor]:
    head_match = next((m for m in matches if m.first <= head.i <= m.last), None)
    span = _span(phrase.tokens)

    def actor(code: str, country: str | None, sectors: tuple[str, ...], name: str | None) -> Actor:
        return Actor(code, country, sectors, name, span[0], span[1], span[2])

    # 1. a person named by the head or its apposition
    for m in matches:
        if m.entry.kind == "person" and (m is head_match or m.first in phrase.appos):
            assert isinstance(m.entry.ref, Person)
            return [_person_actor(m.entry.ref, when, actor)]

    # 2. a named group or organisation (unless the head is a country or a person)
    groups = [m for m in matches if m.entry.kind == "group"]
    named = [m for m in groups if isinstance(m.entry.ref, Group) and m.entry.ref.kind != "ethnic"]
    head_kind = head_match.entry.kind if head_match else None
    if named and head_kind in (None, "agent", "group"):
        chosen = head_match if head_kind == "group" and head_match in named else named[0]
        group = chosen.entry.ref
        assert isinstance(group, Group)
        return [actor(group.code, group.country, group.sectors, group.name)]

    # 3. countries × sectors
    if head_match is None and not _name_like(head):
        return []  # "Turkey's calls", "Syria's northern border"
    sectors = _sectors(head_match, matches)
    countries: list[str] = []
    for m in matches:
        ref = m.entry.ref
        if isinstance(ref, Country) and ref.iso3 not in countries:
            countries.append(ref.iso3)
    if head_kind == "seat" and not sectors:
        sectors = ("GOV",)
    if not countries:  # "the Assad regime": a person's country
        for m in matches:
            if isinstance(m.entry.ref, Person):
                role = _role(m.entry.ref, when)
                if role is not None and role[0] is not None:
                    countries.append(role[0])
                    break
    name = _unmatched_name(head, matches) if head_match is None else None
    if countries:
        return [actor(c + "".join(sectors), c, sectors, name) for c in countries]
    if head_match is None:
        return []
    ethnic = next((m.entry.ref for m in groups if isinstance(m.entry.ref, Group)), None)
    if ethnic is not None:
        return [actor(ethnic.code + "".join(sectors), None, sectors, None)]
    if sectors:
        return [actor(UNKNOWN_COUNTRY + "".join(sectors), None, sectors, None)]
    return []


def _sectors(head_match: _Match | None, matches: list[_Match]) -> tuple[str, ...]:
    """The head's agent sectors; a generic head ("officials") takes a modifier's ("military")."""
    mods = [m.entry.ref for m in matches if m is not head_match and isinstance(m.entry.ref, Agent)]
    specific = [a for a in mods if not a.generic]
    if head_match is not None and isinstance(head_match.entry.ref, Agent):
        agent = head_match.entry.ref
        if agent.generic and specific:
            return specific[0].cameo
        return agent.cameo
    if specific:
        return specific[0].cameo
    return mods[0].cameo if mods else ()


def _role(person: Person, when: dt.date | None) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(country, org, sectors) of the person on ``when``; ELI after their last role ended."""
    role = person.role_on(when)
    if role is not None:
        return role.country, role.org, role.sectors
    first, last = person.roles[0], person.roles[-1]
    if when is not None and when < first.start:
        return first.country, first.org, ()
    return last.country, last.org, ("ELI",)


def _person_actor(person: Person, when: dt.date | None, make: Any) -> Actor:
    country, org, sectors = _role(person, when)
    prefix = country or org or UNKNOWN_COUNTRY
    result: Actor = make(prefix + "".join(sectors), country, sectors, person.name)
    return result


def _name_like(head: Token) -> bool:
    return bool(head.pos_ == "PROPN" and head.ent_type_ not in _NOT_ACTOR_ENTS)


def _unmatched_name(head: Token, matches: list[_Match]) -> str | None:
    """An unknown person's or organisation's name: the proper nouns ending at the head."""
    if head.pos_ != "PROPN":
        return None
    matched = {i for m in matches for i in range(m.first, m.last + 1)}
    doc = head.doc
    first = head.i
    while (
        first > 0
        and doc[first - 1].pos_ == "PROPN"
        and doc[first - 1].head.i in range(first, head.i + 1)
        and doc[first - 1].i not in matched
        and doc[first - 1].lower_ not in _HONORIFICS
    ):
        first -= 1
    return str(doc[first : head.i + 1].text)


def _span(tokens: list[Token]) -> tuple[str, int, int]:
    """(text, start, end) of the phrase, without leading/trailing determiners and punctuation."""
    inner = [t for t in tokens if not (t.is_punct or t.dep_ in ("det", "cc", "case"))] or tokens
    first = inner[0]
    last = tokens[-1] if tokens[-1].i > inner[-1].i and tokens[-1].dep_ == "case" else inner[-1]
    text = str(first.doc[first.i : last.i + 1].text)  # doc.text would join the whole article
    return text, first.idx, first.idx + len(text)
