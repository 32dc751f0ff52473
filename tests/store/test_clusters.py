from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from builders import STORY, article, event, moscow_story
from hypothesis import given, settings
from hypothesis import strategies as st

from thucydides.dedup import cluster_article, cluster_events, report_of_event
from thucydides.store import Store


def clusters(store: Store) -> list[tuple[Any, ...]]:
    return store.sql(
        "SELECT cluster_id, representative, num_mentions, num_articles, num_sources, first_seen, "
        "last_seen FROM clusters ORDER BY cluster_id"
    )


def membership(store: Store) -> dict[str, str]:
    return dict(store.sql("SELECT event_id, cluster_id FROM events"))


def test_reports_within_an_article_form_one_cluster_per_event() -> None:
    with Store() as store:
        store.write([moscow_story()], [], run_id="r", coder_version="v")
        members = membership(store)
        assert members["a1-e0"] == members["a1-e1"] == members["a1-e2"]
        assert members["a1-e3"] != members["a1-e0"]  # the intelligence chiefs' meeting
        rows = {r[0]: r for r in clusters(store)}
        assert rows[members["a1-e0"]][2:5] == (3, 1, 1)
        # the best-evidenced report (dated, placed, with parties) represents the cluster
        assert rows[members["a1-e0"]][1] == "a1-e0"


def test_reports_across_articles_and_outlets_merge_with_counts() -> None:
    with Store() as store:
        store.write([moscow_story("a1", "Wire A")], [], run_id="r", coder_version="v")
        later = article(
            "b1", "A different story entirely. " * 20, "Paper B", day=dt.date(2022, 12, 30)
        )
        store.write(
            [(later, [event("b1", 0, cameo="043", actors=("RUSGOV",),
                            recipients=("TURGOV", "SYRGOV"), date="2022-12-29")])],
            [],
            run_id="r",
            coder_version="v",
        )  # fmt: skip
        members = membership(store)
        assert members["b1-e0"] == members["a1-e0"]
        row = next(r for r in clusters(store) if r[0] == members["a1-e0"])
        assert row[2:] == (4, 2, 2, dt.date(2022, 12, 28), dt.date(2022, 12, 30))


def test_a_wire_copy_is_counted_not_coded_twice() -> None:
    with Store() as store:
        store.write([moscow_story("a1", "Wire A")], [], run_id="r", coder_version="v")
        _, copy_events = moscow_story("c1", "Paper C")
        copy_text = "(Paper C) " + STORY.replace("said.", "said on Wednesday.")
        copy_article = article("c1", copy_text, "Paper C")
        store.write([(copy_article, copy_events)], [], run_id="r", coder_version="v")
        assert store.sql("SELECT duplicate_of, n_events FROM articles WHERE article_id = 'c1'") == [
            ("a1", 0)
        ]
        assert store.sql("SELECT count(*) FROM events WHERE article_id = 'c1'") == [(0,)]
        members = membership(store)
        row = next(r for r in clusters(store) if r[0] == members["a1-e0"])
        assert row[2:5] == (6, 2, 2)  # three reports in each of two articles, two outlets


def test_copies_within_one_batch_are_found_too() -> None:
    with Store() as store:
        story = moscow_story("a1")
        copy = (article("c1", STORY + " Ends.", "Paper C"), moscow_story("c1")[1])
        store.write([story, copy], [], run_id="r", coder_version="v")
        assert store.sql("SELECT article_id, duplicate_of FROM articles ORDER BY 1") == [
            ("a1", None),
            ("c1", "a1"),
        ]


def test_writing_again_changes_nothing() -> None:
    with Store() as store:
        batch = [moscow_story("a1"), moscow_story("b1", "Paper B")]
        batch[1] = (article("b1", "Another story. " * 30, "Paper B"), batch[1][1])
        store.write(batch, [], run_id="r", coder_version="v")
        before = (clusters(store), membership(store), store.counts())
        store.write(batch, [], run_id="r", coder_version="v")
        store.write(batch[1:], [], run_id="r", coder_version="v")
        assert (clusters(store), membership(store), store.counts()) == before


def test_recoding_an_article_updates_its_clusters() -> None:
    with Store() as store:
        a, evs = moscow_story("a1")
        store.write([(a, evs)], [], run_id="r", coder_version="v")
        store.write(
            [(article("a1", STORY + " Updated."), evs[:1])], [], run_id="r", coder_version="v"
        )
        assert [r[2:5] for r in clusters(store)] == [(1, 1, 1)]
        assert store.sql("SELECT count(*) FROM events WHERE NOT is_representative") == [(0,)]


@settings(max_examples=150, deadline=None)
@given(
    specs=st.lists(
        st.tuples(
            st.sampled_from(["040", "042", "043", "112", "190", "036"]),
            st.sampled_from([(), ("SYRGOV",), ("TURGOV", "SYRGOV"), ("SYRSPY",), ("RUSGOV",)]),
            st.sampled_from([None, "2022-12-28", "2022-12-30"]),
            st.booleans(),
        ),
        max_size=8,
    )
)
def test_grouped_article_clustering_equals_clustering_every_report(
    specs: list[tuple[str, tuple[str, ...], str | None, bool]],
) -> None:
    evs = [
        event("a1", i, cameo=c, actors=actors, date=date, factual=factual)
        for i, (c, actors, date, factual) in enumerate(specs)
    ]
    assert cluster_events(evs) == cluster_article([report_of_event(e) for e in evs])


@pytest.mark.parametrize("together", [False, True], ids=["two batches", "one batch"])
@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ({}, {}, True),
        ({}, {"date": "2025-01-21"}, True),  # a day apart
        ({}, {"date": "2025-01-22"}, False),
        ({}, {"date": "2025-01-05", "precision": "month"}, True),
        ({}, {"date": "2025-02-01", "precision": "month"}, False),
        ({}, {"date": "2025-02-10", "precision": "year"}, True),
        ({}, {"cameo": "042"}, True),  # "met" and "visited"
        ({"cameo": "041"}, {"cameo": "042"}, False),  # two specific codes
        ({"cameo": "042"}, {"cameo": "043"}, True),  # two sides of one visit
        ({}, {"cameo": "045"}, False),  # mediation weighs far more than a meeting
        ({}, {"factual": False}, False),
    ],
)
def test_reports_in_two_articles_merge_by_the_rule(
    first: dict[str, Any], second: dict[str, Any], merged: bool, together: bool
) -> None:
    def story(article_id: str, changes: dict[str, Any]) -> tuple[Any, list[Any]]:
        text = f"Story {article_id} told its own way. " * 20
        fields = {"actors": ("TURGOV",), "recipients": ("SYRGOV",), "date": "2025-01-20"}
        return article(article_id, text), [event(article_id, 0, **(fields | changes))]

    batches = [[story("a1", first), story("b1", second)]]
    with Store() as store:
        for batch in batches if together else [batches[0][:1], batches[0][1:]]:
            store.write(batch, [], run_id="r", coder_version="v")
        members = membership(store)
        assert (members["a1-e0"] == members["b1-e0"]) is merged
        expected = [(2, 2)] if merged else [(1, 1), (1, 1)]
        assert sorted(r[2:4] for r in clusters(store)) == expected
