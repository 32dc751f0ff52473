"""Within-article coreference for actors: who "he", "Mr Akar", "the ministry" and "the three
officials" are.

:class:`ArticleActors` is built once per parsed article. It keeps the article's actor mentions (noun
phrases that resolve to actors: people, groups, countries, agents) with their resolutions, each
resolved when a question first needs it; ``resolve(head)`` answers for any argument head:

* **surnames** of people named earlier in the article ("Abbas" after "Syria's Ali Mahmoud Abbas")
  win over the dictionary, which may know another person by that surname;
* **pronouns** for the clear cases: he/she/him/his → the latest person, it/its → the latest
  country or organisation, they/them/their → the latest plural mention; subjects are preferred
  (the subject before the pronoun in its sentence, else the first subject of the latest earlier
  sentence that has one);
* **definite descriptions**: "the three officials", "the two sides", "both leaders" → the latest
  mention of exactly that many actors; "the president", "the ministry", "the militants" → the
  latest mention with a country and the same sector; "the group" → the latest named group; "the
  country" → the latest country.

Every result keeps the chain in its ``how`` note ("coreference: 'he' -> 'Recep Tayyip Erdogan'
(sentence 1); person people.csv:61 ..."). Rule-based by design: no offline coreference model works
here (notes/dependencies-checked.md).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from thucydides.coding.actors import UNKNOWN_COUNTRY, Resolution, resolve
from thucydides.dictionaries.actors import ActorDictionary, default_dictionary, normalize
from thucydides.models import Actor

__all__ = ["ArticleActors"]

Token = Any  # spacy.tokens.Token
Doc = Any  # spacy.tokens.Doc

_HE = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_IT = frozenset({"it", "its", "itself"})
_THEY = frozenset({"they", "them", "their", "theirs", "themselves"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_HEAD_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "attr", "appos", "dative", "ROOT", "conj"}
)
_DEFINITE = frozenset({"the", "these", "those", "this", "that", "both"})
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2, "2": 2, "3": 3}
_COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "republic", "state"})
_GROUP_NOUNS = frozenset(
    {"group", "organisation", "organization", "movement", "militia", "alliance", "coalition"}
)
_PLURAL_NOUNS = frozenset({"side", "party", "leader", "government", "nation", "country"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame"})
_TITLE_WORDS = frozenset({"vice", "deputy", "former", "ousted", "acting", "general", "gen."})


@dataclass(frozen=True, slots=True)
class _Mention:
    head: int  # token index
    sentence: int  # index of the sentence's first token
    subject: bool
    plural: bool
    text: str
    resolutions: tuple[Resolution, ...]
    names: frozenset[str]  # folded full names and surnames of the people in it
    people: bool  # every actor is a named person


class ArticleActors:
    """The actors of one parsed article, with within-article coreference.

    Lazy: a mention is resolved when a request needs it, once. A mention depends only on
    mentions before it, and the rules look back from the latest, stopping at the first that
    fits; so a request resolves the earlier mentions its look-backs reach, and no others. The
    answers are those of reading the whole article in order first.
    """

    def __init__(
        self, doc: Doc, *, when: dt.date | None = None, dictionary: ActorDictionary | None = None
    ) -> None:
        self.doc = doc
        self.when = when
        self.dictionary = dictionary or default_dictionary()
        self._candidates: list[tuple[Token, int]] = list(_candidates(doc))
        self._positions = [token.i for token, _ in self._candidates]
        # candidates whose mention, if any, is plural whatever it resolves to ("officials",
        # "they"): the look-backs for one person or one country pass them without resolving them
        self._plural_words = [_plural_word(token) for token, _ in self._candidates]
        self._position_of = {i: k for k, i in enumerate(self._positions)}
        self._built: list[_Mention | _Unread | None] = [_UNREAD] * len(self._candidates)
        self._answers: dict[int, tuple[Resolution, ...]] = {}  # heads that are no mention
        self._depth = 0  # nested look-backs now running (see _mention_at)

    # ------------------------------------------------------------------ public

    @property
    def mentions(self) -> list[_Mention]:
        """Every actor mention of the article, in text order."""
        self._read_through(len(self._candidates))
        return [m for m in self._built if isinstance(m, _Mention)]

    def resolve(self, head: Token) -> list[Resolution]:
        """The actors ``head`` stands for, each with how it was resolved (coreference included)."""
        i = head.i
        k = self._position_of.get(i)
        if k is not None:
            known = self._mention_at(k)
            return list(known.resolutions) if known is not None else []
        answer = self._answers.get(i)
        if answer is None:
            before = _Before(self, bisect.bisect_left(self._positions, i))
            answer = self._answers[i] = tuple(self._resolve(head, before))
        return list(answer)

    def actors(self, head: Token) -> list[Actor]:
        return [r.actor for r in self.resolve(head)]

    def unknown_name(self, head: Token) -> str | None:
        """The proper name ``head`` ends ("Zorblat Front") when it resolves to no actor."""
        if head.pos_ != "PROPN" or head.ent_type_ not in ("PERSON", "ORG", "NORP", ""):
            return None
        if self.resolve(head):
            return None
        doc, first = head.doc, _name_start(head)
        while first < head.i and (  # "President Askar Akayev" -> "Askar Akayev"
            doc[first].text in ("-", "–")
            or doc[first].lower_ in _TITLE_WORDS
            or ((e := self.dictionary.lookup(doc[first].lower_)) is not None and e.kind == "agent")
        ):
            first += 1
        return str(doc[first : head.i + 1].text)

    # ------------------------------------------------------------------ building

    def _mention_at(self, k: int) -> _Mention | None:
        """The mention of candidate ``k`` (None: it resolves to no actor), resolved once."""
        built = self._built[k]
        if not isinstance(built, _Unread):
            return built
        if self._depth >= _MAX_DEPTH:  # a long chain of look-backs: read in order instead
            self._read_through(k + 1)
        else:
            self._depth += 1
            try:
                self._built[k] = self._build(k)
            finally:
                self._depth -= 1
        built = self._built[k]
        assert not isinstance(built, _Unread)
        return built

    def _read_through(self, end: int) -> None:
        """Resolve the candidates before ``end`` in text order: every look-back of one finds the
        earlier ones resolved, so nothing nests."""
        for k in range(end):
            if isinstance(self._built[k], _Unread):
                self._built[k] = self._build(k)

    def _build(self, k: int) -> _Mention | None:
        token, sentence = self._candidates[k]
        found = self._resolve(token, _Before(self, k))
        if not found:
            return None
        people = all(r.actor.name for r in found) and (
            token.ent_type_ == "PERSON"
            or token.lower_ in _HE
            or all(r.how.startswith("person") or "(person " in r.how for r in found)
        )
        return _Mention(
            head=token.i,
            sentence=sentence,
            subject=token.dep_ in _SUBJECT_DEPS,
            plural=len(found) > 1 or self._plural_words[k],
            text=found[0].actor.text if token.pos_ != "PRON" else token.text,
            resolutions=tuple(found),
            names=frozenset(_names(found)) if people else frozenset(),
            people=people,
        )

    def _resolve(self, head: Token, before: _Before) -> list[Resolution]:
        lower = head.lower_
        if head.pos_ == "PRON" or lower in _HE | _IT | _THEY:
            return self._pronoun(head, before)
        direct = resolve(head, when=self.when, dictionary=self.dictionary)
        if direct and _weak(direct):
            owned = self._owner(head, direct, before)  # "its troops", "his government"
            if owned:
                return owned
        if head.pos_ == "PROPN":
            same = self._surname(head, before)
            if same and not (len(direct) == 1 and direct[0].actor.name == same[0].actor.name):
                return same
        if direct and not _weak(direct):
            return direct
        described = self._description(head, direct, before)
        return described or direct

    def _owner(self, head: Token, direct: list[Resolution], before: _Before) -> list[Resolution]:
        """ "its troops", "their leaders", "his government": the owner's country + the sector."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is None:
            return []
        found = self._pronoun(owner, before)
        countries = [r for r in found if r.actor.country]
        if not countries:
            return []
        text, start, end = _words(head)
        out = []
        for r in countries:
            for d in direct:
                country = r.actor.country
                assert country is not None
                code = country + d.actor.code[len(UNKNOWN_COUNTRY) :]
                actor = Actor(code, country, d.actor.sectors, None, text, start, end)
                chain = f"{d.how}; owner {_root(r.how)} via {owner.text!r}"
                out.append(Resolution(actor, chain))
        return out

    def _pronoun(self, head: Token, before: _Before) -> list[Resolution]:
        lower = head.lower_
        fit = next((f for words, f in _PRONOUN_FITS if lower in words), None)
        if fit is None:
            return []
        fits = (
            m
            for m in before.latest_first(singular=fit is not _fits_they)
            if fit(m) and not _inside(head, m)
        )
        chosen = _salient(head, fits)
        return _refer(head, chosen) if chosen else []

    def _surname(self, head: Token, before: _Before) -> list[Resolution]:
        """A person named earlier in the article by a longer name: "Mr Akar", "Abbas"."""
        words = [t for t in head.doc[_name_start(head) : head.i + 1]]
        if len(words) > 2:
            return []
        key = normalize(head.text)
        for mention in before.latest_first(singular=True):
            if mention.people and not mention.plural and key in mention.names:
                full = mention.resolutions[0].actor.name or ""
                if normalize(full) == normalize(" ".join(t.text for t in words)):
                    return []  # the same full name: the dictionary says the same
                return _refer(head, mention)
        return []

    def _description(
        self, head: Token, direct: list[Resolution], before: _Before
    ) -> list[Resolution]:
        """ "the three officials", "the ministry", "the group", "the country" → earlier mentions."""
        dets = {c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod")}
        number = next((_NUMBERS[d] for d in dets if d in _NUMBERS), None)
        if not dets & (_DEFINITE | set(_NUMBERS)):
            return []
        lemma = head.lemma_.lower()

        def previous() -> Iterator[_Mention]:  # latest first
            return (m for m in before.latest_first() if not _inside(head, m))

        if number is not None:
            for mention in previous():
                if len(mention.resolutions) == number:
                    return _refer(head, mention)
            return _gather_people(head, number, previous())
        if not direct:
            if lemma in _GROUP_NOUNS:
                for mention in previous():
                    if len(mention.resolutions) == 1 and "group " in mention.resolutions[0].how:
                        return _refer(head, mention)
            if lemma in _COUNTRY_NOUNS:
                for mention in previous():
                    actor = mention.resolutions[0].actor
                    if len(mention.resolutions) == 1 and actor.country and not actor.sectors:
                        return _refer(head, mention)
            return []
        sectors = set(direct[0].actor.sectors)
        plural = head.tag_ in ("NNS", "NNPS")
        for mention in previous():
            if mention.plural != plural or not _has_country(mention):
                continue
            same_sector = all(sectors <= set(r.actor.sectors) for r in mention.resolutions)
            if same_sector and (lemma in _PLURAL_NOUNS or _title_fits(head, mention)):
                return _refer(head, mention)
        return []


class _Unread:
    """The mark of a candidate not resolved yet."""


_UNREAD = _Unread()
# How deep look-backs may nest (each resolving an earlier mention that looks back in turn)
# before the rest is read in text order: far below Python's recursion limit.
_MAX_DEPTH = 40


@dataclass(frozen=True, slots=True)
class _Before:
    """The mentions before candidate ``end`` of an article, resolved as they are read."""

    actors: ArticleActors
    end: int

    def latest_first(self, *, singular: bool = False) -> Iterator[_Mention]:
        """The mentions latest first; ``singular``: only those that may be singular (a candidate
        whose mention would be plural whatever it resolves to is passed, not resolved)."""
        actors = self.actors
        plural_words = actors._plural_words
        for k in range(self.end - 1, -1, -1):
            if singular and plural_words[k]:
                continue
            mention = actors._mention_at(k)
            if mention is not None:
                yield mention


# ---------------------------------------------------------------------- helpers


def _fits_he(m: _Mention) -> bool:
    return m.people and not m.plural


def _fits_it(m: _Mention) -> bool:
    return not m.plural and not m.people and _has_country(m)


def _fits_they(m: _Mention) -> bool:
    return m.plural


# what a pronoun can refer to: he/she -> one person, it -> one country or organisation,
# they -> a plural mention
_PRONOUN_FITS: tuple[tuple[frozenset[str], Callable[[_Mention], bool]], ...] = (
    (_HE, _fits_he),
    (_IT, _fits_it),
    (_THEY, _fits_they),
)


def _candidates(doc: Doc) -> Iterator[tuple[Token, int]]:
    """The words that may be actor mentions, in text order, each with its sentence's start."""
    deps = doc.to_array("DEP").tolist()  # only words with a head dependency are looked at
    wanted = {doc.vocab.strings[dep] for dep in _HEAD_DEPS}
    for sentence in doc.sents:
        start = sentence.start
        for i in range(start, sentence.end):
            if deps[i] in wanted and _candidate(token := doc[i]):
                yield token, start


def _candidate(token: Token) -> bool:
    if token.dep_ not in _HEAD_DEPS:
        return False
    if token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
        return False  # covered by the first conjunct
    return token.pos_ in ("NOUN", "PROPN") or token.lower_ in _HE | _IT | _THEY


def _plural_word(token: Token) -> bool:
    """A mention headed by ``token`` is plural whatever it resolves to (see ``_build``)."""
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in _THEY


def _weak(found: list[Resolution]) -> bool:
    """Only sector words without a country ("officials", "the ministry"): worth a look back."""
    return all(r.actor.code.startswith(UNKNOWN_COUNTRY) for r in found)


def _has_country(mention: _Mention) -> bool:
    return all(not r.actor.code.startswith(UNKNOWN_COUNTRY) for r in mention.resolutions)


def _title_fits(head: Token, mention: _Mention) -> bool:
    """ "the president" fits a mention whose words or role say president; a generic sector
    word ("the ministry", "the militants") fits any mention with that sector."""
    lemma = head.lemma_.lower()
    words = " ".join(r.actor.text.lower() + " " + r.how.lower() for r in mention.resolutions)
    if lemma in words:
        return True
    return not mention.people and lemma not in ("president", "minister", "leader", "king")


def _inside(head: Token, mention: _Mention) -> bool:
    """The pronoun is part of the mention's own phrase ("his Russian counterpart")."""
    return any(r.actor.start <= head.idx < r.actor.end for r in mention.resolutions)


def _salient(head: Token, fits: Iterator[_Mention]) -> _Mention | None:
    """A subject before the pronoun in its sentence, else the first subject of the latest earlier
    sentence with a fitting mention, else the latest fitting mention. ``fits`` come latest
    first, all before ``head``, and are read only as far as needed."""
    latest = next(fits, None)
    if latest is None:
        return None
    if latest.sentence == head.sent.start:  # the latest subject in the pronoun's sentence
        if latest.subject:
            return latest
        for m in fits:
            if m.sentence != latest.sentence:
                break
            if m.subject:
                return m
        return latest
    first_subject = latest if latest.subject else None  # the first subject of that sentence
    for m in fits:
        if m.sentence != latest.sentence:
            break
        if m.subject:
            first_subject = m
    return first_subject or latest


def _gather_people(head: Token, number: int, previous: Iterable[_Mention]) -> list[Resolution]:
    """ "the three officials" after three people named in separate phrases: the latest
    ``number`` distinct people (``previous`` comes latest first), when there are exactly that
    many in the sentences looked at."""
    found: list[Resolution] = []
    seen: set[tuple[str, str | None]] = set()
    for mention in previous:
        if not mention.people:
            continue
        for r in mention.resolutions:
            key = (r.actor.code, r.actor.name)
            if key not in seen:
                seen.add(key)
                found.append(r)
        if len(found) >= number:
            break
    if len(found) != number:
        return []
    text, start, end = _words(head)
    return [
        Resolution(
            Actor(r.actor.code, r.actor.country, r.actor.sectors, r.actor.name, text, start, end),
            f"coreference: {text!r} -> {r.actor.name or r.actor.text!r} ({_root(r.how)})",
        )
        for r in reversed(found)
    ]


def _refer(head: Token, mention: _Mention) -> list[Resolution]:
    """The mention's actors, with the words of ``head``'s phrase and the chain in ``how``."""
    text, start, end = _words(head)
    out = []
    for r in mention.resolutions:
        a = r.actor
        actor = Actor(a.code, a.country, a.sectors, a.name, text, start, end)
        target = a.name or a.text
        chain = f"coreference: {text!r} -> {target!r} ({_root(r.how)})"
        out.append(Resolution(actor, chain))
    return out


def _root(how: str) -> str:
    """The first link of a chain: how the antecedent itself was resolved."""
    while how.startswith("coreference: ") and " (" in how and how.endswith(")"):
        how = how[how.index(" (") + 2 : -1]
    return how


def _words(head: Token) -> tuple[str, int, int]:
    if head.pos_ == "PRON":
        return head.text, head.idx, head.idx + len(head.text)
    left = [t for t in head.lefts if t.dep_ in ("nummod", "amod", "compound", "det", "predet")]
    first = min([head, *[t for t in left if t.dep_ not in ("det", "predet")]], key=lambda t: t.i)
    first = _name_start(head) if head.pos_ == "PROPN" else first.i
    doc = head.doc
    start_tok = doc[first] if isinstance(first, int) else first
    text = str(doc[start_tok.i : head.i + 1].text)
    return text, start_tok.idx, start_tok.idx + len(text)


def _name_start(head: Token) -> int:
    doc = head.doc
    first = head.i
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i == head.i:
        first -= 1
    while first < head.i and doc[first].lower_ in _HONORIFICS:
        first += 1
    return int(first)


def _names(found: Iterable[Resolution]) -> Iterable[str]:
    for r in found:
        if r.actor.name:
            full = normalize(r.actor.name)
            yield full
            yield full.split()[-1]
