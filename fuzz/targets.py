"""Coverage-guided fuzzing (atheris + libFuzzer) of the code that reads what users give us.

Each target feeds mutated bytes to one entry point and checks its promise: no exception escapes,
every record comes out as an Article or a Rejection with a reason, dates and places resolve to
well-formed values. Run one target with libFuzzer's own flags::

    python fuzz/targets.py ingest -runs=20000 -seed=1
    python fuzz/targets.py dates -max_total_time=300

``tests/test_fuzzing.py`` runs every target for a fixed number of cases in each test run.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Callable, Sequence

import atheris

NAMES = ("ingest", "records", "dates", "places")
if __name__ == "__main__" and (len(sys.argv) < 2 or sys.argv[1] not in NAMES):
    sys.exit(f"usage: python fuzz/targets.py {{{','.join(NAMES)}}} [libFuzzer flags]")

with atheris.instrument_imports(include=["thucydides"]):
    from thucydides.coding.dates import resolve_date
    from thucydides.gazetteer import Gazetteer, load_gazetteer
    from thucydides.ingest.readers import iter_articles
    from thucydides.ingest.records import iter_csv, iter_jsonl
    from thucydides.models import Article, Rejection
    from thucydides.settings import Settings

SETTINGS = Settings()
TENSES = (None, "past", "present", "future")


def _check_outcomes(items: Sequence[object]) -> None:
    for item in items:
        if isinstance(item, Rejection):
            assert item.reason and item.detail, item
        else:
            assert isinstance(item, Article), item
            assert item.text.strip(), "an article with no text was accepted"


def fuzz_ingest(data: bytes) -> None:
    """Any bytes on standard input: sniffed (gzip, JSONL, feed, HTML, text) and read."""
    if data.lstrip()[:4].lower() == b"http":
        return  # a URL list would be fetched over the network: not a parser's job here
    items = list(iter_articles(["-"], SETTINGS, stdin=io.BytesIO(data)))
    assert items, "no outcome for an input"
    _check_outcomes(items)


def fuzz_records(data: bytes) -> None:
    """Any bytes as a JSONL or CSV file: one outcome per record, never an exception."""
    reader = iter_jsonl if data[:1] in (b"", b"\x00") or data[0] % 2 else iter_csv
    items = list(reader(io.BytesIO(data[1:]), "fuzz", SETTINGS))
    _check_outcomes(items)


def fuzz_dates(data: bytes) -> None:
    """Any sentence, publication day, tense and trigger offset through the date resolver."""
    provider = atheris.FuzzedDataProvider(data)
    published = None
    if provider.ConsumeBool():
        published = dt.date.fromordinal(provider.ConsumeIntInRange(1, dt.date.max.toordinal()))
    tense = TENSES[provider.ConsumeIntInRange(0, len(TENSES) - 1)]
    sentence = provider.ConsumeUnicodeNoSurrogates(300)
    trigger = provider.ConsumeIntInRange(0, max(len(sentence) - 1, 0)) if sentence else None
    result = resolve_date(sentence, published, tense=tense, trigger_start=trigger)
    assert result.precision in (None, "day", "month", "year"), result
    assert result.reason, result
    if result.date is not None:
        dt.date.fromisoformat(result.date)
        assert result.precision is not None, result


def fuzz_places(data: bytes) -> None:
    """Any name through the gazetteer: candidates are entries, countries first."""
    gazetteer = _gazetteer()
    name = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(120)
    found = gazetteer.candidates(name)
    kinds = [entry.kind == "country" for entry in found]
    assert kinds == sorted(kinds, reverse=True), "countries must come first"
    code = gazetteer.demonym(name)
    assert code is None or gazetteer.country(code) is not None or len(code) == 3, code


_LOADED: list[Gazetteer] = []


def _gazetteer() -> Gazetteer:
    if not _LOADED:
        _LOADED.append(load_gazetteer())
    return _LOADED[0]


TARGETS: dict[str, Callable[[bytes], None]] = dict(
    zip(NAMES, (fuzz_ingest, fuzz_records, fuzz_dates, fuzz_places), strict=True)
)


def main() -> None:
    target = TARGETS[sys.argv[1]]
    if sys.argv[1] == "places":
        _gazetteer()  # load once, outside the timed cases
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
