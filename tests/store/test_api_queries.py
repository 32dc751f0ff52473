"""The read tables of a snapshot answer every API question as ``queries`` does on the store.

A seeded random store (reports clustered across articles, compound actors, undated and
non-factual events, two datasets) is copied and given its read tables; each question is asked
of both, for a table of filters and date ranges that start and end on and off month bounds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from thucydides.formats.importers import Imported
from thucydides.models import Actor, Article, Event, Place, Trigger
from thucydides.ontology import cameo_codes
from thucydides.store import Store, api_queries, queries
from thucydides.store.queries import EventFilter
from thucydides.store.snapshots import READ_TABLES, add_read_tables

COUNTRIES = ("TUR", "SYR", "RUS", "IRN", "ISR", "UKR")
SECTORS = ("", "GOV", "MIL", "REB")
CITIES = (
    ("Aleppo", "SYR", 36.2, 37.16),
    ("Kyiv", "UKR", 50.45, 30.52),
    ("Gaza", "PSE", 31.5, 34.47),
)
START = dt.date(2023, 11, 20)


def _actor(rng: random.Random, at: int) -> Actor:
    country = rng.choice(COUNTRIES)
    sector = rng.choice(SECTORS)
    # one in ten is an organisation of the country: a code that does not start with it
    code = ("IGO" if rng.random() < 0.1 else country) + sector
    return Actor(code, country, (sector,) if sector else (), None, country, at, at + 3)


def _events(rng: random.Random, article_id: str, n: int, day: dt.date) -> list[Event]:
    codes = [c for c in cameo_codes().values() if len(c.code) == 3]
    out = []
    for k in range(n):
        code = rng.choice(codes)
        city = rng.choice(CITIES)
        date = None if rng.random() < 0.05 else day - dt.timedelta(days=rng.randrange(3))
        out.append(
            Event(
                event_id=f"{article_id}-e{k}", article_id=article_id, sentence_index=k,
                sentence=f"Sentence {k} of {article_id} about {city[0]}.",
                trigger=Trigger("met", 10 * k, 10 * k + 3), plover=code.plover,
                plover_mode=code.plover_mode, plover_contexts=code.plover_contexts,
                cameo=code.code, cameo_root=code.code[:2], goldstein=code.goldstein,
                quad_class=code.quad_class,
                actors=tuple(_actor(rng, 10 * k) for _ in range(rng.choice((1, 1, 2)))),
                recipients=tuple(_actor(rng, 10 * k + 5) for _ in range(rng.choice((0, 1, 1, 2)))),
                factual=rng.random() > 0.2, modality="asserted",
                date=date.isoformat() if date else None, date_precision="day" if date else None,
                date_text=None,
                location=Place(city[0], city[1], None, city[2], city[3], None, "city", city[0],
                               0, 3) if rng.random() > 0.3 else None,
                explanation={"trigger": {"rule": "test"}},
            )
        )  # fmt: skip
    return out


def build(path: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    coded = []
    for a in range(240):
        day = START + dt.timedelta(days=rng.randrange(130))
        article_id = f"a{a:03d}"
        text = f"Story {a} " + " ".join(rng.choice(("met", "said", "struck")) for _ in range(20))
        article = Article(id=article_id, text=text, title=f"Story {a}", source=f"wire{a % 4}",
                          published=day, language="en")  # fmt: skip
        events = _events(rng, article_id, rng.choice((1, 2, 3)), day)
        coded.append((article, events))
        if a % 8 == 0:  # another outlet's report of the same events: clustered with them
            again = f"b{a:03d}"
            coded.append(
                (
                    Article(id=again, text=f"Report {a} " + text[::-1], title=f"Again {a}",
                            source="other", published=day, language="en"),
                    [dataclasses.replace(e, event_id=f"{again}-e{k}", article_id=again)
                     for k, e in enumerate(events)],
                )
            )  # fmt: skip
    imported = [
        Imported(record={**e.to_record(), "event_id": f"x-{e.event_id}"})
        for e in _events(rng, "imp", 40, START + dt.timedelta(days=60))
    ]
    with Store(path) as store:
        store.write(coded, [], run_id="r", coder_version="test")
        store.import_events("gdelt", imported, seq=0)


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Store]]:
    """(the store, its snapshot with the read tables), both read-only."""
    folder = tmp_path_factory.mktemp("api")
    build(folder / "store.duckdb")
    shutil.copyfile(folder / "store.duckdb", folder / "snapshot.duckdb")
    add_read_tables(folder / "snapshot.duckdb")
    # another process's connection: a second open of the same file in this one is shared
    with (
        Store(folder / "store.duckdb", read_only=True) as store,
        Store(folder / "snapshot.duckdb", read_only=True, memory_limit="500MB") as snapshot,
    ):
        yield store, snapshot


def test_the_fixture_has_what_the_questions_need(stores: tuple[Store, Store]) -> None:
    store, _ = stores
    (clustered, undated, compound, datasets) = store.sql(
        "SELECT count(*) FILTER (WHERE num_mentions > 1), count(*) FILTER (WHERE date IS NULL), "
        "count(*) FILTER (WHERE actor_codes LIKE '|%|%|%'), count(DISTINCT dataset) FROM events "
        "WHERE is_representative"
    )[0]
    (organisations,) = store.sql(
        "SELECT count(*) FROM event_actors WHERE NOT starts_with(code, country)"
    )[0]
    assert clustered > 5 and undated > 5 and compound > 20 and datasets == 2
    assert organisations > 20


D = dt.date
FILTERS = [
    EventFilter(),
    EventFilter(since=D(2024, 1, 1)),
    EventFilter(since=D(2023, 12, 17)),
    EventFilter(until=D(2024, 2, 29)),
    EventFilter(until=D(2024, 2, 10)),
    EventFilter(since=D(2023, 12, 5), until=D(2024, 2, 20)),
    EventFilter(since=D(2024, 1, 3), until=D(2024, 1, 30)),
    EventFilter(since=D(2024, 1, 20), until=D(2024, 2, 3)),
    EventFilter(since=D(2024, 3, 1), until=D(2024, 1, 1)),
    EventFilter(since=D(2020, 1, 1), until=D(2030, 1, 1)),  # beyond the store's months
    EventFilter(until=D(2023, 1, 1)),
    EventFilter(dataset="gdelt"),
    EventFilter(factual_only=True, since=D(2024, 1, 9)),
    EventFilter(plover="CONSULT"),
    EventFilter(plover="ASSAULT", since=D(2024, 1, 15), until=D(2024, 3, 5)),
    EventFilter(party="TUR"),
    EventFilter(actor="SYRMIL", since=D(2024, 1, 9)),
    EventFilter(recipient="IRN", plover="ACCUSE"),
    EventFilter(country="UKR"),
    EventFilter(sector="REB"),
    EventFilter(cameo="19"),
    EventFilter(place="Aleppo"),
    EventFilter(text="of a01"),
    EventFilter(actor="TUR", recipient="SYR", sector="GOV", since=D(2024, 1, 9)),
    EventFilter(party="t", country="SYR", cameo="0"),
    EventFilter(party="TU_", plover="CONSULT"),  # a LIKE wildcard: the party is matched by LIKE
    EventFilter(recipient="%|SYR"),
    EventFilter(party="IGO", since=D(2024, 1, 9)),
]


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return (a is None and b is None) or (
            a is not None and b is not None and math.isclose(a, b, rel_tol=1e-7, abs_tol=1e-7)
        )
    return bool(a == b)


def _same(expected: pd.DataFrame, got: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    want = [
        {c: (None if pd.isna(v) else v) for c, v in zip(columns, row, strict=True)}
        for row in expected[list(columns)].itertuples(index=False, name=None)
    ]
    assert len(got) == len(want)
    for w, g in zip(want, got, strict=True):
        assert {c: g[c] for c in columns}.keys() == w.keys()
        assert all(_close(_plain(w[c]), g[c]) for c in columns), (w, g)


def _plain(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


@pytest.mark.parametrize("f", FILTERS, ids=str)
@pytest.mark.parametrize("role", [None, "actor", "recipient"])
def test_top_actors(stores: tuple[Store, Store], f: EventFilter, role: str | None) -> None:
    store, snapshot = stores
    expected = queries.top_actors(store, f, role=role, limit=500)
    assert len(expected) > 0 or f.since == D(2024, 3, 1) or f.until == D(2023, 1, 1)
    _same(expected, api_queries.top_actors(snapshot, f, role=role, limit=500), tuple(expected))


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_top_dyads(stores: tuple[Store, Store], f: EventFilter) -> None:
    store, snapshot = stores
    expected = queries.top_dyads(store, f, limit=1000)
    _same(expected, api_queries.top_dyads(snapshot, f, limit=1000), tuple(expected))


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_map_points(stores: tuple[Store, Store], f: EventFilter) -> None:
    store, snapshot = stores
    where, params = queries._where(f)
    expected = store.frame(  # the question as it was asked of the store
        f"""
        SELECT any_value(p.name) AS name, any_value(p.country) AS country,
               round(p.lat, 2) AS lat, round(p.lon, 2) AS lon, count(*) AS events,
               avg(e.goldstein) AS mean_goldstein
        FROM places p JOIN events e ON e.event_id = p.event_id
        WHERE e.is_representative AND p.lat IS NOT NULL AND p.lon IS NOT NULL AND {where}
        GROUP BY round(p.lat, 2), round(p.lon, 2) ORDER BY events DESC, name
        """,
        params,
    )
    _same(expected, api_queries.map_points(snapshot, f), tuple(expected))


@pytest.mark.parametrize("f", FILTERS, ids=str)
@pytest.mark.parametrize("interval", ["month", "week", "day"])
def test_quad_series(stores: tuple[Store, Store], f: EventFilter, interval: str) -> None:
    store, snapshot = stores
    where, params = queries._where(f)
    counts = ", ".join(
        f"count(*) FILTER (WHERE e.quad_class = {q}) AS {name}"
        for q, name in enumerate(queries.QUAD_COLUMNS, start=1)
    )
    expected = store.frame(
        f"""
        SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, count(*) AS events, {counts},
               avg(e.goldstein) AS mean_goldstein
        FROM events e WHERE e.is_representative AND e.date IS NOT NULL AND {where}
        GROUP BY period ORDER BY period
        """,
        [interval, *params],
    )
    got = api_queries.quad_series(snapshot, f, interval=interval)
    _same(expected, got, api_queries.SERIES_COLUMNS)


@pytest.mark.parametrize("f", FILTERS, ids=str)
@pytest.mark.parametrize(("limit", "offset"), [(10, 0), (7, 12), (1000, 0)])
def test_event_pages(stores: tuple[Store, Store], f: EventFilter, limit: int, offset: int) -> None:
    store, snapshot = stores
    expected = queries.events(store, f, limit=limit, offset=offset)
    _same(
        expected,
        api_queries.events(snapshot, f, limit=limit, offset=offset),
        api_queries.PAGE_COLUMNS,
    )


DYADS = [
    ("TUR", "SYR", {}),
    ("TURGOV", "RUS", {"directed": True}),
    ("IRN", "ISR", {"since": D(2024, 1, 10), "until": D(2024, 2, 20)}),
    ("UKR", "RUS", {"factual_only": False}),
    ("SYR", "SYR", {}),
    ("XXX", "TUR", {}),
]


@pytest.mark.parametrize(("a", "b", "options"), DYADS)
@pytest.mark.parametrize("interval", ["month", "week"])
def test_dyad_series(
    stores: tuple[Store, Store], a: str, b: str, options: dict[str, Any], interval: str
) -> None:
    store, snapshot = stores
    expected = queries.dyad_series(store, a, b, interval=interval, **options)
    got = api_queries.dyad_series(snapshot, a, b, interval=interval, **options)
    assert [list(r) for r in got] == [list(expected.columns)] * len(got)
    _same(expected, got, tuple(expected.columns))


@pytest.mark.parametrize(("a", "b", "options"), DYADS)
def test_dyad_events(stores: tuple[Store, Store], a: str, b: str, options: dict[str, Any]) -> None:
    store, snapshot = stores
    directed = options.get("directed", False)
    factual_only = options.get("factual_only", False)
    role_a, role_b = ("actor", "recipient") if directed else (None, None)
    where, params = queries._where(
        EventFilter(
            since=options.get("since"), until=options.get("until"), factual_only=factual_only
        )
    )
    expected = [
        r[0]
        for r in store.sql(
            f"""
            SELECT e.event_id FROM events e
            WHERE e.is_representative AND {queries._party(role_a)} AND {queries._party(role_b)}
              AND {where}
            ORDER BY e.date DESC NULLS LAST, e.event_id
            """,
            [*queries._party_params(a, role_a), *queries._party_params(b, role_b), *params],
        )
    ]
    got = api_queries.dyad_events(snapshot, a, b, limit=10_000, **options)
    assert [r["event_id"] for r in got] == expected
    assert (len(expected) > 0) is (a != "XXX")


def test_event_detail(stores: tuple[Store, Store]) -> None:
    store, snapshot = stores
    (clustered,) = store.sql(
        "SELECT min(event_id) FROM events WHERE num_mentions > 1 AND NOT is_representative"
    )[0]
    detail = api_queries.event_detail(snapshot, clustered)
    assert detail is not None
    assert detail["record"]["event_id"] == clustered
    assert detail["representative"] != clustered and detail["num_mentions"] > 1
    assert detail["article"]["article_id"] == detail["record"]["article_id"]
    assert len(detail["reports"]) == detail["num_mentions"] - 1
    assert api_queries.event_detail(snapshot, "nope") is None


@pytest.mark.parametrize(
    ("since", "until", "months", "days"),
    [
        (None, None, "true", "false"),
        (D(2024, 1, 1), None, "month >= ?", "false"),
        (D(2024, 1, 2), None, "month >= ?", "(date BETWEEN ? AND ?)"),
        (None, D(2024, 1, 31), "month < ?", "false"),
        (None, D(2024, 2, 29), "month < ?", "false"),
        (None, D(2024, 1, 30), "month < ?", "(date BETWEEN ? AND ?)"),
        (D(2024, 1, 2), D(2024, 1, 30), "false", "date BETWEEN ? AND ?"),
        (D(2024, 1, 1), D(2024, 3, 31), "month >= ? AND month < ?", "false"),
        (D(2024, 1, 5), D(2024, 3, 5), "month >= ? AND month < ?",
         "(date BETWEEN ? AND ? OR date BETWEEN ? AND ?)"),
    ],
)  # fmt: skip
def test_span_cuts_a_range_into_months_and_days(
    since: dt.date | None, until: dt.date | None, months: str, days: str
) -> None:
    s = api_queries.span(since, until)
    assert (s.months, s.days) == (months, days)
    assert len(s.month_params) == months.count("?") and len(s.day_params) == days.count("?")


def test_read_tables_are_taken_again_on_the_same_copy(tmp_path: Path) -> None:
    build(tmp_path / "s.duckdb", seed=3)
    first = add_read_tables(tmp_path / "s.duckdb")
    again = add_read_tables(tmp_path / "s.duckdb")
    assert set(first) == set(again) >= {name for name, _ in READ_TABLES}
    with Store(tmp_path / "s.duckdb", read_only=True) as s:
        assert s.sql("SELECT count(*) FROM read_events") == s.sql(
            "SELECT count(*) FROM events WHERE is_representative"
        )
