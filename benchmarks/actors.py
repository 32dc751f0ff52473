"""What the actor stage costs: its share of the pipeline's time, measured in one run.

    .venv/bin/python benchmarks/actors.py [--corpus ../shared/corpus/news.jsonl] [--rounds 3]

The texts are parsed once (spaCy, timed), then coded ``--rounds`` times with the real actor stage
(``ArticleActors``: dictionary resolution + within-article coreference, its time measured inside
the coder) and as many times with a stand-in that resolves nothing, alternating; the best time of
each is kept. Printed: parse time, coding time with and without actors, the time spent in the actor
stage, and the ratio (actor stage) / (parse + coding), which the issue caps at 10%. The difference
between coding with and without actors is an upper bound: without actors, fewer events survive, so
their places and dates are not resolved either.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import thucydides.coding.events as events
from thucydides import nlp
from thucydides.coding.coreference import ArticleActors
from thucydides.dictionaries.actors import default_dictionary
from thucydides.dictionaries.verbs import load_trigger_dictionary
from thucydides.ingest import furniture_spans
from thucydides.models import Article


class _NoActors:
    """Stands in for ArticleActors: resolves nothing, costs nothing."""

    def __init__(self, doc: Any, **_: Any) -> None:
        pass

    def resolve(self, head: Any) -> list[Any]:
        return []

    def unknown_name(self, head: Any) -> None:
        return None


class _TimedActors(ArticleActors):
    """ArticleActors that adds the time spent in it to ``spent``."""

    spent = 0.0

    def __init__(self, doc: Any, **kwargs: Any) -> None:
        started = time.perf_counter()
        super().__init__(doc, **kwargs)
        _TimedActors.spent += time.perf_counter() - started

    def resolve(self, head: Any) -> list[Any]:
        started = time.perf_counter()
        try:
            return super().resolve(head)
        finally:
            _TimedActors.spent += time.perf_counter() - started

    def unknown_name(self, head: Any) -> str | None:
        started = time.perf_counter()
        try:
            return super().unknown_name(head)
        finally:
            _TimedActors.spent += time.perf_counter() - started


def _best(rounds: int, run: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus/news.jsonl")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    records = [json.loads(line) for line in Path(args.corpus).read_text().splitlines() if line]
    articles = [Article(id=str(r["id"]), text=r["text"], language="en") for r in records]
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {args.corpus}: {len(articles)} articles, {words:,} words")

    triggers = load_trigger_dictionary()
    default_dictionary()  # loading the dictionaries is a once-per-process cost, not per article
    list(nlp.parse([("Warm up the parser.", None)]))
    started = time.perf_counter()
    docs = [doc for doc, _ in nlp.parse((a.text, a) for a in articles)]
    parse_s = time.perf_counter() - started
    skips = [furniture_spans(a.text) for a in articles]
    real = ArticleActors

    def code(with_actors: bool) -> Callable[[], None]:
        def run() -> None:
            _TimedActors.spent = 0.0
            setattr(events, "ArticleActors", _TimedActors if with_actors else _NoActors)  # noqa: B010
            try:
                for doc, article, skip in zip(docs, articles, skips, strict=True):
                    events.code_doc(doc, article, triggers, skip=skip)
            finally:
                setattr(events, "ArticleActors", real)  # noqa: B010

        return run

    with_s = without_s = inside_s = float("inf")
    for _ in range(args.rounds):  # alternate, so that machine noise hits both alike
        took = _best(1, code(True))
        if took < with_s:
            with_s, inside_s = took, _TimedActors.spent
        without_s = min(without_s, _best(1, code(False)))

    def resolve_all() -> None:
        for doc, article in zip(docs, articles, strict=True):
            actors = ArticleActors(doc, when=article.published)
            for token in doc:
                if token.pos_ in ("NOUN", "PROPN", "PRON"):
                    actors.resolve(token)

    alone_s = _best(args.rounds, resolve_all)
    stage = max(with_s - without_s, 0.0)
    total = parse_s + with_s
    print(f"parse (spaCy)                             {parse_s:8.3f} s")
    print(f"coding with actors                        {with_s:8.3f} s")
    print(f"  of which in the actor stage             {inside_s:8.3f} s")
    print(f"coding without actors                     {without_s:8.3f} s")
    print(f"difference (also the events kept only     {stage:8.3f} s")
    print("  because they have actors: places, dates)")
    print(f"every noun and pronoun resolved           {alone_s:8.3f} s")
    print(f"actor stage / (parse + coding)            {inside_s / total:8.1%}   (target: <= 10%)")
    print(f"difference / (parse + coding)             {stage / total:8.1%}   (an upper bound)")


if __name__ == "__main__":
    main()
