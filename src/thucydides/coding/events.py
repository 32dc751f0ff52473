"""From a parsed article to coded events: triggers, arguments, modality, codes, date.

``code_doc(doc, article, triggers)`` is a pure function of the parse, the article and the
dictionaries; it returns the events of the article in text order, each with its explanation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from thucydides.coding.arguments import (
    OCCURRENCE_VERBS,
    Arg,
    nominal_actors,
    recipients_of,
    subjects_of,
)
from thucydides.coding.coreference import ArticleActors
from thucydides.coding.dates import resolve_date, tense_of
from thucydides.coding.disasters import (
    accident_scene,
    accidental,
    crime_document,
    disaster_document,
    disaster_response,
    law_enforcement,
)
from thucydides.coding.frames import compose
from thucydides.coding.modality import ModalityDecision, resolve_modality
from thucydides.coding.places import resolve_event_place
from thucydides.coding.targets import implicit_recipients, joint_event
from thucydides.coding.violence import (
    mob_violence,
    protest_clash,
    refine_protest,
    refine_violence,
)
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
    code: str = ""  # the CAMEO code: the entry's, or the one a frame gave it (coding/frames.py)
    words: tuple[Token, ...] = ()  # the words of the event: trigger words plus a frame's word
    frame: str | None = None  # how a frame changed the code, for the explanation
    context: bool = False  # in a background phrase or clause of another event (coding/frames.py)


def find_mentions(sentence: Span, triggers: TriggerDictionary) -> list[Mention]:
    """Every trigger in the sentence with its argument heads; words used by one trigger are not
    taken again by another ("held talks" is one trigger, not "hold" plus "talks")."""
    matches = triggers.match_all(sentence)
    # longer (more specific) matches first, so that their words are claimed first
    matches.sort(key=lambda m: (-len(m.tokens), m.tokens[0].i))
    claimed: set[int] = set()
    mentions: list[tuple[int, Mention]] = []
    for match in matches:
        indices = {t.i for t in match.tokens}
        if indices & claimed or _kind_of(match):
            continue
        claimed |= indices
        head = match.tokens[0]
        mentions.append((head.i, _mention(match, indices)))
    return compose([m for _, m in sorted(mentions, key=lambda pair: pair[0])])


def _kind_of(match: TriggerMatch) -> bool:
    """A noun that names a kind of event, not an event: "unaware of such agreement", "the first
    such attack since the war"."""
    head = match.tokens[0]
    return (
        match.entry.pos == "noun"
        and head.pos_ == "NOUN"
        and any(c.dep_ in ("det", "amod", "predet") and c.lower_ == "such" for c in head.children)
    )


def _mention(match: TriggerMatch, indices: set[int]) -> Mention:
    head = match.tokens[0]
    specs = match.entry.recipient or ("dobj",)
    nominal = match.entry.pos == "noun" and head.pos_ in ("NOUN", "PROPN")
    actors = nominal_actors(head) if nominal else subjects_of(head) or _raised_subjects(head)
    # the weaker recipient rules only for an event whose parse names a doer
    recipients = recipients_of(match.tokens, specs, indices, nominal=nominal, fallback=bool(actors))
    return Mention(
        match,
        tuple(actors),
        tuple(recipients),
        resolve_modality(head),
        code=match.entry.code,
        words=tuple(match.tokens),
    )


# "X is scheduled to attend", "X was invited by Y to sign": the subject of a passive verb of
# planning, expectation or invitation is the doer of its infinitive
_RAISING = frozenset({"schedule", "expect", "set", "due", "slate", "plan", "invite", "require"})


def _raised_subjects(head: Token) -> list[Arg]:
    governor = head.head
    if head.dep_ != "xcomp" or governor.lemma_.lower() not in _RAISING:
        return []
    return [
        (c, f"subject of passive {governor.text!r}, doer of {head.text!r}")
        for c in governor.children
        if c.dep_ == "nsubjpass"
    ]


def code_doc(
    doc: Doc, article: Article, triggers: TriggerDictionary, skip: Sequence[tuple[int, int]] = ()
) -> list[Event]:
    """All events of one parsed article; sentences inside ``skip`` spans (furniture) are ignored."""
    events: list[Event] = []
    people = ArticleActors(doc, when=article.published)  # actors, with coreference in the article
    raw = doc.text  # once: Doc.text joins every token of the article
    text = raw.lower()
    disaster = disaster_document(doc, text)
    crime = crime_document(doc, text)
    for index, sentence in enumerate(doc.sents):
        if _inside(sentence, skip, raw):
            continue
        mentions = find_mentions(sentence, triggers)
        said = raw[sentence.start_char : sentence.end_char]  # Span.text, without a token join
        coded: list[Event] = []
        # the background events of a sentence ("killed because police opened fire") are coded
        # only when its main event cannot be (no known doer: "two men were killed")
        for context in (False, True):
            for mention in (m for m in mentions if m.context is context):
                if disaster and disaster_response(mention.code, mention.match.head):
                    continue  # relief work after a disaster
                if crime and law_enforcement(mention.code):
                    continue  # police work on ordinary crime
                coded.extend(
                    _code_mention(
                        mention, sentence, index, article, people, disaster=disaster, text=said
                    )
                )
            if coded:
                break
        events.extend(coded)
    return events


def _inside(sentence: Span, spans: Sequence[tuple[int, int]], doc_text: str) -> bool:
    """Whether ``sentence`` is blank or lies inside one of ``spans`` (furniture)."""
    start, end = sentence.start_char, sentence.end_char
    raw = doc_text[start:end]  # the sentence's text, without joining its tokens again
    text = raw.strip()
    if not text:
        return True
    lead, trail = len(raw) - len(raw.lstrip()), len(raw) - len(raw.rstrip())
    return any(s <= start + lead and end - trail <= e for s, e in spans)


def _resolve(
    args: Iterable[Arg], when: dt.date | None, people: ArticleActors, notes: list[dict[str, Any]]
) -> list[Actor]:
    actors: list[Actor] = []
    for head, how in args:
        resolved = people.resolve(head)  # how: dictionary entry, title, apposition, coreference
        if not resolved and (name := people.unknown_name(head)):  # for `actors suggest`
            notes.append({"code": None, "name": None, "text": name, "how": f"{how}; unknown name"})
        for resolution in resolved:
            actor = resolution.actor
            if all(a.code != actor.code or a.name != actor.name for a in actors):
                actors.append(actor)
                notes.append(
                    {
                        "code": actor.code,
                        "name": actor.name,
                        "text": actor.text,
                        "how": f"{how}; {resolution.how}",
                    }
                )
    return actors


def _code_mention(
    mention: Mention,
    sentence: Span,
    index: int,
    article: Article,
    people: ArticleActors,
    *,
    disaster: str | None = None,
    text: str | None = None,
) -> list[Event]:
    """The event of one mention; a joint event of several parties is one event per party, aimed
    at the others ("Armenia and Azerbaijan met": ARM meets AZE, AZE meets ARM). ``text`` is the
    sentence's text when the caller has it already (``Span.text`` joins the tokens again)."""
    said = sentence.text if text is None else text
    entry = mention.match.entry
    head = mention.match.tokens[0]
    when = article.published
    if accidental(mention.code, [h for h, _ in mention.actor_args], sentence):
        return []
    actor_notes: list[dict[str, Any]] = []
    recipient_notes: list[dict[str, Any]] = []
    actors = _resolve(mention.actor_args, when, people, actor_notes)
    recipients = [
        r
        for r in _resolve(mention.recipient_args, when, people, recipient_notes)
        if all(r.code != a.code or r.name != a.name for a in actors)
    ]
    if not recipients and not mention.recipient_args and (harm := _harm_verb(head)) is not None:
        # "a prisoner died as a result of torture": who suffered the harm suffered the event
        victims = [
            (c, f"subject of {harm.text!r}, harmed by {head.text!r}")
            for c in harm.children
            if c.dep_ in ("nsubj", "nsubjpass")
        ]
        recipients = [
            r
            for r in _resolve(victims, when, people, recipient_notes)
            if all(r.code != a.code or r.name != a.name for a in actors)
        ]
    if not actors and _implicit_police(mention):
        actors = [
            Actor("COP", None, ("COP",), None, head.text, head.idx, head.idx + len(head.text))
        ]
        actor_notes.append(
            {
                "code": "COP",
                "text": head.text,
                "how": f"implicit agent of passive {head.text!r}: arrests are made by police",
            }
        )
    if disaster and not actors:
        return []  # in a report on a disaster, what nobody known did is the disaster itself
    if not actors and not recipients and not _stands_alone(head):
        arguments = [h for h, _ in (*mention.actor_args, *mention.recipient_args)]
        violent = mention.code[:2] in _VIOLENT_ROOTS
        if not arguments or (violent and not any(_is_party(h) for h in arguments)):
            return []
        # the parse names who did it, but the words are not a known actor ("bulldozers",
        # "up to 100 ethnic Albanians" resolved to nothing): keep the event, without actors
        actor_notes.extend(
            {"code": None, "text": h.text, "how": f"{how}; not a known actor"}
            for h, how in mention.actor_args
        )
    parties = [h for h, _ in (*mention.actor_args, *mention.recipient_args)]
    violence_reason: str | None
    if protest_clash(mention.code, head, parties):
        refined, violence_reason = "145", "a clash with protesters is a violent protest"
    elif mob_violence(mention.code, [h for h, _ in mention.actor_args]):
        refined, violence_reason = "145", "violence by a mob or rioters is a riot"
    else:
        refined, violence_reason = refine_violence(
            mention.code,
            sentence,
            actors,
            recipients,
            [h for h, _ in mention.recipient_args],
            scope=_event_scope(head, [h for h, _ in mention.actor_args]),
            trigger=head,
        )
    if violence_reason is None:
        refined, violence_reason = refine_protest(mention.code, sentence)
    code = cameo_code(refined)
    words = sorted(mention.words, key=lambda t: t.i)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    modality = mention.modality
    verb = head if head.pos_ in ("VERB", "AUX") else head.head  # a noun's tense is its verb's
    tense = "future" if modality.modality == "future" else tense_of(verb)
    date = resolve_date(
        said,
        article.published,
        tense=tense,
        trigger_start=start - sentence.start_char,
        same_day_weekday=True,
    )
    place = resolve_event_place(sentence, head, article, [*actors, *recipients])
    joint = False
    if not recipients:  # the place of the event, or the actor's own country (coding/targets.py)
        recipients, implied = implicit_recipients(code.code, actors, place.place, sentence)
        recipient_notes.extend(implied)
        joint = joint_event(code.code, actors)
    explanation: dict[str, Any] = {
        "coder": CODER_VERSION,
        "trigger": {
            "rule": entry.id,
            "dictionary_line": entry.line,
            "words": [t.text for t in words],
            "frame": mention.frame,
            "refined": violence_reason,
        },
        "actors": actor_notes,
        "recipients": recipient_notes,
        "modality": modality.cue,
        "date": date.reason,
        "location": place.reason,
    }
    event = Event(
        event_id=_event_id(article.id, start, end, code.code),
        article_id=article.id,
        sentence_index=index,
        sentence=said.strip(),
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
        location=place.place,
        explanation=explanation,
    )
    return _per_party(event) if joint else [event]


_PARTY_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
_PARTY_PRONOUNS = frozenset({"he", "she", "they", "we", "him", "her", "them", "us"})
_PARTY_NOUNS = frozenset(
    {
        "people", "person", "man", "woman", "youth", "villager", "worker", "student", "gunman",
        "militant", "fighter", "insurgent", "settler", "prisoner", "mob", "crowd", "group",
        "resident", "farmer", "hacker", "leader", "official", "authority", "bomber", "attacker",
        "assailant", "guerrilla", "guerilla", "rebel", "soldier", "troop", "force", "police",
        "policeman", "officer", "army", "militia", "protester", "demonstrator", "activist",
        "supporter", "member", "cadre", "party", "union", "government", "minister", "president",
        "agent", "guard", "civilian", "refugee", "inmate", "detainee", "journalist", "doctor",
        "office", "headquarters", "base", "checkpoint", "convoy", "outpost", "barracks",
        "embassy", "consulate", "patrol", "position",
        "bulldozer", "warplane", "aircraft", "jet", "helicopter", "tank", "warship", "drone",
        "unit", "squad", "commander", "chief", "spokesman", "delegation", "team", "side",
        "terrorist", "jihadist", "extremist", "pirate", "looter", "rioter", "vigilante",
        "occupant", "bomb", "device", "grenade", "missile", "rocket", "shell", "mortar",
        "explosive", "ied", "landmine", "mine", "artillery", "airstrike", "sniper",
    }
)  # fmt: skip


_VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def _is_party(head: Token) -> bool:
    """A word that names someone who can act or be acted on politically, even when it does not
    resolve to a known actor: a named person, group or place, a personal pronoun, or a noun for
    people, forces or their weapons ("ethnic Albanians", "they", "gunmen", "army bulldozers")."""
    if head.ent_type_ in _PARTY_ENTS or head.lower_ in _PARTY_PRONOUNS:
        return True
    return head.lemma_.lower() in _PARTY_NOUNS


def _event_scope(head: Token, actor_heads: Sequence[Token]) -> list[Token]:
    """The words of the event's own clause, without the words naming its doers or the source
    that reports it: where to look for who was on the receiving end ("militants opened fire on
    a market, police said")."""
    if head.pos_ not in ("VERB", "AUX") and head.head is not head:
        head = head.head  # a nominal trigger: the clause of its verb
    if head.dep_ == "advcl" and head.tag_ == "VBG":
        head = head.head  # "clashed in the city, killing six": the clause it elaborates
    attribution = [c for c in head.children if c.lemma_.lower() in _SAYING and c.dep_ != "xcomp"]
    doc = head.doc
    heads = _heads(doc)
    top = head.i
    anchors = {a.i for a in (*actor_heads, *attribution)}
    # the subtree of ``head`` lies between its edges; a word is in it when ``head`` is among its
    # ancestors, and left out when one of the anchors is (Token.subtree makes a Token per step)
    kept: list[Token] = []
    for i in range(head.left_edge.i, head.right_edge.i + 1):
        j, inside, dropped = i, False, False
        while True:
            inside = inside or j == top
            dropped = dropped or j in anchors
            if heads[j] == j:
                break
            j = heads[j]
        if inside and not dropped:
            kept.append(doc[i])
    return kept


_LAST_HEADS: tuple[Doc, list[int]] | None = None


def _heads(doc: Doc) -> list[int]:
    """The index of every word's head in ``doc`` (the root's is its own), for the last doc."""
    global _LAST_HEADS
    cached = _LAST_HEADS  # read once: another thread may be coding another doc
    if cached is None or cached[0] is not doc:
        offsets = doc.to_array("HEAD").astype("int64").tolist()
        cached = _LAST_HEADS = (doc, [i + k for i, k in enumerate(offsets)])
    return cached[1]


_SAYING = frozenset({"say", "tell", "report", "add", "claim", "state", "confirm"})


_ARREST_CODES = ("173",)


def _implicit_police(mention: Mention) -> bool:
    """An arrest reported in the passive without an agent ("15 workers were arrested",
    "the arrested men") was made by the police."""
    head = mention.match.head
    if not mention.code.startswith(_ARREST_CODES) or head.pos_ != "VERB":
        return False
    if any(c.dep_ == "agent" for c in head.children):
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
    return passive or (head.dep_ == "acl" and head.tag_ == "VBN")


# "killed in a blast", "wounded in clashes", "hit by attacks": the harm names the event's victims
_HARM_VERBS = frozenset(
    {"kill", "die", "wound", "injure", "hurt", "hit", "destroy", "damage", "maim", "level"}
)


def _stands_alone(head: Token) -> bool:
    """A nominal event reported without actors but as something that happened:
    "Protests broke out in August", "an attack killed six", "two soldiers died in a blast",
    "a prisoner died as a result of torture"."""
    if head.pos_ != "NOUN":
        return False
    if head.dep_ in ("nsubj", "nsubjpass"):
        return bool(head.head.lemma_.lower() in OCCURRENCE_VERBS)
    return _harm_verb(head) is not None


def _harm_verb(head: Token) -> Token | None:
    """The verb of harm whose cause the nominal trigger ``head`` names ("died in a blast",
    "wounded by shelling", "died as a result of torture"), unless the scene is an accident."""
    if head.pos_ != "NOUN" or head.dep_ != "pobj":
        return None
    prep = head.head
    if prep.lower_ == "of" and prep.head.lower_ in _CAUSE_NOUNS and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "died as a result of torture": the cause of the death
    elif prep.lower_ not in ("in", "by", "from"):
        return None
    verb = prep.head
    if verb.lemma_.lower() not in _HARM_VERBS or verb.pos_ != "VERB" or accident_scene(head.sent):
        return None
    return verb


# "as a result of", "because of": what the event caused
_CAUSE_NOUNS = frozenset({"result", "consequence", "cause"})


def _per_party(event: Event) -> list[Event]:
    """One event per party of a joint event, each aimed at the other parties, in event-id order
    (the order the store gives back events that share a trigger)."""
    out: list[Event] = []
    for actor in event.actors:
        side = actor.country or actor.code
        others = tuple(r for r in event.recipients if (r.country or r.code) != side)
        explanation = dict(event.explanation)
        explanation["actors"] = [n for n in event.explanation["actors"] if n["code"] == actor.code]
        codes = {r.code for r in others}
        explanation["recipients"] = [
            n for n in event.explanation["recipients"] if n["code"] in codes
        ]
        trigger = event.trigger
        event_id = _event_id(event.article_id, trigger.start, trigger.end, event.cameo, actor.code)
        out.append(
            replace(
                event,
                event_id=event_id,
                actors=(actor,),
                recipients=others,
                explanation=explanation,
            )
        )
    return sorted(out, key=lambda e: e.event_id)


def _event_id(article_id: str, start: int, end: int, cameo: str, party: str = "") -> str:
    key = f"{CODER_VERSION}|{article_id}|{start}|{end}|{cameo}"
    if party:  # one of the events of a joint event
        key += f"|{party}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
