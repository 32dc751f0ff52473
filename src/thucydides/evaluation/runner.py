"""``evaluate(path, coder)``: code every gold record with a coder and score the events returned."""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from pathlib import Path

from thucydides.errors import EvaluationError
from thucydides.evaluation.common import Item, Scored, Scorer
from thucydides.evaluation.gold import GoldRecord, load_gold
from thucydides.evaluation.labels import score_acled, score_detection, score_penta, score_police
from thucydides.evaluation.report import EvaluationReport, TypeRow
from thucydides.evaluation.scoring import (
    score_cameo_events,
    score_generic,
    score_plover_events,
    score_set_labels,
)
from thucydides.models import Article, Event

__all__ = ["SCORERS", "Coder", "evaluate"]

Coder = Callable[[Iterable[Article]], Iterable[tuple[str, Sequence[Event]]]]
"""Codes articles; yields ``(article_id, events)`` per article, in order. An article it rejects may
be left out: it then counts as not coded (and as a record without events)."""


def _score_unittest(items: Sequence[Item]) -> Scored:
    """PETRARCH-2 unit tests: drop dummy (non-CAMEO) gold codes and the DATE category."""
    kept: list[Item] = []
    dropped_records = dropped_events = 0
    for item in items:
        if item.gold.meta.get("category") == "DATE":
            dropped_records += 1
            continue
        valid = tuple(e for e in item.gold.events if e.cameo_valid)
        if item.gold.events and not valid:
            dropped_records += 1
            dropped_events += len(item.gold.events)
            continue
        dropped_events += len(item.gold.events) - len(valid)
        kept.append(dataclasses.replace(item, gold=dataclasses.replace(item.gold, events=valid)))
    scored = score_cameo_events(kept, exact_first=True)
    scored.notes.append(
        f"scored {len(kept)} of {len(items)} records: dropped {dropped_records} records "
        f"(DATE category, or only dummy codes) and {dropped_events} dummy-code gold events"
    )
    return scored


SCORERS: dict[str, Scorer] = {
    "plover_gsr_en": score_plover_events,
    "arabic_event_actors_ar": score_plover_events,
    "petrarch2_gsr_en": score_cameo_events,
    "petrarch2_unittest": _score_unittest,
    "spanish_colombia_violence_es": functools.partial(score_cameo_events, sector_events=True),
    "spanish_protest_cameo_es": functools.partial(
        score_set_labels, field_name="cameo_root", exclude=frozenset()
    ),
    "spanish_protest_plover_es": functools.partial(
        score_set_labels, field_name="plover", exclude=frozenset({"CRIME"})
    ),
    "conflibert_cameo_penta_en": score_penta,
    "case2021_task2_acled_en": score_acled,
    "india_police_events_en": score_police,
    "arabic_event_detection_ar": score_detection,
}
"""Dataset name (the records' ``dataset`` field) -> scorer; other names get ``score_generic``."""


def evaluate(
    path: str | Path,
    coder: Coder,
    *,
    limit: int | None = None,
    factual_only: bool = False,
) -> EvaluationReport:
    """Code the records of the gold file ``path`` with ``coder`` and score the result.

    ``limit`` scores only the first N records. ``factual_only`` ignores events the coder flags as
    not factual (negated, hypothetical, future, intended); by default every event counts.
    Raises :class:`EvaluationError` for a bad gold file.
    """
    if limit is not None and limit < 1:
        raise EvaluationError(f"limit must be a positive number of records, not {limit}")
    records = list(islice(load_gold(path), limit))
    if not records:
        raise EvaluationError(f"{path}: no gold records; a gold file has one JSON object a line")
    known = {r.id for r in records}
    returned: dict[str, list[Event]] = {}
    unknown = 0
    for article_id, events in coder([r.to_article() for r in records]):
        if article_id in known:
            returned.setdefault(article_id, []).extend(events)
        else:
            unknown += 1
    nonfactual = sum(1 for evs in returned.values() for e in evs if not e.factual)
    items = [
        Item(
            gold=r,
            events=tuple(e for e in returned.get(r.id, ()) if e.factual or not factual_only),
            coded=r.id in returned,
        )
        for r in records
    ]
    names = Counter(r.dataset for r in records)
    dataset = next(iter(names)) if len(names) == 1 else "mixed"
    scored = SCORERS.get(dataset, score_generic)(items)
    metrics = _coverage(items, nonfactual)
    metrics.update(scored.metrics)
    notes = _coverage_notes(items, records)
    if len(names) > 1:
        notes.append("records of several datasets: " + ", ".join(sorted(names)))
    if unknown:
        notes.append(f"the coder returned {unknown} results for ids that are not in the gold file")
    if factual_only:
        notes.append(f"non-factual events ignored ({nonfactual} of them)")
    return EvaluationReport(
        dataset=dataset,
        path=str(path),
        n_records=len(records),
        metrics=metrics,
        per_type=_rows(scored),
        per_type_title=scored.table_title,
        confusions=tuple(
            (g, p, n)
            for (g, p), n in sorted(scored.confusions.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        ),
        notes=(*notes, *scored.notes),
        errors=tuple(scored.errors),
    )


def _coverage(items: Sequence[Item], nonfactual: int) -> dict[str, float | int]:
    n = len(items)
    coded = sum(1 for i in items if i.coded)
    empty = sum(1 for i in items if i.coded and not i.events)
    return {
        "n_records": n,
        "n_coded": coded,
        "coverage": coded / n,
        "n_not_coded": n - coded,
        "n_no_events": empty,
        "n_nothing": n - coded + empty,
        "n_gold_events": sum(len(i.gold.events) for i in items),
        "n_predicted_events": sum(len(i.events) for i in items),
        "n_predicted_nonfactual": nonfactual,
    }


def _coverage_notes(items: Sequence[Item], records: Sequence[GoldRecord]) -> list[str]:
    notes = []
    skipped = [i.gold for i in items if not i.coded]
    if skipped:
        langs = Counter(r.lang or "unknown" for r in skipped)
        detail = ", ".join(f"{lang}: {n}" for lang, n in langs.most_common())
        notes.append(
            f"{len(skipped)} of {len(items)} records were not coded (rejected by the coder; "
            f"languages {detail}); they are scored as records without events"
        )
    duplicates = [k for k, n in Counter(r.id for r in records).items() if n > 1]
    if duplicates:
        notes.append(f"{len(duplicates)} ids occur more than once; such records share results")
    return notes


def _rows(scored: Scored) -> tuple[TypeRow, ...]:
    if scored.table is None:
        return ()
    return tuple(
        TypeRow(
            label=label,
            gold=c.tp + c.fn,
            predicted=c.tp + c.fp,
            correct=c.tp,
            precision=c.precision,
            recall=c.recall,
            f1=c.f1,
        )
        for label, c in scored.table.rows()
    )
