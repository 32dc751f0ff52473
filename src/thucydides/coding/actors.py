"""Resolve an argument phrase of the dependency parse into actors (country + sectors, CAMEO style).

``resolve_actors(head)`` takes the head token of an argument (found by the event coder) and reads
the phrase it heads: compounds, adjectives, possessives, appositions, flat names, of-objects.
Surface forms are matched against the actor dictionaries (longest match first) and combined:

* a person named by the head (or its apposition) → the person's role on ``when``;
* a named group or organisation → its code ("Hamas fighters" → PSEREB, "UN chief" → IGOUNO);
* otherwise countries × sectors: one actor per country ("ministers of Syria, Turkey and Russia");
  a seat of government as head means the government ("Ankara" → TURGOV); no country → "---" prefix;
* an actor of a domestic sector (rebels, opposition, civilians, ethnic people) whose phrase names
  no country takes the one country the rest of its sentence names, not counting states named as
  parties or armed forces ("Ibo elders demanded that the Nigerian ministry ..." → NGACVL); an
  unknown person with a title ("President X") keeps the title's sector and takes a country only
  from a place of its own clause ("imposed a curfew in Algiers").

Conjoined heads ("Syria, Turkey and Russia") are expanded when ``head`` is the first conjunct.
Pronouns and non-political phrases give ``[]``. Rules and choices: docs/dictionaries-actors.md.

``resolve(head)`` returns the same actors as :class:`Resolution` records that also say how each was
decided ("people.csv:25 (defence minister) via 'Shoigu'"); within-article coreference (pronouns,
surnames, "the three officials") is :mod:`thucydides.coding.coreference`.
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
    ImportedActor,
    Person,
    default_dictionary,
    to_plover,
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
# "rejected an Indian proposal", "Turkey's calls": a message stands for whoever made it.
MESSAGE_NOUNS = frozenset(
    {
        "request",
        "proposal",
        "offer",
        "plan",
        "call",
        "demand",
        "ultimatum",
        "appeal",
        "initiative",
        "bid",
        "invitation",
        "suggestion",
        "overture",
        "accusation",
        "allegation",
        "claim",
        "warning",
        "threat",
        "order",
        "decision",
        "statement",
        "proposition",
        "peace plan",
    }
)
_PLACE_PREPS = frozenset({"in"})
# "the Turkish and Greek sides", "opposition groups in Zimbabwe": the modifiers say who.
COLLECTIVE_NOUNS = frozenset({"side", "group", "camp", "community", "faction", "bloc"})
# "Iraqi towns", "Kurdish targets", "Syria's northern border" as an event's target: the country.
PLACE_NOUNS = frozenset(
    {
        "town",
        "village",
        "city",
        "area",
        "region",
        "province",
        "territory",
        "border",
        "position",
        "target",
        "camp",
        "base",
        "outpost",
        "soil",
        "airspace",
        "waters",
        "coast",
        "port",
        "island",
        "facility",
        "installation",
        "neighbourhood",
        "neighborhood",
        "district",
    }
)
# Sectors of actors who act within their own country: one of them whose phrase names no country
# takes the one country the rest of its sentence names. Not states' own sectors (a "defence
# minister" in a sentence about Cairo need not be Egyptian), not refugees (coded by the country
# they fled, not the one they are in).
DOMESTIC_SECTORS = frozenset(
    {
        "CVL", "OPP", "REB", "RAD", "MOS", "CRM", "UAF", "LAB", "EDU", "BUS", "AGR", "HRI", "ELI",
        "SEP", "INS", "REL", "MED", "JRN", "PTY", "HLH", "JEW", "CHR",
    }
)  # fmt: skip
# Ranks that are also adjectives: as adjectives they name nobody ("a general strike").
_RANK_ADJECTIVES = frozenset({"general", "major", "private"})
# "pro-Iranian", "anti-Western": the country is not the actor's.
_STANCE_PREFIXES = frozenset({"pro", "anti"})


@dataclass(frozen=True, slots=True)
class Resolution:
    """An actor and how it was resolved (goes into the event's explanation)."""

    actor: Actor
    how: str


@dataclass(frozen=True, slots=True)
class _Match:
    entry: Entry
    first: int  # token index
    last: int  # token index, inclusive


@dataclass(slots=True)
class _Phrase:
    tokens: list[Token]
    appos: set[int]  # token indices inside an apposition of the head
    located: set[int]  # objects of "in" after the head ("rebels in the Ivory Coast")
    backers: list[Token]  # "US-backed": the "backed" token (its country is a fallback)


def resolve_actors(
    head: Token, *, when: dt.date | None = None, dictionary: ActorDictionary | None = None
) -> list[Actor]:
    """Actors of the phrase headed by ``head``; ``when`` selects people's roles (None: latest)."""
    return [r.actor for r in resolve(head, when=when, dictionary=dictionary)]


def resolve(
    head: Token, *, when: dt.date | None = None, dictionary: ActorDictionary | None = None
) -> list[Resolution]:
    """Like :func:`resolve_actors`, with how each actor was resolved."""
    dictionary = dictionary or default_dictionary()
    head = _name_end(head)
    heads = [head]
    if head.dep_ != "conj":
        heads.extend(t for t in head.conjuncts if t.i > head.i)
        heads.extend(_listed_after(head))
    found: list[Resolution] = []
    first: list[Resolution] = []
    for h in heads:
        here = _resolve_one(h, when, dictionary)
        if h is head:
            first = here
        elif first and here and all(r.actor.code.startswith(UNKNOWN_COUNTRY) for r in here):
            here = _share_owner(first, here)  # "Danish media and government": Danish government
        for res in here:
            if all(res.actor != r.actor for r in found):
                found.append(res)
    return found


def _listed_after(head: Token) -> list[Token]:
    """A list the parser read as an apposition ("The US, Russia, and Switzerland met": "Russia"
    an apposition of "US", "Switzerland" its conjunct): the names after the first one."""
    if head.pos_ != "PROPN":
        return []
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ == head.ent_type_:
            later = [t for t in child.conjuncts if t.i > child.i]
            if later:
                return [child, *later]
    return []


_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _name_end(head: Token) -> Token:
    """The last word of a name the parser split ("Barack" tagged as a preposition governing
    "Obama"): the phrase is read from there, with that word's conjuncts."""
    if head.pos_ in ("NOUN", "PROPN", "PRON") or head.ent_type_ not in _NAME_TYPES:
        return head
    end = head
    while end.i + 1 < len(end.doc) and end.doc[end.i + 1].ent_iob_ == "I":
        end = end.doc[end.i + 1]
    return end


def _share_owner(first: list[Resolution], later: list[Resolution]) -> list[Resolution]:
    """A later conjunct without a country takes the first conjunct's owner(s) (a country, or an
    imported code without its sectors)."""
    out: list[Resolution] = []
    for owner in first:
        a = owner.actor
        prefix = a.country or (a.code[: len(a.code) - 3 * len(a.sectors)] if a.sectors else a.code)
        if not prefix or prefix.startswith(UNKNOWN_COUNTRY):
            return later
        for r in later:
            b = r.actor
            code = prefix + b.code[len(UNKNOWN_COUNTRY) :]
            actor = Actor(code, a.country, b.sectors, b.name, b.text, b.start, b.end)
            out.append(Resolution(actor, f"{r.how}; owner shared with {a.text!r}"))
    return out


def _resolve_one(head: Token, when: dt.date | None, d: ActorDictionary) -> list[Resolution]:
    if head.pos_ == "PRON":
        return []
    lemma = head.lemma_.lower()
    if lemma in _QUANTITY_LEMMAS and not _in_match_word(head, d):
        obj = _of_object(head)
        if obj is not None:
            return resolve(obj, when=when, dictionary=d)
        if lemma not in COLLECTIVE_NOUNS:
            return []
    phrase = _gather(head)
    matches = _match(phrase.tokens, d)
    found = _combine(head, phrase, matches, when, d) if matches else []  # nothing to combine
    if not found and lemma in MESSAGE_NOUNS and not _in_match_word(head, d):
        found = [
            Resolution(r.actor, f"author of {head.text!r}: {r.how}") for r in _author(head, when, d)
        ]
    return found


def _of_object(head: Token) -> Token | None:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _author(head: Token, when: dt.date | None, d: ActorDictionary) -> list[Resolution]:
    """Who made a request/proposal/call: its possessor, a country adjective or compound before it
    ("an Indian proposal", "a U.S. request"), or the object of "by"/"from"."""
    for child in head.children:
        if child.dep_ == "poss":
            return resolve(child, when=when, dictionary=d)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return resolve(obj, when=when, dictionary=d)
    mods = [t for t in head.children if t.dep_ in ("amod", "compound", "nmod") and t.i < head.i]
    for mod in mods:
        entry = d.lookup(mod.text)
        if entry is not None and entry.kind in ("country", "seat", "group", "person", "imported"):
            phrase = _gather(mod)
            return _combine(mod, phrase, _match(phrase.tokens, d), when, d)
    return []


def _in_match_word(token: Token, d: ActorDictionary) -> bool:
    return d.lookup(token.text) is not None or d.lookup(token.lemma_) is not None


def _gather(head: Token) -> _Phrase:
    """The head and its modifiers (not relative clauses, other prepositions or verbs)."""
    tokens: dict[int, Token] = {head.i: head}
    appos: set[int] = set()
    located: set[int] = set()  # "rebels in the Ivory Coast": a country only when no other
    backers: list[Token] = []

    def visit(tok: Token, is_head: bool, in_appos: bool) -> None:
        for child in tok.children:
            dep = child.dep_
            if dep in _MODIFIER_DEPS or (dep in ("conj", "cc") and not is_head):
                if _is_backer(child):
                    backers.append(child)
                    continue
                if _is_stance(child):
                    continue
                sub_appos = in_appos or dep == "appos"
                tokens[child.i] = child
                if sub_appos:
                    appos.add(child.i)
                visit(child, False, sub_appos)
            elif dep == "punct" and child.text in ("-", "–") and not is_head:
                tokens[child.i] = child
            elif dep == "prep" and (
                child.lower_ in _PREPS
                or (is_head and child.lower_ in _PLACE_PREPS and _common(tok))
            ):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        tokens[child.i] = child
                        tokens[obj.i] = obj
                        if child.lower_ in _PLACE_PREPS:
                            located.add(obj.i)
                        visit(obj, False, in_appos)

    visit(head, True, False)
    return _Phrase([tokens[i] for i in sorted(tokens)], appos, located, backers)


def _common(token: Token) -> bool:
    """A common noun or a people ("rebels", "Albanians"), not a named place, group or person."""
    return token.pos_ == "NOUN" or token.ent_type_ == "NORP" or not token.ent_type_


def _is_stance(token: Token) -> bool:
    """ "Iranian" in "pro-Iranian"."""
    if "-" in token.text and token.lower_.split("-", 1)[0] in _STANCE_PREFIXES:
        return True
    doc = token.doc
    return bool(
        token.i > 1
        and doc[token.i - 1].text in ("-", "–")
        and doc[token.i - 2].lower_ in _STANCE_PREFIXES
    )


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
        texts = [t.text for t in run]
        lemmas = [t.lemma_ for t in run]
        starts = [
            d.may_start(text) or d.may_start(lemma) or d.may_start(text[:-1])
            for text, lemma in zip(texts, lemmas, strict=True)
        ]
        if not any(starts):
            continue
        # read once per run: a name is tried at every length from each start
        spaced = [t.text_with_ws for t in run]
        punct = [t.is_punct for t in run]
        plural = [t.tag_ in ("NNS", "NNPS") or t.is_sent_start for t in run]  # "Rebels in ..."
        i = 0
        while i < len(run):
            found = None
            if not starts[i]:
                i += 1
                continue
            for length in range(min(d.max_tokens, len(run) - i), 0, -1):
                j = i + length - 1
                if punct[i] or punct[j]:
                    continue
                before = "".join(spaced[i:j])
                text, lemma = texts[j], lemmas[j]
                entry = d.lookup(before + text)
                if entry is None and lemma and lemma != text:
                    entry = d.lookup(before + lemma)
                    if entry is not None and not _lemma_ok(entry, run[j], lemma):
                        entry = None  # lemmas for common nouns ("soldiers" → "soldier")
                if entry is None and plural[j] and text.endswith("s"):
                    entry = d.lookup(before + text[:-1])  # "Palestinians"
                    if entry is not None and not _lemma_ok(entry, run[j], text[:-1]):
                        entry = None
                if entry is not None and length == 1 and _adjective_sense(run[i], entry):
                    entry = None  # "a general strike", "a major attack"
                if entry is not None:
                    found = _Match(entry, run[i].i, run[j].i)
                    i += length
                    break
            if found is None:
                i += 1
            else:
                out.append(found)
    return out


def _adjective_sense(token: Token, entry: Entry) -> bool:
    """A rank used as an adjective: "general" in "a general strike", "major" in "a major push"."""
    return entry.kind == "agent" and token.pos_ == "ADJ" and token.lower_ in _RANK_ADJECTIVES


def _lemma_ok(entry: Entry, token: Token, lemma: str) -> bool:
    """Plural common nouns match through their lemma ("soldiers" → soldier), and so do plural
    demonyms ("Palestinians" → Palestinian), but not names ("Moscow's")."""
    if entry.kind == "agent":
        return True
    ref = entry.ref
    return isinstance(ref, Country) and token.tag_ in ("NNS", "NNPS") and lemma in ref.adjectives


def _combine(
    head: Token, phrase: _Phrase, matches: list[_Match], when: dt.date | None, d: ActorDictionary
) -> list[Resolution]:
    head_match = next((m for m in matches if m.first <= head.i <= m.last), None)
    span = _span(phrase.tokens)
    lemma = head.lemma_.lower()
    ethnic_people = head_match is not None and _is_demonym(head_match, head) and _ethnic(head)
    if ethnic_people:
        matches = [m for m in matches if m is not head_match]  # "ethnic Albanians in Serbia"
        head_match = None
    located = [m for m in matches if m.first in phrase.located]
    if located and any(isinstance(m.entry.ref, Country) for m in matches if m not in located):
        matches = [m for m in matches if m not in located]  # "Syrian refugees in Turkey"

    def actor(code: str, country: str | None, sectors: tuple[str, ...], name: str | None) -> Actor:
        # the code is CAMEO's; the sector list is PLOVER's (they differ for media and health)
        return Actor(code, country, to_plover(sectors), name, span[0], span[1], span[2])

    def said(m: _Match) -> str:
        return f"{m.entry.source} {_words(head.doc, m)!r}"

    # 1. a person named by the head or its apposition
    for m in matches:
        if m.entry.kind == "person" and (m is head_match or m.first in phrase.appos):
            assert isinstance(m.entry.ref, Person)
            return [_person(m, matches, when, actor, said(m))]

    # 2. an imported actor (PETRARCH/TABARI dictionary) or a named group or organisation
    head_kind = head_match.entry.kind if head_match else None
    if head_kind in ("country", "imported"):  # "Osgiliath, the state's foe": no sector from it
        matches = [m for m in matches if m.first not in phrase.appos]
    imported = [m for m in matches if isinstance(m.entry.ref, ImportedActor)]
    if imported and head_kind in (None, "agent", "imported"):
        picked = [head_match] if head_match is not None and head_kind == "imported" else imported
        found: list[Resolution] = []
        for m in picked:
            found.extend(_imported(m, matches, when, d, actor, said(m)))
        return found
    groups = [m for m in matches if m.entry.kind == "group"]
    named = [m for m in groups if isinstance(m.entry.ref, Group) and m.entry.ref.kind != "ethnic"]
    if named and head_kind in (None, "agent", "group"):
        chosen = head_match if head_kind == "group" and head_match in named else named[0]
        group = chosen.entry.ref
        assert isinstance(group, Group)
        return [
            Resolution(
                actor(group.code, group.country, group.sectors, group.name), f"group {said(chosen)}"
            )
        ]

    # 3. countries x sectors
    if head_match is None and _agent_compound(head, matches):
        # "U.S. border patrol agents", "army personnel": the compound says who the people are
        head_match = next(m for m in matches if m.last == head.i - 1)
    if head_match is None and not _name_like(head) and lemma not in COLLECTIVE_NOUNS:
        if lemma not in PLACE_NOUNS:
            return []  # "Turkey's calls", "the weather"
        matches = [m for m in matches if isinstance(m.entry.ref, Country | Group)]
    sectors, sector_how = _sectors(head_match, matches, head.doc)
    countries: list[tuple[str, str]] = []
    for m in matches:
        ref = m.entry.ref
        if isinstance(ref, Country) and ref.iso3 not in (c for c, _ in countries):
            countries.append((ref.iso3, said(m)))
    if head_kind == "seat" and not sectors:
        sectors, sector_how = ("GOV",), "a seat of government as actor means the government"
    if not countries:  # "the Assad regime": a person's country
        for m in matches:
            if isinstance(m.entry.ref, Person):
                role = _role(m.entry.ref, when)
                if role[0] is not None:
                    countries.append((role[0], f"country of person {said(m)}"))
                    break
    if not countries and phrase.backers and (head_match is not None or _name_like(head)):
        backer = _backer_country(phrase.backers[0], d)  # "Vietnamese-led forces"
        if backer is not None:
            countries.append(backer)
    name = _unmatched_name(head, matches) if head_match is None else None
    if ethnic_people and not sectors:
        sectors, sector_how = ("CVL",), "members of an ethnic group are civilians"
    domestic = ethnic_people or (sectors and set(sectors) <= DOMESTIC_SECTORS)
    titled = bool(sectors) and name is not None and head.ent_type_ == "PERSON"  # "President X"
    if not countries and not groups and (domestic or titled):  # an ethnic group's code wins
        context = _context_country(head, phrase, d, places_only=not domestic)
        if context is not None:
            countries.append(context)
    how_sectors = f"; sectors {'|'.join(sectors)} from {sector_how}" if sectors else ""
    if countries:
        return [
            Resolution(actor(c + "".join(sectors), c, sectors, name), f"country {how}{how_sectors}")
            for c, how in countries
        ]
    if head_match is None and lemma not in PLACE_NOUNS | COLLECTIVE_NOUNS and not titled:
        return []
    ethnic = next((m for m in groups if isinstance(m.entry.ref, Group)), None)
    if ethnic is not None:
        assert isinstance(ethnic.entry.ref, Group)
        code = ethnic.entry.ref.code + "".join(sectors)
        return [
            Resolution(
                actor(code, None, sectors, None), f"ethnic group {said(ethnic)}{how_sectors}"
            )
        ]
    if sectors:
        return [
            Resolution(
                actor(UNKNOWN_COUNTRY + "".join(sectors), None, sectors, None),
                f"no country named{how_sectors}",
            )
        ]
    return []


def _context_country(
    head: Token, phrase: _Phrase, d: ActorDictionary, *, places_only: bool = False
) -> tuple[str, str] | None:
    """The one country the rest of the sentence names, for an actor whose own phrase names none:
    "Ibo elders demanded that the Nigerian ministry ..." (NGA), "the opposition postponed the rally
    in Baku" (AZE). Not a state named as a party ("Israel said its forces struck militants") nor
    the country of armed forces ("Israeli troops killed two militants"): those may be the other
    side. ``places_only``: only a place of the actor's own clause ("will meet President X in
    Brasilia"; not "X in Brasilia, spokesman Y said"). None when the sentence names no country
    or several."""
    own = {t.i for t in phrase.tokens}
    tokens = [t for t in _plain_words(head.sent) if t.i not in own]
    found: dict[str, str] = {}
    for m in _match(tokens, d):
        ref = m.entry.ref
        if not isinstance(ref, Country) or m.entry.kind not in ("country", "seat"):
            continue
        holder = _holder(head.doc[m.last])
        if places_only:  # a place of the person's own clause: "meet President X in Brasilia"
            if _is_place(holder) and _clause(holder).i == _clause(head).i:
                found.setdefault(ref.iso3, _words(head.doc, m))
        elif _is_place(holder) or not _is_party_state(holder, d):
            found.setdefault(ref.iso3, _words(head.doc, m))
    if len(set(found)) != 1:
        return None
    ((iso3, words),) = found.items()
    return iso3, f"{words!r}, the only country the sentence names (none in the phrase)"


def _plain_words(sentence: Any) -> list[Token]:
    """The words of ``sentence`` that are neither a stance ("Iranian" in "pro-Iranian") nor a
    backer ("US" in "US-backed"). Both need a dash: in a sentence without one, only its first
    word (after the previous sentence's words) and its last (before the next's) are looked at."""
    words = list(sentence)
    if any("-" in t.text or "–" in t.text for t in words):
        return [t for t in words if not _is_stance(t) and not _backs(t)]
    last = len(words) - 1
    return [
        t
        for k, t in enumerate(words)
        if not ((k == 0 and _is_stance(t)) or (k == last and _backs(t)))
    ]


_LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "inside", "outside", "around", "from"})


def _holder(token: Token) -> Token:
    """The head of the noun phrase a name is part of ("Chinese" → "ambassador")."""
    while (
        token.dep_ in ("compound", "flat", "amod", "nmod", "poss", "case")
        and token.head.i != token.i
    ):
        token = token.head
    return token


_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "csubj", "parataxis", "acl", "conj"})


def _clause(token: Token) -> Token:
    """The head of the clause a word belongs to (a verb "to" infinitive is in its governor's)."""
    while token.head.i != token.i and not (
        token.dep_ in _CLAUSE_DEPS and token.pos_ in ("VERB", "AUX")
    ):
        token = token.head
    return token


def _is_place(token: Token) -> bool:
    return bool(token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS)


def _is_party_state(holder: Token, d: ActorDictionary) -> bool:
    """A country named as a party of the sentence, or armed forces of one."""
    if holder.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") and holder.pos_ == "PROPN":
        return True
    entry = d.lookup(holder.lemma_) or d.lookup(holder.text)
    return entry is not None and isinstance(entry.ref, Agent) and "MIL" in entry.ref.cameo


def _backs(token: Token) -> bool:
    """ "US" in "US-backed": a backer, not the country of anyone in the sentence."""
    doc = token.doc
    return (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text in ("-", "–")
        and _is_backer(doc[token.i + 2])
    )


def _agent_compound(head: Token, matches: list[_Match]) -> bool:
    """An unknown plural noun for people right after an agent word ("border patrol agents")."""
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or head.lemma_.lower() in PLACE_NOUNS:
        return False
    return any(
        m.last == head.i - 1
        and isinstance(m.entry.ref, Agent)
        and head.doc[m.last].dep_ == "compound"
        and head.doc[m.last].head.i == head.i
        for m in matches
    )


def _is_demonym(m: _Match, head: Token) -> bool:
    """ "Albanians", "Serb" (not "Serbia")."""
    ref = m.entry.ref
    if not isinstance(ref, Country) or m.first != m.last or m.entry.kind != "country":
        return False
    text = head.doc[m.first].text
    return text in ref.adjectives or text[:-1] in ref.adjectives


def _ethnic(head: Token) -> bool:
    return any(c.lower_ == "ethnic" for c in head.children)


def _words(doc: Any, m: _Match) -> str:
    return str(doc[m.first : m.last + 1].text)


def _backer_country(token: Token, d: ActorDictionary) -> tuple[str, str] | None:
    """The country of "Vietnamese" in "Vietnamese-led": used when the phrase names no other."""
    doc = token.doc
    if token.i < 2:
        return None
    entry = d.lookup(doc[token.i - 2].text)
    if entry is not None and isinstance(entry.ref, Country):
        return entry.ref.iso3, f"{entry.source} {doc[token.i - 2].text!r} (the backer; no other)"
    return None


def _imported(
    m: _Match,
    matches: list[_Match],
    when: dt.date | None,
    d: ActorDictionary,
    make: Any,
    how: str,
) -> list[Resolution]:
    """An imported actor's code on ``when`` with the phrase's imported agent codes added."""
    ref = m.entry.ref
    assert isinstance(ref, ImportedActor)
    agents = [x.entry.ref for x in matches if isinstance(x.entry.ref, Agent) and x is not m]
    out: list[Resolution] = []
    for code in ref.code_on(when).split("/"):
        full, sectors = code, list[str]()
        for agent in agents:  # in text order: "Danish Islamist media" -> DNK + MUS + MED
            extra = "".join(agent.cameo)
            if agent.prefix:
                full = extra + full
            elif extra and extra not in full[3:]:
                full = full + extra
                sectors.extend(agent.cameo)
        country = code[:3] if code[:3] in d.countries else None
        terms = ", ".join(repr(a.term) for a in agents)
        note = f"imported {how}" + (f" + agents {terms}" if agents else "")
        out.append(Resolution(make(full, country, tuple(sectors), ref.name), note))
    return out


def _person(
    m: _Match, matches: list[_Match], when: dt.date | None, make: Any, how: str
) -> Resolution:
    """A known person's role on ``when``. When ``when`` is unknown, the role that the title in the
    text names ("Palestinian Prime Minister Ismail Haniyeh") is preferred to the latest one."""
    person = m.entry.ref
    assert isinstance(person, Person)
    if when is None:
        said_countries = {x.entry.ref.iso3 for x in matches if isinstance(x.entry.ref, Country)}
        said_sectors = {
            s for x in matches if isinstance(x.entry.ref, Agent) for s in x.entry.ref.cameo
        }
        fitting = [
            r
            for r in person.roles
            if (r.country in said_countries or not said_countries)
            and (set(r.sectors) & said_sectors or not said_sectors)
        ]
        if fitting and (said_countries or said_sectors):
            role = fitting[-1]
            code = (role.country or role.org or UNKNOWN_COUNTRY) + "".join(role.sectors)
            actor = make(code, role.country, role.sectors, person.name)
            return Resolution(actor, f"person {how} ({role.role}, as the title in the text says)")
    country, org, sectors = _role(person, when)
    prefix = country or org or UNKNOWN_COUNTRY
    actor = make(prefix + "".join(sectors), country, sectors, person.name)
    held = person.role_on(when)
    detail = held.role if held is not None else ("former" if "ELI" in sectors else "before role")
    on = f" on {when}" if when else ""
    return Resolution(actor, f"person {how} ({detail}{on})")


def _sectors(
    head_match: _Match | None, matches: list[_Match], doc: Any
) -> tuple[tuple[str, ...], str]:
    """The head's agent sectors; a generic head ("officials") takes a modifier's ("military")."""
    mods = [m for m in matches if m is not head_match and isinstance(m.entry.ref, Agent)]
    specific = [m for m in mods if isinstance(m.entry.ref, Agent) and not m.entry.ref.generic]

    def out(m: _Match) -> tuple[tuple[str, ...], str]:
        assert isinstance(m.entry.ref, Agent)
        return m.entry.ref.cameo, f"{m.entry.source} {_words(doc, m)!r}"

    if head_match is not None and isinstance(head_match.entry.ref, Agent):
        if head_match.entry.ref.generic and specific:
            return out(specific[0])
        return out(head_match)
    if specific:
        return out(specific[0])
    return out(mods[0]) if mods else ((), "")


def _role(person: Person, when: dt.date | None) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(country, org, sectors) of the person on ``when``; ELI after their last role ended."""
    role = person.role_on(when)
    if role is not None:
        return role.country, role.org, role.sectors
    first, last = person.roles[0], person.roles[-1]
    if when is not None and when < first.start:
        return first.country, first.org, ()
    return last.country, last.org, ("ELI",)


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
