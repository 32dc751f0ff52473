"""Place names in text: finding them, the article's place context, and choosing among namesakes.

``find_place_mentions(sentence)`` returns the place mentions of a spaCy sentence with their
gazetteer candidates: GPE/LOC/FAC entities, entities the small model mislabels ("Ankara" PERSON,
"Khatmandu" ORG) where places stand, and proper nouns the NER missed. ``article_places(doc,
article)`` collects, once per Doc, what the article says about places (the countries and US states
of its unambiguous place names and demonyms, and its dateline). ``choose_entry`` picks one
candidate for a name in that context: the sentence's own qualifier ("Bam, Iran"), then the
article's places, then the event's actors, then kind, own-name-or-alternate and population.
Which mention is the *event's* location is decided in :mod:`thucydides.coding.places`.
spaCy is used only through duck typing.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from spacy.symbols import ADJ, PROPN

from thucydides.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from thucydides.ingest import dateline_spans
from thucydides.models import Article

__all__ = [
    "LOCATIVE_PREPS",
    "PLACE_LABELS",
    "PLACE_NOUNS",
    "ArticlePlaces",
    "PlaceMention",
    "article_places",
    "choose_entry",
    "find_place_mentions",
    "is_place_noun",
]

Token = Any  # spacy.tokens.Token
Span = Any  # spacy.tokens.Span
Doc = Any  # spacy.tokens.Doc

PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
_OTHER_LABELS: Final = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART"})
LOCATIVE_PREPS: Final = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "throughout",
        "within",
        "along",
        "off",
        "on",
        "beyond",
        "nearby",
        "amid",
    }
)
# nouns that stand for a place ("the town of X", "Syria's northern border", "the capital Kabul")
PLACE_NOUNS: Final = frozenset(
    {
        "town",
        "city",
        "village",
        "province",
        "region",
        "district",
        "governorate",
        "state",
        "county",
        "capital",
        "border",
        "borders",
        "frontier",
        "area",
        "areas",
        "outskirts",
        "suburb",
        "suburbs",
        "enclave",
        "territory",
        "territories",
        "zone",
        "coast",
        "island",
        "islands",
        "peninsula",
        "valley",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "centre",
        "center",
        "heart",
        "part",
        "parts",
        "countryside",
        "neighbourhood",
        "neighborhood",
        "camp",
        "port",
        "municipality",
        "prefecture",
        "oblast",
        "republic",
        "country",
        "countries",
        "side",
        "desert",
        "mountains",
        "hills",
        "hill",
        "mountain",
        "outpost",
        "base",
        "streets",
        "street",
        "square",
        "city-state",
        "sector",
    }
)
_TRIM_WORDS: Final = ("the ",)
_TRAILING: Final = (
    " province",
    " governorate",
    " region",
    " district",
    " city",
    " peninsula",
    " state",
    " area",
    " border",
)
_CONTEXT_PLACE: Final = 2.0  # bonus for a country another place of the article is in
_CONTEXT_STATE: Final = 5.0  # bonus for a US state another place of the article is in
_CONTEXT_ACTOR: Final = 1.0  # bonus for a country of one of the event's actors
_QUALIFIED: Final = 20.0  # bonus for the country/state the sentence names beside the place


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """Words in the text that name a place, with their candidates in the gazetteer."""

    text: str
    start: int
    end: int
    root: Token
    candidates: tuple[GazetteerEntry, ...]


@dataclass(frozen=True, slots=True)
class ArticlePlaces:
    """What the article as a whole says about places: the countries and US states its place
    mentions are in, and its dateline."""

    countries: frozenset[str]
    admin1: frozenset[str]
    dateline: PlaceMention | None = None
    mentions: dict[int, list[PlaceMention]] = field(default_factory=dict)


# ------------------------------------------------------------------------------- mentions


def _lookup(gazetteer: Gazetteer, text: str) -> tuple[str, tuple[GazetteerEntry, ...]]:
    """(the words that matched, candidates) for a name, trying "the X", "X province" forms."""
    name = " ".join(text.split())
    forms = [name]
    lowered = name.lower()
    for prefix in _TRIM_WORDS:
        if lowered.startswith(prefix):
            forms.append(name[len(prefix) :])
    for suffix in _TRAILING:
        for form in list(forms):
            if form.lower().endswith(suffix) and len(form) > len(suffix) + 2:
                forms.append(form[: -len(suffix)])
    acronym = name.replace(".", "").isupper() and len(name.replace(".", "")) <= 5
    for form in forms:
        found = gazetteer.candidates(form)
        if acronym:  # "LPC", "UCF" are not the alternate names of small towns; "UK", "DRC" are
            found = [e for e in found if e.kind != "city"]
        if found:
            return form, tuple(found)
    return name, ()


def find_place_mentions(sentence: Span, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """The place mentions of a spaCy sentence (or Doc), in text order."""
    return _place_mentions(sentence, sentence.ents, gazetteer or load_gazetteer())


def _place_mentions(
    sentence: Span,
    ents: Sequence[Span],
    gazetteer: Gazetteer,
    names: Sequence[int] | None = None,
) -> list[PlaceMention]:
    """find_place_mentions with the entities inside ``sentence`` already picked out, and maybe
    ``names``: the indices of its proper nouns outside any entity, in order (see _bare_names)."""
    mentions: list[PlaceMention] = []
    covered: set[int] = set()
    for ent in ents:
        if ent.label_ not in PLACE_LABELS and ent.label_ not in _OTHER_LABELS:
            continue
        if ent.label_ == "NORP" and (gazetteer.demonym(ent.text) or ent.root.pos_ == "ADJ"):
            continue  # "Syrian", "Kurdish": adjectives are never a location
        mention = _entity_mention(ent, gazetteer)
        if mention is None:
            continue
        if ent.label_ not in PLACE_LABELS and not (
            _looks_like_place(mention)
            and (  # a person's name must be the place's own name, not an alternate spelling
                ent.label_ != "PERSON"
                or _after_locative(ent.root)
                or any(gazetteer.is_primary(c, mention.text) for c in mention.candidates)
            )
            and (
                _in_place_slot(ent.root)
                or (ent.label_ == "ORG" and ent.root.dep_ == "dobj" and _is_major(mention))
            )
        ):
            continue  # "Jordan" the person, "Syria" inside an organisation name
        mentions.append(mention)
        covered.update(range(ent.start, ent.end))
    doc = sentence.doc
    if names is None:  # a sentence, or a whole Doc (whose .doc is itself)
        start, end = (0, len(doc)) if sentence is doc else (sentence.start, sentence.end)
        names = _bare_names(doc, start, end)
    for i in names:  # entities were taken above; this is for names the NER missed
        if i in covered:
            continue
        token = doc[i]
        if token.dep_ in ("compound", "flat") and token.head.pos_ == "PROPN":
            continue  # a word inside a longer name: the name's head decides
        if not _in_place_slot(token):
            continue
        words = [c for c in token.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
        first = min([token, *words], key=lambda t: t.i)
        span = doc[first.i : token.i + 1]
        if any(i in covered for i in range(span.start, span.end)):
            continue
        matched, found = _lookup(gazetteer, span.text)
        if found and matched == span.text:
            mentions.append(PlaceMention(span.text, span.start_char, span.end_char, token, found))
            covered.update(range(span.start, span.end))
    return sorted(mentions, key=lambda m: m.start)


def _bare_names(doc: Doc, start: int, end: int) -> list[int]:
    """The indices in [start, end) of proper nouns outside any entity, read from the doc's arrays
    (making a Token of every word costs more than the rest of the look-up)."""
    rows = doc.to_array(_NAME_ATTRS)[start:end].tolist() if end > start else []
    return [start + k for k, (pos, ent) in enumerate(rows) if pos == PROPN and not ent]


_NAME_ATTRS: Final = ("POS", "ENT_TYPE")


def _after_locative(token: Token) -> bool:
    """ "in Hasaka", "near Kobani": the object of a locative preposition."""
    return bool(token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS)


def _is_major(mention: PlaceMention) -> bool:
    """A country, a division or a city of 100,000 people or more: "shut down Kathmandu"."""
    return any(c.kind != "city" or c.population >= 100_000 for c in mention.candidates)


def _looks_like_place(mention: PlaceMention) -> bool:
    return any(c.kind != "city" or c.population >= 15000 for c in mention.candidates)


def _entity_mention(ent: Span, gazetteer: Gazetteer) -> PlaceMention | None:
    matched, found = _lookup(gazetteer, ent.text)
    if found:
        offset = ent.text.find(matched)
        start = ent.start_char + max(offset, 0)
        return PlaceMention(matched, start, start + len(matched), ent.root, found)
    return None


def _in_place_slot(token: Token) -> bool:
    """A proper noun where places stand: object of a preposition, or apposition to a place noun."""
    head = token
    while head.dep_ in ("compound", "flat", "conj", "appos") and head.head != head:
        head = head.head
    if head.dep_ == "pobj":
        return True
    return head != token and is_place_noun(head)


# ------------------------------------------------------------------------------- article context

_RECENT: dict[tuple[int, str, int], tuple[Doc, ArticlePlaces]] = {}
_DEMONYM_ATTRS: Final = ("IS_TITLE", "POS", "ENT_TYPE")
_DEMONYM_POS: Final = frozenset({ADJ, PROPN})


def article_places(doc: Doc, article: Article, gazetteer: Gazetteer | None = None) -> ArticlePlaces:
    """The article's place context, computed once per Doc. The last few are kept here, not in
    ``doc.user_data``, so that a Doc stays serialisable."""
    key = (id(doc), article.id, len(article.text))
    cached = _RECENT.get(key)
    if cached is not None and cached[0] is doc:
        return cached[1]
    gazetteer = gazetteer or load_gazetteer()
    countries: set[str] = set()
    admin1: set[str] = set()
    by_sentence: dict[int, list[PlaceMention]] = {}
    # "Liberian", "Palestinian police": the story is about that country (ids from the doc's
    # arrays, a Token only for a title-case adjective or proper noun)
    rows = doc.to_array(_DEMONYM_ATTRS).tolist() if len(doc) else []
    names: list[int] = []
    for i, (title, pos, ent) in enumerate(rows):
        if pos == PROPN and not ent:
            names.append(i)
        if title and pos in _DEMONYM_POS:
            iso3 = gazetteer.demonym(doc[i].text)
            if iso3:
                countries.add(iso3)
    # the entities once, not once per sentence (Span.ents makes a Span of every entity of the doc)
    ents = [(ent.start, ent.end, ent) for ent in doc.ents]
    for sentence in doc.sents:
        start, end = sentence.start, sentence.end
        inside = [e for s, t, e in ents if start <= s and t <= end]  # those Span.ents gives
        lo, hi = bisect.bisect_left(names, start), bisect.bisect_left(names, end)
        found = _place_mentions(sentence, inside, gazetteer, names[lo:hi])
        by_sentence[start] = found
        for mention in found:
            if len({c.country for c in mention.candidates}) != 1:
                continue  # an ambiguous name says nothing about the story's country
            entry = choose_entry(mention.candidates, mention.text, gazetteer)
            if entry.country:
                countries.add(entry.country)
            if entry.kind == "admin1" and entry.country == "USA":
                admin1.add(entry.name)
            elif entry.admin1:
                admin1.add(entry.admin1)
    dateline = _dateline(article.text, gazetteer)
    if dateline is not None:
        entry = choose_entry(dateline.candidates, dateline.text, gazetteer)
        if entry.country:
            countries.add(entry.country)
    context = ArticlePlaces(frozenset(countries), frozenset(admin1), dateline, by_sentence)
    _RECENT[key] = (doc, context)
    while len(_RECENT) > 4:  # the coder asks for one article at a time
        _RECENT.pop(next(iter(_RECENT)))
    return context


def _dateline(text: str, gazetteer: Gazetteer) -> PlaceMention | None:
    spans = dateline_spans(text)
    if not spans or spans[0][0] > 400:
        return None
    start, end = spans[0]
    words = text[start:end]
    parts = [p.strip() for p in words.replace("(", ",").split(",")]
    name = parts[0].rstrip(" -\u2013\u2014")
    found = gazetteer.candidates(name.title())
    if not found:
        return None
    qualifier = parts[1] if len(parts) > 1 else ""
    narrowed = _narrow(found, qualifier, gazetteer)
    return PlaceMention(name, start, start + len(name), None, narrowed)


def _narrow(
    found: Sequence[GazetteerEntry], qualifier: str, gazetteer: Gazetteer
) -> tuple[GazetteerEntry, ...]:
    """Only the candidates in the country or US state named by ``qualifier`` ("Paris, Texas")."""
    if not qualifier:
        return tuple(found)
    near = gazetteer.candidates(qualifier)
    countries = {e.country for e in near if e.kind == "country"}
    states = {e.name for e in near if e.kind == "admin1"}
    kept = tuple(e for e in found if e.country in countries or (e.admin1 and e.admin1 in states))
    return kept or tuple(found)


# ------------------------------------------------------------------------------- disambiguation


def _score(
    entry: GazetteerEntry,
    name: str,
    gazetteer: Gazetteer,
    countries: frozenset[str],
    admin1: frozenset[str],
    actor_countries: frozenset[str],
    qualifiers: frozenset[str],
) -> float:
    if entry.kind == "country":
        score = 12.0
    elif entry.kind in ("admin1", "region"):
        score = 7.0  # below a city of ~100,000 people of the same name: "in Herat" is the city
    else:
        score = 1.5 * math.log10(entry.population + 10)
    if gazetteer.is_primary(entry, name):
        score += 4.0
    if entry.country in qualifiers or (entry.admin1 and entry.admin1 in qualifiers):
        score += _QUALIFIED
    if entry.country in countries:
        score += _CONTEXT_PLACE
    if entry.admin1 and entry.admin1 in admin1:
        score += _CONTEXT_PLACE
    if entry.kind == "admin1" and entry.name in admin1:
        score += _CONTEXT_STATE
    if entry.country in actor_countries:
        score += _CONTEXT_ACTOR
    return score


def choose_entry(
    candidates: Sequence[GazetteerEntry],
    name: str,
    gazetteer: Gazetteer,
    *,
    countries: frozenset[str] = frozenset(),
    admin1: frozenset[str] = frozenset(),
    actor_countries: frozenset[str] = frozenset(),
    qualifiers: frozenset[str] = frozenset(),
) -> GazetteerEntry:
    """The most likely of ``candidates`` (non-empty) for ``name`` in this context (see the
    module docstring); ties go to the first, i.e. the most populous."""
    return max(
        candidates,
        key=lambda e: _score(e, name, gazetteer, countries, admin1, actor_countries, qualifiers),
    )


def is_place_noun(token: Token) -> bool:
    return token.lower_ in PLACE_NOUNS or token.lemma_.lower() in PLACE_NOUNS
