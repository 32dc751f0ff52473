"""Snapshots: consistent copies of a store file, so readers never block a writer, with the
read tables the web API answers from.

DuckDB lets one process hold a file read-write; while it does, no other process can open it,
not even read-only. ``thucydides serve`` therefore never keeps the store open: it copies it
(while holding a read-only open for the length of the copy, which fails at once if a writer has
the file) and serves the copy. A writer that starts during the copy gets the usual "another
process is writing" message; a writer already running makes the copy wait for the next try.

A copy never changes, so :func:`add_read_tables` adds to it, once, tables shaped for the
questions of :mod:`thucydides.store.api_queries`:

``read_events``
    One row per event (cluster representative), newest first, numbered by ``pos``: the columns
    of ``events`` but the wide JSON ones, plus ``month`` and the ``actors``/``recipients``
    codes as pages show them. A page is a top-N over the integer ``pos``; a date range is a
    range of ``pos`` (the zone maps skip the rest).
``read_parties``
    One row per (event, role, actor code or country), sorted by the code or country: the
    events of a party are a range of it (codes match as prefixes), with the event's columns
    that the common filters and counts read. A country that one of the codes in the same role
    starts with (``TUR`` of ``TURGOV``) has no row: the code's row answers for it.
``read_codes``, ``read_actors``, ``read_dyads``, ``read_places``
    Actor codes as small integers; one row per (event, actor code and role), per (event,
    actor → recipient pair) and per (event, place at 2 decimals), in ``pos`` order, with the
    columns the filters ask about.
``read_party_dyads``
    The rows of ``read_dyads`` under each row of ``read_parties``, sorted the same way: the
    dyads of a party's events are a range of it, not a pass over every event's dyads.
``read_daily``, ``read_actor_months``, ``read_dyad_months``, ``read_place_months``
    The same counted per day or per month (and per ``dataset`` and ``factual``), so that a
    date range is the sum of whole months plus the rows of the days at its two ends.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb

from thucydides.errors import StoreError


class StoreBusyError(StoreError):
    """The store is being written by another process; try the snapshot again later."""


def copy_snapshot(source: str | Path, dest: str | Path) -> None:
    """Copy the store ``source`` to ``dest`` (and its write-ahead log, if any) consistently."""
    source, dest = Path(source), Path(dest)
    if not source.is_file():
        raise StoreError(
            f"store {str(source)!r} does not exist; create it with "
            f"`thucydides code INPUT --db {source}`"
        )
    try:
        con = duckdb.connect(str(source), read_only=True)
    except duckdb.Error as exc:
        raise StoreBusyError(
            f"store {str(source)!r} is being written by another process; serving the last "
            "snapshot until it is free"
        ) from exc
    try:
        shutil.copyfile(source, dest)
        wal = source.with_name(source.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, dest.with_name(dest.name + ".wal"))
    finally:
        con.close()


# The wide columns of ``events`` that no filter reads; read_events leaves them out.
_WIDE = ("actors", "recipients", "record_rest", "explanation", "location")

# Events as cluster representatives, as queries.top_actors / top_dyads count them.
_REPRESENTED = """
    FROM clusters c JOIN events e ON e.event_id = c.representative
    JOIN read_events r ON r.event_id = e.event_id
"""
# The filter columns every per-event table repeats, so that it is filtered without a join.
_FILTERED = "r.pos, r.month, r.date, r.factual, r.dataset"


_PARTY_COLUMNS = "pos, date, factual, dataset, plover, cameo, quad_class, goldstein"


def _items(column: str) -> str:
    """The items of a ``|a|b|`` column of ``events``, as a list."""
    return f"list_filter(string_split({column}, '|'), lambda x: x <> '')"


def _since(counts: str, keys: Sequence[str], values: Sequence[str]) -> str:
    """A table of the ``values`` of ``counts`` (rows per ``month`` and ``keys``) added up from
    each month on: one row per month (from the first month of the events) and keys that have
    events in or after it, so that the counts of [m1, m2) are the row of m1 minus the row of
    m2. Undated events are the rows with a NULL month."""
    k = ", ".join(keys)
    sums = ", ".join(
        f"sum({v}) OVER (PARTITION BY {k} ORDER BY month DESC ROWS UNBOUNDED PRECEDING) AS {v}"
        for v in values
    )
    return f"""
        CREATE TABLE {{name}} AS
        WITH counts AS ({counts}), running AS (
            SELECT month, lag(month) OVER (PARTITION BY {k} ORDER BY month) AS before, {k},
                   {sums}
            FROM counts WHERE month IS NOT NULL
        )
        SELECT CAST(unnest(generate_series(
                   coalesce(before + INTERVAL 1 MONTH, (SELECT first_month FROM read_bounds)),
                   month, INTERVAL 1 MONTH)) AS DATE) AS month, {k}, {", ".join(values)}
        FROM running
        UNION ALL
        SELECT month, {k}, {", ".join(values)} FROM counts WHERE month IS NULL
        ORDER BY month
        """


READ_TABLES: tuple[tuple[str, str], ...] = (
    (
        "read_events",
        """
        CREATE TABLE read_events AS
        WITH ranked AS (
            SELECT event_id,
                   row_number() OVER (ORDER BY date DESC NULLS LAST, event_id) - 1 AS pos
            FROM events WHERE is_representative
        )
        SELECT CAST(r.pos AS BIGINT) AS pos, CAST(date_trunc('month', e.date) AS DATE) AS month,
               {columns},
               replace(trim(coalesce(e.actor_codes, ''), '|'), '|', ';') AS actors,
               replace(trim(coalesce(e.recipient_codes, ''), '|'), '|', ';') AS recipients
        FROM ranked r JOIN events e ON e.event_id = r.event_id AND e.is_representative
        ORDER BY r.pos
        """,
    ),
    (
        "read_parties",
        "CREATE TABLE read_parties AS SELECT * FROM ("
        + " UNION ALL ".join(
            f"SELECT unnest({items}) AS key, '{kind}' AS kind, '{role}' AS role, "
            f"{_PARTY_COLUMNS} FROM read_events"
            for role in ("actor", "recipient")
            for kind, items in (
                ("code", _items(f"{role}_codes")),
                # a country that one of the codes starts with adds no match: codes match as
                # prefixes, so the code's row is found by the country too
                (
                    "country",
                    f"list_filter({_items(f'{role}_countries')}, lambda c: len(list_filter("
                    f"{_items(f'{role}_codes')}, lambda x: starts_with(x, c))) = 0)",
                ),
            )
        )
        + ") ORDER BY key, pos",
    ),
    (
        "read_codes",
        """
        CREATE TABLE read_codes AS
        SELECT CAST(row_number() OVER (ORDER BY code) AS INTEGER) AS id, code
        FROM (SELECT DISTINCT code FROM event_actors WHERE code IS NOT NULL)
        """,
    ),
    (
        "read_actors",
        f"""
        CREATE TABLE read_actors AS
        SELECT {_FILTERED}, a.role, k.id AS code, c.num_mentions AS mentions
        {_REPRESENTED}
        JOIN event_actors a ON a.event_id = e.event_id
        LEFT JOIN read_codes k ON k.code = a.code
        ORDER BY r.pos
        """,
    ),
    (
        "read_dyads",
        f"""
        CREATE TABLE read_dyads AS
        SELECT {_FILTERED}, ks.id AS actor, kt.id AS recipient, e.goldstein,
               count(*) AS pairs
        {_REPRESENTED}
        JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'actor'
        JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'recipient'
        LEFT JOIN read_codes ks ON ks.code = s.code
        LEFT JOIN read_codes kt ON kt.code = t.code
        GROUP BY ALL ORDER BY r.pos
        """,
    ),
    (
        "read_party_dyads",
        """
        CREATE TABLE read_party_dyads AS
        SELECT p.key, p.kind, p.role, p.pos, p.date, p.factual, p.dataset, p.plover, p.cameo,
               d.actor, d.recipient, d.goldstein, d.pairs
        FROM read_parties p JOIN read_dyads d ON d.pos = p.pos
        ORDER BY p.key, p.pos
        """,
    ),
    (
        "read_places",
        """
        CREATE TABLE read_places AS
        SELECT r.pos, r.month, r.date, r.factual, r.dataset, r.plover, p.name, p.country,
               round(p.lat, 2) AS lat, round(p.lon, 2) AS lon, r.goldstein
        FROM places p JOIN read_events r ON r.event_id = p.event_id
        WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL
        ORDER BY r.pos
        """,
    ),
    (
        "read_daily",
        """
        CREATE TABLE read_daily AS
        SELECT date, CAST(date_trunc('month', date) AS DATE) AS month, factual, dataset, plover,
               quad_class, count(*) AS events, count(goldstein) AS scored,
               sum(goldstein) AS goldstein
        FROM read_events WHERE date IS NOT NULL
        GROUP BY ALL ORDER BY date
        """,
    ),
    (
        "read_monthly",
        """
        CREATE TABLE read_monthly AS
        SELECT month, factual, dataset, plover, quad_class, sum(events) AS events,
               sum(scored) AS scored, sum(goldstein) AS goldstein
        FROM read_daily GROUP BY ALL ORDER BY month
        """,
    ),
    (
        "read_bounds",
        """
        CREATE TABLE read_bounds AS
        SELECT coalesce(min(month), DATE '1970-01-01') AS first_month FROM read_events
        """,
    ),
    (
        "read_actor_since",
        _since(
            """
            SELECT month, factual, dataset, role, code, count(DISTINCT pos) AS events,
                   sum(mentions) AS mentions
            FROM read_actors GROUP BY ALL
            UNION ALL
            SELECT month, factual, dataset, NULL AS role, code, count(DISTINCT pos),
                   sum(mentions)
            FROM read_actors GROUP BY ALL
            """,
            ("factual", "dataset", "role", "code"),
            ("events", "mentions"),
        ),
    ),
    (
        "read_dyad_since",
        _since(
            """
            SELECT month, factual, dataset, actor, recipient, count(DISTINCT pos) AS events,
                   sum(pairs) FILTER (WHERE goldstein IS NOT NULL) AS scored,
                   sum(pairs * goldstein) AS goldstein
            FROM read_dyads GROUP BY ALL
            """,
            ("factual", "dataset", "actor", "recipient"),
            ("events", "scored", "goldstein"),
        ),
    ),
    (
        "read_place_names",
        """
        CREATE TABLE read_place_names AS
        SELECT lat, lon, min(name) AS name, min(country) AS country
        FROM read_places GROUP BY lat, lon
        """,
    ),
    (
        "read_place_since",
        _since(
            """
            SELECT month, factual, dataset, plover, lat, lon, count(*) AS events,
                   count(goldstein) AS scored, sum(goldstein) AS goldstein
            FROM read_places GROUP BY ALL
            """,
            ("factual", "dataset", "plover", "lat", "lon"),
            ("events", "scored", "goldstein"),
        ),
    ),
)

# Point lookups of the event page (DuckDB answers ``column = ?`` from an ART index).
READ_INDEXES = (
    "CREATE INDEX read_event_id ON events (event_id)",
    "CREATE INDEX read_event_cluster ON events (cluster_id)",
    "CREATE INDEX read_article_id ON articles (article_id)",
    "CREATE INDEX read_cluster_id ON clusters (cluster_id)",
)


def add_read_tables(
    path: str | Path, *, memory_limit: str = "2GB", threads: int = 2
) -> dict[str, float]:
    """Add the read tables (see the module docstring) to the snapshot copy at ``path``, which
    must be up to date with the schema and opened by no one else. Returns the seconds each
    step took. Taking them again replaces them."""
    timings: dict[str, float] = {}
    con = duckdb.connect(str(path), config={"memory_limit": memory_limit, "threads": threads})
    try:
        names = [
            str(r[0])
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'events' ORDER BY ordinal_position"
            ).fetchall()
        ]
        columns = ", ".join(f"e.{n}" for n in names if n not in _WIDE)
        con.execute("BEGIN TRANSACTION")
        for name, sql in READ_TABLES:
            t = time.perf_counter()
            con.execute(f"DROP TABLE IF EXISTS {name}")
            con.execute(sql.format(columns=columns, name=name))
            timings[name] = time.perf_counter() - t
        for sql in READ_INDEXES:
            t = time.perf_counter()
            name = sql.split()[2]
            con.execute(f"DROP INDEX IF EXISTS {name}")
            con.execute(sql)
            timings[name] = time.perf_counter() - t
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    except duckdb.Error as exc:
        raise StoreError(f"snapshot {str(path)!r}: the read tables failed: {exc}") from exc
    finally:
        con.close()
    return timings


__all__ = ["READ_TABLES", "StoreBusyError", "add_read_tables", "copy_snapshot"]
