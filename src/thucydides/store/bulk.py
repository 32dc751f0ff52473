"""Bulk inserts: rows go to DuckDB as one pandas DataFrame scan, never row by row."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb
import orjson
import pandas as pd

from thucydides.models import Event

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


_EVENTS_FROM_JSON = """
    INSERT INTO events ({columns})
    SELECT j->>'event_id', j->>'article_id', CAST(j->>'sentence_index' AS INTEGER),
           j->>'sentence', j->'trigger'->>'text', CAST(j->'trigger'->>'start' AS INTEGER),
           CAST(j->'trigger'->>'end' AS INTEGER), j->>'plover', j->>'plover_mode',
           CAST(j->'plover_contexts' AS VARCHAR[]), j->>'cameo', j->>'cameo_root',
           CAST(j->>'goldstein' AS DOUBLE), CAST(j->>'quad_class' AS INTEGER),
           CAST(j->>'factual' AS BOOLEAN), j->>'modality', CAST(j->>'date' AS DATE),
           j->>'date_precision', j->>'date_text', j->'location', j->'explanation', j,
           run_id, dataset, cluster_id, evidence,
           coalesce(j->>'plover', 'CAMEO' || (j->>'cameo_root')),
           array_to_string(list_sort(list_distinct(list_filter(
               json_extract_string(j, '$.actors[*].country')
               || json_extract_string(j, '$.recipients[*].country'), lambda x: x IS NOT NULL))), '|'),
           '|' || array_to_string(json_extract_string(j, '$.actors[*].code'), '|') || '|',
           '|' || array_to_string(json_extract_string(j, '$.recipients[*].code'), '|') || '|',
           '|' || array_to_string(json_extract_string(j, '$.actors[*].country'), '|') || '|',
           '|' || array_to_string(json_extract_string(j, '$.recipients[*].country'), '|') || '|'
    FROM (SELECT CAST(record AS JSON) AS j, * FROM _staged)
"""

_ACTORS_FROM_JSON = """
    INSERT INTO event_actors
    SELECT event_id, role, pos, a->>'code', a->>'country', CAST(a->'sectors' AS VARCHAR[]),
           a->>'name', a->>'text', CAST(a->>'start' AS INTEGER), CAST(a->>'end' AS INTEGER)
    FROM (
        SELECT j->>'event_id' AS event_id, 'actor' AS role,
               unnest(CAST(j->'actors' AS JSON[])) AS a,
               generate_subscripts(CAST(j->'actors' AS JSON[]), 1) - 1 AS pos
        FROM (SELECT CAST(record AS JSON) AS j FROM _staged)
        UNION ALL
        SELECT j->>'event_id', 'recipient', unnest(CAST(j->'recipients' AS JSON[])),
               generate_subscripts(CAST(j->'recipients' AS JSON[]), 1) - 1
        FROM (SELECT CAST(record AS JSON) AS j FROM _staged)
    )
"""

_PLACES_FROM_JSON = """
    INSERT INTO places
    SELECT j->>'event_id', p->>'name', p->>'country', p->>'admin1', CAST(p->>'lat' AS DOUBLE),
           CAST(p->>'lon' AS DOUBLE), CAST(p->>'geonameid' AS BIGINT), p->>'precision'
    FROM (SELECT j, j->'location' AS p FROM (SELECT CAST(record AS JSON) AS j FROM _staged))
    WHERE json_type(p) = 'OBJECT'
"""


def insert_records(con: duckdb.DuckDBPyConnection, staged: dict[str, Sequence[Any]]) -> None:
    """Insert events from their JSON records (``record``, ``run_id``, ``dataset``,
    ``cluster_id``, ``evidence`` columns): DuckDB derives every event column, the actor rows
    and the place rows from the JSON, in parallel."""
    from thucydides.store.schema import EVENT_COLUMNS

    con.register("_staged", pd.DataFrame(staged))
    try:
        con.execute(_EVENTS_FROM_JSON.format(columns=", ".join(EVENT_COLUMNS)))
        con.execute(_ACTORS_FROM_JSON)
        con.execute(_PLACES_FROM_JSON)
    finally:
        con.unregister("_staged")
