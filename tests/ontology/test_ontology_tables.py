"""The ontology package: loading the packaged tables, look-ups, and the checks on broken tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.errors import DataFileError, UnknownCodeError, UsageError
from thucydides.ontology import (
    DATA_FILES,
    cameo_code,
    cameo_codes,
    cameo_for_plover,
    cameo_roots,
    data_directory,
    load_ontology,
    plover_contexts,
    plover_modes,
    plover_type,
    plover_types,
)

TYPES = [
    *("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    *("COOPERATE", "AID", "RETREAT"),
    *("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    *("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
]
NOT_A_TYPE = f"is not a PLOVER event type; expected one of {', '.join(TYPES)}"
NOT_A_CODE = "is not a CAMEO event code; expected a code such as '043' (see `thucydides codes`)"
NO_ZERO = "CAMEO codes keep their leading zero"

# --------------------------------------------------------------------------- packaged tables


def test_packaged_tables_load_with_expected_sizes() -> None:
    assert len(cameo_codes()) == 317
    assert len(cameo_roots()) == 20
    assert list(plover_types()) == TYPES
    assert len(plover_modes()) == 67
    assert len(plover_contexts()) == 37


def test_tables_are_read_once_and_cannot_be_changed() -> None:
    assert cameo_codes() is cameo_codes()
    with pytest.raises(TypeError):
        cameo_codes()["999"] = cameo_code("043")  # type: ignore[index]


def test_packaged_files_are_reachable_as_resources() -> None:
    folder = data_directory()
    for name in DATA_FILES:
        assert folder.joinpath(name).is_file(), name


def test_host_a_visit() -> None:
    code = cameo_code("043")
    assert code.plover == "CONSULT"
    assert code.plover_mode == "visit"
    assert code.plover_contexts == ()
    assert code.goldstein == 2.8
    assert code.quad_class == 1
    assert (code.root, code.base, code.level) == ("04", "043", "base")
    assert code.in_gdelt


@pytest.mark.parametrize(
    ("code", "root", "base", "level"),
    [("04", "04", "04", "root"), ("190", "19", "190", "base"), ("1823", "18", "182", "sub")],
)
def test_code_parts(code: str, root: str, base: str, level: str) -> None:
    found = cameo_code(code)
    assert (found.root, found.base, found.level) == (root, base, level)


def test_codes_are_strings_with_leading_zero_and_sorted_like_the_codebook() -> None:
    codes = list(cameo_codes())
    assert codes[:3] == ["01", "010", "011"]
    assert codes[-1] == "2042"
    assert all(c.isdigit() and 2 <= len(c) <= 4 for c in codes)


def test_only_roots_01_and_02_lack_a_plover_type() -> None:
    for code in cameo_codes().values():
        if code.root in {"01", "02"}:
            assert code.plover is None and code.plover_mode is None and not code.plover_contexts
        else:
            assert code.plover in TYPES, code.code


@pytest.mark.parametrize(
    ("roots", "quad"),
    [
        (("01", "02", "03", "04", "05"), 1),
        (("06", "07", "08", "09"), 2),
        (("10", "11", "12", "13", "14"), 3),
        (("15", "16", "17", "18", "19", "20"), 4),
    ],
)
def test_quad_class_follows_gdelt_roots(roots: tuple[str, ...], quad: int) -> None:
    for root in roots:
        assert cameo_roots()[root].quad_class == quad
    for code in cameo_codes().values():
        if code.root in roots:
            assert code.quad_class == quad, code.code


@pytest.mark.parametrize(
    ("code", "goldstein", "plover", "mode", "contexts"),
    [
        ("016", -2.0, None, None, ()),
        ("042", 1.9, "CONSULT", "visit", ()),
        ("057", 8.0, "SUPPORT", None, ("diplomatic",)),
        ("0874", 10.0, "RETREAT", "disarm", ("military",)),
        ("091", -2.0, "ACCUSE", "investigate", ("crime", "corruption")),
        ("112", -2.0, "ACCUSE", "allege", ()),
        ("116", -2.0, "SANCTION", "convict", ("legal",)),
        ("138", -7.0, "THREATEN", "violence", ("military",)),
        ("141", -6.5, "PROTEST", "demo", ()),
        ("163", -8.0, "SANCTION", "discontinue", ("diplomatic",)),
        ("173", -5.0, "COERCE", "arrest", ("legal",)),
        ("1712", -9.2, "ASSAULT", "destroy", ("human_security",)),
        ("186", -10.0, "ASSAULT", "targeted", ()),
        ("190", -10.0, "ASSAULT", None, ("military",)),
        ("2042", -10.0, "ASSAULT", "unconventional", ("cbrn",)),
    ],
)
def test_sample_codes(
    code: str, goldstein: float, plover: str | None, mode: str | None, contexts: tuple[str, ...]
) -> None:
    found = cameo_code(code)
    assert (found.goldstein, found.plover, found.plover_mode, found.plover_contexts) == (
        goldstein,
        plover,
        mode,
        contexts,
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("999", f"'999' {NOT_A_CODE}"),
        ("", f"'' {NOT_A_CODE}"),
        ("consult", f"'consult' {NOT_A_CODE}"),
        ("43", f"'43' is not a CAMEO event code; did you mean '043'? {NO_ZERO}"),
        ("4", f"'4' is not a CAMEO event code; did you mean '04'? {NO_ZERO}"),
    ],
)
def test_unknown_cameo_code(value: str, message: str) -> None:
    with pytest.raises(UnknownCodeError) as info:
        cameo_code(value)
    assert str(info.value) == message
    assert info.value.code == value
    assert isinstance(info.value, UsageError)


def test_surrounding_space_is_ignored() -> None:
    assert cameo_code(" 043 ").code == "043"


# --------------------------------------------------------------------------- PLOVER


def test_plover_types_have_quads_modes_and_descriptions() -> None:
    types = plover_types()
    by_quad = {q: [t for t in TYPES if types[t].quad_class == q] for q in (1, 2, 3, 4)}
    assert by_quad == {
        q: TYPES[a:b] for q, (a, b) in enumerate([(0, 4), (4, 7), (7, 11), (11, 16)], 1)
    }
    assert types["SANCTION"].quad_category == "material conflict"
    assert types["CONSULT"].modes == ("visit", "third-party", "multilateral", "phone")
    assert types["AGREE"].modes == ()
    assert all(t.description for t in types.values())
    assert plover_modes()[("CONSULT", "visit")].description
    assert "cbrn" in plover_contexts()


def test_plover_type_lookup() -> None:
    assert plover_type("consult").name == "CONSULT"
    with pytest.raises(UnknownCodeError) as info:
        plover_type("FIGHT")
    assert str(info.value) == f"'FIGHT' {NOT_A_TYPE}"


@pytest.mark.parametrize(
    ("plover", "mode", "cameo"),
    [
        ("CONSULT", None, "040"),
        ("CONSULT", "visit", "042"),
        ("consult", "Phone", "041"),
        ("CONSULT", "multilateral", "040"),  # no CAMEO code for it: the type's code
        ("AGREE", None, "030"),
        ("AGREE", "", "030"),
        ("ACCUSE", None, "110"),
        ("ACCUSE", "allege", "112"),
        ("RETREAT", "release", "0841"),
        ("REQUEST", "yield", "105"),
        ("PROTEST", "strike", "143"),
        ("SANCTION", "convict", "116"),
        ("COERCE", "arrest", "173"),
        ("ASSAULT", None, "180"),
        ("ASSAULT", "targeted", "186"),
        ("ASSAULT", "primitive", "180"),
    ],
)
def test_cameo_for_plover(plover: str, mode: str | None, cameo: str) -> None:
    assert cameo_for_plover(plover, mode) == cameo


def test_cameo_for_plover_always_maps_back_to_the_type() -> None:
    for name, ptype in plover_types().items():
        assert cameo_code(cameo_for_plover(name)).plover == name
        for mode in ptype.modes:
            assert cameo_code(cameo_for_plover(name, mode)).plover == name, (name, mode)


@pytest.mark.parametrize(
    ("plover", "mode", "message"),
    [
        ("FIGHT", None, f"'FIGHT' {NOT_A_TYPE}"),
        (
            "CONSULT",
            "meet",
            "'meet' is not a mode of CONSULT; "
            "expected one of visit, third-party, multilateral, phone",
        ),
        ("AGREE", "visit", "AGREE has no modes, so mode 'visit' cannot be used; pass None"),
    ],
)
def test_cameo_for_plover_errors(plover: str, mode: str | None, message: str) -> None:
    with pytest.raises(UnknownCodeError) as info:
        cameo_for_plover(plover, mode)
    assert str(info.value) == message


# --------------------------------------------------------------------------- broken tables


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A writable copy of the packaged tables."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in DATA_FILES:
        (folder / name).write_text(data_directory().joinpath(name).read_text(encoding="utf-8"))
    return folder


def line_of(path: Path, prefix: str) -> int:
    """1-based number of the first line starting with ``prefix``."""
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if line.startswith(prefix):
            return number
    raise AssertionError(f"no line starting with {prefix!r} in {path.name}")


def edit(path: Path, prefix: str, new: str | None) -> int:
    """Replace (or, with None, delete) the first line starting with ``prefix``; its number."""
    number = line_of(path, prefix)
    lines = path.read_text().splitlines()
    if new is None:
        del lines[number - 1]
    else:
        lines[number - 1] = new
    path.write_text("\n".join(lines) + "\n")
    return number


CAMEO_HEADER = "code,name,goldstein,in_gdelt,plover,plover_mode,plover_contexts"
TYPE_LIST = ", ".join(TYPES)

# (file, line to change (prefix), new line or None to delete, where the error is reported
#  (file, line prefix) or None for the changed line, message)
BROKEN: list[tuple[str, str, str | None, tuple[str, str] | None, str]] = [
    ("cameo.csv", "043,", "043,Receive a visitor,2.8,yes,CONSULT,visit", None,
     f"expected 7 fields ({CAMEO_HEADER}), found 6; quote a value that contains a comma"),
    ("cameo.csv", "043,", "043,Receive, host,2.8,yes,CONSULT,visit,", None,
     f"expected 7 fields ({CAMEO_HEADER}), found 8; quote a value that contains a comma"),
    ("cameo.csv", "043,", ",Receive a visitor,2.8,yes,CONSULT,visit,", None,
     "code is empty; every row needs a CAMEO code, e.g. '043'"),
    ("cameo.csv", "043,", "43,Receive a visitor,2.8,yes,CONSULT,visit,", None,
     "code '43' has root '43', which is not in cameo_roots.csv; "
     "fix the code (keep its leading zero) or add the root there"),
    ("cameo.csv", "043,", "04a,Receive a visitor,2.8,yes,CONSULT,visit,", None,
     "code '04a' is not 2, 3 or 4 digits; write it with its leading zero, e.g. '043'"),
    ("cameo.csv", "043,", "04301,Receive a visitor,2.8,yes,CONSULT,visit,", None,
     "code '04301' is not 2, 3 or 4 digits; write it with its leading zero, e.g. '043'"),
    ("cameo.csv", "043,", "043,,2.8,yes,CONSULT,visit,", None,
     "name is empty; give the code a short label"),
    ("cameo.csv", "043,", "043,Receive a visitor,,yes,CONSULT,visit,", None,
     "goldstein is empty; write GDELT's Goldstein value for the code, e.g. -4.5"),
    ("cameo.csv", "043,", "043,Receive a visitor,high,yes,CONSULT,visit,", None,
     "goldstein 'high' is not a number; write GDELT's value, e.g. -4.5"),
    ("cameo.csv", "043,", "043,Receive a visitor,nan,yes,CONSULT,visit,", None,
     "goldstein 'nan' is not a number; write GDELT's value, e.g. -4.5"),
    ("cameo.csv", "043,", "043,Receive a visitor,2,8,yes,CONSULT,visit,", None,
     f"expected 7 fields ({CAMEO_HEADER}), found 8; quote a value that contains a comma"),
    ("cameo.csv", "043,", "043,Receive a visitor,28,yes,CONSULT,visit,", None,
     "goldstein 28 is outside -10..10; write GDELT's value for the code"),
    ("cameo.csv", "043,", "043,Receive a visitor,-10.5,yes,CONSULT,visit,", None,
     "goldstein -10.5 is outside -10..10; write GDELT's value for the code"),
    ("cameo.csv", "043,", "043,Receive a visitor,2.8,y,CONSULT,visit,", None,
     "in_gdelt 'y' must be 'yes' or 'no' (does GDELT's code list have it?)"),
    ("cameo.csv", "043,", "043,Receive a visitor,2.8,yes,,,", None,
     "code '043' has no PLOVER type; only roots 01 and 02 may leave plover empty"),
    ("cameo.csv", "043,", "043,Receive a visitor,2.8,yes,CONSUL,visit,", None,
     f"PLOVER type 'CONSUL' is not in plover_types.csv; use one of {TYPE_LIST}"),
    ("cameo.csv", "043,", "043,Receive a visitor,2.8,yes,consult,visit,", None,
     f"PLOVER type 'consult' is not in plover_types.csv; use one of {TYPE_LIST}"),
    ("cameo.csv", "043,", "043,Receive a visitor,2.8,yes,CONSULT,host,", None,
     "'host' is not a mode of CONSULT; use one of visit, third-party, multilateral, phone "
     "or leave it empty"),
    ("cameo.csv", "030,", "030,Say it will cooperate,4.0,yes,AGREE,visit,diplomatic", None,
     "AGREE has no modes; leave plover_mode empty (found 'visit')"),
    ("cameo.csv", "011,", "011,Refuse to comment,-0.1,yes,,,diplomatic", None,
     "plover_mode and plover_contexts need a PLOVER type; fill plover or clear them"),
    ("cameo.csv", "073,", "073,Give humanitarian aid,7.4,yes,AID,,humanitarian", None,
     "PLOVER context 'humanitarian' is not in plover_contexts.csv; "
     "check the spelling or add it there"),
    ("cameo.csv", "073,", "073,Give humanitarian aid,7.4,yes,AID,,human_security;human_security",
     None, "a PLOVER context is listed twice; list each once"),
    ("cameo.csv", "031,", None, ("cameo.csv", "0311,"),
     "code '0311' has no row for its base code '031'; add that row too"),
    ("cameo.csv", "04,", None, ("cameo.csv", "040,"),
     "code '040' has no row for its root code '04'; add that row too"),
    ("cameo.csv", "code,", "code,name,goldstein,plover,plover_mode,plover_contexts", None,
     f"the header must be '{CAMEO_HEADER}'; "
     "found 'code,name,goldstein,plover,plover_mode,plover_contexts'"),
    ("cameo_roots.csv", "04,", None, ("cameo.csv", "04,"),
     "code '04' has root '04', which is not in cameo_roots.csv; "
     "fix the code (keep its leading zero) or add the root there"),
    ("cameo_roots.csv", "04,", "04,Consult,5", None,
     "quad_class '5' must be 1, 2, 3 or 4 (GDELT's QuadClass)"),
    ("cameo_roots.csv", "04,", "4,Consult,1", None,
     "root '4' must be two digits with the leading zero, e.g. '04'"),
    ("cameo_roots.csv", "04,", "04,,1", None, "name is empty; give the root a short label"),
    ("plover_types.csv", "CONSULT,", "Consult,1,040,Meetings", None,
     "type 'Consult' must be upper-case letters, e.g. 'CONSULT'"),
    ("plover_types.csv", "CONSULT,", "CONSULT,verbal,040,Meetings", None,
     "quad 'verbal' must be 1, 2, 3 or 4 (verbal/material cooperation, verbal/material conflict)"),
    ("plover_types.csv", "CONSULT,", "CONSULT,1,,Meetings", None,
     "cameo is empty; give the CAMEO code used for CONSULT, e.g. '040'"),
    ("plover_types.csv", "CONSULT,", "CONSULT,1,040,", None,
     "description is empty; describe CONSULT in one line"),
    ("plover_types.csv", "CONSULT,", "CONSULT,1,030,Meetings", None,
     "cameo '030' maps to AGREE in cameo.csv, not CONSULT; give a code of type CONSULT"),
    ("plover_types.csv", "CONSULT,", "CONSULT,1,999,Meetings", None,
     "cameo '999' is not in cameo.csv; give a code of type CONSULT"),
    ("plover_types.csv", "CONSULT,", None, ("plover_modes.csv", "CONSULT,visit,"),
     "type 'CONSULT' is not in plover_types.csv; add it there first"),
    ("plover_modes.csv", "CONSULT,visit,", "CONSULT,Visit,042,Travel", None,
     "mode 'Visit' must be lower-case letters, '-' and '_', e.g. 'third-party'"),
    ("plover_modes.csv", "CONSULT,visit,", "CONSULT,visit,011,Travel", None,
     "cameo '011' maps to no PLOVER type in cameo.csv, not CONSULT; give a code of type CONSULT"),
    ("plover_modes.csv", "CONSULT,visit,", ",visit,042,Travel", None,
     "type is empty; every row names a PLOVER type, e.g. 'CONSULT'"),
    ("plover_modes.csv", "CONSULT,visit,", "CONSULT,visit,042,", None,
     "description is empty; describe the mode 'visit' in one line"),
    ("plover_modes.csv", "CONSULT,visit,", None, ("cameo.csv", "042,"),
     "'visit' is not a mode of CONSULT; use one of third-party, multilateral, phone "
     "or leave it empty"),
    ("plover_contexts.csv", "cbrn,", "CBRN,Weapons of mass destruction", None,
     "context 'CBRN' must be lower-case letters and '_', e.g. 'human_rights'"),
    ("plover_contexts.csv", "cbrn,", "cbrn,", None,
     "description is empty; describe the context in one line"),
    ("plover_contexts.csv", "cbrn,", None, ("cameo.csv", "1385,"),
     "PLOVER context 'cbrn' is not in plover_contexts.csv; check the spelling or add it there"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "prefix", "new", "reported", "message"),
    BROKEN,
    ids=[f"{case[0]}:{case[1]}->{case[2]}" for case in BROKEN],
)
def test_broken_table(
    data: Path,
    name: str,
    prefix: str,
    new: str | None,
    reported: tuple[str, str] | None,
    message: str,
) -> None:
    number = edit(data / name, prefix, new)
    if reported is None:
        where = data / name
    else:
        where = data / reported[0]
        number = line_of(where, reported[1])
    with pytest.raises(DataFileError) as info:
        load_ontology(data)
    assert str(info.value) == f"{where}:{number}: {message}"
    assert (info.value.path, info.value.line) == (str(where), number)


@pytest.mark.parametrize(
    ("name", "original", "copy"),
    [
        ("cameo.csv", "043,", "044,Receive a visitor,2.8,yes,CONSULT,visit,"),
        ("cameo_roots.csv", "04,", "05,Consult,1"),
        ("plover_types.csv", "AGREE,", "CONSULT,1,040,Meetings"),
        ("plover_modes.csv", "CONSULT,visit,", "CONSULT,phone,041,Calls"),
        ("plover_contexts.csv", "military,", "cbrn,Weapons"),
    ],
)
def test_duplicate_rows(data: Path, name: str, original: str, copy: str) -> None:
    first = line_of(data / name, original)
    what = {
        "cameo.csv": "code '044'",
        "cameo_roots.csv": "root '05'",
        "plover_types.csv": "type 'CONSULT'",
        "plover_modes.csv": "mode 'phone' of CONSULT",
        "plover_contexts.csv": "context 'cbrn'",
    }[name]
    # The copy goes right after the original, so the original's twin comes later in the file.
    lines = (data / name).read_text().splitlines()
    lines.insert(first, copy)
    (data / name).write_text("\n".join(lines) + "\n")
    twin = copy.split(",")[0] + ","
    if name == "plover_modes.csv":
        twin = "CONSULT,phone,"
    earlier, later = sorted(n for n, line in enumerate(lines, start=1) if line.startswith(twin))
    with pytest.raises(DataFileError) as info:
        load_ontology(data)
    assert str(info.value) == (
        f"{data / name}:{later}: {what} is already on line {earlier}; keep one row for it"
    )


def test_missing_file(data: Path) -> None:
    (data / "plover_contexts.csv").unlink()
    with pytest.raises(DataFileError) as info:
        load_ontology(data)
    assert str(info.value) == (
        f"{data / 'plover_contexts.csv'}: file is missing; every ontology table is needed"
    )
    assert info.value.line is None


def test_not_utf8(data: Path) -> None:
    (data / "cameo_roots.csv").write_bytes(b"root,name,quad_class\n04,Consult\xe9,1\n")
    with pytest.raises(DataFileError) as info:
        load_ontology(data)
    assert str(info.value) == (
        f"{data / 'cameo_roots.csv'}: not UTF-8 text (invalid continuation byte); save it as UTF-8"
    )


def test_only_comments(data: Path) -> None:
    (data / "plover_contexts.csv").write_text("# nothing here\n\n")
    with pytest.raises(DataFileError) as info:
        load_ontology(data)
    assert str(info.value) == (
        f"{data / 'plover_contexts.csv'}: no header line; the first row must be "
        "'context,description'"
    )


def test_comments_blank_lines_quotes_and_bom_are_accepted(data: Path) -> None:
    path = data / "cameo_roots.csv"
    path.write_text(
        "\ufeff# roots\n\n" + path.read_text().replace("04,Consult,1", '04,"Consult, meet",1')
    )
    ontology = load_ontology(str(data))
    assert ontology.roots["04"].name == "Consult, meet"
    assert ontology.code("043").quad_class == 1


def test_edited_table_changes_lookups(data: Path) -> None:
    edit(data / "cameo.csv", "016,", "016,Deny responsibility,-5.0,yes,REJECT,,")
    ontology = load_ontology(data)
    assert ontology.code("016").plover == "REJECT"
    assert ontology.code("016").goldstein == -5.0
