"""The JSON API under ``/api``: the same query functions as ``thucydides query``, read-only.

Every answer is ``{"ok": true, ...}``; every error ``{"ok": false, "error": "...", "status": N}``.
Coding a pasted text needs the operator's token (``Authorization: Bearer TOKEN``).
"""

from __future__ import annotations

import datetime as dt
import hmac
import math
import threading
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from thucydides.store import api_queries, queries
from thucydides.store.queries import EventFilter
from thucydides.store.stats import collect_stats
from thucydides.web.evidence import segments
from thucydides.web.snapshot import Snapshot, SnapshotReader

MAX_CODE_CHARS = 100_000
MAX_LIMIT = 1000

router = APIRouter(prefix="/api")
_coding = threading.Lock()

Code = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$")]
Text = Annotated[str | None, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Interval = Annotated[str, Query(pattern="^(day|week|month)$")]


def reader(request: Request) -> SnapshotReader:
    value: SnapshotReader = request.app.state.reader
    return value


Reader = Annotated[SnapshotReader, Depends(reader)]


def event_filter(
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
    """The event filters shared by every list and count (the same as ``thucydides query``)."""
    return EventFilter(
        actor=actor or None,
        recipient=recipient or None,
        party=party or None,
        country=country or None,
        sector=sector or None,
        plover=plover or None,
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
    """A JSON-ready value from a DataFrame cell."""
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
    return value


def rows(frame: pd.DataFrame, drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    columns = [c for c in frame.columns if c not in drop]
    return [
        {c: plain(v) for c, v in zip(columns, row, strict=True)}
        for row in frame[columns].itertuples(index=False, name=None)
    ]


def page(frame: pd.DataFrame, limit: int, offset: int) -> dict[str, Any]:
    """A page of events (fetched with ``limit + 1`` rows to know whether there is more)."""
    return {
        "ok": True,
        "events": rows(frame.head(limit), drop=("record",)),
        "limit": limit,
        "offset": offset,
        "has_more": len(frame) > limit,
    }


# -- store --------------------------------------------------------------------------------
# The answers the overview page asks for; computed when a snapshot is taken (see warm).
def _summary(reader: SnapshotReader, snap: Snapshot | None = None) -> Any:
    return reader.answer(("summary",), api_queries.summary, snap)


def _series(
    reader: SnapshotReader, filters: EventFilter, interval: str, snap: Snapshot | None = None
) -> Any:
    return reader.answer(
        ("series", filters, interval),
        lambda s: api_queries.quad_series(s, filters, interval=interval),
        snap,
    )


def _top_actors(
    reader: SnapshotReader,
    filters: EventFilter,
    role: str | None,
    limit: int,
    snap: Snapshot | None = None,
) -> Any:
    return reader.answer(
        ("top-actors", filters, role, limit),
        lambda s: queries.top_actors(s, filters, role=role, limit=limit),
        snap,
    )


def _top_dyads(
    reader: SnapshotReader, filters: EventFilter, limit: int, snap: Snapshot | None = None
) -> Any:
    return reader.answer(
        ("top-dyads", filters, limit), lambda s: queries.top_dyads(s, filters, limit=limit), snap
    )


OVERVIEW_TOP = 15  # rows the overview page asks for (static/app.js)


def warm(reader: SnapshotReader, snap: Snapshot) -> None:
    """Compute the overview page's answers for a new snapshot before it is served."""
    _summary(reader, snap)
    _series(reader, EventFilter(), "month", snap)
    _top_dyads(reader, EventFilter(), OVERVIEW_TOP, snap)
    _top_actors(reader, EventFilter(), None, OVERVIEW_TOP, snap)


@router.get("/health", summary="Server and snapshot status")
def health(reader: Reader) -> dict[str, Any]:
    return {"ok": True, "snapshot": reader.info(), **_summary(reader)}


@router.get("/stats", summary="Counts: events by type, rejections by reason, runs")
def stats(reader: Reader) -> dict[str, Any]:
    return {"ok": True, **reader.answer(("stats",), lambda s: collect_stats(s).to_dict())}


# -- events -------------------------------------------------------------------------------
@router.get("/events", summary="Events matching the filters, newest first")
def events(
    reader: Reader, filters: Filters, limit: Limit = 50, offset: Offset = 0, mentions: bool = False
) -> dict[str, Any]:
    key = ("events", filters, limit, offset, mentions)
    frame = reader.answer(
        key, lambda s: queries.events(s, filters, limit=limit + 1, offset=offset, mentions=mentions)
    )
    return page(frame, limit, offset)


@router.get("/events/{event_id}", summary="One event with its evidence and other reports")
def event(reader: Reader, event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    detail = reader.answer(("event", event_id), lambda s: api_queries.event_detail(s, event_id))
    if detail is None:
        raise HTTPException(404, f"no event {event_id!r} in this store")
    article = detail["article"]
    return {
        "ok": True,
        **detail,
        "segments": segments(detail["record"], article["text"] if article else None),
    }


@router.get("/series", summary="Events per period by QuadClass, for any filter")
def series(reader: Reader, filters: Filters, interval: Interval = "month") -> dict[str, Any]:
    frame = _series(reader, filters, interval)
    return {"ok": True, "interval": interval, "series": rows(frame)}


@router.get("/map", summary="Event locations, one point per place")
def event_map(reader: Reader, filters: Filters, limit: Limit = 1000) -> dict[str, Any]:
    frame = reader.answer(
        ("map", filters, limit), lambda s: api_queries.map_points(s, filters, limit=limit)
    )
    return {"ok": True, "points": rows(frame)}


# -- dyads and actors ---------------------------------------------------------------------
@router.get("/dyads/{a}/{b}/series", summary="Cooperation and conflict between two actors")
def dyad_series(
    reader: Reader,
    a: Code,
    b: Code,
    interval: Interval = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    directed: bool = False,
    factual_only: bool = True,
) -> dict[str, Any]:
    frame = reader.answer(
        ("dyad", a, b, interval, since, until, directed, factual_only),
        lambda s: queries.dyad_series(
            s,
            a,
            b,
            interval=interval,
            since=since,
            until=until,
            directed=directed,
            factual_only=factual_only,
        ),
    )
    return {"ok": True, "a": a.upper(), "b": b.upper(), "interval": interval, "series": rows(frame)}


@router.get("/dyads/{a}/{b}/events", summary="The events between two actors, newest first")
def dyad_events(
    reader: Reader,
    a: Code,
    b: Code,
    since: dt.date | None = None,
    until: dt.date | None = None,
    directed: bool = False,
    factual_only: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    frame = reader.answer(
        ("dyad-events", a, b, since, until, directed, factual_only, limit, offset),
        lambda s: api_queries.dyad_events(
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
    )
    return page(frame, limit, offset)


@router.get("/actors/{code}/timeline", summary="What an actor did and had done to it")
def actor_timeline(
    reader: Reader,
    code: Code,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    frame = reader.answer(
        ("timeline", code, since, until, limit),
        lambda s: queries.actor_timeline(s, code, since=since, until=until, limit=limit + 1),
    )
    return page(frame, limit, 0)


@router.get("/top/actors", summary="The actors in most events")
def top_actors(
    reader: Reader,
    filters: Filters,
    role: Annotated[str | None, Query(pattern="^(actor|recipient)$")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    frame = _top_actors(reader, filters, role, limit)
    return {"ok": True, "actors": rows(frame)}


@router.get("/top/dyads", summary="The actor → recipient pairs in most events")
def top_dyads(
    reader: Reader, filters: Filters, limit: Annotated[int, Query(ge=1, le=200)] = 20
) -> dict[str, Any]:
    frame = _top_dyads(reader, filters, limit)
    return {"ok": True, "dyads": rows(frame)}


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
