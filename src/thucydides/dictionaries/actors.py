"""Actor dictionaries: load, validate and index countries, agents, groups and people.

The four CSV files beside this module are written by hand (docs/dictionaries-actors.md). Loading
checks every row and raises :class:`~thucydides.errors.DataFileError` naming file, line and fix.
All names go into one index of normalised surface forms (``"the Kremlin"`` → ``"kremlin"``), so a
word can only mean one thing; :func:`default_dictionary` builds it once per process.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

from thucydides.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent

#: CAMEO sector (role) codes an agent, group or person may carry. MED is media (CAMEO), HLH health.
CAMEO_SECTORS = frozenset(
    {
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "INS", "SEP", "UAF", "AGR",
        "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED",
        "REF", "MOD", "RAD", "REL", "IGO", "NGO", "NGM", "MNC", "IMG", "INT", "UIS", "PKO",
        "SET",
    }
)  # fmt: skip
#: PLOVER sector codes. JRN is media (CAMEO MED); MED is health (CAMEO HLH).
PLOVER_SECTORS = frozenset(
    {
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "UAF", "AGR", "BUS", "CRM",
        "CVL", "DEV", "EDU", "ELI", "ENV", "MED", "HRI", "LAB", "LEG", "JRN", "REF", "REL",
        "PRM", "PRE", "SOC", "UNK", "IGO", "NGO", "MNC", "IMG",
    }
)  # fmt: skip
#: Where the two ontologies name a sector differently (CAMEO → PLOVER); other codes are the same.
CAMEO_TO_PLOVER = {"MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "NGM": "NGO"}


def to_plover(sectors: tuple[str, ...]) -> tuple[str, ...]:
    """CAMEO sector codes as PLOVER writes them (media MED → JRN, health HLH → MED, ...)."""
    return tuple(CAMEO_TO_PLOVER.get(s, s) for s in sectors)


GROUP_KINDS = frozenset({"igo", "armed", "political", "ethnic", "institution", "media", "ngo"})

EntryKind = Literal["country", "seat", "group", "person", "agent", "imported"]

#: Environment variable: extra knowledge-base folders (``os.pathsep``-separated), e.g. the output of
#: ``thucydides actors import``; their entries override the bundled ones.
ACTORS_ENV = "THUCYDIDES_ACTORS"
IMPORTED_ACTORS = "imported-actors.csv"
IMPORTED_AGENTS = "imported-agents.csv"

_ISO3 = re.compile(r"[A-Z]{3}")
_CODE = re.compile(r"[A-Z]{3,12}")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Agent:
    term: str
    cameo: tuple[str, ...]
    plover: tuple[str, ...]
    generic: bool
    prefix: bool = False  # imported "NGO~" agents: the code goes before the country


@dataclass(frozen=True, slots=True)
class DatedCode:
    """One code of an imported actor, valid from ``start`` (inclusive) to ``end`` (exclusive)."""

    code: str
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class ImportedActor:
    """An actor imported from another coder's dictionary (PETRARCH/TABARI): its codes as written
    there, with their date restrictions. ``stem``: the name also matches longer words
    ("BULGAR" matches "Bulgarian"), as in those dictionaries."""

    name: str
    aliases: tuple[str, ...]
    codes: tuple[DatedCode, ...]  # dated codes first, the undated default last
    stem: bool = False

    def code_on(self, when: dt.date | None) -> str:
        """The code valid on ``when``; the undated default (else the latest code) otherwise."""
        if when is not None:
            for c in self.codes:
                if (c.start is not None or c.end is not None) and c.holds_on(when):
                    return c.code
        undated = [c for c in self.codes if c.start is None and c.end is None]
        if undated:
            return undated[0].code
        return max(self.codes, key=lambda c: c.start or dt.date.min).code


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    code: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sectors: tuple[str, ...]
    kind: str


@dataclass(frozen=True, slots=True)
class Role:
    """One dated role of a person. ``org`` is a group code (IGOUNO) when ``country`` is None."""

    country: str | None
    org: str | None
    sectors: tuple[str, ...]
    role: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]  # sorted by start

    def role_on(self, when: dt.date | None) -> Role | None:
        """The role held on ``when`` (the most recent role when ``when`` is None)."""
        if when is None:
            return self.roles[-1]
        held = [r for r in self.roles if r.start <= when and (r.end is None or when < r.end)]
        return held[-1] if held else None


@dataclass(frozen=True, slots=True)
class Entry:
    """What a normalised surface form means. ``exact``: case-sensitive spellings (acronyms)."""

    kind: EntryKind
    ref: Country | Agent | Group | Person | ImportedActor
    source: str  # "file:line", for explanations and conflict messages
    exact: frozenset[str] | None
    proper: bool  # the text must contain a capital letter ("Turkey", not "turkey")

    @property
    def meaning(self) -> tuple[str, str]:
        ref = self.ref
        if isinstance(ref, Country):
            return (self.kind, ref.iso3)
        if isinstance(ref, Group):
            return ("group", ref.id)
        if isinstance(ref, Person):
            return ("person", ref.name)
        if isinstance(ref, ImportedActor):
            return ("imported actor", ref.name)
        return ("agent", "|".join(ref.cameo) + "/" + "|".join(ref.plover) + f"/{ref.generic}")


_LOOKUPS_KEPT = 1 << 16  # words remembered by lookup() and may_start() (then they start over)
_V = TypeVar("_V")


def _remember(answers: dict[str, _V], word: str, answer: _V) -> _V:
    """``answer``, kept in ``answers`` under ``word`` (which starts over when it is full)."""
    if len(answers) >= _LOOKUPS_KEPT:
        answers.clear()
    answers[word] = answer
    return answer


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    countries: dict[str, Country]
    agents: tuple[Agent, ...]
    groups: dict[str, Group]  # by id
    groups_by_code: dict[str, Group]
    people: dict[str, Person]
    index: dict[str, Entry]
    max_tokens: int
    stems: dict[str, tuple[tuple[str, Entry], ...]] = field(default_factory=dict)
    first_words: frozenset[str] = frozenset()  # first word of every name: a quick "no" for matching
    # answers of lookup() and may_start() by word: the dictionary never changes once built
    _looked_up: dict[str, Entry | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _may_start: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    def may_start(self, word: str) -> bool:
        """False when no name can start with ``word`` (so matching can skip it)."""
        try:
            return self._may_start[word]
        except KeyError:
            pass
        answer = bool(self.stems) or not self.first_words or first_word(word) in self.first_words
        return _remember(self._may_start, word, answer)

    def lookup(self, text: str) -> Entry | None:
        """The entry a surface form means, honouring case rules; None when unknown."""
        try:
            return self._looked_up[text]
        except KeyError:
            pass
        return _remember(self._looked_up, text, self._lookup(text))

    def _lookup(self, text: str) -> Entry | None:
        key = normalize(text)
        entry = self.index.get(key)
        if self.stems and (entry is None or entry.kind != "imported"):
            # an imported stem ("BULGAR") also matches longer words, and beats bundled entries
            stems = [
                (stem, e)
                for stem, e in self.stems.get(key[:4], ())
                if key.startswith(stem) and " " not in key[len(stem) :]
            ]
            if stems and (entry is None or any(c.isupper() for c in text)):
                entry = max(stems, key=lambda pair: len(pair[0]))[1]
        if entry is None:
            return None
        if entry.exact is not None and _fold(text).strip() not in entry.exact:
            return None
        if entry.proper and not any(c.isupper() for c in text):
            return None
        return entry


# --------------------------------------------------------------------------- normalisation


@functools.lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Drop diacritics, unify apostrophes and collapse spaces (case kept)."""
    if text.isascii():
        return _SPACE.sub(" ", text)
    text = text.replace("’", "'").replace("‘", "'").replace("ı", "i").replace("İ", "I")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", stripped)


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The index key of a surface form: folded, lower case, without a leading "the "."""
    key = _fold(text).strip().lower()
    if key.startswith("the "):
        key = key[4:]
    return key


@functools.lru_cache(maxsize=65536)
def first_word(text: str) -> str:
    """The first word of a normalised surface form, as matching splits it ("al-shabab" → "al")."""
    found = _WORD.search(normalize(text))
    return found.group(0) if found else ""


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# --------------------------------------------------------------------------- reading


def _rows(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for every data line; comments (#) and blank lines skipped."""
    name = str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(name, None, f"cannot read the file: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(name, None, f"not UTF-8 ({exc}); save it as UTF-8") from exc
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = next(csv.reader([line]))
        if not header_seen:
            if fields != list(columns):
                raise DataFileError(
                    name, number, f"header must be {','.join(columns)} (found {','.join(fields)})"
                )
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise DataFileError(
                name,
                number,
                f"expected {len(columns)} fields ({','.join(columns)}), found {len(fields)}; "
                'quote fields that contain a comma ("a, b")',
            )
        yield number, {c: f.strip() for c, f in zip(columns, fields, strict=True)}
    if not header_seen:
        raise DataFileError(
            name, None, f"no header line; the first line must be {','.join(columns)}"
        )


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _sectors(
    value: str, known: frozenset[str], what: str, path: Path, line: int
) -> tuple[str, ...]:
    codes = _split(value)
    for code in codes:
        if code not in known:
            raise DataFileError(
                str(path),
                line,
                f"unknown {what} sector code {code!r}; use one of {', '.join(sorted(known))}",
            )
    return codes


def _date(value: str, column: str, path: Path, line: int) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DataFileError(
            str(path), line, f"bad date {value!r} in column {column}; write YYYY-MM-DD"
        ) from None


def _need(row: dict[str, str], column: str, path: Path, line: int) -> str:
    value = row[column]
    if not value:
        raise DataFileError(str(path), line, f"empty {column}; every row needs one")
    return value


def load_countries(path: Path) -> dict[str, tuple[Country, int]]:
    out: dict[str, tuple[Country, int]] = {}
    for line, row in _rows(path, ("iso3", "name", "aliases", "adjectives", "seats")):
        iso3 = _need(row, "iso3", path, line)
        if not _ISO3.fullmatch(iso3):
            raise DataFileError(
                str(path), line, f"ISO3 code {iso3!r} must be three capital letters, e.g. TUR"
            )
        if iso3 in out:
            raise DataFileError(
                str(path), line, f"duplicate ISO3 code {iso3} (first on line {out[iso3][1]})"
            )
        country = Country(
            iso3=iso3,
            name=_need(row, "name", path, line),
            aliases=_split(row["aliases"]),
            adjectives=_split(row["adjectives"]),
            seats=_split(row["seats"]),
        )
        out[iso3] = (country, line)
    return out


def load_agents(path: Path) -> list[tuple[Agent, int]]:
    out: list[tuple[Agent, int]] = []
    for line, row in _rows(path, ("term", "cameo", "plover", "generic")):
        term = _need(row, "term", path, line)
        cameo = _sectors(_need(row, "cameo", path, line), CAMEO_SECTORS, "CAMEO", path, line)
        plover = _sectors(_need(row, "plover", path, line), PLOVER_SECTORS, "PLOVER", path, line)
        if row["generic"] not in ("", "yes"):
            raise DataFileError(
                str(path), line, f"generic must be 'yes' or empty, not {row['generic']!r}"
            )
        out.append((Agent(term, cameo, plover, row["generic"] == "yes"), line))
    return out


def load_groups(path: Path, countries: dict[str, object]) -> dict[str, tuple[Group, int]]:
    out: dict[str, tuple[Group, int]] = {}
    columns = ("id", "code", "name", "aliases", "country", "sectors", "kind")
    for line, row in _rows(path, columns):
        gid = _need(row, "id", path, line)
        if gid in out:
            raise DataFileError(
                str(path), line, f"duplicate id {gid} (first on line {out[gid][1]})"
            )
        code = _need(row, "code", path, line)
        if not _CODE.fullmatch(code):
            raise DataFileError(
                str(path),
                line,
                f"code {code!r} must be 3-12 capital letters, e.g. IGOUNO or SYRREB",
            )
        country = row["country"] or None
        if country is not None:
            if country not in countries:
                raise DataFileError(
                    str(path), line, f"unknown ISO3 country {country!r}; add it to countries.csv"
                )
            if not code.startswith(country):
                raise DataFileError(
                    str(path), line, f"code {code} must start with its country {country}"
                )
        kind = _need(row, "kind", path, line)
        if kind not in GROUP_KINDS:
            raise DataFileError(
                str(path),
                line,
                f"unknown kind {kind!r}; use one of {', '.join(sorted(GROUP_KINDS))}",
            )
        group = Group(
            id=gid,
            code=code,
            name=_need(row, "name", path, line),
            aliases=_split(row["aliases"]),
            country=country,
            sectors=_sectors(row["sectors"], CAMEO_SECTORS, "CAMEO", path, line),
            kind=kind,
        )
        out[gid] = (group, line)
    return out


def load_people(
    path: Path, countries: dict[str, object], org_codes: set[str]
) -> dict[str, tuple[Person, int]]:
    rows: dict[str, list[tuple[Role, tuple[str, ...], int]]] = {}
    columns = ("name", "aliases", "country", "sectors", "role", "start", "end")
    for line, row in _rows(path, columns):
        name = _need(row, "name", path, line)
        where = _need(row, "country", path, line)
        if where in countries:
            country, org = where, None
        elif where in org_codes:
            country, org = None, where
        else:
            raise DataFileError(
                str(path),
                line,
                f"unknown country {where!r}: use an ISO3 code from countries.csv "
                "or an organisation code from groups.csv (e.g. IGOUNO)",
            )
        start = _date(_need(row, "start", path, line), "start", path, line)
        end = _date(row["end"], "end", path, line) if row["end"] else None
        if end is not None and end < start:
            raise DataFileError(str(path), line, f"end {end} is before start {start}")
        role = Role(
            country=country,
            org=org,
            sectors=_sectors(row["sectors"], CAMEO_SECTORS, "CAMEO", path, line),
            role=_need(row, "role", path, line),
            start=start,
            end=end,
        )
        rows.setdefault(name, []).append((role, _split(row["aliases"]), line))
    out: dict[str, tuple[Person, int]] = {}
    for name, entries in rows.items():
        aliases: list[str] = []
        for _, alias_list, _ in entries:
            aliases.extend(a for a in alias_list if a not in aliases)
        roles = tuple(sorted((r for r, _, _ in entries), key=lambda r: r.start))
        out[name] = (Person(name, tuple(aliases), roles), entries[0][2])
    return out


# --------------------------------------------------------------------------- index


class _IndexBuilder:
    def __init__(self) -> None:
        self.index: dict[str, Entry] = {}
        self.max_tokens = 1
        self.layer: set[str] = set()  # keys added by the current layer (a later layer overrides)
        self.stems: dict[str, list[tuple[str, Entry]]] = {}

    def next_layer(self) -> None:
        self.layer = set()

    def add_stem(self, surface: str, ref: ImportedActor, path: Path, line: int) -> None:
        key = normalize(surface)
        entry = Entry("imported", ref, f"{path.name}:{line}", None, proper=True)
        if len(key) >= 4:
            self.stems.setdefault(key[:4], []).append((key, entry))

    def add(
        self,
        surface: str,
        kind: EntryKind,
        ref: Country | Agent | Group | Person | ImportedActor,
        path: Path,
        line: int,
        *,
        proper: bool,
    ) -> None:
        key = normalize(surface)
        if not key:
            raise DataFileError(str(path), line, f"empty name in {surface!r}")
        acronym = _is_acronym(surface)
        new = Entry(
            kind=kind,
            ref=ref,
            source=f"{path.name}:{line}",
            exact=frozenset({_fold(surface).strip()}) if acronym else None,
            proper=proper and not acronym,
        )
        old = self.index.get(key) if key in self.layer else None
        self.layer.add(key)
        if old is not None:
            if old.meaning != new.meaning:
                raise DataFileError(
                    str(path),
                    line,
                    f"{surface!r} already means {old.meaning[0]} {old.meaning[1]} "
                    f"({old.source}); give each name one meaning: remove or change one of them",
                )
            exact = None if old.exact is None or new.exact is None else old.exact | new.exact
            new = Entry(kind, old.ref, old.source, exact, old.proper and new.proper)
        self.index[key] = new
        self.max_tokens = max(self.max_tokens, len(re.findall(r"\w+|[^\w\s]", surface)) + 1)


def load_actor_dictionary(
    directory: Path = DATA_DIR, extra: Sequence[Path] = ()
) -> ActorDictionary:
    """Read and validate the four actor files in ``directory``, then each ``extra`` folder
    (imported or curated entries, which override the earlier ones); raise DataFileError on a bad
    row."""
    cpath, apath = directory / "countries.csv", directory / "agents.csv"
    gpath, ppath = directory / "groups.csv", directory / "people.csv"
    countries = load_countries(cpath)
    agents = load_agents(apath)
    groups = load_groups(gpath, dict(countries))
    org_codes = {g.code for g, _ in groups.values() if g.country is None}
    people = load_people(ppath, dict(countries), org_codes)

    builder = _IndexBuilder()
    for country, line in countries.values():
        for surface in (country.name, *country.aliases, *country.adjectives):
            builder.add(surface, "country", country, cpath, line, proper=True)
        for surface in country.seats:
            builder.add(surface, "seat", country, cpath, line, proper=True)
    for group, line in groups.values():
        for surface in (group.name, *group.aliases):
            builder.add(surface, "group", group, gpath, line, proper=True)
    _add_people(builder, people, ppath)
    all_agents = [a for a, _ in agents]
    for agent, line in agents:
        builder.add(agent.term, "agent", agent, apath, line, proper=False)
    all_people = {k: p for k, (p, _) in people.items()}

    for folder in extra:
        if not folder.is_dir():
            raise DataFileError(
                str(folder), None, "not a folder; give a folder made by `thucydides actors import`"
            )
        builder.next_layer()
        extra_people = folder / "people.csv"
        if extra_people.exists():
            more = load_people(extra_people, dict(countries), org_codes)
            _add_people(builder, more, extra_people)
            all_people.update({k: p for k, (p, _) in more.items()})
        if (folder / IMPORTED_ACTORS).exists():
            imported = load_imported_actors(folder / IMPORTED_ACTORS)
            for actor, line in imported:
                for surface in (actor.name, *actor.aliases):
                    builder.add(
                        surface, "imported", actor, folder / IMPORTED_ACTORS, line, proper=True
                    )
                    if actor.stem:
                        builder.add_stem(surface, actor, folder / IMPORTED_ACTORS, line)
        if (folder / IMPORTED_AGENTS).exists():
            for agent, line in load_imported_agents(folder / IMPORTED_AGENTS):
                all_agents.append(agent)
                builder.add(
                    agent.term, "agent", agent, folder / IMPORTED_AGENTS, line, proper=False
                )

    return ActorDictionary(
        countries={k: c for k, (c, _) in countries.items()},
        agents=tuple(all_agents),
        groups={k: g for k, (g, _) in groups.items()},
        groups_by_code={g.code: g for g, _ in groups.values() if g.country is None},
        people=all_people,
        index=builder.index,
        max_tokens=builder.max_tokens,
        stems={k: tuple(v) for k, v in builder.stems.items()},
        first_words=frozenset({first_word(k) for k in builder.index} | {"the"}),
    )


def _add_people(builder: _IndexBuilder, people: dict[str, tuple[Person, int]], path: Path) -> None:
    for person, line in people.values():
        for surface in (person.name, *person.aliases):
            builder.add(surface, "person", person, path, line, proper=True)


def load_imported_actors(path: Path) -> list[tuple[ImportedActor, int]]:
    """Rows ``name,aliases,code,start,end,stem`` (one per dated code; rows with the same name are
    one actor) as written by ``thucydides actors import``."""
    rows: dict[str, list[tuple[DatedCode, tuple[str, ...], bool, int]]] = {}
    for line, row in _rows(path, ("name", "aliases", "code", "start", "end", "stem")):
        name = _need(row, "name", path, line)
        code = _need(row, "code", path, line).upper()
        if not re.fullmatch(r"[A-Z0-9\-+/]{1,40}", code):
            raise DataFileError(
                str(path),
                line,
                f"bad code {code!r}; write capital letters (several codes: A/B), e.g. USAGOV",
            )
        start = _date(row["start"], "start", path, line) if row["start"] else None
        end = _date(row["end"], "end", path, line) if row["end"] else None
        if start and end and end < start:
            raise DataFileError(str(path), line, f"end {end} is before start {start}")
        if row["stem"] not in ("", "yes", "no"):
            raise DataFileError(str(path), line, f"stem must be yes or no, not {row['stem']!r}")
        dated = DatedCode(code, start, end)
        rows.setdefault(name, []).append(
            (dated, _split(row["aliases"]), row["stem"] == "yes", line)
        )
    out: list[tuple[ImportedActor, int]] = []
    for name, entries in rows.items():
        aliases: list[str] = []
        for _, alias_list, _, _ in entries:
            aliases.extend(a for a in alias_list if a not in aliases)
        codes = sorted(
            (c for c, _, _, _ in entries), key=lambda c: c.start is None and c.end is None
        )
        stem = any(st for _, _, st, _ in entries)
        out.append((ImportedActor(name, tuple(aliases), tuple(codes), stem), entries[0][3]))
    return out


def load_imported_agents(path: Path) -> list[tuple[Agent, int]]:
    """Rows ``term,code,position``: an agent code added after (suffix) or before (prefix) the
    actor's code, as in PETRARCH agent dictionaries ("~GOV", "NGO~")."""
    out: list[tuple[Agent, int]] = []
    for line, row in _rows(path, ("term", "code", "position")):
        term = _need(row, "term", path, line)
        code = row["code"].upper()
        if code and not re.fullmatch(r"[A-Z0-9]{1,12}", code):
            raise DataFileError(str(path), line, f"bad code {code!r}; write letters only, e.g. GOV")
        position = row["position"] or "suffix"
        if position not in ("suffix", "prefix"):
            raise DataFileError(
                str(path), line, f"position must be suffix or prefix, not {position!r}"
            )
        codes = (code,) if code else ()
        out.append((Agent(term, codes, codes, False, position == "prefix"), line))
    return out


def extra_folders(environ: dict[str, str] | None = None) -> tuple[Path, ...]:
    """The folders named by $THUCYDIDES_ACTORS (``os.pathsep``-separated), in order."""
    value = (environ if environ is not None else os.environ).get(ACTORS_ENV, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p.strip())


def default_dictionary() -> ActorDictionary:
    """The bundled dictionaries plus the folders in $THUCYDIDES_ACTORS, loaded once per process."""
    return _cached_dictionary(extra_folders())


@functools.cache
def _cached_dictionary(extra: tuple[Path, ...]) -> ActorDictionary:
    return load_actor_dictionary(DATA_DIR, extra)
