"""Where an event happened: the place named in its sentence, else the article's dateline.

``resolve_event_place(sentence, trigger, article, actors)`` returns a ``PlaceResolution``: a
geocoded :class:`~thucydides.models.Place` (or None) and the reason it was chosen. The rules, with
examples, are in ``docs/places.md``:

1. Place mentions in the sentence: spaCy GPE/LOC/FAC entities, and proper nouns the NER missed
   that stand where places stand ("in Ankara"), looked up in the gazetteer.
2. Each mention gets a role from the parse. *Locative* ("met in Moscow", "near Syria's northern
   border", "the town of Samarra") beats *movement* ("extradited to Britain", "evacuated from
   Gorazde") beats a *bare* mention ("shut down Kathmandu"). A place that is an actor of the event
   ("Ankara blamed ..."), a possessor or modifier of a person or organisation ("Syria's Ali Abbas",
   "Belgrade radio") or part of an attribution ("..., officials said in Ankara") is merely
   mentioned and never the location.
3. Among mentions of the best role, the one closest to the trigger in the parse tree wins; a
   country is then refined to a city of that country named in the same sentence ("an
   investigation in Italy into a summit in Genoa" -> Genoa).
4. No place in the sentence: the article's dateline ("MOSCOW (Reuters) -"); else no location.

Ambiguous names are settled by the sentence ("Bam, Iran", "East Timor's capital Dili"), then by
the countries of the article's other places and of the event's actors, then by population and by
whether the name is the place's own or an alternate one (Paris, France over Paris, Texas unless the
story is about Texas; Georgia the country unless the story is about the United States).
spaCy is used only through duck typing (tokens, entities, the parse).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from thucydides.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from thucydides.ingest import dateline_spans
from thucydides.models import Actor, Article, Place

__all__ = [
    "ArticlePlaces",
    "PlaceMention",
    "PlaceResolution",
    "article_places",
    "choose_entry",
    "find_place_mentions",
    "resolve_event_place",
]

Token = Any  # spacy.tokens.Token
Span = Any  # spacy.tokens.Span
Doc = Any  # spacy.tokens.Doc

LOCATIVE: Final = 3
MOVEMENT: Final = 2
BARE: Final = 1
ROLE_NAMES: Final = {LOCATIVE: "locative", MOVEMENT: "movement", BARE: "mentioned"}

_PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
_OTHER_LABELS: Final = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART"})
_LOCATIVE_PREPS: Final = frozenset(
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
_MOVEMENT_PREPS: Final = frozenset(
    {"to", "into", "from", "toward", "towards", "onto", "via", "through", "out"}
)
# nouns that stand for a place ("the town of X", "Syria's northern border", "the capital Kabul")
_PLACE_NOUNS: Final = frozenset(
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
_REPORTING_LEMMAS: Final = frozenset(
    {"say", "report", "tell", "announce", "state", "add", "quote", "cite", "write", "accord"}
)
_CLAUSAL: Final = frozenset(
    {"advcl", "ccomp", "xcomp", "relcl", "conj", "parataxis", "acl", "csubj", "pcomp"}
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
_FARTHEST: Final = 7  # parse-tree distance (a clause boundary counts 3) beyond which a place
# belongs to something else in the sentence ("talks on trade and the war in Ukraine")
_CONTEXT_PLACE: Final = 2.0  # bonus for a country another place of the article is in
_CONTEXT_STATE: Final = 5.0  # bonus for a US state another place of the article is in
_CONTEXT_ACTOR: Final = 1.0  # bonus for a country of one of the event's actors
_QUALIFIED: Final = 20.0  # bonus for the country/state the sentence names beside the place


@dataclass(frozen=True, slots=True)
class PlaceResolution:
    """The location of one event (or None) and how it was chosen."""

    place: Place | None
    reason: str


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
    gazetteer = gazetteer or load_gazetteer()
    mentions: list[PlaceMention] = []
    covered: set[int] = set()
    for ent in sentence.ents:
        if ent.label_ not in _PLACE_LABELS and ent.label_ not in _OTHER_LABELS:
            continue
        if ent.label_ == "NORP" and (gazetteer.demonym(ent.text) or ent.root.pos_ == "ADJ"):
            continue  # "Syrian", "Kurdish": adjectives are never a location
        mention = _entity_mention(ent, gazetteer)
        if mention is None:
            continue
        if ent.label_ not in _PLACE_LABELS and not (
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
    for token in sentence:
        if token.i in covered or token.pos_ != "PROPN" or token.ent_type_:
            continue  # entities were taken above; this is for names the NER missed
        if token.dep_ in ("compound", "flat") and token.head.pos_ == "PROPN":
            continue  # a word inside a longer name: the name's head decides
        if not _in_place_slot(token):
            continue
        words = [c for c in token.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
        first = min([token, *words], key=lambda t: t.i)
        span = sentence.doc[first.i : token.i + 1]
        if any(i in covered for i in range(span.start, span.end)):
            continue
        matched, found = _lookup(gazetteer, span.text)
        if found and matched == span.text:
            mentions.append(PlaceMention(span.text, span.start_char, span.end_char, token, found))
            covered.update(range(span.start, span.end))
    return sorted(mentions, key=lambda m: m.start)


def _after_locative(token: Token) -> bool:
    """ "in Hasaka", "near Kobani": the object of a locative preposition."""
    return bool(token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS)


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
    return head != token and _is_place_noun(head)


# ------------------------------------------------------------------------------- article context


def article_places(doc: Doc, article: Article, gazetteer: Gazetteer | None = None) -> ArticlePlaces:
    """The article's place context, computed once per Doc (kept in ``doc.user_data``)."""
    key = "thucydides.article_places"
    cached = doc.user_data.get(key)
    if isinstance(cached, ArticlePlaces):
        return cached
    gazetteer = gazetteer or load_gazetteer()
    countries: set[str] = set()
    admin1: set[str] = set()
    by_sentence: dict[int, list[PlaceMention]] = {}
    for token in doc:  # "Liberian", "Palestinian police": the story is about that country
        if token.is_title and token.pos_ in ("ADJ", "PROPN"):
            iso3 = gazetteer.demonym(token.text)
            if iso3:
                countries.add(iso3)
    for sentence in doc.sents:
        found = find_place_mentions(sentence, gazetteer)
        by_sentence[sentence.start] = found
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
    doc.user_data[key] = context
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


# ------------------------------------------------------------------------------- roles


def _role(
    mention: PlaceMention, trigger: Token, actor_spans: Sequence[tuple[int, int]]
) -> tuple[int, Token | None, str]:
    """(role, the token the place attaches to, why) for a mention; role 0 = merely mentioned."""
    token = mention.root
    # climb through the name itself ("New York"), then to a place noun it names ("Jaffna
    # peninsula", "Hasaka province") or a place it qualifies ("Bam, Iran")
    while token.dep_ in ("compound", "flat") and mention.start <= token.head.idx < mention.end:
        token = token.head
    if token.dep_ == "compound" or (token.dep_ == "amod" and token.pos_ == "PROPN"):
        if not _is_place_noun(token.head):
            return 0, None, f"'{mention.text}' modifies '{token.head.text}'"
        token = token.head
    while token.dep_ in ("appos", "conj", "npadvmod") and (
        _is_place_noun(token.head) or _is_place_token(token.head)
    ):
        token = token.head
    if token.dep_ == "poss":
        owner = token.head
        if not _is_place_noun(owner):
            return 0, None, f"'{mention.text}' is the possessor of '{owner.text}'"
        token = owner
        while token.dep_ in ("compound", "amod", "appos") and token.head != token:
            token = token.head
    # the place noun heads a phrase: "the town of Samarra", "zones of the sector of the peninsula"
    while token.dep_ == "pobj" and token.head.lower_ == "of" and _is_place_noun(token.head.head):
        token = token.head.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ != "out":
        return 0, None, f"'{mention.text}' qualifies '{token.head.head.text}'"
    while token.dep_ in ("appos", "compound") and _is_place_noun(token.head):
        token = token.head
    if token.dep_ == "pobj":
        prep = token.head
        word = prep.lower_
        attached = prep.head
        if word == "of" and prep.head.lower_ == "out":
            word, attached = "out", prep.head.head
        if attached.lemma_.lower() in _REPORTING_LEMMAS and attached != trigger:
            return (
                0,
                None,
                f"'{mention.text}' is where it was reported ('{attached.text} {prep.text}')",
            )
        if word == "to" and attached.lower_ == "according":
            return 0, None, f"'{mention.text}' is a source ('according to')"
        if word == "on" and not _is_place_noun(token):  # "called on Israel", "attack on Syria"
            return 0, None, f"'on {mention.text}' names a party or target, not a place"
        if word in _LOCATIVE_PREPS:
            return LOCATIVE, attached, f"'{prep.text} {mention.text}'"
        if word in _MOVEMENT_PREPS:
            if attached.pos_ not in ("VERB", "AUX") and attached != trigger:
                return 0, None, f"'{prep.text} {mention.text}' belongs to '{attached.text}'"
            return MOVEMENT, attached, f"'{prep.text} {mention.text}'"
        return 0, None, f"'{prep.text} {mention.text}' names a party or topic, not a place"
    if _overlaps(mention, actor_spans):
        return 0, None, f"'{mention.text}' is an actor of the event"
    if token.dep_ in ("nsubj", "nsubjpass", "poss"):
        return 0, None, f"'{mention.text}' is the subject of '{token.head.text}'"
    if token.dep_ in ("npadvmod", "advmod", "amod") and token.head.pos_ in ("VERB", "ADJ"):
        return 0, None, f"'{mention.text}' modifies '{token.head.text}'"  # "US-backed"
    if token.dep_ not in ("dobj", "attr", "oprd"):
        return 0, None, f"'{mention.text}' ({token.dep_}) is not where it happened"
    return BARE, token.head, f"'{mention.text}' ({token.dep_} of '{token.head.text}')"


def _is_place_noun(token: Token) -> bool:
    return token.lower_ in _PLACE_NOUNS or token.lemma_.lower() in _PLACE_NOUNS


def _is_place_token(token: Token) -> bool:
    return token.ent_type_ in _PLACE_LABELS


def _overlaps(mention: PlaceMention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < mention.end and mention.start < e for s, e in spans)


def _tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the parse; a clause boundary counts as three."""

    def chain(token: Token) -> list[Token]:
        out = [token]
        while out[-1].head != out[-1]:
            out.append(out[-1].head)
        return out

    up_a, up_b = chain(a), chain(b)
    index_b = {t.i: n for n, t in enumerate(up_b)}
    cost = 0
    for token in up_a:
        if token.i in index_b:
            return cost + sum(3 if t.dep_ in _CLAUSAL else 1 for t in up_b[: index_b[token.i]])
        cost += 3 if token.dep_ in _CLAUSAL else 1
    return 99  # different sentences


# ------------------------------------------------------------------------------- the event


def resolve_event_place(
    sentence: Span,
    trigger: Token,
    article: Article,
    actors: Sequence[Actor] = (),
    *,
    gazetteer: Gazetteer | None = None,
) -> PlaceResolution:
    """The location of the event whose trigger is ``trigger`` in ``sentence`` (see the module
    docstring for the rules); ``actors`` are the event's resolved actors and recipients."""
    gazetteer = gazetteer or load_gazetteer()
    context = article_places(sentence.doc, article, gazetteer)
    mentions = context.mentions.get(sentence.start)
    if mentions is None:
        mentions = find_place_mentions(sentence, gazetteer)
    actor_spans = [(a.start, a.end) for a in actors]
    actor_countries = frozenset(a.country for a in actors if a.country)
    qualifiers = _qualifiers(mentions, gazetteer)
    scored: list[tuple[tuple[int, int, int], PlaceMention, str]] = []
    notes: list[str] = []
    for mention in mentions:
        role, attached, why = _role(mention, trigger, actor_spans)
        if role == 0:
            notes.append(why)
            continue
        distance = _tree_distance(trigger, attached) if attached is not None else 50
        if distance > _FARTHEST:
            notes.append(f"{why} is too far from '{trigger.text}' in the parse")
            continue
        if role == BARE and not any(c.kind == "city" for c in mention.candidates):
            notes.append(f"{why}: a country or region as an object is a party, not a place")
            continue
        linear = abs(mention.start - trigger.idx)
        scored.append(((-role, distance, linear), mention, why))
    if scored:
        scored.sort(key=lambda item: item[0])
        key, best, why = scored[0]
        role = -key[0]
        entry = _entry(best, gazetteer, context, actor_countries, qualifiers)
        reason = f"{ROLE_NAMES[role]}: {why} nearest the trigger '{trigger.text}'"
        refined = _refine(
            entry,
            [m for _, m, _ in scored[1:]],
            best,
            gazetteer,
            context,
            actor_countries,
            qualifiers,
        )
        if refined is not None:
            best, entry = refined
            reason += f"; refined to the city '{best.text}' in that country"
        if notes:
            reason += f"; not the location: {'; '.join(notes)}"
        return PlaceResolution(_place(entry, best), reason + _ambiguity(best, entry))
    if context.dateline is not None:
        d = context.dateline
        entry = _entry(d, gazetteer, context, actor_countries, frozenset())
        reason = f"dateline '{article.text[d.start : d.end]}': no place named in the sentence"
        if notes:
            reason += f" (merely mentioned: {'; '.join(notes)})"
        return PlaceResolution(_place(entry, d), reason + _ambiguity(d, entry))
    reason = "no place named in the sentence and no dateline"
    if notes:
        reason = f"no event location in the sentence ({'; '.join(notes)}) and no dateline"
    return PlaceResolution(None, reason)


def _qualifiers(
    mentions: Sequence[PlaceMention], gazetteer: Gazetteer
) -> dict[int, frozenset[str]]:
    """For each mention (by start), the countries/US states named right beside it:
    "Bam, Iran", "Paris, Texas", "East Timor's capital Dili"."""
    out: dict[int, frozenset[str]] = {}
    for before, after in itertools.pairwise(mentions):
        gap = after.start - before.end
        if gap > 30:
            continue
        outer = [e for e in after.candidates if e.kind in ("country", "admin1")]
        inner = [e for e in before.candidates if e.kind in ("country", "admin1")]
        if outer and 0 < gap <= 3:  # "Bam, Iran"
            out[before.start] = frozenset(
                {e.country for e in outer if e.country}
                | {e.name for e in outer if e.kind == "admin1"}
            )
        elif (
            inner
            and after.root is not None
            and before.root is not None
            and _owns(before.root, after.root)
        ):
            out[after.start] = frozenset(e.country for e in inner if e.country)
    return out


def _owns(owner: Token, owned: Token) -> bool:
    """ "East Timor's capital Dili": the possessor's phrase contains the place."""
    head = owner
    while head.dep_ in ("compound", "flat") and head.head != head:
        head = head.head
    return head.dep_ == "poss" and (
        head.head == owned or head.head in owned.ancestors or owned.head == head.head
    )


def _entry(
    mention: PlaceMention,
    gazetteer: Gazetteer,
    context: ArticlePlaces,
    actor_countries: frozenset[str],
    qualifiers: dict[int, frozenset[str]] | frozenset[str],
) -> GazetteerEntry:
    named = (
        qualifiers.get(mention.start, frozenset()) if isinstance(qualifiers, dict) else qualifiers
    )
    return choose_entry(
        mention.candidates,
        mention.text,
        gazetteer,
        countries=context.countries,
        admin1=context.admin1,
        actor_countries=actor_countries,
        qualifiers=named,
    )


def _refine(
    entry: GazetteerEntry,
    others: Sequence[PlaceMention],
    best: PlaceMention,
    gazetteer: Gazetteer,
    context: ArticlePlaces,
    actor_countries: frozenset[str],
    qualifiers: dict[int, frozenset[str]],
) -> tuple[PlaceMention, GazetteerEntry] | None:
    if entry.kind != "country":
        return None
    for other in others:
        if other is best:
            continue
        inside = [e for e in other.candidates if e.kind == "city" and e.country == entry.country]
        if inside:
            chosen = _entry(other, gazetteer, context, actor_countries, qualifiers)
            return other, chosen if chosen in inside else inside[0]
    return None


def _place(entry: GazetteerEntry, mention: PlaceMention) -> Place:
    precision = {"country": "country", "admin1": "admin1", "region": "admin1"}.get(
        entry.kind, "city"
    )
    return Place(
        name=entry.name,
        country=entry.country,
        admin1=entry.admin1 if entry.kind != "admin1" else entry.name,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        precision=precision,
        text=mention.text,
        start=mention.start,
        end=mention.end,
    )


def _ambiguity(mention: PlaceMention, entry: GazetteerEntry) -> str:
    others = [e for e in mention.candidates if e is not entry]
    if not others:
        return ""
    shown = ", ".join(f"{e.name} ({e.country or '?'}, {e.kind})" for e in others[:3])
    more = f" and {len(others) - 3} more" if len(others) > 3 else ""
    return f"; '{mention.text}' could also be {shown}{more}"
