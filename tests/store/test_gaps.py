"""`stats` reports gaps instead of hiding them: days without articles and rejections by input."""

from __future__ import annotations

import datetime as dt

from thucydides.models import Article, Rejection, RejectionReason
from thucydides.store import Store
from thucydides.store.stats import collect_stats


def article(i: int, day: dt.date) -> Article:
    return Article(id=f"a{i}", text=f"text {i}", published=day, origin=f"feed.jsonl:{i}")


def test_days_without_articles_and_the_longest_gaps() -> None:
    days = [dt.date(2025, 1, 1), dt.date(2025, 1, 2), dt.date(2025, 1, 5), dt.date(2025, 1, 12)]
    bad = [
        Rejection("x1", "ingest", RejectionReason.EMPTY, "empty", "in/a.jsonl:3"),
        Rejection("x2", "ingest", RejectionReason.MALFORMED, "bad", "in/a.jsonl:7"),
        Rejection("x3", "ingest", RejectionReason.BINARY, "binary", "in/b.txt"),
    ]
    with Store() as store:
        store.write(
            [(article(i, d), []) for i, d in enumerate(days)], bad, run_id="r", coder_version="v"
        )
        stats = collect_stats(store)
    assert (stats.first_published, stats.last_published) == (days[0], days[-1])
    assert stats.days_without_articles == 2 + 6
    assert stats.gaps == (
        (dt.date(2025, 1, 6), dt.date(2025, 1, 11), 6),
        (dt.date(2025, 1, 3), dt.date(2025, 1, 4), 2),
    )
    assert stats.rejections_by_input == {"in/a.jsonl": 2, "in/b.txt": 1}
    assert stats.to_dict()["gaps"][0] == {"from": "2025-01-06", "to": "2025-01-11", "days": 6}


def test_empty_store_has_no_gaps() -> None:
    with Store() as store:
        stats = collect_stats(store)
    assert (stats.first_published, stats.days_without_articles, stats.gaps) == (None, 0, ())
