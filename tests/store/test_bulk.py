"""The bulk insert derives columns in SQL: they must agree with the Python rules they mirror."""

from __future__ import annotations

import dataclasses

import pytest
from builders import article, event
from hypothesis import given, settings
from hypothesis import strategies as st

from thucydides.dedup import report_of_event
from thucydides.models import Actor, Event, Place
from thucydides.store import Store


def stored_evidence(events: list[Event]) -> dict[str, int]:
    with Store() as store:
        store.write([(article("a1"), events)], [], run_id="r", coder_version="v")
        return dict(store.sql("SELECT event_id, evidence FROM events"))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # 3 countries x 2, 3 with a sector, a day date (3), a place with a country (2), 040 generic
        ({}, 6 + 3 + 3 + 2),
        ({"cameo": "042"}, 6 + 3 + 3 + 2 + 1),  # a specific code
        ({"actors": ("SYR", "TUR")}, 4 + 3 + 2),  # countries without sectors
        ({"actors": ("SYRGOV", "SYRMIL")}, 2 + 1 + 3 + 2),  # one country counts once
        ({"actors": ("TURGOV",), "recipients": ("TURGOV",)}, 2 + 2 + 1 + 3 + 2),
        ({"actors": ("IGOUNO",)}, 3 + 2),  # no country, no points for its sector
        ({"precision": "month"}, 6 + 3 + 2 + 2),
        ({"precision": "year"}, 6 + 3 + 1 + 2),
        ({"date": None}, 6 + 3 + 2),
        ({"place": None}, 6 + 3 + 3),
    ],
)
def test_evidence_score_is_computed_in_sql(changes: dict[str, object], expected: int) -> None:
    e = event("a1", 0, **changes)  # type: ignore[arg-type]
    assert report_of_event(e).evidence == expected
    assert stored_evidence([e]) == {e.event_id: expected}


countries = st.sampled_from([None, "", "TUR", "SYR", "RUS"])
sectors = st.lists(st.sampled_from(["GOV", "MIL", "REB", ""]), max_size=2).map(tuple)
parties = st.lists(
    st.builds(Actor, st.just("X"), countries, sectors, st.none(), st.just("x"), st.just(0),
              st.just(1)),
    max_size=3,
).map(tuple)  # fmt: skip
places = st.one_of(
    st.none(),
    st.builds(Place, st.just("P"), countries, st.none(), st.none(), st.none(), st.none(),
              st.sampled_from(["country", "admin1", "city", "point"]), st.just("p"), st.just(0),
              st.just(1)),
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    actors=parties,
    recipients=parties,
    place=places,
    cameo=st.sampled_from(["040", "042", "04", "190", "0231"]),
    precision=st.sampled_from([None, "day", "month", "year", "decade"]),
)
def test_sql_evidence_equals_the_python_rule(
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    place: Place | None,
    cameo: str,
    precision: str | None,
) -> None:
    e = dataclasses.replace(
        event("a1", 0, cameo="040"),
        cameo=cameo,
        cameo_root=cameo[:2],
        actors=actors,
        recipients=recipients,
        location=place,
        date_precision=precision,
    )
    assert stored_evidence([e]) == {e.event_id: report_of_event(e).evidence}
