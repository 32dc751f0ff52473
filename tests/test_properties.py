"""Property tests (hypothesis): no input crashes a stage; every record is coded or rejected; the
store round trip and the validator agree with the record model.

The number of generated cases per property is reported in the README (Guarantees)."""

from __future__ import annotations

import datetime as dt
import json
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thucydides.coding.dates import resolve_date
from thucydides.ingest import iter_articles
from thucydides.models import Actor, Article, Event, Rejection, Trigger
from thucydides.ontology import cameo_codes
from thucydides.pipeline import Coded, code_articles
from thucydides.store import Store
from thucydides.validation import record_problems

FAST = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SLOW = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".jsonl", ".csv"]))
def test_any_bytes_are_read_or_rejected(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    items = list(iter_articles([str(path)]))
    assert all(isinstance(i, Article | Rejection) for i in items)
    for item in items:
        if isinstance(item, Rejection):
            assert item.detail and item.reason
    if suffix == ".txt":
        assert len(items) == 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@FAST
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from(
                ["id", "text", "title", "date", "published", "url", "source", "lang", "other"]
            ),
            json_values,
            max_size=6,
        ),
        max_size=8,
    )
)
def test_every_jsonl_line_gives_exactly_one_outcome(tmp_path: Path, records: list[object]) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    items = list(iter_articles([str(path)]))
    assert len(items) == (len(records) or 1)  # an empty file is one rejection


@FAST
@given(
    text=st.text(alphabet=string.ascii_letters + string.digits + " ,.'-", max_size=120),
    published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))),
    tense=st.sampled_from([None, "past", "present", "future"]),
)
def test_date_resolution_never_fails(
    text: str, published: dt.date | None, tense: str | None
) -> None:
    result = resolve_date(text, published, tense=tense)
    assert result.precision in (None, "day", "month", "year")
    if result.date:
        dt.date.fromisoformat(result.date)
    assert result.reason


words = st.sampled_from(
    [
        "Egypt",
        "Jordan",
        "Turkey",
        "police",
        "army",
        "rebels",
        "met",
        "attacked",
        "arrested",
        "protesters",
        "said",
        "will",
        "not",
        "the",
        "in",
        "on",
        "with",
        "to",
        "and",
        "Cairo",
        "Ankara",
        "Monday",
        "last",
        "month",
        "sanctions",
        "talks",
        "urged",
        "denied",
    ]
)


@SLOW
@given(sentence=st.lists(words, min_size=1, max_size=25).map(" ".join))
def test_the_coder_never_fails_and_emits_valid_records(sentence: str) -> None:
    (outcome,) = code_articles(
        [Article(id="p", text=sentence + ".", published=dt.date(2025, 3, 3))]
    )
    assert isinstance(outcome, Coded), outcome
    for event in outcome.events:
        assert record_problems(event.to_record()) == []


codes = sorted(c for c in cameo_codes() if len(c) >= 3)
actor = st.builds(
    lambda country, sector, start: Actor(
        (country or "---") + sector, country, (sector,), None, "x", start, start + 1
    ),
    st.sampled_from([None, "TUR", "SYR", "RUS"]),
    st.sampled_from(["GOV", "MIL", "REB", "CVL"]),
    st.integers(0, 1000),
)


@st.composite
def events(draw: st.DrawFn) -> Event:
    code = cameo_codes()[draw(st.sampled_from(codes))]
    modality = draw(
        st.sampled_from(["asserted", "negated", "hypothetical", "future", "intended", "reported"])
    )
    start = draw(st.integers(0, 5000))
    date = draw(st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1))))
    return Event(
        event_id=draw(st.text(string.hexdigits, min_size=8, max_size=20)),
        article_id="a1",
        sentence_index=draw(st.integers(0, 300)),
        sentence=draw(st.text(max_size=80)),
        trigger=Trigger("w", start, start + 1),
        plover=code.plover,
        plover_mode=code.plover_mode,
        plover_contexts=code.plover_contexts,
        cameo=code.code,
        cameo_root=code.root,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        actors=tuple(draw(st.lists(actor, max_size=3))),
        recipients=tuple(draw(st.lists(actor, max_size=2))),
        factual=modality in ("asserted", "reported"),
        modality=modality,
        date=date.isoformat() if date else None,
        date_precision="day" if date else None,
        date_text=None,
        location=None,
        explanation={"trigger": {"rule": "x"}},
    )


@SLOW
@given(batch=st.lists(events(), max_size=6, unique_by=lambda e: e.event_id))
def test_store_round_trip_and_validity(batch: list[Event]) -> None:
    article = Article(id="a1", text="x" * 10, published=dt.date(2025, 1, 1))
    with Store() as store:
        store.write([(article, batch)], [], run_id="r", coder_version="v")
        stored = sorted(store.iter_event_records(), key=lambda r: r["event_id"])
    expected = sorted((e.to_record() for e in batch), key=lambda r: r["event_id"])
    assert [{k: r[k] for k in e} for r, e in zip(stored, expected, strict=True)] == expected
    for record in expected:
        assert record_problems(record) == []
