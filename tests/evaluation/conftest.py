"""Helpers for the evaluation tests: hand-built events, tiny gold files, fake coders."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from thucydides.models import Actor, Article, Event, Place, Trigger

EventFactory = Callable[..., Event]
ActorFactory = Callable[..., Actor]
GoldWriter = Callable[[Sequence[Mapping[str, Any] | str]], Path]
CoderFactory = Callable[..., Callable[[Iterable[Article]], Iterator[tuple[str, list[Event]]]]]


def _actor(
    code: str, country: str | None = None, sectors: Sequence[str] = (), text: str = ""
) -> Actor:
    return Actor(code, country, tuple(sectors), None, text, 0, len(text))


def _event(
    cameo: str,
    plover: str | None = None,
    *,
    mode: str | None = None,
    contexts: Sequence[str] = (),
    actors: Sequence[Actor] = (),
    recipients: Sequence[Actor] = (),
    factual: bool = True,
    modality: str = "asserted",
    sentence_index: int = 0,
    start: int = 0,
    trigger: str = "did",
    sentence: str = "",
    place: str | None = None,
) -> Event:
    return Event(
        event_id=f"e{cameo}{start}",
        article_id="a",
        sentence_index=sentence_index,
        sentence=sentence,
        trigger=Trigger(trigger, start, start + len(trigger)),
        plover=plover,
        plover_mode=mode,
        plover_contexts=tuple(contexts),
        cameo=cameo,
        cameo_root=cameo[:2],
        goldstein=0.0,
        quad_class=1,
        actors=tuple(actors),
        recipients=tuple(recipients),
        factual=factual,
        modality=modality,
        location=Place(place, None, None, None, None, None, "city", place, 0, 0) if place else None,
    )


@pytest.fixture
def ev() -> EventFactory:
    """ev(cameo, plover, mode=..., actors=[...], ...) -> Event"""
    return _event


@pytest.fixture
def actor() -> ActorFactory:
    """actor(code, country, sectors, text) -> Actor"""
    return _actor


@pytest.fixture
def gold_file(tmp_path: Path) -> GoldWriter:
    """Write records (dicts, or raw strings for broken lines) to a JSONL file; return its path."""

    def write(records: Sequence[Mapping[str, Any] | str]) -> Path:
        path = tmp_path / "gold.jsonl"
        lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


@pytest.fixture
def coder_for() -> CoderFactory:
    """coder_for({id: [events]}, skip_languages={"es"}) -> a coder that returns those events."""

    def make(
        events: Mapping[str, list[Event]], skip_languages: Iterable[str] = ()
    ) -> Callable[[Iterable[Article]], Iterator[tuple[str, list[Event]]]]:
        skip = set(skip_languages)

        def coder(articles: Iterable[Article]) -> Iterator[tuple[str, list[Event]]]:
            for article in articles:
                if article.language not in skip:
                    yield article.id, events.get(article.id, [])

        return coder

    return make
