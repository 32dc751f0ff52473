"""Bulk inserts: rows go to DuckDB as one pandas DataFrame scan, never row by row."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb
import orjson
import pandas as pd

from thucydides.models import Event
from thucydides.store.schema import EVENT_COLUMNS

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
_PARSE = f"""
    CREATE OR REPLACE TEMP TABLE _parsed AS
    SELECT from_json(record, '{RECORD_STRUCTURE}') AS r, * FROM _staged
"""
_PARSED = "SELECT * FROM _parsed"

_EVENTS_FROM_JSON = f"""
    INSERT INTO events ({", ".join(EVENT_COLUMNS)})
    SELECT r.event_id, r.article_id, r.sentence_index, r.sentence, r.trigger.text,
           r.trigger.start, r.trigger."end", r.plover, r.plover_mode,
           coalesce(r.plover_contexts, []), r.cameo, r.cameo_root, r.goldstein, r.quad_class,
           r.factual, r.modality, r.date, r.date_precision, r.date_text,
           coalesce(r.location, 'null'), r.explanation, record, run_id, dataset, cluster_id,
           evidence, coalesce(r.plover, 'CAMEO' || r.cameo_root),
           array_to_string(list_sort(list_distinct(list_filter(
               list_transform(coalesce(r.actors, []) || coalesce(r.recipients, []),
                              lambda a: a.country),
               lambda x: x IS NOT NULL))), '|'),
           '|' || array_to_string(list_transform(r.actors, lambda a: a.code), '|') || '|',
           '|' || array_to_string(list_transform(r.recipients, lambda a: a.code), '|') || '|',
           '|' || array_to_string(list_transform(r.actors, lambda a: a.country), '|') || '|',
           '|' || array_to_string(list_transform(r.recipients, lambda a: a.country), '|') || '|',
           num_mentions, num_articles, num_sources
    FROM ({_PARSED})
"""

_ACTORS_FROM_JSON = f"""
    INSERT INTO event_actors
    SELECT event_id, role, pos, a.code, a.country, coalesce(a.sectors, []), a.name, a.text,
           a.start, a."end"
    FROM (
        SELECT r.event_id, 'actor' AS role, unnest(r.actors) AS a,
               generate_subscripts(r.actors, 1) - 1 AS pos
        FROM ({_PARSED})
        UNION ALL
        SELECT r.event_id, 'recipient', unnest(r.recipients), generate_subscripts(r.recipients, 1) - 1
        FROM ({_PARSED})
    )
"""

_PLACES_FROM_JSON = f"""
    INSERT INTO places
    SELECT r.event_id, p->>'name', p->>'country', p->>'admin1', CAST(p->>'lat' AS DOUBLE),
           CAST(p->>'lon' AS DOUBLE), CAST(p->>'geonameid' AS BIGINT), p->>'precision'
    FROM (SELECT r, r.location AS p FROM ({_PARSED}))
    WHERE p IS NOT NULL AND json_type(p) = 'OBJECT'
"""


def insert_records(con: duckdb.DuckDBPyConnection, staged: dict[str, Sequence[Any]]) -> None:
    """Insert events from their JSON records (``record``, ``run_id``, ``dataset``,
    ``cluster_id``, ``evidence`` and optionally the cluster counts ``num_mentions``,
    ``num_articles``, ``num_sources``): DuckDB derives every event column, the actor rows
    and the place rows from the JSON, in parallel."""
    n = len(staged["record"])
    counts = {k: staged.get(k, [1] * n) for k in ("num_mentions", "num_articles", "num_sources")}
    con.register("_staged", pd.DataFrame({**staged, **counts}))
    try:
        con.execute(_PARSE)
        con.execute(_EVENTS_FROM_JSON)
        con.execute(_ACTORS_FROM_JSON)
        con.execute(_PLACES_FROM_JSON)
        con.execute("DROP TABLE _parsed")
    finally:
        con.unregister("_staged")
