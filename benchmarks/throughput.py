"""Throughput: our whole pipeline vs a bare spaCy parse of the same texts, in one run.

    .venv/bin/python benchmarks/throughput.py [--corpus ../shared/corpus/news.jsonl] [--repeat 3]

Prints words/s and articles/s for (a) a bare ``spacy.load(model).pipe`` of the texts, (b) thucydides'
pipeline without the store (parse + code), (c) the full ``code`` run into a fresh DuckDB file, and the
ratios (b)/(a) and (c)/(a) of their times. Same process (1), same batch size, same texts, both
pipelines warmed up first.

(a) and (b) take turns on blocks of ``--block`` articles (a multiple of the batch size, so the
batches are those of one run over all the texts), which goes first alternating from block to block:
a change in the load from other processes hits both alike. Each round adds up the blocks; the ratio
is reported for every round, of wall-clock time and of this process's CPU time (which leaves out
the time spent waiting for a core on a shared machine), with the median over the rounds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy

from thucydides.models import Article
from thucydides.nlp import DEFAULT_MODEL
from thucydides.pipeline import Coded, Settings, code_articles, code_collection


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of one call."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus/news.jsonl")
    parser.add_argument("--repeat", type=int, default=3, help="copies of the corpus to code")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--block", type=int, default=32, help="articles per turn (see above)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; ratios per round + median")
    args = parser.parse_args()
    if args.block % args.batch_size:
        parser.error("--block must be a multiple of --batch-size")

    records = [json.loads(line) for line in Path(args.corpus).read_text().splitlines() if line]
    articles = [
        Article(id=f"{r['id']}-{k}", text=r["text"], language="en")
        for k in range(args.repeat)
        for r in records
    ]
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {args.corpus} x{args.repeat} = {len(articles)} articles, {words:,} words")
    blocks = [articles[i : i + args.block] for i in range(0, len(articles), args.block)]

    bare = spacy.load(DEFAULT_MODEL)
    list(bare.pipe(["Warm up the pipeline."]))
    settings = Settings(batch_size=args.batch_size)
    list(code_articles([Article(id="w", text="Egypt and Jordan met in Cairo.")], settings))

    def run_bare(block: Sequence[Article]) -> None:
        for _ in bare.pipe((a.text for a in block), batch_size=args.batch_size):
            pass

    n_events = 0

    def run_pipeline(block: Sequence[Article]) -> None:
        nonlocal n_events
        outcomes = code_articles(block, settings)
        n_events += sum(len(o.events) for o in outcomes if isinstance(o, Coded))

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

    # per round: (wall, CPU) seconds of each run over all the texts
    rounds: dict[str, list[tuple[float, float]]] = {"bare": [], "pipeline": [], "full": []}
    runs = {"bare": run_bare, "pipeline": run_pipeline}
    for r in range(args.rounds):
        n_events = 0
        totals = {"bare": [0.0, 0.0], "pipeline": [0.0, 0.0]}
        for b, block in enumerate(blocks):
            order = ("bare", "pipeline") if (b + r) % 2 == 0 else ("pipeline", "bare")
            for name in order:
                wall, cpu = _timed(lambda: runs[name](block))  # noqa: B023 - called right here
                totals[name][0] += wall
                totals[name][1] += cpu
        for name, (wall, cpu) in totals.items():
            rounds[name].append((wall, cpu))
        rounds["full"].append(_timed(run_full))
    tmp.cleanup()

    best = {
        name: (min(w for w, _ in times), min(c for _, c in times)) for name, times in rounds.items()
    }
    t_bare, c_bare = best["bare"]

    def row(name: str, key: str) -> str:
        seconds, cpu_seconds = best[key]
        return (
            f"{name:<40} {seconds:7.2f} s {words / seconds:7,.0f} words/s "
            f"{len(articles) / seconds:5.1f} articles/s  {seconds / t_bare:5.2f}x bare"
            f" | CPU {cpu_seconds:7.2f} s {cpu_seconds / c_bare:5.2f}x bare"
        )

    print(row("bare spaCy parse (nlp.pipe)", "bare"))
    print(row("pipeline: parse + code", "pipeline"))
    print(row("code command: read+parse+code+store+out", "full"))
    for key, label in (("pipeline", "parse + code"), ("full", "code command")):
        ratios = [
            (p[0] / b[0], p[1] / b[1]) for p, b in zip(rounds[key], rounds["bare"], strict=True)
        ]
        walls = " ".join(f"{w:.3f}" for w, _ in ratios)
        cpus = " ".join(f"{c:.3f}" for _, c in ratios)
        print(
            f"{label} / bare, per round: wall {walls} "
            f"(median {statistics.median(w for w, _ in ratios):.3f}); "
            f"CPU {cpus} (median {statistics.median(c for _, c in ratios):.3f})"
        )
    print(f"events: {n_events} ({stored} stored); {args.rounds} rounds, best times shown")


if __name__ == "__main__":
    main()
