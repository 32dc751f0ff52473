"""The records that flow through thucydides, all frozen dataclasses.

``Article`` → (NLP) → ``Event`` (with ``Actor``, ``Place``, ``Trigger``) or ``Rejection``.
``Event.to_record()`` produces the event record, whose layout is a versioned contract
(``RECORD_VERSION``; see docs/event-record.md).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

RECORD_VERSION = 1

Modality = str  # "asserted" | "negated" | "hypothetical" | "future" | "intended" | "reported"
MODALITIES = ("asserted", "negated", "hypothetical", "future", "intended", "reported")
FACTUAL_MODALITIES = frozenset({"asserted", "reported"})


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from the input."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    language: str | None = None
    origin: str = ""  # where it came from: "path", "path:line", "-:line"


@dataclass(frozen=True, slots=True)
class Trigger:
    """The words that express the event, with character offsets into the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: country (ISO 3166 alpha-3) and sectors, plus the words it came from."""

    code: str
    country: str | None
    sectors: tuple[str, ...]
    name: str | None
    text: str
    start: int
    end: int

    def to_record(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "country": self.country,
            "sectors": list(self.sectors),
            "name": self.name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str  # "country" | "admin1" | "city" | "point"
    text: str
    start: int
    end: int

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "precision": self.precision,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded political event (event record version 1)."""

    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    trigger: Trigger
    plover: str | None
    plover_mode: str | None
    plover_contexts: tuple[str, ...]
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: int
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    factual: bool
    modality: Modality
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: Place | None = None
    explanation: Mapping[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        """The event as a JSON-ready dict, in the order of event record version 1."""
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "trigger": {
                "text": self.trigger.text,
                "start": self.trigger.start,
                "end": self.trigger.end,
            },
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "plover_contexts": list(self.plover_contexts),
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "actors": [a.to_record() for a in self.actors],
            "recipients": [a.to_record() for a in self.recipients],
            "factual": self.factual,
            "modality": self.modality,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location.to_record() if self.location else None,
            "explanation": dict(self.explanation),
        }


class RejectionReason(enum.Enum):
    """Why an input record was not coded."""

    EMPTY = "empty"
    BINARY = "binary"
    MALFORMED = "malformed"
    ENCODING = "encoding"
    TOO_LARGE = "too_large"
    NO_TEXT = "no_text"
    LANGUAGE = "language"
    NO_ARTICLE = "no_article"
    FETCH_FAILED = "fetch_failed"
    CODING_FAILED = "coding_failed"


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input record that was read but not coded, and why. Stored, counted, never silent."""

    article_id: str
    stage: str  # "ingest" | "nlp" | "coding"
    reason: RejectionReason
    detail: str
    origin: str = ""
