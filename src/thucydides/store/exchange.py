"""Reading the store for exports: events with their clusters, articles and imported lines."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from thucydides.formats.exporters import Exported
from thucydides.store.records import record_sql
from thucydides.store.store import Store

_EXPORT_SQL = f"""
    SELECT {record_sql("e")}, e.dataset, c.cluster_id, c.num_mentions, c.num_articles, c.num_sources,
           c.first_seen, a.url, a.source, a.title, a.language, a.published, length(a.text),
           i.line
    FROM clusters c JOIN events e ON e.event_id = c.representative
    LEFT JOIN articles a ON a.article_id = e.article_id
    LEFT JOIN imported_rows i ON i.event_id = e.event_id
    WHERE (? IS NULL OR e.dataset = ?)
    ORDER BY e.dataset, i.seq NULLS LAST, c.date NULLS LAST, c.cluster_id
"""

_MENTIONS_SQL = f"""
    WITH m AS (
        SELECT {record_sql("e")} AS record, e.event_id, e.article_id, c.cluster_id, c.num_mentions,
               c.num_articles, c.num_sources, c.first_seen, c.date,
               {record_sql("r")} AS representative
        FROM events e JOIN clusters c ON c.cluster_id = e.cluster_id
        JOIN events r ON r.event_id = c.representative
        WHERE e.dataset = 'thucydides'
    )
    SELECT m.record, m.cluster_id, m.num_mentions, m.num_articles, m.num_sources, m.first_seen,
           a.url, a.source, a.published, a.coded_at, length(a.text), m.representative
    FROM m JOIN articles a ON a.article_id = m.article_id OR a.duplicate_of = m.article_id
    ORDER BY m.date NULLS LAST, m.cluster_id, a.article_id, m.article_id, m.event_id
"""


def iter_exported(store: Store, dataset: str | None = None) -> Iterator[Exported]:
    """Each stored event (one per cluster: its representative) with its context."""
    for row in store.stream(_EXPORT_SQL, [dataset, dataset]):
        (record, ds, cluster_id, n_m, n_a, n_s, first, url, source, title, lang, pub, length,
         line) = row  # fmt: skip
        yield Exported(
            record=json.loads(record),
            dataset=ds,
            cluster_id=cluster_id,
            num_mentions=n_m,
            num_articles=n_a,
            num_sources=n_s,
            first_seen=first,
            url=url,
            source=source,
            title=title,
            language=lang,
            published=pub,
            doc_length=length,
            raw=json.loads(line) if line else None,
        )


def iter_mentions(
    store: Store,
) -> Iterator[tuple[Exported, dict[str, Any], dt.datetime | None, dt.date | None]]:
    """Each report of each thucydides event (wire copies included), with its cluster's
    representative record, the time it was seen and the cluster's first-seen date."""
    for row in store.stream(_MENTIONS_SQL):
        record, cluster_id, n_m, n_a, n_s, first, url, source, pub, coded_at, length, rep = row
        item = Exported(
            record=json.loads(record),
            cluster_id=cluster_id,
            num_mentions=n_m,
            num_articles=n_a,
            num_sources=n_s,
            first_seen=first,
            url=url,
            source=source,
            published=pub,
            doc_length=length,
        )
        seen = dt.datetime.combine(pub, dt.time()) if pub else coded_at
        yield item, json.loads(rep), seen, first
