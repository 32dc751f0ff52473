"""Our ontology tables checked against the reference facts in ../shared/reference.

Goldstein values and QuadClass must equal GDELT's; the CAMEO→PLOVER crosswalk must equal the
2021 crosswalk except for the deliberate, documented differences listed here (docs/ontology.md).
Skipped when the shared folder is not next to the repository.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from thucydides.ontology import cameo_code, cameo_codes, plover_contexts, plover_modes, plover_types

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference"
pytestmark = pytest.mark.skipif(not REFERENCE.is_dir(), reason="shared/reference not available")

Plover = tuple[str | None, str | None, frozenset[str]]


def rows(relative: str) -> list[dict[str, str]]:
    with (REFERENCE / relative).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ours(code: str) -> Plover:
    found = cameo_code(code)
    return found.plover, found.plover_mode, frozenset(found.plover_contexts)


def plover(event: str, mode: str = "", contexts: str = "") -> Plover:
    return event or None, mode or None, frozenset(c for c in contexts.split(";") if c)


# CAMEO codes GDELT never emits (CAMEO extensions / ICEWS-only). Their Goldstein value is the
# parent's, which for 1213 is also ICEWS's value.
NOT_IN_GDELT = {
    "1213": "121",
    "155": "150",
    "176": "170",
    "1834": "183",
    "1951": "195",
    "1952": "195",
}

# Where we deliberately differ from CAMEO2PLOVER-2021: code -> what we use instead.
HUMANITARIAN = "context 'humanitarian' is not a PLOVER context: human_security"
DEMOCRACY = "context 'democracy' is not a PLOVER context: pro_democracy"
DELIBERATE: dict[str, tuple[Plover, str]] = {
    "0333": (plover("AGREE", "", "human_security"), HUMANITARIAN),
    "073": (plover("AID", "", "human_security"), HUMANITARIAN),
    "0863": (plover("RETREAT", "access", "human_security"), HUMANITARIAN),
    "1033": (plover("REQUEST", "assist", "human_security"), HUMANITARIAN),
    "1223": (plover("REJECT", "assist", "human_security"), HUMANITARIAN),
    "1623": (plover("SANCTION", "discontinue", "human_security"), HUMANITARIAN),
    "0811": (plover("CONCEDE", "", "pro_democracy"), DEMOCRACY),
    "0812": (plover("CONCEDE", "", "pro_democracy"), DEMOCRACY),
    "082": (plover("CONCEDE", "", "pro_democracy"), DEMOCRACY),
    "0842": (plover("RETREAT", "", "legal"), "mode 'return' is not a RETREAT mode: none"),
    "085": (plover("RETREAT", "", "economic"), "mode 'ease' was retired: none"),
    "132": (plover("THREATEN", "restrict", "executive"), "mode 'ban' -> restrict"),
    "1321": (plover("THREATEN", "restrict", "human_rights"), "mode 'political' -> restrict"),
    "1322": (plover("THREATEN", "restrict", "pro_autocracy"), "mode 'ban' -> restrict"),
    "1722": (plover("COERCE", "restrict", "pro_autocracy"), "mode 'ban' -> restrict"),
    "1712": (plover("ASSAULT", "destroy", "human_security"), "mode 'seize' is COERCE's: destroy"),
    "175": (
        plover("ASSAULT", "", "repression;pro_autocracy"),
        "'pro_autocracy' is a context, not a mode; violent repression -> repression context",
    ),
    "185": (plover("ASSAULT", "targeted"), "mode 'assassinate' -> targeted"),
    "186": (plover("ASSAULT", "targeted"), "mode 'assassinate' -> targeted"),
    "200": (plover("ASSAULT", "", "military"), "mode 'massacre' is not a mode: none"),
    "202": (plover("ASSAULT", "targeted", "religion_ethnicity"), "mode 'massacre' -> targeted"),
    "201": (plover("ASSAULT", "", "religion_ethnicity"), "mode 'cleansing' is not a mode: none"),
    "203": (plover("ASSAULT", "", "religion_ethnicity"), "mode 'cleansing' is not a mode: none"),
    "105": (plover("REQUEST", "yield", "legal"), "demand to yield is REQUEST yield"),
    "124": (plover("REJECT", "yield"), "refusal to yield is REJECT yield"),
    "1241": (plover("REJECT", "yield", "executive"), "refusal to yield is REJECT yield"),
    "1242": (plover("REJECT", "yield"), "refusal to yield is REJECT yield"),
    "112": (plover("ACCUSE", "allege"), "an accusation is ACCUSE allege"),
    "116": (plover("SANCTION", "convict", "legal"), "a court verdict is SANCTION convict"),
    "163": (
        plover("SANCTION", "discontinue", "diplomatic"),
        "the manual codes international sanctions as SANCTION discontinue",
    ),
    "195": (plover("ASSAULT", "aerial", "military"), "the manual's aerial mode"),
}

# Codes the 2021 crosswalk has no row for (besides roots 01/02, which PLOVER drops).
FILLED: dict[str, Plover] = {
    "155": plover("MOBILIZE", "weapons", "cyber"),
    "176": plover("COERCE", "cyber", "cyber"),
    "1834": plover("ASSAULT", "explosives"),
    "1951": plover("ASSAULT", "aerial", "military"),
    "1952": plover("ASSAULT", "drone", "military"),
}

# Codes whose PLOVER type differs from the manual's root-level table (08 split into 081-083
# CONCEDE and 084-087 RETREAT). All but 116 come from the 2021 crosswalk itself.
NOT_BY_ROOT = {"0813", "0814", "116", "1712", "175", "191", "192"}


def gdelt_goldstein() -> dict[str, float]:
    path = REFERENCE / "cameo" / "source_GDELT_CAMEO.goldsteinscale.txt"
    values: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            code, value = line.split("\t")
            values[code.strip()] = float(value)
    return values


def test_same_codes_as_the_cameo_codebook() -> None:
    assert list(cameo_codes()) == [r["code"] for r in rows("cameo/cameo_event_codes.csv")]


def test_goldstein_equals_gdelt() -> None:
    gdelt = gdelt_goldstein()
    assert len(gdelt) == 311
    wrong = {
        c: (cameo_code(c).goldstein, v) for c, v in gdelt.items() if cameo_code(c).goldstein != v
    }
    assert wrong == {}
    assert {c for c in cameo_codes() if c not in gdelt} == set(NOT_IN_GDELT)


def test_codes_gdelt_lacks_are_flagged_and_take_the_parent_value() -> None:
    for code, parent in NOT_IN_GDELT.items():
        assert not cameo_code(code).in_gdelt
        assert cameo_code(code).goldstein == cameo_code(parent).goldstein
    assert all(c.in_gdelt for c in cameo_codes().values() if c.code not in NOT_IN_GDELT)
    icews = {r["code"]: r["goldstein_icews"] for r in rows("cameo/cameo_event_codes.csv")}
    assert cameo_code("1213").goldstein == float(icews["1213"])


def test_quad_class_equals_gdelt() -> None:
    for row in rows("cameo/cameo_event_codes.csv"):
        assert cameo_code(row["code"]).quad_class == int(row["quad_class_gdelt"]), row["code"]
    for row in rows("cameo/cameo_quadclass_gdelt.csv"):
        assert cameo_code(row["root_code"]).quad_class == int(row["quad_class"])


def test_crosswalk_agrees_with_2021_except_deliberate_differences() -> None:
    reference: dict[str, Plover] = {}
    for row in rows("plover/cameo_to_plover_2021.csv"):
        reference[row["cameo_code"]] = plover(
            row["plover_event"], row["plover_mode"], row["plover_context"]
        )
    assert "1214" in reference and "1214" not in cameo_codes()  # no such CAMEO code
    del reference["1214"]
    differences = {code: ours(code) for code, theirs in reference.items() if ours(code) != theirs}
    assert differences == {code: want for code, (want, _why) in DELIBERATE.items()}
    for code in DELIBERATE:
        assert reference[code] != DELIBERATE[code][0], f"{code} is no longer a difference"


def test_codes_without_a_2021_row() -> None:
    listed = {r["cameo_code"] for r in rows("plover/cameo_to_plover_2021.csv")}
    missing = {c for c in cameo_codes() if c not in listed and c[:2] not in {"01", "02"}}
    roots = {c for c in missing if len(c) == 2}
    assert missing - roots == set(FILLED)
    for code, want in FILLED.items():
        assert ours(code) == want, code
    for root in roots:  # a root takes the values of its general code, e.g. 04 <- 040
        assert ours(root) == ours(root + "0"), root


def test_roots_01_and_02_are_dropped() -> None:
    manual = rows("plover/cameo_to_plover_root_manual.csv")
    assert {r["cameo_root"] for r in manual if r["plover_category"] == "dropped"} == {"01", "02"}
    assert all(c.plover is None for c in cameo_codes().values() if c.root in {"01", "02"})


def test_types_follow_the_manual_root_table() -> None:
    by_root: dict[str, str] = {}
    for row in rows("plover/cameo_to_plover_root_manual.csv"):
        category = row["plover_category"].split()[0].replace("FIGHT", "ASSAULT")
        if "(084" in row["cameo_text"]:
            by_root["08r"] = category
        else:
            by_root.setdefault(row["cameo_root"], category)
    odd = set()
    for code in cameo_codes().values():
        if code.root in {"01", "02"}:
            continue
        key = (
            "08r"
            if code.root == "08" and code.code[2:3] in "4567" and len(code.code) > 2
            else code.root
        )
        if code.plover != by_root[key]:
            odd.add(code.code)
    assert odd == NOT_BY_ROOT


def test_plover_types_agree_with_the_manual() -> None:
    reference = rows("plover/plover_event_types.csv")
    assert list(plover_types()) == [r["event"] for r in reference]
    for row in reference:
        ptype = plover_types()[row["event"]]
        assert ptype.quad_class == int(row["quad_code_section"]), row["event"]
        assert ptype.quad_category == row["quad_category"].lower()
        assert list(ptype.modes) == [m for m in row["modes"].split(";") if m], row["event"]


def test_plover_modes_and_contexts_agree_with_the_manual() -> None:
    assert set(plover_modes()) == {(r["event"], r["mode"]) for r in rows("plover/plover_modes.csv")}
    assert list(plover_contexts()) == [r["context"] for r in rows("plover/plover_contexts.csv")]
