"""The actor dictionaries load, validate, and agree with the CAMEO reference tables in ../shared."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from thucydides.dictionaries import actors as actors_module
from thucydides.dictionaries.actors import (
    DATA_DIR,
    default_dictionary,
    first_word,
    load_actor_dictionary,
)
from thucydides.errors import DataFileError

SHARED = Path(__file__).resolve().parents[3] / "shared" / "reference" / "actors"


def test_bundled_dictionaries_load() -> None:
    d = default_dictionary()
    assert len(d.countries) >= 249
    assert d.countries["TUR"].name == "Turkey"
    assert d.people["Recep Tayyip Erdogan"].roles[-1].role == "president"


@pytest.mark.parametrize(
    ("surface", "meaning"),
    [
        ("Syria", ("country", "SYR")),
        ("Syrian Arab Republic", ("country", "SYR")),
        ("Türkiye", ("country", "TUR")),
        ("Turkish", ("country", "TUR")),
        ("U.S.", ("country", "USA")),
        ("America", ("country", "USA")),
        ("British", ("country", "GBR")),
        ("Saudi", ("country", "SAU")),
        ("Chinese", ("country", "CHN")),
        ("the Kremlin", ("seat", "RUS")),
        ("Downing Street", ("seat", "GBR")),
        ("Ankara", ("seat", "TUR")),
        ("NATO", ("group", "NATO")),
        ("Islamic State", ("group", "ISIS")),
        ("Erdoğan", ("person", "Recep Tayyip Erdogan")),
    ],
)
def test_lookup(surface: str, meaning: tuple[str, str]) -> None:
    entry = default_dictionary().lookup(surface)
    assert entry is not None and entry.meaning == meaning


@pytest.mark.parametrize("surface", ["us", "turkey", "chad", "the weather", "it"])
def test_lookup_case_rules(surface: str) -> None:
    assert default_dictionary().lookup(surface) is None


@pytest.mark.parametrize("kept", [1, 3, 1 << 16])
def test_remembered_answers_match_fresh_ones(monkeypatch: pytest.MonkeyPatch, kept: int) -> None:
    """lookup() and may_start() remember their answers (a bounded memo): asked again, in any
    order and after the memo started over, they answer as a freshly loaded dictionary does."""
    monkeypatch.setattr(actors_module, "_LOOKUPS_KEPT", kept)
    words = ["Syria", "us", "U.S.", "Turkish", "the Kremlin", "the weather", "Erdoğan", "soldier"]
    fresh = load_actor_dictionary()
    expected = [(fresh._lookup(w), first_word(w) in fresh.first_words) for w in words]
    d = load_actor_dictionary()
    for _ in range(2):
        for word, (entry, starts) in zip(
            words + words[::-1], expected + expected[::-1], strict=True
        ):
            assert d.lookup(word) == entry, word
            assert d.may_start(word) is starts, word
        assert len(d._looked_up) <= kept and len(d._may_start) <= kept


def _copy_data(tmp_path: Path) -> Path:
    for name in ("countries.csv", "agents.csv", "groups.csv", "people.csv"):
        (tmp_path / name).write_text((DATA_DIR / name).read_text(encoding="utf-8"), "utf-8")
    return tmp_path


HEADERS = {
    "countries.csv": "iso3,name,aliases,adjectives,seats",
    "agents.csv": "term,cameo,plover,generic",
    "groups.csv": "id,code,name,aliases,country,sectors,kind",
    "people.csv": "name,aliases,country,sectors,role,start,end",
}


@pytest.mark.parametrize(
    ("file", "row", "message"),
    [
        ("countries.csv", "Tu,Turkland,,,", "ISO3 code 'Tu' must be three capital letters"),
        ("countries.csv", "TUR,Turkey again,,,", "duplicate ISO3 code TUR"),
        ("countries.csv", "XXA,,,,", "empty name"),
        ("countries.csv", "XXA,Freedonia,Syria,,", "'Syria' already means country SYR"),
        ("countries.csv", "XXA,Freedonia", "expected 5 fields"),
        ("agents.csv", "warlord,WLD,REB,", "unknown CAMEO sector code 'WLD'"),
        ("agents.csv", "warlord,REB,XXX,", "unknown PLOVER sector code 'XXX'"),
        ("agents.csv", "warlord,REB,REB,maybe", "generic must be 'yes' or empty"),
        ("agents.csv", "soldier,COP,COP,", "'soldier' already means agent"),
        ("groups.csv", "ZZZ,ZZZREB,Zed Front,,ZZZ,REB,armed", "unknown ISO3 country 'ZZZ'"),
        ("groups.csv", "ZZZ,TURREB,Zed Front,,SYR,REB,armed", "must start with its country SYR"),
        ("groups.csv", "ZZZ,SYRREB,Zed Front,,SYR,REB,gang", "unknown kind 'gang'"),
        ("groups.csv", "SDF,SYRREB,Zed Front,,SYR,REB,armed", "duplicate id SDF"),
        ("people.csv", "A B,,XYZ,GOV,president,2020-01-01,", "unknown country 'XYZ'"),
        (
            "people.csv",
            "A B,,TUR,GOV,president,2020-13-01,",
            "bad date '2020-13-01' in column start",
        ),
        ("people.csv", "A B,,TUR,GOV,president,2020-01-01,2019-01-01", "is before start"),
        ("people.csv", ",,TUR,GOV,president,2020-01-01,", "empty name"),
        (
            "people.csv",
            "A B,Erdogan,TUR,GOV,president,2020-01-01,",
            "'Erdogan' already means person",
        ),
    ],
)
def test_validation_errors(tmp_path: Path, file: str, row: str, message: str) -> None:
    directory = _copy_data(tmp_path)
    path = directory / file
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(row)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_actor_dictionary(directory)
    assert message in str(info.value)
    assert info.value.path == str(path)
    assert info.value.line == len(lines)


def test_bad_header(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    (directory / "agents.csv").write_text("word,code\nsoldier,MIL\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"agents.csv:1: header must be term,cameo,plover"):
        load_actor_dictionary(directory)


def test_headers_documented() -> None:
    for name, header in HEADERS.items():
        lines = [ln for ln in (DATA_DIR / name).read_text("utf-8").splitlines()]
        assert header in lines


def _shared(name: str) -> list[dict[str, str]]:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_iso_country_is_in_our_table() -> None:
    rows = _shared("cameo_country_codes.csv")
    iso = {r["iso3166_alpha3"] for r in rows if re.fullmatch(r"[A-Z]{3}", r["iso3166_alpha3"])}
    ours = set(default_dictionary().countries)
    assert iso - ours == set()
    assert ours - iso <= {"XKX"}  # Kosovo: not in ISO 3166; documented


def test_country_names_agree_with_iso() -> None:
    rows = _shared("cameo_country_codes.csv")
    d = default_dictionary()
    mismatches = []
    for r in rows:
        code, name = r["iso3166_alpha3"], r["iso3166_name"]
        if not code or not name:
            continue
        entry = d.lookup(name.split(",")[0])
        if entry is None or entry.meaning[1] != code:
            mismatches.append((code, name))
    # ISO's official forms ("Bolivia, Plurinational State of") are looked up by their first part;
    # a handful of ISO names are not written that way in news and may stay unknown.
    assert len(mismatches) <= 12, mismatches


def test_group_codes_agree_with_cameo_known_groups() -> None:
    rows = _shared("gdelt_CAMEO_knowngroup.csv")
    full = {r["full_code_in_cameo_manual_table_3_4"] for r in rows}
    d = default_dictionary()
    igo_codes = {
        g.code for g in d.groups.values() if g.kind in ("igo", "ngo") and g.country is None
    }
    # every IGO/NGO code we write that CAMEO also lists is spelled as CAMEO does
    checked = {"IGOUNO", "IGOUNOWHO", "IGOUNOIAE", "IGOEEC", "IGOARL", "IGOASN", "IGOICC", "IGOIMF"}
    assert checked <= full
    assert checked <= igo_codes


def test_sector_codes_are_cameo_or_plover() -> None:
    rows = _shared("cameo_actor_types.csv")
    known = {r["code"] for r in rows}
    d = default_dictionary()
    for agent in d.agents:
        assert set(agent.cameo) <= known, agent
        assert set(agent.plover) <= known, agent
