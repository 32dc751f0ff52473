"""The warm-up pass: the answers most visitors ask for, computed when a snapshot is taken and
before it is served, so that the dashboard's default requests are cache hits from the first one.

What it computes, in this order (the order is the priority when the time runs out):

1. the overview page: the counts, the monthly QuadClass series, the top 15 dyads and actors;
2. the map and the first page of the event list, with no filter;
3. then, rank by rank down the top ``ranks`` dyads and actors of the whole store (the links of
   the overview's tables and what people look at most), a dyad's page (its monthly series and
   its first 25 events, undirected) and an actor's page (its monthly series, its top 15 dyads
   and its first 25 events), with the next page of the event list every other rank.

It stops after ``max_answers`` answers or ``seconds`` seconds, whichever comes first (an
answer already being computed then finishes), on ``workers`` threads. Its answers are pinned
in the snapshot's cache: the LRU part never evicts them. Nothing here changes an answer: the
keys and computations are the routes' own (:mod:`thucydides.web.api`).
"""

from __future__ import annotations

import concurrent.futures
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from thucydides.store import Store, api_queries
from thucydides.store.queries import EventFilter
from thucydides.web import api
from thucydides.web.snapshot import Snapshot, SnapshotReader

log = logging.getLogger(__name__)

OVERVIEW_TOP = 15  # rows of the overview's tables, the actor page's dyads (static/app.js)
EVENTS_PAGE = 50  # rows of a page of the event list
TIMELINE = 25  # events on a dyad's and an actor's page


@dataclass(frozen=True)
class WarmUp:
    """How much the warm-up pass may do for one snapshot."""

    ranks: int = 100
    max_answers: int = 600
    seconds: float = 30.0
    workers: int = 2
    event_pages: int = 10  # pages of the unfiltered event list


def plan(store: Store, warm: WarmUp) -> list[api.Answer]:
    """The answers to compute, most asked for first (see the module docstring)."""
    everything = EventFilter()
    answers = [
        (("summary",), api_queries.summary),
        api.series_answer(everything, "month"),
        api.top_dyads_answer(everything, OVERVIEW_TOP),
        api.top_actors_answer(everything, None, OVERVIEW_TOP),
        api.map_answer(everything, api.MAX_LIMIT),
        api.events_answer(everything, EVENTS_PAGE, 0),
    ]
    dyads = api_queries.top_dyads(store, everything, limit=warm.ranks)
    actors = api_queries.top_actors(store, everything, limit=warm.ranks)
    pages = iter(range(1, warm.event_pages))
    for rank in range(warm.ranks):
        if rank < len(dyads) and dyads[rank]["actor"] and dyads[rank]["recipient"]:
            a, b = str(dyads[rank]["actor"]), str(dyads[rank]["recipient"])
            answers.append(api.dyad_series_answer(a, b))
            answers.append(api.dyad_events_answer(a, b, limit=TIMELINE))
        if rank < len(actors) and actors[rank]["code"]:
            party = EventFilter(party=str(actors[rank]["code"]))
            answers.append(api.series_answer(party, "month"))
            answers.append(api.top_dyads_answer(party, OVERVIEW_TOP))
            answers.append(api.events_answer(party, TIMELINE))
        if rank % 2 == 1 and (n := next(pages, None)) is not None:
            answers.append(api.events_answer(everything, EVENTS_PAGE, n * EVENTS_PAGE))
    return answers[: warm.max_answers]


def run(reader: SnapshotReader, snap: Snapshot, warm: WarmUp) -> None:
    """Compute the answers of :func:`plan` into ``snap``'s pinned cache, within the bounds."""
    started = time.perf_counter()
    deadline = started + warm.seconds
    with reader.store(snap) as store:
        answers = plan(store, warm)
    done = 0
    counting = threading.Lock()

    def one(key: tuple[Any, ...], compute: Callable[[Store], Any]) -> None:
        nonlocal done
        if time.perf_counter() > deadline:
            return
        encoded = compute if key == ("summary",) else api.encoded(compute)
        reader.answer(key, encoded, snap, pin=True)
        with counting:
            done += 1

    with concurrent.futures.ThreadPoolExecutor(warm.workers, "warm-up") as pool:
        for future in [pool.submit(one, key, compute) for key, compute in answers]:
            future.result()
    snap.warmed = done
    snap.warm_seconds = time.perf_counter() - started
    log.info("warm-up: %d of %d answers in %.1f s", done, len(answers), snap.warm_seconds)


def warmer(warm: WarmUp | None = None) -> Callable[[SnapshotReader, Snapshot], None]:
    """The ``warm`` hook of :class:`SnapshotReader` for these bounds."""
    bounds = warm or WarmUp()

    def hook(reader: SnapshotReader, snap: Snapshot) -> None:
        run(reader, snap, bounds)

    return hook


__all__ = ["WarmUp", "plan", "run", "warmer"]
