"""Golden checks on the bundled sample articles (examples/), written and hand-coded by the project.

* ``examples/articles.expected.jsonl`` lists the events a careful human coder takes from each
  article; the coder must find at least FLOOR of them (same sentence, same CAMEO root or PLOVER type)
  and must not take factual events from the sentences marked ``no_event``.
* ``tests/golden/demo-events.jsonl`` is the coder's full output; a change shows as a diff.
  Re-write it with ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from thucydides.ingest import iter_articles
from thucydides.pipeline import Coded, code_articles

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

GOLDEN = Path(__file__).parent / "golden" / "demo-events.jsonl"
# Share of the hand-coded events the coder must find; raise it as the coder improves.
FLOOR = 0.85


@pytest.fixture(scope="module")
def coded() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for outcome in code_articles(iter_articles([str(EXAMPLES / "articles.jsonl")])):
        assert isinstance(outcome, Coded), outcome
        out[outcome.article.id] = [e.to_record() for e in outcome.events]
    return out


def expected() -> Iterator[dict[str, Any]]:
    for line in (EXAMPLES / "articles.expected.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def _found(exp: dict[str, Any], records: list[dict[str, Any]]) -> bool:
    for r in records:
        if exp["sentence_contains"] not in r["sentence"]:
            continue
        codes = {exp.get("cameo"), *exp.get("alternatives", [])}
        if (
            r["cameo_root"] == exp["cameo_root"]
            or r["cameo"] in codes
            or (exp["plover"] and r["plover"] == exp["plover"])
        ):
            return True
    return False


def test_coder_finds_the_hand_coded_events(coded: dict[str, list[dict[str, Any]]]) -> None:
    events = [e for e in expected() if not e.get("no_event")]
    found = [e for e in events if _found(e, coded[e["article_id"]])]
    share = len(found) / len(events)
    missed = [
        f"{e['article_id']}: {e['sentence_contains']} ({e['cameo']})"
        for e in events
        if e not in found
    ]
    assert share >= FLOOR, f"found {len(found)}/{len(events)} = {share:.2f}; missed: {missed}"


def test_no_factual_events_from_no_event_sentences(coded: dict[str, list[dict[str, Any]]]) -> None:
    quiet = [e for e in expected() if e.get("no_event")]
    furniture = [
        e
        for e in quiet
        if any(w in e["sentence_contains"] for w in ("Updated", "By ", "Photo", "Read more"))
    ]
    assert furniture, "the examples must include furniture lines"
    for e in furniture:
        hits = [r for r in coded[e["article_id"]] if e["sentence_contains"] in r["sentence"]]
        assert not hits, (e, hits)


def test_golden_output(
    coded: dict[str, list[dict[str, Any]]], request: pytest.FixtureRequest
) -> None:
    lines = [
        json.dumps(r, ensure_ascii=False, sort_keys=True)
        for article in sorted(coded)
        for r in coded[article]
    ]
    text = "\n".join(lines) + "\n"
    if request.config.getoption("--update-golden"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8") == text, (
        "coder output changed: run `pytest --update-golden` and review the diff"
    )
