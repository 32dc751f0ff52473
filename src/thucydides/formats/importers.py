"""Readers of the field's event files → event records (version 1), streamed line by line.

``read_events(format, path)`` yields :class:`Imported` rows and :class:`Skipped` lines (a bad
line is data, not a crash). Memory stays flat however large the file: nothing is held but the
current line. Formats: ``gdelt`` (GDELT 2.0 events, 61 tab-separated columns, no header),
``icews`` (Dataverse .tab with header), ``polecat`` (weekly TSV with header), ``acled`` (CSV
with header), ``jsonl`` (thucydides event records).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thucydides.errors import InputError, UnknownCodeError, UsageError
from thucydides.formats.columns import (
    ACLED_COLUMNS,
    GDELT_EVENT_COLUMNS,
    ICEWS_COLUMNS,
    POLECAT_COLUMNS,
)
from thucydides.formats.exporters import fips_to_iso3
from thucydides.models import Event
from thucydides.ontology import cameo_code, cameo_for_plover

IMPORT_FORMATS = ("gdelt", "icews", "polecat", "acled", "jsonl")

# ICEWS sector names and ACLED actor types → CAMEO-style sector codes (the first match wins).
SECTOR_WORDS = {
    "military": "MIL",
    "army": "MIL",
    "police": "COP",
    "government": "GOV",
    "executive": "GOV",
    "legislative": "LEG",
    "judicial": "JUD",
    "rebel": "REB",
    "insurgent": "REB",
    "opposition": "OPP",
    "protester": "OPP",
    "business": "BUS",
    "media": "MED",
    "civilian": "CVL",
    "refugee": "REF",
    "religious": "REL",
    "militia": "UAF",
}
ACLED_INTER = {"1": "MIL", "2": "REB", "3": "UAF", "4": "UAF", "5": "OPP", "6": "OPP", "7": "CVL"}
ACLED_TYPES = {  # ACLED event type → CAMEO code (its PLOVER type comes from the crosswalk)
    "battles": "190",
    "explosions/remote violence": "195",
    "violence against civilians": "180",
    "protests": "140",
    "riots": "145",
}


@dataclass(frozen=True, slots=True)
class Imported:
    record: dict[str, Any]
    num_mentions: int = 1
    num_articles: int = 1
    num_sources: int = 1
    raw: list[str] | None = None
    cluster_id: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    line: int
    reason: str


def read_events(kind: str, path: str | Path) -> Iterator[Imported | Skipped]:
    """Stream the events of a ``kind`` file."""
    if kind not in IMPORT_FORMATS:
        raise UsageError(f"--format {kind!r} is not known; use one of {', '.join(IMPORT_FORMATS)}")
    if not Path(path).is_file():
        raise InputError(
            f"{str(path)!r} is not a file; give the path of a {kind} file", path=str(path)
        )
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="", errors="replace") as f:
        if kind == "jsonl":
            for n, line in enumerate(f, start=1):
                if line.strip():
                    yield _jsonl(n, line)
            return
        if kind == "gdelt":
            for n, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
                yield _guard(n, row, GDELT_EVENT_COLUMNS, _gdelt)
            return
        reader = (
            csv.reader(f)
            if kind == "acled"
            else csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        )
        header = next(reader, None)
        expected = {"icews": ICEWS_COLUMNS, "polecat": POLECAT_COLUMNS, "acled": ACLED_COLUMNS}[
            kind
        ]
        if header is None:
            return
        names = [h.strip() for h in header]
        if kind == "polecat":
            names = ["Intensity" if h == "Event Intensity" else h for h in names]
        missing = [c for c in expected if c not in names]
        if missing:
            raise InputError(
                f"{str(path)!r} does not look like a {kind} file: its header lacks {', '.join(missing[:3])}",
                path=str(path),
            )
        convert = {"icews": _icews, "polecat": _polecat, "acled": _acled}[kind]
        for n, row in enumerate(reader, start=2):
            if len(row) != len(names):
                yield Skipped(n, f"{len(row)} columns, the header has {len(names)}")
                continue
            yield _guard(n, dict(zip(names, row, strict=True)), None, convert)


def _guard(n: int, row: Any, columns: tuple[str, ...] | None, convert: Any) -> Imported | Skipped:
    if columns is not None and len(row) != len(columns):
        return Skipped(n, f"{len(row)} columns, expected {len(columns)}")
    try:
        result: Imported | None = convert(row)
    except (ValueError, KeyError, UnknownCodeError) as exc:
        return Skipped(n, f"{type(exc).__name__}: {exc}")
    return result if result is not None else Skipped(n, "no CAMEO/PLOVER equivalent")


# The fields of event record version 1 (docs/event-record.md: the Event's fields, in order);
# record_problem says what each must hold for the store to keep, cluster, query and export the
# record (extra keys and looser number types are kept as they are; see thucydides.store.records).
_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(Event))


def _is_date(value: Any) -> bool:
    if value is None:
        return True
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _shown(value: Any) -> str:
    """A value as the JSON line wrote it (null, not None), cut short."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def record_problem(record: Mapping[str, Any]) -> str | None:
    """Why ``record`` is not an event record the store can hold (None: it is one)."""
    missing = [k for k in _RECORD_FIELDS if k not in record]
    if missing:
        return (
            f"no {', '.join(repr(k) for k in missing)} field (event record version 1 has them all)"
        )
    if not isinstance(record["event_id"], str) or not record["event_id"]:
        return f"event_id {_shown(record['event_id'])} is not a non-empty string"
    if not isinstance(record["cameo"], str):
        return f"cameo {_shown(record['cameo'])} is not a string such as '042'"
    if not isinstance(record["trigger"], dict):
        return f"trigger {_shown(record['trigger'])} is not an object with text, start and end"
    if not isinstance(record["plover_contexts"], list):
        return (
            f"plover_contexts {_shown(record['plover_contexts'])} is not a list (use [] for none)"
        )
    for role in ("actors", "recipients"):
        parties = record[role]
        if not isinstance(parties, list) or not all(isinstance(p, dict) for p in parties):
            return f"{role} {_shown(parties)} is not a list of actor objects (use [] for none)"
    if not _is_date(record["date"]):
        return (
            f"date {_shown(record['date'])} is not an ISO date (YYYY-MM-DD); give the first day of a "
            "month or year with date_precision 'month'/'year', or null"
        )
    if record["location"] is not None and not isinstance(record["location"], dict):
        return f"location {_shown(record['location'])} is not an object or null"
    if not isinstance(record["explanation"], dict):
        return f"explanation {_shown(record['explanation'])} is not an object (use {{}} for none)"
    return None


def _jsonl(n: int, line: str) -> Imported | Skipped:
    try:
        record = json.loads(line)
        stats = {k: int(record.pop(k, 1)) for k in ("num_mentions", "num_articles", "num_sources")}
        cluster_id = record.pop("cluster_id", None)
        record.pop("dataset", None)
        _ = record["event_id"], record["cameo"]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return Skipped(n, f"not an event record: {exc}")
    problem = record_problem(record)
    if problem:
        return Skipped(n, f"not an event record: {problem}")
    return Imported(
        record,
        num_mentions=stats["num_mentions"],
        num_articles=stats["num_articles"],
        num_sources=stats["num_sources"],
        cluster_id=cluster_id,
    )


def _actor(
    code: str, country: str | None, sectors: list[str], name: str | None, text: str | None = None
) -> dict[str, Any]:
    return {
        "code": code,
        "country": country or None,
        "sectors": sectors,
        "name": name or None,
        "text": text if text is not None else (name or ""),
        "start": None,
        "end": None,
    }


def _record(
    dataset: str,
    native_id: str,
    cameo: str,
    *,
    date: dt.date | None,
    actors: list[dict[str, Any]],
    recipients: list[dict[str, Any]],
    article_id: str = "",
    sentence_index: int = 0,
    sentence: str = "",
    location: dict[str, Any] | None = None,
    plover: str | None = None,
    plover_mode: str | None = None,
    contexts: list[str] | None = None,
    goldstein: float | None = None,
    quad_class: int | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    code = cameo_code(cameo)
    return {
        "event_id": f"{dataset}:{native_id}",
        "article_id": article_id or f"{dataset}:{native_id}",
        "sentence_index": sentence_index,
        "sentence": sentence,
        "trigger": {"text": "", "start": None, "end": None},
        "plover": plover if plover is not None else code.plover,
        "plover_mode": plover_mode if plover is not None else code.plover_mode,
        "plover_contexts": contexts if contexts is not None else list(code.plover_contexts),
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "goldstein": goldstein if goldstein is not None else code.goldstein,
        "quad_class": quad_class if quad_class is not None else code.quad_class,
        "actors": actors,
        "recipients": recipients,
        "factual": True,
        "modality": "asserted",
        "date": date.isoformat() if date else None,
        "date_precision": "day" if date else None,
        "date_text": None,
        "location": location,
        "explanation": {"imported": {"dataset": dataset, **(extra or {})}},
    }


def _gdelt_actor(row: list[str], start: int) -> list[dict[str, Any]]:
    code, name, country = row[start], row[start + 1], row[start + 2]
    if not code:
        return []
    sectors = [s for s in row[start + 7 : start + 10] if s]
    return [_actor(code, country, sectors, name.title() if name else None, name)]


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


def _int(value: str) -> int | None:
    return int(float(value)) if value.strip() else None


def _gdelt(row: list[str]) -> Imported:
    geo = row[51:59]
    gtype, name, fips, _adm1, _adm2, lat, lon, feature = geo
    location = None
    if gtype or name:
        precision = {"1": "country", "2": "admin1", "5": "admin1", "3": "city", "4": "city"}
        location = {
            "name": name,
            "country": fips_to_iso3().get(fips),
            "admin1": None,
            "lat": _float(lat),
            "lon": _float(lon),
            "geonameid": int(feature) if feature.isdigit() else None,
            "precision": precision.get(gtype, "point"),
            "text": name,
            "start": None,
            "end": None,
        }
    record = _record(
        "gdelt",
        row[0],
        row[26],
        date=dt.datetime.strptime(row[1], "%Y%m%d").date() if row[1] else None,
        actors=_gdelt_actor(row, 5),
        recipients=_gdelt_actor(row, 15),
        article_id=row[60],
        location=location,
        goldstein=_float(row[30]),
        quad_class=_int(row[29]),
        extra={"is_root_event": row[25] == "1", "date_added": row[59]},
    )
    return Imported(
        record,
        num_mentions=_int(row[31]) or 1,
        num_sources=_int(row[32]) or 1,
        num_articles=_int(row[33]) or 1,
        raw=row,
    )


@functools.cache
def _country_names() -> dict[str, str]:
    from thucydides.dictionaries.actors import DATA_DIR, load_countries

    names: dict[str, str] = {}
    for iso3, (country, _) in load_countries(DATA_DIR / "countries.csv").items():
        for name in (country.name, *country.aliases, iso3):
            names[name.casefold()] = iso3
    return names


def _iso3(name: str) -> str | None:
    return _country_names().get(name.strip().casefold()) if name.strip() else None


def _sectors(text: str) -> list[str]:
    found: list[str] = []
    for part in text.replace(";", ",").split(","):
        for word, code in SECTOR_WORDS.items():
            if word in part.casefold() and code not in found:
                found.append(code)
                break
    return found


def _named_actor(name: str, country_name: str, sector_text: str) -> list[dict[str, Any]]:
    if not name.strip():
        return []
    country = _iso3(country_name)
    sectors = _sectors(sector_text)
    code = (country or "---") + (sectors[0] if sectors else "")
    return [_actor(code, country, sectors, name)]


def _place(
    name: str, country_name: str, admin1: str, lat: str, lon: str, precision: str
) -> dict[str, Any] | None:
    if not (name or country_name):
        return None
    return {
        "name": name or country_name,
        "country": _iso3(country_name),
        "admin1": admin1 or None,
        "lat": _float(lat),
        "lon": _float(lon),
        "geonameid": None,
        "precision": precision if name else "country",
        "text": name or country_name,
        "start": None,
        "end": None,
    }


def _icews(row: dict[str, str]) -> Imported:
    cameo = row["CAMEO Code"].strip().zfill(3)
    record = _record(
        "icews",
        f"{row['Event ID']}-{row['Event Date']}",
        cameo,
        date=dt.date.fromisoformat(row["Event Date"]),
        actors=_named_actor(row["Source Name"], row["Source Country"], row["Source Sectors"]),
        recipients=_named_actor(row["Target Name"], row["Target Country"], row["Target Sectors"]),
        article_id=f"icews-story:{row['Story ID']}",
        sentence_index=max((_int(row["Sentence Number"]) or 1) - 1, 0),
        location=_place(
            row["City"] or row["District"] or row["Province"],
            row["Country"],
            row["Province"],
            row["Latitude"],
            row["Longitude"],
            "city" if row["City"] else "admin1",
        ),
        extra={"intensity": _float(row["Intensity"]), "publisher": row["Publisher"]},
    )
    return Imported(record, raw=[row[c] for c in ICEWS_COLUMNS])


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


def _polecat_party(row: dict[str, str], role: str) -> list[dict[str, Any]]:
    name = row[f"{role} Name"]
    if not name.strip():
        return []
    country = row[f"{role} Country"].strip() or None
    if country and len(country) != 3:
        country = _iso3(country)
    sectors = _split(row[f"{role} Sectors"]) or _split(row[f"Primary {role} Sector"])
    code = name if name.isupper() and name.isalpha() else (country or "---") + "".join(sectors[:1])
    return [_actor(code, country, sectors, None if name == code else name, row[f"{role} Name Raw"])]


def _polecat(row: dict[str, str]) -> Imported:
    plover = row["Event Type"].strip().upper()
    mode = row["Event Mode"].strip().lower() or None
    cameo = cameo_for_plover(plover, mode)
    place_name = row["Placename"]
    location = None
    if place_name or row["Country"]:
        location = {
            "name": place_name or row["Country"],
            "country": row["Country"] if len(row["Country"]) == 3 else _iso3(row["Country"]),
            "admin1": row["Province"] or None,
            "lat": _float(row["Latitude"]),
            "lon": _float(row["Longitude"]),
            "geonameid": _int(row["GeoNames ID"]),
            "precision": "city" if row["City"] else ("admin1" if row["Province"] else "country"),
            "text": row["Raw Placename"] or place_name,
            "start": None,
            "end": None,
        }
    record = _record(
        "polecat",
        row["Event ID"],
        cameo,
        date=dt.date.fromisoformat(row["Event Date"][:10]) if row["Event Date"] else None,
        actors=_polecat_party(row, "Actor"),
        recipients=_polecat_party(row, "Recipient"),
        location=location,
        plover=plover,
        plover_mode=mode,
        contexts=_split(row["Contexts"]),
        goldstein=_float(row["Intensity"]),
        quad_class=_int(row["Quad Code"]),
        extra={"source": row["Source"], "publication_date": row["Publication Date"]},
    )
    return Imported(record, raw=[row[c] for c in POLECAT_COLUMNS])


def _acled_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return dt.datetime.strptime(text.strip(), "%d %B %Y").date()


def _acled(row: dict[str, str]) -> Imported | None:
    cameo = ACLED_TYPES.get(row["event_type"].strip().casefold())
    if cameo is None:
        return None
    country = _iso3(row["country"])

    def party(name: str, inter: str) -> list[dict[str, Any]]:
        if not name.strip():
            return []
        sector = ACLED_INTER.get(inter.strip()) or next(iter(_sectors(inter)), None)
        return [
            _actor((country or "---") + (sector or ""), country, [sector] if sector else [], name)
        ]

    record = _record(
        "acled",
        row["event_id_cnty"],
        cameo,
        date=_acled_date(row["event_date"]),
        actors=party(row["actor1"], row["inter1"]),
        recipients=party(row["actor2"], row["inter2"]),
        sentence=row["notes"],
        location=_place(
            row["location"],
            row["country"],
            row["admin1"],
            row["latitude"],
            row["longitude"],
            "city",
        ),
        extra={
            "event_type": row["event_type"],
            "sub_event_type": row["sub_event_type"],
            "fatalities": _int(row["fatalities"]),
            "source": row["source"],
        },
    )
    return Imported(record, raw=[row[c] for c in ACLED_COLUMNS])
