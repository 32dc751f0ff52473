"""Throughput: our whole pipeline vs a bare spaCy parse of the same texts, in one run.

    .venv/bin/python benchmarks/throughput.py [--corpus ../shared/corpus/news.jsonl] [--repeat 3]

Prints words/s and articles/s for (a) a bare ``spacy.load(model).pipe`` of the texts, (b) thucydides'
pipeline without the store (parse + code), (c) the full ``code`` run into a fresh DuckDB file, and the
ratios (b)/(a) and (c)/(a) of their times. Same process count (1), same batch size, same texts.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import spacy

from thucydides.models import Article
from thucydides.nlp import DEFAULT_MODEL
from thucydides.pipeline import Coded, Settings, code_articles, code_collection


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus/news.jsonl")
    parser.add_argument("--repeat", type=int, default=3, help="copies of the corpus to code")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; best is kept")
    args = parser.parse_args()

    records = [json.loads(line) for line in Path(args.corpus).read_text().splitlines() if line]
    articles = [
        Article(id=f"{r['id']}-{k}", text=r["text"], language="en")
        for k in range(args.repeat)
        for r in records
    ]
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {args.corpus} x{args.repeat} = {len(articles)} articles, {words:,} words")

    bare = spacy.load(DEFAULT_MODEL)
    list(bare.pipe(["Warm up the pipeline."]))
    settings = Settings(batch_size=args.batch_size)
    list(code_articles([Article(id="w", text="Egypt and Jordan met in Cairo.")], settings))

    def run_bare() -> None:
        for _ in bare.pipe((a.text for a in articles), batch_size=args.batch_size):
            pass

    n_events = 0

    def run_pipeline() -> None:
        nonlocal n_events
        outcomes = code_articles(articles, settings)
        n_events = sum(len(o.events) for o in outcomes if isinstance(o, Coded))

    tmp = tempfile.TemporaryDirectory()
    jsonl = Path(tmp.name) / "in.jsonl"
    jsonl.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a in articles))
    stored = 0

    def run_full() -> None:
        nonlocal stored
        db = Path(tmp.name) / "b.duckdb"
        db.unlink(missing_ok=True)
        summary = code_collection(
            [str(jsonl)], db=db, out=Path(tmp.name) / "e.jsonl", settings=settings
        )
        stored = summary.events

    # Rounds alternate the three runs so that load from other processes hits them alike;
    # the best time of each is reported.
    times: dict[str, list[float]] = {"bare": [], "pipeline": [], "full": []}
    for _ in range(args.rounds):
        for name, fn in (("bare", run_bare), ("pipeline", run_pipeline), ("full", run_full)):
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    tmp.cleanup()
    t_bare, t_pipeline, t_full = (min(times[k]) for k in ("bare", "pipeline", "full"))

    def row(name: str, seconds: float) -> str:
        return (
            f"{name:<38} {seconds:7.2f} s {words / seconds:9,.0f} words/s "
            f"{len(articles) / seconds:7.1f} articles/s  {seconds / t_bare:5.2f}x bare"
        )

    print(row("bare spaCy parse (nlp.pipe)", t_bare))
    print(row("pipeline: parse + code", t_pipeline))
    print(row("code command: read+parse+code+store+out", t_full))
    print(f"events: {n_events} ({stored} stored); best of {args.rounds} alternating rounds")


if __name__ == "__main__":
    main()
