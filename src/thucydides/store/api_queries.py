"""The questions of the web API, answered from the read tables of a snapshot.

Every function takes a :class:`~thucydides.store.Store` opened on a snapshot that has the read
tables (:func:`thucydides.store.snapshots.add_read_tables`), runs parameterised SQL only, and
gives the same answer as the function of :mod:`thucydides.store.queries` it stands for, as
plain rows (lists of dicts) rather than DataFrames: events are counted once per cluster, and
the filters are the ``WHERE`` clause of ``queries`` itself, run over ``read_events`` (which
has the columns of ``events`` it reads).

What makes them fast:

* pages sort nothing but ``pos`` (the newest-first rank of an event) and read the columns of
  the page rows only;
* a party is a range of ``read_parties`` (sorted by code and country), not a LIKE over every
  event;
* counts over dates alone (plus ``dataset``, ``factual_only`` and, for series and the map,
  ``plover``) take the whole months of the range from the running totals of the
  ``read_*_since`` tables (the row of the first month minus the row of the month after the
  last) and count the days at both ends of the range from the per-event tables; any other
  filter counts the per-event rows of the events that match it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import weakref
from collections.abc import Sequence
from typing import Any

from thucydides.ontology import plover_types
from thucydides.store.queries import (
    PAGE_FIELDS,
    QUAD_COLUMNS,
    EventFilter,
    _check_interval,
    _party,
    _party_params,
    _where,
)
from thucydides.store.records import record_sql
from thucydides.store.store import Store

Row = dict[str, Any]

PAGE_COLUMNS = PAGE_FIELDS
_PAGE_SQL = ", ".join(f"e.{c}" for c in PAGE_COLUMNS)


def _rows(store: Store, sql: str, params: Sequence[Any], columns: Sequence[str]) -> list[Row]:
    return [dict(zip(columns, row, strict=True)) for row in store.sql(sql, params)]


# -- date ranges over month tables ------------------------------------------------------------
def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


@dataclasses.dataclass(frozen=True, slots=True)
class Span:
    """A date range as whole months and the days at its ends. ``first``/``end``: the first
    whole month and the month after the last one (None: open); ``whole``: whether there is any
    whole month; ``undated``: whether events without a date count (no date limit at all).
    ``months`` and ``days`` are the same as SQL conditions on ``month`` and ``date``."""

    first: dt.date | None
    end: dt.date | None
    whole: bool
    undated: bool
    months: str
    month_params: tuple[Any, ...]
    days: str
    day_params: tuple[Any, ...]


def span(since: dt.date | None, until: dt.date | None) -> Span:
    """Whole months from the first one starting on or after ``since`` to the last one ending on
    or before ``until``; the days before and after them one by one. Without dates, every month
    (and the events without a date); with one, no undated event."""
    lo = None if since is None else since if since.day == 1 else _next_month(since)
    hi = None
    if until is not None:
        hi = _next_month(until) if _next_month(until) - dt.timedelta(days=1) == until else None
        hi = hi or until.replace(day=1)
    undated = since is None and until is None
    if lo is not None and hi is not None and lo >= hi:
        assert since is not None and until is not None
        return Span(None, None, False, False, "false", (), "date BETWEEN ? AND ?", (since, until))
    months = [c for c, v in (("month >= ?", lo), ("month < ?", hi)) if v is not None]
    days: list[str] = []
    day_params: list[Any] = []
    if since is not None and lo is not None and lo != since:
        days.append("date BETWEEN ? AND ?")
        day_params += [since, lo - dt.timedelta(days=1)]
    if until is not None and hi is not None and hi <= until:
        days.append("date BETWEEN ? AND ?")
        day_params += [hi, until]
    return Span(
        lo,
        hi,
        True,
        undated,
        " AND ".join(months) or "true",
        tuple(v for v in (lo, hi) if v is not None),
        "(" + " OR ".join(days) + ")" if days else "false",
        tuple(day_params),
    )


def _running(
    store: Store,
    table: str,
    items: Sequence[str],
    values: Sequence[str],
    s: Span,
    keys: str,
    key_params: Sequence[Any],
) -> tuple[str, list[Any]]:
    """``SELECT items, values ... UNION ALL``: the whole months of ``s`` from a running-total
    table of the snapshot (``read_*_since``: the counts from a month on), as the row of the
    first month minus the row of the end month, plus the undated row when no date limits.
    Empty when ``s`` has no whole month."""
    if not s.whole:
        return "", []
    # months before the first one of the store have no rows: the first one's counts are theirs
    first = _first_month(store)
    columns = ", ".join([*items, *values])
    parts = [f"SELECT {columns} FROM {table} t WHERE t.month = ? AND {keys}"]
    params: list[Any] = [max(s.first or first, first), *key_params]
    if s.end is not None:
        negated = ", ".join([*items, *(f"-{v}" for v in values)])
        parts.append(f"SELECT {negated} FROM {table} t WHERE t.month = ? AND {keys}")
        params += [max(s.end, first), *key_params]
    if s.undated:
        parts.append(f"SELECT {columns} FROM {table} t WHERE t.month IS NULL AND {keys}")
        params += key_params
    return "".join(f"{p} UNION ALL " for p in parts), params


# The first month of each snapshot's store (a snapshot never changes): looked up once per
# connection, not once per query (a subquery instead would cost the planner more).
_FIRST_MONTH: weakref.WeakKeyDictionary[Store, dt.date] = weakref.WeakKeyDictionary()


def _first_month(store: Store) -> dt.date:
    first = _FIRST_MONTH.get(store)
    if first is None:
        (first,) = store.sql("SELECT first_month FROM read_bounds")[0]
        _FIRST_MONTH[store] = first
    return first


_FIELDS = tuple(f.name for f in dataclasses.fields(EventFilter))


def _by_month(f: EventFilter, *also: str) -> bool:
    """Whether the month tables can answer ``f``: it filters on dates, dataset and
    ``factual_only`` only (and the fields in ``also``)."""
    allowed = {"since", "until", "dataset", "factual_only", *also}
    return all(getattr(f, name) in (None, False) for name in _FIELDS if name not in allowed)


def _keys(f: EventFilter, *, plover: bool = False) -> tuple[str, list[Any]]:
    """The conditions of a month table row for the non-date filters :func:`_by_month` takes."""
    clauses, params = [], []
    if f.dataset:
        clauses.append("dataset = ?")
        params.append(f.dataset)
    if f.factual_only:
        clauses.append("factual")
    if plover and f.plover:
        clauses.append("plover = ?")
        params.append(f.plover.upper())
    return " AND ".join(clauses) or "true", params


_PARTY_FIELDS = (("actor", "actor"), ("recipient", "recipient"), ("party", None))
_PARTIES_HAVE = ("since", "until", "plover", "cameo", "dataset", "factual_only")
Party = tuple[str | None, str]  # (role or None for either, actor code prefix or country)


def _parties(f: EventFilter) -> tuple[list[Party], EventFilter]:
    """The party conditions of ``f`` and ``f`` without them."""
    found = [(role, str(getattr(f, name))) for name, role in _PARTY_FIELDS if getattr(f, name)]
    return found, dataclasses.replace(f, actor=None, recipient=None, party=None)


def _is_code(value: str) -> bool:
    """Whether ``value`` matches as queries' LIKE patterns do when read as a plain prefix."""
    return bool(value) and not any(c in value for c in "%_|\\") and ord(value[-1]) < 0x10FFFF


def _party_range(role: str | None, value: str) -> tuple[str, list[Any]]:
    """The rows of ``read_parties`` for a party: a code starting with ``value`` or a country
    equal to it (both sort into [value, value with its last character + 1))."""
    v = value.upper()
    sql = "e.key >= ? AND e.key < ? AND (e.kind = 'code' OR e.key = ?)"
    params: list[Any] = [v, v[:-1] + chr(ord(v[-1]) + 1), v]
    if role:
        sql += " AND e.role = ?"
        params.append(role)
    return sql, params


def _hits(
    parties: Sequence[Party],
    f: EventFilter,
    columns: Sequence[str] = (),
    table: str = "read_parties",
) -> tuple[str, list[Any]]:
    """``SELECT pos, columns``: the events that have every party (each in its role) and match
    ``f``, once each. A party is looked up as a range of ``read_parties`` (or of ``table``, a
    table sorted as it is with more columns: then one row per distinct ``pos, columns``); the
    filters that table has are checked there; the others by queries' WHERE clause over
    ``read_events``."""
    extra = "".join(f", e.{c}" for c in columns)
    fast = [p for p in parties if _is_code(p[1])]
    slow = [p for p in parties if not _is_code(p[1])]
    if not fast:
        where, params = _where(f)
        for role, value in slow:
            where += f" AND {_party(role)}"
            params += _party_params(value, role)
        return f"SELECT e.pos{extra} FROM read_events e WHERE {where}", params
    (role, value), *others = fast
    clauses, params = [], []
    here = EventFilter(**{n: getattr(f, n) for n in _PARTIES_HAVE})
    for sql, values in (_party_range(role, value), _where(here)):
        clauses.append(sql)
        params += values
    for other in others:
        sql, values = _party_range(*other)
        clauses.append(f"e.pos IN (SELECT e.pos FROM read_parties e WHERE {sql})")
        params += values
    rest = dataclasses.replace(
        f, since=None, until=None, plover=None, cameo=None, dataset=None, factual_only=False
    )
    if rest != EventFilter() or slow:
        where, values = _hits(slow, rest)
        clauses.append(f"e.pos IN ({where})")
        params += values
    return f"SELECT DISTINCT e.pos{extra} FROM {table} e WHERE {' AND '.join(clauses)}", params


def _matching(f: EventFilter) -> tuple[str, list[Any]]:
    """``pos IN (...)``: the events matching ``f``."""
    hits, params = _hits(*_parties(f))
    return f"pos IN ({hits})", params


# -- events -----------------------------------------------------------------------------------
def events(
    store: Store, filters: EventFilter | None = None, *, limit: int = 100, offset: int = 0
) -> list[Row]:
    """The rows of :func:`queries.events` (one per event, newest first) without ``record``."""
    hits, params = _hits(*_parties(filters or EventFilter()))
    return _page(store, hits, params, limit, offset)


def _page(store: Store, positions: str, params: list[Any], limit: int, offset: int) -> list[Row]:
    """The page rows among the events whose ``pos`` the query ``positions`` selects: the top-N
    sorts the integers only, and the page columns are read for the page rows."""
    return _rows(
        store,
        f"""
        WITH page AS ({positions} ORDER BY pos LIMIT ? OFFSET ?)
        SELECT {_PAGE_SQL} FROM read_events e WHERE e.pos IN (SELECT pos FROM page)
        ORDER BY e.pos
        """,
        [*params, limit, offset],
        PAGE_COLUMNS,
    )


def dyad_events(
    store: Store,
    a: str,
    b: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    directed: bool = False,
    factual_only: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> list[Row]:
    """Events between ``a`` and ``b`` (the rows of :func:`events`), newest first. Undirected by
    default (both are parties in any role); ``directed``: ``a`` acts on ``b``."""
    role_a, role_b = ("actor", "recipient") if directed else (None, None)
    hits, params = _hits(
        [(role_a, a), (role_b, b)],
        EventFilter(since=since, until=until, factual_only=factual_only),
    )
    return _page(store, hits, params, limit, offset)


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """One stored event: its record, dataset, cluster counts, the article it came from
    (``article``: id, title, url, source, published and text, or None for imported events) and
    the other reports of the same event (``reports``: event id, article id, title, sentence)."""
    rows = store.sql(
        f"SELECT {record_sql('e')}, e.dataset, e.cluster_id, e.num_mentions, e.num_articles, "
        "e.num_sources FROM events e WHERE e.event_id = ?",
        [event_id],
    )
    if not rows:
        return None
    record, dataset, cluster_id, mentions, articles, sources = rows[0]
    found = store.sql(
        "SELECT any_value(representative) FROM clusters WHERE cluster_id = ?", [cluster_id]
    )
    detail: dict[str, Any] = {
        "record": json.loads(record),
        "dataset": dataset,
        "cluster_id": cluster_id,
        "num_mentions": mentions,
        "num_articles": articles,
        "num_sources": sources,
        "representative": found[0][0] if found else None,
        "article": None,
    }
    article = store.sql(
        "SELECT article_id, title, url, source, published, text FROM articles "
        "WHERE article_id = ? LIMIT 1",
        [detail["record"].get("article_id")],
    )
    if article:
        aid, title, url, source, published, text = article[0]
        detail["article"] = {
            "article_id": aid,
            "title": title,
            "url": url,
            "source": source,
            "published": published.isoformat() if published else None,
            "text": text,
        }
    reports = (
        store.sql(
            "SELECT e.event_id, e.article_id, (SELECT any_value(a.title) FROM articles a "
            "WHERE a.article_id = e.article_id), e.sentence FROM events e "
            "WHERE e.cluster_id = ? AND e.event_id <> ? ORDER BY e.article_id, e.event_id "
            "LIMIT 50",
            [cluster_id, event_id],
        )
        if (mentions or 1) > 1
        else []
    )
    detail["reports"] = [
        {"event_id": r[0], "article_id": r[1], "title": r[2], "sentence": r[3]} for r in reports
    ]
    return detail


# -- series -----------------------------------------------------------------------------------
SERIES_COLUMNS = ("period", "events", *QUAD_COLUMNS, "mean_goldstein")


def quad_series(
    store: Store, filters: EventFilter | None = None, *, interval: str = "month"
) -> list[Row]:
    """Events matching ``filters`` per day, week or month, split by QuadClass: ``period``,
    ``events``, the four QuadClass count columns and ``mean_goldstein``. Only periods with
    events are listed (the chart leaves the gaps)."""
    _check_interval(interval)
    f = filters or EventFilter()
    if _by_month(f, "plover"):
        keys, key_params = _keys(f, plover=True)
        counts = ", ".join(
            f"coalesce(sum(events) FILTER (WHERE quad_class = {quad}), 0) AS {name}"
            for quad, name in enumerate(QUAD_COLUMNS, start=1)
        )
        if interval == "month":  # whole months from read_monthly, the ends from read_daily
            s = span(f.since, f.until)
            rows = f"""
                SELECT month AS date, quad_class, events, scored, goldstein FROM read_monthly
                WHERE {s.months} AND {keys}
                UNION ALL
                SELECT date, quad_class, events, scored, goldstein FROM read_daily
                WHERE {s.days} AND {keys}
                """
            params = [*s.month_params, *key_params, *s.day_params, *key_params]
        else:
            dates = [(c, v) for c, v in (("date >= ?", f.since), ("date <= ?", f.until)) if v]
            rows = f"SELECT * FROM read_daily WHERE {' AND '.join([keys, *(c for c, _ in dates)])}"
            params = [*key_params, *(v for _, v in dates)]
        sql = f"""
            SELECT CAST(date_trunc(?, date) AS DATE) AS period,
                   CAST(sum(events) AS BIGINT) AS events, {counts},
                   sum(goldstein) / nullif(sum(scored), 0) AS mean_goldstein
            FROM ({rows}) WHERE date IS NOT NULL
            GROUP BY period ORDER BY period
            """
        return _rows(store, sql, [interval, *params], SERIES_COLUMNS)
    hits, params = _hits(*_parties(f), ("date", "quad_class", "goldstein"))
    counts = ", ".join(
        f"count(*) FILTER (WHERE h.quad_class = {quad}) AS {name}"
        for quad, name in enumerate(QUAD_COLUMNS, start=1)
    )
    sql = f"""
        SELECT CAST(date_trunc(?, h.date) AS DATE) AS period, count(*) AS events, {counts},
               avg(h.goldstein) AS mean_goldstein
        FROM ({hits}) h WHERE h.date IS NOT NULL
        GROUP BY period ORDER BY period
        """
    return _rows(store, sql, [interval, *params], SERIES_COLUMNS)


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
) -> list[Row]:
    """The rows of :func:`queries.dyad_series`: per period (gaps as zeros) ``events``, the
    QuadClass counts, ``mean_goldstein``, ``net_cooperation`` and one ``plover_<TYPE>`` count
    per PLOVER type seen."""
    _check_interval(interval)
    role_a, role_b = ("actor", "recipient") if directed else (None, None)
    hits, params = _hits(
        [(role_a, a), (role_b, b)],
        EventFilter(since=since, until=until, factual_only=factual_only),
        ("date", "quad_class", "plover", "goldstein"),
    )
    # counts per (period, QuadClass, PLOVER type), pivoted here: one small GROUP BY plans and
    # runs in a fraction of the time of a count column per QuadClass and PLOVER type
    groups = store.sql(
        f"""
        SELECT CAST(date_trunc(?, h.date) AS DATE) AS period, h.quad_class,
               coalesce(h.plover, 'none') AS plover, count(*), count(h.goldstein),
               sum(h.goldstein)
        FROM ({hits}) h WHERE h.date IS NOT NULL
        GROUP BY ALL
        """,
        [interval, *params],
    )
    return _pivot(groups, interval)


def _pivot(groups: Sequence[tuple[Any, ...]], interval: str) -> list[Row]:
    """The rows of a dyad series from its counts per (period, QuadClass, PLOVER type): every
    period from the first to the last (gaps as zeros), ``events`` (the events with a
    QuadClass), the QuadClass counts, ``mean_goldstein`` (0 without any), ``net_cooperation``
    and the ``plover_<TYPE>`` counts of the types seen (as their names sort)."""
    if not groups:
        return []
    types = [*plover_types(), "none"]
    order = {t: n for n, t in enumerate(types)}
    periods: dict[dt.date, list[Any]] = {}
    seen: set[str] = set()
    for period, quad, plover, n, scored, goldstein in groups:
        # events, the four QuadClass counts, scored, sum of goldstein, then a count per type
        row = periods.setdefault(period, [0, 0, 0, 0, 0, 0, 0.0] + [0] * len(types))
        if quad is not None:
            row[0] += n
            if 1 <= quad <= len(QUAD_COLUMNS):
                row[quad] += n
        row[5] += scored
        row[6] += goldstein or 0.0
        if plover in order:
            row[7 + order[plover]] += n
            seen.add(plover)
    columns = sorted(seen)  # as the names sort: plover_ACCUSE, ..., plover_none
    empty = [0, 0, 0, 0, 0, 0, 0.0] + [0] * len(types)
    out = []
    for period in _periods(min(periods), max(periods), interval):
        row = periods.get(period, empty)
        events = row[0]
        coop = row[1] + row[2]
        conflict = row[3] + row[4]
        out.append(
            {
                "period": period,
                "events": events,
                **{name: row[i] for i, name in enumerate(QUAD_COLUMNS, start=1)},
                "mean_goldstein": row[6] / row[5] if row[5] else 0.0,
                "net_cooperation": float((coop - conflict) / (events or 1)),
                **{f"plover_{t}": row[7 + order[t]] for t in columns},
            }
        )
    return out


def _periods(first: dt.date, last: dt.date, interval: str) -> list[dt.date]:
    """The periods from ``first`` to ``last`` (each the start of one), as SQL's
    ``generate_series`` steps them."""
    out = [first]
    step = dt.timedelta(days=7 if interval == "week" else 1)
    while out[-1] < last:
        out.append(_next_month(out[-1]) if interval == "month" else out[-1] + step)
    return out


# -- top actors and dyads, the map -------------------------------------------------------------
Where = tuple[str, list[Any]]  # an SQL condition and its parameters


def _counts(
    store: Store,
    f: EventFilter,
    tables: tuple[str, str],
    items: Sequence[str],
    counts: dict[str, str],
    *,
    plover: bool = False,
    where: Where | None = None,
    month_where: Where | None = None,
) -> Where:
    """``SELECT items, counts``: the events matching ``f`` counted per ``items``. ``tables``:
    the running-total table (``read_*_since``) and the per-event table it sums; ``counts``: the
    name and the aggregate over per-event rows of each count (``events`` among them).
    ``where``/``month_where``: more conditions on the rows of the per-event/running-total table.
    The month tables answer when ``f`` filters only on what they have (:func:`_by_month`, and
    ``plover`` if they have it); otherwise the per-event rows of the events matching ``f``."""
    since_table, table = tables
    columns = ", ".join(items)
    per_event = ", ".join(f"{sql} AS {name}" for name, sql in counts.items())
    clauses, params = ([where[0]], [*where[1]]) if where else ([], [])
    if not _by_month(f, *(("plover",) if plover else ())):
        matching, values = _matching(f)
        sql = f"""
            SELECT {columns}, {per_event}
            FROM {table} WHERE {" AND ".join([*clauses, matching])} GROUP BY {columns}
            """
        return sql, [*params, *values]
    s = span(f.since, f.until)
    keys, key_params = _keys(f, plover=plover)
    month_keys, month_key_params = (
        (f"{month_where[0]} AND {keys}", [*month_where[1], *key_params])
        if month_where
        else (keys, key_params)
    )
    months, month_params = _running(
        store, since_table, items, tuple(counts), s, month_keys, month_key_params
    )
    sums = ", ".join(f"sum({name}) AS {name}" for name in counts)
    sql = f"""
        SELECT {columns}, {sums} FROM (
            {months}
            SELECT {columns}, {per_event}
            FROM {table} WHERE {" AND ".join([*clauses, s.days, keys])} GROUP BY {columns}
        ) GROUP BY {columns} HAVING sum(events) > 0
        """
    return sql, [*month_params, *params, *s.day_params, *key_params]


def top_actors(
    store: Store, filters: EventFilter | None = None, *, role: str | None = None, limit: int = 20
) -> list[Row]:
    """The rows of :func:`queries.top_actors`: ``code``, ``events``, ``mentions``."""
    counts, params = _counts(
        store,
        filters or EventFilter(),
        ("read_actor_since", "read_actors"),
        ("code",),
        {"events": "count(DISTINCT pos)", "mentions": "sum(mentions)"},
        where=("role = ?", [role]) if role else None,
        month_where=("t.role IS NOT DISTINCT FROM ?", [role]),  # NULL: the rows of either role
    )
    return _rows(
        store,
        f"""
        SELECT k.code, CAST(n.events AS BIGINT) AS events, CAST(n.mentions AS BIGINT) AS mentions
        FROM ({counts}) n LEFT JOIN read_codes k ON k.id = n.code
        ORDER BY n.events DESC, k.code LIMIT ?
        """,
        [*params, limit],
        ("code", "events", "mentions"),
    )


def top_dyads(store: Store, filters: EventFilter | None = None, *, limit: int = 20) -> list[Row]:
    """The rows of :func:`queries.top_dyads`: ``actor``, ``recipient``, ``events``,
    ``mean_goldstein`` (compound actors expand to every pair)."""
    f = filters or EventFilter()
    parties, rest = _parties(f)
    if any(_is_code(value) for _, value in parties):  # a party's dyads: a range of a table
        hits, params = _hits(
            parties, rest, ("actor", "recipient", "goldstein", "pairs"), "read_party_dyads"
        )
        counts = f"""
            SELECT actor, recipient, count(*) AS events,
                   sum(pairs) FILTER (WHERE goldstein IS NOT NULL) AS scored,
                   sum(pairs * goldstein) AS goldstein
            FROM ({hits}) GROUP BY actor, recipient
            """
    else:
        counts, params = _counts(
            store,
            f,
            ("read_dyad_since", "read_dyads"),
            ("actor", "recipient"),
            {
                "events": "count(DISTINCT pos)",
                "scored": "sum(pairs) FILTER (WHERE goldstein IS NOT NULL)",
                "goldstein": "sum(pairs * goldstein)",
            },
        )
    return _rows(
        store,
        f"""
        SELECT a.code AS actor, r.code AS recipient, CAST(n.events AS BIGINT) AS events,
               n.goldstein / nullif(n.scored, 0) AS mean_goldstein
        FROM ({counts}) n LEFT JOIN read_codes a ON a.id = n.actor
        LEFT JOIN read_codes r ON r.id = n.recipient
        ORDER BY n.events DESC, a.code, r.code LIMIT ?
        """,
        [*params, limit],
        ("actor", "recipient", "events", "mean_goldstein"),
    )


def map_points(store: Store, filters: EventFilter | None = None, *, limit: int = 2000) -> list[Row]:
    """Where events matching ``filters`` happened: one row per place (``name``, ``country``,
    ``lat``, ``lon``, ``events``, ``mean_goldstein``), most events first. A place is a point
    rounded to 2 decimals, named after the first (alphabetically) of its names."""
    counts, params = _counts(
        store,
        filters or EventFilter(),
        ("read_place_since", "read_places"),
        ("lat", "lon"),
        {"events": "count(*)", "scored": "count(goldstein)", "goldstein": "sum(goldstein)"},
        plover=True,
    )
    return _rows(
        store,
        f"""
        SELECT p.name, p.country, n.lat, n.lon, CAST(n.events AS BIGINT) AS events,
               n.goldstein / nullif(n.scored, 0) AS mean_goldstein
        FROM ({counts}) n JOIN read_place_names p ON p.lat = n.lat AND p.lon = n.lon
        ORDER BY n.events DESC, p.name, n.lat, n.lon LIMIT ?
        """,
        [*params, limit],
        ("name", "country", "lat", "lon", "events", "mean_goldstein"),
    )


def summary(store: Store) -> dict[str, Any]:
    """Headline counts: events (clusters), reports, articles and the dated range."""
    rows = store.sql(
        "SELECT count(*) FILTER (WHERE is_representative), count(*), min(date), max(date) "
        "FROM events"
    )
    events, reports, first, last = rows[0]
    (articles,) = store.sql("SELECT count(*) FROM articles")[0]
    return {
        "events": int(events or 0),
        "reports": int(reports or 0),
        "articles": int(articles or 0),
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
    }


__all__: Sequence[str] = (
    "Span",
    "dyad_events",
    "dyad_series",
    "event_detail",
    "events",
    "map_points",
    "quad_series",
    "span",
    "summary",
    "top_actors",
    "top_dyads",
)
