"""Scoring a coder against gold-standard event data (``thucydides evaluate GOLD.jsonl``).

::

    from thucydides.evaluation import evaluate
    report = evaluate("dev.jsonl", coder)  # coder: Iterable[Article] -> (id, events) pairs
    print(report.render())                 # or report.to_dict() for JSON

The dataset (the records' ``dataset`` field) decides which metrics are computed; see
docs/evaluation.md.
"""

from thucydides.evaluation.gold import GoldActor, GoldEvent, GoldRecord, load_gold
from thucydides.evaluation.report import EvaluationReport, TypeRow
from thucydides.evaluation.runner import SCORERS, Coder, evaluate

__all__ = [
    "SCORERS",
    "Coder",
    "EvaluationReport",
    "GoldActor",
    "GoldEvent",
    "GoldRecord",
    "TypeRow",
    "evaluate",
    "load_gold",
]
