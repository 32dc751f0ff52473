"""Scorers for datasets whose gold is a list of events (PLOVER and CAMEO event coding).

Each scorer takes the scored items of one dataset and returns a :class:`Scored`; which scorer a
dataset gets is decided in :mod:`thucydides.evaluation.datasets`. docs/evaluation.md explains every
metric.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from thucydides.evaluation.common import (
    NO_EVENT,
    Item,
    Scored,
    actor_code3,
    align,
    gold_code3s,
    gold_sectors,
    predicted_code3s,
    predicted_sectors,
    primary,
)
from thucydides.evaluation.gold import GoldActor, GoldEvent
from thucydides.evaluation.metrics import Counts, LabelTable, place_matches, token_f1, tokens
from thucydides.models import Actor, Event

__all__ = [
    "TupleSpec",
    "score_cameo_events",
    "score_generic",
    "score_plover_events",
    "score_set_labels",
]

Key = tuple[Hashable, ...]


@dataclass(frozen=True, slots=True)
class TupleSpec:
    """An event-level key: each event becomes a set of tuples (one per source x target pair)."""

    name: str
    gold: Callable[[GoldEvent], set[Key]]
    predicted: Callable[[Event], set[Key]]


def _pairs(kind: Hashable, sources: Iterable[Hashable], targets: Iterable[Hashable]) -> set[Key]:
    src = list(sources) or [None]
    tgt = list(targets) or [None]
    return {(kind, s, t) for s in src for t in tgt}


def _gold_key(kind: str) -> Callable[[GoldActor], Hashable]:
    if kind == "code3":
        return lambda a: a.code3.upper() if a.code3 else None
    if kind == "code":
        return lambda a: a.code.upper() if a.code else None
    return lambda a: a.sectors[0].upper() if a.sectors else None


def _pred_key(kind: str) -> Callable[[Actor], Hashable]:
    if kind == "code3":
        return actor_code3
    if kind == "code":
        return lambda a: a.code.upper() or None
    return lambda a: a.sectors[0].upper() if a.sectors else None


def event_spec(name: str, type_field: str, actor_kind: str) -> TupleSpec:
    """(type, source key, target key): type_field is "cameo_root", "cameo" or "plover";
    actor_kind is "code3", "code" or "sector" (first sector), or "" to ignore actors."""
    gk, pk = _gold_key(actor_kind), _pred_key(actor_kind)

    def gold(g: GoldEvent) -> set[Key]:
        kind = getattr(g, type_field)
        if kind is None:
            return set()
        if not actor_kind:
            return {(kind,)}
        return _pairs(kind, (gk(a) for a in g.source), (gk(a) for a in g.target))

    def predicted(e: Event) -> set[Key]:
        kind = getattr(e, type_field)
        if kind is None:
            return set()
        if not actor_kind:
            return {(kind,)}
        return _pairs(kind, (pk(a) for a in e.actors), (pk(a) for a in e.recipients))

    return TupleSpec(name, gold, predicted)


def _count(spec: TupleSpec, items: Sequence[Item]) -> Counts:
    counts = Counts()
    for item in items:
        gold = [k for g in item.gold.events for k in spec.gold(g)]
        pred = [k for e in item.events for k in spec.predicted(e)]
        counts.add(gold, pred)
    return counts


def _detection(scored: Scored, items: Sequence[Item]) -> None:
    """Record-level event detection, and false positives on records whose gold says "no event"."""
    detection = Counts()
    negatives = [i for i in items if i.gold.has_events and not i.gold.events]
    for item in items:
        detection.add([1] if item.gold.events else [], [1] if item.events else [])
    scored.put("detection", detection)
    if negatives:
        scored.metrics["negative_records"] = len(negatives)
        scored.metrics["negative_records_with_events"] = sum(1 for i in negatives if i.events)
        scored.metrics["false_positive_events"] = sum(len(i.events) for i in negatives)


def _match_rates(
    scored: Scored, items: Sequence[Item], prefix: str = "", *, typed: bool = False
) -> None:
    """Country and sector agreement between each gold event and its aligned prediction;
    ``typed``: only pairs whose type is right (same PLOVER type, else same CAMEO root)."""
    hits = dict.fromkeys(("source_code3", "target_code3", "source_sector", "target_sector"), 0)
    totals = dict.fromkeys(hits, 0)
    for item in items:
        for g, a in zip(item.gold.events, align(item.gold.events, item.events), strict=True):
            if typed and not (a and _same_type(g, a)):
                continue
            checks = {
                "source_code3": (gold_code3s(g.source), a and predicted_code3s(a.actors)),
                "target_code3": (gold_code3s(g.target), a and predicted_code3s(a.recipients)),
                "source_sector": (gold_sectors(g.source), a and predicted_sectors(a.actors)),
                "target_sector": (gold_sectors(g.target), a and predicted_sectors(a.recipients)),
            }
            for name, (want, got) in checks.items():
                if want:
                    totals[name] += 1
                    hits[name] += bool(got and want & got)
    for name in hits:
        scored.rate(f"{prefix}{name}_match", hits[name], totals[name])


def _same_type(gold: GoldEvent, event: Event) -> bool:
    if gold.plover:
        return gold.plover == event.plover
    return bool(gold.cameo_root) and gold.cameo_root == event.cameo_root


def _confuse(scored: Scored, items: Sequence[Item], field_name: str) -> None:
    """Gold label -> what was predicted instead, for gold events whose label was not predicted."""
    for item in items:
        predicted = {getattr(e, field_name) for e in item.events}
        top = primary(item.events)
        for g in item.gold.events:
            want = getattr(g, field_name)
            if want is None or want in predicted:
                continue
            got = (getattr(top, field_name) or "(CAMEO 01/02)") if top else NO_EVENT
            scored.confusions[(want, got)] += 1


def score_plover_events(items: Sequence[Item]) -> Scored:
    """One (or a few) gold PLOVER events per sentence: type hit-rate, top-1, macro-F1, then mode,
    context, actors and location of the aligned prediction."""
    scored = Scored(table_title="PLOVER type (per record, set-based)")
    by_set, by_top = LabelTable(), LabelTable()
    hits = total = 0
    field_hits = dict.fromkeys(("mode", "context", "location"), 0)
    field_totals = dict.fromkeys(field_hits, 0)
    for item in items:
        gold_types = [g.plover for g in item.gold.events if g.plover]
        predicted = {e.plover for e in item.events if e.plover}
        by_set.add(sorted(set(gold_types)), sorted(predicted))
        if set(gold_types) != predicted:
            scored.error(item, ", ".join(sorted(set(gold_types))) or NO_EVENT)
        top = primary(item.events)
        for g in item.gold.events:
            if not g.plover:
                continue
            total += 1
            hits += g.plover in predicted
            by_top.add_single(g.plover, top.plover if top else None)
        for g, a in zip(item.gold.events, align(item.gold.events, item.events), strict=True):
            if g.plover_mode:
                field_totals["mode"] += 1
                field_hits["mode"] += bool(
                    a and a.plover == g.plover and a.plover_mode == g.plover_mode
                )
            if g.plover_contexts:
                field_totals["context"] += 1
                want = {c.casefold() for c in g.plover_contexts}
                field_hits["context"] += bool(
                    a and want & {c.casefold() for c in a.plover_contexts}
                )
            if g.location:
                field_totals["location"] += 1
                place = a.location if a else None
                field_hits["location"] += bool(
                    place and place_matches(g.location, [place.name, place.text])
                )
    scored.rate("type_hit_rate", hits, total)
    scored.metrics["top1_accuracy"] = by_top.micro.recall
    scored.metrics["top1_macro_f1"] = by_top.macro_f1
    scored.put("type", by_set.micro)
    scored.metrics["type_macro_f1"] = by_set.macro_f1
    scored.rate("mode_match", field_hits["mode"], field_totals["mode"])
    scored.rate("context_match", field_hits["context"], field_totals["context"])
    _match_rates(scored, items)
    _match_rates(scored, items, prefix="typed_", typed=True)
    scored.rate("location_match", field_hits["location"], field_totals["location"])
    scored.table = by_set
    _confuse(scored, items, "plover")
    return scored


def score_cameo_events(
    items: Sequence[Item], *, exact_first: bool = False, sector_events: bool = False
) -> Scored:
    """Event-level P/R/F1 over (CAMEO root, source, target) per sentence, matched one-to-one, plus
    root-only, full-code and PLOVER P/R/F1, sector agreement and false positives on "no event".

    ``exact_first`` puts (full code, source code, target code) first (dictionary unit tests);
    ``sector_events`` adds (root, source sector, target sector) events (actors without countries).
    """
    scored = Scored(table_title="CAMEO root (per record, multiset)")
    specs = [
        event_spec("event", "cameo_root", "code3"),
        event_spec("exact_event", "cameo", "code"),
        event_spec("root", "cameo_root", ""),
        event_spec("cameo", "cameo", ""),
        event_spec("plover", "plover", ""),
    ]
    if exact_first:
        specs[0], specs[1] = specs[1], specs[0]
    if sector_events:
        specs.insert(0, event_spec("sector_event", "cameo_root", "sector"))
    for spec in specs:
        scored.put(spec.name, _count(spec, items))
    _detection(scored, items)
    _match_rates(scored, items)
    _match_rates(scored, items, prefix="typed_", typed=True)
    table = LabelTable()
    for item in items:
        gold = [g.cameo_root for g in item.gold.events if g.cameo_root]
        table.add(gold, [e.cameo_root for e in item.events])
        if sorted(gold) != sorted(e.cameo_root for e in item.events):
            codes = [g.cameo or g.cameo_root for g in item.gold.events if g.cameo_root]
            scored.error(item, ", ".join(sorted(c for c in codes if c)) or NO_EVENT)
    scored.table = table
    _confuse(scored, items, "cameo_root")
    return scored


def _text_overlap(
    scored: Scored,
    items: Sequence[Item],
    name: str,
    gold: Callable[[GoldEvent], Iterable[str | None]],
    predicted: Callable[[Event], Iterable[str | None]],
) -> None:
    """Mean bag-of-tokens F1 per record of gold vs predicted texts (records with gold text)."""
    values = []
    for item in items:
        want = [t for g in item.gold.events for s in gold(g) for t in tokens(s)]
        if want:
            got = [t for e in item.events for s in predicted(e) for t in tokens(s)]
            values.append(token_f1(want, got))
    if values:
        scored.metrics[name] = sum(values) / len(values)
        scored.metrics[f"{name}_n"] = len(values)


def score_set_labels(items: Sequence[Item], *, field_name: str, exclude: frozenset[str]) -> Scored:
    """Per sentence, set P/R/F1 over labels (``cameo_root`` or ``plover``); text overlap of triggers
    and actors; place names against the story's ``locations``; codes on the subset that has them."""
    title = "CAMEO root" if field_name == "cameo_root" else "PLOVER type"
    scored = Scored(table_title=f"{title} (per record, set-based)")
    table = LabelTable()
    plover = LabelTable()
    for item in items:
        gold = {str(v) for g in item.gold.events if (v := getattr(g, field_name))} - exclude
        pred = {str(v) for e in item.events if (v := getattr(e, field_name))} - exclude
        table.add(sorted(gold), sorted(pred))
        if gold != pred:
            scored.error(item, ", ".join(sorted(gold)) or NO_EVENT)
        if field_name != "plover":
            gold_p = {g.plover for g in item.gold.events if g.plover} - exclude
            plover.add(sorted(gold_p), sorted({e.plover for e in item.events if e.plover}))
    scored.put(field_name.replace("cameo_", ""), table.micro)
    scored.metrics[f"{field_name.replace('cameo_', '')}_macro_f1"] = table.macro_f1
    if field_name != "plover":
        scored.put("plover", plover.micro)
    _text_overlap(
        scored, items, "trigger_overlap", lambda g: [g.trigger], lambda e: [e.trigger.text]
    )
    _text_overlap(
        scored,
        items,
        "source_text_overlap",
        lambda g: [a.text for a in g.source],
        lambda e: [a.text for a in e.actors],
    )
    _text_overlap(
        scored,
        items,
        "target_text_overlap",
        lambda g: [a.text for a in g.target],
        lambda e: [a.text for a in e.recipients],
    )
    with_places = [i for i in items if i.gold.locations]
    if with_places:
        found = sum(
            any(
                place_matches(loc, [e.location.name, e.location.text])
                for loc in i.gold.locations
                for e in i.events
                if e.location
            )
            for i in with_places
        )
        scored.rate("location_match", found, len(with_places))
    coded = [i for i in items if i.gold.meta.get("actor_codes_from_1018_file")]
    if coded:
        _match_rates(scored, coded, prefix="subset_")
    scored.table = table
    _confuse(scored, items, field_name)
    return scored


def score_generic(items: Sequence[Item]) -> Scored:
    """A dataset without a specific recipe: detection, root or PLOVER set P/R/F1."""
    gold_roots = any(g.cameo_root for i in items for g in i.gold.events)
    gold_plover = any(g.plover for i in items for g in i.gold.events)
    field_name = "cameo_root" if gold_roots or not gold_plover else "plover"
    scored = score_set_labels(items, field_name=field_name, exclude=frozenset())
    if any(i.gold.has_events for i in items):
        _detection(scored, items)
    scored.notes.append("no dataset-specific recipe: generic detection and label-set scoring")
    return scored
