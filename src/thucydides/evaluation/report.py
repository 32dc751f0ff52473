"""The result of ``thucydides evaluate``: metrics, per-type table, frequent errors; text or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from thucydides.evaluation.common import ErrorCase

__all__ = ["COVERAGE_KEYS", "EvaluationReport", "TypeRow"]

COVERAGE_KEYS = (
    "n_records",
    "n_coded",
    "coverage",
    "n_not_coded",
    "n_no_events",
    "n_nothing",
    "n_gold_events",
    "n_predicted_events",
    "n_predicted_nonfactual",
)


@dataclass(frozen=True, slots=True)
class TypeRow:
    """One line of the per-type table."""

    label: str
    gold: int
    predicted: int
    correct: int
    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "gold": self.gold,
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """Scores of one coder on one gold file.

    ``metrics`` holds coverage counts (``COVERAGE_KEYS``) and the dataset's scores; a rate ``x``
    computed over a subset comes with its denominator ``x_n``. docs/evaluation.md defines each one.
    """

    dataset: str
    path: str
    n_records: int
    metrics: dict[str, float | int]
    per_type: tuple[TypeRow, ...] = ()
    per_type_title: str = ""
    # (gold, predicted, count), most frequent first
    confusions: tuple[tuple[str, str, int], ...] = ()
    notes: tuple[str, ...] = ()
    # every wrongly coded record, in file order (what counts as wrong depends on the dataset)
    errors: tuple[ErrorCase, ...] = ()

    def to_dict(self, show_errors: int = 0) -> dict[str, Any]:
        """A JSON-ready dict (floats rounded to 4 places); with the first ``show_errors`` wrongly
        coded records under ``errors`` when that is above 0."""
        data: dict[str, Any] = {
            "dataset": self.dataset,
            "path": self.path,
            "n_records": self.n_records,
            "metrics": {
                k: round(v, 4) if isinstance(v, float) else v for k, v in self.metrics.items()
            },
            "per_type_title": self.per_type_title,
            "per_type": [row.to_dict() for row in self.per_type],
            "confusions": [{"gold": g, "predicted": p, "count": n} for g, p, n in self.confusions],
            "notes": list(self.notes),
        }
        if show_errors > 0:
            data["errors"] = [e.to_dict() for e in self.errors[:show_errors]]
            data["n_errors"] = len(self.errors)
        return data

    def to_json(self, show_errors: int = 0) -> str:
        """The report as indented JSON text (``--json``)."""
        return json.dumps(self.to_dict(show_errors), indent=2, ensure_ascii=False)

    def render(self, show_errors: int = 0) -> str:
        """A plain-text report: coverage, scores, per-type table, frequent errors, notes; then the
        first ``show_errors`` wrongly coded records with their text, gold and predicted events."""
        m = self.metrics
        lines = [f"dataset {self.dataset}  ({self.path})", "", "coverage"]
        for key in COVERAGE_KEYS:
            if key in m:
                shown = f"{m[key]:.1%}" if key == "coverage" else str(m[key])
                lines.append(f"  {key[2:] if key.startswith('n_') else key:<26}{shown:>8}")
        lines += ["", "scores"]
        for key, value in m.items():
            if key in COVERAGE_KEYS or (key.endswith("_n") and key[:-2] in m):
                continue
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            extra = f"  (n={m[key + '_n']})" if f"{key}_n" in m else ""
            lines.append(f"  {key:<34}{shown:>8}{extra}")
        if self.per_type:
            width = max(12, *(len(r.label) for r in self.per_type))
            lines += ["", self.per_type_title]
            lines.append(
                f"  {'label':<{width}} {'gold':>6} {'pred':>6} {'correct':>8}"
                f" {'prec':>6} {'recall':>6} {'f1':>6}"
            )
            for r in self.per_type:
                lines.append(
                    f"  {r.label:<{width}} {r.gold:>6} {r.predicted:>6} {r.correct:>8}"
                    f" {r.precision:>6.3f} {r.recall:>6.3f} {r.f1:>6.3f}"
                )
        if self.confusions:
            lines += ["", "most frequent errors (gold -> predicted instead)"]
            for gold, predicted, count in self.confusions:
                lines.append(f"  {count:>5}  {gold} -> {predicted}")
        if self.notes:
            lines += ["", "notes"]
            lines += [f"  - {note}" for note in self.notes]
        if show_errors > 0:
            cases = self.errors[:show_errors]
            lines += ["", f"wrongly coded records ({len(cases)} of {len(self.errors)})"]
            for case in cases:
                lines += [
                    f"  [{case.record_id}] {' '.join(case.text.split())}",
                    f"      gold: {case.gold}",
                    f"      predicted: {case.predicted}",
                ]
        return "\n".join(lines) + "\n"
