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


def _countries(parties: str, keep: str = "true") -> str:
    """The distinct non-empty countries of a list of parties (those for which ``keep`` holds)."""
    return (
        f"list_distinct(list_transform(list_filter(coalesce({parties}, []), "
        f"lambda a: coalesce(a.country, '') <> '' AND {keep}), lambda a: a.country))"
    )


_PARTIES = "coalesce(r.actors, []) || coalesce(r.recipients, [])"
# Report.evidence (thucydides.dedup) of the parsed record ``r``: two points per actor and per
# recipient country, one per country with sectors, 3/2/1 for a day/month/year date, two for a
# place with a country and one for a specific (not root-level) CAMEO code.
_EVIDENCE = f"""(
    2 * len({_countries("r.actors")}) + 2 * len({_countries("r.recipients")})
    + len({_countries(_PARTIES, "len(coalesce(a.sectors, [])) > 0")})
    + CASE r.date_precision WHEN 'day' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END
    + CASE WHEN coalesce(r.location->>'country', '') <> '' THEN 2 ELSE 0 END
    + CASE WHEN length(r.cameo) = 2 OR (length(r.cameo) = 3 AND r.cameo LIKE '%0') THEN 0
           ELSE 1 END)"""

# Each record is parsed once into the temporary table ``_parsed``, with the columns the clusters
# need (the ones of :func:`thucydides.store.clusters.cluster_rows`) computed next to it.
_PARSED = f"""
    CREATE OR REPLACE TEMP TABLE _parsed AS
    SELECT r, record, cluster_id, num_mentions, num_articles, num_sources,
           r.event_id, r.article_id, r.cameo, r.date, $dataset AS dataset,
           {_EVIDENCE} AS evidence, coalesce(r.plover, 'CAMEO' || r.cameo_root) AS kind,
           array_to_string(list_sort(list_distinct(list_filter(
               list_transform({_PARTIES}, lambda a: a.country), lambda x: x IS NOT NULL))),
               '|') AS countries_key
    FROM {{source}}
"""
_STAGE = _PARSED.format(
    source=f"(SELECT from_json(record, '{RECORD_STRUCTURE}') AS r, * FROM _staged)"
)

_EVENTS_FROM_STAGED = """
    INSERT INTO events ({columns}, is_representative)
    SELECT r.event_id, r.article_id, r.sentence_index, r.sentence, r.trigger.text,
           r.trigger.start, r.trigger."end", r.plover, r.plover_mode,
           coalesce(r.plover_contexts, []), r.cameo, r.cameo_root, r.goldstein, r.quad_class,
           r.factual, r.modality, r.date, r.date_precision, r.date_text,
           coalesce(r.location, 'null'), r.explanation, record, $run_id, p.dataset,
           p.cluster_id, p.evidence, p.kind, p.countries_key,
           '|' || array_to_string(list_transform(r.actors, lambda a: a.code), '|') || '|',
           '|' || array_to_string(list_transform(r.recipients, lambda a: a.code), '|') || '|',
           '|' || array_to_string(list_transform(r.actors, lambda a: a.country), '|') || '|',
           '|' || array_to_string(list_transform(r.recipients, lambda a: a.country), '|') || '|',
           {counts}, {representative}
    FROM _parsed p {join}
""".replace("{columns}", ", ".join(EVENT_COLUMNS))

_ACTORS_FROM_STAGED = """
    INSERT INTO event_actors
    SELECT event_id, role, pos, a.code, a.country, coalesce(a.sectors, []), a.name, a.text,
           a.start, a."end"
    FROM (
        SELECT r.event_id, 'actor' AS role, unnest(r.actors) AS a,
               generate_subscripts(r.actors, 1) - 1 AS pos
        FROM _parsed
        UNION ALL
        SELECT r.event_id, 'recipient', unnest(r.recipients), generate_subscripts(r.recipients, 1) - 1
        FROM _parsed
    )
"""

_PLACES_FROM_STAGED = """
    INSERT INTO places
    SELECT r.event_id, p->>'name', p->>'country', p->>'admin1', CAST(p->>'lat' AS DOUBLE),
           CAST(p->>'lon' AS DOUBLE), CAST(p->>'geonameid' AS BIGINT), p->>'precision'
    FROM (SELECT r, r.location AS p FROM _parsed)
    WHERE p IS NOT NULL AND json_type(p) = 'OBJECT'
"""

_COUNTS = ("num_mentions", "num_articles", "num_sources")


def stage_records(
    con: duckdb.DuckDBPyConnection, staged: dict[str, Sequence[Any]], *, dataset: str
) -> None:
    """Parse event records (``record``, ``cluster_id`` and optionally the cluster counts
    ``num_mentions``, ``num_articles``, ``num_sources``) into the temporary table ``_parsed``,
    once, in parallel; :func:`insert_staged` then stores them."""
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
    (of the type :func:`record_type` names), its JSON text ``record``, ``cluster_id`` and the
    cluster counts. The derived columns are those of :func:`stage_records`."""
    con.execute(_PARSED.format(source=source), {"dataset": dataset, **(params or {})})


def record_type(con: duckdb.DuckDBPyConnection) -> str:
    """The SQL type of a parsed event record (a STRUCT), to build records in SQL."""
    row = con.execute(f"SELECT typeof(from_json('{{}}', '{RECORD_STRUCTURE}'))").fetchone()
    assert row is not None
    return str(row[0])


def insert_staged(
    con: duckdb.DuckDBPyConnection, *, run_id: str, clusters: str | None = None
) -> None:
    """Insert the staged events, their actor rows and place rows (every column derived from the
    JSON by DuckDB). With ``clusters`` (a table of cluster rows covering every staged cluster)
    the events get their cluster's counts and representative flag; without, the staged counts
    and each event represents its cluster. Drops ``_parsed``."""
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
