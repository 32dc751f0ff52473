"""The CAMEO codebook and the PLOVER ontology, read from the CSV tables in ``ontology/data``.

Five plain CSV files, meant to be edited by hand (layout and decisions: docs/ontology.md)::

    cameo_roots.csv       root, name, quad_class
    cameo.csv             code, name, goldstein, in_gdelt, plover, plover_mode, plover_contexts
    plover_types.csv      type, quad, cameo, description
    plover_modes.csv      type, mode, cameo, description
    plover_contexts.csv   context, description

Lines starting with ``#`` and blank lines are ignored; a value containing a comma is quoted.
Every table is checked when it is read: a bad row raises :class:`DataFileError` naming the file,
the line and the fix. :func:`load_ontology` reads a folder of these files (tests feed it broken
copies); the module-level functions use the packaged tables, read once and cached.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType

from thucydides.errors import DataFileError, UnknownCodeError

QUAD_CATEGORIES: Mapping[int, str] = MappingProxyType(
    {
        1: "verbal cooperation",
        2: "material cooperation",
        3: "verbal conflict",
        4: "material conflict",
    }
)
"""QuadClass number → name, shared by CAMEO (GDELT's QuadClass) and PLOVER."""

CAMEO_FILE = "cameo.csv"
ROOTS_FILE = "cameo_roots.csv"
TYPES_FILE = "plover_types.csv"
MODES_FILE = "plover_modes.csv"
CONTEXTS_FILE = "plover_contexts.csv"
DATA_FILES = (CAMEO_FILE, ROOTS_FILE, TYPES_FILE, MODES_FILE, CONTEXTS_FILE)

CAMEO_COLUMNS = (
    "code",
    "name",
    "goldstein",
    "in_gdelt",
    "plover",
    "plover_mode",
    "plover_contexts",
)
ROOT_COLUMNS = ("root", "name", "quad_class")
TYPE_COLUMNS = ("type", "quad", "cameo", "description")
MODE_COLUMNS = ("type", "mode", "cameo", "description")
CONTEXT_COLUMNS = ("context", "description")

# Roots whose codes PLOVER drops: the only codes allowed to have no PLOVER type.
UNMAPPED_ROOTS = frozenset({"01", "02"})

_CODE = re.compile(r"[0-9]{2,4}")
_ROOT = re.compile(r"[0-9]{2}")
_TYPE = re.compile(r"[A-Z]+")
_MODE = re.compile(r"[a-z][a-z_-]*")
_CONTEXT = re.compile(r"[a-z][a-z_]*")
_LEVELS = {2: "root", 3: "base", 4: "sub"}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its Goldstein value, QuadClass and PLOVER equivalent."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_contexts: tuple[str, ...]
    in_gdelt: bool = True

    @property
    def root(self) -> str:
        """The two-digit cue category, e.g. ``"04"`` for ``"043"``."""
        return self.code[:2]

    @property
    def base(self) -> str:
        """The three-digit base code (the root itself for a root code)."""
        return self.code[:3]

    @property
    def level(self) -> str:
        """``"root"``, ``"base"`` or ``"sub"`` (2, 3 or 4 digits)."""
        return _LEVELS[len(self.code)]


@dataclass(frozen=True, slots=True)
class CameoRoot:
    """A CAMEO cue category (two-digit root) and the QuadClass of every code under it."""

    code: str
    name: str
    quad_class: int


@dataclass(frozen=True, slots=True)
class PloverType:
    """A PLOVER event type, its quad category, its modes and its default CAMEO code."""

    name: str
    quad_category: str
    description: str
    modes: tuple[str, ...]
    quad_class: int
    cameo: str


@dataclass(frozen=True, slots=True)
class PloverMode:
    """A mode of a PLOVER event type; ``cameo`` is None when no CAMEO code expresses it."""

    plover_type: str
    name: str
    description: str
    cameo: str | None


@dataclass(frozen=True, slots=True)
class Ontology:
    """All five tables, checked against each other. Look-ups raise :class:`UnknownCodeError`."""

    cameo: Mapping[str, CameoCode]
    roots: Mapping[str, CameoRoot]
    types: Mapping[str, PloverType]
    modes: Mapping[tuple[str, str], PloverMode]
    contexts: Mapping[str, str]

    def code(self, code: str) -> CameoCode:
        """The CAMEO code ``code`` (a string keeping its leading zero, e.g. ``"043"``)."""
        key = str(code).strip()
        found = self.cameo.get(key)
        if found is not None:
            return found
        if key.isdigit() and "0" + key in self.cameo:
            message = (
                f"{key!r} is not a CAMEO event code; did you mean '0{key}'? "
                "CAMEO codes keep their leading zero"
            )
        else:
            message = (
                f"{key!r} is not a CAMEO event code; expected a code such as '043' "
                "(see `thucydides codes`)"
            )
        raise UnknownCodeError(message, code=key)

    def plover_type(self, name: str) -> PloverType:
        """The PLOVER event type ``name`` (case does not matter)."""
        key = str(name).strip().upper()
        found = self.types.get(key)
        if found is None:
            raise UnknownCodeError(
                f"{name!r} is not a PLOVER event type; expected one of {', '.join(self.types)}",
                code=str(name),
            )
        return found

    def cameo_for_plover(self, plover_type: str, mode: str | None = None) -> str:
        """The most general CAMEO code for a PLOVER type, or for a type and mode.

        The code comes from the ``cameo`` column of plover_modes.csv, or of plover_types.csv
        when no mode is given or no CAMEO code expresses the mode. It always maps to
        ``plover_type`` in the codebook; its own mode there may differ from ``mode``.
        """
        ptype = self.plover_type(plover_type)
        if mode is None or not mode.strip():
            return ptype.cameo
        key = mode.strip().lower()
        if key not in ptype.modes:
            if not ptype.modes:
                message = f"{ptype.name} has no modes, so mode {mode!r} cannot be used; pass None"
            else:
                message = (
                    f"{mode!r} is not a mode of {ptype.name}; "
                    f"expected one of {', '.join(ptype.modes)}"
                )
            raise UnknownCodeError(message, code=mode)
        return self.modes[(ptype.name, key)].cameo or ptype.cameo


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]


def _read_table(source: Traversable, columns: Sequence[str]) -> tuple[str, list[_Row]]:
    """Rows of one CSV table, with physical line numbers; checks header and field counts."""
    path = str(source)
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(path, None, "file is missing; every ontology table is needed") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(
            path, None, f"not UTF-8 text ({exc.reason}); save it as UTF-8"
        ) from None
    header = ",".join(columns)
    rows: list[_Row] = []
    seen_header = False
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in next(csv.reader([line]))]
        if not seen_header:
            if fields != list(columns):
                raise DataFileError(
                    path, number, f"the header must be {header!r}; found {line.strip()!r}"
                )
            seen_header = True
            continue
        if len(fields) != len(columns):
            raise DataFileError(
                path,
                number,
                f"expected {len(columns)} fields ({header}), found {len(fields)}; "
                "quote a value that contains a comma",
            )
        rows.append(_Row(number, dict(zip(columns, fields, strict=True))))
    if not seen_header:
        raise DataFileError(path, None, f"no header line; the first row must be {header!r}")
    return path, rows


def _need(path: str, row: _Row, column: str, what: str) -> str:
    value = row[column]
    if not value:
        raise DataFileError(path, row.line, f"{column} is empty; {what}")
    return value


def _no_duplicate(path: str, row: _Row, key: str, seen: dict[str, int], what: str) -> None:
    if key in seen:
        raise DataFileError(
            path, row.line, f"{what} is already on line {seen[key]}; keep one row for it"
        )
    seen[key] = row.line


def _read_contexts(source: Traversable) -> dict[str, str]:
    path, rows = _read_table(source, CONTEXT_COLUMNS)
    seen: dict[str, int] = {}
    contexts: dict[str, str] = {}
    for row in rows:
        name = _need(path, row, "context", "every row names a context, e.g. 'military'")
        if not _CONTEXT.fullmatch(name):
            raise DataFileError(
                path,
                row.line,
                f"context {name!r} must be lower-case letters and '_', e.g. 'human_rights'",
            )
        _no_duplicate(path, row, name, seen, f"context {name!r}")
        contexts[name] = _need(path, row, "description", "describe the context in one line")
    return contexts


@dataclass(frozen=True, slots=True)
class _TypeRow:
    line: int
    name: str
    quad: int
    cameo: str
    description: str


def _read_types(source: Traversable) -> tuple[str, list[_TypeRow]]:
    path, rows = _read_table(source, TYPE_COLUMNS)
    seen: dict[str, int] = {}
    types: list[_TypeRow] = []
    for row in rows:
        name = _need(path, row, "type", "every row names a PLOVER type, e.g. 'CONSULT'")
        if not _TYPE.fullmatch(name):
            raise DataFileError(
                path, row.line, f"type {name!r} must be upper-case letters, e.g. 'CONSULT'"
            )
        _no_duplicate(path, row, name, seen, f"type {name!r}")
        quad = row["quad"]
        if quad not in {"1", "2", "3", "4"}:
            raise DataFileError(
                path,
                row.line,
                f"quad {quad!r} must be 1, 2, 3 or 4 "
                "(verbal/material cooperation, verbal/material conflict)",
            )
        cameo = _need(path, row, "cameo", f"give the CAMEO code used for {name}, e.g. '040'")
        description = _need(path, row, "description", f"describe {name} in one line")
        types.append(_TypeRow(row.line, name, int(quad), cameo, description))
    return path, types


def _read_modes(
    source: Traversable, type_names: Sequence[str]
) -> tuple[str, dict[tuple[str, str], tuple[int, PloverMode]]]:
    path, rows = _read_table(source, MODE_COLUMNS)
    seen: dict[str, int] = {}
    modes: dict[tuple[str, str], tuple[int, PloverMode]] = {}
    for row in rows:
        ptype = _need(path, row, "type", "every row names a PLOVER type, e.g. 'CONSULT'")
        if ptype not in type_names:
            raise DataFileError(
                path, row.line, f"type {ptype!r} is not in {TYPES_FILE}; add it there first"
            )
        mode = _need(path, row, "mode", "every row names a mode, e.g. 'visit'")
        if not _MODE.fullmatch(mode):
            raise DataFileError(
                path,
                row.line,
                f"mode {mode!r} must be lower-case letters, '-' and '_', e.g. 'third-party'",
            )
        _no_duplicate(path, row, f"{ptype}/{mode}", seen, f"mode {mode!r} of {ptype}")
        description = _need(path, row, "description", f"describe the mode {mode!r} in one line")
        modes[(ptype, mode)] = (
            row.line,
            PloverMode(ptype, mode, description, row["cameo"] or None),
        )
    return path, modes


def _read_roots(source: Traversable) -> dict[str, CameoRoot]:
    path, rows = _read_table(source, ROOT_COLUMNS)
    seen: dict[str, int] = {}
    roots: dict[str, CameoRoot] = {}
    for row in rows:
        root = _need(path, row, "root", "every row names a two-digit root, e.g. '04'")
        if not _ROOT.fullmatch(root):
            raise DataFileError(
                path, row.line, f"root {root!r} must be two digits with the leading zero, e.g. '04'"
            )
        _no_duplicate(path, row, root, seen, f"root {root!r}")
        name = _need(path, row, "name", "give the root a short label")
        quad = row["quad_class"]
        if quad not in {"1", "2", "3", "4"}:
            raise DataFileError(
                path, row.line, f"quad_class {quad!r} must be 1, 2, 3 or 4 (GDELT's QuadClass)"
            )
        roots[root] = CameoRoot(root, name, int(quad))
    return roots


def _goldstein(path: str, row: _Row) -> float:
    text = _need(path, row, "goldstein", "write GDELT's Goldstein value for the code, e.g. -4.5")
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise DataFileError(
            path, row.line, f"goldstein {text!r} is not a number; write GDELT's value, e.g. -4.5"
        )
    if not -10.0 <= value <= 10.0:
        raise DataFileError(
            path,
            row.line,
            f"goldstein {text} is outside -10..10; write GDELT's value for the code",
        )
    return value


def _read_cameo(
    source: Traversable,
    roots: Mapping[str, CameoRoot],
    types: Mapping[str, tuple[str, ...]],
    contexts: Mapping[str, str],
) -> dict[str, CameoCode]:
    path, rows = _read_table(source, CAMEO_COLUMNS)
    seen: dict[str, int] = {}
    codes: dict[str, CameoCode] = {}
    for row in rows:
        code = _need(path, row, "code", "every row needs a CAMEO code, e.g. '043'")
        if not _CODE.fullmatch(code):
            raise DataFileError(
                path,
                row.line,
                f"code {code!r} is not 2, 3 or 4 digits; "
                "write it with its leading zero, e.g. '043'",
            )
        _no_duplicate(path, row, code, seen, f"code {code!r}")
        root = roots.get(code[:2])
        if root is None:
            raise DataFileError(
                path,
                row.line,
                f"code {code!r} has root {code[:2]!r}, which is not in {ROOTS_FILE}; "
                "fix the code (keep its leading zero) or add the root there",
            )
        name = _need(path, row, "name", "give the code a short label")
        goldstein = _goldstein(path, row)
        in_gdelt = row["in_gdelt"]
        if in_gdelt not in {"yes", "no"}:
            raise DataFileError(
                path,
                row.line,
                f"in_gdelt {in_gdelt!r} must be 'yes' or 'no' (does GDELT's code list have it?)",
            )
        plover, mode, context_list = _plover_fields(path, row, code, types, contexts)
        codes[code] = CameoCode(
            code=code,
            name=name,
            goldstein=goldstein,
            quad_class=root.quad_class,
            plover=plover,
            plover_mode=mode,
            plover_contexts=context_list,
            in_gdelt=in_gdelt == "yes",
        )
    for code in codes:
        parent = code[:-1] if len(code) == 4 else code[:2]
        if len(code) > 2 and parent not in codes:
            raise DataFileError(
                path,
                seen[code],
                f"code {code!r} has no row for its {_LEVELS[len(parent)]} code {parent!r}; "
                "add that row too",
            )
    return codes


def _plover_fields(
    path: str,
    row: _Row,
    code: str,
    types: Mapping[str, tuple[str, ...]],
    contexts: Mapping[str, str],
) -> tuple[str | None, str | None, tuple[str, ...]]:
    plover, mode = row["plover"], row["plover_mode"]
    context_list = tuple(c.strip() for c in row["plover_contexts"].split(";") if c.strip())
    if not plover:
        if code[:2] not in UNMAPPED_ROOTS:
            raise DataFileError(
                path,
                row.line,
                f"code {code!r} has no PLOVER type; only roots 01 and 02 may leave plover empty",
            )
        if mode or context_list:
            raise DataFileError(
                path,
                row.line,
                "plover_mode and plover_contexts need a PLOVER type; fill plover or clear them",
            )
        return None, None, ()
    if plover not in types:
        raise DataFileError(
            path,
            row.line,
            f"PLOVER type {plover!r} is not in {TYPES_FILE}; use one of {', '.join(types)}",
        )
    allowed = types[plover]
    if mode and mode not in allowed:
        if not allowed:
            message = f"{plover} has no modes; leave plover_mode empty (found {mode!r})"
        else:
            message = (
                f"{mode!r} is not a mode of {plover}; use one of {', '.join(allowed)} "
                "or leave it empty"
            )
        raise DataFileError(path, row.line, message)
    for context in context_list:
        if context not in contexts:
            raise DataFileError(
                path,
                row.line,
                f"PLOVER context {context!r} is not in {CONTEXTS_FILE}; "
                "check the spelling or add it there",
            )
    if len(set(context_list)) != len(context_list):
        raise DataFileError(path, row.line, "a PLOVER context is listed twice; list each once")
    return plover, mode or None, context_list


def _check_default_code(
    path: str, line: int, cameo: str, plover_type: str, codes: Mapping[str, CameoCode]
) -> None:
    found = codes.get(cameo)
    if found is None:
        raise DataFileError(
            path, line, f"cameo {cameo!r} is not in {CAMEO_FILE}; give a code of type {plover_type}"
        )
    if found.plover != plover_type:
        raise DataFileError(
            path,
            line,
            f"cameo {cameo!r} maps to {found.plover or 'no PLOVER type'} in {CAMEO_FILE}, "
            f"not {plover_type}; give a code of type {plover_type}",
        )


def load_ontology(directory: Traversable | str) -> Ontology:
    """Read and check the five ontology tables in ``directory``.

    Raises :class:`DataFileError` (file, line, fix) on the first bad row.
    """
    folder: Traversable = Path(directory) if isinstance(directory, str) else directory
    contexts = _read_contexts(folder / CONTEXTS_FILE)
    types_path, type_rows = _read_types(folder / TYPES_FILE)
    modes_path, mode_rows = _read_modes(folder / MODES_FILE, [t.name for t in type_rows])
    modes_of = {
        t.name: tuple(mode for (ptype, mode) in mode_rows if ptype == t.name) for t in type_rows
    }
    roots = _read_roots(folder / ROOTS_FILE)
    codes = _read_cameo(folder / CAMEO_FILE, roots, modes_of, contexts)
    for t in type_rows:
        _check_default_code(types_path, t.line, t.cameo, t.name, codes)
    for line, mode in mode_rows.values():
        if mode.cameo is not None:
            _check_default_code(modes_path, line, mode.cameo, mode.plover_type, codes)
    types = {
        t.name: PloverType(
            name=t.name,
            quad_category=QUAD_CATEGORIES[t.quad],
            description=t.description,
            modes=modes_of[t.name],
            quad_class=t.quad,
            cameo=t.cameo,
        )
        for t in type_rows
    }
    return Ontology(
        cameo=MappingProxyType(codes),
        roots=MappingProxyType(roots),
        types=MappingProxyType(types),
        modes=MappingProxyType({key: mode for key, (_, mode) in mode_rows.items()}),
        contexts=MappingProxyType(contexts),
    )


def data_directory() -> Traversable:
    """Where the packaged tables live (works from a source tree and from an installed wheel)."""
    return resources.files("thucydides.ontology").joinpath("data")


@functools.cache
def default_ontology() -> Ontology:
    """The packaged ontology, read and checked once per process."""
    return load_ontology(data_directory())


# --------------------------------------------------------------------------- public look-ups


def cameo_code(code: str) -> CameoCode:
    """The CAMEO code ``code``, e.g. ``cameo_code("043").plover == "CONSULT"``.

    Raises :class:`UnknownCodeError` for a code the codebook does not have.
    """
    return default_ontology().code(code)


def cameo_codes() -> Mapping[str, CameoCode]:
    """Every CAMEO code (roots, base codes, sub-codes), in codebook order."""
    return default_ontology().cameo


def cameo_roots() -> Mapping[str, CameoRoot]:
    """The 20 CAMEO roots with GDELT's QuadClass."""
    return default_ontology().roots


def plover_types() -> Mapping[str, PloverType]:
    """The 16 PLOVER event types, in ontology order."""
    return default_ontology().types


def plover_type(name: str) -> PloverType:
    """One PLOVER event type; raises :class:`UnknownCodeError` when there is no such type."""
    return default_ontology().plover_type(name)


def plover_modes() -> Mapping[tuple[str, str], PloverMode]:
    """Every PLOVER mode, keyed by ``(type, mode)``."""
    return default_ontology().modes


def plover_contexts() -> Mapping[str, str]:
    """PLOVER context → one-line description."""
    return default_ontology().contexts


def cameo_for_plover(plover_type: str, mode: str | None = None) -> str:
    """The most general CAMEO code for a PLOVER type (and mode).

    See :meth:`Ontology.cameo_for_plover`; raises :class:`UnknownCodeError` for an unknown
    type or a mode the type does not have.
    """
    return default_ontology().cameo_for_plover(plover_type, mode)
