"""The event-trigger dictionary: words and phrases of news language mapped to CAMEO codes.

The data lives in ``verbs.yaml`` next to this module (see docs/dictionaries-verbs.md); this module
loads and validates it and matches its entries against single spaCy tokens of a parsed sentence.

An entry names a trigger *head* word (``lemma``, a verb or a noun) plus optional conditions in the
dependency parse around it:

* ``particle``  a phrasal particle child (dep ``prt``/``advmod``): "call **off**", "break **out**";
* ``object``    lemma(s) of the object: the direct object, passive subject or to-infinitive of a
  verb ("agreed to **meet**"), the pobj of the entry's ``prep``, or for a noun its "of"
  complement or compound: "hold **talks**";
* ``prep``      a preposition child of the head or of the object: "impose sanctions **on**".

``lemma`` and ``object`` may be short phrases. "hunger strike" means head ``strike`` with a
modifier child ``hunger``; "state of emergency" means head ``state`` with an ``of`` complement
``emergency``.

:meth:`TriggerDictionary.match` returns the most specific entry that matches at a token
(object+prep > object > particle > prep > bare lemma; more matched words break ties).
"""

from __future__ import annotations

import functools
import importlib
import importlib.resources
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from thucydides.errors import DataFileError

__all__ = [
    "TriggerDictionary",
    "TriggerEntry",
    "TriggerMatch",
    "load_trigger_dictionary",
    "parse_trigger_entries",
]

Token = Any  # a spacy.tokens.Token; typed loosely so this module does not import spaCy

POS_VALUES = ("verb", "noun")
FIELDS = frozenset(
    {"code", "lemma", "pos", "particle", "object", "prep", "recipient", "example", "note"}
)
_VERB_POS = frozenset({"VERB"})
# Parts of speech no entry can match (entries are verbs and nouns): skipped without a lookup.
_NEVER_TRIGGERS = frozenset(
    {"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "SPACE", "PART", "SYM", "X"}
)
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "xcomp", "ccomp", "oprd", "acomp"})
_PHRASE_PREPS = ("of", "for")
_PARTICLE_DEPS = frozenset({"prt", "advmod", "prep"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod", "poss"})
_RECIPIENT_RE = re.compile(r"^(dobj|dative|prep:[a-z]+)$")
_CODE_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
_WORD_RE = re.compile(r"^[a-z][a-z'-]*$")
# The token attributes that decide whether a token can be a trigger head at all (part of speech
# and the strings _forms reads), and how many such combinations match_all remembers.
_KEY_ATTRS = ("POS", "LEMMA", "LOWER", "TAG")
_DECIDED_MAX = 200_000


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A head word plus the words that must modify it.

    "hunger strike" is head ``strike`` with a modifier ``hunger`` to its left; "state of
    emergency" is head ``state`` with an ``of`` complement ``emergency``; "call for resignation"
    is head ``call`` with a ``for`` complement ``resignation``.
    """

    head: str
    modifiers: tuple[str, ...] = ()
    tail_prep: str | None = None
    tail: _Phrase | None = None

    @staticmethod
    @functools.cache
    def parse(text: str) -> _Phrase:
        words = text.split()
        for i, word in enumerate(words[1:-1], start=1):
            if word in _PHRASE_PREPS:
                head = _Phrase.parse(" ".join(words[:i]))
                tail = _Phrase.parse(" ".join(words[i + 1 :]))
                return _Phrase(head.head, head.modifiers, word, tail)
        return _Phrase(words[-1], tuple(words[:-1]))

    @property
    def size(self) -> int:
        return len(self.modifiers) + (1 + self.tail.size if self.tail else 0)

    def match(self, token: Token, seen: _Seen | None = None) -> tuple[Token, ...] | None:
        """The tokens of this phrase headed by ``token``, or None when it does not match."""
        seen = seen or _Seen()
        if self.head not in seen.forms(token):
            return None
        found: list[Token] = [token]
        if self.modifiers:
            left = seen.modifiers(token)
            for word in self.modifiers:
                child = next((t for t in left if word in seen.forms(t)), None)
                if child is None:
                    return None
                found.append(child)
        if self.tail is not None and self.tail_prep is not None:
            for prep in _preps(token, self.tail_prep):
                for pobj in prep.children:
                    tail = self.tail.match(pobj, seen) if pobj.dep_ == "pobj" else None
                    if tail is not None:
                        return (*found, prep, *tail)
            return None
        return tuple(found)


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One way news language says an event, as written in verbs.yaml."""

    id: str
    code: str
    lemma: str
    pos: str
    particle: str | None
    objects: tuple[str, ...]
    prep: str | None
    recipient: tuple[str, ...]
    example: str
    line: int

    @property
    def head(self) -> str:
        """The single word the trigger token must have as its lemma."""
        return _Phrase.parse(self.lemma).head

    @property
    def specificity(self) -> tuple[int, int, int, int]:
        """Sort key: object+prep > object > particle > prep > bare lemma; modifiers break ties."""
        modifiers = _Phrase.parse(self.lemma).size + max(
            (_Phrase.parse(o).size for o in self.objects), default=0
        )
        return (
            1 if self.objects else 0,
            1 if self.prep else 0,
            1 if self.particle else 0,
            modifiers,
        )


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """An entry matched at a token: the trigger head plus the other words that belong to it."""

    entry: TriggerEntry
    tokens: tuple[Token, ...]

    @property
    def head(self) -> Token:
        return self.tokens[0]

    @property
    def code(self) -> str:
        return self.entry.code

    def recipient_tokens(self) -> tuple[Token, ...]:
        """Head tokens of the recipient (CAMEO target) phrases named by the entry's ``recipient``.

        ``dobj`` is the head's direct object (when it is not itself part of the trigger);
        ``dative`` its indirect object; ``prep:X`` the object of preposition X attached to the head
        or to the trigger's object word.
        """
        used = {t.i for t in self.tokens}
        hosts = [self.head] + [t for t in self.tokens[1:] if t.pos_ in _NOUN_POS]
        found: list[Token] = []
        for spec in self.entry.recipient:
            if spec in ("dobj", "dative"):
                deps = {"dobj", "obj"} if spec == "dobj" else {"dative", "iobj"}
                found.extend(c for c in self.head.children if c.dep_ in deps and c.i not in used)
                continue
            prep = spec.split(":", 1)[1]
            for host in hosts:
                for child in host.children:
                    if child.dep_ == "prep" and child.lower_ == prep:
                        found.extend(p for p in child.children if p.dep_ == "pobj")
        unique: dict[int, Token] = {}
        for token in found:
            unique.setdefault(token.i, token)
        return tuple(unique.values())


class TriggerDictionary:
    """Trigger entries indexed by head lemma; :meth:`match` finds the most specific one."""

    def __init__(self, entries: Iterable[TriggerEntry], path: str = "<memory>") -> None:
        self.path = path
        self._entries = tuple(entries)
        index: dict[str, list[TriggerEntry]] = {}
        for entry in self._entries:
            index.setdefault(entry.head, []).append(entry)
        self._index: dict[str, tuple[TriggerEntry, ...]] = {
            lemma: tuple(group) for lemma, group in index.items()
        }
        self._by_id = {entry.id: entry for entry in self._entries}
        # the index with each entry's specificity, worked out once rather than at every match
        self._ranked: dict[str, tuple[tuple[TriggerEntry, tuple[int, int, int, int]], ...]] = {
            lemma: tuple((e, e.specificity) for e in group) for lemma, group in index.items()
        }
        # match_all's quick "no": (POS, LEMMA, LOWER, TAG) ids -> the forms of a token with them
        # that some entry is indexed by, or () when no entry can match such a token
        self._decided: dict[tuple[int, ...], tuple[str, ...]] = {}
        self._rows: tuple[Any, list[tuple[int, ...]]] | None = None  # the last doc's arrays

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[TriggerEntry]:
        return iter(self._entries)

    def __getitem__(self, entry_id: str) -> TriggerEntry:
        return self._by_id[entry_id]

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset(self._index)

    def match(self, token: Token) -> TriggerMatch | None:
        """The most specific entry whose conditions hold at ``token``, or None.

        Specificity: object+prep > object > particle > prep > bare lemma; among equals, the match
        that covers more words wins ("hunger strike" over "strike"), then the earlier entry.
        """
        if token.pos_ in _NEVER_TRIGGERS:
            return None
        return self._match_at(token, _forms(token))

    def _match_at(self, token: Token, forms: tuple[str, ...]) -> TriggerMatch | None:
        """:meth:`match` at a token whose part of speech may be a trigger's and whose forms are
        ``forms``."""
        candidates = [pair for form in forms for pair in self._ranked.get(form, ())]
        if not candidates:
            return None
        seen = _Seen({token.i: forms})
        best: TriggerMatch | None = None
        best_key: tuple[int, int, int, int] = (-1, -1, -1, -1)
        for entry, level in candidates:
            tokens = _match_entry(entry, token, seen)
            if tokens is None:
                continue
            key = (level[0], level[1], level[2], len(tokens))
            if key > best_key:
                best, best_key = TriggerMatch(entry, tokens), key
        return best

    def match_all(self, tokens: Iterable[Token]) -> list[TriggerMatch]:
        """Matches at every token of a sentence or document, in token order.

        The same as :meth:`match` at each token; for a spaCy Span or Doc, the words no entry can
        match are first skipped in bulk, from the doc's attribute arrays (most words of a text)."""
        found = (self._match_at(token, forms) for token, forms in self._may_match(tokens))
        return [m for m in found if m is not None]

    def _may_match(self, tokens: Iterable[Token]) -> Iterator[tuple[Token, tuple[str, ...]]]:
        """The tokens where :meth:`match` may find an entry (a superset; in order), with their
        forms."""
        span: Any = tokens  # a Span or a Doc (whose .doc is itself), or any iterable of tokens
        doc = getattr(span, "doc", None)
        if doc is None or not hasattr(doc, "to_array"):
            for token in tokens:
                if token.pos_ not in _NEVER_TRIGGERS:
                    yield token, _forms(token)
            return
        start, end = (0, len(doc)) if span is doc else (span.start, span.end)
        cached = self._rows  # read once: another thread may be matching another doc
        if cached is None or cached[0] is not doc:
            cached = self._rows = (doc, [tuple(r) for r in doc.to_array(_KEY_ATTRS).tolist()])
        rows, decided = cached[1], self._decided
        for i in range(start, end):
            forms = decided.get(rows[i])
            if forms is None:
                token = doc[i]
                forms = ()
                if token.pos_ not in _NEVER_TRIGGERS:
                    forms = _forms(token)
                    if not any(form in self._index for form in forms):
                        forms = ()
                if len(decided) >= _DECIDED_MAX:
                    decided.clear()
                decided[rows[i]] = forms
            if forms:
                yield doc[i], forms


# --- matching -------------------------------------------------------------------------------


def _lemma(token: Token) -> str:
    return str(token.lemma_).lower()


def _forms(token: Token) -> tuple[str, ...]:
    """Dictionary forms the token may have: its lemma, its lower-cased text, and for inflected
    verbs the stems the rule lemmatizer misses ("staged" -> "stage", "unbanned" -> "unban")."""
    return _forms_of(_lemma(token), str(token.lower_), str(token.tag_))


@functools.lru_cache(maxsize=65536)
def _forms_of(lemma: str, lower: str, tag: str) -> tuple[str, ...]:
    forms = [lemma, lower] if lemma != lower else [lemma]
    if tag in ("VBD", "VBN") and lower.endswith("ed"):
        stem = lower[:-2]
        forms += [stem + "e", stem, stem[:-1] + "y" if stem.endswith("i") else stem]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])
    elif tag == "VBG" and lower.endswith("ing"):
        stem = lower[:-3]
        forms += [stem + "e", stem]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])
    elif tag in ("VBZ", "NNS", "NNPS") and lower.endswith("s"):
        forms += [lower[:-1], lower[:-2] if lower.endswith("es") else lower[:-1]]
    return tuple(dict.fromkeys(forms))


def _pos_ok(entry: TriggerEntry, token: Token) -> bool:
    """Part of speech fits; participles used as adjectives ("US-backed forces", "the detained
    men") and words inside names ("Ban Ki-moon") are not triggers."""
    if entry.pos == "verb":
        verb = token.pos_ in _VERB_POS or str(token.tag_).startswith("VB")
        return verb and token.dep_ != "amod"
    if token.pos_ == "PROPN" and token.ent_type_:
        return False
    return token.pos_ in _NOUN_POS or str(token.tag_).startswith("NN")


def _preps(token: Token, word: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ == word]


def _pobjs(preps: Iterable[Token]) -> list[Token]:
    return [p for prep in preps for p in prep.children if p.dep_ == "pobj"]


def _object_candidates(entry: TriggerEntry, head: Token, hosts: list[Token]) -> list[Token]:
    """Tokens that may be the entry's object: direct object, passive subject, to-infinitive or
    clausal complement for verbs; compound or "of" complement for nouns; and the pobj of the
    entry's preposition, attached to the head, a particle or the direct object."""
    if entry.pos == "verb":
        found = [c for c in head.children if c.dep_ in _OBJECT_DEPS]
        # "allow refugees to return", "accept refugees fleeing ...": the complement's subject
        found += [
            s
            for c in found
            if c.dep_ in ("ccomp", "xcomp")
            for s in c.children
            if s.dep_ == "nsubj"
        ]
    else:
        found = [c for c in head.children if c.dep_ == "compound"]
        found += _pobjs(_preps(head, "of"))
    if entry.prep:
        pobjs = _pobjs(p for host in hosts + found for p in _preps(host, entry.prep))
        # "in police firing" parsed as "police" modified by the participle "firing"
        found += pobjs + [c for p in pobjs for c in p.children if c.dep_ == "acl"]
    found += [c for t in list(found) for c in t.children if c.dep_ == "conj"]
    # a name stands for what its title says: "released journalist Mesale Tolu"
    found += [
        c
        for t in list(found)
        if t.pos_ == "PROPN"
        for c in t.children
        if c.dep_ == "compound" and c.pos_ == "NOUN"
    ]
    # a measure of something stands for it: "700 kg of medicine", "10 days of war games"
    found += [p for t in list(found) if _is_measure(t) for p in _pobjs(_preps(t, "of"))]
    return found


_MEASURE_WORDS = frozenset(
    {
        "tonne", "ton", "kg", "kilogram", "kilo", "lot", "batch", "shipment", "consignment",
        "amount", "day", "week", "month", "round", "series", "wave", "dozen", "hundred",
        "thousand", "million", "billion", "load", "truckload", "package", "supply", "string",
        "spate", "barrage", "volley", "salvo", "number", "couple", "pair", "worth",
    }
)  # fmt: skip


def _is_measure(token: Token) -> bool:
    return _lemma(token) in _MEASURE_WORDS or any(c.dep_ == "nummod" for c in token.children)


@dataclass(slots=True)
class _Seen:
    """What one :meth:`TriggerDictionary.match` call has read of the parse so far, which every
    entry of the head would read again: the forms of tokens, the head's left modifiers, whether
    its part of speech fits a verb or a noun entry, and its object candidates."""

    by_token: dict[int, tuple[str, ...]] = field(default_factory=dict)
    objects: dict[tuple[str, str | None, int], list[Token]] = field(default_factory=dict)
    left: dict[int, list[Token]] = field(default_factory=dict)
    pos: dict[tuple[str, int], bool] = field(default_factory=dict)

    def forms(self, token: Token) -> tuple[str, ...]:
        found = self.by_token.get(token.i)
        if found is None:
            found = self.by_token[token.i] = _forms(token)
        return found

    def modifiers(self, token: Token) -> list[Token]:
        """The modifiers left of ``token`` in its subtree, which a phrase's modifiers may be."""
        found = self.left.get(token.i)
        if found is None:
            found = self.left[token.i] = [
                t for t in token.subtree if t.i < token.i and t.dep_ in _MODIFIER_DEPS
            ]
        return found

    def pos_ok(self, entry: TriggerEntry, head: Token) -> bool:
        key = (entry.pos, head.i)
        ok = self.pos.get(key)
        if ok is None:
            ok = self.pos[key] = _pos_ok(entry, head)
        return ok


def _match_entry(
    entry: TriggerEntry, token: Token, seen: _Seen | None = None
) -> tuple[Token, ...] | None:
    seen = seen or _Seen()
    if not seen.pos_ok(entry, token):
        return None
    head_tokens = _Phrase.parse(entry.lemma).match(token, seen)
    if head_tokens is None:
        return None
    tokens = list(head_tokens)
    hosts = [token]
    if entry.particle:
        particle = next(
            (
                c
                for c in token.children
                if c.dep_ in _PARTICLE_DEPS
                and c.lower_ == entry.particle
                and not any(g.dep_ == "pobj" for g in c.children)
            ),
            None,
        )
        if particle is None:
            return None
        tokens.append(particle)
        hosts.append(particle)
    obj: Token | None = None
    if entry.objects:
        phrases = [_Phrase.parse(o) for o in entry.objects]
        key = (entry.pos, entry.prep, hosts[-1].i)  # hosts: the token and maybe its particle
        candidates = seen.objects.get(key)
        if candidates is None:
            candidates = seen.objects[key] = _object_candidates(entry, token, hosts)
        for candidate in candidates:
            matched = next(
                (m for p in phrases if (m := p.match(candidate, seen)) is not None), None
            )
            if matched is not None:
                obj = candidate
                tokens.extend(matched)
                break
        if obj is None:
            return None
    if entry.prep:
        if obj is not None:
            hosts.append(obj.head if obj.dep_ == "pobj" else obj)
        hosts += [c for c in token.children if c.dep_ in _OBJECT_DEPS]
        preps = [p for host in hosts for p in _preps(host, entry.prep)]
        if obj is not None and obj.dep_ == "pobj" and obj.head.lower_ == entry.prep:
            preps.insert(0, obj.head)
        if not preps:
            return None
        tokens.append(preps[0])
    unique: dict[int, Token] = {}
    for t in tokens:
        unique.setdefault(t.i, t)
    return tuple(sorted(unique.values(), key=lambda t: (t.i != token.i, t.i)))


# --- loading and validation -----------------------------------------------------------------


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records the 1-based line of every mapping under the key ``__line__``.

    It reads ``on``, ``off``, ``yes`` and ``no`` as words, not booleans: they are particles and
    prepositions here ("call off", "impose sanctions on").
    """


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = dict(loader.construct_mapping(node, deep=True))
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _known_codes() -> Collection[str] | None:
    """The CAMEO codes of the project's ontology, or None while it is not importable."""
    try:
        ontology = importlib.import_module("thucydides.ontology")
        codes: Mapping[str, Any] = ontology.cameo_codes()
    except (ImportError, AttributeError):
        return None
    return codes


def _words(value: Any, what: str, fail: Callable[[str], NoReturn]) -> tuple[str, ...]:
    """A string or list of strings, each a lower-case word or short phrase."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        fail(f"{what} must be a word or a list of words, got {value!r}")
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            fail(f"{what} must be a word or a list of words, got {value!r}")
        words = item.split()
        if not all(_WORD_RE.match(w) for w in words):
            fail(f"{what} {item!r} must be lower-case lemma(s), e.g. 'talk' not 'Talks'")
        out.append(" ".join(words))
    return tuple(out)


def _entry_id(
    code: str, lemma: str, pos: str, particle: str | None, objects: Iterable[str], prep: str | None
) -> str:
    """Stable id: "043.visit", "042.visit(noun)", "163.impose+sanction|embargo+on"."""
    parts = [lemma.replace(" ", "_")]
    if particle:
        parts.append(particle)
    words = [o.replace(" ", "_") for o in objects]
    if words:
        parts.append("|".join(words))
    if prep:
        parts.append(prep)
    suffix = "(noun)" if pos == "noun" else ""
    return f"{code}." + "+".join(parts) + suffix


def _parse_entry(raw: Any, index: int, path: str, codes: Collection[str] | None) -> TriggerEntry:
    line = raw.get("__line__") if isinstance(raw, dict) else None

    def fail(message: str) -> NoReturn:
        raise DataFileError(path, line, f"entry {index + 1}: {message}")

    if not isinstance(raw, dict):
        raise DataFileError(
            path,
            None,
            f"entry {index + 1}: must be a mapping with code, "
            f"lemma, pos, recipient and example; got {raw!r}",
        )
    unknown = sorted(set(raw) - FIELDS - {"__line__"})
    if unknown:
        fail(f"unknown field {unknown[0]!r}; allowed fields are {', '.join(sorted(FIELDS))}")
    code = raw.get("code")
    if code is None:
        fail('missing code; add e.g. code: "043"')
    if not isinstance(code, str):
        fail(f'code must be a quoted string like "043" (leading zeros matter), got {code!r}')
    if codes is not None and code not in codes:
        fail(f"unknown CAMEO code {code!r}; use a code from the CAMEO codebook")
    if codes is None and not _CODE_RE.match(code):
        fail(f"unknown CAMEO code {code!r}; use a code from the CAMEO codebook")
    lemma_raw = raw.get("lemma")
    if lemma_raw is None or lemma_raw == "":
        fail("missing lemma; add the dictionary form of the trigger word, e.g. lemma: visit")
    (lemma,) = _words(lemma_raw if isinstance(lemma_raw, str) else [lemma_raw], "lemma", fail)
    pos = raw.get("pos")
    if pos not in POS_VALUES:
        fail(f"pos must be 'verb' or 'noun', got {pos!r}")
    particle = raw.get("particle")
    if particle is not None:
        (particle,) = _words(
            particle if isinstance(particle, str) else [particle], "particle", fail
        )
        if pos == "noun":
            fail("particle is only allowed for verbs; remove it or use pos: verb")
    objects = () if raw.get("object") is None else _words(raw["object"], "object", fail)
    prep = raw.get("prep")
    if prep is not None:
        (prep,) = _words(prep if isinstance(prep, str) else [prep], "prep", fail)
    recipient_raw = raw.get("recipient") or []
    if isinstance(recipient_raw, str):
        recipient_raw = [recipient_raw]
    if not isinstance(recipient_raw, list):
        fail(f"recipient must be a list like [dobj] or [prep:on], got {recipient_raw!r}")
    for spec in recipient_raw:
        if not isinstance(spec, str) or not _RECIPIENT_RE.match(spec):
            fail(f"recipient {spec!r} must be dobj, dative or prep:<preposition>, e.g. prep:with")
    example = raw.get("example")
    if not isinstance(example, str) or not example.strip():
        fail("missing example; add a sentence of our own in which this entry matches")
    return TriggerEntry(
        id=_entry_id(code, lemma, pos, particle, objects, prep),
        code=code,
        lemma=lemma,
        pos=pos,
        particle=particle,
        objects=objects,
        prep=prep,
        recipient=tuple(recipient_raw),
        example=example.strip(),
        line=line if isinstance(line, int) else 0,
    )


def parse_trigger_entries(text: str, path: str = "<string>") -> list[TriggerEntry]:
    """Parse and validate a trigger dictionary's YAML text; DataFileError names the bad line."""
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        column = f" at column {mark.column + 1}" if mark is not None else ""
        raise DataFileError(
            path, line, f"not valid YAML: {problem}{column}; check the indentation and quotes"
        ) from exc
    if data is None:
        data = []
    if not isinstance(data, list):
        message = "the file must be a YAML list of entries (lines with '- code:')"
        raise DataFileError(path, 1, message)
    codes = _known_codes()
    entries: list[TriggerEntry] = []
    seen: dict[tuple[str, str, str | None, tuple[str, ...], str | None], TriggerEntry] = {}
    for index, raw in enumerate(data):
        entry = _parse_entry(raw, index, path, codes)
        key = (entry.lemma, entry.pos, entry.particle, tuple(sorted(entry.objects)), entry.prep)
        previous = seen.get(key)
        if previous is not None:
            what = (
                f"the same code {entry.code}"
                if previous.code == entry.code
                else f"code {previous.code}, this one says {entry.code}"
            )
            raise DataFileError(
                path,
                entry.line,
                f"entry {index + 1}: duplicate of the entry at line {previous.line} "
                f"(same lemma/pos/particle/object/prep) with {what}; keep one of them",
            )
        seen[key] = entry
        entries.append(entry)
    return entries


def load_trigger_dictionary(path: str | Path | None = None) -> TriggerDictionary:
    """Load and validate a trigger dictionary; default: the packaged verbs.yaml (cached)."""
    if path is None:
        return _default_dictionary()
    text = Path(path).read_text(encoding="utf-8")
    return TriggerDictionary(parse_trigger_entries(text, str(path)), str(path))


@functools.cache
def _default_dictionary() -> TriggerDictionary:
    resource = importlib.resources.files("thucydides.dictionaries").joinpath("verbs.yaml")
    text = resource.read_text(encoding="utf-8")
    return TriggerDictionary(parse_trigger_entries(text, "verbs.yaml"), "verbs.yaml")
