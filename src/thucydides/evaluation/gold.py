"""Reading gold files: one JSON object per line, a sentence or snippet with its gold events.

The format (``docs/evaluation.md``) is the one of the shared evaluation sets: ``id``, ``dataset``,
``lang``, ``text``, ``date``, ``events`` (gold events; ``[]`` = "no codable event") and, for
classification-style datasets, ``label``. A record needs ``text`` and ``events`` or ``label``.
Every problem raises :class:`~thucydides.errors.EvaluationError` naming file, line and fix.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thucydides.errors import EvaluationError
from thucydides.models import Article

__all__ = ["GoldActor", "GoldEvent", "GoldRecord", "load_gold"]


@dataclass(frozen=True, slots=True)
class GoldActor:
    """A gold source or target actor."""

    code: str | None
    code3: str | None  # ISO3 country or IGO/NGO/... code; None when the country is unknown
    country: str | None
    sectors: tuple[str, ...]
    text: str | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event of a record."""

    cameo: str | None
    cameo_root: str | None
    cameo_valid: bool  # False for dummy test codes that are not CAMEO
    plover: str | None
    plover_mode: str | None
    plover_contexts: tuple[str, ...]
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]
    trigger: str | None
    location: str | None  # place name, where the gold gives one


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold record: the text to code and what a careful coder finds in it."""

    id: str
    dataset: str
    lang: str | None
    text: str
    date: dt.date | None
    events: tuple[GoldEvent, ...]
    has_events: bool  # False when the record carries only a ``label`` (classification datasets)
    label: Mapping[str, Any] = field(default_factory=dict, hash=False)
    locations: tuple[str, ...] = ()
    spans: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)
    line: int = 0

    def to_article(self) -> Article:
        """The record as the article a coder reads."""
        return Article(
            id=self.id,
            text=self.text,
            published=self.date,
            language=self.lang,
            origin=f"gold:{self.line}",
        )


def load_gold(path: str | Path) -> Iterator[GoldRecord]:
    """Yield the records of a gold JSONL file, in file order; blank lines are skipped.

    Raises :class:`EvaluationError` for a missing file, a line that is not a JSON object, or a
    record without ``text`` or without both ``events`` and ``label``.
    """
    p = Path(path)
    if not p.is_file():
        raise EvaluationError(
            f"{p}: no such gold file; give the path of a .jsonl file with one gold record per line"
        )
    try:
        handle = p.open(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(
            f"{p}: cannot be read ({exc.strerror}); check its permissions"
        ) from exc
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield _record(p, number, line)
        except UnicodeDecodeError as exc:
            raise EvaluationError(
                f"{p}: not UTF-8 text ({exc.reason}); a gold file is UTF-8 JSON Lines"
            ) from exc


def _fail(path: Path, line: int, problem: str) -> EvaluationError:
    return EvaluationError(f"{path}:{line}: {problem}")


def _record(path: Path, number: int, line: str) -> GoldRecord:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _fail(
            path, number, f"not JSON ({exc.msg}); a gold file has one JSON object per line"
        ) from exc
    if not isinstance(raw, dict):
        raise _fail(path, number, "not a JSON object; each line must be one {...} gold record")
    text = raw.get("text")
    if not isinstance(text, str):
        raise _fail(path, number, "record has no 'text' string; add the sentence to code as 'text'")
    events_raw = raw.get("events")
    label = raw.get("label")
    if events_raw is None and not isinstance(label, dict):
        raise _fail(
            path,
            number,
            "record has no 'events' list; add 'events': [...] ([] = no event) or a 'label' object",
        )
    if events_raw is not None and not isinstance(events_raw, list):
        raise _fail(path, number, "'events' must be a list of event objects ([] = no event)")
    events = tuple(_event(path, number, e) for e in events_raw or [])
    record_id = raw.get("id")
    dataset = raw.get("dataset")
    lang = raw.get("lang", raw.get("language"))
    return GoldRecord(
        id=str(record_id) if record_id is not None else f"{path.stem}:{number}",
        dataset=str(dataset) if dataset else path.parent.name or "unknown",
        lang=str(lang) if lang else None,
        text=text,
        date=_date(path, number, raw.get("date")),
        events=events,
        has_events=events_raw is not None,
        label=label if isinstance(label, dict) else {},
        locations=tuple(str(x) for x in raw.get("locations") or [] if x),
        spans=_spans(raw.get("spans")),
        meta=raw["meta"] if isinstance(raw.get("meta"), dict) else {},
        line=number,
    )


def _date(path: Path, number: int, value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise _fail(
            path, number, f"'date' {value!r} is not YYYY-MM-DD; fix it or use null"
        ) from exc


def _spans(value: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        return {}
    return {str(k): tuple(str(s) for s in v if s) for k, v in value.items() if isinstance(v, list)}


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _event(path: Path, number: int, raw: object) -> GoldEvent:
    if not isinstance(raw, dict):
        raise _fail(path, number, "each item of 'events' must be a JSON object")
    context = raw.get("plover_context", raw.get("plover_contexts"))
    if isinstance(context, str):
        contexts = tuple(c.strip() for c in context.split(",") if c.strip())
    elif isinstance(context, list):
        contexts = tuple(str(c).strip() for c in context if c)
    else:
        contexts = ()
    location = raw.get("location")
    place = location.get("name") if isinstance(location, dict) else location
    cameo = _text(raw.get("cameo"))
    root = _text(raw.get("cameo_root")) or (cameo[:2] if cameo else None)
    return GoldEvent(
        cameo=cameo,
        cameo_root=root,
        cameo_valid=raw.get("cameo_valid", True) is not False,
        plover=_text(raw.get("plover")),
        plover_mode=_text(raw.get("plover_mode")),
        plover_contexts=contexts,
        source=_actors(path, number, raw.get("source")),
        target=_actors(path, number, raw.get("target")),
        trigger=_text(raw.get("trigger")),
        location=_text(place),
    )


def _actors(path: Path, number: int, raw: object) -> tuple[GoldActor, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _fail(path, number, "an event's 'source'/'target' must be a list of actor objects")
    actors = []
    for item in raw:
        if not isinstance(item, dict):
            raise _fail(path, number, "each actor in 'source'/'target' must be a JSON object")
        sectors = item.get("sectors") or ([item["sector"]] if item.get("sector") else [])
        actors.append(
            GoldActor(
                code=_text(item.get("code")),
                code3=_text(item.get("code3")),
                country=_text(item.get("country")),
                sectors=tuple(str(s) for s in sectors if s),
                text=_text(item.get("text")),
            )
        )
    return tuple(actors)
