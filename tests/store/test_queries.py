from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from builders import article, event

from thucydides.errors import UsageError
from thucydides.store import Store, queries
from thucydides.store.queries import EventFilter


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    def story(i: int, day: str, events: list[object]) -> tuple[object, list[object]]:
        return article(f"s{i}", f"Story number {i}. " * 30, f"Outlet {i % 2}"), events

    batch = [
        story(1, "2025-01-10", [event("s1", 0, date="2025-01-10", actors=("TURGOV",), recipients=("SYRGOV",))]),
        story(2, "2025-01-20", [event("s2", 0, cameo="112", date="2025-01-20", actors=("TURGOV",), recipients=("SYRREB",), place=None)]),
        story(3, "2025-03-02", [event("s3", 0, cameo="190", date="2025-03-02", actors=("TURMIL",), recipients=("SYRREB",), place=None)]),
        story(4, "2025-03-05", [event("s4", 0, cameo="042", date="2025-03-05", actors=("SYRGOV",), recipients=("TURGOV",), place="Ankara")]),
        story(5, "2025-03-05", [event("s5", 0, cameo="036", date="2025-03-05", actors=("RUSGOV",), recipients=("TURGOV", "SYRGOV"), place=None)]),
        story(6, "2025-03-06", [event("s6", 0, cameo="040", date="2025-03-06", actors=("TURGOV",), recipients=("SYRGOV",), factual=False)]),
        # the same meeting as s4, reported by another outlet: one event, two mentions
        story(7, "2025-03-05", [event("s7", 0, cameo="043", date="2025-03-05", actors=("TURGOV",), recipients=("SYRGOV",), place="Ankara")]),
    ]  # fmt: skip
    with Store() as s:
        s.write(batch, [], run_id="r", coder_version="v")  # type: ignore[arg-type]
        yield s


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(), ["s6-e0", "s4-e0", "s5-e0", "s3-e0", "s2-e0", "s1-e0"]),
        (EventFilter(actor="TUR"), ["s6-e0", "s3-e0", "s2-e0", "s1-e0"]),
        (EventFilter(actor="TURMIL"), ["s3-e0"]),
        (EventFilter(recipient="SYRREB"), ["s3-e0", "s2-e0"]),
        (EventFilter(country="RUS"), ["s5-e0"]),
        (EventFilter(plover="CONSULT", factual_only=True), ["s4-e0", "s1-e0"]),
        (EventFilter(cameo="19"), ["s3-e0"]),
        (EventFilter(since=dt.date(2025, 3, 1), until=dt.date(2025, 3, 5)), ["s4-e0", "s5-e0", "s3-e0"]),
        (EventFilter(place="ankara"), ["s4-e0"]),
        (EventFilter(text="number 2"), []),  # sentences, not article text
        (EventFilter(text="of s2"), ["s2-e0"]),
    ],
)  # fmt: skip
def test_event_filters(store: Store, filters: EventFilter, expected: list[str]) -> None:
    frame = queries.events(store, filters)
    assert list(frame["event_id"]) == expected


def test_events_carry_cluster_counts_and_records(store: Store) -> None:
    frame = queries.events(store, EventFilter(place="Ankara"))
    (record,) = queries.event_records(frame)
    assert (record["num_mentions"], record["num_articles"], record["num_sources"]) == (2, 2, 2)
    assert record["cluster_id"] and record["cameo"] == "042" and record["trigger"]["text"] == "met"
    mentions = queries.events(store, EventFilter(place="Ankara"), mentions=True)
    assert sorted(mentions["event_id"]) == ["s4-e0", "s7-e0"]


def test_dyad_series_counts_events_once_and_fills_gaps(store: Store) -> None:
    frame = queries.dyad_series(store, "TUR", "SYR", interval="month")
    assert [str(p) for p in frame["period"]] == ["2025-01-01", "2025-02-01", "2025-03-01"]
    assert list(frame["events"]) == [2, 0, 3]  # s6 is not factual; s4 and s7 are one event
    assert list(frame["material_conflict"]) == [0, 0, 1]
    assert list(frame["verbal_conflict"]) == [1, 0, 0]
    assert list(frame["plover_CONSULT"]) == [1, 0, 1]
    assert frame["mean_goldstein"].iloc[0] == pytest.approx((1.0 - 2.0) / 2)
    directed = queries.dyad_series(store, "SYR", "TUR", interval="month", directed=True)
    assert list(directed["events"]) == [1] and str(directed["period"][0]) == "2025-03-01"


def test_dyad_series_by_week_and_bad_interval(store: Store) -> None:
    weekly = queries.dyad_series(store, "TUR", "SYR", interval="week")
    assert str(weekly["period"].iloc[0]) == "2025-01-06" and weekly["events"].sum() == 5
    with pytest.raises(UsageError, match="--interval 'year' is not known"):
        queries.dyad_series(store, "TUR", "SYR", interval="year")


def test_top_actors_dyads_and_timeline(store: Store) -> None:
    top = queries.top_actors(store, role="actor", limit=2)
    assert list(top["code"]) == ["TURGOV", "RUSGOV"]
    dyads = queries.top_dyads(store, limit=1)
    assert dyads.iloc[0][["actor", "recipient", "events"]].tolist() == ["TURGOV", "SYRGOV", 2]
    timeline = queries.actor_timeline(store, "RUS")
    assert list(timeline["event_id"]) == ["s5-e0"]


def test_last_time(store: Store) -> None:
    last = queries.last_time(store, "TUR", "SYR", plover="CONSULT", before=dt.date(2025, 3, 5))
    assert list(last["event_id"]) == ["s1-e0"]  # "the first meeting since 10 January"
    assert queries.last_time(store, "TUR", "SYR", before=dt.date(2025, 1, 1)).empty
