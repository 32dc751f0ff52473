"""Bulk inserts: rows go to DuckDB as one pandas DataFrame scan, never row by row."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb
import numpy as np
import orjson
import pandas as pd

from thucydides.models import Event
from thucydides.store.records import rest_sql

_TYPES: dict[str, dict[str, str]] = {}


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """The column types of ``table`` (the schema is fixed by the migrations: cached)."""
    if table in _TYPES:
        return _TYPES[table]
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position",
        [table],
    ).fetchall()
    _TYPES[table] = {str(name): str(kind) for name, kind in rows}
    return _TYPES[table]


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table`` in one statement."""
    if not rows:
        return
    types = column_types(con, table)
    data: dict[str, list[Any]] = {}
    select = []
    for i, name in enumerate(columns):
        kind = types[name]
        values = [row[i] for row in rows]
        if kind.endswith("[]"):
            data[name] = [json.dumps(v) for v in values]
            select.append(f'CAST(CAST("{name}" AS JSON) AS {kind})')
        else:
            data[name] = values
            select.append(f'CAST("{name}" AS {kind})')
    frame = pd.DataFrame(data)
    cols = ", ".join(f'"{c}"' for c in columns)
    con.register("_bulk_rows", frame)
    try:
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {', '.join(select)} FROM _bulk_rows")
    finally:
        con.unregister("_bulk_rows")


def register_frame(
    con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, Sequence[Any]]
) -> None:
    """Make ``columns`` queryable as the view ``name`` (for joins against a batch)."""
    con.register(name, pd.DataFrame(columns))


def _mapping(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def event_json(event: Event) -> str:
    """The event record (version 1) of ``event`` as JSON text.

    orjson writes the dataclass fields in declaration order, which is the record's order
    (tests check it equals ``Event.to_record()``); it is ten times faster than ``json``."""
    return orjson.dumps(event, default=_mapping).decode()


_ACTOR = (
    '{"code": "VARCHAR", "country": "VARCHAR", "sectors": ["VARCHAR"], "name": "VARCHAR", '
    '"text": "VARCHAR", "start": "INTEGER", "end": "INTEGER"}'
)
# The event record's layout for DuckDB's from_json: each record is parsed once, into a STRUCT.
RECORD_STRUCTURE = (
    '{"event_id": "VARCHAR", "article_id": "VARCHAR", "sentence_index": "INTEGER", '
    '"sentence": "VARCHAR", "trigger": {"text": "VARCHAR", "start": "INTEGER", "end": "INTEGER"}, '
    '"plover": "VARCHAR", "plover_mode": "VARCHAR", "plover_contexts": ["VARCHAR"], '
    '"cameo": "VARCHAR", "cameo_root": "VARCHAR", "goldstein": "DOUBLE", "quad_class": "INTEGER", '
    f'"actors": [{_ACTOR}], "recipients": [{_ACTOR}], "factual": "BOOLEAN", '
    '"modality": "VARCHAR", "date": "DATE", "date_precision": "VARCHAR", "date_text": "VARCHAR", '
    '"location": "JSON", "explanation": "JSON"}'
)

# The typed columns of a parsed record ``r`` (a STRUCT of RECORD_STRUCTURE's type).
_FROM_STRUCT = """
    r.event_id, r.article_id, r.sentence_index, r.sentence, r.trigger.text AS trigger_text,
    r.trigger.start AS trigger_start, r.trigger."end" AS trigger_end, r.plover, r.plover_mode,
    coalesce(r.plover_contexts, []) AS plover_contexts, r.cameo, r.cameo_root, r.goldstein,
    r.quad_class, r.actors, r.recipients, r.factual, r.modality, r.date, r.date_precision,
    r.date_text, coalesce(r.location, 'null') AS location, r.explanation
"""


def _countries(parties: str, keep: str = "true") -> str:
    """The distinct non-empty countries of a list of parties (those for which ``keep`` holds)."""
    return (
        f"list_distinct(list_transform(list_filter(coalesce({parties}, []), "
        f"lambda a: coalesce(a.country, '') <> '' AND {keep}), lambda a: a.country))"
    )


_PARTIES = "coalesce(f.actors, []) || coalesce(f.recipients, [])"
# Report.evidence (thucydides.dedup) of the staged row ``f``: two points per actor and per
# recipient country, one per country with sectors, 3/2/1 for a day/month/year date, two for a
# place with a country and one for a specific (not root-level) CAMEO code.
_EVIDENCE = f"""(
    2 * len({_countries("f.actors")}) + 2 * len({_countries("f.recipients")})
    + len({_countries(_PARTIES, "len(coalesce(a.sectors, [])) > 0")})
    + CASE f.date_precision WHEN 'day' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END
    + CASE WHEN coalesce(f.location->>'country', '') <> '' THEN 2 ELSE 0 END
    + CASE WHEN length(f.cameo) = 2 OR (length(f.cameo) = 3 AND f.cameo LIKE '%0') THEN 0
           ELSE 1 END)"""


def _codes(parties: str, field: str) -> str:
    return f"'|' || array_to_string(list_transform({parties}, lambda a: a.{field}), '|') || '|'"


# The staged events: the typed columns of ``events`` (``source``: one row per event with the
# columns of _FROM_STRUCT, ``record_rest``, ``cluster_id`` and the cluster counts) and the
# columns derived from them, among them those the clusters need (see
# :func:`thucydides.store.clusters.cluster_rows`).
_PARSED = f"""
    CREATE OR REPLACE TEMP TABLE _parsed AS
    SELECT f.*, $dataset AS dataset, {_EVIDENCE} AS evidence,
           coalesce(f.plover, 'CAMEO' || f.cameo_root) AS kind,
           array_to_string(list_sort(list_distinct(list_filter(
               list_transform({_PARTIES}, lambda a: a.country), lambda x: x IS NOT NULL))),
               '|') AS countries_key,
           {_codes("f.actors", "code")} AS actor_codes,
           {_codes("f.recipients", "code")} AS recipient_codes,
           {_codes("f.actors", "country")} AS actor_countries,
           {_codes("f.recipients", "country")} AS recipient_countries
    FROM {{source}} f
"""
_STAGE = _PARSED.format(
    source=f"""(SELECT *, {rest_sql("s", "s.record")} AS record_rest FROM (
        SELECT {_FROM_STRUCT}, record, cluster_id, num_mentions, num_articles, num_sources
        FROM (SELECT from_json(record, '{RECORD_STRUCTURE}') AS r, * FROM _staged)) s)"""
)
_STORED = (
    "event_id", "article_id", "sentence_index", "sentence", "trigger_text", "trigger_start",
    "trigger_end", "plover", "plover_mode", "plover_contexts", "cameo", "cameo_root", "goldstein",
    "quad_class", "actors", "recipients", "factual", "modality", "date", "date_precision",
    "date_text", "location", "explanation", "record_rest", "dataset", "cluster_id", "evidence",
    "kind", "countries_key", "actor_codes", "recipient_codes", "actor_countries",
    "recipient_countries",
)  # fmt: skip

_EVENTS_FROM_STAGED = f"""
    INSERT INTO events ({", ".join(_STORED)}, run_id, num_mentions, num_articles, num_sources,
                        is_representative)
    SELECT {", ".join("p." + c for c in _STORED)}, $run_id, {{counts}}, {{representative}}
    FROM _parsed p {{join}}
"""

_ACTORS_FROM_STAGED = """
    INSERT INTO event_actors
    SELECT event_id, role, pos, a.code, a.country, coalesce(a.sectors, []), a.name, a.text,
           a.start, a."end"
    FROM (
        SELECT event_id, 'actor' AS role, unnest(actors) AS a,
               generate_subscripts(actors, 1) - 1 AS pos
        FROM _parsed
        UNION ALL
        SELECT event_id, 'recipient', unnest(recipients), generate_subscripts(recipients, 1) - 1
        FROM _parsed
    )
"""

_PLACES_FROM_STAGED = """
    INSERT INTO places
    SELECT event_id, p->>'name', p->>'country', p->>'admin1', CAST(p->>'lat' AS DOUBLE),
           CAST(p->>'lon' AS DOUBLE), CAST(p->>'geonameid' AS BIGINT), p->>'precision'
    FROM (SELECT event_id, location AS p FROM _parsed)
    WHERE p IS NOT NULL AND json_type(p) = 'OBJECT'
"""

_COUNTS = ("num_mentions", "num_articles", "num_sources")


def stage_records(
    con: duckdb.DuckDBPyConnection, staged: dict[str, Sequence[Any]], *, dataset: str
) -> None:
    """Parse event records (``record``, ``cluster_id`` and optionally the cluster counts
    ``num_mentions``, ``num_articles``, ``num_sources``) into the temporary table ``_parsed``,
    once, in parallel; :func:`insert_staged` then stores them. What the typed columns cannot
    hold of a record is kept in ``record_rest`` (see :mod:`thucydides.store.records`)."""
    n = len(staged["record"])
    counts = {k: staged.get(k, np.ones(n, dtype=np.int32)) for k in _COUNTS}
    con.register("_staged", pd.DataFrame({**staged, **counts}))
    try:
        con.execute(_STAGE, {"dataset": dataset})
    finally:
        con.unregister("_staged")


def stage_parsed(
    con: duckdb.DuckDBPyConnection,
    source: str,
    *,
    dataset: str,
    params: dict[str, Any] | None = None,
) -> None:
    """Stage events already parsed: ``source`` is a relation with the record as a STRUCT ``r``
    (of the type :func:`record_type` names), ``cluster_id`` and the cluster counts; the typed
    columns hold such records exactly. The derived columns are those of :func:`stage_records`."""
    relation = (
        f"(SELECT {_FROM_STRUCT}, CAST(NULL AS JSON) AS record_rest, cluster_id, num_mentions, "
        f"num_articles, num_sources FROM {source})"
    )
    con.execute(_PARSED.format(source=relation), {"dataset": dataset, **(params or {})})


# Events staged from their objects (the frame ``_ev`` and the table ``_parties``, row by row in
# the same order, see :func:`stage_events`): the same typed columns as _FROM_STRUCT.
_FROM_OBJECTS = """(
    SELECT ev.event_id, ev.article_id, CAST(ev.sentence_index AS INTEGER) AS sentence_index,
           ev.sentence, ev.trigger_text, CAST(ev.trigger_start AS INTEGER) AS trigger_start,
           CAST(ev.trigger_end AS INTEGER) AS trigger_end, ev.plover, ev.plover_mode,
           CAST(ev.contexts AS VARCHAR[]) AS plover_contexts, ev.cameo, ev.cameo_root,
           CAST(ev.goldstein AS DOUBLE) AS goldstein, CAST(ev.quad_class AS INTEGER) AS quad_class,
           p.actors, p.recipients, ev.factual, ev.modality, TRY_CAST(ev.date AS DATE) AS date,
           ev.date_precision, ev.date_text, CAST(coalesce(ev.location, 'null') AS JSON) AS location,
           CAST(ev.explanation AS JSON) AS explanation, CAST(NULL AS JSON) AS record_rest,
           ev.cluster_id, 1 AS num_mentions, 1 AS num_articles, 1 AS num_sources
    FROM _ev ev POSITIONAL JOIN _parties p)"""
# The actors and recipients of every event of the batch: one JSON text each, parsed once.
_STAGE_PARTIES = f"""
    CREATE OR REPLACE TEMP TABLE _parties AS
    SELECT unnest(a) AS actors, unnest(r) AS recipients
    FROM (SELECT from_json(actors, '[[{_ACTOR}]]') AS a, from_json(recipients, '[[{_ACTOR}]]') AS r
          FROM _party_text)
"""
# Dates the DATE column cannot hold as written (an Event's date is free text): such batches
# go through the JSON records, which keep the text in ``record_rest``.
_ODD_DATES = (
    "SELECT count(*) FROM _ev WHERE date IS NOT NULL "
    "AND CAST(TRY_CAST(date AS DATE) AS VARCHAR) IS DISTINCT FROM date"
)
# The columns of plain values, with the one type version 1 gives each (NumPy holds them).
_PLAIN = {
    "sentence_index": (int, np.int64),
    "trigger_start": (int, np.int64),
    "trigger_end": (int, np.int64),
    "quad_class": (int, np.int64),
    "goldstein": (float, np.float64),
    "factual": (bool, np.bool_),
}


def _plain_types(columns: Mapping[str, Sequence[Any]]) -> bool:
    """Do the plain values have the types of version 1 (so the typed columns give them back as
    they are)? A hand-made Event may hold an integer Goldstein value or a float index."""
    return all(set(map(type, columns[k])) <= {kind} for k, (kind, _) in _PLAIN.items())


def _objects(values: Sequence[Any]) -> np.ndarray[Any, np.dtype[np.object_]]:
    """``values`` as a NumPy object array (pandas builds frames of these without inspecting
    each value, several times faster than from lists)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _remember(known: dict[tuple[str, ...], str], values: tuple[str, ...]) -> str:
    known[values] = orjson.dumps(values).decode()
    return known[values]


def _stage_as_records(
    con: duckdb.DuckDBPyConnection, events: Sequence[Event], cluster_ids: Sequence[str]
) -> None:
    """Stage events through their JSON records (the path that fills ``record_rest``)."""
    stage_records(
        con,
        {"record": [event_json(e) for e in events], "cluster_id": cluster_ids},
        dataset="thucydides",
    )


def stage_events(
    con: duckdb.DuckDBPyConnection, events: Sequence[Event], cluster_ids: Sequence[str]
) -> None:
    """Stage coded events (as :func:`stage_records` does their records) straight from the
    objects: Python lays their fields out as columns (the actors, recipients, place and
    explanation as JSON), DuckDB parses those and derives the other columns."""
    dumps = orjson.dumps
    trig = [e.trigger for e in events]
    contexts: dict[tuple[str, ...], str] = {}  # a few distinct tuples, from the codebook
    columns: dict[str, Sequence[Any]] = {
        "event_id": [e.event_id for e in events],
        "article_id": [e.article_id for e in events],
        "sentence_index": [e.sentence_index for e in events],
        "sentence": [e.sentence for e in events],
        "trigger_text": [t.text for t in trig],
        "trigger_start": [t.start for t in trig],
        "trigger_end": [t.end for t in trig],
        "plover": [e.plover for e in events],
        "plover_mode": [e.plover_mode for e in events],
        "contexts": [
            contexts.get(e.plover_contexts) or _remember(contexts, e.plover_contexts)
            for e in events
        ],
        "cameo": [e.cameo for e in events],
        "cameo_root": [e.cameo_root for e in events],
        "goldstein": [e.goldstein for e in events],
        "quad_class": [e.quad_class for e in events],
        "factual": [e.factual for e in events],
        "modality": [e.modality for e in events],
        "date": [e.date for e in events],
        "date_precision": [e.date_precision for e in events],
        "date_text": [e.date_text for e in events],
        "location": [None if e.location is None else dumps(e.location).decode() for e in events],
        "explanation": [dumps(e.explanation, default=_mapping).decode() for e in events],
        "cluster_id": list(cluster_ids),
    }
    if not _plain_types(columns):
        _stage_as_records(con, events, cluster_ids)
        return
    frame = pd.DataFrame(
        {
            k: np.array(v, dtype=_PLAIN[k][1]) if k in _PLAIN else _objects(v)
            for k, v in columns.items()
        },
        copy=False,
    )
    con.register("_ev", frame)
    try:
        [(odd,)] = con.execute(_ODD_DATES).fetchall()
        if odd:
            _stage_as_records(con, events, cluster_ids)
            return
        texts = {
            "actors": [dumps([e.actors for e in events]).decode()],
            "recipients": [dumps([e.recipients for e in events]).decode()],
        }
        con.register("_party_text", pd.DataFrame(texts))
        try:
            con.execute(_STAGE_PARTIES)
        finally:
            con.unregister("_party_text")
        con.execute(_PARSED.format(source=_FROM_OBJECTS), {"dataset": "thucydides"})
        con.execute("DROP TABLE _parties")
    finally:
        con.unregister("_ev")


def record_type(con: duckdb.DuckDBPyConnection) -> str:
    """The SQL type of a parsed event record (a STRUCT), to build records in SQL."""
    row = con.execute(f"SELECT typeof(from_json('{{}}', '{RECORD_STRUCTURE}'))").fetchone()
    assert row is not None
    return str(row[0])


def insert_staged(
    con: duckdb.DuckDBPyConnection, *, run_id: str, clusters: str | None = None
) -> None:
    """Insert the staged events (``_parsed``), their actor rows and place rows. With
    ``clusters`` (a table of cluster rows covering every staged cluster) the events get their
    cluster's counts and representative flag; without, the staged counts and each event
    represents its cluster. Drops ``_parsed``."""
    if clusters:
        counts = "c.num_mentions, c.num_articles, c.num_sources"
        representative = "p.event_id = c.representative"
        join = f"JOIN {clusters} c ON c.cluster_id = p.cluster_id"
    else:
        counts, representative, join = ", ".join(f"p.{c}" for c in _COUNTS), "true", ""
    sql = _EVENTS_FROM_STAGED.format(counts=counts, representative=representative, join=join)
    con.execute(sql, {"run_id": run_id})
    con.execute(_ACTORS_FROM_STAGED)
    con.execute(_PLACES_FROM_STAGED)
    con.execute("DROP TABLE _parsed")  # callers write in a transaction: a failure drops it too


def insert_records(
    con: duckdb.DuckDBPyConnection,
    staged: dict[str, Sequence[Any]],
    *,
    run_id: str,
    dataset: str,
) -> None:
    """Insert events from their JSON records (see :func:`stage_records`), each representing its
    cluster with the staged counts."""
    stage_records(con, staged, dataset=dataset)
    insert_staged(con, run_id=run_id)
