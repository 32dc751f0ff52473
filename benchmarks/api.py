"""The web API and dashboard on a store of 1,000,000 synthetic events.

    .venv/bin/python benchmarks/api.py [--events 1000000] [--clients 50] [--requests 2000]
        [--passes users,typical,distinct] [--think 1,5] [--workdir DIR] [--no-browser]

1. Builds (once; kept in ``--workdir``) a store of ``--events`` synthetic events, imported as
   event records — actors from 30 countries and 6 sectors, 10 years of dates, places in 40
   cities — and prints how long that took.
2. Starts ``thucydides serve`` on a free loopback port (a separate process, as in production)
   and prints how long it took to answer: the snapshot (copy and read tables) and the warm-up
   pass (see thucydides.web.warmup).
3. Dashboard first paint: Debian's Chromium (Playwright) loads each page, first with nothing
   cached on the server, then again; prints first contentful paint and the time until the page
   has drawn its data.
4. API latency, ``--requests`` API requests per pass (``--passes``, in order). Two models of
   ``--clients`` "concurrent clients", which must not be mistaken for one another:

   * "users" (the issue's target): ``--clients`` dashboard users, as a Locust user with
     ``wait_time = between(1, 5)``. A user loads a page — its HTML, then the API requests
     static/app.js sends for it, in parallel on up to six keep-alive connections of its own,
     as a browser does — reads it for a think time drawn uniformly from ``--think`` (1-5 s),
     then visits the next page. Pages and their parties as in "typical" below. The users start
     spread over one think time. Prints p50/p95/p99 of the API requests, overall and per kind,
     and of a whole visit (page HTML and its data).
   * "typical" (saturation): the same visits' API requests, but sent by ``--clients``
     closed-loop clients with no think time: each sends its next request the moment its last
     answer arrives. This measures throughput; its latency is mostly queueing (the load
     generator shares the server's two cores), not what a user waits.

   A visit is a page drawn by the weights of ``VISITS`` (overview 20, dyad page 25, actor page
   20, event list 15, map 5, an event 10, a custom date range 5); a dyad or actor by Zipf
   (s=1.1) over its rank among the server's top 200 (people follow the overview's links and
   look at the busiest pairs most); a page of the event list by Zipf (s=1.5) over 20 pages, a
   third of them filtered by a party; an event uniformly among all; a custom range is one
   request of the distinct pass. Two more closed-loop passes:

   * "distinct": typical queries (overview counts, event pages with filters, dyad series and
     event lists, top dyads/actors, QuadClass series, an actor's timeline, top dyads and
     series, event detail, map), every request but the overview's a different query (its own
     start date): nothing can come from a cache;
   * "repeated": a fixed set of 84 queries of the distinct kinds, over and over.

   Each pass prints requests/s, the answer cache's hits and misses during the pass and the
   server's resident memory. The server's caches live on from pass to pass (as a server's do).

Targets (issue 8): first paint < 1 s and API p95 < 100 ms for typical queries.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import datetime as dt
import itertools
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx

from thucydides.models import Actor, Article, Event, Place, Trigger
from thucydides.ontology import cameo_codes
from thucydides.store import Store

COUNTRIES = [
    "TUR", "SYR", "RUS", "USA", "IRN", "IRQ", "ISR", "PSE", "EGY", "JOR", "SAU", "UKR", "CHN",
    "IND", "PAK", "AFG", "NGA", "ETH", "SDN", "KEN", "FRA", "DEU", "GBR", "LBN", "YEM", "LBY",
    "MLI", "COD", "ARM", "AZE",
]  # fmt: skip
SECTORS = ["GOV", "MIL", "REB", "OPP", "COP", ""]
CITIES = [
    ("Ankara", "TUR", 39.93, 32.86), ("Damascus", "SYR", 33.51, 36.29),
    ("Moscow", "RUS", 55.75, 37.62), ("Washington", "USA", 38.9, -77.04),
    ("Tehran", "IRN", 35.69, 51.39), ("Baghdad", "IRQ", 33.31, 44.36),
    ("Jerusalem", "ISR", 31.77, 35.21), ("Gaza", "PSE", 31.5, 34.47),
    ("Cairo", "EGY", 30.04, 31.24), ("Amman", "JOR", 31.95, 35.93),
    ("Riyadh", "SAU", 24.69, 46.72), ("Kyiv", "UKR", 50.45, 30.52),
    ("Beijing", "CHN", 39.9, 116.4), ("New Delhi", "IND", 28.61, 77.21),
    ("Islamabad", "PAK", 33.68, 73.05), ("Kabul", "AFG", 34.53, 69.17),
    ("Abuja", "NGA", 9.06, 7.5), ("Addis Ababa", "ETH", 9.03, 38.74),
    ("Khartoum", "SDN", 15.5, 32.56), ("Nairobi", "KEN", -1.29, 36.82),
    ("Paris", "FRA", 48.86, 2.35), ("Berlin", "DEU", 52.52, 13.4),
    ("London", "GBR", 51.51, -0.13), ("Beirut", "LBN", 33.89, 35.5),
    ("Sanaa", "YEM", 15.37, 44.19), ("Tripoli", "LBY", 32.89, 13.19),
    ("Bamako", "MLI", 12.64, -8.0), ("Kinshasa", "COD", -4.44, 15.27),
    ("Yerevan", "ARM", 40.18, 44.51), ("Baku", "AZE", 40.41, 49.87),
    ("Aleppo", "SYR", 36.2, 37.16), ("Kharkiv", "UKR", 49.99, 36.23),
    ("Mosul", "IRQ", 36.34, 43.13), ("Kandahar", "AFG", 31.63, 65.71),
    ("Lagos", "NGA", 6.52, 3.38), ("Mogadishu", "SOM", 2.05, 45.32),
    ("Aden", "YEM", 12.79, 45.04), ("Benghazi", "LBY", 32.12, 20.07),
    ("Goma", "COD", -1.68, 29.23), ("Istanbul", "TUR", 41.01, 28.98),
]  # fmt: skip
WORDS = ["report", "source", "statement", "agency", "witness", "official", "aide"]
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip


def synthetic(first: int, articles: int, per_article: int) -> list[tuple[Article, list[Event]]]:
    rng = random.Random(first)
    codes = [c for c in cameo_codes().values() if len(c.code) == 3]
    start = dt.date(2015, 1, 1)
    batch = []
    for a in range(first, first + articles):
        day = start + dt.timedelta(days=rng.randrange(3650))
        sentences: list[str] = []
        events = []
        # a word of its own (shingles ignore numbers): synthetic articles are not wire copies
        tag = "".join(chr(97 + (a // 26**i) % 26) for i in range(4))
        for k in range(per_article):
            code = rng.choice(codes)
            c1, c2 = rng.sample(COUNTRIES, 2)
            s1, s2 = rng.choice(SECTORS), rng.choice(SECTORS)
            city = rng.choice(CITIES)
            sentence = f"Officials of {c1} met envoys of {c2} in {city[0]} on Monday, {tag} {WORDS[k]} says."
            base = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            place = Place(city[0], city[1], None, city[2], city[3], None, "city", city[0],
                          base + 36, base + 36 + len(city[0]))  # fmt: skip
            events.append(
                Event(
                    event_id=f"e{a}-{k}", article_id=f"a{a}", sentence_index=k, sentence=sentence,
                    trigger=Trigger("met", base + 17, base + 20), plover=code.plover,
                    plover_mode=code.plover_mode, plover_contexts=code.plover_contexts,
                    cameo=code.code, cameo_root=code.code[:2], goldstein=code.goldstein,
                    quad_class=code.quad_class,
                    actors=(Actor(c1 + s1, c1, (s1,) if s1 else (), None, c1, base + 13, base + 16),),
                    recipients=(Actor(c2 + s2, c2, (s2,) if s2 else (), None, c2, base + 30, base + 33),),
                    factual=rng.random() > 0.1, modality="asserted",
                    date=(day - dt.timedelta(days=rng.randrange(3))).isoformat(),
                    date_precision="day", date_text="Monday",
                    location=place if rng.random() > 0.3 else None,
                    explanation={"trigger": {"rule": f"{code.code}.synthetic"}},
                )
            )  # fmt: skip
        text = " ".join(sentences)
        article = Article(id=f"a{a}", text=text, title=f"Synthetic article {a}",
                          url=f"https://example.org/{a}", source=f"outlet{a % 40}",
                          published=day, language="en")  # fmt: skip
        batch.append((article, events))
    return batch


def build(db: Path, events: int, per_article: int = 5, batch: int = 10_000) -> None:
    """Import the synthetic events as event records (one cluster each). ``Store.write`` would
    also run the wire-copy detection, which is not what this benchmark measures."""
    if db.exists():
        print(f"store: {db} (kept from an earlier run)")
        return
    from thucydides.formats.importers import Imported

    t = time.perf_counter()
    partial = db.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with Store(partial) as store:
        for first in range(0, events // per_article, batch):
            rows = [
                Imported(record=e.to_record())
                for _, evs in synthetic(first, batch, per_article)
                for e in evs
            ]
            store.import_events("thucydides", rows, seq=first * per_article)
        total = store.sql("SELECT count(*) FROM events")[0][0]
    partial.rename(db)
    print(f"store: {total:,} events imported in {time.perf_counter() - t:.0f} s -> {db}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "thucydides", "serve", "--db", str(db), "--port", str(port),
         "--refresh", "0"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    while True:
        try:
            httpx.get(url + "/static/favicon.svg", timeout=2)
            break
        except httpx.TransportError:
            if proc.poll() is not None or time.perf_counter() - t > 600:
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)
    took = time.perf_counter() - t
    snapshot = httpx.get(url + "/api/health", timeout=60).json()["snapshot"]
    print(
        f"server: answering after {took:.1f} s: snapshot (copy and read tables) "
        f"{snapshot['took_seconds']} s, warm-up {snapshot.get('warm_up')}"
    )
    return proc, url


def first_paint(url: str) -> None:
    from playwright.sync_api import sync_playwright

    pages = ["/", "/dyad?a=TUR&b=SYR", "/actor?code=RUSMIL", "/events?party=IRN", "/map",
             "/event?id=e1234-0"]  # fmt: skip
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=FLAGS)
        for attempt in ("cold", "warm"):
            for path in pages:
                page = browser.new_page()
                t = time.perf_counter()
                page.goto(url + path)
                page.wait_for_selector("body[data-ready]", timeout=120_000)
                ready = time.perf_counter() - t
                fcp = page.evaluate(
                    "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
                )
                print(
                    f"page {attempt:4} {path:24} first contentful paint {fcp:6.0f} ms, "
                    f"data drawn {ready * 1000:6.0f} ms"
                )
                page.close()
        browser.close()


def queries(rng: random.Random, distinct: bool, n_events: int) -> list[tuple[str, str]]:
    """(route name, path) of one request of each typical kind: the overview's counts, event
    pages with filters, a dyad's page (series and events), top dyads/actors, an actor's page
    (timeline, its top dyads, its series), an event and the map. ``distinct``: every request
    has its own start date (a dashboard user picking a range), so none repeats another."""
    a, b = rng.sample(COUNTRIES, 2)
    code = rng.choice(COUNTRIES) + rng.choice(SECTORS)
    since = (
        (dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(1500))).isoformat()
        if distinct
        else "2015-01-01"
    )
    event = f"e{rng.randrange(n_events // 5)}-{rng.randrange(5)}"
    return [
        ("overview", "/api/health"),
        ("events", f"/api/events?limit=50&since={since}"),
        ("events?party", f"/api/events?party={a}&since={since}&limit=50"),
        ("events?actor&plover", f"/api/events?actor={a}&plover=CONSULT&since={since}&limit=50"),
        ("dyad series", f"/api/dyads/{a}/{b}/series?since={since}"),
        ("dyad events", f"/api/dyads/{a}/{b}/events?since={since}&limit=25"),
        ("top dyads", f"/api/top/dyads?since={since}&limit=15"),
        ("top actors", f"/api/top/actors?since={since}&limit=15"),
        ("series", f"/api/series?since={since}"),
        ("actor timeline", f"/api/actors/{code}/timeline?since={since}&limit=25"),
        ("actor dyads", f"/api/top/dyads?party={code}&since={since}&limit=15"),
        ("actor series", f"/api/series?party={code}&since={since}"),
        ("event", f"/api/events/{event}"),
        ("map", f"/api/map?since={since}&limit=1000"),
    ]


def zipf(rng: random.Random, n: int, s: float = 1.1) -> int:
    """A rank in [0, n) drawn with probability proportional to 1 / (rank + 1) ** s."""
    weights = ZIPF.get((n, s))
    if weights is None:
        weights = ZIPF[(n, s)] = list(itertools.accumulate(1 / (k + 1) ** s for k in range(n)))
    return min(n - 1, bisect.bisect(weights, rng.random() * weights[-1]))


ZIPF: dict[tuple[int, float], list[float]] = {}
# (kind, weight) of the visits of the typical pass; each visit is the requests its page sends
VISITS = (
    ("overview", 20),
    ("dyad page", 25),
    ("actor page", 20),
    ("event list", 15),
    ("map", 5),
    ("event", 10),
    ("custom range", 5),
)


def visit(
    rng: random.Random, dyads: list[tuple[str, str]], actors: list[str], n_events: int
) -> tuple[str, list[tuple[str, str]]]:
    """One dashboard visit: the page's address and the API requests static/app.js sends for it.
    A page is drawn by the weights of VISITS; a dyad or actor by Zipf (s=1.1) over the rank in
    the server's own top lists (people follow the overview's links and look at the busiest
    pairs most); a page of the event list by Zipf (s=1.5) over 20 pages, a third of them
    filtered by a party. An event is any event, and a custom range is one request of the
    distinct pass: both are nearly always computed."""
    kind = rng.choices([k for k, _ in VISITS], [w for _, w in VISITS])[0]
    if kind == "overview":
        return "/", [
            ("overview", "/api/health"),
            ("series", "/api/series?interval=month"),
            ("top dyads", "/api/top/dyads?limit=15"),
            ("top actors", "/api/top/actors?limit=15"),
        ]
    if kind == "dyad page":
        a, b = (quote(x) for x in dyads[zipf(rng, len(dyads))])
        return f"/dyad?a={a}&b={b}", [
            ("dyad series", f"/api/dyads/{a}/{b}/series?interval=month"),
            ("dyad events", f"/api/dyads/{a}/{b}/events?offset=0&limit=25"),
        ]
    if kind == "actor page":
        code = quote(actors[zipf(rng, len(actors))])
        return f"/actor?code={code}", [
            ("actor series", f"/api/series?party={code}"),
            ("actor dyads", f"/api/top/dyads?party={code}&limit=15"),
            ("actor timeline", f"/api/actors/{code}/timeline?limit=25"),
        ]
    if kind == "event list":
        offset = 50 * zipf(rng, 20, 1.5)
        if rng.random() < 1 / 3:
            party = quote(actors[zipf(rng, len(actors))])
            return f"/events?party={party}", [
                ("events?party", f"/api/events?party={party}&offset={offset}&limit=50")
            ]
        return "/events", [("events", f"/api/events?offset={offset}&limit=50")]
    if kind == "map":
        return "/map", [("map", "/api/map?limit=1000")]
    if kind == "event":
        event = f"e{rng.randrange(n_events // 5)}-{rng.randrange(5)}"
        return f"/event?id={event}", [("event", f"/api/events/{event}")]
    name, path = rng.choice(queries(rng, distinct=True, n_events=n_events)[1:])
    return "/events", [(f"{name} (range)", path)]


def typical(
    rng: random.Random, dyads: list[tuple[str, str]], actors: list[str], n_events: int
) -> list[tuple[str, str]]:
    """The API requests of one dashboard visit (:func:`visit`)."""
    return visit(rng, dyads, actors, n_events)[1]


def ranking(url: str, top: int) -> tuple[list[tuple[str, str]], list[str]]:
    """The server's top ``top`` dyads and actors (not counted in the figures)."""
    dyads = httpx.get(f"{url}/api/top/dyads?limit={top}", timeout=600).json()["dyads"]
    actors = httpx.get(f"{url}/api/top/actors?limit={top}", timeout=600).json()["actors"]
    return [(d["actor"], d["recipient"]) for d in dyads], [a["code"] for a in actors]


def server_memory(pid: int) -> str:
    """The server's resident memory now and at its peak (Linux)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "RSS unknown"
    kb = {k: int(v.split()[0]) for k, v in (ln.split(":", 1) for ln in status.splitlines())
          if k in ("VmRSS", "VmHWM")}  # fmt: skip
    return f"server RSS {kb['VmRSS'] / 1024:.0f} MB (peak {kb['VmHWM'] / 1024:.0f} MB)"


def cache_counts(url: str) -> tuple[int, int, int]:
    """(hits, misses, joined) of the server's answer cache so far (``/api/health``): answers
    from the cache, answers computed, and requests that waited for an answer being computed."""
    cache = httpx.get(url + "/api/health", timeout=60).json()["snapshot"].get("cache", {})
    return int(cache.get("hits", 0)), int(cache.get("misses", 0)), int(cache.get("joined", 0))


class Connection:
    """A lean HTTP/1.1 keep-alive GET client: the load generator shares the server's two cores,
    and httpx spends about 3.5 ms of CPU per request, which would be measured as server
    latency (``--http-client httpx`` keeps it for comparison)."""

    def __init__(self, url: str) -> None:
        self.host, _, port = url.removeprefix("http://").partition(":")
        self.port = int(port)
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        """GET ``path``; a kept-alive connection that the server has closed meanwhile (an idle
        one, after uvicorn's keep-alive timeout) is opened again, as browsers do."""
        if self.streams is None:
            return await self._get(path)
        try:
            return await self._get(path)
        except (asyncio.IncompleteReadError, ConnectionError):
            self.streams = None
            return await self._get(path)

    async def _get(self, path: str) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        fields = {
            k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])
        }
        body = await reader.readexactly(int(fields["content-length"]))
        if fields.get("connection", "").lower() == "close":
            writer.close()
            self.streams = None
        return int(lines[0].split()[1]), body

    async def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()


async def load(
    url: str,
    clients: int,
    requests: int,
    label: str,
    n_events: int,
    pid: int,
    http_client: str = "lean",
    seed: int = 0,
) -> None:
    rng = random.Random({"distinct": 11, "repeated": 5, "typical": 7}[label] + 100 * seed)
    pool = [q for _ in range(6) for q in queries(rng, distinct=False, n_events=n_events)]
    work: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    if label == "typical":
        dyads, actors = ranking(url, 200)
        while work.qsize() < requests:
            for request in typical(rng, dyads, actors, n_events)[: requests - work.qsize()]:
                work.put_nowait(request)
    for i in range(requests if label != "typical" else 0):
        if label == "distinct":
            kinds = queries(rng, distinct=True, n_events=n_events)
            work.put_nowait(kinds[i % len(kinds)])
        else:
            work.put_nowait(pool[i % len(pool)])
    times: dict[str, list[float]] = {}
    errors = 0
    samples: list[str] = []

    def record(name: str, path: str, started: float, status: int, text: str) -> None:
        nonlocal errors
        times.setdefault(name, []).append(time.perf_counter() - started)
        if status != 200:
            errors += 1
            if len(samples) < 3:
                samples.append(f"{path} -> {status} {text[:200]}")

    async def client() -> None:
        if http_client == "httpx":
            async with httpx.AsyncClient(base_url=url, timeout=300) as http:
                while not work.empty():
                    name, path = work.get_nowait()
                    t = time.perf_counter()
                    response = await http.get(path)
                    record(name, path, t, response.status_code, response.text)
            return
        connection = Connection(url)
        try:
            while not work.empty():
                name, path = work.get_nowait()
                t = time.perf_counter()
                status, body = await connection.get(path)
                record(name, path, t, status, body.decode(errors="replace"))
        finally:
            await connection.close()

    before = cache_counts(url)
    t = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - t
    every = sorted(x for v in times.values() for x in v)
    what = "saturation, no think time" if label == "typical" else "no think time"
    print(
        f"api {label} ({what}): {len(every)} requests, {clients} closed-loop clients, "
        f"{len(every) / wall:.0f} req/s, p50 {pct(every, 50):.0f} ms, p95 {pct(every, 95):.0f} "
        f"ms, p99 {pct(every, 99):.0f} ms, errors {errors}"
    )
    details(url, before, pid, http_client, samples, times)


def details(
    url: str,
    before: tuple[int, int, int],
    pid: int,
    http_client: str,
    samples: list[str],
    times: dict[str, list[float]],
) -> None:
    """The answer cache's counts since ``before``, the server's memory, the first errors and the
    latency per kind of request."""
    hits, misses, joined = (n - b for n, b in zip(cache_counts(url), before, strict=True))
    print(
        f"    {http_client} client; answer cache: {hits} hits, {misses} computed, {joined} "
        f"joined a computation ({100 * hits / max(1, hits + misses + joined):.0f}% hits); "
        f"{server_memory(pid)}"
    )
    for sample in samples:
        print(f"    error: {sample}")
    for name, values in sorted(times.items()):
        values.sort()
        print(
            f"    {name:20} n={len(values):4}  p50 {pct(values, 50):6.0f} ms  "
            f"p95 {pct(values, 95):6.0f} ms  p99 {pct(values, 99):6.0f} ms  "
            f"mean {statistics.mean(values) * 1000:6.0f} ms"
        )


async def users(
    url: str,
    n_users: int,
    requests: int,
    n_events: int,
    pid: int,
    think: tuple[float, float],
    seed: int = 0,
) -> None:
    """The "users" pass: ``n_users`` dashboard users (Locust-style). A user loads a page (its
    HTML, then the API requests static/app.js sends for it, in parallel on connections of its
    own, as a browser does), reads it for a think time drawn uniformly from ``think`` seconds,
    and visits the next page (:func:`visit`), until ``requests`` API requests have been sent.
    The users start spread over one think time, as if they had been browsing for a while."""
    dyads, actors = ranking(url, 200)
    times: dict[str, list[float]] = {}
    visits: list[float] = []
    pages: list[float] = []
    errors = 0
    samples: list[str] = []
    sent = 0
    ends: list[float] = []

    async def get(connection: Connection, name: str, path: str) -> float:
        nonlocal errors
        t = time.perf_counter()
        status, body = await connection.get(path)
        took = time.perf_counter() - t
        if status != 200:
            errors += 1
            if len(samples) < 3:
                samples.append(f"{path} -> {status} {body[:200].decode(errors='replace')}")
        return took

    async def user(n: int) -> None:
        nonlocal sent
        rng = random.Random(1000 + n + 100_000 * seed)
        connections = [Connection(url) for _ in range(6)]  # a browser's per-host limit
        try:
            await asyncio.sleep(rng.uniform(0, think[1]))
            while sent < requests:
                page, wanted = visit(rng, dyads, actors, n_events)
                sent += len(wanted)
                t = time.perf_counter()
                pages.append(await get(connections[0], "page", page))
                took = await asyncio.gather(
                    *(
                        get(c, name, path)
                        for c, (name, path) in zip(connections, wanted, strict=False)
                    )
                )
                visits.append(time.perf_counter() - t)
                ends.append(time.perf_counter())
                for (name, _), x in zip(wanted, took, strict=True):
                    times.setdefault(name, []).append(x)
                await asyncio.sleep(rng.uniform(*think))
        finally:
            for connection in connections:
                await connection.close()

    before = cache_counts(url)
    t = time.perf_counter()
    await asyncio.gather(*(user(n) for n in range(n_users)))
    wall = max(ends, default=time.perf_counter()) - t  # not the last think times
    every = sorted(x for v in times.values() for x in v)
    visits.sort()
    pages.sort()
    print(
        f"api users ({n_users} users, think {think[0]:g}-{think[1]:g} s): {len(every)} API "
        f"requests in {len(visits)} visits, {(len(every) + len(pages)) / wall:.0f} req/s; API "
        f"p50 {pct(every, 50):.0f} ms, p95 {pct(every, 95):.0f} ms, p99 {pct(every, 99):.0f} ms, "
        f"errors {errors}"
    )
    print(
        f"    visit (page HTML, then its data): p50 {pct(visits, 50):.0f} ms, p95 "
        f"{pct(visits, 95):.0f} ms, p99 {pct(visits, 99):.0f} ms; page HTML p95 "
        f"{pct(pages, 95):.0f} ms"
    )
    details(url, before, pid, "lean", samples, times)


def pct(values: list[float], p: int) -> float:
    return values[min(len(values) - 1, int(len(values) * p / 100))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--workdir", default="/tmp/thucydides-bench-api")
    parser.add_argument(
        "--passes",
        default="users,typical,distinct",
        help="Comma-separated passes, in order: users, typical, distinct, repeated.",
    )
    parser.add_argument(
        "--think",
        default="1,5",
        help="The users pass: a user's think time between visits, uniform in MIN,MAX seconds.",
    )
    parser.add_argument("--no-browser", action="store_true", help="Skip the first-paint part.")
    parser.add_argument(
        "--seed", type=int, default=0, help="Draw other requests (the same for the same seed)."
    )
    parser.add_argument(
        "--http-client",
        choices=("lean", "httpx"),
        default="lean",
        help="The load generator's client (httpx costs ~3.5 ms CPU per request on these cores).",
    )
    args = parser.parse_args()

    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"events-{args.events}.duckdb"
    build(db, args.events)
    proc, url = start_server(db)
    try:
        if not args.no_browser and Path("/usr/bin/chromium").exists():
            first_paint(url)
        for label in filter(None, args.passes.split(",")):
            if label == "users":
                lo, hi = (float(x) for x in args.think.split(","))
                asyncio.run(
                    users(
                        url, args.clients, args.requests, args.events, proc.pid, (lo, hi), args.seed
                    )
                )
                continue
            asyncio.run(
                load(
                    url,
                    args.clients,
                    args.requests,
                    label,
                    args.events,
                    proc.pid,
                    args.http_client,
                    args.seed,
                )
            )
    finally:
        proc.terminate()
        proc.wait(timeout=60)


if __name__ == "__main__":
    main()
