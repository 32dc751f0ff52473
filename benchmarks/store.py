"""The event store on synthetic data: bulk write, dyad series, filter page, import memory.

    .venv/bin/python benchmarks/store.py [--events 1000000] [--per-article 5] [--import-rows 1000000]

Writes ``--events`` synthetic events (``--per-article`` per article, realistic records with
actors, places and dates over ten years) into a fresh DuckDB file through ``Store.write`` (the
path ``thucydides code`` uses, deduplication included; closing the store, its last checkpoint,
is timed too) and prints events/s and events per CPU-second (CPU time of all threads); then
the median time of a monthly dyad series and of one page (50 events) of a filtered event list;
then the bulk import of a GDELT file of ``--import-rows`` rows (``thucydides import``: DuckDB
reads the file, one cluster per event) in rows/s and rows per CPU-second, and its peak memory
against a file of a tenth of the size, each in a fresh process (flat memory = streaming).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from thucydides.models import Actor, Article, Event, Place, Trigger
from thucydides.ontology import cameo_codes
from thucydides.store import Store, queries

COUNTRIES = [
    "TUR", "SYR", "RUS", "USA", "IRN", "IRQ", "ISR", "PSE", "EGY", "JOR", "SAU", "UKR", "CHN",
    "IND", "PAK", "AFG", "NGA", "ETH", "SDN", "KEN", "FRA", "DEU", "GBR", "LBN", "YEM", "LBY",
    "MLI", "COD", "ARM", "AZE",
]  # fmt: skip
SECTORS = ["GOV", "MIL", "REB", "OPP", "COP", ""]


def synthetic(
    n_events: int, per_article: int, seed: int = 7, first: int = 0
) -> list[tuple[Article, list[Event]]]:
    """Articles ``first``... with ``per_article`` random events each (deterministic)."""
    rng = random.Random(seed + first)
    codes = [c for c in cameo_codes().values() if len(c.code) == 3]
    start = dt.date(2015, 1, 1)
    batch = []
    for a in range(first, first + n_events // per_article):
        day = start + dt.timedelta(days=rng.randrange(3650))
        text = f"Synthetic article {a} about a meeting. " * 4
        article = Article(
            id=f"a{a}", text=text, source=f"outlet{a % 40}", published=day, language="en"
        )
        events = []
        for k in range(per_article):
            code = rng.choice(codes)
            c1, c2 = rng.sample(COUNTRIES, 2)
            s1, s2 = rng.choice(SECTORS), rng.choice(SECTORS)
            place = Place("Capital", c1, None, 10.0, 20.0, 1000 + a % 500, "city", "Capital", 0, 7)
            events.append(
                Event(
                    event_id=f"e{a}-{k}",
                    article_id=article.id,
                    sentence_index=k,
                    sentence=f"Sentence {k} of article {a}: {c1} and {c2}.",
                    trigger=Trigger("met", 10 * k, 10 * k + 3),
                    plover=code.plover,
                    plover_mode=code.plover_mode,
                    plover_contexts=code.plover_contexts,
                    cameo=code.code,
                    cameo_root=code.code[:2],
                    goldstein=code.goldstein,
                    quad_class=code.quad_class,
                    actors=(Actor(c1 + s1, c1, (s1,) if s1 else (), None, c1, 0, 3),),
                    recipients=(Actor(c2 + s2, c2, (s2,) if s2 else (), None, c2, 5, 8),),
                    factual=rng.random() > 0.1,
                    modality="asserted",
                    date=(day - dt.timedelta(days=rng.randrange(3))).isoformat(),
                    date_precision="day",
                    date_text="on Monday",
                    location=place if rng.random() > 0.5 else None,
                    explanation={"trigger": {"rule": f"{code.code}.synthetic"}},
                )
            )
        batch.append((article, events))
    return batch


def timed(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def write_gdelt(path: Path, rows: int) -> None:
    line = "\t".join(
        ["{i}", "20240105", "202401", "2024", "2024.0137", "TURGOV", "TURKEY", "TUR"]
        + [""] * 4
        + ["GOV", "", "", "SYRGOV", "SYRIA", "SYR"]
        + [""] * 4
        + ["GOV", "", "", "1", "042", "042", "04", "1", "1.9", "3", "2", "3", ""]
        + [""] * 16
        + ["4", "Moscow", "RS", "", "", "55.75", "37.61", "524901", "20240105000000"]
        + ["https://example.org/{i}"]
    )
    with open(path, "w") as f:
        for i in range(rows):
            f.write(line.replace("{i}", str(i)) + "\n")


def import_gdelt(path: Path, db: Path) -> tuple[float, float, float, int, int]:
    """A fresh process imports ``path`` (closing the store, its last checkpoint, included):
    its peak resident memory (VmHWM) in MB, the seconds and CPU seconds taken, the events and
    the clusters."""
    code = (
        "import re, time\n"
        "from thucydides.store import Store\n"
        "from thucydides.formats.exchange import import_file\n"
        "t, c = time.perf_counter(), time.process_time()\n"
        f"with Store({str(db)!r}, memory_limit='256MB') as s:\n"
        f"    import_file(s, 'gdelt', {str(path)!r})\n"
        "    n = s.sql('SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM clusters)')\n"
        "print('TOOK', time.perf_counter() - t, time.process_time() - c, *n[0])\n"
        "print('VmHWM', re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # DuckDB may print progress bars on stdout for long statements: read the marked lines
    found = re.search(r"VmHWM (\d+)", out.stdout)
    took = re.search(r"TOOK ([\d.]+) ([\d.]+) (\d+) (\d+)", out.stdout)
    if found is None or took is None:
        raise RuntimeError(f"no figures in the import's output: {out.stdout[-500:]!r}")
    seconds, cpu = float(took.group(1)), float(took.group(2))
    events, clusters = int(took.group(3)), int(took.group(4))
    return int(found.group(1)) / 1024, seconds, cpu, events, clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--per-article", type=int, default=5)
    parser.add_argument("--batch-articles", type=int, default=10000)
    parser.add_argument("--import-rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--memory-limit", default="2GB", help="DuckDB's buffer memory cap")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        per_batch = args.batch_articles * args.per_article
        seconds = cpu = 0.0
        store = Store(db, memory_limit=args.memory_limit)
        for first in range(0, args.events // args.per_article, args.batch_articles):
            data = synthetic(per_batch, args.per_article, first=first)  # not timed
            t, c = time.perf_counter(), time.process_time()
            store.write(data, [], run_id="bench", coder_version="b")
            seconds += time.perf_counter() - t
            cpu += time.process_time() - c
        counts = store.counts()
        clusters = store.sql("SELECT count(*) FROM clusters")[0][0]
        t, c = time.perf_counter(), time.process_time()
        store.close()  # the last checkpoint counts as writing
        seconds += time.perf_counter() - t
        cpu += time.process_time() - c
        print(
            f"bulk write: {counts['events']:,} events ({clusters:,} clusters) in {seconds:.1f} s "
            f"= {counts['events'] / seconds:,.0f} events/s (target >= 100,000); "
            f"{cpu:.1f} CPU-s = {counts['events'] / cpu:,.0f} events per CPU-second"
        )
        with Store(db, read_only=True) as store:
            rng = random.Random(3)
            pairs = [rng.sample(COUNTRIES, 2) for _ in range(args.repeat)]
            it = iter(pairs * 2)
            series_ms = timed(
                lambda: queries.dyad_series(store, *next(it), interval="month"), args.repeat
            )
            print(f"monthly dyad series: median {series_ms:.1f} ms (target < 100 ms)")
            f = queries.EventFilter(
                actor="TUR",
                plover="CONSULT",
                since=dt.date(2018, 1, 1),
                until=dt.date(2022, 12, 31),
            )
            page_ms = timed(lambda: queries.events(store, f, limit=50), args.repeat)
            print(f"filtered event page (50 rows): median {page_ms:.1f} ms (target < 50 ms)")
            page2_ms = timed(
                lambda: queries.events(store, queries.EventFilter(country="SYR"), limit=50),
                args.repeat,
            )
            print(f"event page by country (50 rows): median {page2_ms:.1f} ms")
        print(
            f"writer peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )

        small, large = Path(tmp) / "small.CSV", Path(tmp) / "large.CSV"
        write_gdelt(small, args.import_rows // 10)
        write_gdelt(large, args.import_rows)
        size = large.stat().st_size / 2**20
        rss_small, *_ = import_gdelt(small, Path(tmp) / "i1.duckdb")
        rss_large, seconds, cpu, events, clusters = import_gdelt(large, Path(tmp) / "i2.duckdb")
        print(
            f"bulk import, {args.import_rows:,} rows: {events:,} events ({clusters:,} clusters) "
            f"in {seconds:.1f} s = {args.import_rows / seconds:,.0f} rows/s (target >= 100,000); "
            f"{args.import_rows / cpu:,.0f} rows per CPU-second"
        )
        print(
            f"import peak RSS: {rss_small:.0f} MB for {args.import_rows // 10:,} GDELT rows, "
            f"{rss_large:.0f} MB for {args.import_rows:,} rows ({size:.0f} MB file), "
            f"ratio {rss_large / rss_small:.2f}"
        )


if __name__ == "__main__":
    main()
