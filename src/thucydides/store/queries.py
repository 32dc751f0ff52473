"""Questions asked of a store, as plain functions returning pandas DataFrames.

Every function takes an open :class:`~thucydides.store.Store` (read-only is enough) and runs
parameterised SQL only. They count *events* (clusters of reports), not mentions: an event
reported five times counts once, and its representative record speaks for it.

>>> from thucydides.store import Store, queries
>>> with Store("thucydides.duckdb", read_only=True) as store:          # doctest: +SKIP
...     queries.dyad_series(store, "TUR", "SYR", interval="month")

Actor arguments are CAMEO-style codes matched as prefixes (``TUR`` matches ``TURGOV`` and
``TURMIL``), or ISO 3166 alpha-3 countries (``TUR`` also matches an actor whose country is TUR).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from thucydides.errors import UsageError
from thucydides.ontology import plover_types
from thucydides.store.records import record_sql
from thucydides.store.store import Store

INTERVALS = ("day", "week", "month")
QUAD_COLUMNS = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)
CLUSTER_FIELDS = ("cluster_id", "num_mentions", "num_articles", "num_sources")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every field is optional and they combine with AND."""

    actor: str | None = None  # among the actors (who did it)
    recipient: str | None = None  # among the recipients (to whom)
    party: str | None = None  # actor or recipient
    country: str | None = None  # any party's ISO3 country
    sector: str | None = None  # any party's sector, e.g. GOV, MIL, REB
    plover: str | None = None  # PLOVER type, e.g. CONSULT
    cameo: str | None = None  # CAMEO code prefix, e.g. "04" or "043"
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None  # place name (case-insensitive substring) or ISO3 country
    text: str | None = None  # words in the sentence (case-insensitive substring)
    dataset: str | None = None  # "thucydides", "gdelt", "icews", "polecat", "acled"
    factual_only: bool = False


def _codes(column: str) -> str:
    return f"e.{column}_codes LIKE '%|' || ? || '%'"


def _countries(column: str) -> str:
    return f"e.{column}_countries LIKE '%|' || ? || '|%'"


def _party(role: str | None) -> str:
    """Matches a code prefix or a country in one role (or either, for ``None``)."""
    roles = [role] if role else ["actor", "recipient"]
    return "(" + " OR ".join(f"{_codes(r)} OR {_countries(r)}" for r in roles) + ")"


def _party_params(value: str, role: str | None) -> list[str]:
    return [value.upper()] * (2 if role else 4)


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause over ``events e`` for a filter, with its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    for role, value in (("actor", f.actor), ("recipient", f.recipient), (None, f.party)):
        if value:
            clauses.append(_party(role))
            params += _party_params(value, role)
    if f.country:
        clauses.append(f"({_countries('actor')} OR {_countries('recipient')})")
        params += [f.country.upper()] * 2
    if f.sector:
        clauses.append(
            "e.event_id IN (SELECT event_id FROM event_actors WHERE list_contains(sectors, ?))"
        )
        params.append(f.sector.upper())
    if f.plover:
        clauses.append("e.plover = ?")
        params.append(f.plover.upper())
    if f.cameo:
        clauses.append("e.cameo LIKE ? || '%'")
        params.append(f.cameo)
    if f.since:
        clauses.append("e.date >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("e.date <= ?")
        params.append(f.until)
    if f.place:
        clauses.append(
            "e.event_id IN (SELECT event_id FROM places WHERE name ILIKE '%' || ? || '%' "
            "OR country = ?)"
        )
        params += [f.place, f.place.upper()]
    if f.text:
        clauses.append("e.sentence ILIKE '%' || ? || '%'")
        params.append(f.text)
    if f.dataset:
        clauses.append("e.dataset = ?")
        params.append(f.dataset)
    if f.factual_only:
        clauses.append("e.factual")
    return (" AND ".join(clauses) or "true"), params


def events(
    store: Store,
    filters: EventFilter = EventFilter(),
    *,
    limit: int = 100,
    offset: int = 0,
    mentions: bool = False,
) -> pd.DataFrame:
    """Events matching ``filters``, newest first: one row per event (its representative), or
    one row per report with ``mentions=True``. Columns: the cluster fields, ``event_id``,
    ``article_id``, ``dataset``, ``date``, ``plover``, ``cameo``, ``quad_class``, ``goldstein``,
    ``actors``, ``recipients`` (codes, ``;``-joined), ``sentence`` and ``record`` (the event
    record, version 1, as a dict)."""
    where, params = _where(filters)
    representative = "" if mentions else "AND e.is_representative"
    # Two steps: the page's ids from the narrow filter and sort columns alone, then the wide
    # columns (sentence, JSON record) of those rows only, looked up in the event_id index
    # (``= ANY(?)`` uses it; a join would scan the table).
    ids = [
        row[0]
        for row in store.sql(
            f"SELECT e.event_id FROM events e WHERE {where} {representative} "
            f"{_NEWEST_FIRST} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    if not ids:
        return _finish(pd.DataFrame())
    frame = store.frame(
        f"SELECT {_PAGE_COLUMNS} FROM events e WHERE e.event_id = ANY(?) {_NEWEST_FIRST}",
        [ids],
    )
    return _finish(frame)


_NEWEST_FIRST = "ORDER BY e.date DESC NULLS LAST, e.event_id"


# The columns of an event page: everything but the full record.
PAGE_FIELDS = (
    *CLUSTER_FIELDS,
    "event_id",
    "article_id",
    "dataset",
    "date",
    "plover",
    "cameo",
    "quad_class",
    "goldstein",
    "actors",
    "recipients",
    "sentence",
)
_COLUMNS = [*PAGE_FIELDS, "record"]
_PAGE_COLUMNS = (
    "e.cluster_id, e.num_mentions, e.num_articles, e.num_sources, e.event_id, e.article_id, "
    "e.dataset, e.date, e.plover, e.cameo, e.quad_class, e.goldstein, e.sentence, "
    f"{record_sql('e')} AS record"
)


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=_COLUMNS)
    records = [json.loads(r) for r in frame["record"]]
    frame["record"] = records
    frame["actors"] = [";".join(a["code"] for a in r["actors"]) for r in records]
    frame["recipients"] = [";".join(a["code"] for a in r["recipients"]) for r in records]
    return frame[_COLUMNS]


def event_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of :func:`events` as event records (version 1) with the cluster fields."""
    out = []
    for row in frame.itertuples(index=False):
        record: dict[str, Any] = dict(getattr(row, "record"))  # noqa: B009
        record.update({k: _plain(getattr(row, k)) for k in CLUSTER_FIELDS})
        record["dataset"] = row.dataset
        out.append(record)
    return out


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def series_count_columns(alias: str) -> tuple[str, str]:
    """The SQL count columns of a dyad series over the rows ``alias``: one per QuadClass
    (``QUAD_COLUMNS``) and one per PLOVER type (``plover_<TYPE>``, with ``plover_none``)."""
    quads = ", ".join(
        f"count({alias}.quad_class) FILTER (WHERE {alias}.quad_class = {i}) AS {name}"
        for i, name in enumerate(QUAD_COLUMNS, start=1)
    )
    plovers = ", ".join(
        f"count({alias}.plover) FILTER (WHERE {alias}.plover = '{t}') AS \"plover_{t}\""
        for t in [*plover_types(), "none"]
    )
    return quads, plovers


def _check_interval(interval: str) -> None:
    if interval not in INTERVALS:
        raise UsageError(f"--interval {interval!r} is not known; use one of {', '.join(INTERVALS)}")


def dyad_series(
    store: Store,
    a: str,
    b: str,
    *,
    interval: str = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    directed: bool = False,
    factual_only: bool = True,
    dataset: str | None = None,
) -> pd.DataFrame:
    """Events between ``a`` and ``b`` per day, week or month: ``events``, counts per QuadClass,
    ``mean_goldstein``, ``net_cooperation`` ((cooperation - conflict) / events, -1..1) and one
    ``plover_<TYPE>`` count column per PLOVER type seen. Periods without events are zeros.

    Undirected (default): both are parties, in any role. ``directed``: ``a`` among the actors
    and ``b`` among the recipients."""
    _check_interval(interval)
    role_a, role_b = ("actor", "recipient") if directed else (None, None)
    extra, extra_params = _where(
        EventFilter(since=since, until=until, factual_only=factual_only, dataset=dataset)
    )
    quads, plover_counts = series_count_columns("h")
    frame = store.frame(
        f"""
        WITH hits AS (
            SELECT CAST(date_trunc(?, e.date) AS TIMESTAMP) AS period, e.quad_class,
                   coalesce(e.plover, 'none') AS plover, e.goldstein
            FROM events e
            WHERE e.is_representative AND {_party(role_a)} AND {_party(role_b)} AND {extra}
              AND e.date IS NOT NULL
        ), periods AS (
            SELECT unnest(generate_series(min(period), max(period), INTERVAL {_STEP[interval]}))
                   AS period
            FROM hits
        )
        SELECT CAST(p.period AS DATE) AS period, count(h.quad_class) AS events, {quads},
               coalesce(avg(h.goldstein), 0) AS mean_goldstein, {plover_counts}
        FROM periods p LEFT JOIN hits h ON h.period = p.period
        GROUP BY p.period ORDER BY p.period
        """,
        [
            interval,
            *_party_params(a, role_a),
            *_party_params(b, role_b),
            *extra_params,
        ],
    )
    return _series(frame)


_STEP = {"day": "1 DAY", "week": "7 DAY", "month": "1 MONTH"}


def _series(frame: pd.DataFrame) -> pd.DataFrame:
    base = ["period", "events", *QUAD_COLUMNS, "mean_goldstein", "net_cooperation"]
    if frame.empty:
        return pd.DataFrame(columns=base)
    frame["period"] = pd.to_datetime(frame["period"]).dt.date
    coop = frame[QUAD_COLUMNS[0]] + frame[QUAD_COLUMNS[1]]
    conflict = frame[QUAD_COLUMNS[2]] + frame[QUAD_COLUMNS[3]]
    events = frame["events"].where(frame["events"] > 0, 1)
    frame["net_cooperation"] = ((coop - conflict) / events).astype(float)
    counts = ["events", *QUAD_COLUMNS]
    frame[counts] = frame[counts].astype(int)
    seen = [c for c in frame.columns if c.startswith("plover_") and frame[c].sum() > 0]
    frame[seen] = frame[seen].astype(int)
    return frame[[*base, *sorted(seen)]]


def actor_timeline(
    store: Store,
    actor: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 100,
) -> pd.DataFrame:
    """What ``actor`` did and had done to it, newest first (the columns of :func:`events`)."""
    return events(store, EventFilter(party=actor, since=since, until=until), limit=limit)


def top_actors(
    store: Store,
    filters: EventFilter = EventFilter(),
    *,
    role: str | None = None,
    limit: int = 20,
) -> pd.DataFrame:
    """The actor codes in most events: ``code``, ``events``, ``mentions``."""
    if role not in (None, "actor", "recipient"):
        raise UsageError(f"role {role!r} is not known; use actor or recipient")
    where, params = _where(filters)
    role_clause = "AND a.role = ?" if role else ""
    return store.frame(
        f"""
        SELECT a.code, count(DISTINCT c.cluster_id) AS events,
               CAST(sum(c.num_mentions) AS BIGINT) AS mentions
        FROM clusters c JOIN events e ON e.event_id = c.representative
        JOIN event_actors a ON a.event_id = e.event_id {role_clause}
        WHERE {where}
        GROUP BY a.code ORDER BY events DESC, a.code LIMIT ?
        """,
        [*([role] if role else []), *params, limit],
    )


def top_dyads(
    store: Store, filters: EventFilter = EventFilter(), *, limit: int = 20
) -> pd.DataFrame:
    """The actor → recipient pairs in most events (compound actors expand to every pair)."""
    where, params = _where(filters)
    return store.frame(
        f"""
        SELECT s.code AS actor, t.code AS recipient, count(DISTINCT c.cluster_id) AS events,
               avg(e.goldstein) AS mean_goldstein
        FROM clusters c JOIN events e ON e.event_id = c.representative
        JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'actor'
        JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'recipient'
        WHERE {where}
        GROUP BY ALL ORDER BY events DESC, actor, recipient LIMIT ?
        """,
        [*params, limit],
    )


def last_time(
    store: Store,
    a: str,
    b: str,
    *,
    plover: str | None = None,
    cameo: str | None = None,
    before: dt.date | None = None,
) -> pd.DataFrame:
    """The most recent factual event of a type between ``a`` and ``b`` (in any role) before
    ``before`` (strictly): "the first meeting since ...". Empty when there is none."""
    where, params = _where(
        EventFilter(
            plover=plover,
            cameo=cameo,
            until=before - dt.timedelta(days=1) if before else None,
            factual_only=True,
        )
    )
    frame = store.frame(
        f"""
        SELECT {_PAGE_COLUMNS} FROM events e
        WHERE e.is_representative AND {where} AND e.date IS NOT NULL
          AND {_party(None)} AND {_party(None)}
        ORDER BY e.date DESC, e.event_id LIMIT 1
        """,
        [*params, *_party_params(a, None), *_party_params(b, None)],
    )
    return _finish(frame)


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option value (one-line error naming the option otherwise)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from None


__all__: Sequence[str] = (
    "EventFilter",
    "actor_timeline",
    "dyad_series",
    "event_records",
    "events",
    "last_time",
    "parse_date",
    "top_actors",
    "top_dyads",
)
