"""The JSON API under ``/api``: the same query functions as ``thucydides query``, read-only.

Every answer is ``{"ok": true, ...}``; every error ``{"ok": false, "error": "...", "status": N}``.
Coding a pasted text needs the operator's token (``Authorization: Bearer TOKEN``).
"""

from __future__ import annotations

import datetime as dt
import hmac
import math
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

import orjson
import pandas as pd
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel, Field

from thucydides.store import Store, api_queries, queries
from thucydides.store.queries import EventFilter
from thucydides.store.stats import collect_stats
from thucydides.web.evidence import segments
from thucydides.web.snapshot import SnapshotReader

MAX_CODE_CHARS = 100_000
MAX_LIMIT = 1000

router = APIRouter(prefix="/api")
_coding = threading.Lock()

Code = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$")]
Text = Annotated[str | None, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Interval = Annotated[str, Query(pattern="^(day|week|month)$")]


async def reader(request: Request) -> SnapshotReader:
    value: SnapshotReader = request.app.state.reader
    return value


Reader = Annotated[SnapshotReader, Depends(reader)]


def _upper(value: str | None) -> str | None:
    return value.upper() if value else None


async def event_filter(
    actor: Text = None,
    recipient: Text = None,
    party: Text = None,
    country: Text = None,
    sector: Text = None,
    plover: Text = None,
    cameo: Annotated[str | None, Query(max_length=4, pattern=r"^\d+$")] = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    place: Text = None,
    text: Text = None,
    dataset: Text = None,
    factual_only: bool = False,
) -> EventFilter:
    """The event filters shared by every list and count (the same as ``thucydides query``).
    Codes are upper-cased here as the queries do, so that ``tur`` and ``TUR`` are one answer."""
    return EventFilter(
        actor=_upper(actor),
        recipient=_upper(recipient),
        party=_upper(party),
        country=_upper(country),
        sector=_upper(sector),
        plover=_upper(plover),
        cameo=cameo or None,
        since=since,
        until=until,
        place=place or None,
        text=text or None,
        dataset=dataset or None,
        factual_only=factual_only,
    )


Filters = Annotated[EventFilter, Depends(event_filter)]


def require_token(request: Request) -> None:
    """Coding endpoints: the operator's token, compared in constant time."""
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(
            403, "coding is disabled on this server; start it with `thucydides serve --token ...`"
        )
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.encode(), token.encode()):
        raise HTTPException(401, "a valid token is required: send `Authorization: Bearer TOKEN`")


def plain(value: Any) -> Any:
    """A JSON-ready value from a DataFrame cell or a DuckDB value (orjson's ``default``)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime | dt.date):
        return (
            value.isoformat()[:10]
            if not isinstance(value, dt.datetime)
            or (value.hour == value.minute == value.second == 0)
            else value.isoformat()
        )
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return value


def encode(body: dict[str, Any]) -> bytes:
    """The JSON of an answer, as the one place that turns answers into bytes."""
    return orjson.dumps(body, default=plain, option=orjson.OPT_SERIALIZE_NUMPY)


def page(rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A page of events (fetched with ``limit + 1`` rows to know whether there is more)."""
    return {
        "ok": True,
        "events": rows[:limit],
        "limit": limit,
        "offset": offset,
        "has_more": len(rows) > limit,
    }


def encoded(compute: Callable[[Store], Any]) -> Callable[[Store], bytes | None]:
    """``compute`` answering JSON bytes (None stays None: "not found")."""

    def run(store: Store) -> bytes | None:
        value = compute(store)
        return None if value is None else encode(value)

    return run


async def respond(
    reader: SnapshotReader,
    key: tuple[Any, ...],
    compute: Callable[[Store], Any],
    *,
    quick: bool = False,
) -> Response:
    """The answer under ``key``: from the snapshot's cache on the event loop, or computed (and
    cached as JSON bytes) on one of the snapshot's query workers. ``compute`` returning None
    means "not found"; ``quick``: it looks up a few rows by key (see
    :meth:`SnapshotReader.answer`)."""
    body = await reader.answer_async(key, encoded(compute), quick=quick)
    if body is None:
        raise HTTPException(404, f"no {key[0]} {key[1]!r} in this store")
    return Response(body, media_type="application/json")


# -- answers ------------------------------------------------------------------------------
# Each answer the dashboard asks for has a key (the cache's) and a computation, built here so
# that the routes and the warm-up pass (thucydides.web.warmup) ask for exactly the same ones.
Answer = tuple[tuple[Any, ...], Callable[[Store], Any]]


def series_answer(filters: EventFilter, interval: str = "month") -> Answer:
    return ("series", filters, interval), lambda s: {
        "ok": True,
        "interval": interval,
        "series": api_queries.quad_series(s, filters, interval=interval),
    }


def top_actors_answer(filters: EventFilter, role: str | None, limit: int) -> Answer:
    return ("top-actors", filters, role, limit), lambda s: {
        "ok": True,
        "actors": api_queries.top_actors(s, filters, role=role, limit=limit),
    }


def top_dyads_answer(filters: EventFilter, limit: int) -> Answer:
    return ("top-dyads", filters, limit), lambda s: {
        "ok": True,
        "dyads": api_queries.top_dyads(s, filters, limit=limit),
    }


def events_answer(filters: EventFilter, limit: int, offset: int = 0) -> Answer:
    """A page of ``/api/events`` (and of an actor's timeline, the same question)."""
    return ("events", filters, limit, offset, False), lambda s: page(
        api_queries.events(s, filters, limit=limit + 1, offset=offset), limit, offset
    )


def map_answer(filters: EventFilter, limit: int) -> Answer:
    return ("map", filters, limit), lambda s: {
        "ok": True,
        "points": api_queries.map_points(s, filters, limit=limit),
    }


# The dyad answers are also the dependencies that read their routes' parameters: one list each.
def dyad_series_answer(
    a: Code,
    b: Code,
    interval: Interval = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    directed: bool = False,
    factual_only: bool = True,
) -> Answer:
    a, b = a.upper(), b.upper()
    return ("dyad", a, b, interval, since, until, directed, factual_only), lambda s: {
        "ok": True,
        "a": a,
        "b": b,
        "interval": interval,
        "series": api_queries.dyad_series(
            s,
            a,
            b,
            interval=interval,
            since=since,
            until=until,
            directed=directed,
            factual_only=factual_only,
        ),
    }


def dyad_events_answer(
    a: Code,
    b: Code,
    since: dt.date | None = None,
    until: dt.date | None = None,
    directed: bool = False,
    factual_only: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Answer:
    a, b = a.upper(), b.upper()
    return (
        "dyad-events",
        a,
        b,
        since,
        until,
        directed,
        factual_only,
        limit,
        offset,
    ), lambda s: page(
        api_queries.dyad_events(
            s,
            a,
            b,
            since=since,
            until=until,
            directed=directed,
            factual_only=factual_only,
            limit=limit + 1,
            offset=offset,
        ),
        limit,
        offset,
    )


@router.get("/health", summary="Server and snapshot status")
async def health(reader: Reader) -> dict[str, Any]:
    summary = await reader.answer_async(("summary",), api_queries.summary)
    return {"ok": True, "snapshot": reader.info(), **summary}


@router.get("/stats", summary="Counts: events by type, rejections by reason, runs")
async def stats(reader: Reader) -> Response:
    return await respond(reader, ("stats",), lambda s: {"ok": True, **collect_stats(s).to_dict()})


# -- events -------------------------------------------------------------------------------
@router.get("/events", summary="Events matching the filters, newest first")
async def events(
    reader: Reader, filters: Filters, limit: Limit = 50, offset: Offset = 0, mentions: bool = False
) -> Response:
    if not mentions:
        return await respond(reader, *events_answer(filters, limit, offset))

    def compute(s: Store) -> dict[str, Any]:  # one row per report: the stored events
        frame = queries.events(s, filters, limit=limit + 1, offset=offset, mentions=True)
        return page(rows(frame, drop=("record",)), limit, offset)

    return await respond(reader, ("events", filters, limit, offset, mentions), compute)


@router.get("/events/{event_id}", summary="One event with its evidence and other reports")
async def event(reader: Reader, event_id: Annotated[str, Path(max_length=200)]) -> Response:
    def compute(s: Store) -> dict[str, Any] | None:
        detail = api_queries.event_detail(s, event_id)
        if detail is None:
            return None
        article = detail["article"]
        return {
            "ok": True,
            **detail,
            "segments": segments(detail["record"], article["text"] if article else None),
        }

    return await respond(reader, ("event", event_id), compute, quick=True)


@router.get("/series", summary="Events per period by QuadClass, for any filter")
async def series(reader: Reader, filters: Filters, interval: Interval = "month") -> Response:
    return await respond(reader, *series_answer(filters, interval))


@router.get("/map", summary="Event locations, one point per place")
async def event_map(reader: Reader, filters: Filters, limit: Limit = 1000) -> Response:
    return await respond(reader, *map_answer(filters, limit))


# -- dyads and actors ---------------------------------------------------------------------
@router.get("/dyads/{a}/{b}/series", summary="Cooperation and conflict between two actors")
async def dyad_series(
    reader: Reader, answer: Annotated[Answer, Depends(dyad_series_answer)]
) -> Response:
    return await respond(reader, *answer)


@router.get("/dyads/{a}/{b}/events", summary="The events between two actors, newest first")
async def dyad_events(
    reader: Reader, answer: Annotated[Answer, Depends(dyad_events_answer)]
) -> Response:
    return await respond(reader, *answer)


@router.get("/actors/{code}/timeline", summary="What an actor did and had done to it")
async def actor_timeline(
    reader: Reader,
    code: Code,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: Limit = 50,
) -> Response:
    filters = EventFilter(party=code.upper(), since=since, until=until)
    return await respond(reader, *events_answer(filters, limit))  # as /api/events?party=


@router.get("/top/actors", summary="The actors in most events")
async def top_actors(
    reader: Reader,
    filters: Filters,
    role: Annotated[str | None, Query(pattern="^(actor|recipient)$")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Response:
    return await respond(reader, *top_actors_answer(filters, role, limit))


@router.get("/top/dyads", summary="The actor → recipient pairs in most events")
async def top_dyads(
    reader: Reader, filters: Filters, limit: Annotated[int, Query(ge=1, le=200)] = 20
) -> Response:
    return await respond(reader, *top_dyads_answer(filters, limit))


def rows(frame: pd.DataFrame, drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The rows of a DataFrame of the query functions, as dicts."""
    columns = [c for c in frame.columns if c not in drop]
    return [
        {c: plain(v) for c, v in zip(columns, row, strict=True)}
        for row in frame[columns].itertuples(index=False, name=None)
    ]


# -- coding (token) -----------------------------------------------------------------------
class CodeRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_CODE_CHARS, description="The article text.")
    published: dt.date | None = Field(None, description="Publication date, to resolve dates.")


@router.post(
    "/code",
    summary="Code a pasted text (needs the operator's token); nothing is stored",
    dependencies=[Depends(require_token)],
)
def code(body: CodeRequest) -> dict[str, Any]:
    from thucydides.pipeline import code_text

    with _coding:
        coded = code_text(body.text, published=body.published, article_id="pasted")
    records = [e.to_record() for e in coded]
    return {
        "ok": True,
        "events": [{**r, "segments": segments(r, body.text)} for r in records],
    }


@router.post(
    "/snapshot",
    summary="Take a new snapshot of the store now (needs the operator's token)",
    dependencies=[Depends(require_token)],
)
def snapshot(reader: Reader) -> dict[str, Any]:
    changed = reader.refresh_now()
    return {"ok": True, "changed": changed, "snapshot": reader.info()}


__all__ = ["router"]
