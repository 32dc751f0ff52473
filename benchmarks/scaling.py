"""Scaling: 1 vs 2 Dask workers, peak memory for 1x and 10x the corpus, and time per stage.

    .venv/bin/python benchmarks/scaling.py [--corpus ../shared/corpus/news.jsonl] [--repeat 2]
                                           [--rounds 3] [--commit-every N] [--scales 1,10]
                                           [--skip-throughput|memory|profile]

1. throughput of a full run (``code_collection``: the store and a JSONL file written, the same
   texts every time) in one process, on a warm LocalCluster of 1 worker and on one of 2 workers
   (both started and warmed first, start-up printed apart; the runs reach them through their
   scheduler address, as ``--scheduler`` does). The three runs are interleaved for ``--rounds``
   rounds, in a rotating order, and medians are reported, with the 2-vs-1 ratio of each round:
   the machine is shared, so single figures are noisy. The client's CPU seconds per article
   (reading, the store, the output file, Dask's client and scheduler) are printed too: on two
   cores they are taken from the two workers. ``--commit-every`` sets the articles per store
   transaction of these runs (default: the setting's default).
2. peak memory of a full ``thucydides code`` run on each of ``--scales`` × the corpus (default 1x
   and 10x; e.g. ``--scales 1,10,20`` shows whether memory has levelled off; 10x: each article's
   sentences interleaved with another's, so the 10x articles are distinct texts of the same sizes
   and the store really grows), each in a fresh subprocess, in one process and with
   ``--workers 2``. The figure is the peak of the *sum* of the resident memory of every process
   of the run (the command, and with Dask its scheduler, nannies and workers), sampled every
   0.1 s: memory must not grow with the corpus (streaming). Printed with it: the peak of the
   command alone (reading, store, Dask client and scheduler), of the largest worker, and the
   peak of the sum in the first and in the second half of the run (streaming: the second half
   is no higher than the first, whatever the corpus size).
3. share of the pipeline's time per stage (ingest, parse, triggers+arguments, actors, places,
   dates, store), from a profile of one single-process run.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from thucydides.distributed import dask_client
from thucydides.models import Article
from thucydides.pipeline import Settings, code_articles, code_collection


def load_records(corpus: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in corpus.read_text().splitlines() if line]


def interleaved(records: list[dict[str, str]], copies: int) -> list[dict[str, str]]:
    """``copies`` × the corpus: copy 0 is the corpus; in copy k > 0 every other sentence of
    article j comes from article j + k, so every article is a distinct text of about the same
    size (not a near-duplicate of a stored one: the store grows as with new articles)."""
    out = []
    n = len(records)
    for k in range(copies):
        for j, r in enumerate(records):
            own = r["text"].split(". ")
            other = records[(j + k) % n]["text"].split(". ")
            text = r["text"]
            if k:
                text = ". ".join(
                    other[x] if x % 2 and x < len(other) else s for x, s in enumerate(own)
                )
            out.append({"id": f"{r['id']}-{k}", "text": text})
    return out


def write_jsonl(records: list[dict[str, str]], path: Path) -> None:
    with path.open("w") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")


@dataclass(frozen=True)
class Peaks:
    """Peak resident memory (MB) of one run: of the sum over its processes, of the command itself
    (reading, store, Dask client and scheduler), of its largest other process (a Dask worker),
    and of the sum in the first and in the second half of the run's time."""

    total: float = 0.0
    command: float = 0.0
    worker: float = 0.0
    halves: tuple[float, float] = (0.0, 0.0)
    processes: int = 0


def peak_tree_rss_mb(args: list[str]) -> Peaks:
    """Run ``args``, sampling the RSS of the process and all its descendants every 0.1 s."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    t0 = time.perf_counter()
    samples: list[tuple[float, int]] = []  # (seconds, summed RSS)
    by_process: dict[int, int] = {}
    while proc.poll() is None:
        total = 0
        try:
            members = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        for p in members:
            try:
                rss = p.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            by_process[p.pid] = max(by_process.get(p.pid, 0), rss)
        samples.append((time.perf_counter() - t0, total))
        time.sleep(0.1)
    _, stderr = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"the measured run failed:\n{stderr.decode()[-2000:]}")
    mb = 2**20
    middle = samples[-1][0] / 2 if samples else 0.0
    first = [rss for t, rss in samples if t <= middle] or [0]
    second = [rss for t, rss in samples if t > middle] or [0]
    others = [rss for pid, rss in by_process.items() if pid != proc.pid] or [0]
    return Peaks(
        total=max(rss for _, rss in samples) / mb if samples else 0.0,
        command=by_process.get(proc.pid, 0) / mb,
        worker=max(others) / mb,
        halves=(max(first) / mb, max(second) / mb),
        processes=len(by_process),
    )


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


def throughput(jsonl: Path, n_articles: int, rounds: int, tmp: Path, base: Settings) -> None:
    """Interleaved rounds of full runs: one process, a warm cluster of 1 and one of 2 workers."""
    warm = [Article(id="warm", text="The minister met the envoy in Cairo on Monday.")]
    list(code_articles(warm, Settings()))  # the model, loaded once in this process
    with dask_client(1, None) as one, dask_client(2, None) as two:
        t0 = time.perf_counter()
        for client in (one, two):
            client.run(lambda: list(code_articles(warm, Settings())))  # every worker loads
        print(f"  (clusters of 1 and 2 workers warmed in {time.perf_counter() - t0:.1f} s)")
        runs: dict[str, Settings] = {
            "one process": base,
            "Dask, 1 worker": base.replace(scheduler=one.scheduler_info()["address"]),
            "Dask, 2 workers": base.replace(scheduler=two.scheduler_info()["address"]),
        }
        clients = {"one process": None, "Dask, 1 worker": one, "Dask, 2 workers": two}

        def worker_cpu(client: Any) -> float:
            return sum(client.run(time.process_time).values()) if client else 0.0

        seconds: dict[str, list[float]] = {label: [] for label in runs}
        client_cpu: dict[str, list[float]] = {label: [] for label in runs}
        workers_cpu: dict[str, list[float]] = {label: [] for label in runs}
        outputs: dict[str, set[str]] = {label: set() for label in runs}
        labels = list(runs)
        for r in range(rounds):
            for i in range(len(labels)):
                label = labels[(i + r) % len(labels)]
                db, out = tmp / f"t{r}{i}.duckdb", tmp / f"t{r}{i}.jsonl"
                w0 = worker_cpu(clients[label])
                cpu0, t0 = time.process_time(), time.perf_counter()
                summary = code_collection([str(jsonl)], db=db, out=out, settings=runs[label])
                seconds[label].append(time.perf_counter() - t0)
                client_cpu[label].append(time.process_time() - cpu0)
                workers_cpu[label].append(worker_cpu(clients[label]) - w0)
                assert summary.coded == n_articles, (label, summary)
                outputs[label].add(out.read_text())
                db.unlink()
                out.unlink()
        if len({text for texts in outputs.values() for text in texts}) != 1:
            raise SystemExit("the runs wrote different events: the comparison is void")
    print(f"full runs (store + JSONL written), {rounds} interleaved rounds, medians:")
    ceiling: dict[str, float] = {}
    for label in labels:
        s = statistics.median(seconds[label])
        cpu = 1000 * statistics.median(client_cpu[label]) / n_articles
        on_workers = 1000 * statistics.median(workers_cpu[label]) / n_articles
        # what the CPU seconds allow on idle cores: each worker needs its share of a core
        # and the client the rest of the two
        n = {"one process": 0, "Dask, 1 worker": 1, "Dask, 2 workers": 2}[label]
        per_core = [cpu] if not n else [on_workers / n] * n + [cpu]
        ceiling[label] = 1000 * min(2 / sum(per_core), 1 / max(per_core))
        print(
            f"  {label:<16} {s:7.2f} s {n_articles / s:6.1f} articles/s   CPU ms/article: "
            f"client {cpu:5.1f}, workers {on_workers:5.1f}; on 2 idle cores at most "
            f"{ceiling[label]:5.1f} articles/s  (rounds: "
            f"{', '.join(f'{x:.1f}' for x in seconds[label])} s)"
        )
    ratios = [
        a / b for a, b in zip(seconds["Dask, 1 worker"], seconds["Dask, 2 workers"], strict=True)
    ]
    single = statistics.median(seconds["one process"])
    print(
        f"2 workers vs 1 worker: {statistics.median(ratios):.2f}x throughput (median of rounds: "
        f"{', '.join(f'{x:.2f}' for x in ratios)}); 1 worker vs one process: "
        f"{single / statistics.median(seconds['Dask, 1 worker']):.2f}x; 2 workers vs one process: "
        f"{single / statistics.median(seconds['Dask, 2 workers']):.2f}x"
    )
    print(
        "from CPU seconds (noise-free, idle 2-core machine): 2 workers vs 1 worker at most "
        f"{ceiling['Dask, 2 workers'] / ceiling['Dask, 1 worker']:.2f}x"
    )


def memory(records: list[dict[str, str]], tmp: Path, scales: Sequence[int]) -> None:
    largest = interleaved(records, max(scales))
    paths = []
    for scale in scales:
        path = tmp / f"x{scale}.jsonl"
        write_jsonl(largest[: len(records) * scale], path)
        paths.append(path)
    print("\npeak memory of a full `thucydides code` run (MB; all: the sum over its processes):")
    for workers in (1, 2):
        peaks = []
        for path in paths:
            db = tmp / f"m{workers}-{path.stem}.duckdb"
            out = str(db) + ".jsonl"
            command = ["code", str(path), "--db", str(db), "--out", out, "--workers", str(workers)]
            run = peak_tree_rss_mb([sys.executable, "-m", "thucydides", *command, "--quiet"])
            peaks.append(run)
            worker = f", largest worker {run.worker:4.0f}" if workers > 1 else ""
            print(
                f"  --workers {workers}, {path.stem:>3}: all {run.total:5.0f} ({run.processes} "
                f"processes); the command {run.command:4.0f}{worker}; all in the first / second "
                f"half of the run {run.halves[0]:5.0f} / {run.halves[1]:5.0f}"
            )
        ratios = ", ".join(
            f"{scales[i + 1]}x / {scales[i]}x = {peaks[i + 1].total / peaks[i].total:.2f}"
            for i in range(len(scales) - 1)
        )
        print(f"  --workers {workers}: {ratios}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus/news.jsonl")
    parser.add_argument("--repeat", type=int, default=2, help="corpus copies per timed run")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of timed runs")
    parser.add_argument("--commit-every", type=int, default=Settings().commit_every)
    parser.add_argument(
        "--scales",
        default="1,10",
        help="corpus sizes (multiples of the corpus, comma-separated) of the memory runs",
    )
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-profile", action="store_true")
    args = parser.parse_args()
    records = load_records(Path(args.corpus))
    timed = interleaved(records, args.repeat)
    words = sum(len(r["text"].split()) for r in timed)
    print(
        f"corpus: {args.corpus} x{args.repeat} = {len(timed)} articles, {words:,} words; "
        f"{args.commit_every} articles per store transaction"
    )
    steps: list[Callable[[Path], None]] = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        jsonl = tmp / "timed.jsonl"
        write_jsonl(timed, jsonl)
        if not args.skip_throughput:
            base = Settings(commit_every=args.commit_every)
            steps.append(lambda t: throughput(jsonl, len(timed), args.rounds, t, base))
        if not args.skip_memory:
            scales = sorted({int(x) for x in args.scales.split(",")})
            steps.append(lambda t: memory(records, t, scales))
        if not args.skip_profile:
            small = tmp / "profile.jsonl"
            write_jsonl(records, small)
            steps.append(lambda t: stage_profile(small, t / "profile.duckdb"))
        for step in steps:
            step(tmp)


if __name__ == "__main__":
    main()
