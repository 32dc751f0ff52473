"""What every scorer shares: the scored item, the scorer result, and views of predicted events."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from thucydides.evaluation.gold import GoldActor, GoldEvent, GoldRecord
from thucydides.evaluation.metrics import Counts, LabelTable, greedy_match
from thucydides.models import Actor, Event

__all__ = [
    "NO_EVENT",
    "ErrorCase",
    "Item",
    "Scored",
    "actor_code3",
    "align",
    "describe",
    "gold_code3s",
    "gold_sectors",
    "predicted_code3s",
    "predicted_sectors",
    "primary",
    "ranked",
]

NO_EVENT = "(no event)"

# Three-letter CAMEO role/sector codes: an actor code that starts with one has no country part.
_ROLE_CODES = frozenset(
    {
        "GOV", "MIL", "REB", "OPP", "CVL", "COP", "PTY", "UAF", "JUD", "LEG", "BUS", "CRM", "EDU",
        "MED", "REL", "LAB", "AGR", "REF", "ELI", "HLH", "SPY", "ENV", "JRN", "HRI", "DEV", "PPL",
        "MOD", "RAD", "INS", "SEP",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Item:
    """One gold record with what the coder returned for it."""

    gold: GoldRecord
    events: tuple[Event, ...]
    coded: bool  # False when the coder skipped (rejected) the record


@dataclass(frozen=True, slots=True)
class ErrorCase:
    """One record the coder got wrong, for reading errors in bulk (``--show-errors N``)."""

    record_id: str
    text: str
    gold: str  # the gold labels, as the scorer sees them
    predicted: str  # the predicted events, top-1 first (see :func:`describe`)

    def to_dict(self) -> dict[str, str]:
        return {
            "id": self.record_id,
            "text": self.text,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass(slots=True)
class Scored:
    """A scorer's result; turned into an EvaluationReport by the runner."""

    metrics: dict[str, float | int] = field(default_factory=dict)
    table: LabelTable | None = None
    table_title: str = ""
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    errors: list[ErrorCase] = field(default_factory=list)

    def put(self, name: str, counts: Counts) -> None:
        self.metrics.update(counts.scores(name))

    def error(self, item: Item, gold: str) -> None:
        """Keep ``item`` as a wrongly coded record whose gold reads ``gold``."""
        self.errors.append(ErrorCase(item.gold.id, item.gold.text, gold, describe(item.events)))

    def rate(self, name: str, hits: int, total: int) -> None:
        """A rate stored as ``name`` with its denominator ``name_n``; left out when n = 0."""
        if total:
            self.metrics[name] = hits / total
            self.metrics[f"{name}_n"] = total


Scorer = Callable[[Sequence[Item]], Scored]


def ranked(events: Sequence[Event]) -> list[Event]:
    """Events in the order used for "top-1": first the events with a PLOVER type (CAMEO 01/02
    statements come last), factual before non-factual, then sentence order and trigger position."""
    return sorted(
        events,
        key=lambda e: (e.plover is None, not e.factual, e.sentence_index, e.trigger.start),
    )


def describe(events: Sequence[Event]) -> str:
    """Predicted events in top-1 order as ``trigger=CAMEO/PLOVER``, non-factual ones marked with
    their modality: "met=040/CONSULT; threatened=138/THREATEN (future)"; "(no event)" if none."""
    parts = []
    for e in ranked(events):
        mode = f" {e.plover_mode}" if e.plover_mode else ""
        flag = "" if e.factual else f" ({e.modality})"
        parts.append(f"{e.trigger.text}={e.cameo}/{e.plover or '-'}{mode}{flag}")
    return "; ".join(parts) or NO_EVENT


def primary(events: Sequence[Event]) -> Event | None:
    """The top-1 event (see :func:`ranked`), or None."""
    order = ranked(events)
    return order[0] if order else None


def actor_code3(actor: Actor) -> str | None:
    """The actor's country, else the three-letter head of its code when that is not a role code
    (IGO, NGO, IMG, MNC, ... and dictionary codes of non-country actors)."""
    if actor.country:
        return actor.country.upper()
    head = actor.code[:3].upper()
    if len(head) == 3 and head.isalpha() and head not in _ROLE_CODES:
        return head
    return None


def predicted_code3s(actors: Sequence[Actor]) -> set[str]:
    return {c for c in (actor_code3(a) for a in actors) if c}


def predicted_sectors(actors: Sequence[Actor]) -> set[str]:
    return {s.upper() for a in actors for s in a.sectors}


def gold_code3s(actors: Sequence[GoldActor]) -> set[str]:
    return {a.code3.upper() for a in actors if a.code3}


def gold_sectors(actors: Sequence[GoldActor]) -> set[str]:
    return {s.upper() for a in actors for s in a.sectors}


def _alignment_score(gold: GoldEvent, event: Event) -> float:
    score = 0.0
    if gold.plover and gold.plover == event.plover:
        score += 8
    if gold.cameo_root and gold.cameo_root == event.cameo_root:
        score += 4
    if gold_code3s(gold.source) & predicted_code3s(event.actors):
        score += 2
    if gold_code3s(gold.target) & predicted_code3s(event.recipients):
        score += 1
    if gold_sectors(gold.source) & predicted_sectors(event.actors):
        score += 0.5
    if gold_sectors(gold.target) & predicted_sectors(event.recipients):
        score += 0.25
    return score


def align(gold: Sequence[GoldEvent], events: Sequence[Event]) -> list[Event | None]:
    """For each gold event, the predicted event paired with it one-to-one (or None).

    Greedy on a score that weighs type (PLOVER 8, CAMEO root 4) above source (2) and target (1)
    country and sectors; a pair that agrees on nothing is never made.
    """
    order = ranked(events)
    pairs = greedy_match(len(gold), len(order), lambda i, j: _alignment_score(gold[i], order[j]))
    aligned: list[Event | None] = [None] * len(gold)
    for i, j in pairs:
        aligned[i] = order[j]
    return aligned
