"""From a parsed article to coded events: triggers, arguments, modality, codes, date.

``code_doc(doc, article, triggers)`` is a pure function of the parse, the article and the
dictionaries; it returns the events of the article in text order, each with its explanation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from thucydides.coding.actors import resolve_actors
from thucydides.coding.arguments import (
    OCCURRENCE_VERBS,
    Arg,
    nominal_actors,
    objects_of,
    patients_of,
    subjects_of,
)
from thucydides.coding.dates import resolve_date, tense_of
from thucydides.coding.modality import ModalityDecision, resolve_modality
from thucydides.dictionaries.verbs import TriggerDictionary, TriggerMatch
from thucydides.models import Actor, Article, Event, Trigger
from thucydides.ontology import cameo_code

CODER_VERSION = "thucydides-coder-1"
Token = Any  # spacy.tokens.Token
Span = Any  # spacy.tokens.Span
Doc = Any  # spacy.tokens.Doc

_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One event mention in one sentence, before codes and actors are resolved."""

    match: TriggerMatch
    actor_args: tuple[Arg, ...]
    recipient_args: tuple[Arg, ...]
    modality: ModalityDecision


def find_mentions(sentence: Span, triggers: TriggerDictionary) -> list[Mention]:
    """Every trigger in the sentence with its argument heads; words used by one trigger are not
    taken again by another ("held talks" is one trigger, not "hold" plus "talks")."""
    matches = [m for m in (triggers.match(t) for t in sentence) if m is not None]
    # longer (more specific) matches first, so that their words are claimed first
    matches.sort(key=lambda m: (-len(m.tokens), m.tokens[0].i))
    claimed: set[int] = set()
    mentions: list[tuple[int, Mention]] = []
    for match in matches:
        indices = {t.i for t in match.tokens}
        if indices & claimed:
            continue
        claimed |= indices
        head = match.tokens[0]
        mentions.append((head.i, _mention(match, indices)))
    return [m for _, m in sorted(mentions, key=lambda pair: pair[0])]


def _mention(match: TriggerMatch, indices: set[int]) -> Mention:
    head = match.tokens[0]
    specs = match.entry.recipient or ("dobj",)
    if match.entry.pos == "noun" and head.pos_ in ("NOUN", "PROPN"):
        actors = nominal_actors(head)
        recipients = objects_of(match.tokens, specs, indices)
    else:
        actors = subjects_of(head)
        recipients = patients_of(head) + objects_of(match.tokens, specs, indices)
    return Mention(match, tuple(actors), tuple(recipients), resolve_modality(head))


def code_doc(
    doc: Doc, article: Article, triggers: TriggerDictionary, skip: Sequence[tuple[int, int]] = ()
) -> list[Event]:
    """All events of one parsed article; sentences inside ``skip`` spans (furniture) are ignored."""
    events: list[Event] = []
    people: list[Actor] = []  # named people seen so far: "he" refers back to the latest
    for index, sentence in enumerate(doc.sents):
        if _inside(sentence, skip):
            continue
        here = _named_people(sentence, article)
        for mention in find_mentions(sentence, triggers):
            trigger_at = mention.match.tokens[0].idx
            # "he" refers to the latest person named before it: in this sentence, else earlier
            antecedents = people + [p for p in here if p.start < trigger_at]
            event = _code_mention(mention, sentence, index, article, antecedents)
            if event is not None:
                events.append(event)
        people.extend(here)
    return events


def _inside(sentence: Span, spans: Sequence[tuple[int, int]]) -> bool:
    start, end = sentence.start_char, sentence.end_char
    text = sentence.text.strip()
    if not text:
        return True
    return any(
        s <= start + (len(sentence.text) - len(sentence.text.lstrip()))
        and end - (len(sentence.text) - len(sentence.text.rstrip())) <= e
        for s, e in spans
    )


def _named_people(sentence: Span, article: Article) -> list[Actor]:
    when = article.published
    found: list[Actor] = []
    for ent in sentence.ents:
        if ent.label_ == "PERSON":
            found.extend(a for a in resolve_actors(ent.root, when=when) if a.name)
    return found


def _resolve(
    args: Iterable[Arg], when: dt.date | None, people: list[Actor], notes: list[dict[str, Any]]
) -> list[Actor]:
    actors: list[Actor] = []
    for head, how in args:
        resolved = resolve_actors(head, when=when)
        if not resolved and head.lower_ in _PERSONAL_PRONOUNS and people:
            person = people[-1]
            resolved = [
                Actor(
                    person.code,
                    person.country,
                    person.sectors,
                    person.name,
                    head.text,
                    head.idx,
                    head.idx + len(head.text),
                )
            ]
            how = f"{how}; pronoun {head.text!r} -> {person.name}"
        for actor in resolved:
            if all(a.code != actor.code or a.name != actor.name for a in actors):
                actors.append(actor)
                notes.append({"code": actor.code, "text": actor.text, "how": how})
    return actors


def _code_mention(
    mention: Mention, sentence: Span, index: int, article: Article, people: list[Actor]
) -> Event | None:
    entry = mention.match.entry
    head = mention.match.tokens[0]
    when = article.published
    actor_notes: list[dict[str, Any]] = []
    recipient_notes: list[dict[str, Any]] = []
    actors = _resolve(mention.actor_args, when, people, actor_notes)
    recipients = [
        r
        for r in _resolve(mention.recipient_args, when, people, recipient_notes)
        if all(r.code != a.code or r.name != a.name for a in actors)
    ]
    if not actors and not recipients and not _stands_alone(head):
        return None
    code = cameo_code(entry.code)
    words = sorted(mention.match.tokens, key=lambda t: t.i)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    modality = mention.modality
    verb = head if head.pos_ in ("VERB", "AUX") else head.head  # a noun's tense is its verb's
    tense = "future" if modality.modality == "future" else tense_of(verb)
    date = resolve_date(
        sentence.text,
        article.published,
        tense=tense,
        trigger_start=start - sentence.start_char,
        same_day_weekday=True,
    )
    explanation: dict[str, Any] = {
        "coder": CODER_VERSION,
        "trigger": {
            "rule": entry.id,
            "dictionary_line": entry.line,
            "words": [t.text for t in words],
        },
        "actors": actor_notes,
        "recipients": recipient_notes,
        "modality": modality.cue,
        "date": date.reason,
        "location": "not resolved (place coding is not enabled in this version)",
    }
    return Event(
        event_id=_event_id(article.id, start, end, code.code),
        article_id=article.id,
        sentence_index=index,
        sentence=sentence.text.strip(),
        trigger=Trigger(article.text[start:end], start, end),
        plover=code.plover,
        plover_mode=code.plover_mode,
        plover_contexts=code.plover_contexts,
        cameo=code.code,
        cameo_root=code.root,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        actors=tuple(actors),
        recipients=tuple(recipients),
        factual=modality.factual,
        modality=modality.modality,
        date=date.date,
        date_precision=date.precision,
        date_text=date.text,
        location=None,
        explanation=explanation,
    )


def _stands_alone(head: Token) -> bool:
    """A nominal event reported without actors but as something that happened:
    "Protests broke out in August", "an attack killed six"."""
    return (
        head.pos_ == "NOUN"
        and head.dep_ in ("nsubj", "nsubjpass")
        and (head.head.lemma_.lower() in OCCURRENCE_VERBS)
    )


def _event_id(article_id: str, start: int, end: int, cameo: str) -> str:
    key = f"{CODER_VERSION}|{article_id}|{start}|{end}|{cameo}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
