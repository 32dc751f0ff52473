"""Event clusters: reports of one event linked together, with counts and a representative.

The rules are in :mod:`thucydides.dedup`; this module applies them to the stored events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import duckdb

from thucydides.dedup import DAY_SLACK, GOLDSTEIN_SLACK, cluster_events, report, same_event
from thucydides.models import Event
from thucydides.store.bulk import register_frame
from thucydides.store.records import record_sql

_WINDOW_DAYS = 31
# Candidate clusters lie within _WINDOW_DAYS days: in the same bucket of _WINDOW_DAYS + 1 days
# or a neighbouring one, so the join matches on buckets first (an equality, cheap to hash).
_BUCKET = f"(date_diff('day', DATE '1970-01-01', date) // {_WINDOW_DAYS + 1})"

# Necessary conditions of :func:`thucydides.dedup.same_event` across articles, checked in SQL on
# the representatives ``x`` and ``y`` of two candidate clusters so that Python loads and compares
# only the pairs that can match (rules 2 and 3 of the module docstring; Python decides).
_DATES_COMPATIBLE = f"""(CASE
    WHEN 'year' IN (x.date_precision, y.date_precision) THEN year(x.date) = year(y.date)
    WHEN 'month' IN (x.date_precision, y.date_precision)
        THEN date_trunc('month', x.date) = date_trunc('month', y.date)
    ELSE abs(date_diff('day', x.date, y.date)) <= {DAY_SLACK} END)"""
_GENERIC = "(length({0}) = 2 OR (length({0}) = 3 AND {0} LIKE '%0'))"
_CAMEO_COMPATIBLE = f"""(x.cameo = y.cameo OR x.plover_mode = y.plover_mode
    OR (left(x.cameo, 2) = left(y.cameo, 2)
        AND ({_GENERIC.format("x.cameo")} OR {_GENERIC.format("y.cameo")})
        AND abs(coalesce(x.goldstein, 0) - coalesce(y.goldstein, 0)) <= {GOLDSTEIN_SLACK}))"""


def within_articles(events: Sequence[Event]) -> list[str]:
    """The cluster id of each event, clustered per article (events grouped by article, in text
    order). A cluster is named after the event that founded it, so the same input always gives
    the same cluster ids."""
    out: list[str] = []
    start = 0
    while start < len(events):
        end = start + 1
        while end < len(events) and events[end].article_id == events[start].article_id:
            end += 1
        if end - start == 1:
            out.append(events[start].event_id)
        else:
            out.extend(events[start + f].event_id for f in cluster_events(events[start:end]))
        start = end
    return out


def cluster_rows(members: str) -> str:
    """SQL for the cluster rows (``clusters`` columns, in order) of the clusters whose members
    are the relation ``members`` (``cluster_id``, ``event_id``, ``article_id``, ``evidence``,
    ``dataset``, ``kind``, ``countries_key``, ``cameo``, ``date``): mentions count every report,
    wire copies of a member's article included; the best-evidenced report represents."""
    return f"""
        WITH m AS (SELECT * FROM {members}), seen AS (
            SELECT m.cluster_id, a.article_id, a.source,
                   coalesce(a.published, CAST(a.coded_at AS DATE)) AS day
            FROM m JOIN articles a ON a.article_id = m.article_id
            UNION ALL
            SELECT m.cluster_id, a.article_id, a.source,
                   coalesce(a.published, CAST(a.coded_at AS DATE)) AS day
            FROM m JOIN articles a ON a.duplicate_of = m.article_id
        ), stats AS (
            SELECT cluster_id, count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles,
                   count(DISTINCT coalesce(source, article_id)) AS n_sources,
                   min(day) AS first_seen, max(day) AS last_seen
            FROM seen GROUP BY cluster_id
        ), rep AS (
            SELECT cluster_id, first(event_id ORDER BY evidence DESC, event_id) AS event_id
            FROM m GROUP BY cluster_id
        )
        SELECT rep.cluster_id, rep.event_id AS representative, e.dataset, e.kind,
               e.countries_key, e.cameo, e.date, s.n_mentions AS num_mentions,
               s.n_articles AS num_articles, s.n_sources AS num_sources, s.first_seen,
               s.last_seen
        FROM rep JOIN stats s USING (cluster_id) JOIN m e ON e.event_id = rep.event_id
    """


_MEMBERS = (
    "(SELECT cluster_id, event_id, article_id, evidence, dataset, kind, countries_key, cameo, "
    "date FROM events WHERE cluster_id IN (SELECT cluster_id FROM _affected))"
)


def refresh(con: duckdb.DuckDBPyConnection, cluster_ids: Iterable[str]) -> None:
    """Recompute counts, dates and representative of the given clusters (drop empty ones)."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    register_frame(con, "_affected", {"cluster_id": ids})
    try:
        con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM _affected)")
        con.execute(f"INSERT INTO clusters BY NAME {cluster_rows(_MEMBERS)}")
        con.execute(
            "UPDATE events SET is_representative = (events.event_id = c.representative), "
            "num_mentions = c.num_mentions, num_articles = c.num_articles, "
            "num_sources = c.num_sources "
            "FROM clusters c WHERE c.cluster_id = events.cluster_id "
            "AND c.cluster_id IN (SELECT cluster_id FROM _affected)"
        )
    finally:
        con.unregister("_affected")


def stage_clusters(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Store the clusters of the staged events (``_parsed``, see
    :func:`thucydides.store.bulk.stage_records`) computed from the batch alone, also as the
    temporary table ``_batch_clusters``. Returns the ids that were already stored: those clusters
    have members outside the batch and need a :func:`refresh` once the events are in."""
    known = {
        str(r[0])
        for r in con.execute(
            "SELECT DISTINCT cluster_id FROM clusters "
            "WHERE cluster_id IN (SELECT cluster_id FROM _parsed)"
        ).fetchall()
    }
    con.execute(f"CREATE OR REPLACE TEMP TABLE _batch_clusters AS {cluster_rows('_parsed')}")
    con.execute("INSERT INTO clusters BY NAME SELECT * FROM _batch_clusters")
    return known


def merge_across_articles(con: duckdb.DuckDBPyConnection, new_ids: Sequence[str]) -> set[str]:
    """Merge each new cluster into an earlier cluster reporting the same event; returns the
    clusters that grew (to refresh). Candidates share kind and countries and lie within a month;
    the rule in :func:`thucydides.dedup.same_event` decides."""
    if not new_ids:
        return set()
    register_frame(con, "_new", {"cluster_id": sorted(set(new_ids))})
    try:
        pairs = con.execute(
            f"""
            WITH pairs AS MATERIALIZED (
                SELECT n.cluster_id AS new_id, c.cluster_id AS other_id,
                       n.representative AS new_rep, c.representative AS other_rep,
                       c.cluster_id IN (SELECT cluster_id FROM _new) AS is_new,
                       abs(date_diff('day', c.date, n.date)) AS distance
                FROM (SELECT *, unnest([-1, 0, 1]) + {_BUCKET} AS bucket FROM clusters
                      WHERE cluster_id IN (SELECT cluster_id FROM _new)) n
                JOIN (SELECT *, {_BUCKET} AS bucket FROM clusters) c
                  ON c.kind = n.kind AND c.countries_key = n.countries_key
                 AND c.bucket = n.bucket
                 AND c.date BETWEEN n.date - INTERVAL {_WINDOW_DAYS} DAY
                                AND n.date + INTERVAL {_WINDOW_DAYS} DAY
                 AND c.cluster_id <> n.cluster_id AND c.dataset = n.dataset
                WHERE n.countries_key <> ''
            ), reps AS MATERIALIZED (
                SELECT event_id, date, date_precision, cameo, plover_mode, goldstein
                FROM events
                WHERE event_id IN (SELECT new_rep FROM pairs UNION SELECT other_rep FROM pairs)
            )
            SELECT new_id, other_id, new_rep, other_rep, is_new, distance
            FROM pairs JOIN reps x ON x.event_id = new_rep JOIN reps y ON y.event_id = other_rep
            WHERE {_DATES_COMPATIBLE} AND {_CAMEO_COMPATIBLE}
            ORDER BY new_id, is_new, distance, other_id
            """
        ).fetchall()
        if not pairs:
            return set()
        rep_ids = sorted({p[2] for p in pairs} | {p[3] for p in pairs})
        records = {
            event_id: json.loads(record)
            for event_id, record in con.execute(
                f"SELECT e.event_id, {record_sql('e')} FROM events e "
                "WHERE e.event_id IN (SELECT unnest(?))",
                [rep_ids],
            ).fetchall()
        }
    finally:
        con.unregister("_new")
    target: dict[str, str] = {}

    def resolve(cluster_id: str) -> str:
        while cluster_id in target:
            cluster_id = target[cluster_id]
        return cluster_id

    for new_id, other_id, new_rep, other_rep, is_new, _ in pairs:
        if new_id in target or (is_new and other_id > new_id):
            continue
        a, b = records[new_rep], records[other_rep]
        if a["article_id"] == b["article_id"]:
            continue
        if same_event(report(a), report(b), same_article=False):
            found = resolve(other_id)
            if found != new_id:
                target[new_id] = found
    if not target:
        return set()
    moves = {k: resolve(k) for k in target}
    register_frame(con, "_moves", {"source": list(moves), "target": list(moves.values())})
    try:
        con.execute(
            "UPDATE events SET cluster_id = m.target FROM _moves m "
            "WHERE events.cluster_id = m.source"
        )
    finally:
        con.unregister("_moves")
    return set(moves) | set(moves.values())
