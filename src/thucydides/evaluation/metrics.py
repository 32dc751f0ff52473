"""Counting and scoring helpers: precision/recall/F1, per-label tables, matching, text overlap.

Pure functions over plain values; nothing here knows about datasets or events.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "Counts",
    "LabelTable",
    "greedy_match",
    "normalise_place",
    "place_matches",
    "ratio",
    "token_f1",
    "tokens",
]


def ratio(part: float, whole: float) -> float:
    """``part / whole``, and 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> None:
        """Count one item: multiset overlap of gold and predicted keys."""
        g, p = Counter(gold), Counter(predicted)
        common = sum((g & p).values())
        self.tp += common
        self.fp += sum(p.values()) - common
        self.fn += sum(g.values()) - common

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return ratio(2 * p * r, p + r)

    def scores(self, prefix: str) -> dict[str, float | int]:
        """``{prefix_precision, prefix_recall, prefix_f1}``."""
        return {
            f"{prefix}_precision": self.precision,
            f"{prefix}_recall": self.recall,
            f"{prefix}_f1": self.f1,
        }


class LabelTable:
    """Per-label counts over items that each have a gold and a predicted label set (or multiset).

    ``macro_f1`` averages F1 over every label that occurs in the gold or the predictions.
    """

    def __init__(self) -> None:
        self.counts: dict[str, Counts] = {}
        self.micro = Counts()

    def _get(self, label: str) -> Counts:
        return self.counts.setdefault(label, Counts())

    def add(self, gold: Iterable[str], predicted: Iterable[str]) -> None:
        g, p = Counter(gold), Counter(predicted)
        self.micro.add(g.elements(), p.elements())
        for label in set(g) | set(p):
            self._get(label).add([label] * g[label], [label] * p[label])

    def add_single(self, gold: str | None, predicted: str | None) -> None:
        """Count one single-label item (``None`` = no label)."""
        self.add([gold] if gold else [], [predicted] if predicted else [])

    def ensure(self, labels: Iterable[str]) -> None:
        """Make sure the labels appear in the table even if never seen."""
        for label in labels:
            self._get(label)

    @property
    def macro_f1(self) -> float:
        scored = [c.f1 for c in self.counts.values() if c.tp + c.fp + c.fn]
        return ratio(sum(scored), len(scored))

    def rows(self) -> list[tuple[str, Counts]]:
        """Labels by descending gold count, then name."""
        return sorted(self.counts.items(), key=lambda kv: (-(kv[1].tp + kv[1].fn), kv[0]))


def greedy_match(
    n_gold: int, n_predicted: int, score: Callable[[int, int], float]
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)``, best score first.

    Pairs scoring <= 0 never match. Ties go to the earlier gold item, then the earlier prediction.
    """
    candidates = sorted(
        ((score(i, j), i, j) for i in range(n_gold) for j in range(n_predicted)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for value, i, j in candidates:
        if value <= 0:
            break
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        pairs.append((i, j))
    return sorted(pairs)


_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str | None) -> list[str]:
    """Lower-cased, accent-folded word tokens."""
    return _WORD.findall(_fold(text)) if text else []


def token_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Bag-of-tokens F1 between two token lists (0.0 when either is empty)."""
    common = sum((Counter(gold) & Counter(predicted)).values())
    p, r = ratio(common, len(predicted)), ratio(common, len(gold))
    return ratio(2 * p * r, p + r)


def normalise_place(name: str | None) -> tuple[str, ...]:
    """A place name as folded tokens, without filler words such as "province of"."""
    filler = {"of", "the", "province", "city", "de", "del", "la", "el"}
    return tuple(t for t in tokens(name) if t not in filler)


def place_matches(gold: str, predicted: Iterable[str | None]) -> bool:
    """True when a predicted name equals the gold one or either one's words contain the other's."""
    g = set(normalise_place(gold))
    if not g:
        return False
    for name in predicted:
        p = set(normalise_place(name))
        if p and (g <= p or p <= g):
            return True
    return False
