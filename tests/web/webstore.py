"""A small real store with hostile text in it, and a real uvicorn server on loopback over it."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from thucydides.models import Actor, Article, Event, Place, Trigger
from thucydides.store import Store

TOKEN = "test-token-0123456789abcdef"

# Payloads that must stay inert text wherever they are shown.
SCRIPT_TITLE = "<script>window.__xss='title'</script>Talks resume"
ATTR_TITLE = '" onmouseover="window.__xss=\'attr\'" data-x="'
IMG_TEXT = "<img src=x onerror=\"window.__xss='text'\">"
ACTOR_NAME = "<svg onload=\"window.__xss='actor'\">"
JS_URL = "javascript:window.__xss='url'"


@dataclass(frozen=True)
class Spec:
    sentence: str
    actor: tuple[str, str, str]  # code, country, words
    trigger: str
    recipient: tuple[str, str, str]
    cameo: str
    plover: str
    quad: int
    goldstein: float
    date: str
    place: tuple[str, str, float, float] | None = None  # name, ISO3, lat, lon
    actor_name: str | None = None


STRIKE = Spec(
    "Turkish forces shelled Syrian army positions near Aleppo on Monday.",
    ("TURMIL", "TUR", "Turkish forces"),
    "shelled",
    ("SYRMIL", "SYR", "Syrian army"),
    "195",
    "ASSAULT",
    4,
    -10.0,
    "2024-02-19",
    ("Aleppo", "SYR", 36.2, 37.16),
)

ARTICLES: list[tuple[str, str, str | None, str, list[Spec]]] = [
    # id, title, url, published, events
    (
        "a-meeting",
        SCRIPT_TITLE,
        "https://news.example/meeting",
        "2024-01-10",
        [
            Spec(
                f"Turkey's defence minister met Syrian officials in Moscow on Tuesday {IMG_TEXT}.",
                ("TURGOV", "TUR", "Turkey's defence minister"),
                "met",
                ("SYRGOV", "SYR", "Syrian officials"),
                "040",
                "CONSULT",
                1,
                1.0,
                "2024-01-09",
                ("Moscow", "RUS", 55.75, 37.62),
                ACTOR_NAME,
            ),
        ],
    ),
    ("a-strike", ATTR_TITLE, JS_URL, "2024-02-20", [STRIKE]),
    (
        "a-aid",
        "Aid reaches Damascus",
        "https://news.example/aid",
        "2024-03-05",
        [
            Spec(
                "Turkey sent humanitarian aid to Syria on Sunday.",
                ("TUR", "TUR", "Turkey"),
                "sent",
                ("SYR", "SYR", "Syria"),
                "073",
                "AID",
                2,
                7.4,
                "2024-03-03",
                ("Damascus", "SYR", 33.51, 36.29),
            ),
            Spec(
                "Russia criticised Turkey over the border on Sunday.",
                ("RUS", "RUS", "Russia"),
                "criticised",
                ("TUR", "TUR", "Turkey"),
                "111",
                "ACCUSE",
                3,
                -2.0,
                "2024-03-03",
            ),
        ],
    ),
]


# A second report of the strike, from another source: the store clusters it with the first.
ARTICLES.append(
    (
        "a-strike-again",
        "Shelling near Aleppo",
        "https://other.example/aleppo",
        "2024-02-20",
        [
            replace(
                STRIKE,
                sentence="Turkish forces shelled Syrian army positions near Aleppo on Monday, officials said.",
            )
        ],
    )
)

# Background events over twelve months, so that charts, tables and pages have some shape.
BACKGROUND = [
    # actor, words, trigger, recipient, words, cameo, plover, quad, goldstein, place
    ("RUSMIL", "Russian troops", "attacked", "UKRMIL", "Ukrainian forces",
     "190", "ASSAULT", 4, -10.0, ("Kharkiv", "UKR", 49.99, 36.23)),
    ("USAGOV", "American diplomats", "met", "CHNGOV", "Chinese officials",
     "040", "CONSULT", 1, 1.0, ("Beijing", "CHN", 39.9, 116.4)),
    ("EGYGOV", "Egyptian mediators", "hosted", "ISRGOV", "Israeli negotiators",
     "043", "CONSULT", 1, 2.8, ("Cairo", "EGY", 30.04, 31.24)),
    ("UKRGOV", "Kyiv", "accused", "RUSGOV", "Moscow",
     "112", "ACCUSE", 3, -2.0, None),
    ("RUSGOV", "Russian negotiators", "met", "UKRGOV", "Ukrainian envoys",
     "040", "CONSULT", 1, 1.0, ("Istanbul", "TUR", 41.01, 28.98)),
    ("DEUGOV", "Germany", "delivered", "UKRMIL", "the Ukrainian army",
     "070", "AID", 2, 7.0, ("Berlin", "DEU", 52.52, 13.4)),
]  # fmt: skip
for month in range(12):
    year, mon = (2023, 4 + month) if month < 9 else (2024, month - 8)
    for j, (ac, aw, trig, rc, rw, cameo, plover, quad, gold, place) in enumerate(BACKGROUND):
        for n in range((month * (j + 1) + j) % 4):
            day = 2 + 8 * n + j
            date = f"{year}-{mon:02d}-{day:02d}"
            where = f" in {place[0]}" if place else ""
            ARTICLES.append(
                (
                    f"bg-{date}-{ac}",
                    f"{aw} and {rw}",
                    f"https://wire.example/{date}/{ac.lower()}",
                    date,
                    [
                        Spec(
                            f"{aw} {trig} {rw}{where} on day {day}.",
                            (ac, ac[:3], aw),
                            trig,
                            (rc, rc[:3], rw),
                            cameo,
                            plover,
                            quad,
                            gold,
                            date,
                            place,
                        )
                    ],
                )
            )


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def _actor(text: str, base: int, code: str, country: str, words: str, name: str | None) -> Actor:
    start, end = _span(text, words, base)
    return Actor(code, country, (code[3:6],) if len(code) > 3 else (), name, words, start, end)


def build_store(path: Path) -> list[str]:
    """Write the fixture articles into a new store at ``path``; the event ids, in order."""
    coded: list[tuple[Article, list[Event]]] = []
    ids: list[str] = []
    for article_id, title, url, published, specs in ARTICLES:
        text = "Reporters wrote this. " + " ".join(s.sentence for s in specs) + " More follows."
        article = Article(
            id=article_id,
            text=text,
            title=title,
            url=url,
            source="Example Wire",
            published=dt.date.fromisoformat(published),
            language="en",
            origin="fixture",
        )
        events = []
        for i, s in enumerate(specs):
            base = text.index(s.sentence)
            t0, t1 = _span(text, s.trigger, base)
            place = None
            if s.place:
                p0, p1 = _span(text, s.place[0], base) if s.place[0] in s.sentence else (0, 0)
                place = Place(
                    s.place[0],
                    s.place[1],
                    None,
                    s.place[2],
                    s.place[3],
                    None,
                    "city",
                    s.place[0],
                    p0,
                    p1,
                )
            event_id = f"{article_id}-e{i}"
            ids.append(event_id)
            events.append(
                Event(
                    event_id=event_id,
                    article_id=article_id,
                    sentence_index=i + 1,
                    sentence=s.sentence,
                    trigger=Trigger(s.trigger, t0, t1),
                    plover=s.plover,
                    plover_mode=None,
                    plover_contexts=(),
                    cameo=s.cameo,
                    cameo_root=s.cameo[:2],
                    goldstein=s.goldstein,
                    quad_class=s.quad,
                    actors=(_actor(text, base, *s.actor, s.actor_name),),
                    recipients=(_actor(text, base, *s.recipient, None),),
                    factual=True,
                    modality="asserted",
                    date=s.date,
                    date_precision="day",
                    date_text=s.sentence.rsplit(" on ", 1)[-1].split(" ")[0].rstrip(".,"),
                    location=place,
                    explanation={"trigger": f"verb pattern for {s.trigger!r}", "note": IMG_TEXT},
                )
            )
        coded.append((article, events))
    with Store(path) as store:
        store.start_run("fixture", "test", {}, ["fixture"])
        store.write(coded, [], run_id="fixture", coder_version="test")
        store.finish_run(
            "fixture", read=len(coded), coded=len(coded), unchanged=0, events=len(ids), rejections=0
        )
    return ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    db: Path
    event_ids: list[str]
    app: Any


def run_server(db: Path, *, token: str | None, refresh: float = 0.0) -> Iterator[Server]:
    """A real uvicorn server over ``db`` on a free loopback port, in a thread of this process."""
    import uvicorn

    from thucydides.web import create_app

    app = create_app(db, token=token, refresh=refresh)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield Server(f"http://127.0.0.1:{port}", db, [], app)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
