"""Event clusters: reports of one event linked together, with counts and a representative.

The rules are in :mod:`thucydides.dedup`; this module applies them to the stored events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import duckdb

from thucydides.dedup import Report, cluster_article, report, same_event
from thucydides.store.bulk import register_frame

_WINDOW_DAYS = 31


def within_articles(
    article_ids: Sequence[str], event_ids: Sequence[str], reports: Sequence[Report]
) -> list[str]:
    """The cluster id of each event, clustered per article (events grouped by article, in text
    order). A cluster is named after the event that founded it, so the same input always gives
    the same cluster ids."""
    out: list[str] = []
    start = 0
    while start < len(reports):
        end = start + 1
        while end < len(reports) and article_ids[end] == article_ids[start]:
            end += 1
        if end - start == 1:
            out.append(event_ids[start])
        else:
            founders = cluster_article(reports[start:end])
            out.extend(event_ids[start + f] for f in founders)
        start = end
    return out


def refresh(con: duckdb.DuckDBPyConnection, cluster_ids: Iterable[str]) -> None:
    """Recompute counts, dates and representative of the given clusters (drop empty ones)."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    register_frame(con, "_affected", {"cluster_id": ids})
    try:
        con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM _affected)")
        con.execute(
            """
            INSERT INTO clusters
            WITH m AS (
                SELECT e.cluster_id, e.event_id, e.article_id, e.evidence FROM events e
                WHERE e.cluster_id IN (SELECT cluster_id FROM _affected)
            ), seen AS (
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
            SELECT rep.cluster_id, rep.event_id, e.dataset, e.kind, e.countries_key, e.cameo,
                   e.date, s.n_mentions, s.n_articles, s.n_sources, s.first_seen, s.last_seen
            FROM rep JOIN stats s USING (cluster_id) JOIN events e ON e.event_id = rep.event_id
            """
        )
        con.execute(
            "UPDATE events SET is_representative = (events.event_id = c.representative), "
            "num_mentions = c.num_mentions, num_articles = c.num_articles, "
            "num_sources = c.num_sources "
            "FROM clusters c WHERE c.cluster_id = events.cluster_id "
            "AND c.cluster_id IN (SELECT cluster_id FROM _affected)"
        )
    finally:
        con.unregister("_affected")


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
            SELECT n.cluster_id, c.cluster_id, n.representative, c.representative,
                   c.cluster_id IN (SELECT cluster_id FROM _new) AS is_new,
                   abs(date_diff('day', c.date, n.date)) AS distance
            FROM clusters n JOIN clusters c
              ON c.kind = n.kind AND c.countries_key = n.countries_key
             AND c.date BETWEEN n.date - INTERVAL {_WINDOW_DAYS} DAY
                            AND n.date + INTERVAL {_WINDOW_DAYS} DAY
             AND c.cluster_id <> n.cluster_id AND c.dataset = n.dataset
            WHERE n.cluster_id IN (SELECT cluster_id FROM _new) AND n.countries_key <> ''
            ORDER BY n.cluster_id, is_new, distance, c.cluster_id
            """
        ).fetchall()
        if not pairs:
            return set()
        rep_ids = sorted({p[2] for p in pairs} | {p[3] for p in pairs})
        records = {
            event_id: json.loads(record)
            for event_id, record in con.execute(
                "SELECT event_id, record FROM events WHERE event_id IN (SELECT unnest(?))",
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
