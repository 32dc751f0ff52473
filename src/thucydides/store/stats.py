"""What a store holds, in counts: articles, events by type, rejections by reason, runs.

Read-only queries over a :class:`~thucydides.store.Store`, for ``thucydides stats`` and for the
pipeline (which looks up interrupted runs before it starts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from thucydides.store.store import Store


@dataclass(frozen=True, slots=True)
class RunStats:
    """One run: when, its status ("finished" or "interrupted") and what it did."""

    run_id: str
    started: dt.datetime | None
    finished: dt.datetime | None
    coder_version: str | None
    read: int
    coded: int
    unchanged: int
    events: int
    rejections: int
    articles_stored: int  # articles whose current rows this run wrote

    @property
    def status(self) -> str:
        return "finished" if self.finished is not None else "interrupted"

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "status": self.status,
            "started": self.started.isoformat() if self.started else None,
            "finished": self.finished.isoformat() if self.finished else None,
            "coder_version": self.coder_version,
            "read": self.read,
            "coded": self.coded,
            "unchanged": self.unchanged,
            "events": self.events,
            "rejections": self.rejections,
            "articles_stored": self.articles_stored,
        }


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts over a whole store."""

    articles: int
    events: int
    factual_events: int
    rejections: int
    events_by_type: dict[str, int] = field(default_factory=dict)
    rejections_by_reason: dict[str, int] = field(default_factory=dict)
    articles_by_language: dict[str, int] = field(default_factory=dict)
    runs: tuple[RunStats, ...] = ()
    rejections_by_input: dict[str, int] = field(default_factory=dict)
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    days_without_articles: int = 0
    gaps: tuple[tuple[dt.date, dt.date, int], ...] = ()  # the longest runs of days without articles

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "events": self.events,
            "factual_events": self.factual_events,
            "rejections": self.rejections,
            "events_by_type": self.events_by_type,
            "rejections_by_reason": self.rejections_by_reason,
            "articles_by_language": self.articles_by_language,
            "runs": [r.to_dict() for r in self.runs],
            "rejections_by_input": self.rejections_by_input,
            "first_published": _iso(self.first_published),
            "last_published": _iso(self.last_published),
            "days_without_articles": self.days_without_articles,
            "gaps": [
                {"from": a.isoformat(), "to": b.isoformat(), "days": n} for a, b, n in self.gaps
            ],
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def collect_stats(store: Store, *, last_runs: int | None = None) -> StoreStats:
    """Counts of ``store``; ``last_runs`` keeps only the latest runs (all by default)."""
    (articles,), *_ = store.sql("SELECT count(*) FROM articles")
    (events, factual), *_ = store.sql(
        "SELECT count(*), count(*) FILTER (WHERE factual) FROM events"
    )
    (rejections,), *_ = store.sql("SELECT count(*) FROM rejections")
    return StoreStats(
        articles=int(articles),
        events=int(events),
        factual_events=int(factual),
        rejections=int(rejections),
        events_by_type=_counts(
            store,
            "SELECT coalesce(plover, 'CAMEO ' || cameo_root) AS k, count(*) AS n FROM events "
            "GROUP BY k ORDER BY n DESC, k",
        ),
        rejections_by_reason=_counts(
            store,
            "SELECT reason AS k, count(*) AS n FROM rejections GROUP BY k ORDER BY n DESC, k",
        ),
        articles_by_language=_counts(
            store,
            "SELECT coalesce(language, '?') AS k, count(*) AS n FROM articles "
            "GROUP BY k ORDER BY n DESC, k",
        ),
        runs=tuple(_runs(store, last_runs)),
        rejections_by_input=_counts(
            store,
            "SELECT regexp_replace(origin, ':[0-9]+$', '') AS k, count(*) AS n FROM rejections "
            "GROUP BY k ORDER BY n DESC, k LIMIT 20",
        ),
        **_date_gaps(store),
    )


def _date_gaps(store: Store, longest: int = 5) -> dict[str, Any]:
    """Days between the first and last publication date on which no article was stored: a
    silent hole in a collection shows here instead of hiding in the series."""
    (first, last), *_ = store.sql("SELECT min(published), max(published) FROM articles")
    if first is None:
        return {}
    rows = store.sql(
        "WITH days AS (SELECT CAST(d AS DATE) AS day FROM generate_series("
        "CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), INTERVAL 1 DAY) AS t(d)), "
        "empty AS (SELECT day FROM days WHERE day NOT IN "
        "(SELECT published FROM articles WHERE published IS NOT NULL)), "
        "runs AS (SELECT day, day - CAST(row_number() OVER (ORDER BY day) AS INTEGER) AS grp "
        "FROM empty) "
        "SELECT min(day), max(day), count(*) AS n FROM runs GROUP BY grp "
        "ORDER BY n DESC, min(day)",
        [first, last],
    )
    return {
        "first_published": first,
        "last_published": last,
        "days_without_articles": sum(int(n) for *_, n in rows),
        "gaps": tuple((a, b, int(n)) for a, b, n in rows[:longest]),
    }


def interrupted_runs(store: Store) -> list[tuple[str, int]]:
    """(run id, articles it stored) of the runs interrupted since the last finished one."""
    rows = store.sql(
        "SELECT r.run_id, (SELECT count(*) FROM articles a WHERE a.run_id = r.run_id) "
        "FROM runs r WHERE r.finished_at IS NULL AND r.started_at >= coalesce("
        "(SELECT max(started_at) FROM runs WHERE finished_at IS NOT NULL), TIMESTAMP '1970-01-01') "
        "ORDER BY r.started_at"
    )
    return [(str(run_id), int(n)) for run_id, n in rows]


def _counts(store: Store, sql: str) -> dict[str, int]:
    return {str(k): int(n) for k, n in store.sql(sql)}


def _runs(store: Store, last: int | None) -> list[RunStats]:
    sql = (
        "SELECT r.run_id, r.started_at, r.finished_at, r.coder_version, r.articles_read, "
        "r.articles_coded, r.articles_unchanged, r.events, r.rejections, "
        "(SELECT count(*) FROM articles a WHERE a.run_id = r.run_id) "
        "FROM runs r ORDER BY r.started_at DESC"
    )
    params: list[Any] = []
    if last is not None:
        sql += " LIMIT ?"
        params.append(last)
    rows = store.sql(sql, params)
    return [
        RunStats(
            run_id=str(r[0]),
            started=r[1],
            finished=r[2],
            coder_version=r[3],
            read=int(r[4] or 0),
            coded=int(r[5] or 0),
            unchanged=int(r[6] or 0),
            events=int(r[7] or 0),
            rejections=int(r[8] or 0),
            articles_stored=int(r[9] or 0),
        )
        for r in reversed(rows)
    ]
