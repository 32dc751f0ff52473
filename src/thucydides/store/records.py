"""The event record (version 1) rebuilt from the typed columns of ``events``: one SQL expression.

Since migration 6 the store keeps no JSON copy of each record: every field has a typed column
(the actors and recipients are lists of STRUCTs, the place and the explanation JSON). Records
imported from files may hold what those columns cannot: keys outside version 1, keys missing or
in another order, values of other types (a date that is not ISO, a string ``sentence_index``).
For those records ``record_rest`` lists the record's keys in order, each either the key alone
(its value is the typed column's) or ``[key, value]`` (the value as it was imported); it is NULL
for every record the columns hold exactly, which is every record thucydides codes.
"""

from __future__ import annotations

ACTOR_TYPE = (
    "STRUCT(code VARCHAR, country VARCHAR, sectors VARCHAR[], name VARCHAR, text VARCHAR, "
    'start INTEGER, "end" INTEGER)'
)

# The record's keys in the order of version 1, with the typed column(s) each comes from.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("event_id", "{a}.event_id"),
    ("article_id", "{a}.article_id"),
    ("sentence_index", "{a}.sentence_index"),
    ("sentence", "{a}.sentence"),
    (
        "trigger",
        "json_object('text', {a}.trigger_text, 'start', {a}.trigger_start, 'end', {a}.trigger_end)",
    ),
    ("plover", "{a}.plover"),
    ("plover_mode", "{a}.plover_mode"),
    ("plover_contexts", "{a}.plover_contexts"),
    ("cameo", "{a}.cameo"),
    ("cameo_root", "{a}.cameo_root"),
    ("goldstein", "{a}.goldstein"),
    ("quad_class", "{a}.quad_class"),
    ("actors", "{a}.actors"),
    ("recipients", "{a}.recipients"),
    ("factual", "{a}.factual"),
    ("modality", "{a}.modality"),
    ("date", "{a}.date"),
    ("date_precision", "{a}.date_precision"),
    ("date_text", "{a}.date_text"),
    ("location", "{a}.location"),
    ("explanation", "{a}.explanation"),
)


def typed_record(alias: str) -> str:
    """SQL: the record as the typed columns of the row ``alias`` hold it (JSON)."""
    return "json_object(" + ", ".join(f"'{k}', {v.format(a=alias)}" for k, v in _FIELDS) + ")"


def _pointer(key: str) -> str:
    """SQL: the JSON pointer of the top-level key ``key`` (an SQL expression)."""
    return f"('/' || replace(replace({key}, '~', '~0'), '/', '~1'))"


def record_sql(alias: str = "e") -> str:
    """SQL: the stored event record of the row ``alias`` of ``events`` as JSON text, equal to
    the record that was written (same keys in the same order, same values)."""
    typed = typed_record(alias)
    return f"""(CASE WHEN {alias}.record_rest IS NULL THEN CAST({typed} AS VARCHAR)
        ELSE '{{' || array_to_string(list_transform(
            CAST({alias}.record_rest AS JSON[]),
            lambda x: CASE WHEN json_type(x) = 'VARCHAR'
                THEN CAST(x AS VARCHAR) || ':'
                     || coalesce(CAST(json_extract({typed}, {_pointer("(x->>'$')")}) AS VARCHAR),
                                 'null')
                ELSE CAST(x->0 AS VARCHAR) || ':' || CAST(x->1 AS VARCHAR) END), ',') || '}}'
        END)"""


def rest_sql(alias: str, original: str) -> str:
    """SQL: the ``record_rest`` of the row ``alias`` (the typed columns about to be stored) for
    the record ``original`` (JSON text): NULL when the columns rebuild it exactly."""
    typed = typed_record(alias)
    value = f"json_extract({original}, {_pointer('k')})"
    return f"""(CASE WHEN json({original}) = CAST({typed} AS VARCHAR) THEN NULL
        ELSE to_json(list_transform(json_keys({original}), lambda k:
            CASE WHEN {value} = json_extract({typed}, {_pointer("k")}) THEN to_json(k)
                 ELSE json_array(k, {value}) END)) END)"""
