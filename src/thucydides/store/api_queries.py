"""Questions the web API asks that :mod:`thucydides.store.queries` does not (yet) answer.

Same rules as there: every function takes an open :class:`~thucydides.store.Store` (read-only is
enough), runs parameterised SQL only, and counts events (representatives of clusters), not reports.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import pandas as pd

# The filter builders of queries.py, so that every list here filters exactly as ``query`` does.
from thucydides.store.queries import (
    _PAGE_COLUMNS,
    QUAD_COLUMNS,
    EventFilter,
    _check_interval,
    _finish,
    _party,
    _party_params,
    _where,
)
from thucydides.store.store import Store


def quad_series(
    store: Store, filters: EventFilter | None = None, *, interval: str = "month"
) -> pd.DataFrame:
    """Events matching ``filters`` per day, week or month, split by QuadClass: ``period``,
    ``events``, the four QuadClass count columns and ``mean_goldstein``. Only periods with
    events are listed (the chart leaves the gaps)."""
    _check_interval(interval)
    where, params = _where(filters or EventFilter())
    counts = ", ".join(
        f"count(*) FILTER (WHERE e.quad_class = {quad}) AS {name}"
        for quad, name in enumerate(QUAD_COLUMNS, start=1)
    )
    return store.frame(
        f"""
        SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, count(*) AS events, {counts},
               avg(e.goldstein) AS mean_goldstein
        FROM events e
        WHERE e.is_representative AND e.date IS NOT NULL AND {where}
        GROUP BY period ORDER BY period
        """,
        [interval, *params],
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
) -> pd.DataFrame:
    """Events between ``a`` and ``b`` (the columns of :func:`queries.events`), newest first.
    Undirected by default (both are parties in any role); ``directed``: ``a`` acts on ``b``."""
    role_a, role_b = ("actor", "recipient") if directed else (None, None)
    where, params = _where(EventFilter(since=since, until=until, factual_only=factual_only))
    ids = store.sql(
        f"""
        SELECT e.event_id FROM events e
        WHERE e.is_representative AND {_party(role_a)} AND {_party(role_b)} AND {where}
        ORDER BY e.date DESC NULLS LAST, e.event_id LIMIT ? OFFSET ?
        """,
        [*_party_params(a, role_a), *_party_params(b, role_b), *params, limit, offset],
    )
    # the wide columns (the record) only for the page: a top-N over them is slow
    frame = store.frame(
        f"SELECT {_PAGE_COLUMNS} FROM events e WHERE e.event_id IN (SELECT unnest(?)) "
        "ORDER BY e.date DESC NULLS LAST, e.event_id",
        [[i for (i,) in ids]],
    )
    return _finish(frame)


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """One stored event: its record, dataset, cluster counts, the article it came from
    (``article``: id, title, url, source, published and text, or None for imported events) and
    the other reports of the same event (``reports``: event id, article id, title, sentence)."""
    rows = store.sql(
        "SELECT e.record, e.dataset, e.cluster_id, e.num_mentions, e.num_articles, "
        "e.num_sources, (SELECT any_value(c.representative) FROM clusters c "
        "WHERE c.cluster_id = e.cluster_id) FROM events e WHERE e.event_id = ?",
        [event_id],
    )
    if not rows:
        return None
    record, dataset, cluster_id, mentions, articles, sources, representative = rows[0]
    detail: dict[str, Any] = {
        "record": json.loads(record),
        "dataset": dataset,
        "cluster_id": cluster_id,
        "num_mentions": mentions,
        "num_articles": articles,
        "num_sources": sources,
        "representative": representative,
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


def map_points(
    store: Store, filters: EventFilter | None = None, *, limit: int = 2000
) -> pd.DataFrame:
    """Where events matching ``filters`` happened: one row per place (``name``, ``country``,
    ``lat``, ``lon``, ``events``, ``mean_goldstein``), most events first."""
    where, params = _where(filters or EventFilter())
    return store.frame(
        f"""
        SELECT any_value(p.name) AS name, any_value(p.country) AS country,
               round(p.lat, 2) AS lat, round(p.lon, 2) AS lon, count(*) AS events,
               avg(e.goldstein) AS mean_goldstein
        FROM places p JOIN events e ON e.event_id = p.event_id
        WHERE e.is_representative AND p.lat IS NOT NULL AND p.lon IS NOT NULL AND {where}
        GROUP BY round(p.lat, 2), round(p.lon, 2)
        ORDER BY events DESC, name LIMIT ?
        """,
        [*params, limit],
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


__all__: Sequence[str] = ("dyad_events", "event_detail", "map_points", "quad_series", "summary")
