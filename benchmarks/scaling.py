"""Scaling: 1 vs 2 Dask workers, peak memory for 1x and 10x the corpus, and time per stage.

    .venv/bin/python benchmarks/scaling.py [--corpus ../shared/corpus/news.jsonl] [--repeat 4]

1. throughput of one process (``code_articles``) and of a warm LocalCluster of 1 and of 2 workers
   (start-up and model loading printed apart), on the same texts, in one run; the 2-vs-1 ratio;
2. peak RSS of a full ``thucydides code`` run (store + JSONL out) on 1x and 10x the corpus, each in a
   fresh subprocess: memory must not grow with the corpus (streaming);
3. share of the pipeline's time per stage (ingest, parse, triggers+arguments, actors, places,
   dates, store), from a profile of one single-process run.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from thucydides.distributed import code_articles_on_dask, dask_client
from thucydides.models import Article
from thucydides.pipeline import Coded, Settings, code_articles, code_collection


def load(corpus: Path, repeat: int) -> list[Article]:
    records = [json.loads(line) for line in corpus.read_text().splitlines() if line]
    return [
        Article(id=f"{r['id']}-{k}", text=r["text"], language="en")
        for k in range(repeat)
        for r in records
    ]


def write_jsonl(articles: list[Article], path: Path) -> None:
    with path.open("w") as f:
        for a in articles:
            f.write(json.dumps({"id": a.id, "text": a.text}) + "\n")


def peak_rss_mb(jsonl: Path, db: Path) -> float:
    code = (
        "import resource, sys\n"
        "from thucydides.pipeline import code_collection\n"
        f"code_collection([{str(jsonl)!r}], db={str(db)!r}, out={str(db) + '.jsonl'!r})\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"the measured run failed:\n{out.stderr[-2000:]}")
    return int(out.stdout.strip().splitlines()[-1]) / 1024


STAGES = {
    "ingest": ("readers.py", "iter_articles"),
    "parse (spaCy)": ("language.py", "pipe"),
    "actors": ("coreference.py", "resolve"),
    "places": ("places.py", "resolve_event_place"),
    "dates": ("dates.py", "resolve_date"),
    "triggers+arguments": ("events.py", "find_mentions"),
    "store": ("store.py", "write"),
}


def stage_profile(jsonl: Path, db: Path) -> None:
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    code_collection([str(jsonl)], db=db)
    profiler.disable()
    total = time.perf_counter() - t0
    stats = pstats.Stats(profiler)
    cumulative: dict[str, float] = {}
    for (filename, _, function), row in stats.stats.items():  # type: ignore[attr-defined]
        for stage, (file_end, name) in STAGES.items():
            if filename.endswith(file_end) and function == name:
                cumulative[stage] = max(cumulative.get(stage, 0.0), row[3])
    print(f"\ntime per stage (profiled run, {total:.1f} s in all; stages may nest):")
    for stage, seconds in cumulative.items():
        print(f"  {stage:<20} {seconds:7.2f} s  {seconds / total:6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus/news.jsonl")
    parser.add_argument("--repeat", type=int, default=4)
    args = parser.parse_args()
    articles = load(Path(args.corpus), args.repeat)
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {args.corpus} x{args.repeat} = {len(articles)} articles, {words:,} words")
    settings = Settings()
    list(code_articles(articles[:2], settings))  # load the model once in this process

    def timed(label: str, run: object) -> float:
        t0 = time.perf_counter()
        n = sum(1 for o in run if isinstance(o, Coded))  # type: ignore[attr-defined]
        seconds = time.perf_counter() - t0
        print(
            f"{label:<34} {seconds:7.2f} s {n / seconds:7.1f} articles/s {words / seconds:8,.0f} words/s"
        )
        return seconds

    def on_cluster(workers: int) -> float:
        """Throughput of a warm cluster (each worker has loaded its pipeline); start-up apart."""
        t0 = time.perf_counter()
        with dask_client(workers, None) as client:
            client.run(lambda: list(code_articles(articles[:2], Settings())))  # warm every worker
            print(
                f"  (cluster of {workers} started and warmed in {time.perf_counter() - t0:.1f} s)"
            )
            return timed(
                f"Dask LocalCluster, {workers} worker(s)",
                code_articles_on_dask(articles, settings, client=client),
            )

    t_single = timed("one process", code_articles(articles, settings))
    t_one = on_cluster(1)
    t_two = on_cluster(2)
    print(
        f"2 workers vs 1 worker: {t_one / t_two:.2f}x throughput; vs one process: {t_single / t_two:.2f}x"
    )

    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "x1.jsonl", Path(tmp) / "x10.jsonl"
        base = load(Path(args.corpus), 1)
        write_jsonl(base, small)
        write_jsonl(load(Path(args.corpus), 10), large)
        rss1 = peak_rss_mb(small, Path(tmp) / "a.duckdb")
        rss10 = peak_rss_mb(large, Path(tmp) / "b.duckdb")
        print(
            f"\npeak RSS, full `code` run: 1x corpus {rss1:.0f} MB, 10x corpus {rss10:.0f} MB "
            f"(ratio {rss10 / rss1:.2f})"
        )
        stage_profile(small, Path(tmp) / "c.duckdb")


if __name__ == "__main__":
    main()
