"""Import PETRARCH/TABARI actor and agent dictionaries into the knowledge base.

Users of PETRARCH-2 and TABARI have years of curation in two text formats, which this module reads:

* **actors**: ``NAME [CODE]`` lines; ``+SYNONYM`` lines add names to the entry above; codes may sit
  on their own indented lines and carry date restrictions: ``[HOB <950601]`` (before),
  ``[HOBREB >990816]`` (from), ``[HOBGOV 19950601-19990815]`` (between; dates YYMMDD or
  YYYYMMDD). Words are joined by ``_`` or spaces; a name without a trailing ``_`` also matches longer
  words ("BULGAR" matches "Bulgarian"). ``#`` starts a comment; ``<!-- ... -->`` blocks are skipped.
* **agents**: ``TERM {PLURALS} [~CODE]`` (code after the actor's) or ``[CODE~]`` (before);
  ``!MACRO! = A, B`` defines a substitution used as ``!MACRO!`` inside later terms.

:func:`read_petrarch` turns files into :class:`Imported` entries; :func:`write_imported` writes
them as the two CSV files that :func:`thucydides.dictionaries.actors.load_actor_dictionary` reads
from an extra folder (``$THUCYDIDES_ACTORS``). Unreadable lines are reported with their line number,
and the rest is imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from thucydides.dictionaries.actors import IMPORTED_ACTORS, IMPORTED_AGENTS
from thucydides.errors import DataFileError

__all__ = ["Imported", "ImportedAgentRow", "ImportedCode", "read_petrarch", "write_imported"]

_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^\s*(![A-Z0-9_-]+!)\s*=\s*(.+)$")
_PLURALS = re.compile(r"\{([^}]*)\}")
_RANGE = re.compile(r"^(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})$")


@dataclass(frozen=True, slots=True)
class ImportedCode:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None  # exclusive


@dataclass(slots=True)
class Imported:
    """One actor entry: its names and its (dated) codes, with where it came from."""

    names: list[str]
    codes: list[ImportedCode] = field(default_factory=list)
    stem: bool = False
    origin: str = ""


@dataclass(frozen=True, slots=True)
class ImportedAgentRow:
    term: str
    code: str
    prefix: bool
    origin: str


@dataclass(slots=True)
class ImportResult:
    actors: list[Imported] = field(default_factory=list)
    agents: list[ImportedAgentRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "file:line: what was skipped"


def read_petrarch(paths: Iterable[Path]) -> ImportResult:
    """Read PETRARCH/TABARI dictionaries; a file with agent codes (``[~GOV]``) is read as agents."""
    result = ImportResult()
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise DataFileError(str(path), None, f"cannot read the file: {exc}") from exc
        lines = list(_content_lines(text))
        if any("~" in block for _, line in lines for block in _CODE_BLOCK.findall(line)):
            _read_agents(path, lines, result)
        else:
            _read_actors(path, lines, result)
    return result


def _content_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line without comments) for lines outside ``<!-- -->`` blocks."""
    in_block = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_block:
            if "-->" in line:
                in_block = False
                line = line.split("-->", 1)[1]
            else:
                continue
        start = re.search(r"<!\s*--", line)
        if start:
            if "-->" not in line[start.end() :]:
                in_block = True
            line = line[: start.start()]
        line = line.split("#", 1)[0]
        if line.strip():
            yield number, line.rstrip()


def _name(words: str) -> tuple[str, bool]:
    """('Minas Tirith', stem) from 'MINAS_TIRITH' / 'ARGENTIN' (stem: no trailing '_')."""
    raw = words.strip()
    stem = not raw.endswith("_") and " " not in raw and "_" not in raw
    cleaned = re.sub(r"[_\s]+", " ", raw).strip()
    return cleaned.title() if cleaned.isupper() else cleaned, stem and len(cleaned) >= 4


def _date(value: str) -> dt.date:
    if len(value) == 6:
        year = int(value[:2])
        value = f"{1900 + year if year >= 30 else 2000 + year}{value[2:]}"
    return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def _code(block: str) -> ImportedCode:
    """'HOB < 950601', 'HOBGOV 19950601 - 19990815', 'HOBREB >990816', 'ISR'."""
    block = block.strip()
    match = re.match(r"^([A-Za-z0-9\-+/]*)\s*(.*)$", block)
    if not match:
        raise ValueError(f"unreadable code block [{block}]")
    code, restriction = match.group(1).upper(), match.group(2).strip()
    if not restriction:
        return ImportedCode(code)
    if restriction.startswith("<"):
        return ImportedCode(code, None, _date(restriction[1:].strip()))
    if restriction.startswith(">"):
        return ImportedCode(code, _date(restriction[1:].strip()), None)
    span = _RANGE.match(restriction)
    if span:
        return ImportedCode(code, _date(span.group(1)), _date(span.group(2)) + dt.timedelta(days=1))
    raise ValueError(f"unreadable date restriction {restriction!r} in [{block}]")


def _read_actors(path: Path, lines: list[tuple[int, str]], result: ImportResult) -> None:
    current: Imported | None = None
    for number, line in lines:
        where = f"{path}:{number}"
        stripped = line.strip()
        blocks = _CODE_BLOCK.findall(stripped)
        head = _CODE_BLOCK.sub("", stripped).strip()
        if stripped.startswith("+") and current is not None:
            name, _ = _name(head[1:])
            if name:
                current.names.append(name)
            continue
        if head and not line[:1].isspace():
            current = Imported([], origin=where)
            name, current.stem = _name(head)
            current.names.append(name)
            result.actors.append(current)
        elif head:
            result.problems.append(f"{where}: indented text {head!r} is not a code; skipped")
        if current is None and blocks:
            result.problems.append(f"{where}: a code with no name before it; skipped")
            continue
        for block in blocks:
            try:
                assert current is not None
                current.codes.append(_code(block))
            except ValueError as exc:
                result.problems.append(f"{where}: {exc}; skipped")
    for actor in result.actors:
        if not actor.codes:
            result.problems.append(f"{actor.origin}: {actor.names[0]!r} has no code; skipped")
    result.actors = [a for a in result.actors if a.codes]


def _read_agents(path: Path, lines: list[tuple[int, str]], result: ImportResult) -> None:
    macros: dict[str, list[str]] = {}
    for number, line in lines:
        where = f"{path}:{number}"
        macro = _MACRO.match(line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        blocks = _CODE_BLOCK.findall(line)
        if not blocks:
            result.problems.append(f"{where}: no [~CODE] on this agent line; skipped")
            continue
        code = blocks[0].replace(" ", "").upper()
        prefix = code.endswith("~") and not code.startswith("~")
        code = code.strip("~")
        plurals = _PLURALS.findall(line)
        term_text = _PLURALS.sub("", _CODE_BLOCK.sub("", line)).strip()
        terms = _expand(term_text, macros)
        for extra in plurals:
            terms.extend(t for w in extra.split(",") if w.strip() for t in _expand(w, macros))
        for term in terms:
            name, _ = _name(term)
            result.agents.append(ImportedAgentRow(name.lower(), code, prefix, where))


def _expand(term: str, macros: dict[str, list[str]]) -> list[str]:
    found = re.search(r"![A-Z0-9_-]+!", term)
    if not found or found.group(0) not in macros:
        return [term.replace("!", "")] if term else []
    out: list[str] = []
    for value in macros[found.group(0)]:
        out.extend(_expand(term[: found.start()] + value + term[found.end() :], macros))
    return out


def write_imported(result: ImportResult, folder: Path) -> tuple[Path, Path]:
    """Write ``imported-actors.csv`` and ``imported-agents.csv`` into ``folder`` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    actors_path, agents_path = folder / IMPORTED_ACTORS, folder / IMPORTED_AGENTS
    buffer = io.StringIO()
    buffer.write(
        "# Actors imported by `thucydides actors import` (PETRARCH/TABARI format). One row per\n"
        "# code; rows with the same name are one actor. start/end: the code's dates (end\n"
        "# exclusive; empty = open). stem=yes: the name also matches longer words. Edit freely.\n"
    )
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["name", "aliases", "code", "start", "end", "stem"])
    seen: set[str] = set()
    for actor in result.actors:
        names: list[str] = []
        for n in actor.names:  # a name has one meaning: the first entry that uses it keeps it
            if n.lower() in seen:
                result.problems.append(f"{actor.origin}: {n!r} is listed twice; kept the first")
            elif n.lower() not in (m.lower() for m in names):
                names.append(n)
        if not names:
            continue
        seen.update(n.lower() for n in names)
        name, aliases = names[0], "|".join(names[1:])
        for code in actor.codes:
            writer.writerow(
                [
                    name,
                    aliases,
                    code.code,
                    code.start.isoformat() if code.start else "",
                    code.end.isoformat() if code.end else "",
                    "yes" if actor.stem else "",
                ]
            )
    actors_path.write_text(buffer.getvalue(), encoding="utf-8")
    buffer = io.StringIO()
    buffer.write(
        "# Agents imported by `thucydides actors import`: code added after (suffix) or before\n"
        "# (prefix) the actor's code. Edit freely.\n"
    )
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["term", "code", "position"])
    terms: set[str] = set()
    for agent in result.agents:
        if agent.term in terms:
            continue
        terms.add(agent.term)
        writer.writerow([agent.term, agent.code, "prefix" if agent.prefix else "suffix"])
    agents_path.write_text(buffer.getvalue(), encoding="utf-8")
    return actors_path, agents_path
