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

Finding the mentions, the article's place context and the choice among namesakes (Paris, France
or Paris, Texas; Georgia the country or the US state) live in :mod:`thucydides.coding.toponyms`.
spaCy is used only through duck typing (tokens, entities, the parse).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from thucydides.coding.toponyms import (
    LOCATIVE_PREPS,
    PLACE_LABELS,
    ArticlePlaces,
    PlaceMention,
    article_places,
    choose_entry,
    find_place_mentions,
    is_place_noun,
)
from thucydides.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from thucydides.models import Actor, Article, Place

__all__ = ["PlaceResolution", "resolve_event_place"]

Token = Any  # spacy.tokens.Token
Span = Any  # spacy.tokens.Span

LOCATIVE: Final = 3
MOVEMENT: Final = 2
BARE: Final = 1
ROLE_NAMES: Final = {LOCATIVE: "locative", MOVEMENT: "movement", BARE: "mentioned"}

_MOVEMENT_PREPS: Final = frozenset(
    {"to", "into", "from", "toward", "towards", "onto", "via", "through", "out"}
)
_REPORTING_LEMMAS: Final = frozenset(
    {"say", "report", "tell", "announce", "state", "add", "quote", "cite", "write", "accord"}
)
_CLAUSAL: Final = frozenset(
    {"advcl", "ccomp", "xcomp", "relcl", "conj", "parataxis", "acl", "csubj"}
)
_FARTHEST: Final = 7  # parse-tree distance (a clause boundary counts 3) beyond which a place
# belongs to something else in the sentence ("talks on trade and the war in Ukraine")


@dataclass(frozen=True, slots=True)
class PlaceResolution:
    """The location of one event (or None) and how it was chosen."""

    place: Place | None
    reason: str


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
        if not is_place_noun(token.head):
            return 0, None, f"'{mention.text}' modifies '{token.head.text}'"
        token = token.head
    while token.dep_ in ("appos", "conj", "npadvmod") and (
        is_place_noun(token.head) or _is_place_token(token.head)
    ):
        token = token.head
    if token.dep_ == "poss":
        owner = token.head
        if not is_place_noun(owner):
            return 0, None, f"'{mention.text}' is the possessor of '{owner.text}'"
        token = owner
        while token.dep_ in ("compound", "amod", "appos") and token.head != token:
            token = token.head
    # the place noun heads a phrase: "the town of Samarra", "zones of the sector of the peninsula"
    while token.dep_ == "pobj" and token.head.lower_ == "of" and is_place_noun(token.head.head):
        token = token.head.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ != "out":
        return 0, None, f"'{mention.text}' qualifies '{token.head.head.text}'"
    while token.dep_ in ("appos", "compound") and is_place_noun(token.head):
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
        if word == "on" and not is_place_noun(token):  # "called on Israel", "attack on Syria"
            return 0, None, f"'on {mention.text}' names a party or target, not a place"
        if word in LOCATIVE_PREPS:
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


def _is_place_token(token: Token) -> bool:
    return token.ent_type_ in PLACE_LABELS


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
        if (
            role == BARE
            and _entry(mention, gazetteer, context, actor_countries, qualifiers).kind != "city"
        ):
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
