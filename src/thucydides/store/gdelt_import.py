"""GDELT event files imported by DuckDB itself: read_csv, columns mapped in SQL, INSERT ... SELECT.

The rows stored are those of the Python reader (:mod:`thucydides.formats.importers`, ``_gdelt``)
and :meth:`thucydides.store.Store.import_events`: same event ids, records, clusters (one per
event, with the file's counts) and raw lines; tests compare the two paths table by table. The
file is staged once (a temporary table, which DuckDB pages to disk under its memory limit),
then stored in chunks of ``chunk_rows`` rows, one transaction each, so re-running replaces
rows and memory stays flat.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from thucydides.formats.exporters import fips_to_iso3
from thucydides.formats.importers import Skipped
from thucydides.ontology import cameo_codes
from thucydides.store.bulk import insert_staged, record_type, register_frame, stage_parsed

N_COLUMNS = 61
CHUNK_ROWS = 100_000
_COLUMNS = [f"c{i}" for i in range(N_COLUMNS)]
# Lines DuckDB rejects for their width are skipped lines; any other reject (e.g. bytes that are
# not UTF-8, which the Python reader replaces) sends the whole file to the Python reader.
_WIDTH_ERRORS = ("MISSING COLUMNS", "TOO MANY COLUMNS")


@dataclass(frozen=True, slots=True)
class NativeImport:
    imported: int
    skipped: int
    first_skipped: tuple[Skipped, ...]


def _float_error(column: str) -> str:
    # Python's float() message, quoted as repr() quotes plain text
    return f"'ValueError: could not convert string to float: ''' || {column} || ''''"


def _bad_float(column: str) -> str:
    return f"(trim({column}) <> '' AND TRY_CAST(trim({column}) AS DOUBLE) IS NULL)"


def _number(column: str) -> str:
    return f"CASE WHEN trim({column}) <> '' THEN TRY_CAST(trim({column}) AS DOUBLE) END"


def _count(column: str) -> str:
    """``_int(value) or 1`` of the Python reader."""
    return f"coalesce(nullif(CAST(trunc({_number(column)}) AS BIGINT), 0), 1)"


_HAS_PLACE = "(c51 <> '' OR c52 <> '')"
_DATE = "CAST(try_strptime(c1, '%Y%m%d') AS DATE)"
# The first error the Python reader meets, in its order of evaluation (NULL: the row is good).
_REASON = f"""CASE
    WHEN {_HAS_PLACE} AND {_bad_float("c56")} THEN {_float_error("c56")}
    WHEN {_HAS_PLACE} AND {_bad_float("c57")} THEN {_float_error("c57")}
    WHEN c1 <> '' AND {_DATE} IS NULL
        THEN 'ValueError: time data ''' || c1 || ''' does not match format ''%Y%m%d'''
    WHEN {_bad_float("c30")} THEN {_float_error("c30")}
    WHEN {_bad_float("c29")} THEN {_float_error("c29")}
    WHEN k.code IS NULL THEN CASE
        WHEN regexp_full_match(trim(c26), '[0-9]+')
             AND '0' || trim(c26) IN (SELECT code FROM _gdelt_codes)
        THEN 'UnknownCodeError: ''' || trim(c26) || ''' is not a CAMEO event code; did you mean '
             || '''0' || trim(c26) || '''? CAMEO codes keep their leading zero'
        ELSE 'UnknownCodeError: ''' || trim(c26) || ''' is not a CAMEO event code; expected a '
             || 'code such as ''043'' (see `thucydides codes`)' END
    WHEN {_bad_float("c31")} THEN {_float_error("c31")}
    WHEN {_bad_float("c32")} THEN {_float_error("c32")}
    WHEN {_bad_float("c33")} THEN {_float_error("c33")}
END"""


def _actor(code: str, name: str, country: str, sectors: tuple[str, str, str], title: str) -> str:
    listed = ", ".join(sectors)
    return f"""CASE WHEN {code} <> '' THEN [{{
        'code': {code}, 'country': nullif({country}, ''),
        'sectors': list_filter([{listed}], lambda s: s <> ''),
        'name': {title}.title, 'text': {name}, 'start': NULL, 'end': NULL}}] ELSE [] END"""


_PRECISION = (
    "CASE c51 WHEN '1' THEN 'country' WHEN '2' THEN 'admin1' WHEN '5' THEN 'admin1' "
    "WHEN '3' THEN 'city' WHEN '4' THEN 'city' ELSE 'point' END"
)
_LOCATION = f"""CASE WHEN {_HAS_PLACE} THEN json_object(
    'name', c52, 'country', f.iso3, 'admin1', NULL, 'lat', {_number("c56")},
    'lon', {_number("c57")},
    'geonameid', CASE WHEN regexp_full_match(c58, '[0-9]+') THEN CAST(c58 AS BIGINT) END,
    'precision', {_PRECISION}, 'text', c52, 'start', NULL, 'end', NULL) END"""

# The event record (version 1) of a good row, as the Python reader's ``_record`` builds it.
_RECORD = f"""{{
    'event_id': 'gdelt:' || c0,
    'article_id': CASE WHEN c60 <> '' THEN c60 ELSE 'gdelt:' || c0 END,
    'sentence_index': 0, 'sentence': '',
    'trigger': {{'text': '', 'start': NULL, 'end': NULL}},
    'plover': k.plover, 'plover_mode': k.plover_mode, 'plover_contexts': k.plover_contexts,
    'cameo': c26, 'cameo_root': left(c26, 2),
    'goldstein': coalesce({_number("c30")}, k.goldstein),
    'quad_class': coalesce(CAST(trunc({_number("c29")}) AS INTEGER), k.quad_class),
    'actors': {_actor("c5", "c6", "c7", ("c12", "c13", "c14"), "t1")},
    'recipients': {_actor("c15", "c16", "c17", ("c22", "c23", "c24"), "t2")},
    'factual': true, 'modality': 'asserted',
    'date': {_DATE}, 'date_precision': CASE WHEN c1 <> '' THEN 'day' END, 'date_text': NULL,
    'location': {_LOCATION},
    'explanation': json_object('imported', json_object(
        'dataset', 'gdelt', 'is_root_event', c25 = '1', 'date_added', c59))
}}"""

_JOINS = """
    LEFT JOIN _gdelt_codes k ON k.code = trim(c26)
    LEFT JOIN _gdelt_fips f ON f.fips = c53
    LEFT JOIN _gdelt_titles t1 ON t1.name = c6
    LEFT JOIN _gdelt_titles t2 ON t2.name = c16
"""


def _read_csv(path: str) -> str:
    columns = ", ".join(f"'{c}': 'VARCHAR'" for c in _COLUMNS)
    quoted = path.replace("'", "''")
    return (
        f"read_csv('{quoted}', delim='\\t', quote='', escape='', header=false, "
        f"auto_detect=false, columns={{{columns}}}, store_rejects=true, "
        "rejects_table='_gdelt_rejects', rejects_scan='_gdelt_reject_scans')"
    )


def _stage(con: duckdb.DuckDBPyConnection, path: str) -> list[tuple[int, str, str]] | None:
    """Read the file into ``_gdelt_raw``; returns the rejected lines (line, error type,
    message), or None if DuckDB cannot read the file as the Python reader would."""
    read = ", ".join(f"coalesce({c}, '') AS {c}" for c in _COLUMNS)
    con.execute("DROP TABLE IF EXISTS _gdelt_rejects")
    con.execute("DROP TABLE IF EXISTS _gdelt_reject_scans")
    # insertion order is kept: a row's rowid is its place among the well-formed lines
    con.execute(f"CREATE OR REPLACE TEMP TABLE _gdelt_raw AS SELECT {read} FROM {_read_csv(path)}")
    rejects = [
        (int(line), str(kind), str(message))
        for line, kind, message in con.execute(
            # a short line has one reject per missing column: the first tells its width
            "SELECT line, arg_min(error_type, column_idx), arg_min(error_message, column_idx) "
            "FROM _gdelt_rejects GROUP BY line ORDER BY line"
        ).fetchall()
    ]
    con.execute("DROP TABLE IF EXISTS _gdelt_rejects")
    con.execute("DROP TABLE IF EXISTS _gdelt_reject_scans")
    if any(kind not in _WIDTH_ERRORS for _, kind, _ in rejects):
        return None
    return rejects


def _lookups(con: duckdb.DuckDBPyConnection) -> None:
    codes = list(cameo_codes().values())
    register_frame(
        con,
        "_gdelt_code_frame",
        {
            "code": [c.code for c in codes],
            "plover": [c.plover for c in codes],
            "plover_mode": [c.plover_mode for c in codes],
            "plover_contexts": [list(c.plover_contexts) for c in codes],
            "goldstein": [float(c.goldstein) for c in codes],
            "quad_class": [int(c.quad_class) for c in codes],
        },
    )
    fips = fips_to_iso3()
    register_frame(con, "_gdelt_fips_frame", {"fips": list(fips), "iso3": list(fips.values())})
    names = [
        str(r[0])
        for r in con.execute(
            "SELECT c6 FROM _gdelt_raw WHERE c6 <> '' UNION SELECT c16 FROM _gdelt_raw "
            "WHERE c16 <> ''"
        ).fetchall()
    ]
    register_frame(con, "_gdelt_title_frame", {"name": names, "title": [n.title() for n in names]})
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _gdelt_codes AS SELECT code, plover, plover_mode, "
            "CAST(plover_contexts AS VARCHAR[]) AS plover_contexts, goldstein, "
            "CAST(quad_class AS INTEGER) AS quad_class FROM _gdelt_code_frame"
        )
        con.execute("CREATE OR REPLACE TEMP TABLE _gdelt_fips AS FROM _gdelt_fips_frame")
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _gdelt_titles AS "
            "SELECT CAST(name AS VARCHAR) AS name, CAST(title AS VARCHAR) AS title "
            "FROM _gdelt_title_frame"
        )
    finally:
        for frame in ("_gdelt_code_frame", "_gdelt_fips_frame", "_gdelt_title_frame"):
            con.unregister(frame)


def _store_chunk(
    con: duckdb.DuckDBPyConnection, first: int, last: int, seq: int, kind: str
) -> tuple[int, list[tuple[int, str]]]:
    """Store the good rows ``first <= k < last`` in one transaction; returns their number and
    the bad ones (k, reason)."""
    rows = (
        "(SELECT rowid AS k, * FROM _gdelt_raw WHERE rowid >= $first AND rowid < $last) raw "
        f"{_JOINS}"
    )
    bounds = {"first": first, "last": last}
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE _gdelt_bad AS SELECT k, reason "
            f"FROM (SELECT k, {_REASON} AS reason FROM {rows}) WHERE reason IS NOT NULL",
            bounds,
        )
        bad = [
            (int(k), str(reason))
            for k, reason in con.execute("SELECT k, reason FROM _gdelt_bad ORDER BY k").fetchall()
        ]
        good = f"{rows} WHERE k NOT IN (SELECT k FROM _gdelt_bad)"
        ids = f"(SELECT 'gdelt:' || c0 FROM {good})"
        for table in ("event_actors", "places", "imported_rows"):
            con.execute(f"DELETE FROM {table} WHERE event_id IN {ids}", bounds)
        con.execute(f"DELETE FROM clusters WHERE representative IN {ids}", bounds)
        con.execute(f"DELETE FROM events WHERE event_id IN {ids}", bounds)
        stage_parsed(
            con,
            f"""(SELECT r, r.event_id AS cluster_id, num_mentions, num_articles, num_sources
                 FROM (SELECT k, CAST({_RECORD} AS {kind}) AS r,
                              {_count("c31")} AS num_mentions, {_count("c33")} AS num_articles,
                              {_count("c32")} AS num_sources
                       FROM {good})
                 ORDER BY k)""",
            dataset="gdelt",
            params=bounds,
        )
        con.execute(
            "INSERT INTO clusters BY NAME SELECT cluster_id, event_id AS representative, "
            "dataset, kind, countries_key, cameo, date, num_mentions, num_articles, "
            "num_sources, date AS first_seen, date AS last_seen FROM _parsed"
        )
        (stored,) = con.execute("SELECT count(*) FROM _parsed").fetchone() or (0,)
        insert_staged(con, run_id="import:gdelt")
        # a row's place among the imported rows (no bad row in the chunk: no window needed)
        place = "row_number() OVER (ORDER BY k) - 1" if bad else "k - $first"
        con.execute(
            f"INSERT INTO imported_rows SELECT 'gdelt:' || c0, 'gdelt', $seq + {place}, "
            f"to_json([{', '.join(_COLUMNS)}]) FROM {good}",
            {**bounds, "seq": seq},
        )
        con.execute("DROP TABLE _gdelt_bad")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return int(stored), bad


def _lines(rejects: list[tuple[int, str, str]], bad: list[int]) -> dict[int, int]:
    """The file line of each bad row ``k`` (well-formed rows are numbered apart from rejects)."""
    rejected = sorted(line for line, _, _ in rejects)
    out: dict[int, int] = {}
    skipped_before = 0
    for k in sorted(bad):
        line = k + 1 + skipped_before
        while skipped_before < len(rejected) and rejected[skipped_before] <= line:
            skipped_before += 1
            line = k + 1 + skipped_before
        out[k] = line
    return out


def _width_reason(message: str) -> str:
    found = message.rsplit("Found:", 1)[-1].strip()
    return f"{found} columns, expected {N_COLUMNS}"


def import_gdelt(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    *,
    chunk_rows: int | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> NativeImport | None:
    """Import a GDELT 2.0 events file; None (nothing written) if DuckDB cannot read it the way
    the Python reader does, which then imports it."""
    try:
        rejects = _stage(con, str(path))
        if rejects is None:
            return None
        _lookups(con)
        row = con.execute("SELECT count(*) FROM _gdelt_raw").fetchone()
        total = int(row[0]) if row else 0
        kind = record_type(con)
        chunk_rows = chunk_rows or CHUNK_ROWS
        imported = 0
        bad: list[tuple[int, str]] = []
        for first in range(0, total, chunk_rows):
            good, failed = _store_chunk(con, first, first + chunk_rows, imported, kind)
            imported += good
            bad.extend(failed)
            if on_chunk and good:
                on_chunk(imported)
    finally:
        for table in ("_gdelt_raw", "_gdelt_codes", "_gdelt_fips", "_gdelt_titles"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
    lines = _lines(rejects, [k for k, _ in bad])
    skipped = sorted(
        [Skipped(line, _width_reason(message)) for line, _, message in rejects]
        + [Skipped(lines[k], reason) for k, reason in bad],
        key=lambda s: s.line,
    )
    return NativeImport(imported, len(skipped), tuple(skipped[:10]))
